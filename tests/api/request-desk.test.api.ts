import request from 'supertest';
import { startStrapi, type TestInstance } from '../harness/strapi';
import { createOrganization, signedInMember, type CreatedOrganization } from '../harness/fixtures';
import { chinaToday } from '../../src/domain/dates';

/**
 * The admin's desk for requests for disclosure: the case (clock, history, the steps this user may
 * take), the steps in Chinese, and the list of requests due, each under the signed-in user's
 * organization and role.
 */
let app: TestInstance;
let handling: CreatedOrganization;
let other: CreatedOrganization;
let editor: string;
let publisher: string;
let auditor: string;
let outsider: string;
const UID = 'api::disclosure-request.disclosure-request';
const today = chinaToday(new Date());
const PERSONAL = ['李四光', '140105198801011234', '13800001111'];

beforeAll(async () => {
  app = await startStrapi();
  handling = await createOrganization(app.strapi, { name: '太原市人力资源和社会保障局' });
  other = await createOrganization(app.strapi, { name: '太原市交通运输局' });
  editor = (await signedInMember(app.server, app.strapi, 'gongkai-editor', [handling.id])).token;
  publisher = (await signedInMember(app.server, app.strapi, 'gongkai-publisher', [handling.id])).token;
  auditor = (await signedInMember(app.server, app.strapi, 'gongkai-auditor', [])).token;
  outsider = (await signedInMember(app.server, app.strapi, 'gongkai-editor', [other.id])).token;
  // Next year's notice, as the office enters it each year, so that an extension late in the year can be dated. Test data: New Year's Day only.
  const next = Number(today.slice(0, 4)) + 1;
  await app.strapi.documents('api::calendar-notice.calendar-notice').create({ data: { year: next, notice: `测试用${next}年节假日安排`, holidays: `${next}-01-01` } as never });
});

afterAll(async () => {
  await app.stop();
});

const admin = (token: string) => ({ Authorization: `Bearer ${token}` });
const caseOf = (documentId: string, token: string) => request(app.server).get(`/request-desk/requests/${documentId}`).set(admin(token));
const stepOn = (documentId: string, body: Record<string, unknown>, token: string) => request(app.server).post(`/request-desk/requests/${documentId}/steps`).set(admin(token)).send(body);

async function registered(receivedOn = today): Promise<string> {
  const created = await app.strapi.documents(UID).create({
    data: {
      organization: handling.documentId,
      applicantType: 'natural_person',
      applicantName: '李四光',
      idType: 'resident_identity_card',
      idNumber: '140105198801011234',
      phone: '13800001111',
      description: '2025年本市失业保险金发放情况',
      receivedVia: 'in_person',
      receivedOn,
    } as never,
  });
  return created.documentId;
}

const actionsOf = (res: request.Response) => res.body.data.actions.map((form: { action: string }) => form.action);

