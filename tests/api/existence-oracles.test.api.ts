import request from 'supertest';
import { ownedTypesOf } from '../../src/plugins/organization-access/server/src/ownership';
import { startStrapi, type TestInstance } from '../harness/strapi';
import { bindToOrganizations, createApiTokenRecord, createOrganization, signedInMember } from '../harness/fixtures';
import { prepareSamples, sampleData } from '../harness/samples';

/**
 * An editor learns nothing of another organization's content from the Content Manager: every
 * action on it answers exactly as the same action on a document that does not exist, and the
 * relations of a shared record list none of the other organization's drafts.
 */
let app: TestInstance;
let editor: string;
let publisher: string;
const organizations: { id: number; documentId: string }[] = [];

beforeAll(async () => {
  app = await startStrapi();
  const root = await createOrganization(app.strapi, { name: '存在性测试市人民政府', kind: 'people_government' });
  for (const name of ['甲局', '乙局']) {
    const organization = await createOrganization(app.strapi, { name: `存在性测试${name}`, parent: root.documentId });
    await prepareSamples(app.strapi, organization.documentId);
    organizations.push(organization);
  }
  editor = (await signedInMember(app.server, app.strapi, 'gongkai-editor', [organizations[0].id])).token;
  publisher = (await signedInMember(app.server, app.strapi, 'gongkai-publisher', [organizations[0].id])).token;
});

afterAll(async () => {
  await app.stop();
});

const types = () => [...ownedTypesOf(app.strapi).values()];
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

it('answers every Content Manager action on another organization\'s document as on one that does not exist', async () => {
  for (const type of types()) {
    const documents = app.strapi.documents(type.uid as never) as unknown as { create: (p: object) => Promise<{ documentId: string }>; publish: (p: object) => Promise<unknown> };
    const theirs = (await documents.create({ data: sampleData(app.strapi, type.uid, type.owner, organizations[1].documentId) })).documentId;
    if (type.draftAndPublish) await documents.publish({ documentId: theirs });
    const cm = (id: string, action = '') => `/content-manager/collection-types/${type.uid}/${id}${action}`;
    const attempts: [string, (id: string) => request.Test][] = [
      ['view', (id) => request(app.server).get(cm(id)).set(bearer(editor))],
      ['delete', (id) => request(app.server).delete(cm(id)).set(bearer(publisher))],
      ['update', (id) => request(app.server).put(cm(id)).set(bearer(editor)).send({})],
    ];
    if (type.draftAndPublish) {
      attempts.push(
        ['publish', (id) => request(app.server).post(cm(id, '/actions/publish')).set(bearer(publisher)).send({})],
        ['unpublish', (id) => request(app.server).post(cm(id, '/actions/unpublish')).set(bearer(publisher)).send({})],
        ['discard', (id) => request(app.server).post(cm(id, '/actions/discard')).set(bearer(publisher)).send({})],
      );
    }
    for (const [action, attempt] of attempts) {
      const other = await attempt(theirs);
      const missing = await attempt('doesnotexist0000000000000');
      expect({ type: type.uid, action, status: other.status, body: other.body }).toEqual({ type: type.uid, action, status: missing.status, body: missing.body });
      expect({ type: type.uid, action, status: other.status }).toEqual({ type: type.uid, action, status: 404 });
    }
  }
});

