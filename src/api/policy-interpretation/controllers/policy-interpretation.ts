import { factories } from '@strapi/strapi';
import type { Context } from 'koa';
import { addFilters, organizationParam, takeParam } from '../../../utils/query-params';

const UID = 'api::policy-interpretation.policy-interpretation';

/** What a list shows without being asked: who interprets, in what form, which documents. */
const POPULATE = {
  organization: { fields: ['name', 'shortName'] },
  form: { fields: ['code', 'name', 'countsAsDiverse'] },
  sourceDocuments: { fields: ['title', 'documentNumber', 'indexNumber', 'publishedOn', 'validity'] },
  channelPublications: { populate: { channel: { fields: ['code', 'name', 'isGovernmentWebsite'] } } },
};

/**
 * 政策解读 for the public sites. Beside Strapi's parameters: `organization` (with the organizations
 * below it), `form` (code) and `document` (the documentId of a source document).
 */
export default factories.createCoreController(UID, ({ strapi }) => ({
  async find(ctx: Context) {
    const filters: Record<string, unknown>[] = [];
    const organizations = await organizationParam(strapi, ctx);
    if (organizations) filters.push({ organization: { documentId: { $in: organizations } } });
    const form = takeParam(ctx, 'form');
    if (form !== undefined) filters.push({ form: { code: form } });
    const document = takeParam(ctx, 'document');
    if (document !== undefined) filters.push({ sourceDocuments: { documentId: document } });
    addFilters(ctx, filters);
    (ctx.query as Record<string, unknown>).populate ??= POPULATE;
    return super.find(ctx);
  },

  async findOne(ctx: Context) {
    (ctx.query as Record<string, unknown>).populate ??= POPULATE;
    return super.findOne(ctx);
  },
}));
