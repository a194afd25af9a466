import request from 'supertest';
import { startStrapi, type TestInstance } from '../harness/strapi';
import { bindToOrganizations, createApiToken, createApiTokenRecord, createOrganization, signedInMember } from '../harness/fixtures';
import { publishDocument } from '../harness/documents';

const UID = 'api::policy-interpretation.policy-interpretation';
let app: TestInstance;
let token: string;
const orgs = {} as Record<'city' | 'passing' | 'failing' | 'unit' | 'silent' | 'strict', { id: number; documentId: string }>;
const documents = {} as Record<keyof typeof orgs, string>;

const setEnforcement = (mode: 'off' | 'warn' | 'block') => app.strapi.config.set('plugin::publishing-ratios.enforcement', mode);
const bearer = (value = token) => ({ Authorization: `Bearer ${value}` });
const code = async (uid: string, value: string) => (await app.strapi.db.query(uid).findOne({ where: { code: value } })).documentId as string;

interface Spec {
  form: string;
  channels?: string[];
  publishedOn?: string;
}

async function publish(org: keyof typeof orgs, { form, channels = ['website'], publishedOn = '2025-06-10' }: Spec) {
  return request(app.server)
    .post('/api/policy-interpretations')
    .set(bearer())
    .send({
      data: {
        title: `解读${Math.random().toString(36).slice(2, 8)}`,
        organization: orgs[org].documentId,
        sourceDocuments: [documents[org]],
        form: await code('api::interpretation-form.interpretation-form', form),
        publishedOn,
        channelPublications: await Promise.all(
          channels.map(async (channel) => ({ channel: await code('api::channel.channel', channel), publishedOn })),
        ),
      },
    });
}

beforeAll(async () => {
  app = await startStrapi();
  setEnforcement('off');
  token = await createApiToken(app.strapi, 'full-access');
  orgs.city = await createOrganization(app.strapi, { name: '比例测试市政府', kind: 'people_government' });
  orgs.passing = await createOrganization(app.strapi, { name: '达标局', parent: orgs.city.documentId });
  orgs.failing = await createOrganization(app.strapi, { name: '未达标局', parent: orgs.city.documentId });
  orgs.unit = await createOrganization(app.strapi, { name: '未达标局下属单位', parent: orgs.failing.documentId });
  orgs.silent = await createOrganization(app.strapi, { name: '无解读局', parent: orgs.city.documentId });
  orgs.strict = await createOrganization(app.strapi, { name: '执行测试局', parent: orgs.city.documentId });
  for (const key of Object.keys(orgs) as (keyof typeof orgs)[]) {
    documents[key] = await publishDocument(app.strapi, { issuingOrganization: orgs[key].documentId, adoptedOn: '2025-01-02', publishedOn: '2025-01-06', effectiveFrom: '2025-02-01' });
  }
  // 达标局: 10 in 2025, 7 diverse (exactly 70%), 5 beyond the website (exactly 50%).
  for (let i = 0; i < 10; i += 1) {
    const res = await publish('passing', { form: i < 7 ? 'video' : 'text', channels: i < 5 ? ['website', 'wechat'] : ['website'] });
    expect(res.status).toBe(201);
  }
  // 未达标局: 3 in 2025, 2 diverse, 1 beyond; its unit: 1 plain text on the website.
  for (const [form, channels] of [['infographic', ['website', 'weibo']], ['h5', ['website']], ['text', ['website']]] as const) {
    expect((await publish('failing', { form, channels: [...channels] })).status).toBe(201);
  }
  expect((await publish('unit', { form: 'text' })).status).toBe(201);
  // A 2026 interpretation does not count for 2025.
  expect((await publish('passing', { form: 'text', publishedOn: '2026-01-05' })).status).toBe(201);
});

afterAll(async () => {
  await app.stop();
});

const rowOf = (body: { data: { organization: { name: string } }[] }, name: string) =>
  body.data.find((row) => row.organization.name === name) as unknown as Record<string, Record<string, unknown>>;

