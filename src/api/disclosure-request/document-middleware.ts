import type { Core, Modules } from '@strapi/strapi';
import { access } from '../../utils/access';
import { errors } from '@strapi/utils';
import { chinaToday, isIsoDate, toIsoDate } from '../../domain/dates';
import { conflictError, fieldError, withoutInput } from '../../utils/errors';
import { assertVersion, type ExpectedVersion } from '../../setup/document-versions';
import { decryptPersonal, encryptPersonal, maskPersonal } from '../../utils/personal-data';
import { newTrackingCode, STEP_UID, UID } from './services/disclosure-request';

/** Kept by the request's steps, never written directly. */
const MAINTAINED = ['handlingStatus', 'dueOn', 'closedOn', 'extended', 'overdue', 'decision', 'decisionReason', 'stepCount', 'trackingCode'];
/** Sealed at rest. */
const SEALED = ['idNumber', 'phone'];
/** The applicant's personal data: whole only for the handling organization's staff. */
const PERSONAL = ['applicantName', 'idNumber', 'organizationCode', 'legalRepresentative', 'phone', 'email', 'postalAddress'];
/** Of those, what a reader who sees the applicant masked does not see at all: a mask of an address or e-mail still tells too much. */
const WITHHELD = ['email', 'postalAddress'];
/** Text a reader who sees the applicant masked may still search: the request's own. */
const SEARCHABLE = ['description', 'trackingCode'];

/** The first personal field a filter or sort names, at any depth. */
function personalFieldIn(value: unknown): string | undefined {
  if (typeof value === 'string') return PERSONAL.find((field) => value === field || value.startsWith(`${field}:`) || value.startsWith(`${field}.`));
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = personalFieldIn(item);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (PERSONAL.includes(key)) return key;
      const found = personalFieldIn(inner);
      if (found) return found;
    }
  }
  return undefined;
}

/** Whether every request this scope reads is its own organization's, whose applicants it sees whole. */
const seesApplicantsWhole = (scope: { read: 'all' | number[]; write: 'all' | number[] }) =>
  scope.write === 'all' || (scope.read !== 'all' && scope.read.every((id) => (scope.write as number[]).includes(id)));

const READS = new Set(['findOne', 'findFirst', 'findMany']);

type Row = Record<string, unknown> & { documentId?: string };
type QueryParams = { filters?: unknown; sort?: unknown; _q?: unknown };

/**
 * Requests: the fields their steps keep are refused on every write path, a tracking code is
 * given at creation, the ID number and phone are sealed before they are stored, and on every read
 * the sealed values are opened for the handling organization's staff and masked for anyone else
 * who may read the request (审计). Steps: append-only.
 */
