import request from 'supertest';
import { startStrapi, type TestInstance } from '../harness/strapi';
import {
  adminToken,
  bindToOrganizations,
  createAdminUser,
  createApiTokenRecord,
  createOrganization,
  createSiteUser,
  signedInMember,
} from '../harness/fixtures';
import { createDocumentDraft, publishDocument } from '../harness/documents';

const DOCUMENTS = 'api::normative-document.normative-document';
const MEMBERSHIPS = 'plugin::organization-access.membership';
let app: TestInstance;
let superAdmin: string;
const orgs = {} as Record<'city' | 'education' | 'school' | 'finance', { id: number; documentId: string }>;

beforeAll(async () => {
  app = await startStrapi();
  const admin = await createAdminUser(app.strapi);
  superAdmin = await adminToken(app.server, admin.user.email, admin.password);
  orgs.city = await createOrganization(app.strapi, { name: '太原市人民政府', kind: 'people_government' });
  orgs.education = await createOrganization(app.strapi, { name: '太原市教育局', parent: orgs.city.documentId });
  orgs.school = await createOrganization(app.strapi, { name: '太原市教育局直属学校管理处', kind: 'internal_unit', parent: orgs.education.documentId });
  orgs.finance = await createOrganization(app.strapi, { name: '太原市财政局', parent: orgs.city.documentId });
});

afterAll(async () => {
  await app.stop();
});

const bearer = (value: string) => ({ Authorization: `Bearer ${value}` });
const ids = (rows: { documentId: string }[]) => rows.map((row) => row.documentId);

describe('platform roles', () => {
  it('are seeded with Chinese names, and the super admin keeps every permission', async () => {
    const res = await request(app.server).get('/admin/roles').set(bearer(superAdmin));
    const names = res.body.data.map((role: { code: string; name: string }) => [role.code, role.name]);
    expect(names).toEqual(
      expect.arrayContaining([
        ['gongkai-editor', '编辑'],
        ['gongkai-publisher', '审核发布'],
        ['gongkai-auditor', '审计'],
        ['strapi-super-admin', 'Super Admin'],
      ]),
    );
  });

  it('keep a permission removed in Settings removed after a restart', async () => {
    const role = await app.strapi.db.query('admin::role').findOne({ where: { code: 'gongkai-editor' } });
    const permissions = app.strapi.db.query('admin::permission');
    const before = await permissions.count({ where: { role: role.id } });
    await permissions.deleteMany({ where: { role: role.id, action: 'plugin::upload.assets.create' } });
    await app.strapi.plugin('organization-access').service('roles').ensure();
    expect(await permissions.count({ where: { role: role.id } })).toBe(before - 1);
  });

  it('gain the actions of a plugin added since they were created, and keep one of them removed in Settings removed', async () => {
    const role = await app.strapi.db.query('admin::role').findOne({ where: { code: 'gongkai-auditor' } });
    const permissions = app.strapi.db.query('admin::permission');
    const exportActions = async () =>
      ((await permissions.findMany({ where: { role: role.id, action: { $startsWith: 'plugin::audit-export.' } }, select: ['action'] })) as { action: string }[])
        .map((permission) => permission.action)
        .sort();
    // As an installation whose auditor role predates the audit export has it.
    await permissions.deleteMany({ where: { role: role.id, action: { $startsWith: 'plugin::audit-export.' } } });
    await app.strapi.plugin('organization-access').service('roles').ensure();
    expect(await exportActions()).toEqual(['plugin::audit-export.export', 'plugin::audit-export.read-log']);

    await permissions.deleteMany({ where: { role: role.id, action: 'plugin::audit-export.read-log' } });
    await app.strapi.plugin('organization-access').service('roles').ensure();
    expect(await exportActions()).toEqual(['plugin::audit-export.export']);
  });
});