describe('GET /api/publishing-ratios', () => {
  it('reports each organization for the period: counts, both ratios, pass at exactly the threshold, and the shortfall', async () => {
    const res = await request(app.server).get(`/api/publishing-ratios?period=2025&organization=${orgs.city.documentId}`).set(bearer());
    expect(res.status).toBe(200);
    expect(res.body.meta).toMatchObject({ period: '2025', from: '2025-01-01', to: '2025-12-31', thresholds: { diverse: 0.7, offWebsite: 0.5 } });

    expect(rowOf(res.body, '达标局').own).toMatchObject({
      counts: { total: 10, diverse: 7, offWebsite: 5 },
      diverse: { value: 0.7, status: 'pass', shortfall: 0 },
      offWebsite: { value: 0.5, status: 'pass' },
      status: 'pass',
    });
    expect(rowOf(res.body, '未达标局').own).toMatchObject({
      counts: { total: 3, diverse: 2, offWebsite: 1 },
      diverse: { status: 'fail', shortfall: 1, text: '多样化形式解读占 66.7%，还需 1 篇多样化形式解读才能达到 70%' },
      offWebsite: { status: 'fail', shortfall: 1, textEn: 'needs 1 more interpretations published beyond the government website to reach 50% (now 33.3%)' },
      status: 'fail',
    });
    expect(rowOf(res.body, '无解读局').own).toMatchObject({ counts: { total: 0 }, diverse: { value: null, status: 'no_data' }, status: 'no_data' });
  });

  it('rolls each organization up over those below it', async () => {
    const res = await request(app.server).get(`/api/publishing-ratios?period=2025&organization=${orgs.failing.documentId}`).set(bearer());
    expect(res.body.data.map((row: { organization: { name: string } }) => row.organization.name)).toEqual(['未达标局', '未达标局下属单位']);
    expect(rowOf(res.body, '未达标局').rollup).toMatchObject({ counts: { total: 4, diverse: 2, offWebsite: 1 }, diverse: { value: 0.5 } });
    const city = await request(app.server).get('/api/publishing-ratios?period=2025').set(bearer());
    expect(rowOf(city.body, '比例测试市政府').rollup).toMatchObject({ counts: { total: 14, diverse: 9, offWebsite: 6 } });
  });

  it('counts by quarter and month too', async () => {
    const quarter = await request(app.server).get('/api/publishing-ratios?period=2026-Q1').set(bearer());
    expect(rowOf(quarter.body, '达标局').own).toMatchObject({ counts: { total: 1, diverse: 0 } });
    const month = await request(app.server).get('/api/publishing-ratios?period=2025-07').set(bearer());
    expect(rowOf(month.body, '达标局').own).toMatchObject({ counts: { total: 0 }, status: 'no_data' });
  });

  it.each([
    ['an unknown period', 'period=2025-Q5', 'period', 'period must be a year (2026), a quarter (2026-Q1) or a month (2026-03)'],
    ['a year before any disclosure rules', 'period=0000', 'period', 'period must be a year (2026), a quarter (2026-Q1) or a month (2026-03)'],
    ['an unknown organization', 'organization=nosuch', 'organization', 'organization does not exist'],
    ['an unknown parameter', 'year=2025', 'year', 'year is not a parameter of the publishing ratios'],
  ])('answers %s with a 400 naming it', async (_label, query, path, message) => {
    const res = await request(app.server).get(`/api/publishing-ratios?${query}`).set(bearer());
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0]).toMatchObject({ path: [path], message });
  });

  it('is not public, and shows an organization’s token only its own organizations', async () => {
    expect((await request(app.server).get('/api/publishing-ratios?period=2025')).status).toBe(403);
    const bound = await createApiTokenRecord(app.strapi, 'read-only');
    await bindToOrganizations(app.strapi, { apiToken: bound.id }, [orgs.failing.id]);
    const res = await request(app.server).get('/api/publishing-ratios?period=2025').set(bearer(bound.accessKey));
    expect(res.status).toBe(200);
    expect(res.body.data.map((row: { organization: { name: string } }) => row.organization.name).sort()).toEqual(['未达标局', '未达标局下属单位'].sort());
  });
});

