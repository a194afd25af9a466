import type { Page } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { startServer, type E2EServer } from './server';
import { launchBrowser } from './browser';
import { bindToOrganizations, createAdminUser, createOrganization } from '../harness/fixtures';
import { createDocumentDraft } from '../harness/documents';
import { chinaToday } from '../../src/domain/dates';

const UID = 'api::normative-document.normative-document';
const today = chinaToday(new Date());

let server: E2EServer;
let browser: Browser;
let page: Page;
let editor: { email: string; password: string };

/** The platform's 审核发布 role, here also allowed to run the date-driven tick by hand. */
async function publisherMayTick(strapi: E2EServer['strapi']): Promise<void> {
  const role = await strapi.db.query('admin::role').findOne({ where: { code: 'gongkai-publisher' } });
  await strapi.service('admin::role').addPermissions(role.id, [{ action: 'plugin::document-lifecycle.tick', subject: null, properties: {}, conditions: [] }]);
}

beforeAll(async () => {
  server = await startServer();
  const city = await createOrganization(server.strapi, { name: '太原市人民政府', shortName: '市政府', level: 'city', kind: 'people_government' });
  // Another organization's document must not be offered anywhere in this editor's panel.
  const other = await createOrganization(server.strapi, { name: '太原市教育局', shortName: '市教育局' });
  await createDocumentDraft(server.strapi, { title: '教育局内部草稿不应可见', issuingOrganization: other.documentId });
  await publisherMayTick(server.strapi);
  const { user, password } = await createAdminUser(server.strapi, { roleCode: 'gongkai-publisher', email: 'editor@e2e.gongkai.local' });
  await bindToOrganizations(server.strapi, { adminUser: user.id }, [city.id]);
  editor = { email: user.email, password };
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
  page.setDefaultTimeout(30000);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function fillDate(name: string, value: string) {
  const input = page.locator(`input[name="${name}"]`);
  await input.click();
  await input.pressSequentially(value, { delay: 20 });
  await input.press('Tab');
  await expect(input.inputValue()).resolves.toBe(value);
}

/** Creates a document in the Content Manager, saves and publishes it; returns its documentId. */
async function createAndPublish(title: string, documentNumber: string): Promise<string> {
  await page.goto(`${server.url}/admin/content-manager/collection-types/${UID}/create`);
  await page.locator('input[name="title"]').fill(title);
  await page.locator('input[name="documentNumber"]').fill(documentNumber);
  await page.locator('input[name="issuingOrganization"]').click();
  await page.getByRole('option', { name: /太原市人民政府/ }).click();
  await fillDate('adoptedOn', '2026/11/02');
  await fillDate('effectiveFrom', '2026/11/10');
  await page.getByRole('button', { name: '保存' }).click();
  await page.waitForURL(/normative-document\/(?!create)[a-z0-9]+/);
  await page.getByRole('button', { name: '发布' }).click();
  await page.getByTestId('lifecycle-validity').getByText('现行有效').waitFor();
  return page.url().split('/').pop()!.split('?')[0];
}

describe('an editor in the admin panel', () => {
  it('signs in to the Chinese admin', async () => {
    await page.goto(`${server.url}/admin`);
    await page.locator('input[name="email"]').fill(editor.email);
    await page.locator('input[name="password"]').fill(editor.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/admin(\/)?$/);
    expect(await page.locator("html").getAttribute("lang")).toBe('zh-Hans');
  });

  let target: string;
  let basis: string;

  it('creates a document with a 文号 written with [] and sees it normalized', async () => {
    target = await createAndPublish('太原市测试管理办法', '并政发[2026]101号');
    await expect(page.locator('input[name="documentNumber"]').inputValue()).resolves.toBe('并政发〔2026〕101号');
  });

  it('repeals it through a second document from the edit view', async () => {
    basis = await createAndPublish('太原市人民政府关于废止《太原市测试管理办法》的决定', '并政发〔2026〕102号');
    await page.goto(`${server.url}/admin/content-manager/collection-types/${UID}/${target}`);
    await page.getByRole('button', { name: '废止' }).click();
    const dialog = page.getByRole('dialog');
    // The date defaults to today, which is when both documents were registered.
    await expect(dialog.locator('input[type="date"]').inputValue()).resolves.toBe(today);
    await dialog.getByRole('combobox').click();
    await dialog.getByRole('combobox').fill('102');
    await page.getByRole('option', { name: /并政发〔2026〕102号/ }).click();
    await dialog.locator('textarea').fill('已被新决定废止');
    await dialog.getByRole('button', { name: '确认' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('lifecycle-validity').getByText('已废止').waitFor();
  });

  it('still saves the repealed document’s other fields', async () => {
    await page.locator('textarea[name="summary"]').fill('已废止，保留备查。');
    const saved = page.waitForResponse((r) => r.url().includes(`/content-manager/collection-types/${UID}/${target}`) && r.request().method() === 'PUT');
    await page.getByRole('button', { name: '保存' }).click();
    expect((await saved).status()).toBe(200);
    await page.getByTestId('lifecycle-validity').getByText('已废止').waitFor();
  });

  it('sees both histories', async () => {
    const history = page.getByTestId('lifecycle-history');
    await expect(history.textContent()).resolves.toMatch(new RegExp(`${today} 废止 → 已废止.*并政发〔2026〕102号.*已被新决定废止`, 's'));

    await page.goto(`${server.url}/admin/content-manager/collection-types/${UID}/${basis}`);
    await page.getByTestId('lifecycle-history').getByText('登记发布').waitFor();
    await expect(page.getByTestId('lifecycle-validity').textContent()).resolves.toContain('现行有效');

    const stored = await server.strapi.db.query(UID).findOne({ where: { documentId: target, publishedAt: { $notNull: true } } });
    expect(stored).toMatchObject({ validity: 'repealed', noLongerInForceOn: today });
  });

  it('lists its own organization’s documents and none of another’s', async () => {
    await page.goto(`${server.url}/admin/content-manager/collection-types/${UID}`);
    await page.getByRole('gridcell', { name: '太原市测试管理办法' }).first().waitFor();
    expect(await page.getByRole('row').filter({ hasText: '太原市测试管理办法' }).count()).toBe(2);
    expect(await page.getByText('教育局内部草稿不应可见').count()).toBe(0);
  });

  it('runs the date-driven transitions for a date from the plugin page', async () => {
    await page.goto(`${server.url}/admin/plugins/document-lifecycle`);
    await page.getByRole('heading', { name: '文件生命周期' }).waitFor();
    await page.locator('input[type="date"]').fill('2026-11-20');
    await page.getByRole('button', { name: '运行' }).click();
    await expect(page.getByTestId('tick-report').textContent()).resolves.toMatch(/^2026-11-20：施行 \d+ 件，届满失效 \d+ 件$/);
  });
});