describe('memberships', () => {
  it('are managed by the super admin in the Content Manager, picking admin users and organizations', async () => {
    const { user } = await createAdminUser(app.strapi, { roleCode: 'gongkai-editor' });
    const users = await request(app.server).get(`/content-manager/relations/${MEMBERSHIPS}/adminUser?pageSize=100`).set(bearer(superAdmin));
    expect(users.status).toBe(200);
    expect(users.body.results).toEqual(expect.arrayContaining([expect.objectContaining({ id: user.id, email: user.email })]));

    const created = await request(app.server)
      .post(`/content-manager/collection-types/${MEMBERSHIPS}`)
      .set(bearer(superAdmin))
      .send({ adminUser: { connect: [{ id: user.id }] }, organizations: { connect: [{ documentId: orgs.finance.documentId }] }, note: '财政局编辑' });
    expect(created.status).toBe(201);
    const scope = await app.strapi.plugin('organization-access').service('scope').adminMemberships(user.id);
    expect(scope).toEqual([orgs.finance.id]);
  });

  it('are out of reach of editors, publishers and auditors', async () => {
    for (const role of ['gongkai-editor', 'gongkai-publisher', 'gongkai-auditor']) {
      const token = (await signedInMember(app.server, app.strapi, role, [orgs.education.id])).token;
      const res = await request(app.server).get(`/content-manager/collection-types/${MEMBERSHIPS}`).set(bearer(token));
      expect({ role, status: res.status }).toEqual({ role, status: 403 });
    }
  });

  it('reach the organizations below the bound one, but not those beside or above it', async () => {
    const mine = await createDocumentDraft(app.strapi, { issuingOrganization: orgs.education.documentId });
    const below = await createDocumentDraft(app.strapi, { issuingOrganization: orgs.school.documentId });
    const beside = await createDocumentDraft(app.strapi, { issuingOrganization: orgs.finance.documentId });
    const above = await createDocumentDraft(app.strapi, { issuingOrganization: orgs.city.documentId });
    const editor = (await signedInMember(app.server, app.strapi, 'gongkai-editor', [orgs.education.id])).token;
    const res = await request(app.server).get(`/content-manager/collection-types/${DOCUMENTS}?pageSize=100`).set(bearer(editor));
    const listed = ids(res.body.results);
    expect(listed).toEqual(expect.arrayContaining([mine.documentId, below.documentId]));
    expect(listed).not.toContain(beside.documentId);
    expect(listed).not.toContain(above.documentId);
  });

  it('fill in the organization when an editor of exactly one organization leaves it out', async () => {
    const token = await createApiTokenRecord(app.strapi, 'full-access');
    await bindToOrganizations(app.strapi, { apiToken: token.id }, [orgs.finance.id]);
    const res = await request(app.server)
      .post('/api/normative-documents?status=draft&populate=issuingOrganization')
      .set(bearer(token.accessKey))
      .send({ data: { title: '太原市财政专项资金管理办法' } });
    expect(res.status).toBe(201);
    expect(res.body.data.issuingOrganization.documentId).toBe(orgs.finance.documentId);

    const two = await createApiTokenRecord(app.strapi, 'full-access');
    await bindToOrganizations(app.strapi, { apiToken: two.id }, [orgs.finance.id, orgs.education.id]);
    const ambiguous = await request(app.server)
      .post('/api/normative-documents?status=draft')
      .set(bearer(two.accessKey))
      .send({ data: { title: '不知道属于哪个机构的文件' } });
    expect(ambiguous.status).toBe(400);
    expect(ambiguous.body.error.details.errors[0]).toMatchObject({ path: ['issuingOrganization'], message: 'issuingOrganization is required: choose one of your organizations' });
  });
});

describe('actors bound to no organization', () => {
  it('cannot create organization-owned content, and the public reads only what is published', async () => {
    const draft = await createDocumentDraft(app.strapi, { issuingOrganization: orgs.finance.documentId });
    const published = await publishDocument(app.strapi, { issuingOrganization: orgs.finance.documentId });

    const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
    await app.strapi.db.query('plugin::users-permissions.permission').create({ data: { action: `${DOCUMENTS}.create`, role: role.id } });
    const siteUser = await createSiteUser(app.server, app.strapi);
    const created = await request(app.server)
      .post('/api/normative-documents')
      .set(bearer(siteUser.jwt))
      .send({ data: { title: '网站用户不能代机构发文', issuingOrganization: orgs.finance.documentId } });
    expect(created.status).toBe(403);
    expect(created.body.error.message).toBe('You are not bound to any organization, so you cannot create its content');

    const auditor = (await signedInMember(app.server, app.strapi, 'gongkai-auditor', [])).token;
    const audited = await request(app.server).get(`/content-manager/collection-types/${DOCUMENTS}?pageSize=100`).set(bearer(auditor));
    expect(ids(audited.body.results)).toEqual(expect.arrayContaining([draft.documentId, published]));

    const publicList = await request(app.server).get('/api/normative-documents?status=draft&pagination[pageSize]=100');
    expect(ids(publicList.body.data)).toContain(published);
    expect(ids(publicList.body.data)).not.toContain(draft.documentId);
  });
});

