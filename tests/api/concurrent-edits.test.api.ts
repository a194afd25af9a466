import request from 'supertest';
import { startStrapi, type TestInstance } from '../harness/strapi';
import { createApiToken, createOrganization, signedInMember } from '../harness/fixtures';
import { createDocumentDraft, publishDocument } from '../harness/documents';

/** Two people editing the same version: exactly one save wins, stored as sent; the other is told. */
let app: TestInstance;
let token: string;
let editor: string;
let organization: { id: number; documentId: string };
const UID = 'api::normative-document.normative-document';

beforeAll(async () => {
  app = await startStrapi();
  token = await createApiToken(app.strapi, 'full-access');
  organization = await createOrganization(app.strapi);
  editor = (await signedInMember(app.server, app.strapi, 'gongkai-editor', [organization.id])).token;
});

afterAll(async () => {
  await app.stop();
});

const auth = (key = token) => ({ Authorization: `Bearer ${key}` });
const stored = async (documentId: string) =>
  (await app.strapi.db.query(UID).findOne({ where: { documentId, publishedAt: { $null: true } }, select: ['title'] }))?.title;

describe('REST', () => {
  it('gives every read of a document its version and refuses a write from an older one with a 412', async () => {
    const documentId = await publishDocument(app.strapi, { issuingOrganization: organization.documentId, title: '原标题' });
    const read = await request(app.server).get(`/api/normative-documents/${documentId}?status=draft`).set(auth());
    const version = read.headers.etag;
    expect(version).toMatch(/^"[a-z0-9]+\.\d+"$/);

    const first = await request(app.server).put(`/api/normative-documents/${documentId}?status=draft`).set({ ...auth(), 'If-Match': version }).send({ data: { title: '甲的标题' } });
    expect(first.status).toBe(200);
    expect(first.headers.etag).not.toBe(version);

    const second = await request(app.server).put(`/api/normative-documents/${documentId}?status=draft`).set({ ...auth(), 'If-Match': version }).send({ data: { title: '乙的标题' } });
    expect({ status: second.status, body: second.body }).toMatchObject({ status: 412 });
    expect(second.body).toEqual({
      data: null,
      error: { status: 412, name: 'PreconditionFailedError', message: 'The document has changed since this version: read it again and reapply the change', details: { code: 'STALE_VERSION', current: first.headers.etag } },
    });
    expect(await stored(documentId)).toBe('甲的标题');

    const current = await request(app.server).put(`/api/normative-documents/${documentId}?status=draft`).set({ ...auth(), 'If-Match': first.headers.etag }).send({ data: { title: '乙重读后的标题' } });
    expect(current.status).toBe(200);
    expect(await stored(documentId)).toBe('乙重读后的标题');
  });

  it('refuses a delete from an older version', async () => {
    const created = await request(app.server).post('/api/topics').set(auth()).send({ data: { name: '并发删除主题', code: 'stale-delete' } });
    const topic = created.body.data.documentId;
    const version = (await request(app.server).get(`/api/topics/${topic}`).set(auth())).headers.etag;
    expect((await request(app.server).put(`/api/topics/${topic}`).set({ ...auth(), 'If-Match': version }).send({ data: { name: '改过的主题' } })).status).toBe(200);
    const removed = await request(app.server).delete(`/api/topics/${topic}`).set({ ...auth(), 'If-Match': version });
    expect(removed.status).toBe(412);
    expect(await app.strapi.db.query('api::topic.topic').count({ where: { documentId: topic } })).toBe(1);
  });

  it('gives the public the version of what it reads: a draft edit does not change it', async () => {
    const documentId = await publishDocument(app.strapi, { issuingOrganization: organization.documentId });
    const before = (await request(app.server).get(`/api/normative-documents/${documentId}`)).headers.etag;
    expect(before).toBeDefined();
    await app.strapi.documents(UID).update({ documentId, data: { title: '草稿中的修改' } as never });
    expect((await request(app.server).get(`/api/normative-documents/${documentId}`)).headers.etag).toBe(before);
  });
});

