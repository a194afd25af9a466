import request from 'supertest';
import { startStrapi, type TestInstance } from '../harness/strapi';
import { bindToOrganizations, createApiTokenRecord, createOrganization, signedInMember, type CreatedOrganization } from '../harness/fixtures';
import { chinaToday } from '../../src/domain/dates';

/**
 * Request-based disclosure over HTTP: the public form and tracking, the steps from 受理 to 送达
 * with the clock on every answer, and the applicant's personal data kept out of every answer
 * that is not the handling organization's.
 */
let app: TestInstance;
let handling: CreatedOrganization;
let other: CreatedOrganization;
let staff: string;
let outsider: string;
const UID = 'api::disclosure-request.disclosure-request';
const today = chinaToday(new Date());

const APPLICANT = {
  applicantType: 'natural_person',
  applicantName: '张三丰',
  idType: 'resident_identity_card',
  idNumber: '110101199003071234',
  phone: '13912345678',
  email: 'zhangsan@example.cn',
  postalAddress: '太原市小店区平阳路1号',
};
const PERSONAL_VALUES = ['张三丰', '110101199003071234', '13912345678', 'zhangsan@example.cn', '平阳路1号'];

beforeAll(async () => {
  app = await startStrapi({ REQUEST_SUBMISSIONS_PER_HOUR: '12' });
  handling = await createOrganization(app.strapi, { name: '太原市住房和城乡建设局' });
  other = await createOrganization(app.strapi, { name: '太原市教育局' });
  for (const [organization, set] of [
    [handling, (key: string) => (staff = key)],
    [other, (key: string) => (outsider = key)],
  ] as const) {
    const token = await createApiTokenRecord(app.strapi, 'full-access');
    await bindToOrganizations(app.strapi, { apiToken: token.id }, [organization.id]);
    set(token.accessKey);
  }
  // Next year's notice, entered by the office as each year (国务院办公厅部分节假日安排), so that due
  // dates late in the year can be counted. Test data: New Year's Day only.
  const next = Number(today.slice(0, 4)) + 1;
  await app.strapi.documents('api::calendar-notice.calendar-notice').create({ data: { year: next, notice: `测试用${next}年节假日安排`, holidays: `${next}-01-01` } as never });
});

afterAll(async () => {
  await app.stop();
});

const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });
const submit = (body: Record<string, unknown>) => request(app.server).post('/api/disclosure-requests/submit').send(body);
const form = (extra: Record<string, unknown> = {}) => ({ organization: handling.documentId, ...APPLICANT, description: '2025年本市保障性住房分配名单', purpose: '核实本人排号', ...extra });
const stepOn = (documentId: string, body: Record<string, unknown>, key = staff) => request(app.server).post(`/api/disclosure-requests/${documentId}/steps`).set(bearer(key)).send(body);
/** Registered by staff, as a request handed in at the office on `receivedOn`. */
const register = (receivedOn: string) =>
  request(app.server)
    .post('/api/disclosure-requests')
    .set(bearer(staff))
    .send({ data: { organization: handling.documentId, ...APPLICANT, description: '窗口登记的申请', receivedVia: 'in_person', receivedOn } });
const documentIdOf = async (trackingCode: string) => ((await app.strapi.db.query(UID).findOne({ where: { trackingCode }, select: ['documentId'] })) as { documentId: string }).documentId;
const expectNoPersonalData = (text: string) => {
  for (const value of PERSONAL_VALUES) expect(text).not.toContain(value);
};