describe('the report in GraphQL', () => {
  const REPORT = `query ($period: String, $organization: ID) {
    publishingRatios(period: $period, organization: $organization) {
      period from to enforcement thresholds { diverse offWebsite }
      organizations { organization { name parent } own { status counts { total diverse offWebsite } diverse { value status shortfall text } offWebsite { status shortfall } } rollup { counts { total } } }
    }
  }`;
  const graphql = (variables: Record<string, unknown>, value?: string) => {
    const req = request(app.server).post('/graphql');
    return (value ? req.set(bearer(value)) : req).send({ query: REPORT, variables });
  };

  it('answers what the REST report answers, for the same organizations', async () => {
    const res = await graphql({ period: '2025', organization: orgs.failing.documentId }, token);
    expect(res.body.errors).toBeUndefined();
    const report = res.body.data.publishingRatios;
    expect(report).toMatchObject({ period: '2025', from: '2025-01-01', to: '2025-12-31', thresholds: { diverse: 0.7, offWebsite: 0.5 } });
    expect(report.organizations.map((row: { organization: { name: string } }) => row.organization.name)).toEqual(['未达标局', '未达标局下属单位']);
    expect(report.organizations[0]).toMatchObject({
      own: {
        status: 'fail',
        counts: { total: 3, diverse: 2, offWebsite: 1 },
        diverse: { status: 'fail', shortfall: 1, text: '多样化形式解读占 66.7%，还需 1 篇多样化形式解读才能达到 70%' },
        offWebsite: { status: 'fail', shortfall: 1 },
      },
      rollup: { counts: { total: 4 } },
    });
    const rest = await request(app.server).get(`/api/publishing-ratios?period=2025&organization=${orgs.failing.documentId}`).set(bearer());
    expect(report.organizations.map((row: { own: { counts: unknown } }) => row.own.counts)).toEqual(rest.body.data.map((row: { own: { counts: unknown } }) => row.own.counts));
  });

  it('is not public, and shows an organization’s token only its own organizations', async () => {
    const anonymous = await graphql({ period: '2025' });
    expect(anonymous.body.errors[0]).toMatchObject({ message: 'Forbidden access', extensions: { error: { name: 'ForbiddenError' } } });
    const bound = await createApiTokenRecord(app.strapi, 'read-only');
    await bindToOrganizations(app.strapi, { apiToken: bound.id }, [orgs.failing.id]);
    const res = await graphql({ period: '2025' }, bound.accessKey);
    expect(res.body.data.publishingRatios.organizations.map((row: { organization: { name: string } }) => row.organization.name).sort()).toEqual(['未达标局', '未达标局下属单位'].sort());
  });

  it('refuses a malformed period and an unknown organization, naming them', async () => {
    const period = await graphql({ period: '2025-13' }, token);
    expect(period.body.errors[0]).toMatchObject({ extensions: { error: { name: 'ValidationError', details: { errors: [expect.objectContaining({ path: ['period'] })] } } } });
    const organization = await graphql({ period: '2025', organization: 'nosuchorganization' }, token);
    expect(organization.body.errors[0]).toMatchObject({ extensions: { error: { name: 'ValidationError', details: { errors: [expect.objectContaining({ path: ['organization'] })] } } } });
  });
});

describe('the admin report', () => {
  it('shows an editor their own organizations, and the auditor all of them', async () => {
    const editor = (await signedInMember(app.server, app.strapi, 'gongkai-editor', [orgs.passing.id])).token;
    const mine = await request(app.server).get('/publishing-ratios/ratios?period=2025').set(bearer(editor));
    expect(mine.status).toBe(200);
    expect(mine.body.data.map((row: { organization: { name: string } }) => row.organization.name)).toEqual(['达标局']);
    const auditor = (await signedInMember(app.server, app.strapi, 'gongkai-auditor', [])).token;
    const all = await request(app.server).get('/publishing-ratios/ratios?period=2025').set(bearer(auditor));
    expect(all.body.data.length).toBeGreaterThanOrEqual(6);
  });
});

