import request from 'supertest';
import { startStrapi, type TestInstance } from '../harness/strapi';
import { bindToOrganizations, createApiToken, createApiTokenRecord, createOrganization } from '../harness/fixtures';
import { createDocumentDraft, inDays, publishDocument } from '../harness/documents';
import type { LifecycleService } from '../../src/plugins/document-lifecycle/server/src/services';
import { SYSTEM_SCOPE } from '../../src/utils/access';

const UID = 'api::normative-document.normative-document';
const EVENT_UID = 'plugin::document-lifecycle.lifecycle-event';

let app: TestInstance;
let token: string;
let city: { documentId: string; code: string };
let district: { documentId: string; code: string };

beforeAll(async () => {
  app = await startStrapi();
  token = await createApiToken(app.strapi, 'full-access');
  city = await createOrganization(app.strapi, { name: '太原市人民政府', level: 'city', kind: 'people_government' });
  district = await createOrganization(app.strapi, { name: '小店区人民政府', level: 'county', kind: 'people_government', parent: city.documentId });
});

afterAll(async () => {
  await app.stop();
});

const auth = () => ({ Authorization: `Bearer ${token}` });
const lifecycle = () => app.strapi.plugin('document-lifecycle').service('lifecycle') as LifecycleService;
const rows = () => app.strapi.db.query(UID).count();
const eventCount = () => app.strapi.db.query(EVENT_UID).count();

function draftBody(overrides: Record<string, unknown> = {}) {
  return {
    title: '太原市政务公开工作规定',
    documentNumber: '并政发[2020]12号',
    kind: 'normative_document' as const,
    issuingOrganization: city.documentId,
    adoptedOn: '2020-02-20',
    publishedOn: '2020-02-25',
    effectiveFrom: '2020-03-01',
    ...overrides,
  };
}

function transition(documentId: string, body: Record<string, unknown>) {
  return request(app.server).post(`/api/normative-documents/${documentId}/transitions`).set(auth()).send(body);
}

