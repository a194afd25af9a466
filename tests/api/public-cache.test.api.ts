import { execFileSync } from 'child_process';
import request from 'supertest';
import { startStrapi, type TestInstance } from '../harness/strapi';
import { createApiToken, createOrganization, createSiteUser, type CreatedOrganization } from '../harness/fixtures';
import { createDocumentDraft, publishDocument } from '../harness/documents';
import type { LifecycleService } from '../../src/plugins/document-lifecycle/server/src/services';
import type { CacheService } from '../../src/plugins/public-cache/server/src/services';

/**
 * Public reads are answered from memory until anything in the database changes: for each way
 * data changes, a read is cached, the change is made, and the next read gives the new answer.
 */
let app: TestInstance;
let token: string;
let organization: CreatedOrganization;
const UID = 'api::normative-document.normative-document';
const documents = () => app.strapi.documents(UID);
const lifecycle = () => app.strapi.plugin('document-lifecycle').service('lifecycle') as LifecycleService;
const cache = () => app.strapi.plugin('public-cache').service('cache') as CacheService;

beforeAll(async () => {
  app = await startStrapi({ PUBLIC_CACHE_MAX_BYTES: String(1024 * 1024), CORS_ORIGINS: 'https://www.taiyuan.gov.cn' });
  token = await createApiToken(app.strapi, 'full-access');
  organization = await createOrganization(app.strapi, { name: '太原市缓存测试局' });
});

afterAll(async () => {
  await app.stop();
});

const get = (path: string, headers: Record<string, string> = {}) => request(app.server).get(path).set(headers);
const list = () => get(`/api/normative-documents?filters[issuingOrganization][documentId][$eq]=${organization.documentId}&sort=title`);
const titles = async () => ((await list()).body.data as { title: string }[]).map((document) => document.title);

/** Reads twice, so the answer is known to be cached before the change. */
async function cached(path: string) {
  await get(path);
  const again = await get(path);
  expect(again.headers['x-cache']).toBe('hit');
  return again;
}