describe('lifecycle routes, per organization', () => {
  let document: string;
  let publisher: string;
  let otherPublisher: string;
  let otherToken: string;

  beforeAll(async () => {
    document = await publishDocument(app.strapi, { issuingOrganization: orgs.education.documentId });
    publisher = (await signedInMember(app.server, app.strapi, 'gongkai-publisher', [orgs.education.id])).token;
    otherPublisher = (await signedInMember(app.server, app.strapi, 'gongkai-publisher', [orgs.finance.id])).token;
    const token = await createApiTokenRecord(app.strapi, 'full-access');
    await bindToOrganizations(app.strapi, { apiToken: token.id }, [orgs.finance.id]);
    otherToken = token.accessKey;
  });

  const repeal = { action: 'repeal', date: '2026-02-01', basisReference: '并教发〔2026〕1号' };
  const validity = async () =>
    (await app.strapi.db.query(DOCUMENTS).findOne({ where: { documentId: document, publishedAt: { $notNull: true } } })).validity;

  it('refuse transitions by another organization on every path, changing nothing', async () => {
    const admin = await request(app.server).post(`/document-lifecycle/normative-documents/${document}/transitions`).set(bearer(otherPublisher)).send(repeal);
    expect(admin.status).toBe(404);
    const rest = await request(app.server).post(`/api/normative-documents/${document}/transitions`).set(bearer(otherToken)).send(repeal);
    expect(rest.status).toBe(404);
    const graphql = await request(app.server)
      .post('/graphql')
      .set(bearer(otherToken))
      .send({
        query: 'mutation($id: ID!) { transitionNormativeDocument(documentId: $id, action: "repeal", date: "2026-02-01", basisReference: "x") { documentId } }',
        variables: { id: document },
      });
    expect(graphql.body.errors?.[0]?.extensions?.code).toBe('STRAPI_NOT_FOUND_ERROR');
    expect(await validity()).toBe('in_force');
    const events = await app.strapi.db.query('plugin::document-lifecycle.lifecycle-event').count({ where: { document } });
    expect(events).toBe(2);
  });

  it('refuse transitions to editors and auditors, and let the organization’s publisher run them', async () => {
    for (const role of ['gongkai-editor', 'gongkai-auditor']) {
      const token = (await signedInMember(app.server, app.strapi, role, [orgs.education.id])).token;
      const res = await request(app.server).post(`/document-lifecycle/normative-documents/${document}/transitions`).set(bearer(token)).send(repeal);
      expect({ role, status: res.status }).toEqual({ role, status: 403 });
    }
    const own = await request(app.server).post(`/document-lifecycle/normative-documents/${document}/transitions`).set(bearer(publisher)).send(repeal);
    expect(own.status).toBe(200);
    expect(await validity()).toBe('repealed');
  });

  it('list only the publisher’s organizations in the review list', async () => {
    const soon = await publishDocument(app.strapi, { issuingOrganization: orgs.finance.documentId, effectiveFrom: '2024-02-01', validUntil: undefined });
    await app.strapi.db.query(DOCUMENTS).updateMany({ where: { documentId: soon }, data: { validUntil: new Date(Date.now() + 30 * 86400000).toISOString().slice(0, 10) } });
    const theirs = await request(app.server).get('/document-lifecycle/due-for-review').set(bearer(otherPublisher));
    const mine = await request(app.server).get('/document-lifecycle/due-for-review').set(bearer(publisher));
    const listed = (res: request.Response) => res.body.data.flatMap((group: { documents: { documentId: string }[] }) => ids(group.documents));
    expect(listed(theirs)).toContain(soon);
    expect(listed(mine)).not.toContain(soon);
  });
});