describe('writing documents', () => {
  it('normalizes the 文号, spells the slug in pinyin, and gives a draft no validity', async () => {
    const res = await request(app.server).post('/api/normative-documents').query({ status: 'draft' }).set(auth()).send({ data: draftBody() });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({
      title: '太原市政务公开工作规定',
      documentNumber: '并政发〔2020〕12号',
      slug: 'tai-yuan-shi-zheng-wu-gong-kai-gong-zuo-gui-ding',
      validity: null,
      validityLabel: null,
      indexNumber: null,
    });
  });

  it('registers the document at first publication: index number, term, validity, history', async () => {
    const draft = await createDocumentDraft(app.strapi, { ...draftBody({ title: '太原市行政规范性文件管理办法', documentNumber: '并政发〔2020〕13号' }), validUntil: undefined });
    const res = await request(app.server).put(`/api/normative-documents/${draft.documentId}`).query({ status: 'published' }).set(auth()).send({ data: {} });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      validity: 'expired',
      validityLabel: '已失效',
      indexNumber: `${city.code}/2020-00001`,
      publishedOn: '2020-02-25',
      // five years from 施行, less a day
      validUntil: '2025-02-28',
    });

    // Today is after the end of the term, so the document caught up: it has already expired.
    const history = await request(app.server).get(`/api/normative-documents/${draft.documentId}/history`);
    expect(history.status).toBe(200);
    expect(history.body.data.map((e: { action: string; date: string; to: string }) => [e.action, e.date, e.to])).toEqual([
      ['register', '2020-02-25', 'pending'],
      ['enter_into_force', '2020-03-01', 'in_force'],
      ['expire', '2025-03-01', 'expired'],
    ]);
    expect(history.body.meta.chain).toEqual({ valid: true });
  });

  it('rejects a malformed 文号 with 400 naming documentNumber, writing nothing', async () => {
    const before = await rows();
    const res = await request(app.server).post('/api/normative-documents').query({ status: 'draft' }).set(auth())
      .send({ data: draftBody({ documentNumber: '并政发2020年12号' }) });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      name: 'ValidationError',
      message: 'documentNumber must read issuer code + 〔year〕 + serial + 号, e.g. 并政发〔2020〕12号',
      details: { errors: [expect.objectContaining({ path: ['documentNumber'] })] },
    });
    expect(await rows()).toBe(before);
  });

  it('rejects a 文号 already used by the same issuer, but not by another', async () => {
    await createDocumentDraft(app.strapi, { issuingOrganization: city.documentId, documentNumber: '并政办发〔2021〕7号' });
    const before = await rows();
    const clash = await request(app.server).post('/api/normative-documents').query({ status: 'draft' }).set(auth())
      .send({ data: draftBody({ documentNumber: '并政办发【2021】7号' }) });
    expect(clash.status).toBe(400);
    expect(clash.body.error.message).toBe('documentNumber is already used by another document of this issuer');
    expect(await rows()).toBe(before);

    const elsewhere = await request(app.server).post('/api/normative-documents').query({ status: 'draft' }).set(auth())
      .send({ data: draftBody({ documentNumber: '并政办发〔2021〕7号', issuingOrganization: district.documentId }) });
    expect(elsewhere.status).toBe(201);
  });

  it.each([
    ['validity', 'repealed'],
    ['indexNumber', 'X/2020-1'],
    ['noLongerInForceOn', '2024-01-01'],
  ])('refuses to write %s directly, writing nothing', async (field, value) => {
    const id = await publishDocument(app.strapi, { issuingOrganization: city.documentId });
    const before = await app.strapi.db.query(UID).findMany({ where: { documentId: id } });
    const res = await request(app.server).put(`/api/normative-documents/${id}`).set(auth()).send({ data: { title: '改了标题', [field]: value } });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      message: `${field} is maintained by the document lifecycle; run a transition instead`,
      details: { errors: [expect.objectContaining({ path: [field] })] },
    });
    expect(await app.strapi.db.query(UID).findMany({ where: { documentId: id } })).toEqual(before);
  });

  it('accepts the lifecycle fields echoed back unchanged, as the admin form sends them', async () => {
    const id = await publishDocument(app.strapi, { issuingOrganization: city.documentId });
    await transition(id, { action: 'repeal', date: '2024-05-10', basisReference: '并政办发〔2024〕9号' });
    const stored = await app.strapi.db.query(UID).findOne({ where: { documentId: id, publishedAt: { $notNull: true } } });
    const res = await request(app.server).put(`/api/normative-documents/${id}`).set(auth()).send({
      data: {
        summary: '补充内容概述',
        validity: stored.validity,
        indexNumber: stored.indexNumber,
        noLongerInForceOn: stored.noLongerInForceOn,
        publishedOn: stored.publishedOn,
        validUntil: stored.validUntil,
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ summary: '补充内容概述', validity: 'repealed', noLongerInForceOn: '2024-05-10' });
  });

  it('refuses to change validUntil after publication except by renew', async () => {
    const id = await publishDocument(app.strapi, { issuingOrganization: city.documentId, effectiveFrom: '2024-02-01' });
    const res = await request(app.server).put(`/api/normative-documents/${id}`).set(auth()).send({ data: { validUntil: '2090-01-01' } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('validUntil changes only through the renew transition');
  });

  it.each([
    ['effectiveFrom before adoptedOn', { adoptedOn: '2024-03-01', publishedOn: '2024-03-02', effectiveFrom: '2024-02-01' }, 'effectiveFrom', 'effectiveFrom must not be before adoptedOn'],
    ['publishedOn before adoptedOn', { adoptedOn: '2024-03-01', publishedOn: '2024-02-01', effectiveFrom: '2024-04-01' }, 'publishedOn', 'publishedOn must not be before adoptedOn'],
    ['validUntil before effectiveFrom', { validUntil: '2020-02-01' }, 'validUntil', 'validUntil must not be before effectiveFrom'],
  ])('rejects %s', async (_case, dates, field, message) => {
    const before = await rows();
    const res = await request(app.server).post('/api/normative-documents').query({ status: 'draft' }).set(auth())
      .send({ data: draftBody({ documentNumber: '并政发〔2020〕99号', ...dates }) });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ message, details: { errors: [expect.objectContaining({ path: [field] })] } });
    expect(await rows()).toBe(before);
  });

  it('sanitizes the body on every write', async () => {
    const res = await request(app.server).post('/api/normative-documents').query({ status: 'draft' }).set(auth())
      .send({ data: draftBody({ documentNumber: '并政发〔2020〕98号', body: '<p style="text-indent:2em">第一条</p><script>alert(1)</script><img src=x onerror=alert(1)>' }) });
    expect(res.status).toBe(201);
    expect(res.body.data.body).toBe('<p style="text-indent:2em">第一条</p><img src="x" />');
  });

  it('refuses to delete a document that has a legal history', async () => {
    const id = await publishDocument(app.strapi, { issuingOrganization: city.documentId });
    const res = await request(app.server).delete(`/api/normative-documents/${id}`).set(auth());
    expect(res.status).toBe(409);
    expect(res.body).toEqual({
      data: null,
      error: {
        status: 409,
        name: 'ConflictError',
        message: 'A published normative document cannot be deleted: repeal it or declare it invalid',
        details: { code: 'DOCUMENT_HAS_HISTORY' },
      },
    });
    expect(await app.strapi.db.query(UID).count({ where: { documentId: id } })).toBe(2);
  });

  it('gives twenty documents published at once twenty distinct index numbers', async () => {
    const organization = await createOrganization(app.strapi);
    const drafts = await Promise.all(
      Array.from({ length: 20 }, (_, i) => createDocumentDraft(app.strapi, { issuingOrganization: organization.documentId, documentNumber: `并并发〔2024〕${i + 1}号`, publishedOn: '2024-05-01' })),
    );
    await Promise.all(drafts.map((d) => app.strapi.documents(UID).publish({ documentId: d.documentId })));
    const published = await app.strapi.db.query(UID).findMany({
      where: { documentId: { $in: drafts.map((d) => d.documentId) }, publishedAt: { $notNull: true } },
      select: ['indexNumber'],
    });
    const numbers = published.map((r: { indexNumber: string }) => r.indexNumber).sort();
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => `${organization.code}/2024-${String(i + 1).padStart(5, '0')}`));
  });
});