describe('what is cached and how it is marked', () => {
  it('serves a public read again from memory, byte for byte, with an ETag of its bytes and a CDN-friendly Cache-Control', async () => {
    await publishDocument(app.strapi, { issuingOrganization: organization.documentId, title: '甲 缓存办法' });
    const path = `/api/normative-documents?filters[issuingOrganization][documentId][$eq]=${organization.documentId}`;
    const first = await get(path);
    expect(first.status).toBe(200);
    expect(first.headers['x-cache']).toBe('miss');
    const second = await get(path);
    expect(second.headers['x-cache']).toBe('hit');
    expect(second.text).toBe(first.text);
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(second.headers.etag).toMatch(/^"[\w-]{27}"$/);
    expect(second.headers['cache-control']).toMatch(/^public, max-age=\d+(, stale-while-revalidate=\d+)?$/);
    expect(second.headers.vary).toMatch(/Origin/);
    expect(second.headers.vary).toMatch(/Authorization/);
    expect(second.headers['content-type']).toMatch(/^application\/json/);
  });

  it('answers 304 without a body to If-None-Match naming the current answer, and 200 to an old one', async () => {
    const path = `/api/normative-documents?filters[issuingOrganization][documentId][$eq]=${organization.documentId}`;
    const { etag } = (await get(path)).headers;
    const notModified = await get(path, { 'If-None-Match': etag });
    expect(notModified.status).toBe(304);
    expect(notModified.text).toBe('');
    expect(notModified.headers.etag).toBe(etag);
    expect((await get(path, { 'If-None-Match': `W/${etag}, "other"` })).status).toBe(304);
    expect((await get(path, { 'If-None-Match': '"an-older-answer"' })).status).toBe(200);
  });

  it('gives a listed origin its CORS headers from memory too, and any other origin none', async () => {
    const path = `/api/normative-documents?filters[issuingOrganization][documentId][$eq]=${organization.documentId}&pagination[pageSize]=2`;
    const site = { Origin: 'https://www.taiyuan.gov.cn' };
    await get(path, site);
    const listed = await get(path, site);
    expect(listed.headers['x-cache']).toBe('hit');
    expect(listed.headers['access-control-allow-origin']).toBe('https://www.taiyuan.gov.cn');
    expect(listed.headers['x-content-type-options']).toBe('nosniff');
    for (const origin of ['https://evil.example', 'https://another.example']) {
      const other = await get(path, { Origin: origin });
      expect(other.status).toBe(200);
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
    }
    expect((await get(path, { Origin: 'https://another.example' })).headers['x-cache']).toBe('hit');
    const none = await get(path);
    expect(none.headers['access-control-allow-origin']).toBeUndefined();
    expect(none.headers['x-content-type-options']).toBe('nosniff');
  });

  it('never serves a request with credentials from it, and marks such answers private', async () => {
    const draft = await createDocumentDraft(app.strapi, { issuingOrganization: organization.documentId, title: '乙 未发布草稿' });
    const path = `/api/normative-documents/${draft.documentId}?status=draft`;
    expect((await get(path)).status).toBe(404);
    const editor = await get(path, { Authorization: `Bearer ${token}` });
    expect(editor.status).toBe(200);
    expect(editor.body.data.title).toBe('乙 未发布草稿');
    expect(editor.headers['x-cache']).toBeUndefined();
    expect(editor.headers['cache-control']).toBe('private, no-store');
    // The editor's answer did not become the public's.
    expect((await get(path)).status).toBe(404);
  });

  it('does not cache answers that are not 200, nor the health route', async () => {
    const missing = '/api/normative-documents/nosuchdocument000000000';
    await get(missing);
    expect((await get(missing)).headers['x-cache']).toBeUndefined();
    await get('/api/health');
    expect((await get('/api/health')).headers['x-cache']).toBeUndefined();
  });

  it('caches public GraphQL queries, never mutations', async () => {
    const query = { query: `{ normativeDocuments(filters: { issuingOrganization: { documentId: { eq: "${organization.documentId}" } } }) { title } }` };
    await request(app.server).post('/graphql').send(query);
    const again = await request(app.server).post('/graphql').send(query);
    expect(again.headers['x-cache']).toBe('hit');
    expect(again.body.data.normativeDocuments.length).toBeGreaterThan(0);
    const mutation = { query: 'mutation { deleteTopic(documentId: "x") { documentId } }' };
    await request(app.server).post('/graphql').send(mutation);
    expect((await request(app.server).post('/graphql').send(mutation)).headers['x-cache']).toBeUndefined();
  });

  it('is not emptied by sign-ins, which write only their sessions', async () => {
    const user = await createSiteUser(app.server, app.strapi);
    expect(user.jwt).toBeTruthy();
    const path = `/api/normative-documents?filters[issuingOrganization][documentId][$eq]=${organization.documentId}&pagination[pageSize]=7`;
    await cached(path);
    const sessions = () => app.strapi.db.connection('strapi_sessions').count({ n: '*' }).first();
    const before = Number((await sessions())?.n);
    const signIn = await request(app.server).post('/api/auth/local').send({ identifier: user.email, password: 'Gongkai-User-1' });
    expect(signIn.status).toBe(200);
    // The sign-in did write: its session.
    expect(Number((await sessions())?.n)).toBe(before + 1);
    expect((await get(path)).headers['x-cache']).toBe('hit');
  });

  it('stays within its byte bound and reports what it holds', async () => {
    for (let page = 1; page <= 60; page += 1) await get(`/api/normative-documents?pagination[page]=${page}&pagination[pageSize]=100&sort=id`);
    const stats = cache().stats();
    expect(stats.maxBytes).toBe(1024 * 1024);
    expect(stats.bytes).toBeGreaterThan(0);
    expect(stats.bytes).toBeLessThanOrEqual(stats.maxBytes);
  });
});

