import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { isIsoDate } from '../../../../domain/dates';
import { parseDocumentNumber } from '../../../../domain/document-number';
import { isDocumentKind, NUMBERED_KINDS } from '../../../../domain/document-kinds';
import { conflictError, fieldError } from '../../../../utils/errors';
import { readToOneChange } from '../../../../utils/relations';
import { isPublication } from '../../../../utils/documents';
import { slugFromTitle, uniqueSlug } from '../../../../utils/slug';
import { actorOf } from './services/lifecycle';
import { access } from '../../../../utils/access';
import { EVENT_UID } from './constants';
import { lifecycleTypeOf } from './document-types';
import { getService } from './get-service';

/** Written only by the lifecycle: a client may echo the stored value (the admin form does) but not change it. */
const SYSTEM_FIELDS = ['validity', 'indexNumber', 'noLongerInForceOn'] as const;
/** Part of the legal record once published; `validUntil` then changes only through `renew`. */
const LOCKED_AFTER_PUBLICATION = ['publishedOn', 'validUntil'] as const;

const EVENT_WRITES = new Set(['create', 'update', 'delete', 'clone', 'publish', 'unpublish', 'discardDraft']);

type Data = Record<string, unknown>;
type Params = { documentId?: string; data?: Data; status?: string };

const same = (a: unknown, b: unknown) => (a ?? null) === (b ?? null) || String(a ?? '') === String(b ?? '');

export function lifecycleMiddleware(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  const lifecycle = () => getService(strapi, 'lifecycle');
  const organizations = () => strapi.db.query('api::organization.organization');

  async function resolveIssuer(data: Data, existing: string | null): Promise<string | null> {
    const change = readToOneChange(data.issuingOrganization);
    if (change === 'invalid') throw fieldError('issuingOrganization', 'must be the documentId of an organization', data.issuingOrganization);
    if (change.kind === 'unchanged') return existing;
    if (change.kind === 'clear') return null;
    const where = 'documentId' in change.ref ? { documentId: change.ref.documentId } : { id: change.ref.id };
    const organization = await organizations().findOne({ where, select: ['documentId'] });
    if (!organization) throw fieldError('issuingOrganization', 'does not exist', data.issuingOrganization);
    return organization.documentId;
  }

  /** Normalizes and checks a create or update before Strapi writes it. */
  async function prepareWrite(action: string, params: Params): Promise<void> {
    const data = params.data;
    if (!data) return;
    const documentId = action === 'update' ? params.documentId : undefined;
    const stored = documentId ? await lifecycle().rowsOf(documentId) : null;
    const current = (stored?.draft ?? stored?.published ?? {}) as Record<string, unknown>;

    for (const field of SYSTEM_FIELDS) {
      if (!(field in data)) continue;
      if (!same(data[field], current[field])) {
        throw fieldError(field, 'is maintained by the document lifecycle; run a transition instead', data[field]);
      }
      delete data[field];
    }
    if (documentId && (await lifecycle().hasHistory(documentId))) {
      for (const field of LOCKED_AFTER_PUBLICATION) {
        if (field in data && !same(data[field], current[field])) {
          throw fieldError(field, field === 'validUntil' ? 'changes only through the renew transition' : 'cannot change after publication', data[field]);
        }
      }
    }

    if (typeof data.documentNumber === 'string' && data.documentNumber.trim() !== '') {
      const parsed = parseDocumentNumber(data.documentNumber);
      if (!parsed.valid) throw fieldError('documentNumber', parsed.reason, data.documentNumber);
      data.documentNumber = parsed.number.text;
    } else if (data.documentNumber === '') {
      data.documentNumber = null;
    }

    const storedIssuer = (current.issuingOrganization as { documentId?: string } | undefined)?.documentId ?? null;
    const issuer = await resolveIssuer(data, storedIssuer);
    const number = 'documentNumber' in data ? data.documentNumber : current.documentNumber;
    if (issuer && typeof number === 'string' && ('documentNumber' in data || 'issuingOrganization' in data)) {
      const clash = await strapi.db.query(lifecycleTypeOf(strapi)).findOne({
        where: {
          documentNumber: number,
          issuingOrganization: { documentId: issuer },
          ...(documentId ? { documentId: { $ne: documentId } } : {}),
        },
        select: ['documentId'],
      });
      if (clash) throw fieldError('documentNumber', 'is already used by another document of this issuer', number);
    }

    const dates = { ...current, ...data } as Record<string, unknown>;
    const order: [string, string, string][] = [
      ['publishedOn', 'adoptedOn', 'must not be before adoptedOn'],
      ['effectiveFrom', 'adoptedOn', 'must not be before adoptedOn'],
      ['validUntil', 'effectiveFrom', 'must not be before effectiveFrom'],
    ];
    for (const [later, earlier, message] of order) {
      const a = dates[later];
      const b = dates[earlier];
      if (later in data && isIsoDate(a) && isIsoDate(b) && a < b) throw fieldError(later, message, a);
      if (earlier in data && isIsoDate(a) && isIsoDate(b) && a < b) throw fieldError(earlier, `must not be after ${later}`, b);
    }

    // A type with a `slug` gets the title's pinyin when none is given.
    const hasSlug = 'slug' in strapi.contentType(lifecycleTypeOf(strapi)).attributes;
    if (hasSlug && action !== 'update' && !data.slug && typeof data.title === 'string') {
      const rows = strapi.db.query(lifecycleTypeOf(strapi));
      data.slug = await uniqueSlug(slugFromTitle(data.title), async (slug) => (await rows.count({ where: { slug } })) > 0);
    }
  }

  /** What publication needs beyond Strapi's required fields; checked on the stored published row. */
  async function assertPublishable(documentId: string): Promise<void> {
    const { published } = await lifecycle().rowsOf(documentId);
    if (!published) return;
    if (!published.issuingOrganization) throw fieldError('issuingOrganization', 'is required to publish');
    if (!published.adoptedOn) throw fieldError('adoptedOn', 'is required to publish');
    if (isDocumentKind(published.kind) && NUMBERED_KINDS.includes(published.kind) && !published.documentNumber) {
      throw fieldError('documentNumber', 'is required to publish a regulation or normative document');
    }
  }

  return async (context, next) => {
    if (context.uid === EVENT_UID) {
      if (EVENT_WRITES.has(context.action)) throw new errors.ForbiddenError('Lifecycle events are append-only');
      return next();
    }
    if (context.uid !== lifecycleTypeOf(strapi)) return next();

    const params = context.params as Params;
    const { action } = context;
    if (action === 'create' || action === 'update' || action === 'clone') await prepareWrite(action, params);
    if (action === 'delete' && params.documentId && (await lifecycle().hasHistory(params.documentId))) {
      throw conflictError('A published normative document cannot be deleted: repeal it or declare it invalid', {
        code: 'DOCUMENT_HAS_HISTORY',
      });
    }

    const publishing = isPublication(action, params);
    if (!publishing) return next();

    // Publication and the legal registration that goes with it succeed or fail together.
    return strapi.db.transaction(async () => {
      const result = await next();
      const documentId = params.documentId ?? (result as { documentId?: string } | null)?.documentId;
      if (documentId) {
        await assertPublishable(documentId);
        await lifecycle().registerFirstPublication(documentId, actorOf(await access(strapi).current()));
      }
      return result;
    });
  };
}