describe('enforcement on publication', () => {
  afterEach(() => setEnforcement('off'));

  it('block: refuses a plain-text, website-only interpretation that would leave the ratios below target, naming both and what fixes them', async () => {
    setEnforcement('block');
    const before = await app.strapi.db.query(UID).count();
    const res = await publish('strict', { form: 'text', publishedOn: '2025-08-01' });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toMatchObject({
      code: 'PUBLISHING_RATIO_BELOW_THRESHOLD',
      period: '2025',
      ratios: [
        { kind: 'diverse', count: 0, total: 1, threshold: 0.7, shortfall: 3 },
        { kind: 'offWebsite', count: 0, total: 1, threshold: 0.5, shortfall: 1 },
      ],
    });
    expect(res.body.error.details.errors.map((error: { path: string[] }) => error.path)).toEqual([['form'], ['channelPublications']]);
    expect(res.body.error.details.errors[0].message).toBe(
      '发布后本机构 2025 年度多样化形式解读比例为 0/1，低于 70%：多样化形式解读占 0%，还需 3 篇多样化形式解读才能达到 70%',
    );
    expect(await app.strapi.db.query(UID).count()).toBe(before);

    // A video also posted on WeChat improves both ratios and goes through.
    const good = await publish('strict', { form: 'video', channels: ['website', 'wechat'], publishedOn: '2025-08-01' });
    expect(good.status).toBe(201);
    expect(good.body.data.publicationWarnings).toBeNull();
  });

  it('block: refuses publishing a stored draft through the publish action too', async () => {
    setEnforcement('block');
    const draft = await request(app.server)
      .post('/api/policy-interpretations?status=draft')
      .set(bearer())
      .send({
        data: {
          title: '草稿后发布的文字解读',
          organization: orgs.silent.documentId,
          sourceDocuments: [documents.silent],
          form: await code('api::interpretation-form.interpretation-form', 'text'),
          publishedOn: '2025-09-01',
        },
      });
    expect(draft.status).toBe(201);
    const publisher = (await signedInMember(app.server, app.strapi, 'gongkai-publisher', [orgs.silent.id])).token;
    const res = await request(app.server)
      .post(`/content-manager/collection-types/${UID}/${draft.body.data.documentId}/actions/publish`)
      .set(bearer(publisher))
      .send({});
    expect(res.status).toBe(400);
    expect(await app.strapi.db.query(UID).count({ where: { documentId: draft.body.data.documentId, publishedAt: { $notNull: true } } })).toBe(0);

    const preview = await request(app.server).get(`/publishing-ratios/preview/${draft.body.data.documentId}`).set(bearer(publisher));
    expect(preview.body.data).toMatchObject({ period: '2025', allowed: false, breaches: ['diverse', 'offWebsite'], after: { counts: { total: 1, diverse: 0 } } });
  });

  it('warn: publishes and records the warning with the interpretation', async () => {
    setEnforcement('warn');
    const res = await publish('failing', { form: 'text', publishedOn: '2025-10-08' });
    expect(res.status).toBe(201);
    expect(res.body.data.publicationWarnings.map((warning: { code: string }) => warning.code)).toEqual(['RATIO_DIVERSE', 'RATIO_OFF_WEBSITE']);
    const stored = await app.strapi.db.query(UID).findOne({ where: { documentId: res.body.data.documentId, publishedAt: { $notNull: true } } });
    expect(stored.publicationWarnings[0].message).toContain('多样化形式解读比例为 2/4');
  });

  it('off: publishes without a word, and the report shows the result', async () => {
    setEnforcement('off');
    const res = await publish('failing', { form: 'text', publishedOn: '2025-10-09' });
    expect(res.status).toBe(201);
    expect(res.body.data.publicationWarnings).toBeNull();
    const report = await request(app.server).get(`/api/publishing-ratios?period=2025&organization=${orgs.failing.documentId}`).set(bearer());
    expect(rowOf(report.body, '未达标局').own).toMatchObject({ counts: { total: 5, diverse: 2 } });
  });
});
