import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { chinaToday } from '../../../../../domain/dates';
import { parsePeriod, periodOf, type Period } from '../../../../../domain/publishing-ratios';
import { fieldError } from '../../../../../utils/errors';
import type { RatiosService } from '../services';

const ALLOWED = ['period', 'organization'];

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const ratios = () => strapi.plugin('publishing-ratios').service('ratios') as RatiosService;
  const access = () => strapi.plugin('organization-access')?.service('scope');

  function readPeriod(value: unknown): Period {
    if (value === undefined) return periodOf(chinaToday(new Date()), ratios().config().period);
    const period = typeof value === 'string' ? parsePeriod(value) : null;
    if (!period) throw fieldError('period', 'must be a year (2026), a quarter (2026-Q1) or a month (2026-03)', value);
    return period;
  }

  /** The report for the content API and the admin page alike; scoped to what the caller may read. */
  async function report(ctx: Context) {
    const query = ctx.query as Record<string, unknown>;
    const unknown = Object.keys(query).find((name) => !ALLOWED.includes(name));
    if (unknown) throw fieldError(unknown, 'is not a parameter of the publishing ratios');
    const period = readPeriod(query.period);
    let root: string | undefined;
    if (query.organization !== undefined) {
      if (typeof query.organization !== 'string' || query.organization === '') throw fieldError('organization', 'must be the documentId of an organization', query.organization);
      root = query.organization;
      if ((await strapi.db.query('api::organization.organization').count({ where: { documentId: root } })) === 0) {
        throw fieldError('organization', 'does not exist', root);
      }
    }
    const readable = access() ? await access().readableOrganizationDocumentIds() : 'all';
    const { thresholds, enforcement } = ratios().config();
    ctx.body = {
      data: await ratios().report(period, { root, readable }),
      meta: { period: period.label, from: period.from, to: period.to, thresholds, enforcement },
    };
  }

  return {
    find: report,
    adminReport: report,

    /** For the interpretation edit view: what publishing its draft would do to the ratios. */
    async preview(ctx: Context) {
      const { documentId } = ctx.params as { documentId: string };
      const versions = await strapi.db.query('api::policy-interpretation.policy-interpretation').count({ where: { documentId } });
      if (versions === 0) throw fieldError('documentId', 'does not exist', documentId);
      if (access()) await access().assertMayChange('api::policy-interpretation.policy-interpretation', documentId);
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
