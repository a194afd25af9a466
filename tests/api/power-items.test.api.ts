import request from 'supertest';
import { startStrapi, type TestInstance } from '../harness/strapi';
import { createApiToken, createOrganization, signedInMember } from '../harness/fixtures';
import { publishDocument } from '../harness/documents';

const UID = 'api::power-item.power-item';
let app: TestInstance;
let token: string;
const orgs = {} as Record<'city' | 'market' | 'unit' | 'health', { id: number; documentId: string }>;

beforeAll(async () => {
  app = await startStrapi();
  token = await createApiToken(app.strapi, 'full-access');
  orgs.city = await createOrganization(app.strapi, { name: '太原市人民政府', kind: 'people_government' });
  orgs.market = await createOrganization(app.strapi, { name: '太原市市场监督管理局', parent: orgs.city.documentId });
  orgs.unit = await createOrganization(app.strapi, { name: '太原市市场监督管理局登记注册处', kind: 'internal_unit', parent: orgs.market.documentId });
  orgs.health = await createOrganization(app.strapi, { name: '太原市卫生健康委员会', parent: orgs.city.documentId });
});

afterAll(async () => {
  await app.stop();
});

const bearer = (value: string) => ({ Authorization: `Bearer ${value}` });

async function createItem(data: Record<string, unknown>, publish = true): Promise<string> {
  const res = await request(app.server)
    .post(`/api/power-items${publish ? '' : '?status=draft'}`)
    .set(bearer(token))
    .send({ data: { name: '企业登记注册', organization: orgs.market.documentId, ...data } });
  if (res.status !== 201) throw new Error(`power item not created: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data.documentId;
}

async function categoryId(code: string): Promise<string> {
  return (await app.strapi.db.query('api::power-category.power-category').findOne({ where: { code } })).documentId;
}

describe('power categories', () => {
  it('are seeded with the ten kinds of administrative power, readable by the public', async () => {
    const res = await request(app.server).get('/api/power-categories?sort=sortOrder&pagination[pageSize]=50');
    expect(res.status).toBe(200);
    expect(res.body.data.map((row: { name: string }) => row.name)).toEqual([
      '行政许可',
      '行政处罚',
      '行政强制',
      '行政征收',
      '行政给付',
      '行政检查',
      '行政确认',
      '行政奖励',
      '行政裁决',
      '其他行政权力',
    ]);
  });
});

describe('the public list of powers', () => {
  let licence: string;
  let inspection: string;

  beforeAll(async () => {
    licence = await createItem({
      name: '食品经营许可',
      code: '140100-XK-001',
      category: await categoryId('licensing'),
      responsibleUnit: orgs.unit.documentId,
      lawCitations: '《中华人民共和国食品安全法》第三十五条',
      responsibilities: [
        { stage: 'filing', description: '依法受理或不予受理，并一次性告知需要补正的材料' },
        { stage: 'decision', description: '作出准予或不予许可的决定' },
      ],
      accountability: '对符合法定条件的申请不予受理的',
    });
    inspection = await createItem({ name: '医疗机构监督检查', category: await categoryId('inspection'), organization: orgs.health.documentId });
    await createItem({ name: '草稿事项不应公开', category: await categoryId('licensing') }, false);
  });

  it('filters by organization (with the organizations below it) and by category', async () => {
    const byCity = await request(app.server).get(`/api/power-items?organization=${orgs.city.documentId}`);
    expect(byCity.body.data.map((row: { documentId: string }) => row.documentId).sort()).toEqual([licence, inspection].sort());

    const byMarket = await request(app.server).get(`/api/power-items?organization=${orgs.market.documentId}&category=licensing`);
    expect(byMarket.status).toBe(200);
    expect(byMarket.body.data).toHaveLength(1);
    expect(byMarket.body.data[0]).toMatchObject({
      documentId: licence,
      name: '食品经营许可',
      itemStatus: 'active',
      needsReview: false,
      category: { code: 'licensing', name: '行政许可' },
      organization: { name: '太原市市场监督管理局' },
      responsibleUnit: { name: '太原市市场监督管理局登记注册处' },
    });
    const none = await request(app.server).get(`/api/power-items?organization=${orgs.health.documentId}&category=licensing`);
    expect(none.body.data).toEqual([]);
  });

  it('shows the detail with its responsibility items and legal basis', async () => {
    const res = await request(app.server).get(`/api/power-items/${licence}`);
    expect(res.status).toBe(200);
    expect(res.body.data.responsibilities.map((item: { stage: string }) => item.stage)).toEqual(['filing', 'decision']);
    expect(res.body.data.lawCitations).toContain('食品安全法');
  });

  it.each([
    ['category', 'category=nosuch', 'category does not exist'],
    ['organization', 'organization=nosuch', 'organization does not exist'],
    ['needsReview', 'needsReview=maybe', 'needsReview must be true or false'],
  ])('answers a bad %s with a 400 naming it', async (path, query, message) => {
    const res = await request(app.server).get(`/api/power-items?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0]).toMatchObject({ path: [path], message });
  });

  it('refuses an internal unit of another organization as the unit in charge', async () => {
    const res = await request(app.server)
      .post('/api/power-items')
      .set(bearer(token))
      .send({ data: { name: '越界承办', organization: orgs.health.documentId, responsibleUnit: orgs.unit.documentId } });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path).toEqual(['responsibleUnit']);
    expect(await app.strapi.db.query(UID).count({ where: { name: '越界承办' } })).toBe(0);
  });
});