describe('the public form and tracking', () => {
  it('files a request without an account and answers its tracking code, receipt and due date, and nothing personal', async () => {
    const res = await submit(form());
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ trackingCode: expect.stringMatching(/^GK(-[0-9A-Z]{6}){4}$/), receivedOn: today, status: 'received', statusLabel: '已登记' });
    expect(res.body.data.dueOn > today).toBe(true);
    expectNoPersonalData(res.text);

    const tracked = await request(app.server).get(`/api/disclosure-requests/track/${res.body.data.trackingCode}`);
    expect(tracked.status).toBe(200);
    expect(tracked.body.data).toMatchObject({ organization: '太原市住房和城乡建设局', receivedOn: today, dueOn: res.body.data.dueOn, status: 'received', clock: 'running', workingDaysLeft: 20, overdue: false, steps: [] });
    expectNoPersonalData(tracked.text);
    expect(tracked.text).not.toContain('保障性住房');
  });

  it('stores the ID number and phone sealed, so a copy of the database does not show them', async () => {
    const res = await submit(form());
    const row = await app.strapi.db.connection('disclosure_requests').where({ tracking_code: res.body.data.trackingCode }).first();
    expect(row.id_number).toMatch(/^pd1:/);
    expect(row.phone).toMatch(/^pd1:/);
    expect(JSON.stringify(row)).not.toContain('110101199003071234');
    expect(JSON.stringify(row)).not.toContain('13912345678');
  });

  it('answers a tracking code that does not exist, or is not one, as not found', async () => {
    expect((await request(app.server).get('/api/disclosure-requests/track/GK-000000-000000-000000-000000')).status).toBe(404);
    expect((await request(app.server).get('/api/disclosure-requests/track/anything')).status).toBe(404);
  });

  it('finds a tracking code read back in small letters', async () => {
    const { trackingCode } = (await submit(form())).body.data;
    const tracked = await request(app.server).get(`/api/disclosure-requests/track/${trackingCode.toLowerCase()}`);
    expect(tracked.status).toBe(200);
    expect(tracked.body.data.status).toBe('received');
  });

  it.each([
    ['no description', { description: undefined }, 'description', 'description is required'],
    ['a person without an ID number', { idNumber: undefined }, 'idNumber', 'idNumber is required of a natural person'],
    ['an organization without its code', { applicantType: 'commercial_enterprise', idNumber: undefined }, 'organizationCode', 'organizationCode is required of an organization (its unified social credit code)'],
    ['an unknown applicant type', { applicantType: 'company' }, 'applicantType', 'applicantType must be one of natural_person, commercial_enterprise, research_institution, social_welfare_organization, legal_service_institution, other_organization'],
    ['a field the form does not have', { status: 'delivered' }, 'status', 'status is not a field of the request form'],
    ['an organization that does not exist', { organization: 'nosuchorganization0000000' }, 'organization', 'organization does not exist'],
    ['a description too long', { description: '长'.repeat(5001) }, 'description', 'description must be at most 5000 characters'],
    ['a name that is not text', { applicantName: 123 }, 'applicantName', 'applicantName must be text'],
    ['a phone sent as an operator', { phone: { $gt: '' } }, 'phone', 'phone must be text'],
    [
      'an organization code that fails its check',
      { applicantType: 'commercial_enterprise', idNumber: undefined, organizationCode: '!!!!' },
      'organizationCode',
      'organizationCode is not a unified social credit code or organization code: must be an 18-character unified social credit code or a 9-character organization code',
    ],
  ])('refuses %s with a 400 naming the field, storing nothing', async (_case, change, field, message) => {
    const before = await app.strapi.db.query(UID).count();
    const res = await submit({ ...form(), ...change });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ status: 400, name: 'ValidationError', message, details: { errors: [expect.objectContaining({ path: [field] })] } });
    expect(await app.strapi.db.query(UID).count()).toBe(before);
  });
});