describe('transitions', () => {
  it('repeals through a basis document: both linked, one event, in one step', async () => {
    const target = await publishDocument(app.strapi, { issuingOrganization: city.documentId, title: '太原市某某管理办法', effectiveFrom: '2024-02-01' });
    const basis = await publishDocument(app.strapi, { issuingOrganization: city.documentId, title: '太原市人民政府关于废止某某管理办法的决定', documentNumber: '并政发〔2024〕31号', adoptedOn: '2024-05-01', effectiveFrom: '2024-05-10' });
    const before = await eventCount();

    const res = await transition(target, { action: 'repeal', basisDocumentId: basis, date: '2024-05-10', reason: '已被新规定取代' });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      documentId: target,
      validity: 'repealed',
      validityLabel: '已废止',
      noLongerInForceOn: '2024-05-10',
      repealedBy: [{ documentId: basis, title: '太原市人民政府关于废止某某管理办法的决定', documentNumber: '并政发〔2024〕31号', validity: 'in_force', validityLabel: '现行有效' }],
      lastAction: { action: 'repeal', label: '废止', date: '2024-05-10', basisNumber: '并政发〔2024〕31号' },
    });
    expect(res.body.meta.event).toMatchObject({ action: 'repeal', from: 'in_force', to: 'repealed', actor: expect.stringMatching(/^api-token:\d+$/) });
    expect(await eventCount()).toBe(before + 1);

    const fromBasis = await request(app.server).get(`/api/normative-documents/${basis}`);
    expect(fromBasis.body.data.repeals).toEqual([expect.objectContaining({ documentId: target, validity: 'repealed', validityLabel: '已废止' })]);

    const history = await request(app.server).get(`/api/normative-documents/${target}/history`);
    expect(history.body.data.at(-1)).toMatchObject({ action: 'repeal', basisDocument: basis, basisNumber: '并政发〔2024〕31号', reason: '已被新规定取代' });
    expect(history.body.meta.chain).toEqual({ valid: true });
  });

  it.each([
    ['an unknown action', { action: 'abolish', date: '2024-05-10' }, 400, 'action must be one of enter_into_force, amend, revise, repeal, declare_invalid, expire, renew', 'action'],
    ['a malformed date', { action: 'repeal', date: '10/05/2024', basisReference: '市政府常务会议' }, 400, 'date must be a calendar date (YYYY-MM-DD)', 'date'],
    ['a date before adoption', { action: 'repeal', date: '2023-12-31', basisReference: '市政府常务会议' }, 400, 'date must not be before the adoption date 2024-01-10', 'date'],
    ['repeal without a basis', { action: 'repeal', date: '2024-05-10' }, 400, 'repeal needs a basis document or a decision reference', 'basisDocumentId'],
    ['a basis that does not exist', { action: 'repeal', date: '2024-05-10', basisDocumentId: 'nope0000000000000000000' }, 400, 'basisDocumentId does not exist', 'basisDocumentId'],
    ['a field transitions do not take', { action: 'repeal', date: '2024-05-10', basisReference: 'x', validity: 'in_force' }, 400, 'validity is not a field of a transition', 'validity'],
    ['an action that is a list', { action: ['repeal'], date: '2024-05-10', basisReference: 'x' }, 400, 'action is required', 'action'],
    ['a basis reference longer than its column', { action: 'repeal', date: '2024-05-10', basisReference: '并'.repeat(256) }, 400, 'basisReference must be at most 255 characters', 'basisReference'],
    ['a reason that is not text', { action: 'repeal', date: '2024-05-10', basisReference: 'x', reason: { a: 1 } }, 400, 'reason must be text', 'reason'],
    ['a date after today', { action: 'repeal', date: inDays(1), basisReference: 'x' }, 400, `date must not be after today (${inDays(0)}): record the change on the day it takes effect`, 'date'],
  ])('rejects %s with %i naming the field, changing nothing', async (_case, body, status, message, field) => {
    const target = await publishDocument(app.strapi, { issuingOrganization: city.documentId });
    const before = await eventCount();
    const res = await transition(target, body);
    expect(res.status).toBe(status);
    expect(res.body.error).toMatchObject({ message, details: { errors: [expect.objectContaining({ path: [field] })] } });
    expect(await eventCount()).toBe(before);
    expect(await app.strapi.db.query(UID).findOne({ where: { documentId: target, publishedAt: { $notNull: true } } })).toMatchObject({ validity: 'in_force' });
  });

  it('rejects an unpublished basis and the document itself as basis', async () => {
    const target = await publishDocument(app.strapi, { issuingOrganization: city.documentId });
    const draft = await createDocumentDraft(app.strapi, { issuingOrganization: city.documentId });
    const unpublished = await transition(target, { action: 'repeal', date: '2024-05-10', basisDocumentId: draft.documentId });
    expect(unpublished.status).toBe(400);
    expect(unpublished.body.error.message).toBe('the basis document is not published');
    const self = await transition(target, { action: 'amend', date: '2024-05-10', basisDocumentId: target });
    expect(self.status).toBe(400);
    expect(self.body.error.message).toBe('a document cannot be its own basis');
  });

  it('answers 409 for a transition the current state does not allow', async () => {
    const target = await publishDocument(app.strapi, { issuingOrganization: city.documentId });
    await transition(target, { action: 'repeal', date: '2024-05-10', basisReference: '并政办发〔2024〕9号' });
    const again = await transition(target, { action: 'amend', date: '2024-06-01', basisReference: '并政办发〔2024〕10号' });
    expect(again.status).toBe(409);
    expect(again.body).toEqual({
      data: null,
      error: {
        status: 409,
        name: 'ConflictError',
        message: 'cannot amend a document that is repealed (已废止)',
        details: {
          code: 'TRANSITION_NOT_ALLOWED',
          field: 'action',
          from: 'repealed',
          action: 'amend',
          allowedFrom: ['in_force', 'amended'],
          errors: [{ path: ['action'], message: 'cannot amend a document that is repealed (已废止)', name: 'ConflictError' }],
        },
      },
    });
  });

  it('answers 409 for a transition on a draft', async () => {
    const draft = await createDocumentDraft(app.strapi, { issuingOrganization: city.documentId });
    const res = await transition(draft.documentId, { action: 'repeal', date: '2024-05-10', basisReference: 'x' });
    expect(res.status).toBe(409);
    expect(res.body.error.details.code).toBe('DOCUMENT_NOT_PUBLISHED');
  });

  it('answers 404 for a document that does not exist, and 403 to the public', async () => {
    expect((await transition('nope0000000000000000000', { action: 'repeal', date: '2024-05-10', basisReference: 'x' })).status).toBe(404);
    const target = await publishDocument(app.strapi, { issuingOrganization: city.documentId });
    const res = await request(app.server).post(`/api/normative-documents/${target}/transitions`).send({ action: 'repeal', date: '2024-05-10', basisReference: 'x' });
    expect(res.status).toBe(403);
  });

  it('refuses a change dated before the last recorded one, so history only moves forward', async () => {
    const target = await publishDocument(app.strapi, { issuingOrganization: city.documentId, adoptedOn: '2024-01-10', effectiveFrom: '2024-03-01' });
    const res = await transition(target, { action: 'repeal', date: '2024-02-15', basisReference: '并政办发〔2024〕2号' });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      message: 'date must not be before the last recorded change on 2024-03-01',
      details: { code: 'DATE_BEFORE_LAST_EVENT', errors: [expect.objectContaining({ path: ['date'] })] },
    });
  });

  it('registers a document whose term ended before it entered the catalogue as expired', async () => {
    const id = await publishDocument(app.strapi, {
      issuingOrganization: city.documentId,
      title: '太原市早年管理办法',
      adoptedOn: '2015-01-05',
      publishedOn: '2026-11-01',
      effectiveFrom: '2015-02-01',
      validUntil: undefined,
    });
    const res = await request(app.server).get(`/api/normative-documents/${id}`);
    expect(res.body.data).toMatchObject({ validity: 'expired', validUntil: '2020-01-31', noLongerInForceOn: '2020-02-01' });
    const history = await request(app.server).get(`/api/normative-documents/${id}/history`);
    expect(history.body.data.map((e: { action: string; date: string; to: string }) => [e.action, e.date, e.to])).toEqual([['register', '2026-11-01', 'expired']]);
  });

  it('lets exactly one of two simultaneous transitions through, keeping the chain whole', async () => {
    const target = await publishDocument(app.strapi, { issuingOrganization: city.documentId });
    const [a, b] = await Promise.all([
      transition(target, { action: 'repeal', date: '2024-06-01', basisReference: '并政办发〔2024〕11号' }),
      transition(target, { action: 'declare_invalid', date: '2024-06-01', basisReference: '并政办发〔2024〕12号' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const history = await request(app.server).get(`/api/normative-documents/${target}/history`);
    expect(history.body.data.map((e: { action: string }) => e.action).filter((x: string) => x === 'repeal' || x === 'declare_invalid')).toHaveLength(1);
    expect(history.body.meta.chain).toEqual({ valid: true });
  });

  it('renews the term through review', async () => {
    const target = await publishDocument(app.strapi, { issuingOrganization: city.documentId, effectiveFrom: '2024-02-01' });
    const res = await transition(target, { action: 'renew', date: '2026-11-01', validUntil: '2100-01-31', reason: '评估后继续有效' });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ validity: 'in_force', validUntil: '2100-01-31' });
  });
});

