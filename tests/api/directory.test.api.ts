import request from 'supertest';
import { startStrapi, type TestInstance } from '../harness/strapi';
import {
  bindToOrganizations,
  createApiToken,
  createApiTokenRecord,
  createOrganization,
  signedInMember,
  uniqueOrganizationCode as uniqueCode,
} from '../harness/fixtures';
import { createDocumentDraft } from '../harness/documents';

const UID = 'api::organization.organization';
let app: TestInstance;
let token: string;
const orgs = {} as Record<'city' | 'education' | 'office' | 'unit' | 'finance', { id: number; documentId: string }>;

beforeAll(async () => {
  app = await startStrapi();
  token = await createApiToken(app.strapi, 'full-access');
  orgs.city = await createOrganization(app.strapi, { name: '太原市人民政府', kind: 'people_government', level: 'city' });
  orgs.education = await createOrganization(app.strapi, { name: '太原市教育局', parent: orgs.city.documentId });
  orgs.finance = await createOrganization(app.strapi, { name: '太原市财政局', parent: orgs.city.documentId });
  orgs.office = await createOrganization(app.strapi, { name: '太原市教育局办公室', kind: 'internal_unit', parent: orgs.education.documentId });
  orgs.unit = await createOrganization(app.strapi, { name: '太原市教育局基础教育处', kind: 'internal_unit', parent: orgs.education.documentId });
  await app.strapi.documents(UID).update({
    documentId: orgs.education.documentId,
    data: {
      responsibilities: '<p>贯彻执行国家教育方针。</p>',
      setupBasis: '《太原市教育局职能配置、内设机构和人员编制规定》',
      leaders: [{ name: '张三', title: '局长', duties: '主持全面工作' }],
      contact: { address: '太原市迎泽区新建路', phone: '0351-1234567', officeHours: '工作日 8:30-12:00', email: 'jyj@taiyuan.gov.cn', website: 'https://jyj.taiyuan.gov.cn' },
    } as never,
  });
});

afterAll(async () => {
  await app.stop();
});

const bearer = (value: string) => ({ Authorization: `Bearer ${value}` });
type Node = { name: string; children: Node[]; [field: string]: unknown };
const shape = (nodes: Node[]): unknown => nodes.map((node) => (node.children.length ? [node.name, shape(node.children)] : node.name));