it('answers the Content Manager\'s bulk actions on another organization\'s documents as on ids of no document, and acts on the editor\'s own', async () => {
  for (const type of types().filter((one) => one.draftAndPublish)) {
    const documents = app.strapi.documents(type.uid as never) as unknown as {
      create: (p: object) => Promise<{ documentId: string }>;
      publish: (p: object) => Promise<unknown>;
      findOne: (p: object) => Promise<unknown>;
    };
    const create = async (organization: number, published: boolean) => {
      const made = (await documents.create({ data: sampleData(app.strapi, type.uid, type.owner, organizations[organization].documentId) })).documentId;
      if (published) await documents.publish({ documentId: made });
      return made;
    };
    const actions = `/content-manager/collection-types/${type.uid}/actions`;
    const attempts: [string, boolean, (ids: string[]) => request.Test][] = [
      ['bulkPublish', false, (ids) => request(app.server).post(`${actions}/bulkPublish`).set(bearer(publisher)).send({ documentIds: ids })],
      ['bulkUnpublish', true, (ids) => request(app.server).post(`${actions}/bulkUnpublish`).set(bearer(publisher)).send({ documentIds: ids })],
      ['bulkDelete', false, (ids) => request(app.server).post(`${actions}/bulkDelete`).set(bearer(publisher)).send({ documentIds: ids })],
      ['countManyEntriesDraftRelations', false, (ids) => request(app.server).get(`${actions}/countManyEntriesDraftRelations`).query({ documentIds: ids }).set(bearer(publisher))],
    ];
    for (const [action, published, attempt] of attempts) {
      const theirs = await create(1, published);
      const other = await attempt([theirs]);
      const missing = await attempt(['doesnotexist0000000000000']);
      expect({ type: type.uid, action, status: other.status, body: other.body }).toEqual({ type: type.uid, action, status: missing.status, body: missing.body });
      expect(await documents.findOne({ documentId: theirs, status: published ? 'published' : 'draft' })).not.toBeNull();
      if (action === 'countManyEntriesDraftRelations') continue;
      const mine = await create(0, published);
      const mixed = await attempt([mine, theirs]);
      expect({ type: type.uid, action, status: mixed.status, count: mixed.body.count }).toEqual({ type: type.uid, action, status: 200, count: 1 });
      expect(await documents.findOne({ documentId: theirs, status: published ? 'published' : 'draft' })).not.toBeNull();
    }
  }
});

it('answers a REST delete of another organization\'s document as of one that does not exist', async () => {
  const bound = await createApiTokenRecord(app.strapi, 'full-access');
  await bindToOrganizations(app.strapi, { apiToken: bound.id }, [organizations[0].id]);
  const UID = 'api::normative-document.normative-document';
  const theirs = await app.strapi.documents(UID).create({ data: sampleData(app.strapi, UID, 'issuingOrganization', organizations[1].documentId) as never });
  const remove = (id: string) => request(app.server).delete(`/api/normative-documents/${id}`).set(bearer(bound.accessKey));
  const other = await remove(theirs.documentId);
  const missing = await remove('doesnotexist0000000000000');
  expect({ status: other.status, body: other.body }).toEqual({ status: missing.status, body: missing.body });
  expect(other.status).toBe(404);
  expect(await app.strapi.db.query(UID).count({ where: { documentId: theirs.documentId } })).toBe(1);
});

it('pages and counts a record\'s relations by the targets the editor may read', async () => {
  const UID = 'api::normative-document.normative-document';
  const hidden = [];
  for (let i = 0; i < 3; i += 1) {
    hidden.push((await app.strapi.documents(UID).create({ data: sampleData(app.strapi, UID, 'issuingOrganization', organizations[1].documentId) as never })).documentId);
  }
  const visible = await app.strapi.documents(UID).create({ data: sampleData(app.strapi, UID, 'issuingOrganization', organizations[0].documentId) as never });
  // An internal unit of the editor's organization, which the editor reads.
  const holder = await createOrganization(app.strapi, { name: '存在性测试甲局办公室', kind: 'internal_unit', parent: organizations[0].documentId });
  await app.strapi.documents('api::organization.organization').update({
    documentId: holder.documentId,
    data: { setupBasisDocuments: { connect: [...hidden, visible.documentId] } } as never,
  });
  const page = async (number: number) =>
    (
      await request(app.server)
        .get(`/content-manager/relations/api::organization.organization/${holder.documentId}/setupBasisDocuments?page=${number}&pageSize=1`)
        .set(bearer(editor))
    ).body;
  const first = await page(1);
  expect(first.pagination).toMatchObject({ page: 1, pageSize: 1, pageCount: 1, total: 1 });
  expect(first.results.map((row: { documentId: string }) => row.documentId)).toEqual([visible.documentId]);
  expect((await page(2)).results).toEqual([]);
});

it('lists none of another organization\'s drafts among the relations of a record every editor may read', async () => {
  const draft = await app.strapi.documents('api::normative-document.normative-document').create({
    data: sampleData(app.strapi, 'api::normative-document.normative-document', 'issuingOrganization', organizations[1].documentId) as never,
  });
  // A shared record: an organization's 三定 basis, linked by the platform to the other organization's draft.
  await app.strapi.documents('api::organization.organization').update({
    documentId: organizations[0].documentId,
    data: { setupBasisDocuments: { connect: [draft.documentId] } } as never,
  });
  const res = await request(app.server)
    .get(`/content-manager/relations/api::organization.organization/${organizations[0].documentId}/setupBasisDocuments`)
    .set(bearer(editor));
  expect(res.status).toBe(200);
  expect(JSON.stringify(res.body)).not.toContain(draft.documentId);
  expect(res.body.pagination.total).toBe(0);
});