describe('dates drive transitions', () => {
  it('enters into force and expires on schedule, once', async () => {
    const id = await publishDocument(app.strapi, {
      issuingOrganization: city.documentId,
      adoptedOn: '2026-11-01',
      publishedOn: '2026-11-02',
      effectiveFrom: '2099-01-01',
      validUntil: '2099-06-30',
    });
    const validity = async () => (await app.strapi.db.query(UID).findOne({ where: { documentId: id, publishedAt: { $notNull: true } } })).validity;
    expect(await validity()).toBe('pending');

    await lifecycle().tick('2098-12-31');
    expect(await validity()).toBe('pending');
    await lifecycle().tick('2099-01-01');
    expect(await validity()).toBe('in_force');
    await lifecycle().tick('2099-06-30');
    expect(await validity()).toBe('in_force');
    await lifecycle().tick('2099-07-01');
    await lifecycle().tick('2099-07-01');
    expect(await validity()).toBe('expired');

    const { events, chain } = await lifecycle().history(id, SYSTEM_SCOPE);
    expect(events.map((e) => [e.action, e.date, e.actor])).toEqual([
      ['register', '2026-11-02', 'system'],
      ['enter_into_force', '2099-01-01', 'system'],
      ['expire', '2099-07-01', 'system'],
    ]);
    expect(chain).toEqual({ valid: true });
  });
});