describe('GET /api/organizations/tree', () => {
  it('returns the whole city as a tree to the public, with public fields only', async () => {
    const res = await request(app.server).get('/api/organizations/tree');
    expect(res.status).toBe(200);
    const city = (res.body.data as Node[]).find((node) => node.name === '太原市人民政府')!;
    expect(shape([city])).toEqual([['太原市人民政府', ['太原市财政局', ['太原市教育局', ['太原市教育局办公室', '太原市教育局基础教育处']]]]]);
    const education = city.children.find((node) => node.name === '太原市教育局')!;
    expect(education).toMatchObject({
      documentId: orgs.education.documentId,
      kind: 'government_department',
      contact: { phone: '0351-1234567', email: 'jyj@taiyuan.gov.cn' },
    });
    expect(Object.keys(education)).not.toEqual(expect.arrayContaining(['id']));
    expect(education).not.toHaveProperty('responsibilities');
  });

  it('returns the subtree below an organization', async () => {
    const res = await request(app.server).get(`/api/organizations/tree?organization=${orgs.education.documentId}`);
    expect(shape(res.body.data)).toEqual([['太原市教育局', ['太原市教育局办公室', '太原市教育局基础教育处']]]);
  });

  it.each([
    ['an unknown organization', 'organization=nosuchorganization', 'organization', 'organization does not exist'],
    ['an unknown parameter', 'depth=2', 'depth', 'depth is not a parameter of the organization tree'],
  ])('answers %s with a 400 naming it', async (_label, query, path, message) => {
    const res = await request(app.server).get(`/api/organizations/tree?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0]).toMatchObject({ path: [path], message });
  });
});

describe('the functions directory entry', () => {
  it('shows responsibilities, legal basis, leaders and contact on the public detail', async () => {
    const res = await request(app.server).get(`/api/organizations/${orgs.education.documentId}?populate[0]=leaders&populate[1]=contact`);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      responsibilities: '<p>贯彻执行国家教育方针。</p>',
      setupBasis: '《太原市教育局职能配置、内设机构和人员编制规定》',
      leaders: [{ name: '张三', title: '局长', duties: '主持全面工作' }],
      contact: { address: '太原市迎泽区新建路', website: 'https://jyj.taiyuan.gov.cn' },
    });
  });

  it.each([
    ['email', { email: 'not-an-email' }],
    ['website', { website: 'javascript:alert(1)' }],
    ['phone', { phone: '请拨打电话' }],
  ])('refuses a malformed contact %s, naming it and writing nothing', async (field, contact) => {
    const res = await request(app.server)
      .put(`/api/organizations/${orgs.finance.documentId}`)
      .set(bearer(token))
      .send({ data: { contact } });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path).toEqual(['contact', field]);
    const stored = await app.strapi.db.query(UID).findOne({ where: { id: orgs.finance.id }, populate: { contact: true } });
    expect(stored.contact).toBeNull();
  });
});

describe('organizations in the admin, per organization', () => {
  it('lets an editor maintain their own organization’s entry and units, and nobody else’s', async () => {
    const editor = (await signedInMember(app.server, app.strapi, 'gongkai-editor', [orgs.education.id])).token;
    const cm = (path = '') => `/content-manager/collection-types/${UID}${path}`;

    const own = await request(app.server).put(cm(`/${orgs.education.documentId}`)).set(bearer(editor)).send({ responsibilities: '<p>负责全市教育工作。</p>' });
    expect(own.status).toBe(200);
    const unit = await request(app.server).put(cm(`/${orgs.unit.documentId}`)).set(bearer(editor)).send({ shortName: '基教处' });
    expect(unit.status).toBe(200);

    const before = await app.strapi.db.query(UID).findOne({ where: { id: orgs.finance.id } });
    const other = await request(app.server).put(cm(`/${orgs.finance.documentId}`)).set(bearer(editor)).send({ responsibilities: '<p>越权</p>' });
    expect(other.status).toBe(403);
    const parent = await request(app.server).put(cm(`/${orgs.city.documentId}`)).set(bearer(editor)).send({ shortName: '市政府' });
    expect(parent.status).toBe(403);
    const removed = await request(app.server).delete(cm(`/${orgs.finance.documentId}`)).set(bearer(editor));
    expect(removed.status).toBe(403);
    expect(await app.strapi.db.query(UID).findOne({ where: { id: orgs.finance.id } })).toEqual(before);

    const child = { name: '太原市教育局督导室', level: 'city', kind: 'internal_unit' };
    const under = await request(app.server)
      .post(cm())
      .set(bearer(editor))
      .send({ ...child, code: uniqueCode(), parent: { connect: [{ documentId: orgs.education.documentId }] } });
    expect(under.status).toBe(201);
    const elsewhere = await request(app.server)
      .post(cm())
      .set(bearer(editor))
      .send({ ...child, name: '越权新建', code: uniqueCode(), parent: { connect: [{ documentId: orgs.finance.documentId }] } });
    expect(elsewhere.status).toBe(403);
    const root = await request(app.server).post(cm()).set(bearer(editor)).send({ ...child, name: '越权顶级机构', code: uniqueCode() });
    expect(root.status).toBe(403);
    expect(await app.strapi.db.query(UID).count({ where: { name: { $in: ['越权新建', '越权顶级机构'] } } })).toBe(0);
  });

  it('answers a link to another organization’s unpublished draft as a link to a document that does not exist', async () => {
    const editor = (await signedInMember(app.server, app.strapi, 'gongkai-editor', [orgs.education.id])).token;
    const draft = await createDocumentDraft(app.strapi, { issuingOrganization: orgs.finance.documentId });
    const link = (documentId: string) =>
      request(app.server)
        .put(`/content-manager/collection-types/${UID}/${orgs.education.documentId}`)
        .set(bearer(editor))
        .send({ setupBasisDocuments: { connect: [{ documentId }] } });
    const res = await link(draft.documentId);
    const missing = await link('doesnotexist0000000000000');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(`Document with id "${draft.documentId}", locale "null" not found`);
    expect(missing.body.error.message).toBe('Document with id "doesnotexist0000000000000", locale "null" not found');
    const linked = await app.strapi.db.query(UID).findOne({ where: { id: orgs.education.id }, populate: { setupBasisDocuments: true } });
    expect(linked.setupBasisDocuments).toEqual([]);

    const bound = await createApiTokenRecord(app.strapi, 'full-access');
    await bindToOrganizations(app.strapi, { apiToken: bound.id }, [orgs.education.id]);
    const byId = async (id: number) =>
      request(app.server)
        .put(`/api/organizations/${orgs.education.documentId}`)
        .set(bearer(bound.accessKey))
        .send({ data: { setupBasisDocuments: [id] } });
    const draftRow = await app.strapi.db.query('api::normative-document.normative-document').findOne({ where: { documentId: draft.documentId }, select: ['id'] });
    const hidden = await byId(draftRow.id);
    const nowhere = await byId(999999);
    expect({ status: hidden.status, body: hidden.body }).toEqual({ status: nowhere.status, body: nowhere.body });
    expect(hidden.status).toBe(400);
    expect(JSON.stringify(hidden.body)).not.toContain(draft.documentId);
  });
});