describe('every change reaches the next read', () => {
  it('a document created and published', async () => {
    const path = `/api/normative-documents?filters[issuingOrganization][documentId][$eq]=${organization.documentId}&sort=title`;
    const before = (await cached(path)).body.data.length;
    await publishDocument(app.strapi, { issuingOrganization: organization.documentId, title: '丙 新发布办法' });
    const after = await get(path);
    expect(after.body.data.length).toBe(before + 1);
    expect(after.body.data.map((document: { title: string }) => document.title)).toContain('丙 新发布办法');
  });

  it('an update published, and the draft discarded', async () => {
    const documentId = await publishDocument(app.strapi, { issuingOrganization: organization.documentId, title: '丁 原标题' });
    const path = `/api/normative-documents/${documentId}`;
    await cached(path);
    await documents().update({ documentId, data: { title: '丁 新标题' } as never });
    // A draft edit is not the public's to see: the answer is computed again, and is the same.
    const draftEdited = await get(path);
    expect(draftEdited.headers['x-cache']).toBe('miss');
    expect(draftEdited.body.data.title).toBe('丁 原标题');
    await documents().publish({ documentId });
    expect((await get(path)).body.data.title).toBe('丁 新标题');

    await documents().update({ documentId, data: { title: '丁 放弃的修改' } as never });
    await cached(path);
    await documents().discardDraft({ documentId });
    const discarded = await get(path);
    expect(discarded.headers['x-cache']).toBe('miss');
    expect(discarded.body.data.title).toBe('丁 新标题');
  });

  it('the total of a list, which is kept apart from the answers (a read-only token reads past the cache)', async () => {
    const reader = { Authorization: `Bearer ${await createApiToken(app.strapi, 'read-only')}` };
    const path = `/api/normative-documents?filters[issuingOrganization][documentId][$eq]=${organization.documentId}`;
    const everything = '/api/normative-documents';
    const before = (await get(everything, reader)).body.meta.pagination.total;
    expect((await get(everything, reader)).body.meta.pagination.total).toBe(before);
    await publishDocument(app.strapi, { issuingOrganization: organization.documentId, title: '寅 计数办法' });
    expect((await get(everything, reader)).body.meta.pagination.total).toBe(before + 1);
    expect((await get(path, reader)).headers['x-cache']).toBeUndefined();
  });

  it('a document unpublished, and a topic deleted', async () => {
    const unpublished = await publishDocument(app.strapi, { issuingOrganization: organization.documentId, title: '戊 将撤回' });
    await cached(`/api/normative-documents/${unpublished}`);
    expect(await titles()).toContain('戊 将撤回');
    await documents().unpublish({ documentId: unpublished });
    expect((await get(`/api/normative-documents/${unpublished}`)).status).toBe(404);
    expect(await titles()).not.toContain('戊 将撤回');

    // Published normative documents are repealed, never deleted; a topic can be.
    const topic = await app.strapi.documents('api::topic.topic').create({ data: { name: '缓存测试专题', code: 'cache-test' } as never });
    await cached(`/api/topics/${topic.documentId}`);
    await app.strapi.documents('api::topic.topic').delete({ documentId: topic.documentId });
    expect((await get(`/api/topics/${topic.documentId}`)).status).toBe(404);
  });

  it('a lifecycle transition through the API', async () => {
    const documentId = await publishDocument(app.strapi, { issuingOrganization: organization.documentId, title: '庚 将废止' });
    const path = `/api/normative-documents/${documentId}`;
    expect((await cached(path)).body.data.validity).toBe('in_force');
    const repealed = await request(app.server)
      .post(`/api/normative-documents/${documentId}/transitions`)
      .set({ Authorization: `Bearer ${token}` })
      .send({ action: 'repeal', date: '2024-06-01', basisReference: '市政府第12次常务会议' });
    expect(repealed.status).toBe(200);
    const after = await get(path);
    expect(after.body.data).toMatchObject({ validity: 'repealed', validityLabel: '已废止' });
    const history = await cached(`${path}/history`);
    expect(history.body.data.at(-1).action).toBe('repeal');
  });

  it('the daily tick', async () => {
    const documentId = await publishDocument(app.strapi, { issuingOrganization: organization.documentId, title: '辛 将生效', adoptedOn: '2026-11-01', effectiveFrom: '2099-01-01' });
    const path = `/api/normative-documents/${documentId}`;
    expect((await cached(path)).body.data.validity).toBe('pending');
    await lifecycle().tick('2099-01-01');
    expect((await get(path)).body.data.validity).toBe('in_force');
  });

  it('a raw SQL write, and a write by another process on the same file', async () => {
    const documentId = await publishDocument(app.strapi, { issuingOrganization: organization.documentId, title: '壬 原标题' });
    const path = `/api/normative-documents/${documentId}`;
    await cached(path);
    const table = app.strapi.db.metadata.get(UID).tableName;
    await app.strapi.db.connection(table).where({ document_id: documentId }).update({ title: '壬 直接改写' });
    expect((await get(path)).body.data.title).toBe('壬 直接改写');

    if (app.strapi.db.dialect.client !== 'sqlite') return;
    await cached(path);
    // Another process writing the same file, as `npm run lifecycle:tick` or a script would.
    const script = `
      const db = new (require('better-sqlite3'))(process.argv[1]);
      db.prepare('update ${table} set title = ? where document_id = ?').run('壬 另一进程改写', process.argv[2]);
      db.close();`;
    execFileSync(process.execPath, ['-e', script, app.strapi.config.get('database.connection.connection.filename') as string, documentId], { cwd: process.cwd() });
    const deadline = Date.now() + 3000;
    let title = '';
    while (Date.now() < deadline && title !== '壬 另一进程改写') {
      await new Promise((resolve) => setTimeout(resolve, 100));
      title = (await get(path)).body.data.title;
    }
    expect(title).toBe('壬 另一进程改写');
  });

  it('a relation changed, a topic renamed, and an organization renamed', async () => {
    const topics = (await app.strapi.documents('api::topic.topic').findMany({ limit: 2 })) as { documentId: string; name: string }[];
    expect(topics.length).toBe(2);
    const documentId = await publishDocument(app.strapi, { issuingOrganization: organization.documentId, title: '癸 专题办法' });
    const path = `/api/normative-documents/${documentId}?populate[topic]=true&populate[issuingOrganization]=true`;
    await documents().update({ documentId, data: { topic: topics[0].documentId } as never });
    await documents().publish({ documentId });
    expect((await cached(path)).body.data.topic.documentId).toBe(topics[0].documentId);

    await documents().update({ documentId, data: { topic: topics[1].documentId } as never });
    await documents().publish({ documentId });
    expect((await get(path)).body.data.topic.documentId).toBe(topics[1].documentId);

    await cached(path);
    await app.strapi.documents('api::topic.topic').update({ documentId: topics[1].documentId, data: { name: `${topics[1].name}（更名）` } as never });
    expect((await get(path)).body.data.topic.name).toBe(`${topics[1].name}（更名）`);

    await cached(path);
    await app.strapi.documents('api::organization.organization').update({ documentId: organization.documentId, data: { name: '太原市缓存测试局（更名）' } as never });
    expect((await get(path)).body.data.issuingOrganization.name).toBe('太原市缓存测试局（更名）');
  });

  it('the public role losing a permission, and getting it back', async () => {
    await cached('/api/topics');
    const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
    const permissions = app.strapi.db.query('plugin::users-permissions.permission');
    await permissions.delete({ where: { action: 'api::topic.topic.find', role: role.id } });
    expect((await get('/api/topics')).status).toBe(403);
    await permissions.create({ data: { action: 'api::topic.topic.find', role: role.id } });
    expect((await get('/api/topics')).status).toBe(200);
  });

  it('a GraphQL answer after a change', async () => {
    const query = { query: `{ normativeDocuments(filters: { issuingOrganization: { documentId: { eq: "${organization.documentId}" } } }, pagination: { limit: 100 }) { title } }` };
    await request(app.server).post('/graphql').send(query);
    const before = await request(app.server).post('/graphql').send(query);
    expect(before.headers['x-cache']).toBe('hit');
    await publishDocument(app.strapi, { issuingOrganization: organization.documentId, title: '子 GraphQL 可见' });
    const after = await request(app.server).post('/graphql').send(query);
    expect(after.body.data.normativeDocuments.map((document: { title: string }) => document.title)).toContain('子 GraphQL 可见');
  });

  it('the day: an answer kept today is not served after midnight in China', async () => {
    const path = `/api/normative-documents?filters[issuingOrganization][documentId][$eq]=${organization.documentId}&pagination[pageSize]=3`;
    await cached(path);
    const now = Date.now();
    const untilMidnight = 24 * 3600 * 1000 - ((now + 8 * 3600 * 1000) % (24 * 3600 * 1000));
    jest.useFakeTimers({ now: now + untilMidnight + 1000, doNotFake: ['nextTick', 'setImmediate', 'setInterval', 'setTimeout', 'clearInterval', 'clearTimeout', 'clearImmediate', 'queueMicrotask', 'hrtime', 'performance'] });
    try {
      const tomorrow = await get(path);
      expect(tomorrow.headers['x-cache']).toBe('miss');
    } finally {
      jest.useRealTimers();
    }
  });

  it('Cache-Control never reaches past midnight in China', async () => {
    const path = `/api/normative-documents?filters[issuingOrganization][documentId][$eq]=${organization.documentId}&pagination[pageSize]=4`;
    const now = Date.now();
    const untilMidnight = 24 * 3600 * 1000 - ((now + 8 * 3600 * 1000) % (24 * 3600 * 1000));
    jest.useFakeTimers({ now: now + untilMidnight - 5000, doNotFake: ['nextTick', 'setImmediate', 'setInterval', 'setTimeout', 'clearInterval', 'clearTimeout', 'clearImmediate', 'queueMicrotask', 'hrtime', 'performance'] });
    try {
      expect((await get(path)).headers['cache-control']).toBe('public, max-age=5');
    } finally {
      jest.useRealTimers();
    }
  });
});
