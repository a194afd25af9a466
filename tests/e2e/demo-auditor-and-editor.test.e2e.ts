import type { Browser, Page } from 'playwright-core';
import { startServer, type E2EServer } from './server';
import { launchBrowser } from './browser';
import { DEMO_ADMIN, seedDemo } from '../../src/seed';

const UID = 'api::policy-interpretation.policy-interpretation';

let server: E2EServer;
let browser: Browser;
let draft: string;

beforeAll(async () => {
  server = await startServer();
  await seedDemo(server.strapi);
  const { strapi } = server;
  const organization = await strapi.db.query('api::organization.organization').findOne({ where: { name: '太原市教育局' } });
  const source = await strapi.db.query('api::normative-document.normative-document').findOne({ where: { title: '太原市中小学课后服务管理办法' } });
  const text = await strapi.db.query('api::interpretation-form.interpretation-form').findOne({ where: { code: 'text' } });
  const created = await (strapi.documents(UID as never) as unknown as { create: (p: object) => Promise<{ documentId: string }> }).create({
    data: { title: '课后服务常见问题（草稿）', organization: organization.documentId, sourceDocuments: [source.documentId], form: text.documentId },
  });
  draft = created.documentId;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signIn(email: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
  page.setDefaultTimeout(30000);
  await page.goto(`${server.url}/admin`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(DEMO_ADMIN.password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(/\/admin(\/)?$/);
  return page;
}

describe('the publishing-ratio page', () => {
  it('shows the auditor which demo organizations meet the targets and which do not', async () => {
    const page = await signIn('auditor@demo.gongkai.local');
    await page.getByRole('link', { name: '解读发布比例' }).click();
    const office = page.locator('[data-testid="ratio-row"][data-organization="太原市人民政府办公室"]');
    const education = page.locator('[data-testid="ratio-row"][data-organization="太原市教育局"]');
    await office.waitFor();
    expect(await office.getAttribute('data-status')).toBe('pass');
    await expect(office.textContent()).resolves.toContain('达标');
    expect(await education.getAttribute('data-status')).toBe('fail');
    await expect(education.textContent()).resolves.toContain('还需 4 篇多样化形式解读才能达到 70%');
    expect(await page.locator('[data-testid="ratio-row"][data-organization="太原市财政局"]').getAttribute('data-status')).toBe('no_data');
    await page.close();
  });

  it('shows an editor only their own organizations', async () => {
    const page = await signIn('editor.education@demo.gongkai.local');
    await page.goto(`${server.url}/admin/plugins/publishing-ratios`);
    await page.locator('[data-testid="ratio-row"]').first().waitFor();
    const names = await page.locator('[data-testid="ratio-row"]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-organization')));
    expect(names.sort()).toEqual(['太原市教育局', '太原市教育局办公室'].sort());
    await page.close();
  });
});

describe('an interpretation’s edit view', () => {
  it('shows the editor what publishing it would do to the ratios, before publishing', async () => {
    const page = await signIn('editor.education@demo.gongkai.local');
    await page.goto(`${server.url}/admin/content-manager/collection-types/${UID}/${draft}`);
    const preview = page.getByTestId('ratio-preview');
    await preview.waitFor();
    await expect(preview.textContent()).resolves.toContain('25%（1/4）');
    expect(await page.getByTestId('ratio-after-diverse').getAttribute('data-status')).toBe('fail');
    await expect(page.getByTestId('ratio-verdict').textContent()).resolves.toContain('发布后比例将低于目标');
    await page.close();
  });
});

describe('the audit export page', () => {
  it('lets the auditor download an export with progress, then lists it with its SHA-256', async () => {
    const page = await signIn('auditor@demo.gongkai.local');
    await page.getByRole('link', { name: '审计导出' }).click();
    await page.getByTestId('export-download').waitFor();
    const downloaded = page.waitForEvent('download');
    await page.getByTestId('export-download').click();
    const file = await downloaded;
    expect(file.suggestedFilename()).toMatch(/^规范性文件状态-\d{4}-\d{2}-\d{2}\.xlsx$/);
    await expect(page.getByTestId('export-progress').textContent()).resolves.toMatch(/下载完成/);
    const record = page.getByTestId('export-record').first();
    await record.waitFor();
    await expect(record.textContent()).resolves.toMatch(/审计.*文件状态 · XLSX.*完成[0-9a-f]{64}/);
    await page.close();
  });

  it('exports the request register without a past date or validity to choose, and logs it under its name', async () => {
    const page = await signIn('auditor@demo.gongkai.local');
    await page.getByRole('link', { name: '审计导出' }).click();
    await page.getByRole('combobox', { name: '导出内容' }).click();
    await page.getByRole('option', { name: '依申请公开登记' }).click();
    await page.getByRole('combobox', { name: '办理状态' }).waitFor();
    expect(await page.getByRole('combobox', { name: '效力状态' }).count()).toBe(0);
    expect(await page.getByLabel('截至日期').count()).toBe(0);
    // A date the server cannot take is said by its label; one typed with slashes is taken.
    await page.getByLabel('收到申请日期止').fill('明天');
    await page.getByTestId('export-download').click();
    await page.getByText('收到申请日期止：请按“年-月-日”填写').waitFor();
    await page.getByLabel('收到申请日期止').fill('');
    await page.getByLabel('收到申请日期起').fill('2020/1/5');
    const downloaded = page.waitForEvent('download');
    await page.getByTestId('export-download').click();
    const file = await downloaded;
    expect(file.suggestedFilename()).toMatch(/^依申请公开登记-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const record = page.getByTestId('export-record').filter({ hasText: '依申请公开登记 · XLSX' }).first();
    await record.waitFor();
    await expect(record.textContent()).resolves.toMatch(/审计.*依申请公开登记 · XLSX.*完成[0-9a-f]{64}/);
    await page.close();
  });
});
