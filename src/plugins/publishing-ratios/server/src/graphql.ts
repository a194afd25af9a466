import type { Core } from '@strapi/strapi';
import type * as NexusModule from 'nexus';
import { getService } from './get-service';

type Nexus = typeof NexusModule;

/**
 * The ratio report in GraphQL (`publishingRatios`), answered by the same service, checks and
 * scoping as `GET /api/publishing-ratios`, and allowed to the same tokens and users.
 */
export function registerGraphql(strapi: Core.Strapi): void {
  const ratios = () => getService(strapi, 'ratios');
  const extension = strapi.plugin('graphql').service('extension');

  extension.use(({ nexus }: { nexus: Nexus }) => ({
    types: [
      nexus.objectType({
        name: 'RatioCounts',
        definition(t) {
          t.nonNull.int('total');
          t.nonNull.int('diverse');
          t.nonNull.int('offWebsite');
        },
      }),
      nexus.objectType({
        name: 'RatioResult',
        definition(t) {
          t.nonNull.string('kind');
          t.nonNull.int('count');
          t.nonNull.int('total');
          t.float('value', { description: 'count / total; null when nothing was published' });
          t.nonNull.float('threshold');
          t.nonNull.string('status', { description: 'pass, fail or no_data' });
          t.int('shortfall', { description: 'how many more such interpretations reach the threshold' });
          t.nonNull.string('text');
          t.nonNull.string('textEn');
        },
      }),
      nexus.objectType({
        name: 'RatioEvaluation',
        definition(t) {
          t.nonNull.field('counts', { type: 'RatioCounts' });
          t.nonNull.field('diverse', { type: 'RatioResult' });
          t.nonNull.field('offWebsite', { type: 'RatioResult' });
          t.nonNull.string('status');
        },
      }),
      nexus.objectType({
        name: 'RatioOrganization',
        definition(t) {
          t.nonNull.id('documentId');
          t.nonNull.string('name');
          t.string('shortName');
          t.string('level');
          t.string('kind');
          t.id('parent');
        },
      }),
      nexus.objectType({
        name: 'OrganizationRatios',
        definition(t) {
          t.nonNull.field('organization', { type: 'RatioOrganization' });
          t.nonNull.field('own', { type: 'RatioEvaluation' });
          t.nonNull.field('rollup', { type: 'RatioEvaluation', description: 'its own and those of every organization below it' });
        },
      }),
      nexus.objectType({
        name: 'RatioThresholds',
        definition(t) {
          t.nonNull.float('diverse');
          t.nonNull.float('offWebsite');
        },
      }),
      nexus.objectType({
        name: 'PublishingRatioReport',
        definition(t) {
          t.nonNull.string('period');
          t.nonNull.string('from');
          t.nonNull.string('to');
          t.nonNull.field('thresholds', { type: 'RatioThresholds' });
          t.nonNull.string('enforcement');
          t.nonNull.list.nonNull.field('organizations', { type: 'OrganizationRatios' });
        },
      }),
      nexus.extendType({
        type: 'Query',
        definition(t) {
          t.nonNull.field('publishingRatios', {
            type: 'PublishingRatioReport',
            description: 'Interpretation publishing ratios per organization for a year (2026), quarter (2026-Q1) or month (2026-03).',
            args: { period: nexus.stringArg(), organization: nexus.idArg() },
            async resolve(_parent: unknown, args: { period?: string | null; organization?: string | null }) {
              const { data, meta } = await ratios().requestedReport(args);
              return { ...meta, organizations: data } as never;
            },
          });
        },
      }),
    ],
    resolversConfig: {
      'Query.publishingRatios': { auth: { scope: ['plugin::publishing-ratios.ratios.find'] } },
    },
  }));
}
