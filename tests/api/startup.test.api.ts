import { spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { APP_DIR, DIST_DIR, startStrapi, type TestInstance } from '../harness/strapi';
import { createAdminUser } from '../harness/fixtures';
import { DEMO_ORGANIZATIONS } from '../../src/seed/demo-organizations';
import { DEMO_DOCUMENTS } from '../../src/seed/demo-documents';
import { DEMO_ADMIN, seedDemo } from '../../src/seed';
import { DEMO_POWERS } from '../../src/seed/demo-powers';
import { DEMO_INTERPRETATIONS } from '../../src/seed/demo-interpretations';
import { DEMO_REQUESTS } from '../../src/seed/demo-requests';
import request from 'supertest';
import { adminToken } from '../harness/fixtures';
import { REQUIRED_SECRETS } from '../../src/utils/secrets';

/** Loads the compiled app in a child process, as `strapi start` does, and reports how it ended. */
function loadInChild(env: Record<string, string | undefined>) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-start-'));
  const script = `
    require('@strapi/strapi')
      .createStrapi({ appDir: ${JSON.stringify(APP_DIR)}, distDir: ${JSON.stringify(DIST_DIR)}, serveAdminPanel: false })
      .load()
      .then(() => { console.log('LOADED'); process.exit(0); }, (error) => { console.error(error.message); process.exit(1); });
  `;
  const childEnv: Record<string, string | undefined> = { ...process.env, DATABASE_FILENAME: path.join(dir, 'db.sqlite'), ...env };
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete childEnv[name];
  const result = spawnSync(process.execPath, ['-e', script], { cwd: APP_DIR, env: childEnv as NodeJS.ProcessEnv, encoding: 'utf8', timeout: 120000 });
  fs.rmSync(dir, { recursive: true, force: true });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('production secrets', () => {
  it('refuses to start without secrets, naming every missing variable', () => {
    const missing = Object.fromEntries(REQUIRED_SECRETS.map((name) => [name, undefined]));
    const { status, output } = loadInChild({ NODE_ENV: 'production', ...missing });
    expect(status).toBe(1);
    expect(output).toContain(
      `Refusing to start in production: ${REQUIRED_SECRETS.join(', ')} are missing or still an example value.`,
    );
    expect(output).not.toContain('LOADED');
  });

  it('refuses to start with an example secret, naming it', () => {
    const { status, output } = loadInChild({ NODE_ENV: 'production', ADMIN_JWT_SECRET: 'tobemodified' });
    expect(status).toBe(1);
    expect(output).toContain('Refusing to start in production: ADMIN_JWT_SECRET is missing or still an example value.');
  });

  it('starts in production when every secret is real', () => {
    const { status, output } = loadInChild({ NODE_ENV: 'production' });
    expect(output).toContain('LOADED');
    expect(status).toBe(0);
  });
});

describe('bootstrap', () => {
  let app: TestInstance;

  beforeAll(async () => {
    app = await startStrapi();
  });

  afterAll(async () => {
    await app.stop();
  });

  it('creates the zh-Hans and en content locales, zh-Hans the default', async () => {
    const locales = app.strapi.plugin('i18n').service('locales');
    const codes = (await locales.find()).map((locale: { code: string }) => locale.code);
    expect(codes).toEqual(expect.arrayContaining(['zh-Hans', 'en']));
    expect(await locales.getDefaultLocale()).toBe('zh-Hans');
  });

  it('gives new admin users the Chinese admin panel', async () => {
    const { user } = await createAdminUser(app.strapi, { roleCode: 'strapi-editor' });
    const stored = await app.strapi.db.query('admin::user').findOne({ where: { id: user.id } });
    expect(stored.preferedLanguage).toBe('zh-Hans');
  });

  it('keeps an admin user’s own language choice', async () => {
    const { user } = await createAdminUser(app.strapi);
    await app.strapi.db.query('admin::user').update({ where: { id: user.id }, data: { preferedLanguage: 'en' } });
    const stored = await app.strapi.db.query('admin::user').findOne({ where: { id: user.id } });
    expect(stored.preferedLanguage).toBe('en');
  });
});

describe('demo data', () => {
  let app: TestInstance;

  beforeAll(async () => {
    app = await startStrapi();
  });

  afterAll(async () => {
    await app.stop();
  });

  it('loads the Taiyuan organizations as a tree, and a second run changes nothing', async () => {
    // Each organization's editor and publisher, the auditor and the super admin.
    const signIns = DEMO_ORGANIZATIONS.length * 2 + 2;
    const records = DEMO_ORGANIZATIONS.length + DEMO_DOCUMENTS.length + DEMO_POWERS.length + DEMO_INTERPRETATIONS.length + DEMO_REQUESTS.length + signIns;
    const first = await seedDemo(app.strapi);
    expect(first).toEqual({ created: records, existing: 0 });

    const snapshot = async () =>
      app.strapi.db.query('api::organization.organization').findMany({
        select: ['documentId', 'name', 'code', 'updatedAt'],
        populate: { parent: { select: ['name'] } },
        orderBy: { id: 'asc' },
      });
    const before = await snapshot();

    // The demo requests stand in each state an office meets: new, paused, overdue, delivered.
    const states = await app.strapi.db.query('api::disclosure-request.disclosure-request').findMany({ select: ['handlingStatus', 'overdue'], orderBy: { id: 'asc' } });
    expect(states).toEqual([
      { handlingStatus: 'received', overdue: false },
      { handlingStatus: 'consulting', overdue: false },
      { handlingStatus: 'proposed', overdue: true },
      { handlingStatus: 'delivered', overdue: false },
    ]);

    const second = await seedDemo(app.strapi);
    expect(second).toEqual({ created: 0, existing: records });
    expect(await snapshot()).toEqual(before);

    const parentOf = Object.fromEntries(before.map((row: { name: string; parent: { name: string } | null }) => [row.name, row.parent?.name ?? null]));
    expect(parentOf).toMatchObject({
      太原市人民政府: null,
      太原市人民政府办公室: '太原市人民政府',
      太原市生态环境局: '太原市人民政府',
      太原市小店区人民政府: '太原市人民政府',
      太原市小店区坞城街道办事处: '太原市小店区人民政府',
      清徐县财政局: '清徐县人民政府',
      古交市河口镇人民政府: '古交市人民政府',
    });
  });

  it('publishes the demo documents with a lifecycle: amended, revised, repealed, expired, pending, in force', async () => {
    const rows = await app.strapi.db.query('api::normative-document.normative-document').findMany({
      where: { publishedAt: { $notNull: true } },
      select: ['title', 'validity', 'indexNumber'],
    });
    expect(rows).toHaveLength(DEMO_DOCUMENTS.length);
    const validity = Object.fromEntries(rows.map((r: { title: string; validity: string }) => [r.title, r.validity]));
    expect(validity).toMatchObject({
      太原市政务公开工作规定: 'amended',
      太原市就业补助资金管理办法: 'amended',
      古交市煤矿安全生产监督管理办法: 'repealed',
      太原市政府信息公开申请办理暂行办法: 'expired',
      清徐县涉农补贴资金发放管理办法: 'pending',
      '太原市人民政府关于修改《太原市政务公开工作规定》的决定': 'in_force',
    });
    expect(rows.every((r: { indexNumber: string | null }) => /^[0-9A-Z]{18}\/\d{4}-\d{5}$/.test(r.indexNumber ?? ''))).toBe(true);
  });

  it('creates the demo administrator listed in the README, who can sign in', async () => {
    const token = await adminToken(app.server, DEMO_ADMIN.email, DEMO_ADMIN.password);
    const me = await request(app.server).get('/admin/users/me').set('Authorization', `Bearer ${token}`);
    expect(me.status).toBe(200);
    expect(me.body.data).toMatchObject({ email: DEMO_ADMIN.email, preferedLanguage: 'zh-Hans' });
  });

  it('gives each organization an editor and a publisher who see only their organization, and an auditor who sees all', async () => {
    const documents = async (email: string) => {
      const token = await adminToken(app.server, email, DEMO_ADMIN.password);
      const res = await request(app.server)
        .get('/content-manager/collection-types/api::normative-document.normative-document?pageSize=100')
        .set('Authorization', `Bearer ${token}`);
      expect(res.status).toBe(200);
      return res.body.results.map((row: { title: string }) => row.title);
    };
    const education = await documents('editor.education@demo.gongkai.local');
    expect(education.sort()).toEqual(['太原市中小学课后服务管理办法', '太原市义务教育阶段学校招生入学工作办法'].sort());
    const xiaodian = await documents('publisher.xiaodian@demo.gongkai.local');
    expect(xiaodian.sort()).toEqual(['小店区中小学校园安全管理办法', '小店区基层政务公开标准目录管理办法'].sort());
    expect(await documents('auditor@demo.gongkai.local')).toHaveLength(DEMO_DOCUMENTS.length);
  });

  it('shows the functions directory and flags the powers resting on repealed or amended demo documents', async () => {
    const tree = await request(app.server).get('/api/organizations/tree');
    const city = tree.body.data.find((node: { name: string }) => node.name === '太原市人民政府');
    const education = city.children.find((node: { name: string }) => node.name === '太原市教育局');
    expect(education.children.map((node: { name: string }) => node.name)).toEqual(['太原市教育局办公室']);
    expect(education.contact.email).toBe('jyj@demo.gongkai.local');

    const flagged = await request(app.server).get('/api/power-items?needsReview=true&sort=code');
    expect(flagged.body.data.map((row: { name: string; reviewReason: string }) => [row.name, row.reviewReason])).toEqual([
      ['就业补助资金发放', '实施依据《太原市就业补助资金管理办法》（并人社发〔2022〕23号）于2024-02-01已修改，请复核本事项'],
      ['煤矿安全生产监督检查', '实施依据《古交市煤矿安全生产监督管理办法》（古政发〔2022〕10号）于2025-01-08已废止，请复核本事项'],
    ]);
  });

  it('shows one organization meeting the publishing ratios and one missing them', async () => {
    const token = await adminToken(app.server, 'auditor@demo.gongkai.local', DEMO_ADMIN.password);
    const year = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 4);
    const res = await request(app.server).get(`/publishing-ratios/ratios?period=${year}`).set('Authorization', `Bearer ${token}`);
    const byName = Object.fromEntries(res.body.data.map((row: { organization: { name: string }; own: { status: string; counts: unknown } }) => [row.organization.name, row.own]));
    expect(byName['太原市人民政府办公室']).toMatchObject({ status: 'pass', counts: { total: 4, diverse: 3, offWebsite: 3 } });
    expect(byName['太原市教育局']).toMatchObject({ status: 'fail', counts: { total: 3, diverse: 1, offWebsite: 1 } });
  });

  it('creates no demo sign-in in production', async () => {
    const previous = process.env.NODE_ENV;
    await app.strapi.db.query('admin::user').deleteMany({ where: { email: DEMO_ADMIN.email } });
    process.env.NODE_ENV = 'production';
    try {
      await seedDemo(app.strapi);
    } finally {
      process.env.NODE_ENV = previous;
    }
    expect(await app.strapi.db.query('admin::user').count({ where: { email: DEMO_ADMIN.email } })).toBe(0);
  });
});