describe('point in time', () => {
  it('answers with the validity each document had on the date asked', async () => {
    const organization = await createOrganization(app.strapi);
    const target = await publishDocument(app.strapi, { issuingOrganization: organization.documentId, adoptedOn: '2021-01-05', publishedOn: '2021-01-10', effectiveFrom: '2021-02-01', validUntil: '2030-12-31' });
    const amendment = await publishDocument(app.strapi, { issuingOrganization: organization.documentId, adoptedOn: '2026-03-01', publishedOn: '2026-03-02', effectiveFrom: '2026-03-15' });
    expect((await transition(target, { action: 'amend', basisDocumentId: amendment, date: '2026-03-15' })).status).toBe(200);

    const on = async (asOf: string, extra: Record<string, string> = {}) => {
      const res = await request(app.server).get('/api/normative-documents').query({ asOf, organization: organization.documentId, ...extra });
      expect(res.status).toBe(200);
      return Object.fromEntries(res.body.data.map((d: { documentId: string; validity: string }) => [d.documentId, d.validity]));
    };
    expect(await on('2021-01-09')).toEqual({});
    expect(await on('2021-01-20')).toEqual({ [target]: 'pending' });
    expect(await on('2026-02-15')).toEqual({ [target]: 'in_force' });
    expect(await on('2026-03-14')).toEqual({ [target]: 'in_force', [amendment]: 'pending' });
    expect(await on('2026-04-01')).toEqual({ [target]: 'amended', [amendment]: 'in_force' });
    expect(await on('2026-02-15', { validity: 'in_force' })).toEqual({ [target]: 'in_force' });
    expect(await on('2026-04-01', { validity: 'in_force' })).toEqual({ [amendment]: 'in_force' });

    const today = await request(app.server).get('/api/normative-documents').query({ validity: 'in_force', organization: organization.documentId });
    expect(today.body.data.map((d: { documentId: string }) => d.documentId)).toEqual([amendment]);
  });

  it('keeps the validity periods equal to what the events give when rebuilt from them', async () => {
    const snapshot = async () =>
      (await app.strapi.db.connection('gongkai_validity_periods').select('document', 'validity', 'valid_from', 'valid_to')).sort(
        (a: { document: string; valid_from: string }, b: { document: string; valid_from: string }) =>
          a.document.localeCompare(b.document) || a.valid_from.localeCompare(b.valid_from),
      );
    const incremental = await snapshot();
    expect(incremental.length).toBeGreaterThan(10);
    await app.strapi.plugin('document-lifecycle').service('validity-periods').rebuild();
    expect(await snapshot()).toEqual(incremental);
  });

  it('rebuilds, at start, periods stored before they kept the sequence of their event', async () => {
    const table = 'gongkai_validity_periods';
    const periods = () => app.strapi.db.connection(table).select('document', 'validity', 'valid_from', 'valid_to', 'sequence').orderBy(['document', 'valid_from', 'sequence']);
    const before = await periods();
    expect(before.every((row: { sequence: number | null }) => Number.isInteger(row.sequence))).toBe(true);
    await app.strapi.db.connection.schema.alterTable(table, (t) => t.dropColumn('sequence'));
    await app.strapi.plugin('document-lifecycle').service('validity-periods').ensureTable();
    expect(await periods()).toEqual(before);
  });

  it('gives no validity rather than a wrong one when the fields asked for leave it out', async () => {
    const res = await request(app.server).get('/api/normative-documents').query({ 'fields[0]': 'title', 'pagination[pageSize]': '5' });
    expect(res.status).toBe(200);
    expect(res.body.data.length).toBeGreaterThan(0);
    for (const doc of res.body.data) {
      expect(doc.title).toEqual(expect.any(String));
      expect(doc).not.toHaveProperty('validity');
      expect(doc).not.toHaveProperty('validityLabel');
    }
  });

  it.each([
    ['asOf', '2021-02-30', 'asOf must be a calendar date (YYYY-MM-DD)'],
    ['asOf', '2999-01-01', 'asOf must not be in the future'],
    ['validity', 'valid', 'validity must be one of pending, in_force, amended, repealed, expired'],
    ['organization', 'nope', 'organization does not exist'],
    ['year', '20', 'year must be a year from 1900 to 2999'],
    ['year', '0000', 'year must be a year from 1900 to 2999'],
    ['year', '0013', 'year must be a year from 1900 to 2999'],
    ['kind', 'law', 'kind must be one of regulation, normative_document, policy_document'],
  ])('rejects %s=%s with 400 naming it', async (name, value, message) => {
    const res = await request(app.server).get('/api/normative-documents').query({ [name]: value });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ name: 'ValidationError', message, details: { errors: [expect.objectContaining({ path: [name] })] } });
  });
});