describe('handling a request, step by step', () => {
  it('takes a request from 受理 to 送达, with the clock on every answer and a history whose chain verifies', async () => {
    const filed = await submit(form());
    const documentId = await documentIdOf(filed.body.data.trackingCode);
    const flow: [Record<string, unknown>, string][] = [
      [{ action: 'accept', date: today }, 'accepted'],
      [{ action: 'propose', date: today }, 'proposed'],
      [{ action: 'decide', date: today, decision: 'partially_disclosed', replyType: 'can_disclose', replyText: '现将可以公开的部分提供给您，涉及个人隐私的部分不予公开。' }, 'decided'],
      [{ action: 'approve', date: today }, 'approved'],
      [{ action: 'deliver', date: today, method: 'post' }, 'delivered'],
    ];
    for (const [body, status] of flow) {
      const res = await stepOn(documentId, body);
      expect(res.status).toBe(200);
      expect(res.body.data).toMatchObject({ documentId, status });
      expect(res.body.data).toHaveProperty('dueOn');
      expect(res.body.meta.step).toMatchObject({ action: body.action, date: today });
    }
    const shown = await request(app.server).get(`/api/disclosure-requests/${documentId}`).set(bearer(staff));
    expect(shown.status).toBe(200);
    expect(shown.body.data).toMatchObject({ status: 'delivered', statusLabel: '已送达', clock: 'stopped', overdue: false, decision: 'partially_disclosed', closedOn: today });
    // Personal data is for the Content Manager, never for an API answer.
    expectNoPersonalData(shown.text);

    const history = await request(app.server).get(`/api/disclosure-requests/${documentId}/history`).set(bearer(staff));
    expect(history.body.data.map((step: { action: string }) => step.action)).toEqual(['accept', 'propose', 'decide', 'approve', 'deliver']);
    expect(history.body.data[2]).toMatchObject({ actionLabel: '作出决定', decision: 'partially_disclosed', replyType: 'can_disclose' });
    expect(history.body.meta.chain).toEqual({ valid: true });

    const tracked = await request(app.server).get(`/api/disclosure-requests/track/${filed.body.data.trackingCode}`);
    expect(tracked.body.data).toMatchObject({ status: 'delivered', statusLabel: '已送达', closedOn: today });
    expect(tracked.body.data.steps.map((step: { actionLabel: string }) => step.actionLabel)).toEqual(['受理', '提出办理意见', '作出决定', '报批', '送达']);
    expect(tracked.text).not.toContain('涉及个人隐私的部分');
  });

  it('counts the clock over REST: a correction restarts it from zero, a consultation pauses it', async () => {
    // Given a request handed in on Monday 26 October 2026
    const registered = await register('2026-10-26');
    expect(registered.body.data).toMatchObject({ status: 'received', clock: 'running', dueOn: '2026-11-23' });
    const documentId = registered.body.data.documentId;

    // When a correction is asked for, the clock stops; received on Monday 2 November, it starts again from zero
    const asked = await stepOn(documentId, { action: 'request_correction', date: '2026-10-28', dueOn: '2026-11-11', reason: '请补充身份证明复印件和所需信息的具体名称' });
    expect(asked.body.data).toMatchObject({ status: 'awaiting_correction', clock: 'stopped' });
    const corrected = await stepOn(documentId, { action: 'receive_correction', date: '2026-11-02' });
    expect(corrected.body.data).toMatchObject({ status: 'accepted', clock: 'running', dueOn: '2026-11-30' });

    // And a third party consulted from 9 to 16 November pauses it for the five working days between
    const consulting = await stepOn(documentId, { action: 'consult', date: '2026-11-09', party: 'third_party', dueOn: '2026-11-30' });
    // Recorded after the third party's 15 working days ended (30 November): the clock runs again.
    expect(consulting.body.data).toMatchObject({ status: 'consulting', clock: 'running' });
    const answered = await stepOn(documentId, { action: 'receive_consultation', date: '2026-11-16' });

    // Then the due date is 25 working days after the correction
    expect(answered.status).toBe(200);
    expect(answered.body.data).toMatchObject({ status: 'accepted', clock: 'running', dueOn: '2026-12-07' });
    const shown = await request(app.server).get(`/api/disclosure-requests/${documentId}`).set(bearer(staff));
    expect(shown.body.data).toMatchObject({ dueOn: '2026-12-07', overdue: today > '2026-12-07' });
  });

  it('extends and approves only for those holding that permission, by the steps route or their own', async () => {
    const handler = await createApiTokenRecord(app.strapi, 'custom', ['api::disclosure-request.disclosure-request.update', 'api::disclosure-request.disclosure-request.findOne']);
    const approver = await createApiTokenRecord(app.strapi, 'custom', [
      'api::disclosure-request.disclosure-request.update',
      'api::disclosure-request.disclosure-request.extend',
      'api::disclosure-request.disclosure-request.approve',
    ]);
    for (const token of [handler, approver]) await bindToOrganizations(app.strapi, { apiToken: token.id }, [handling.id]);
    const documentId = (await register(today)).body.data.documentId;
    expect((await stepOn(documentId, { action: 'accept', date: today }, handler.accessKey)).status).toBe(200);

    // A handler without the permission to extend is refused, by either route, and nothing is recorded
    const refused = await stepOn(documentId, { action: 'extend', date: today, reason: '涉及多个部门，需延长答复期限' }, handler.accessKey);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ status: 403, name: 'ForbiddenError', message: 'extend needs the permission to extend the time limit (extend)' });
    const own = await request(app.server).post(`/api/disclosure-requests/${documentId}/extend`).set(bearer(handler.accessKey)).send({ date: today, reason: '涉及多个部门' });
    expect(own.status).toBe(403);
    expect((await app.strapi.db.query(UID).findOne({ where: { documentId } })).stepCount).toBe(1);

    // The approver extends by its own route (the action comes from the route, not the body)
    const named = await request(app.server).post(`/api/disclosure-requests/${documentId}/extend`).set(bearer(approver.accessKey)).send({ action: 'accept', date: today, reason: '涉及多个部门' });
    expect(named.status).toBe(400);
    expect(named.body.error.details.errors[0].path).toEqual(['action']);
    const extended = await request(app.server).post(`/api/disclosure-requests/${documentId}/extend`).set(bearer(approver.accessKey)).send({ date: today, reason: '涉及多个部门，需延长答复期限' });
    expect(extended.status).toBe(200);
    expect(extended.body.data).toMatchObject({ extended: true });

    // The handler proposes and decides; only the approver approves
    await stepOn(documentId, { action: 'propose', date: today }, handler.accessKey);
    await stepOn(documentId, { action: 'decide', date: today, decision: 'disclosed', replyType: 'can_disclose', replyText: '现将相关信息提供给您。' }, handler.accessKey);
    expect((await stepOn(documentId, { action: 'approve', date: today }, handler.accessKey)).status).toBe(403);
    const approved = await request(app.server).post(`/api/disclosure-requests/${documentId}/approve`).set(bearer(approver.accessKey)).send({ date: today });
    expect(approved.status).toBe(200);
    expect(approved.body.data).toMatchObject({ status: 'approved' });
  });

  it('takes a step sent with If-Match only from the version it names', async () => {
    const documentId = (await register(today)).body.data.documentId;
    const read = await request(app.server).get(`/api/disclosure-requests/${documentId}`).set(bearer(staff));
    const version = read.headers.etag;
    expect(version).toBeTruthy();

    const accepted = await stepOn(documentId, { action: 'accept', date: today }).set('If-Match', version);
    expect(accepted.status).toBe(200);
    expect(accepted.headers.etag).not.toBe(version);
    expect((await request(app.server).get(`/api/disclosure-requests/${documentId}`).set(bearer(staff))).headers.etag).toBe(accepted.headers.etag);

    // A step sent from the version before is refused, and nothing is recorded
    const stale = await stepOn(documentId, { action: 'propose', date: today }).set('If-Match', version);
    expect(stale.status).toBe(412);
    expect(stale.body.error.details).toEqual({ code: 'STALE_VERSION', current: accepted.headers.etag });
    expect((await app.strapi.db.query(UID).findOne({ where: { documentId } })).stepCount).toBe(1);
  });

  it('marks the requests past their due date every day, so lists can filter on it', async () => {
    // Given a request due on 23 November, stored as it stood before that day
    const documentId = (await register('2026-10-26')).body.data.documentId;
    expect((await app.strapi.db.query(UID).findOne({ where: { documentId } })).overdue).toBe(true);
    await app.strapi.db.query(UID).updateMany({ where: { documentId }, data: { overdue: false } });

    // When the daily run goes
    const report = await app.strapi.service(UID).markDue(today);

    // Then it is marked overdue, and the list filtered on overdue finds it
    expect(report.overdue).toBeGreaterThanOrEqual(1);
    expect((await app.strapi.db.query(UID).findOne({ where: { documentId } })).overdue).toBe(true);
    const listed = await request(app.server).get('/api/disclosure-requests').query({ 'filters[overdue]': 'true', 'pagination[pageSize]': '100' }).set(bearer(staff));
    expect(listed.status).toBe(200);
    expect(listed.body.data.map((r: { documentId: string }) => r.documentId)).toContain(documentId);
    expect(listed.body.data.every((r: { overdue: boolean }) => r.overdue)).toBe(true);
    // A request closed in time is not overdue, and the field is the server's to keep
    const written = await request(app.server).put(`/api/disclosure-requests/${documentId}`).set(bearer(staff)).send({ data: { overdue: false } });
    expect(written.status).toBe(400);
  });

  it('holds against hostile callers: inherited names as actions, a header naming no version, a token that may only extend', async () => {
    const documentId = (await register(today)).body.data.documentId;
    const handler = await createApiTokenRecord(app.strapi, 'custom', ['api::disclosure-request.disclosure-request.update']);
    const extendOnly = await createApiTokenRecord(app.strapi, 'custom', ['api::disclosure-request.disclosure-request.extend']);
    for (const token of [handler, extendOnly]) await bindToOrganizations(app.strapi, { apiToken: token.id }, [handling.id]);
    for (const action of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const res = await stepOn(documentId, { action, date: today }, handler.accessKey);
      expect(res.status).toBe(400);
      expect(res.body.error.details.errors[0].path).toEqual(['action']);
    }
    const noVersion = await stepOn(documentId, { action: 'accept', date: today }).set('If-Match', ',');
    expect(noVersion.status).toBe(412);
    const extendAlone = await request(app.server).post(`/api/disclosure-requests/${documentId}/extend`).set(bearer(extendOnly.accessKey)).send({ date: today, reason: '需要更多时间' });
    expect(extendAlone.status).toBe(403);
    expect((await app.strapi.db.query(UID).findOne({ where: { documentId } })).stepCount).toBe(0);
  });

  it('never repeats the applicant\'s data in a refusal, and seals what was typed whatever it looks like', async () => {
    const refusals = [
      await submit(form({ phone: '139123456781391234567813912345678139' })),
      await submit(form({ email: 'zhangsan@example' })),
      await submit([form()] as never),
      await request(app.server).post('/api/disclosure-requests').set(bearer(staff)).send({ data: { organization: handling.documentId, ...APPLICANT, email: 'zhangsan@example', description: '窗口登记', receivedVia: 'in_person', receivedOn: today } }),
      await request(app.server).post('/api/disclosure-requests').set(bearer(staff)).send({ data: { organization: handling.documentId, ...APPLICANT, phone: '1'.repeat(200), description: '窗口登记', receivedVia: 'in_person', receivedOn: today } }),
    ];
    for (const res of refusals) {
      expect(res.status).toBe(400);
      expectNoPersonalData(res.text);
      expect(res.text).not.toContain('139123456781391234567813912345678139');
      expect(res.text).not.toContain('1'.repeat(200));
      expect(res.text).not.toContain('pd1:');
    }
    expect(refusals[4].body.error.message).toBe('phone must be at most 30 characters');

    const odd = await request(app.server).post('/api/disclosure-requests').set(bearer(staff)).send({ data: { organization: handling.documentId, ...APPLICANT, phone: 'pd1:13912345678', description: '窗口登记', receivedVia: 'in_person', receivedOn: today } });
    expect(odd.status).toBe(201);
    const row = await app.strapi.db.connection('disclosure_requests').where({ document_id: odd.body.data.documentId }).first();
    expect(row.phone).not.toBe('pd1:13912345678');
    const opened = await app.strapi.documents(UID).findOne({ documentId: odd.body.data.documentId });
    expect(opened?.phone).toBe('pd1:13912345678');
  });

  it('gives read-only tokens no request in the due list either', async () => {
    await register('2026-10-26');
    const readOnly = (await createApiTokenRecord(app.strapi, 'read-only')).accessKey;
    const res = await request(app.server).get('/api/disclosure-requests/due').query({ within: '100' }).set(bearer(readOnly));
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([]);
  });

  it('carries the clock in GraphQL answers too, as in REST', async () => {
    const documentId = (await register('2026-10-26')).body.data.documentId;
    await stepOn(documentId, { action: 'accept', date: '2026-10-27' });
    const rest = (await request(app.server).get(`/api/disclosure-requests/${documentId}`).set(bearer(staff))).body.data;
    const res = await request(app.server)
      .post('/graphql')
      .set(bearer(staff))
      .send({ query: `{ disclosureRequest(documentId: "${documentId}") { documentId status statusLabel clock dueOn workingDaysLeft overdue calendarProblem } }` });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.disclosureRequest).toEqual({
      documentId,
      status: 'accepted',
      statusLabel: rest.statusLabel,
      clock: 'running',
      dueOn: rest.dueOn,
      workingDaysLeft: rest.workingDaysLeft,
      overdue: true,
      calendarProblem: null,
    });
    expectNoPersonalData(res.text);
  });

  it('refuses a step the status does not allow with a 409, and input a step does not take with a 400', async () => {
    const filed = await submit(form());
    const documentId = await documentIdOf(filed.body.data.trackingCode);
    const early = await stepOn(documentId, { action: 'deliver', date: today, method: 'post' });
    expect(early.status).toBe(409);
    expect(early.body.error).toMatchObject({ status: 409, details: { code: 'STEP_NOT_ALLOWED', status: 'received', allowedFrom: ['approved'] } });
    const unknown = await stepOn(documentId, { action: 'accept', date: today, applicantName: '李四' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toBe('applicantName is not a field of a step');
    const future = await stepOn(documentId, { action: 'accept', date: '2099-01-01' });
    expect(future.status).toBe(400);
    expect(future.body.error.details.errors[0].path).toEqual(['date']);
    expect((await app.strapi.db.query(UID).findOne({ where: { documentId } })).handlingStatus).toBe('received');
  });

  it('lets one of two simultaneous steps through, keeping the history whole', async () => {
    const filed = await submit(form());
    const documentId = await documentIdOf(filed.body.data.trackingCode);
    const [a, b] = await Promise.all([stepOn(documentId, { action: 'accept', date: today }), stepOn(documentId, { action: 'accept', date: today })]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const history = await request(app.server).get(`/api/disclosure-requests/${documentId}/history`).set(bearer(staff));
    expect(history.body.data).toHaveLength(1);
    expect(history.body.meta.chain).toEqual({ valid: true });
  });

  it('keeps another organization from reading, handling or listing the request', async () => {
    const filed = await submit(form());
    const documentId = await documentIdOf(filed.body.data.trackingCode);
    expect((await request(app.server).get(`/api/disclosure-requests/${documentId}`).set(bearer(outsider))).status).toBe(404);
    expect((await stepOn(documentId, { action: 'accept', date: today }, outsider)).status).toBe(404);
    expect((await request(app.server).get(`/api/disclosure-requests/${documentId}/history`).set(bearer(outsider))).status).toBe(404);
    const list = await request(app.server).get('/api/disclosure-requests').set(bearer(outsider));
    expect(JSON.stringify(list.body)).not.toContain(documentId);
    // The public reads no request at all.
    expect((await request(app.server).get('/api/disclosure-requests')).status).toBe(403);
  });

  it('refuses to write what the steps keep', async () => {
    const filed = await submit(form());
    const documentId = await documentIdOf(filed.body.data.trackingCode);
    const res = await request(app.server).put(`/api/disclosure-requests/${documentId}`).set(bearer(staff)).send({ data: { handlingStatus: 'delivered' } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe("handlingStatus is kept by the request's steps: record a step instead");
  });

  it('lists the open requests due soon', async () => {
    const res = await request(app.server).get('/api/disclosure-requests/due?within=20').set(bearer(staff));
    expect(res.status).toBe(200);
    expect(res.body.data.length).toBeGreaterThan(0);
    expect(res.body.data.every((item: { workingDaysLeft: number; clock: string }) => item.workingDaysLeft <= 20 && item.clock === 'running')).toBe(true);
    expectNoPersonalData(res.text);
    expect((await request(app.server).get('/api/disclosure-requests/due?within=abc').set(bearer(staff))).status).toBe(400);
  });
});

describe('what no one may do with a request', () => {
  it('keeps the steps out of reach but through their request: no GraphQL query, no Content Manager list', async () => {
    const graphql = await request(app.server).post('/graphql').set(bearer(staff)).send({ query: '{ disclosureRequestSteps { replyText } }' });
    expect(graphql.body.errors?.[0]?.message).toMatch(/Cannot query field "disclosureRequestSteps"/);
    const editor = await signedInMember(app.server, app.strapi, 'gongkai-editor', [other.id]);
    const listed = await request(app.server).get('/content-manager/collection-types/api::disclosure-request.disclosure-request-step').set(bearer(editor.token));
    expect(listed.status).not.toBe(200);
    expect(listed.text).not.toContain('replyText');
  });

  it('gives read-only tokens no request, and refuses _q, which would search the applicant\'s fields', async () => {
    const readOnly = (await createApiTokenRecord(app.strapi, 'read-only')).accessKey;
    const list = await request(app.server).get('/api/disclosure-requests').set(bearer(readOnly));
    expect(list.body.data ?? []).toEqual([]);
    const searched = await request(app.server).get('/api/disclosure-requests?_q=张三丰').set(bearer(staff));
    expect(searched.status).toBe(400);
    expect(searched.body.error.details.errors[0].path).toEqual(['_q']);
  });

  it('keeps the receipt date to a real day not after today, fixed once a step is recorded', async () => {
    const created = await request(app.server)
      .post('/api/disclosure-requests')
      .set(bearer(staff))
      .send({ data: { organization: handling.documentId, ...APPLICANT, description: '窗口登记的申请', receivedVia: 'in_person', receivedOn: today } });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ status: 'received', clock: 'running', workingDaysLeft: 20 });
    const { documentId } = created.body.data;
    const future = await request(app.server).put(`/api/disclosure-requests/${documentId}`).set(bearer(staff)).send({ data: { receivedOn: '2099-01-01' } });
    expect(future.status).toBe(400);
    expect(future.body.error.message).toBe(`receivedOn must not be after today (${today})`);
    await stepOn(documentId, { action: 'accept', date: today });
    const moved = await request(app.server).put(`/api/disclosure-requests/${documentId}`).set(bearer(staff)).send({ data: { receivedOn: '2026-01-05' } });
    expect(moved.status).toBe(400);
    expect(moved.body.error.message).toBe('receivedOn is fixed once a step is recorded: the deadline counts from it');
    const removed = await request(app.server).delete(`/api/disclosure-requests/${documentId}`).set(bearer(staff));
    expect(removed.status).toBe(409);
    expect((await app.strapi.db.query(UID).findOne({ where: { documentId } })).stepCount).toBe(1);
    // One filed through the public form is kept too, steps or not; one registered by mistake at the office may go.
    const online = await documentIdOf((await submit(form())).body.data.trackingCode);
    const kept = await request(app.server).delete(`/api/disclosure-requests/${online}`).set(bearer(staff));
    expect(kept.status).toBe(409);
    expect(kept.body.error.details.code).toBe('REQUEST_FILED_ONLINE');
    const mistaken = (await register(today)).body.data.documentId;
    expect((await request(app.server).delete(`/api/disclosure-requests/${mistaken}`).set(bearer(staff))).status).toBe(204);
    // A token of the platform bound to no organization names none of its own either.
    const platform = (await createApiTokenRecord(app.strapi, 'full-access')).accessKey;
    const orphan = await request(app.server).post('/api/disclosure-requests').set(bearer(platform)).send({ data: { ...APPLICANT, description: '无受理机关', receivedVia: 'post', receivedOn: today } });
    expect(orphan.status).toBe(400);
    expect(orphan.body.error.details.errors[0].path).toEqual(['organization']);
  });
});

describe('the applicant in the Content Manager', () => {
  const cm = (documentId: string) => `/content-manager/collection-types/${UID}/${documentId}`;

  it('shows the handling organization\'s editor the applicant whole, and the auditor masked', async () => {
    const filed = await submit(form());
    const documentId = await documentIdOf(filed.body.data.trackingCode);
    const editor = await signedInMember(app.server, app.strapi, 'gongkai-editor', [handling.id]);
    const auditor = await signedInMember(app.server, app.strapi, 'gongkai-auditor', []);
    const own = await request(app.server).get(cm(documentId)).set(bearer(editor.token));
    expect(own.status).toBe(200);
    expect(own.body.data).toMatchObject({ applicantName: '张三丰', idNumber: '110101199003071234', phone: '13912345678' });
    const audited = await request(app.server).get(cm(documentId)).set(bearer(auditor.token));
    expect(audited.status).toBe(200);
    expect(audited.body.data).toMatchObject({ idNumber: '1101****1234', phone: '13****78', applicantName: '****', email: null, postalAddress: null });
    expectNoPersonalData(audited.text);
    // The edit form sends the kept fields back as they are: saving it changes only what was edited.
    const { handlingStatus, dueOn, extended, stepCount, trackingCode } = own.body.data;
    expect(handlingStatus).toBe('received');
    const saved = await request(app.server).put(cm(documentId)).set(bearer(editor.token)).send({ handlingStatus, dueOn, extended, stepCount, trackingCode, purpose: '补充：核实排号' });
    expect(saved.status).toBe(200);
    expect((await app.strapi.db.query(UID).findOne({ where: { documentId } })).purpose).toBe('补充：核实排号');

    // A form opened before a step was taken is told the request changed meanwhile.
    const opened = await request(app.server).get(cm(documentId)).set(bearer(editor.token));
    await stepOn(documentId, { action: 'accept', date: today });
    const stale = await request(app.server)
      .put(cm(documentId))
      .set({ ...bearer(editor.token), 'If-Match': opened.headers.etag })
      .send({ ...opened.body.data, purpose: '再次补充' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toBe('已被他人修改，请刷新后再改');
  });

  it('lets the auditor neither filter nor sort by the applicant, and searches only the request\'s own text', async () => {
    const registered = await request(app.server)
      .post('/api/disclosure-requests')
      .set(bearer(staff))
      .send({ data: { organization: handling.documentId, ...APPLICANT, description: '审计检索测试：城中村改造补偿标准', receivedVia: 'in_person', receivedOn: today } });
    const { documentId } = registered.body.data;
    const auditor = await signedInMember(app.server, app.strapi, 'gongkai-auditor', []);
    const editor = await signedInMember(app.server, app.strapi, 'gongkai-editor', [handling.id]);
    const list = (query: string, token = auditor.token) => request(app.server).get(`/content-manager/collection-types/${UID}?page=1&pageSize=100&${query}`).set(bearer(token));
    for (const [query, field] of [
      ['filters[$and][0][applicantName][$startsWith]=张', 'applicantName'],
      ['filters[$and][0][email][$startsWith]=zhang', 'email'],
      ['filters[$and][0][$or][0][postalAddress][$contains]=平阳路', 'postalAddress'],
      ['sort=phone:ASC', 'phone'],
    ]) {
      const refused = await list(query);
      expect(refused.status).toBe(400);
      expect(refused.body.error.details.errors[0]).toMatchObject({ path: [field] });
      expect(refused.body.error.message).toContain('不能按它筛选或排序');
    }
    const byName = await list('_q=张三丰');
    expect(byName.status).toBe(200);
    expect(byName.body.results).toEqual([]);
    const byText = await list('_q=城中村改造');
    expect(byText.body.results.map((row: { documentId: string }) => row.documentId)).toEqual([documentId]);
    expectNoPersonalData(byText.text);
    // The handling organization's own staff see the applicant whole, and may look them up.
    const own = await list('filters[$and][0][applicantName][$eq]=张三丰', editor.token);
    expect(own.status).toBe(200);
    expect(own.body.results.length).toBeGreaterThan(0);
  });

  it('refuses to duplicate a request, which would bypass its sealing and the fields its steps keep', async () => {
    const { documentId } = (await register(today)).body.data;
    const editor = await signedInMember(app.server, app.strapi, 'gongkai-editor', [handling.id]);
    const before = await app.strapi.db.query(UID).count();
    const cloned = await request(app.server)
      .post(`/content-manager/collection-types/${UID}/clone/${documentId}`)
      .set(bearer(editor.token))
      .send({ trackingCode: 'GK-FORGED-000000-000000-000000', handlingStatus: 'delivered', idNumber: '999' });
    expect(cloned.status).toBe(400);
    expect(cloned.body.error.message).toBe('依申请公开的申请不能复制：请登记一条新的申请');
    expect(await app.strapi.db.query(UID).count()).toBe(before);
  });
});

describe('the form\'s limit', () => {
  it('answers a client address that files too many an hour with a 429 and Retry-After', async () => {
    let last = await submit(form());
    for (let i = 0; i < 10 && last.status === 201; i += 1) last = await submit(form());
    expect(last.status).toBe(429);
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
    expect(last.body.error).toMatchObject({ status: 429, name: 'RateLimitError' });
  });
});
