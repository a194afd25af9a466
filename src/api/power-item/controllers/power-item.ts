import { factories } from '@strapi/strapi';
import type { Context } from 'koa';
import { fieldError } from '../../../utils/errors';
import { addFilters, organizationParam, takeParam } from '../../../utils/query-params';

const UID = 'api::power-item.power-item';

/** Relations a list shows without being asked; anything deeper is asked for with `populate`. */
const LIST_POPULATE = {
  category: { fields: ['code', 'name'] },
  organization: { fields: ['name', 'shortName', 'code'] },
  responsibleUnit: { fields: ['name', 'shortName'] },
};

/**
 * 权责清单 for the public sites: `organization` (with the organizations below it), `category`
 * (code or documentId) and `needsReview` filter the list, beside Strapi's own parameters.
 */
export default factories.createCoreController(UID, ({ strapi }) => ({
  async find(ctx: Context) {
    const filters: Record<string, unknown>[] = [];
    const organizations = await organizationParam(strapi, ctx);
    if (organizations) filters.push({ organization: { documentId: { $in: organizations } } });
    const category = takeParam(ctx, 'category');
    if (category !== undefined) {
      const found = await strapi.db.query('api::power-category.power-category').count({ where: { $or: [{ code: category }, { documentId: category }] } });
      if (found === 0) throw fieldError('category', 'does not exist', category);
      filters.push({ category: { $or: [{ code: category }, { documentId: category }] } });
    }
    const needsReview = takeParam(ctx, 'needsReview');
    if (needsReview !== undefined) {
      if (needsReview !== 'true' && needsReview !== 'false') throw fieldError('needsReview', 'must be true or false', needsReview);
      filters.push({ needsReview: needsReview === 'true' });
    }
    addFilters(ctx, filters);
    (ctx.query as Record<string, unknown>).populate ??= LIST_POPULATE;
    return super.find(ctx);
  },

  async findOne(ctx: Context) {
    const query = ctx.query as Record<string, unknown>;
    query.populate ??= { ...LIST_POPULATE, basisDocuments: { fields: ['title', 'documentNumber', 'validity'] }, responsibilities: true };
    return super.findOne(ctx);
  },
}));
