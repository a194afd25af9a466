import type { Core, Modules } from '@strapi/strapi';
import { organizationTree } from '../../utils/access';
import { fieldError } from '../../utils/errors';
import { readToOneChange } from '../../utils/relations';

const UID = 'api::power-item.power-item';
/** Kept by the review listener; an editor only clears the flag after reviewing the item. */
const REVIEW_FIELDS = ['reviewReason', 'reviewFlaggedOn'] as const;

type Params = { documentId?: string; data?: Record<string, unknown> };

const same = (a: unknown, b: unknown) => (a ?? null) === (b ?? null) || String(a ?? '') === String(b ?? '');

/**
 * Rules for 权责清单 items on every write path: the review flag is raised only by the system and
 * cleared only by an editor, and the internal unit in charge belongs to the implementing
 * organization.
 */
export function powerItemMiddleware(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  const rows = () => strapi.db.query(UID);

  async function organizationDocumentId(value: unknown, field: string, current: string | null): Promise<string | null> {
    const change = readToOneChange(value);
    if (change === 'invalid') throw fieldError(field, 'must be the documentId of an organization', value);
    if (change.kind === 'unchanged') return current;
    if (change.kind === 'clear') return null;
    const row = await strapi.db.query('api::organization.organization').findOne({
      where: 'documentId' in change.ref ? { documentId: change.ref.documentId } : { id: change.ref.id },
      select: ['documentId'],
    });
    if (!row) throw fieldError(field, 'does not exist', value);
    return row.documentId;
  }

  return async (context, next) => {
    if (context.uid !== UID || !['create', 'update'].includes(context.action)) return next();
    const { documentId, data } = context.params as Params;
    if (!data) return next();

    const stored =
      context.action === 'update' && documentId
        ? ((await rows().findOne({
            where: { documentId, publishedAt: null },
            select: ['needsReview', ...REVIEW_FIELDS],
            populate: { organization: { select: ['documentId'] }, responsibleUnit: { select: ['documentId'] } },
          })) as Record<string, unknown> | null)
        : null;
    const current = stored ?? { needsReview: false };

    for (const field of REVIEW_FIELDS) {
      if (!(field in data)) continue;
      if (!same(data[field], current[field])) throw fieldError(field, 'is kept by the basis review; clear needsReview instead', data[field]);
      delete data[field];
    }
    if ('needsReview' in data) {
      if (data.needsReview === true && current.needsReview !== true) {
        throw fieldError('needsReview', 'is raised when a basis document stops being in force, not by hand', data.needsReview);
      }
      if (data.needsReview === false && current.needsReview === true) {
        data.reviewReason = null;
        data.reviewFlaggedOn = null;
      } else if (data.needsReview !== true && data.needsReview !== false) {
        throw fieldError('needsReview', 'must be true or false', data.needsReview);
      }
    }

    const owner = await organizationDocumentId(data.organization, 'organization', (stored?.organization as { documentId: string } | null)?.documentId ?? null);
    const unit = await organizationDocumentId(data.responsibleUnit, 'responsibleUnit', (stored?.responsibleUnit as { documentId: string } | null)?.documentId ?? null);
    if (unit && (!owner || !((await organizationTree(strapi).subtreeOf(owner)) ?? []).includes(unit))) {
      throw fieldError('responsibleUnit', 'must be the implementing organization or one of its internal units', data.responsibleUnit);
    }
    return next();
  };
}
