import type { Browser, Page } from 'playwright-core';
import { startServer, type E2EServer } from './server';
import { launchBrowser } from './browser';
import { bindToOrganizations, createAdminUser, createOrganization } from '../harness/fixtures';
import { chinaToday } from '../../src/domain/dates';

const UID = 'api::disclosure-request.disclosure-request';
const today = chinaToday(new Date());

let server: E2EServer;
let browser: Browser;
let page: Page;
let editor: { email: string; password: string };
let fresh: string;
let late: string;

async function register(organization: string, receivedOn: string, description: string): Promise<string> {
  const created = await server.strapi.documents(UID).create({
    data: { organization, applicantType: 'natural_person', applicantName: '王五', idType: 'resident_identity_card', idNumber: '140105199001011234', phone: '13900002222', description, receivedVia: 'post', receivedOn } as never,
  });
  return created.documentId;
}

beforeAll(async () => {
  server = await startServer();
  const bureau = await createOrganization(server.strapi, { name: '太原市民政局', shortName: '市民政局' });
  fresh = await register(bureau.documentId, today, '本市2026年低保标准');
  late = await register(bureau.documentId, '2026-10-26', '本市养老机构名单');
  const { user, password } = await createAdminUser(server.strapi, { roleCode: 'gongkai-editor', email: 'desk@e2e.gongkai.local' });
  await bindToOrganizations(server.strapi, { adminUser: user.id }, [bureau.id]);
  editor = { email: user.email, password };
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  page.setDefaultTimeout(30000);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('an editor at the request desk', () => {
  it('signs in', async () => {
    await page.goto(`${server.url}/admin`);
    await page.locator('input[name="email"]').fill(editor.email);
    await page.locator('input[name="password"]').fill(editor.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/admin(\/)?$/);
  });

  it('sees the clock and only the steps an editor may take', async () => {
    await page.goto(`${server.url}/admin/content-manager/collection-types/${UID}/${fresh}`);
    await expect(page.getByTestId('request-due').textContent()).resolves.toContain('剩余 20 个工作日');
    const actions = page.getByTestId('request-actions');
    await actions.getByRole('button', { name: '受理' }).waitFor();
    await expect(actions.getByRole('button').allTextContents()).resolves.toEqual(['受理', '告知补正', '撤回申请']);
  });

  it('asks for edits in the form to be saved before a step, which reloads the request', async () => {
    const purpose = page.getByLabel('用途（选填）');
    const before = await purpose.inputValue();
    await purpose.fill(`${before}（待保存）`);
    await page.getByTestId('request-unsaved').waitFor();
    await expect(page.getByTestId('request-unsaved').textContent()).resolves.toContain('请先保存对申请信息的修改');
    expect(await page.getByTestId('request-actions').getByRole('button', { name: '受理' }).isDisabled()).toBe(true);
    await purpose.fill(before);
    await page.getByTestId('request-unsaved').waitFor({ state: 'detached' });
    expect(await page.getByTestId('request-actions').getByRole('button', { name: '受理' }).isDisabled()).toBe(false);
  });

  it('accepts the request, and a wrong date is refused in Chinese under the field', async () => {
    await page.getByTestId('request-actions').getByRole('button', { name: '受理' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.locator('input[type="date"]').inputValue()).resolves.toBe(today);
    await dialog.locator('input[type="date"]').fill('2026-01-01');
    await dialog.getByRole('button', { name: '确定' }).click();
    await dialog.getByText('日期不能早于收到申请的日期').first().waitFor();
    await dialog.locator('input[type="date"]').fill(today);
    await dialog.getByRole('button', { name: '确定' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('request-history').getByText(`${today} 受理`).waitFor();
    await expect(page.getByTestId('request-actions').getByRole('button').allTextContents()).resolves.toEqual(['告知补正', '征求意见', '收费通知', '提出办理意见', '撤回申请']);
  });

  it('still saves the request\'s own fields after the step', async () => {
    await page.locator('textarea[name="purpose"]').fill('用于申请补贴');
    const saved = page.waitForResponse((r) => r.url().includes(`/content-manager/collection-types/${UID}/${fresh}`) && r.request().method() === 'PUT');
    await page.getByRole('button', { name: '保存' }).click();
    expect((await saved).status()).toBe(200);
  });

  it('finds the overdue request first on the due page, in red', async () => {
    await page.goto(`${server.url}/admin/plugins/request-desk`);
    const rows = page.getByTestId('due-request');
    await rows.first().waitFor();
    await expect(rows.first().textContent()).resolves.toContain('太原市民政局');
    await expect(rows.first().textContent()).resolves.toContain('已逾期');
    await rows.first().getByRole('link', { name: '查看' }).click();
    await page.waitForURL(new RegExp(late));
  });
});
