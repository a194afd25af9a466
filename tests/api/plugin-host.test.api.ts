import path from 'path';
import request from 'supertest';
import { startStrapi, type TestInstance } from '../harness/strapi';
import { bindToOrganizations, createApiTokenRecord } from '../harness/fixtures';

/**
 * Two of Gongkai's plugins in a Strapi app that is not Gongkai (`tests/fixtures/plugin-host`): its
 * `article` type enables document-lifecycle and organization-access in its schema's
 * pluginOptions, and the app has no code for them. Articles get the 立改废 lifecycle and are
 * isolated by organization.
 */
const HOST = path.resolve(__dirname, '..', 'fixtures', 'plugin-host');
const UID = 'api::article.article';

let app: TestInstance;
const organizations: Record<'A' | 'B', { id: number; documentId: string; code: string }> = {} as never;
const tokens: Record<'A' | 'B', string> = {} as never;

beforeAll(async () => {
  app = await startStrapi({}, { appDir: HOST, distDir: HOST });
  for (const [key, code] of [['A', 'HOSTORGA'], ['B', 'HOSTORGB']] as const) {
    organizations[key] = (await app.strapi.documents('api::organization.organization' as never).create({ data: { name: `机构${key}`, code } as never })) as never;
    const token = await createApiTokenRecord(app.strapi, 'full-access');
    await bindToOrganizations(app.strapi, { apiToken: token.id }, [organizations[key].id]);
    tokens[key] = token.accessKey;
  }
});

afterAll(async () => {
  await app.stop();
});

const as = (key: 'A' | 'B') => ({ Authorization: `Bearer ${tokens[key]}` });

async function publishArticle(key: 'A' | 'B', data: Record<string, unknown>) {
  const res = await request(app.server)
    .post('/api/articles?status=published')
    .set(as(key))
    .send({ data: { kind: 'normative_document', issuingOrganization: organizations[key].documentId, adoptedOn: '2026-01-05', publishedOn: '2026-01-10', effectiveFrom: '2026-01-10', ...data } });
  expect(res.status).toBe(201);
  return res.body.data as { documentId: string };
}

const read = async (key: 'A' | 'B', documentId: string) => request(app.server).get(`/api/articles/${documentId}`).set(as(key));

it('registers an article at its first publication, with the host\'s term and index number', async () => {
  const article = await publishArticle('A', { title: '甲机构档案管理办法', documentNumber: '甲发〔2026〕1号' });
  const res = await read('A', article.documentId);
  expect(res.status).toBe(200);
  expect(res.body.data).toMatchObject({
    indexNumber: 'HOSTORGA/2026-0001',
    validity: 'in_force',
    effectiveFrom: '2026-01-10',
    validUntil: '2029-01-09',
  });
});

it('refuses to publish a 规范性文件 without its 文号, and changes nothing', async () => {
  const res = await request(app.server)
    .post('/api/articles?status=published')
    .set(as('A'))
    .send({ data: { title: '无文号的文件', kind: 'normative_document', issuingOrganization: organizations.A.documentId, adoptedOn: '2026-01-05' } });
  expect(res.status).toBe(400);
  expect(res.body.error.details.errors[0].path).toEqual(['documentNumber']);
  expect(await app.strapi.db.query(UID).count({ where: { title: '无文号的文件' } })).toBe(0);
});

it('amends and repeals an article, each change an event in a chain that verifies', async () => {
  const target = await publishArticle('A', { title: '甲机构会议办法', documentNumber: '甲发〔2026〕2号' });
  const amendment = await publishArticle('A', { title: '甲机构会议办法修正案', documentNumber: '甲发〔2026〕3号', publishedOn: '2026-02-01', effectiveFrom: '2026-02-01' });
  const repeal = await publishArticle('A', { title: '甲机构关于废止会议办法的决定', documentNumber: '甲发〔2026〕4号', publishedOn: '2026-03-01', effectiveFrom: '2026-03-01' });

  const transition = (body: object) => request(app.server).post(`/api/articles/${target.documentId}/transitions`).set(as('A')).send(body);
  const amended = await transition({ action: 'amend', basisDocumentId: amendment.documentId, date: '2026-02-01' });
  expect(amended.status).toBe(200);
  // An amended text is no longer in force as it stood from the amendment on.
  expect(amended.body.data).toMatchObject({ documentId: target.documentId, validity: 'amended', noLongerInForceOn: '2026-02-01' });
  expect(amended.body.meta.event).toMatchObject({ action: 'amend', from: 'in_force', to: 'amended' });
  expect((await transition({ action: 'amend', basisDocumentId: amendment.documentId, date: '2026-01-01' })).status).toBe(400);
  const repealed = await transition({ action: 'repeal', basisDocumentId: repeal.documentId, date: '2026-03-01' });
  expect(repealed.status).toBe(200);
  expect((await read('A', target.documentId)).body.data).toMatchObject({ validity: 'repealed', noLongerInForceOn: '2026-02-01' });
  expect((await transition({ action: 'amend', basisDocumentId: amendment.documentId, date: '2026-04-01' })).status).toBe(409);

  const history = await request(app.server).get(`/api/articles/${target.documentId}/history`).set(as('A'));
  expect(history.status).toBe(200);
  expect(history.body.data.map((event: { action: string; to: string; date: string }) => [event.action, event.to, event.date])).toEqual([
    ['register', 'in_force', '2026-01-10'],
    ['amend', 'amended', '2026-02-01'],
    ['repeal', 'repealed', '2026-03-01'],
  ]);
  expect(history.body.meta.chain).toEqual({ valid: true });

  const deletion = await request(app.server).delete(`/api/articles/${target.documentId}`).set(as('A'));
  expect(deletion.status).toBe(409);
});

it('keeps each organization to its own articles on every route', async () => {
  const theirs = await publishArticle('A', { title: '甲机构内部文件', documentNumber: '甲发〔2026〕9号' });
  const list = await request(app.server).get('/api/articles').set(as('B'));
  expect(list.status).toBe(200);
  expect(JSON.stringify(list.body)).not.toContain(theirs.documentId);
  expect((await read('B', theirs.documentId)).status).toBe(404);
  expect((await request(app.server).get(`/api/articles/${theirs.documentId}/history`).set(as('B'))).status).toBe(404);
  const transition = await request(app.server).post(`/api/articles/${theirs.documentId}/transitions`).set(as('B')).send({ action: 'repeal', date: '2026-05-01', basisReference: '乙机构决定' });
  expect(transition.status).toBe(404);
  expect((await read('A', theirs.documentId)).body.data.validity).toBe('in_force');

  const update = await request(app.server).put(`/api/articles/${theirs.documentId}`).set(as('B')).send({ data: { title: '改写' } });
  expect(update.status).toBe(404);
  expect((await read('A', theirs.documentId)).body.data.title).toBe('甲机构内部文件');

  const forged = await request(app.server)
    .post('/api/articles')
    .set(as('B'))
    .send({ data: { title: '冒名文件', kind: 'policy_document', issuingOrganization: organizations.A.documentId } });
  expect(forged.status).toBe(403);
  expect(await app.strapi.db.query(UID).count({ where: { title: '冒名文件' } })).toBe(0);
});

it('shows editors the Chinese labels of a plugin\'s own type in a host that sets none itself', async () => {
  const membership = await app.strapi.plugin('content-manager').service('content-types').findConfiguration(app.strapi.contentType('plugin::organization-access.membership' as never));
  expect(membership.metadatas.organizations.edit.label).toBe('所属机构');
  expect(membership.metadatas.adminUser.edit.label).toBe('后台用户');
});
