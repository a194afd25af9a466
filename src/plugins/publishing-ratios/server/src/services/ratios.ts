import type { Core } from '@strapi/strapi';
import { subtreeIds, sumSubtrees, type TreeEdge } from '../../../../../domain/organization-tree';
import {
  addCounts,
  evaluate,
  judgePublication,
  NO_COUNTS,
  parsePeriod,
  periodOf,
  type Evaluation,
  type Period,
  type RatioCounts,
  type Verdict,
} from '../../../../../domain/publishing-ratios';
import { chinaToday } from '../../../../../domain/dates';
import { fieldError } from '../../../../../utils/errors';
import { access } from '../../../../../utils/access';
import type { RatiosConfig } from '../config';
import type { JoinTable } from '../../../../../utils/documents';
import { interpretationTypeOf } from '../interpretation-type';

const ORGANIZATION_UID = 'api::organization.organization';

export interface OrganizationRatios {
  organization: { documentId: string; name: string; shortName: string | null; level: string; kind: string; parent: string | null };
  /** The organization's own interpretations. */
  own: Evaluation;
  /** Its own and those of every organization below it. */
  rollup: Evaluation;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::publishing-ratios') as RatiosConfig;

  const service = {
    config,

    /**
     * Counts per organization id of the interpretations published within the period, by one
     * GROUP BY over the interpretations table (never loading the interpretations themselves).
     */
    async countsByOrganization(period: Period, options: { exceptDocumentId?: string } = {}): Promise<Map<number, RatioCounts>> {
      const meta = strapi.db.metadata.get(interpretationTypeOf(strapi)) as unknown as {
        tableName: string;
        attributes: Record<string, { columnName?: string; joinTable?: JoinTable }>;
      };
      const column = (name: string) => meta.attributes[name].columnName ?? name;
      const join = meta.attributes.organization.joinTable as JoinTable;
      const rows = (await strapi.db.transaction(async ({ trx }) => {
        const query = trx(`${meta.tableName} as i`)
          .join(`${join.name} as l`, `l.${join.joinColumn.name}`, 'i.id')
          .whereNotNull(`i.${column('publishedAt')}`)
          .whereBetween(`i.${column('publishedOn')}`, [period.from, period.to])
          .groupBy(`l.${join.inverseJoinColumn.name}`)
          .select(
            trx.raw(`l.${join.inverseJoinColumn.name} as organization`),
            trx.raw('count(*) as total'),
            trx.raw(`sum(case when i.${column('diverseForm')} then 1 else 0 end) as diverse`),
            trx.raw(`sum(case when i.${column('beyondWebsite')} then 1 else 0 end) as off_website`),
          );
        if (options.exceptDocumentId) query.whereNot(`i.${column('documentId')}`, options.exceptDocumentId);
        return query;
      })) as { organization: number | string; total: number | string; diverse: number | string; off_website: number | string }[];
      return new Map(
        rows.map((row) => [Number(row.organization), { total: Number(row.total), diverse: Number(row.diverse), offWebsite: Number(row.off_website) }]),
      );
    },

    /**
     * The report as the content API, GraphQL and the admin page give it: `period` (default: the
     * configured period of today) and `organization` checked with a 400 naming them, the rows
     * limited to the organizations the current request may read.
     */
    async requestedReport(input: { period?: unknown; organization?: unknown }) {
      let period: Period | null;
      if (input.period === undefined || input.period === null) period = periodOf(chinaToday(new Date()), config().period);
      else period = typeof input.period === 'string' ? parsePeriod(input.period) : null;
      if (!period) throw fieldError('period', 'must be a year (2026), a quarter (2026-Q1) or a month (2026-03)', input.period);
      let root: string | undefined;
      if (input.organization !== undefined && input.organization !== null) {
        if (typeof input.organization !== 'string' || input.organization === '') throw fieldError('organization', 'must be the documentId of an organization', input.organization);
        root = input.organization;
        if ((await strapi.db.query(ORGANIZATION_UID).count({ where: { documentId: root } })) === 0) throw fieldError('organization', 'does not exist', root);
      }
      const scopes = access(strapi);
      const readable = await scopes.readableOrganizationDocumentIds(await scopes.current());
      const { thresholds, enforcement } = config();
      return {
        data: await service.report(period, { root, readable }),
        meta: { period: period.label, from: period.from, to: period.to, thresholds, enforcement },
      };
    },

    /**
     * Ratios of every organization (or of one and those below it), each on its own and rolled up
     * over its sub-organizations; `readable` limits the answer to organizations the caller may see.
     */
    async report(period: Period, options: { root?: string; readable?: 'all' | string[] } = {}): Promise<OrganizationRatios[]> {
      const organizations = (await strapi.db.query(ORGANIZATION_UID).findMany({
        select: ['id', 'documentId', 'name', 'shortName', 'level', 'kind', 'sortOrder'],
        populate: { parent: { select: ['id', 'documentId'] } },
        orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }],
      })) as { id: number; documentId: string; name: string; shortName: string | null; level: string; kind: string; parent?: { id: number; documentId: string } | null }[];
      const edges: TreeEdge[] = organizations.map((o) => ({ id: o.id, parentId: o.parent?.id ?? null }));
      const counts = await service.countsByOrganization(period);
      const rolled = sumSubtrees(edges, counts, addCounts, NO_COUNTS);
      const thresholds = config().thresholds;

      let included = organizations;
      if (options.root) {
        const root = organizations.find((o) => o.documentId === options.root);
        const ids = new Set(root ? subtreeIds(edges, [root.id]) : []);
        included = included.filter((o) => ids.has(o.id));
      }
      const readable = options.readable ?? 'all';
      if (readable !== 'all') included = included.filter((o) => readable.includes(o.documentId));

      return included.map((o) => ({
        organization: { documentId: o.documentId, name: o.name, shortName: o.shortName, level: o.level, kind: o.kind, parent: o.parent?.documentId ?? null },
        own: evaluate(counts.get(o.id) ?? NO_COUNTS, thresholds),
        rollup: evaluate(rolled.get(o.id) ?? NO_COUNTS, thresholds),
      }));
    },

    /**
     * What publishing one interpretation (as its draft, or its published version, now stands)
     * does to its organization's ratios for the period of its publication date.
     */
    async judge(documentId: string, options: { version?: 'draft' | 'published'; on?: string } = {}): Promise<(Verdict & { period: Period; before: Evaluation; organization: number }) | null> {
      const row = (await strapi.db.query(interpretationTypeOf(strapi)).findOne({
        where: { documentId, publishedAt: options.version === 'published' ? { $notNull: true } : null },
        select: ['publishedOn', 'diverseForm', 'beyondWebsite'],
        populate: { organization: { select: ['id'] } },
      })) as { publishedOn: string | null; diverseForm: boolean; beyondWebsite: boolean; organization?: { id: number } | null } | null;
      const organization = row?.organization?.id;
      if (!row || organization === undefined) return null;
      const date = row.publishedOn ?? options.on;
      if (!date) return null;
      const period = periodOf(date.slice(0, 10), config().period);
      const before = (await service.countsByOrganization(period, { exceptDocumentId: documentId })).get(organization) ?? NO_COUNTS;
      const verdict = judgePublication(before, { diverse: Boolean(row.diverseForm), offWebsite: Boolean(row.beyondWebsite) }, config().thresholds, config().enforcement);
      return { ...verdict, period, before: evaluate(before, config().thresholds), organization };
    },
  };
  return service;
};
