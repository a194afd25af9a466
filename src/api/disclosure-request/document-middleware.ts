import type { Core, Modules } from '@strapi/strapi';
import { access } from '../../utils/access';
import { fieldError } from '../../utils/errors';
import { decryptPersonal, encryptPersonal, maskPersonal } from '../../utils/personal-data';
import { newTrackingCode, STEP_UID, UID } from './services/disclosure-request';

/** Kept by the request's steps, never written directly. */
const MAINTAINED = ['status', 'dueOn', 'closedOn', 'extended', 'decision', 'decisionReason', 'stepCount', 'trackingCode'];
/** Sealed at rest. */
const SEALED = ['idNumber', 'phone'];
/** The applicant's personal data: whole only for the handling organization's staff. */
const PERSONAL = ['applicantName', 'idNumber', 'organizationCode', 'legalRepresentative', 'phone', 'email', 'postalAddress'];

const READS = new Set(['findOne', 'findFirst', 'findMany']);

type Row = Record<string, unknown> & { documentId?: string };

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
        const plain = SEALED.includes(field) ? decryptPersonal(row[field] as string, secret()) : (row[field] as string);
        row[field] = mayReadWhole ? plain : maskPersonal(plain);
      }
    }
  }

  return async (context, next) => {
    if (context.uid === STEP_UID && !READS.has(context.action) && context.action !== 'count') {
      throw fieldError('request', 'steps are recorded through POST /api/disclosure-requests/:documentId/steps and never changed');
    }
    if (context.uid !== UID) return next();
    const params = context.params as { data?: Row };
    if ((context.action === 'create' || context.action === 'update') && params.data) {
      const data = params.data;
      const written = MAINTAINED.find((field) => field in data && !(context.action === 'create' && field === 'status' && data.status === 'received'));
      if (written) throw fieldError(written, 'is kept by the request\'s steps: record a step instead');
      for (const field of SEALED) if (typeof data[field] === 'string' && data[field] !== '') data[field] = encryptPersonal(data[field] as string, secret());
      if (context.action === 'create') {
        data.trackingCode = newTrackingCode();
        data.status = 'received';
      }
    }
    const result = await next();
    if (READS.has(context.action) || context.action === 'create' || context.action === 'update') {
      const rows = (Array.isArray(result) ? result : result && typeof result === 'object' ? [result] : []) as Row[];
      if (rows.length > 0) await shown(rows);
    }
    return result;
  };
}
