import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { chinaToday } from '../../../../../domain/dates';
import { fieldError } from '../../../../../utils/errors';
import { readRouteInput, yup } from '../../../../../utils/route-input';
import { getService } from '../get-service';
import { interpretationTypeOf } from '../interpretation-type';

/** Period and organization are checked where GraphQL's arguments are too (the ratios service). */
const REPORT_QUERY = yup.object({ period: yup.mixed(), organization: yup.mixed() });

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const ratios = () => getService(strapi, 'ratios');
  const access = () => strapi.plugin('organization-access')?.service('scope');

  /** The report for the content API and the admin page alike; scoped to what the caller may read. */
  async function report(ctx: Context) {
    const query = readRouteInput<{ period?: unknown; organization?: unknown }>(REPORT_QUERY, ctx.query, {
      keys: ['period', 'organization'],
      message: 'is not a parameter of the publishing ratios',
    });
    ctx.body = await ratios().requestedReport(query);
  }

  return {
    find: report,
    adminReport: report,

    /** For the interpretation edit view: what publishing its draft would do to the ratios. */
    async preview(ctx: Context) {
      const { documentId } = ctx.params as { documentId: string };
      const uid = interpretationTypeOf(strapi);
      const versions = await strapi.db.query(uid).count({ where: { documentId } });
      // Another organization's interpretation is answered as one that does not exist.
      const readable = versions > 0 && (await access().readableDocumentIds(uid, [documentId], await access().current())).has(documentId);
      if (!readable) throw fieldError('documentId', 'does not exist', documentId);
      await access().assertMayChange(uid, documentId);
      const verdict = await ratios().judge(documentId, { version: 'draft', on: chinaToday(new Date()) });
      const { thresholds, enforcement } = ratios().config();
      ctx.body = {
        data: verdict && {
          period: verdict.period.label,
          before: verdict.before,
          after: verdict.after,
          allowed: verdict.allowed,
          breaches: verdict.breaches.map((breach) => breach.kind),
        },
        meta: { thresholds, enforcement },
      };
    },
  };
};
