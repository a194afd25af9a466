import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { toIsoDate, type IsoDate } from '../../../../../domain/dates';
import { documentRowAsOf, type DocumentFacts, type DocumentRow, type EventRow, type ExportEvent, type ExportQuery } from '../../../../../domain/audit-export';
import { verifyChain } from '../../../../../domain/event-chain';
import type { LifecycleAction, Validity } from '../../../../../domain/lifecycle';
import type { LifecycleService } from '../../../../document-lifecycle/server/src/services';

const DOCUMENT_UID = 'api::normative-document.normative-document';
const EVENT_UID = 'plugin::document-lifecycle.lifecycle-event';
const ORGANIZATION_UID = 'api::organization.organization';
const INTERPRETATION_UID = 'api::policy-interpretation.policy-interpretation';
/** Rows read from the database per query; the stream never holds more than one page. */
const PAGE = 1000;

interface JoinTable {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
}

interface Meta {
  tableName: string;
  attributes: Record<string, { columnName?: string; joinTable?: JoinTable }>;
}

/** Groups rows by a key, keeping their order. */
function group<Row, Key, Value>(rows: Row[], key: (row: Row) => Key, value: (row: Row) => Value): Map<Key, Value[]> {
  const groups = new Map<Key, Value[]>();
  for (const row of rows) {
    const list = groups.get(key(row));
    if (list) list.push(value(row));
    else groups.set(key(row), [value(row)]);
  }
  return groups;
}

/** Milliseconds of a timestamp as SQLite (number or text) or PostgreSQL (Date) returns it. */
const timeOf = (value: unknown): number => (value instanceof Date ? value.getTime() : typeof value === 'number' ? value : new Date(String(value)).getTime());

