import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { RatioResult } from '../../../../domain/publishing-ratios';
import { assignToResult, isPublication } from '../../../../utils/documents';
import { interpretationTypeOf } from './interpretation-type';
import { getService } from './get-service';

type Params = { documentId?: string; status?: string };

/** Which field an editor changes to fix each ratio. */
const FIELD = { diverse: 'form', offWebsite: 'channelPublications' } as const;
const NAME = { diverse: '多样化形式解读比例', offWebsite: '政府网站以外渠道发布比例' } as const;

const describe = (breach: RatioResult, period: string) =>
  `发布后本机构 ${period} 年度${NAME[breach.kind]}为 ${breach.count}/${breach.total}，低于 ${Math.round(breach.threshold * 100)}%：${breach.text}`;

/**
 * Enforces the ratios when an interpretation is published, on every path: `block` refuses a
 * publication that would leave a ratio below its threshold because of this interpretation,
 * `warn` records the warning with the interpretation, `off` leaves it to the reports.
 */
export function ratiosMiddleware(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  const ratios = () => getService(strapi, 'ratios');

  return async (context, next) => {
    if (context.uid !== interpretationTypeOf(strapi)) return next();
    const params = context.params as Params;
    const publishing =
      isPublication(context.action, params);
    if (!publishing || ratios().config().enforcement === 'off') return next();

    return strapi.db.transaction(async () => {
      const result = await next();
      const documentId = params.documentId ?? (result as { documentId?: string } | null)?.documentId;
      if (!documentId) return result;
      const verdict = await ratios().judge(documentId, { version: 'published' });
      if (!verdict) return result;

      if (!verdict.allowed) {
        const problems = verdict.breaches.map((breach) => ({
          path: [FIELD[breach.kind]],
          message: describe(breach, verdict.period.label),
          name: 'ValidationError',
        }));
        throw new errors.ValidationError(problems.map((problem) => problem.message).join('；'), {
          code: 'PUBLISHING_RATIO_BELOW_THRESHOLD',
          period: verdict.period.label,
          ratios: verdict.breaches.map(({ kind, count, total, value, threshold, shortfall }) => ({ kind, count, total, value, threshold, shortfall })),
          errors: problems,
        });
      }

      const warnings = verdict.breaches.map((breach) => ({ code: `RATIO_${breach.kind === 'diverse' ? 'DIVERSE' : 'OFF_WEBSITE'}`, message: describe(breach, verdict.period.label) }));
      const versions = (await strapi.db.query(interpretationTypeOf(strapi)).findMany({ where: { documentId }, select: ['id', 'publicationWarnings'] })) as {
        id: number;
        publicationWarnings: { code: string }[] | null;
      }[];
      let recorded: unknown = null;
      for (const version of versions) {
        const kept = (version.publicationWarnings ?? []).filter((warning) => !warning.code.startsWith('RATIO_'));
        recorded = kept.length + warnings.length > 0 ? [...kept, ...warnings] : null;
        await strapi.db.query(interpretationTypeOf(strapi)).update({ where: { id: version.id }, data: { publicationWarnings: recorded } });
      }
      assignToResult(result, { publicationWarnings: recorded });
      return result;
    }) as never;
  };
}