it('keeps the lifecycle admin routes to what the editor may read: no other organization\'s 不予公开 basis or history', async () => {
  const UID = 'api::normative-document.normative-document';
  const documents = app.strapi.documents(UID) as unknown as { create: (p: object) => Promise<{ documentId: string }>; publish: (p: object) => Promise<unknown> };
  const hidden = await documents.create({
    data: { ...sampleData(app.strapi, UID, 'issuingOrganization', organizations[1].documentId), title: '不予公开的依据文件', disclosureMode: 'not_disclosed' },
  });
  await documents.publish({ documentId: hidden.documentId });
  const candidates = await request(app.server).get('/document-lifecycle/normative-documents/basis-candidates?q=不予公开').set(bearer(publisher));
  expect(candidates.status).toBe(200);
  expect(JSON.stringify(candidates.body)).not.toContain(hidden.documentId);
  const history = await request(app.server).get(`/document-lifecycle/normative-documents/${hidden.documentId}/history`).set(bearer(publisher));
  const missing = await request(app.server).get('/document-lifecycle/normative-documents/doesnotexist0000000000000/history').set(bearer(publisher));
  expect({ status: history.status, body: history.body }).toEqual({ status: missing.status, body: missing.body });
  const transition = await request(app.server).post(`/document-lifecycle/normative-documents/${hidden.documentId}/transitions`).set(bearer(publisher)).send({ action: 'repeal', date: '2026-01-01', basisReference: 'x' });
  const transitionMissing = await request(app.server).post('/document-lifecycle/normative-documents/doesnotexist0000000000000/transitions').set(bearer(publisher)).send({ action: 'repeal', date: '2026-01-01', basisReference: 'x' });
  expect({ status: transition.status, body: transition.body }).toEqual({ status: transitionMissing.status, body: transitionMissing.body });
});

it('answers a transition whose basis is another organization\'s draft as one whose basis does not exist', async () => {
  const UID = 'api::normative-document.normative-document';
  const documents = app.strapi.documents(UID) as unknown as { create: (p: object) => Promise<{ documentId: string }>; publish: (p: object) => Promise<unknown> };
  const own = await documents.create({ data: { ...sampleData(app.strapi, UID, 'issuingOrganization', organizations[0].documentId), title: '本机构待废止文件' } });
  await documents.publish({ documentId: own.documentId });
  const othersDraft = await documents.create({ data: { ...sampleData(app.strapi, UID, 'issuingOrganization', organizations[1].documentId), title: '他机构草稿' } });
  const send = (basisDocumentId: string) =>
    request(app.server).post(`/document-lifecycle/normative-documents/${own.documentId}/transitions`).set(bearer(publisher)).send({ action: 'repeal', date: '2026-01-01', basisDocumentId });
  const draft = await send(othersDraft.documentId);
  const missing = await send('doesnotexist0000000000000');
  expect(draft.status).toBe(400);
  expect({ status: draft.status, message: draft.body.error.message, path: draft.body.error.details.errors[0].path }).toEqual({
    status: missing.status,
    message: missing.body.error.message,
    path: missing.body.error.details.errors[0].path,
  });
  expect(draft.body.error.message).toBe('basisDocumentId does not exist');
});

it('still offers relation pickers to the super admin and editors', async () => {
  const admin = await signedInMember(app.server, app.strapi, 'strapi-super-admin', []);
  for (const token of [admin.token, editor]) {
    const res = await request(app.server).get(`/content-manager/relations/api::organization.organization/parent?id=${organizations[0].documentId}`).set(bearer(token));
    expect(res.status).toBe(200);
    expect(res.body.results.length).toBeGreaterThan(0);
  }
  const pick = await request(app.server).get(`/content-manager/relations/api::normative-document.normative-document/basedOn`).set(bearer(admin.token));
  expect(pick.status).toBe(200);
  expect(pick.body.results.length).toBeGreaterThan(0);
});