/** Where the documents' organizations may be: every one, or these documentIds (with their subtree). */
export type OrganizationFilter = 'all' | string[];

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const lifecycle = () => strapi.plugin('document-lifecycle').service('lifecycle') as LifecycleService;
  const publicPath = (slug: string) => (strapi.config.get('plugin::audit-export.publicPath', '/zhengce/{slug}') as string).replace('{slug}', slug);

  const meta = (uid: string) => strapi.db.metadata.get(uid) as unknown as Meta;
  const column = (m: Meta, name: string) => m.attributes[name].columnName ?? name;
  const join = (m: Meta, name: string) => m.attributes[name].joinTable as JoinTable;

  /**
   * One page of published documents with everything their rows need, in five plain SQL queries
   * (page with issuer, co-issuers, events, interpretations, drafts): the export reads 100,000
   * documents, where the query engine's hydration of each row would cost more than the database.
   */
  async function documentPage(query: ExportQuery, organizations: OrganizationFilter, after: number): Promise<{ last: number; facts: DocumentFacts[] }> {
    const documents = meta(DOCUMENT_UID);
    const orgs = meta(ORGANIZATION_UID);
    const d = (name: string) => `d.${column(documents, name)}`;
    const issuer = join(documents, 'issuingOrganization');
    const coIssuers = join(documents, 'coIssuers');
    return strapi.db.transaction(async ({ trx }) => {
      const page = trx(`${documents.tableName} as d`)
        .leftJoin(`${issuer.name} as il`, `il.${issuer.joinColumn.name}`, 'd.id')
        .leftJoin(`${orgs.tableName} as o`, 'o.id', `il.${issuer.inverseJoinColumn.name}`)
        .whereNotNull(d('publishedAt'))
        .where('d.id', '>', after)
        .orderBy('d.id', 'asc')
        .limit(PAGE)
        .select(
          'd.id as id',
          `${d('documentId')} as documentId`,
          `${d('indexNumber')} as indexNumber`,
          `${d('documentNumber')} as documentNumber`,
          `${d('title')} as title`,
          `${d('kind')} as kind`,
          `${d('slug')} as slug`,
          `${d('adoptedOn')} as adoptedOn`,
          `${d('publishedOn')} as publishedOn`,
          `${d('effectiveFrom')} as effectiveFrom`,
          `${d('validUntil')} as validUntil`,
          `${d('updatedAt')} as updatedAt`,
          `o.${column(orgs, 'name')} as issuerName`,
        );
      if (organizations !== 'all') page.whereIn(`o.${column(orgs, 'documentId')}`, organizations);
      if (query.kind) page.where(d('kind'), query.kind);
      if (query.from) page.where(d('publishedOn'), '>=', query.from);
      if (query.to) page.where(d('publishedOn'), '<=', query.to);
      const rows = (await page) as Record<string, unknown>[];
      if (rows.length === 0) return { last: after, facts: [] };

      const rowIds = rows.map((row) => Number(row.id));
      const documentIds = rows.map((row) => row.documentId as string);
      const events = meta(EVENT_UID);
      const e = (name: string) => column(events, name);
      const [coIssuerRows, eventRows, interpretationRows, draftRows] = await Promise.all([
        trx(`${coIssuers.name} as cl`)
          .join(`${orgs.tableName} as o`, 'o.id', `cl.${coIssuers.inverseJoinColumn.name}`)
          .whereIn(`cl.${coIssuers.joinColumn.name}`, rowIds)
          .select(`cl.${coIssuers.joinColumn.name} as row`, `o.${column(orgs, 'name')} as name`),
        trx(events.tableName)
          .whereIn(e('document'), documentIds)
          .orderBy([{ column: e('document') }, { column: e('sequence') }])
          .select(`${e('document')} as document`, `${e('sequence')} as sequence`, `${e('action')} as action`, `${e('toValidity')} as toValidity`, `${e('date')} as date`, `${e('basisNumber')} as basisNumber`, `${e('basisReference')} as basisReference`),
        interpretationsOf(trx, rowIds),
        trx(documents.tableName)
          .whereIn(column(documents, 'documentId'), documentIds)
          .whereNull(column(documents, 'publishedAt'))
          .select(`${column(documents, 'documentId')} as documentId`, `${column(documents, 'updatedAt')} as updatedAt`),
      ]);

      const coIssuerNames = group(coIssuerRows as { row: number; name: string }[], (row) => Number(row.row), (row) => row.name);
      const eventsOf = group(eventRows as Record<string, unknown>[], (row) => row.document as string, (row): ExportEvent => ({
        sequence: Number(row.sequence),
        action: row.action as LifecycleAction,
        to: row.toValidity as Validity,
        date: toIsoDate(row.date) as IsoDate,
        basisNumber: (row.basisNumber as string | null) ?? null,
        basisReference: (row.basisReference as string | null) ?? null,
      }));
      const draftUpdated = new Map((draftRows as { documentId: string; updatedAt: unknown }[]).map((row) => [row.documentId, timeOf(row.updatedAt)]));
      const facts = rows.map((row): DocumentFacts => ({
        indexNumber: (row.indexNumber as string | null) ?? null,
        documentNumber: (row.documentNumber as string | null) ?? null,
        title: row.title as string,
        kind: row.kind as string,
        issuingOrganization: (row.issuerName as string | null) ?? null,
        coIssuers: coIssuerNames.get(Number(row.id)) ?? [],
        adoptedOn: toIsoDate(row.adoptedOn),
        publishedOn: toIsoDate(row.publishedOn),
        effectiveFrom: toIsoDate(row.effectiveFrom),
        validUntil: toIsoDate(row.validUntil),
        events: eventsOf.get(row.documentId as string) ?? [],
        interpretations: interpretationRows.get(Number(row.id)) ?? [],
        // Strapi's "modified": the draft was saved after the published version.
        publicationState: (draftUpdated.get(row.documentId as string) ?? 0) > timeOf(row.updatedAt) + 1000 ? 'modified' : 'published',
        slug: (row.slug as string | null) ?? null,
      }));
      return { last: Number(rows[rows.length - 1].id), facts };
    });
  }

  /** Published interpretations of published document rows, by the document row's id. */
  async function interpretationsOf(trx: Knex, rowIds: number[]): Promise<Map<number, { publishedOn: IsoDate | null; timely: boolean | null }[]>> {
    if (!strapi.contentTypes[INTERPRETATION_UID as never]) return new Map();
    const interpretations = meta(INTERPRETATION_UID);
    const sources = join(interpretations, 'sourceDocuments');
    const rows = (await trx(`${interpretations.tableName} as i`)
      .join(`${sources.name} as sl`, `sl.${sources.joinColumn.name}`, 'i.id')
      .whereNotNull(`i.${column(interpretations, 'publishedAt')}`)
      .whereIn(`sl.${sources.inverseJoinColumn.name}`, rowIds)
      .select(`sl.${sources.inverseJoinColumn.name} as row`, `i.${column(interpretations, 'publishedOn')} as publishedOn`, `i.${column(interpretations, 'timely')} as timely`)) as {
      row: number;
      publishedOn: unknown;
      timely: unknown;
    }[];
    return group(rows, (row) => Number(row.row), (row) => ({ publishedOn: toIsoDate(row.publishedOn), timely: row.timely === null ? null : Boolean(row.timely) }));
  }

  return {
    /**
     * Published documents with their state as of `query.asOf`, page by page (keyset on id, so a
     * page costs the same at row 100,000 as at row 1). Documents not yet registered on that date
     * are left out; `validity` filters on the state as of that date.
     */
    async *documents(query: ExportQuery, organizations: OrganizationFilter): AsyncGenerator<DocumentRow[]> {
      let after = 0;
      for (;;) {
        const { last, facts } = await documentPage(query, organizations, after);
        if (facts.length === 0) return;
        after = last;
        const rows: DocumentRow[] = [];
        for (const fact of facts) {
          const row = documentRowAsOf(fact, query.asOf, publicPath);
          if (row.validity === null) continue;
          if (query.validity && row.validity !== query.validity) continue;
          rows.push(row);
        }
        if (rows.length > 0) yield rows;
      }
    },

    /**
     * Lifecycle events dated within [from, to] (by default everything up to `asOf`), document by
     * document, each with whether the document's hash chain verifies up to that event.
     */
    async *events(query: ExportQuery, organizations: OrganizationFilter): AsyncGenerator<EventRow[]> {
      const where: Record<string, unknown> = { publishedAt: { $notNull: true } };
      if (organizations !== 'all') where.issuingOrganization = { documentId: { $in: organizations } };
      if (query.kind) where.kind = query.kind;
      const from = query.from ?? '0000-01-01';
      const to = query.to ?? query.asOf;
      let after = 0;
      for (;;) {
        const page = (await strapi.db.query(DOCUMENT_UID).findMany({
          where: { ...where, id: { $gt: after } },
          select: ['id', 'documentId', 'documentNumber', 'title'],
          orderBy: { id: 'asc' },
          limit: PAGE,
        })) as { id: number; documentId: string; documentNumber: string | null; title: string }[];
        if (page.length === 0) return;
        after = page[page.length - 1].id;
        const { own } = await lifecycle().eventsAround(page.map((row) => row.documentId));
        const rows: EventRow[] = [];
        for (const row of page) {
          const chain = own.get(row.documentId) ?? [];
          const check = verifyChain(chain);
          for (const event of chain) {
            if (event.date < from || event.date > to) continue;
            if (query.validity && event.to !== query.validity) continue;
            rows.push({
              documentId: row.documentId,
              documentNumber: row.documentNumber,
              title: row.title,
              sequence: event.sequence,
              action: event.action as LifecycleAction,
              from: event.from as Validity | null,
              to: event.to as Validity,
              date: event.date,
              basisNumber: event.basisNumber,
              basisReference: event.basisReference,
              reason: event.reason,
              actorName: event.actor === 'system' ? '系统' : event.actorName,
              occurredAt: event.occurredAt,
              hash: event.hash,
              chainValid: check.valid || event.sequence < check.brokenAt,
            });
          }
        }
        if (rows.length > 0) yield rows;
      }
    },
  };
};