describe('public reading', () => {
  it('sees only published, disclosable documents, whatever it asks for', async () => {
    const organization = await createOrganization(app.strapi);
    const published = await publishDocument(app.strapi, { issuingOrganization: organization.documentId });
    await createDocumentDraft(app.strapi, { issuingOrganization: organization.documentId, title: '尚未发布的草稿' });
    await publishDocument(app.strapi, { issuingOrganization: organization.documentId, disclosureMode: 'not_disclosed', title: '不予公开的文件' });

    for (const status of ['draft', 'published', undefined]) {
      const res = await request(app.server).get('/api/normative-documents').query({ organization: organization.documentId, ...(status ? { status } : {}) });
      expect(res.status).toBe(200);
      expect(res.body.data.map((d: { documentId: string }) => d.documentId)).toEqual([published]);
    }
  });

  it('shows the history of a draft or a 不予公开 document to writers only', async () => {
    const draft = await createDocumentDraft(app.strapi, { issuingOrganization: city.documentId });
    const hidden = await publishDocument(app.strapi, { issuingOrganization: city.documentId, disclosureMode: 'not_disclosed' });
    for (const id of [draft.documentId, hidden]) {
      const res = await request(app.server).get(`/api/normative-documents/${id}/history`);
      expect(res.status).toBe(404);
      expect(res.body.error).toMatchObject({ status: 404, name: 'NotFoundError' });
      expect((await request(app.server).get(`/api/normative-documents/${id}`)).status).toBe(404);
      expect((await request(app.server).get(`/api/normative-documents/${id}`).query({ 'fields[0]': 'title' })).status).toBe(404);
    }
    const asWriter = await request(app.server).get(`/api/normative-documents/${hidden}/history`).set(auth());
    expect(asWriter.status).toBe(200);
    expect(asWriter.body.data.map((e: { action: string }) => e.action)).toContain('register');
  });

  it('finds documents of an organization and its sub-organizations, with shallow relations', async () => {
    const inDistrict = await publishDocument(app.strapi, { issuingOrganization: district.documentId, title: '小店区某某实施细则' });
    const res = await request(app.server).get('/api/normative-documents').query({ organization: city.documentId, populate: '*' , 'pagination[pageSize]': 100 });
    expect(res.status).toBe(200);
    const doc = res.body.data.find((d: { documentId: string }) => d.documentId === inDistrict);
    expect(doc.issuingOrganization).toEqual({ id: expect.any(Number), documentId: district.documentId, name: '小店区人民政府', shortName: expect.any(String), code: district.code });
    expect(doc).not.toHaveProperty('createdBy');
  });

  it.each([
    [{}],
    [{ validity: 'in_force' }],
    [{ asOf: '2026-03-01' }],
    [{ asOf: '2024-06-01', validity: 'in_force', sort: 'title:asc' }],
    [{ kind: 'normative_document', 'pagination[page]': '2', 'pagination[pageSize]': '3' }],
    [{ year: '2024', sort: 'effectiveFrom:desc' }],
  ])('answers %j the same on the fast path as on Strapi’s path', async (query) => {
    // Given documents of two organizations in several states
    const organization = await createOrganization(app.strapi);
    const ids = [];
    for (let i = 0; i < 5; i += 1) {
      ids.push(await publishDocument(app.strapi, { issuingOrganization: organization.documentId, adoptedOn: `2024-0${i + 1}-01`, publishedOn: `2024-0${i + 1}-15`, effectiveFrom: `2024-0${i + 2}-01` }));
    }
    await transition(ids[0], { action: 'repeal', date: '2025-01-01', basisReference: '并政办发〔2025〕1号' });

    // When the same list is asked for with and without a Strapi filter that forces Strapi's path
    const base = { organization: organization.documentId, ...query };
    const fast = await request(app.server).get('/api/normative-documents').query(base);
    const generic = await request(app.server).get('/api/normative-documents').query({ ...base, 'filters[id][$gt]': '0' });

    // Then both answer alike
    expect(fast.status).toBe(200);
    expect(generic.status).toBe(200);
    expect(fast.body).toEqual(generic.body);
    expect(fast.body.data.length).toBeGreaterThan(0);
  });

  it('answers one document alike on its short path and on Strapi\'s', async () => {
    const organization = await createOrganization(app.strapi);
    const basis = await publishDocument(app.strapi, { issuingOrganization: organization.documentId, title: '依据文件' });
    const documentId = await publishDocument(app.strapi, { issuingOrganization: organization.documentId, title: '单篇短路径办法' });
    await app.strapi.documents(UID).update({ documentId, data: { basedOn: [basis] } as never });
    await app.strapi.documents(UID).publish({ documentId });
    // Any parameter of the caller's own (here populate, which the type overrides) takes Strapi's path.
    const short = await request(app.server).get(`/api/normative-documents/${documentId}`);
    const generic = await request(app.server).get(`/api/normative-documents/${documentId}?populate=topic`);
    expect(short.status).toBe(200);
    expect(short.body).toEqual(generic.body);
    expect(short.body.data).toMatchObject({ title: '单篇短路径办法', basedOn: [expect.objectContaining({ documentId: basis })], issuingOrganization: expect.objectContaining({ documentId: organization.documentId }) });
  });

  it('answers a document with every kind of relation alike on its short path and on Strapi\'s, leaving out drafts and 不予公开 documents', async () => {
    // Given a document with co-issuers in order, a topic, an attachment, bases published, draft and
    // 不予公开, a document based on it, and interpretations published and draft
    const issuer = await createOrganization(app.strapi, { name: '太原市住房和城乡建设局' });
    const second = await createOrganization(app.strapi, { name: '太原市财政局' });
    const first = await createOrganization(app.strapi, { name: '太原市自然资源和规划局' });
    const topic = await app.strapi.documents('api::topic.topic').create({ data: { name: '住房保障', code: `h${Date.now() % 1e9}` } as never });
    const file = await app.strapi.db.query('plugin::upload.file').create({
      data: { name: '附件一.pdf', hash: `annex_${Date.now()}`, ext: '.pdf', mime: 'application/pdf', size: 12.5, url: '/uploads/annex.pdf', provider: 'local' },
    });
    const published = await publishDocument(app.strapi, { issuingOrganization: issuer.documentId, title: '已公开的依据' });
    const draft = (await createDocumentDraft(app.strapi, { issuingOrganization: issuer.documentId, title: '草稿依据' })).documentId;
    const hidden = await publishDocument(app.strapi, { issuingOrganization: issuer.documentId, title: '不予公开的依据', disclosureMode: 'not_disclosed' });
    const elsewhere = await publishDocument(app.strapi, { issuingOrganization: second.documentId, title: '财政局的依据' });
    const documentId = (await createDocumentDraft(app.strapi, { issuingOrganization: issuer.documentId, title: '住房保障实施办法' })).documentId;
    await app.strapi.documents(UID).update({
      documentId,
      data: { coIssuers: [first.documentId, second.documentId], topic: topic.documentId, attachments: [file.id], basedOn: [published, draft, hidden, elsewhere] } as never,
    });
    await app.strapi.documents(UID).publish({ documentId });
    const follower = (await createDocumentDraft(app.strapi, { issuingOrganization: issuer.documentId, title: '据此制定的细则' })).documentId;
    await app.strapi.documents(UID).update({ documentId: follower, data: { basedOn: [documentId] } as never });
    await app.strapi.documents(UID).publish({ documentId: follower });
    const form = await app.strapi.db.query('api::interpretation-form.interpretation-form').findOne({ where: { code: 'text' } });
    for (const [title, status] of [['《住房保障实施办法》解读', 'published'], ['未发布的解读', 'draft']] as const) {
      await app.strapi.documents('api::policy-interpretation.policy-interpretation').create({
        data: { title, organization: issuer.documentId, form: form.documentId, sourceDocuments: [documentId], publishedOn: '2024-01-20' } as never,
        status,
      });
    }

    // When the public reads it without parameters (the short path) and with one (Strapi's)
    const short = await request(app.server).get(`/api/normative-documents/${documentId}`);
    const generic = await request(app.server).get(`/api/normative-documents/${documentId}?populate=topic`);

    // Then both answers are the same, with every readable relation and nothing else
    expect(short.status).toBe(200);
    expect(short.body).toEqual(generic.body);
    expect(short.text).toBe(generic.text);
    const data = short.body.data;
    expect(data.coIssuers.map((o: { name: string }) => o.name)).toEqual(['太原市自然资源和规划局', '太原市财政局']);
    expect(data.topic).toMatchObject({ name: '住房保障' });
    expect(data.attachments).toEqual([expect.objectContaining({ name: '附件一.pdf', mime: 'application/pdf' })]);
    expect(data.basedOn.map((d: { title: string }) => d.title)).toEqual(['已公开的依据', '财政局的依据']);
    expect(data.basisFor.map((d: { title: string }) => d.title)).toEqual(['据此制定的细则']);
    expect(data.interpretations).toEqual([expect.objectContaining({ title: '《住房保障实施办法》解读', form: expect.objectContaining({ code: 'text', name: '文字解读' }) })]);

    // And a read-only token bound to the issuer reads it alike on both paths, without the other
    // organization's basis
    const token = await createApiTokenRecord(app.strapi, 'read-only');
    await bindToOrganizations(app.strapi, { apiToken: token.id }, [issuer.id]);
    const bound = { Authorization: `Bearer ${token.accessKey}` };
    const boundShort = await request(app.server).get(`/api/normative-documents/${documentId}`).set(bound);
    const boundGeneric = await request(app.server).get(`/api/normative-documents/${documentId}?populate=topic`).set(bound);
    expect(boundShort.status).toBe(200);
    expect(boundShort.body).toEqual(boundGeneric.body);
    expect(boundShort.body.data.basedOn.map((d: { title: string }) => d.title)).toEqual(['已公开的依据']);
  });

  it('lists documents due for review within the window, per organization', async () => {
    const organization = await createOrganization(app.strapi, { name: '太原市审计局' });
    const soon = await publishDocument(app.strapi, { issuingOrganization: organization.documentId, adoptedOn: '2022-01-01', effectiveFrom: '2022-02-01', validUntil: inDays(60) });
    await publishDocument(app.strapi, { issuingOrganization: organization.documentId, adoptedOn: '2022-01-01', effectiveFrom: '2022-02-01', validUntil: inDays(400) });
    const res = await request(app.server).get('/api/normative-documents/expiring').query({ within: 180, organization: organization.documentId }).set(auth());
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([
      { organization: expect.objectContaining({ documentId: organization.documentId, name: '太原市审计局' }), documents: [expect.objectContaining({ documentId: soon, validUntil: inDays(60) })] },
    ]);
  });

  it('refuses a parameter the review list does not take, naming it', async () => {
    const res = await request(app.server).get('/api/normative-documents/expiring').query({ within: 30, asOf: '2026-02-30' }).set(auth());
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ message: 'asOf is not a parameter of this list (within, organization)', details: { errors: [expect.objectContaining({ path: ['asOf'] })] } });
  });
});