describe('the case', () => {
  it('shows an editor the clock, the history and the steps an editor may take, in Chinese, without the applicant', async () => {
    const documentId = await registered();
    const res = await caseOf(documentId, editor);
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBeTruthy();
    expect(res.body.data).toMatchObject({ status: 'received', statusLabel: '已登记', clock: 'running', workingDaysLeft: 20, overdue: false, receivedViaLabel: '当面提交', applicantTypeLabel: '自然人', organization: { name: '太原市人力资源和社会保障局' }, steps: [] });
    expect(actionsOf(res)).toEqual(['accept', 'request_correction', 'withdraw']);
    expect(res.body.data.actions[1]).toMatchObject({
      label: '告知补正',
      fields: [
        { name: 'date', label: '日期', kind: 'date', required: true },
        { name: 'reason', label: '补正告知内容', kind: 'longtext', required: true },
        { name: 'dueOn', label: '补正期限', kind: 'date', required: true },
      ],
    });
    for (const value of PERSONAL) expect(res.text).not.toContain(value);
  });

  it('offers 延期 and 报批 only to the 审核发布 role, and nothing to the auditor', async () => {
    const documentId = await registered();
    expect((await stepOn(documentId, { action: 'accept', date: today }, editor)).status).toBe(200);
    expect(actionsOf(await caseOf(documentId, editor))).not.toContain('extend');
    expect(actionsOf(await caseOf(documentId, publisher))).toContain('extend');

    const refused = await stepOn(documentId, { action: 'extend', date: today, reason: '需要协调多个单位' }, editor);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('没有延长答复期限的权限');
    const extended = await stepOn(documentId, { action: 'extend', date: today, reason: '需要协调多个单位' }, publisher);
    expect(extended.status).toBe(200);
    expect(extended.body.data).toMatchObject({ extended: true });
    // Extended once, it is not offered again.
    expect(actionsOf(await caseOf(documentId, publisher))).not.toContain('extend');

    await stepOn(documentId, { action: 'propose', date: today }, editor);
    await stepOn(documentId, { action: 'decide', date: today, decision: 'disclosed', replyType: 'can_disclose', replyText: '现将相关信息提供给您。' }, editor);
    expect(actionsOf(await caseOf(documentId, editor))).toEqual(['withdraw']);
    expect((await stepOn(documentId, { action: 'approve', date: today }, editor)).body.error.message).toBe('没有审核报批的权限');
    expect((await stepOn(documentId, { action: 'approve', date: today }, publisher)).status).toBe(200);

    const audited = await caseOf(documentId, auditor);
    expect(audited.status).toBe(200);
    expect(audited.body.data.actions).toEqual([]);
    expect(audited.body.data.steps.map((step: { actionLabel: string }) => step.actionLabel)).toEqual(['受理', '延期答复', '提出办理意见', '作出决定', '报批']);
    expect(audited.body.data.steps[3]).toMatchObject({ decisionLabel: '予以公开', replyTypeLabel: '可以公开的，向申请人提供或者告知获取的方式、途径和时间' });
    expect((await stepOn(documentId, { action: 'deliver', date: today, method: 'post' }, auditor)).status).toBe(403);
  });

  it('takes a step only from the version the form was opened on, and offers no extension once the time limit has passed', async () => {
    const documentId = await registered();
    const opened = (await caseOf(documentId, editor)).body.data.version;
    expect(opened).toEqual(expect.any(String));
    expect((await stepOn(documentId, { action: 'accept', date: today }, publisher)).status).toBe(200);
    const stale = await request(app.server).post(`/request-desk/requests/${documentId}/steps`).set({ ...admin(editor), 'If-Match': opened }).send({ action: 'withdraw', date: today });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toBe('已被他人修改，请刷新后再改');
    expect((await app.strapi.db.query(UID).findOne({ where: { documentId } })).stepCount).toBe(1);

    const late = await registered('2026-10-26');
    await stepOn(late, { action: 'accept', date: '2026-10-27' }, editor);
    expect(actionsOf(await caseOf(late, publisher))).not.toContain('extend');
    const refused = await stepOn(late, { action: 'extend', date: today, reason: '补办延期' }, publisher);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ message: '答复期限已届满，只能在期限内延长', details: { code: 'EXTENSION_TOO_LATE', errors: [{ path: ['date'] }] } });
  });

  it('keeps another organization\'s editor out: no case, no step', async () => {
    const documentId = await registered();
    expect((await caseOf(documentId, outsider)).status).toBe(404);
    expect((await stepOn(documentId, { action: 'accept', date: today }, outsider)).status).toBe(404);
    expect((await app.strapi.db.query(UID).findOne({ where: { documentId } })).stepCount).toBe(0);
  });

  it('says in Chinese what is wrong with a step, naming the field, and records nothing', async () => {
    const documentId = await registered();
    const future = await stepOn(documentId, { action: 'accept', date: '2099-01-01' }, editor);
    expect(future.status).toBe(400);
    expect(future.body.error).toMatchObject({ message: '日期不能晚于今天', details: { code: 'DATE_IN_FUTURE', errors: [{ path: ['date'], message: '日期不能晚于今天' }] } });
    const missing = await stepOn(documentId, { action: 'request_correction', date: today, dueOn: '2099-01-01' }, editor);
    expect(missing.body.error.details.errors[0].path).toEqual(['reason']);
    const unknown = await stepOn(documentId, { action: 'accept', date: today, note: '备注' }, editor);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details.errors[0]).toMatchObject({ path: ['note'], message: 'note 不是办理环节的字段' });
    const long = await stepOn(documentId, { action: 'request_correction', date: today, dueOn: '2099-01-01', reason: '缺'.repeat(2001) }, editor);
    expect(long.status).toBe(400);
    expect(long.body.error.details.errors[0]).toMatchObject({ path: ['reason'], message: 'reason 不能超过2000个字' });
    const twice = await stepOn(documentId, { action: 'receive_correction', date: today }, editor);
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toBe('申请当前的办理状态不允许这个环节');
    expect((await app.strapi.db.query(UID).findOne({ where: { documentId } })).stepCount).toBe(0);
  });
});

describe('hostile input at the desk', () => {
  it('refuses what no route takes, as on the content API: deep nesting, NUL, inherited names', async () => {
    const documentId = await registered();
    let deep: unknown = 'x';
    for (let i = 0; i < 100; i += 1) deep = { a: deep };
    const nested = await stepOn(documentId, { action: 'propose', date: today, reason: deep }, editor);
    expect(nested.status).toBe(400);
    expect(nested.body.error.message).toMatch(/nested more than 32 levels deep/);
    const nul = await stepOn(documentId, { action: 'accept', date: today, reason: 'a\u0000b' }, editor);
    expect(nul.status).toBe(400);
    expect(nul.body.error.details.errors[0].path).toEqual(['reason']);
    const inherited = await request(app.server).get('/request-desk/requests/due?constructor=1').set(admin(editor));
    expect(inherited.status).toBe(400);
    expect((await app.strapi.db.query(UID).findOne({ where: { documentId } })).stepCount).toBe(0);
  });
});

describe('the due list', () => {
  it('lists the organization\'s open requests due soon and those overdue, first the most urgent', async () => {
    const late = await registered('2026-10-26');
    const fresh = await registered();
    const res = await request(app.server).get('/request-desk/requests/due').query({ within: '20' }).set(admin(editor));
    expect(res.status).toBe(200);
    const ids = res.body.data.map((entry: { documentId: string }) => entry.documentId);
    expect(ids.indexOf(late)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(late)).toBeLessThan(ids.indexOf(fresh));
    expect(res.body.data.find((entry: { documentId: string }) => entry.documentId === late)).toMatchObject({ overdue: true, organization: { name: '太原市人力资源和社会保障局' } });
    for (const value of PERSONAL) expect(res.text).not.toContain(value);
    expect((await request(app.server).get('/request-desk/requests/due').set(admin(outsider))).body.data.map((entry: { documentId: string }) => entry.documentId)).not.toContain(late);
    const bad = await request(app.server).get('/request-desk/requests/due').query({ within: 'soon' }).set(admin(editor));
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors[0].path).toEqual(['within']);
  });
});
