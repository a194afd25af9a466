import request from 'supertest';
import { startStrapi, type TestInstance } from '../harness/strapi';
import { adminToken, createAdminUser, createOrganization } from '../harness/fixtures';
import { inDays, publishDocument } from '../harness/documents';

let app: TestInstance;
let superAdmin: string;
let author: string;
let organization: { documentId: string };

beforeAll(async () => {
  app = await startStrapi();
  const admin = await createAdminUser(app.strapi);
  superAdmin = await adminToken(app.server, admin.user.email, admin.password);
  // The built-in Author role has none of the lifecycle permissions.
  const plain = await createAdminUser(app.strapi, { roleCode: 'strapi-author' });
  author = await adminToken(app.server, plain.user.email, plain.password);
  organization = await createOrganization(app.strapi);
});

afterAll(async () => {
  await app.stop();
});

const as = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('admin lifecycle routes', () => {
  it('runs a transition from the admin and records the admin as the actor', async () => {
    const id = await publishDocument(app.strapi, { issuingOrganization: organization.documentId });
    const res = await request(app.server)
      .post(`/document-lifecycle/normative-documents/${id}/transitions`)
      .set(as(superAdmin))
      .send({ action: 'declare_invalid', date: '2026-01-05', basisReference: '并政办发〔2026〕1号 清理结果', reason: '对象已消失' });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ documentId: id, validity: 'expired', event: { actor: expect.stringMatching(/^admin:\d+$/), actorName: '管理员测试' } });

    const history = await request(app.server).get(`/document-lifecycle/normative-documents/${id}/history`).set(as(superAdmin));
    expect(history.body.data.chain).toEqual({ valid: true });
    expect(history.body.data.events.map((e: { action: string }) => e.action)).toEqual(['register', 'enter_into_force', 'declare_invalid']);
  });

  it('refuses admins without the lifecycle permissions, changing nothing', async () => {
    const id = await publishDocument(app.strapi, { issuingOrganization: organization.documentId });
    const res = await request(app.server)
      .post(`/document-lifecycle/normative-documents/${id}/transitions`)
      .set(as(author))
      .send({ action: 'repeal', date: '2026-01-05', basisReference: 'x' });
    expect(res.status).toBe(403);
    expect(res.body.error.name).toBe('PolicyError');
    const stored = await app.strapi.db.query('api::normative-document.normative-document').findOne({ where: { documentId: id, publishedAt: { $notNull: true } } });
    expect(stored.validity).toBe('in_force');
  });

  it('runs the date-driven tick for a given date, and refuses a future or malformed one', async () => {
    const ok = await request(app.server).post('/document-lifecycle/tick').set(as(superAdmin)).send({ date: '2026-01-01' });
    expect(ok.status).toBe(200);
    expect(ok.body.data).toEqual({ today: '2026-01-01', enteredIntoForce: expect.any(Number), expired: expect.any(Number) });

    for (const [date, message] of [
      ['2999-01-01', 'date must not be in the future'],
      ['2026-13-01', 'date must be a calendar date (YYYY-MM-DD)'],
    ]) {
      const res = await request(app.server).post('/document-lifecycle/tick').set(as(superAdmin)).send({ date });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ name: 'ValidationError', message, details: { errors: [expect.objectContaining({ path: ['date'] })] } });
    }
  });

  it('keeps events append-only even for code that goes through the Document Service', async () => {
    const id = await publishDocument(app.strapi, { issuingOrganization: organization.documentId });
    const events = app.strapi.documents('plugin::document-lifecycle.lifecycle-event');
    const [event] = await events.findMany({ filters: { document: id } });
    await expect(events.update({ documentId: event.documentId, data: { reason: '改写' } })).rejects.toThrow('Lifecycle events are append-only');
    await expect(events.delete({ documentId: event.documentId })).rejects.toThrow('Lifecycle events are append-only');
    await expect(events.create({ data: { contentType: 'x', document: id, sequence: 99, action: 'register', toValidity: 'in_force', date: '2026-01-01', actor: 'system', occurredAt: 'x', hash: 'x' } })).rejects.toThrow('Lifecycle events are append-only');
    const history = await request(app.server).get(`/document-lifecycle/normative-documents/${id}/history`).set(as(superAdmin));
    expect(history.body.data.chain).toEqual({ valid: true });
  });

  it('lists the documents due for review for the plugin page', async () => {
    const org = await createOrganization(app.strapi, { name: '太原市统计局' });
    const due = await publishDocument(app.strapi, { issuingOrganization: org.documentId, adoptedOn: '2022-01-01', effectiveFrom: '2022-02-01', validUntil: inDays(60) });
    const res = await request(app.server).get('/document-lifecycle/due-for-review').set(as(superAdmin));
    expect(res.status).toBe(200);
    expect(res.body.meta).toMatchObject({ within: 180 });
    expect(res.body.data).toContainEqual({
      organization: expect.objectContaining({ documentId: org.documentId, name: '太原市统计局' }),
      documents: [expect.objectContaining({ documentId: due, validUntil: inDays(60) })],
    });
  });

  it('offers published documents in force as basis candidates, searched by 文号', async () => {
    const basis = await publishDocument(app.strapi, { issuingOrganization: organization.documentId, documentNumber: '并候选发〔2025〕8号', title: '候选依据文件' });
    const res = await request(app.server).get('/document-lifecycle/normative-documents/basis-candidates').query({ q: '候选发' }).set(as(superAdmin));
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([{ documentId: basis, title: '候选依据文件', documentNumber: '并候选发〔2025〕8号' }]);
  });
});