describe('review when a basis document stops being in force', () => {
  const transition = (documentId: string, body: Record<string, unknown>) =>
    request(app.server).post(`/api/normative-documents/${documentId}/transitions`).set(bearer(token)).send(body);

  it('flags every item resting on a repealed document, visibly, and an editor clears it after review', async () => {
    const basis = await publishDocument(app.strapi, { issuingOrganization: orgs.city.documentId, documentNumber: '并政发〔2024〕31号', title: '太原市食品经营许可管理办法' });
    const unrelated = await publishDocument(app.strapi, { issuingOrganization: orgs.city.documentId });
    const flagged = await createItem({ name: '依据将被废止的事项', basisDocuments: [basis] });
    const draftOnly = await createItem({ name: '草稿也要复核', basisDocuments: [basis] }, false);
    const untouched = await createItem({ name: '依据不变的事项', basisDocuments: [unrelated] });

    const repeal = await transition(basis, { action: 'repeal', date: '2026-03-01', basisReference: '并政发〔2026〕5号' });
    expect(repeal.status).toBe(200);

    const res = await request(app.server).get(`/api/power-items/${flagged}`);
    expect(res.body.data).toMatchObject({
      needsReview: true,
      reviewFlaggedOn: '2026-03-01',
      reviewReason: '实施依据《太原市食品经营许可管理办法》（并政发〔2024〕31号）于2026-03-01已废止，请复核本事项',
    });
    const rows = await app.strapi.db.query(UID).findMany({ where: { documentId: { $in: [flagged, draftOnly, untouched] } }, select: ['documentId', 'needsReview'] });
    for (const row of rows) expect({ documentId: row.documentId, needsReview: row.needsReview }).toEqual({ documentId: row.documentId, needsReview: row.documentId !== untouched });
    const list = await request(app.server).get('/api/power-items?needsReview=true');
    expect(list.body.data.map((row: { documentId: string }) => row.documentId)).toEqual([flagged]);

    const publisher = (await signedInMember(app.server, app.strapi, 'gongkai-publisher', [orgs.market.id])).token;
    const cm = `/content-manager/collection-types/${UID}/${flagged}`;
    const cleared = await request(app.server).put(cm).set(bearer(publisher)).send({ needsReview: false });
    expect(cleared.status).toBe(200);
    const draft = await app.strapi.db.query(UID).findOne({ where: { documentId: flagged, publishedAt: null } });
    expect(draft).toMatchObject({ needsReview: false, reviewReason: null, reviewFlaggedOn: null });
  });

  it('flags items when a basis document is amended', async () => {
    const amended = await publishDocument(app.strapi, { issuingOrganization: orgs.city.documentId });
    const item = await createItem({ name: '依据被修改的事项', basisDocuments: [amended] });
    expect((await transition(amended, { action: 'amend', date: '2026-04-01', basisReference: '并政发〔2026〕8号' })).status).toBe(200);
    const stored = await app.strapi.db.query(UID).findOne({ where: { documentId: item, publishedAt: { $notNull: true } } });
    expect(stored.reviewReason).toMatch(/于2026-04-01已修改/);
  });

  it('refuses to raise the flag or write its reason by hand', async () => {
    const item = await createItem({ name: '不能手工标记的事项' });
    for (const [field, value] of [
      ['needsReview', true],
      ['reviewReason', '手工原因'],
    ] as const) {
      const res = await request(app.server).put(`/api/power-items/${item}`).set(bearer(token)).send({ data: { [field]: value } });
      expect(res.status).toBe(400);
      expect(res.body.error.details.errors[0].path).toEqual([field]);
    }
    const stored = await app.strapi.db.query(UID).findOne({ where: { documentId: item, publishedAt: { $notNull: true } } });
    expect(stored).toMatchObject({ needsReview: false, reviewReason: null });
  });
});