describe('GraphQL', () => {
  it('gives each document its version and refuses a mutation from an older one', async () => {
    const documentId = await publishDocument(app.strapi, { issuingOrganization: organization.documentId, title: 'GraphQL 原标题' });
    const graphql = (query: string, headers: Record<string, string> = {}) => request(app.server).post('/graphql').set({ ...auth(), ...headers }).send({ query });
    const read = await graphql(`{ normativeDocument(documentId: "${documentId}", status: DRAFT) { version } }`);
    const version = read.body.data.normativeDocument.version;
    expect(version).toBe((await request(app.server).get(`/api/normative-documents/${documentId}?status=draft`).set(auth())).headers.etag);
    const mutate = (title: string) => graphql(`mutation { updateNormativeDocument(documentId: "${documentId}", status: DRAFT, data: { title: "${title}" }) { documentId } }`, { 'If-Match': version });
    const first = await mutate('GraphQL 甲');
    expect(first.body.errors).toBeUndefined();
    const second = await mutate('GraphQL 乙');
    expect(second.body.errors[0]).toMatchObject({ extensions: { error: { details: { code: 'STALE_VERSION' } } } });
    expect(await stored(documentId)).toBe('GraphQL 甲');
  });
});

describe('Content Manager', () => {
  const cm = (documentId: string) => `/content-manager/collection-types/${UID}/${documentId}`;

  it('saves one of two edits made from the same version and tells the other, in Chinese, with a 409', async () => {
    const { documentId } = await createDocumentDraft(app.strapi, { issuingOrganization: organization.documentId, title: '共同编辑的文件' });
    const opened = await request(app.server).get(cm(documentId)).set(auth(editor));
    expect(opened.status).toBe(200);
    const version = opened.headers.etag;
    const save = (title: string) => request(app.server).put(cm(documentId)).set({ ...auth(editor), 'If-Match': version }).send({ title });

    const titles = ['编辑甲的版本', '编辑乙的版本'];
    const results = await Promise.all(titles.map(save));
    expect(results.map((res) => res.status).sort()).toEqual([200, 409]);
    const winner = results.findIndex((res) => res.status === 200);
    const loser = results[1 - winner];
    expect(loser.body.error).toMatchObject({ status: 409, message: '已被他人修改，请刷新后再改', details: { code: 'STALE_VERSION' } });
    expect(await stored(documentId)).toBe(titles[winner]);
    expect(results[winner].headers.etag).toBeDefined();
  });

  it('saves and publishes in one step from the current version', async () => {
    const { documentId } = await createDocumentDraft(app.strapi, { issuingOrganization: organization.documentId });
    const publisher = (await signedInMember(app.server, app.strapi, 'gongkai-publisher', [organization.id])).token;
    const version = (await request(app.server).get(cm(documentId)).set(auth(publisher))).headers.etag;
    const publish = await request(app.server).post(`${cm(documentId)}/actions/publish`).set({ ...auth(publisher), 'If-Match': version }).send({ title: '保存并发布的修改' });
    expect(publish.status).toBe(200);
    expect(await app.strapi.db.query(UID).count({ where: { documentId, publishedAt: { $notNull: true } } })).toBe(1);
  });

  it('refuses a publication from an older version too', async () => {
    const { documentId } = await createDocumentDraft(app.strapi, { issuingOrganization: organization.documentId });
    const publisher = (await signedInMember(app.server, app.strapi, 'gongkai-publisher', [organization.id])).token;
    const version = (await request(app.server).get(cm(documentId)).set(auth(publisher))).headers.etag;
    await request(app.server).put(cm(documentId)).set({ ...auth(publisher), 'If-Match': version }).send({ title: '先保存的修改' });
    const publish = await request(app.server).post(`${cm(documentId)}/actions/publish`).set({ ...auth(publisher), 'If-Match': version }).send({ title: '旧版本上的修改' });
    expect(publish.status).toBe(409);
    expect(await app.strapi.db.query(UID).count({ where: { documentId, publishedAt: { $notNull: true } } })).toBe(0);
  });
});