export function disclosureRequestMiddleware(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  const secret = () => {
    const key = process.env.ENCRYPTION_KEY;
    if (!key) throw new Error('ENCRYPTION_KEY is not set: personal data cannot be sealed');
    return key;
  };

  /** Opens or masks the personal fields of rows this caller reads. */
  async function shown(rows: Row[]): Promise<void> {
    const scope = await access(strapi).current();
    let whole: Set<string> | 'all' = 'all';
    if (scope.write !== 'all') {
      const owners = (await strapi.db.query(UID).findMany({
        where: { documentId: { $in: rows.map((row) => row.documentId).filter(Boolean) } },
        select: ['documentId'],
        populate: { organization: { select: ['id'] } },
      })) as { documentId: string; organization?: { id: number } | null }[];
      const reach = scope.write;
      whole = new Set(owners.filter((owner) => owner.organization && reach.includes(owner.organization.id)).map((owner) => owner.documentId));
    }
    for (const row of rows) {
      const mayReadWhole = whole === 'all' || whole.has(row.documentId as string);
      for (const field of PERSONAL) {
        if (typeof row[field] !== 'string') continue;
        if (!mayReadWhole && WITHHELD.includes(field)) {
          row[field] = null;
          continue;
        }
        const plain = SEALED.includes(field) ? decryptPersonal(row[field] as string, secret()) : (row[field] as string);
        row[field] = mayReadWhole ? plain : maskPersonal(plain);
      }
    }
  }

  /** Initial values of the kept fields, as the Content Manager's create form sends them. */
  const INITIAL: Record<string, unknown> = { handlingStatus: 'received', extended: false, overdue: false, stepCount: 0, dueOn: null, closedOn: null, decision: null, decisionReason: null, trackingCode: null };
  /** Equal as the form shows them: absent, null and '' alike, a number and its text alike. */
  const same = (a: unknown, b: unknown) => String(a ?? '') === String(b ?? '');

  /** A kept field the write would change, if any: sending one back unchanged (the admin's form does) is fine. */
  async function changedKeptField(action: string, documentId: string | undefined, data: Row): Promise<string | undefined> {
    const kept = MAINTAINED.filter((field) => field in data);
    if (kept.length === 0) return undefined;
    const stored = action === 'update' && documentId ? ((await strapi.db.query(UID).findOne({ where: { documentId }, select: MAINTAINED })) as Row | null) : null;
    const before = stored ?? INITIAL;
    return kept.find((field) => !same(data[field], field === 'dueOn' || field === 'closedOn' ? toIsoDate(before[field]) : before[field]));
  }

  /** The plain lengths the form allows: checked before sealing, which makes every value longer. */
  const SEALED_MAX: Record<string, number> = { idNumber: 40, phone: 30 };

  return async (context, next) => {
    try {
      return await handle(context, next);
    } catch (error) {
      // A refused write never repeats the applicant's data back (Strapi's validator quotes it).
      throw context.uid === UID ? withoutInput(error) : error;
    }
  };

  async function handle(context: Parameters<Modules.Documents.Middleware.Middleware>[0], next: Parameters<Modules.Documents.Middleware.Middleware>[1]) {
    if (context.uid === STEP_UID) {
      // Steps are read and written only by the request's own routes, through the query engine:
      // through the Document Service (the Content Manager, GraphQL) they are nobody's to reach.
      if (strapi.requestContext.get()) throw new errors.NotFoundError('Not Found');
      return next();
    }
    if (context.uid !== UID) return next();
    const params = context.params as { data?: Row; documentId?: string };
    const scope = await access(strapi).current();
    // Requests are the handling staff's: readers of published content only (the public,
    // read-only tokens) read none, on every path.
    if (!scope.mayReadUnpublished) {
      if (context.action === 'findMany') return [];
      if (context.action === 'count') return 0;
      if (READS.has(context.action)) return null;
    }
    // A copy would be a request nobody filed, with the kept fields and the sealing of the original
    // bypassed (the Content Manager's 复制): a new request is registered, never duplicated.
    if (context.action === 'clone') throw new errors.ValidationError('依申请公开的申请不能复制：请登记一条新的申请');
    if (READS.has(context.action) || context.action === 'count') guardQuery(context.params as QueryParams, scope);
    if (context.action === 'delete' && params.documentId) {
      const stored = (await strapi.db.query(UID).findOne({ where: { documentId: params.documentId }, select: ['stepCount', 'receivedVia'] })) as { stepCount: number | null; receivedVia: string | null } | null;
      if (stored && (stored.stepCount ?? 0) > 0) {
        throw conflictError('A request with recorded steps is kept: it can be withdrawn, not deleted', { code: 'REQUEST_HAS_STEPS' });
      }
      // One the public filed has a tracking code its applicant holds and counts as received (本年新收).
      if (stored?.receivedVia === 'online') {
        throw conflictError('A request filed through the public form is kept: it is handled or withdrawn, not deleted', { code: 'REQUEST_FILED_ONLINE' });
      }
    }
    if ((context.action === 'create' || context.action === 'update') && params.data) {
      const data = params.data;
      const written = await changedKeptField(context.action, params.documentId, data);
      if (written) {
        // A form opened before a step was taken sends the kept fields as they were then: say the
        // request changed meanwhile (the version check's answer), not that a kept field was written.
        const expected = (strapi.requestContext.get() as { state?: { expectedVersion?: ExpectedVersion } } | undefined)?.state?.expectedVersion;
        if (expected && params.documentId && (expected.documentId === params.documentId || expected.documentId === '*')) await assertVersion(strapi, UID, params.documentId, expected);
        throw fieldError(written, "is kept by the request's steps: record a step instead");
      }
      for (const field of MAINTAINED) delete data[field];
      await checkReceipt(context.action, params.documentId, data);
      if (context.action === 'create' && (data.organization === undefined || data.organization === null || data.organization === '')) {
        throw fieldError('organization', 'is required: the organization that handles the request');
      }
      for (const field of SEALED) {
        const value = data[field];
        if (value === undefined || value === null || value === '') continue;
        if (typeof value !== 'string') throw fieldError(field, 'must be text');
        if (value.length > SEALED_MAX[field]) throw fieldError(field, `must be at most ${SEALED_MAX[field]} characters`);
        data[field] = encryptPersonal(value, secret());
      }
      if (context.action === 'create') {
        data.trackingCode = newTrackingCode();
        data.handlingStatus = 'received';
      }
    }
    const result = await next();
    if (context.action === 'create' || context.action === 'update') {
      const documentId = (result as Row | null)?.documentId;
      if (documentId) await (strapi.service(UID) as unknown as { refresh: (documentId: string) => Promise<void> }).refresh(documentId);
    }
    if (READS.has(context.action) || context.action === 'create' || context.action === 'update') {
      const rows = (Array.isArray(result) ? result : result && typeof result === 'object' ? [result] : []) as Row[];
      if (rows.length > 0) await shown(rows);
    }
    return result;
  }

  /**
   * A reader who sees applicants masked may not filter, sort or search by them: each answer would
   * tell what the mask hides, a character at a time. Their search covers the request's own text.
   */
  function guardQuery(params: QueryParams, scope: Parameters<typeof seesApplicantsWhole>[0]): void {
    if (seesApplicantsWhole(scope)) return;
    const field = personalFieldIn(params.filters) ?? personalFieldIn(params.sort);
    if (field) throw fieldError(field, '是申请人的个人信息：只读查看（如审计）时不能按它筛选或排序');
    if (typeof params._q === 'string' && params._q !== '') {
      const search = { $or: SEARCHABLE.map((name) => ({ [name]: { $containsi: params._q } })) };
      params.filters = params.filters ? { $and: [params.filters, search] } : search;
      delete params._q;
    }
  }

  /** The receipt date starts the clock (art. 31): a real day not after today, fixed once a step is recorded. */
  async function checkReceipt(action: string, documentId: string | undefined, data: Row): Promise<void> {
    if (!('receivedOn' in data)) return;
    const value = data.receivedOn;
    const stored = action === 'update' && documentId ? ((await strapi.db.query(UID).findOne({ where: { documentId }, select: ['receivedOn', 'stepCount'] })) as Row | null) : null;
    if (stored && same(toIsoDate(value), toIsoDate(stored.receivedOn))) return;
    if (!isIsoDate(value)) throw fieldError('receivedOn', 'must be a calendar date (YYYY-MM-DD)', value);
    const today = chinaToday(new Date());
    if (value > today) throw fieldError('receivedOn', `must not be after today (${today})`, value);
    if (value < '2008-05-01') throw fieldError('receivedOn', 'must not be before the Regulations took effect (2008-05-01)', value);
    if (stored && Number(stored.stepCount ?? 0) > 0) throw fieldError('receivedOn', 'is fixed once a step is recorded: the deadline counts from it', value);
  }
}
