import type { Core } from '@strapi/strapi';
import { toIsoDate, type IsoDate } from '../../../../../domain/dates';
import { documentRowAsOf, type DocumentFacts, type DocumentRow, type EventRow, type ExportEvent, type ExportQuery } from '../../../../../domain/audit-export';
import { verifyChain } from '../../../../../domain/event-chain';
import type { LifecycleAction, Validity } from '../../../../../domain/lifecycle';
import type { LifecycleService } from '../../../../document-lifecycle/server/src/services';

const DOCUMENT_UID = 'api::normative-document.normative-document';
const EVENT_UID = 'plugin::document-lifecycle.lifecycle-event';
const INTERPRETATION_UID = 'api::policy-interpretation.policy-interpretation';
/** Rows read from the database per query; the stream never holds more than one page. */
const PAGE = 1000;

interface DocumentRowRecord {
  id: number;
  documentId: string;
  indexNumber: string | null;
  documentNumber: string | null;
  title: string;
  kind: string;
  slug: string | null;
  adoptedOn: string | null;
  publishedOn: string | null;
  effectiveFrom: string | null;
  validUntil: string | null;
  updatedAt: string;
  issuingOrganization?: { name: string } | null;
  coIssuers?: { name: string }[];
}

/** Where the documents' organizations may be: every one, or these documentIds (with their subtree). */
export type OrganizationFilter = 'all' | string[];

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const lifecycle = () => strapi.plugin('document-lifecycle').service('lifecycle') as LifecycleService;
  const publicPath = (slug: string) => (strapi.config.get('plugin::audit-export.publicPath', '/zhengce/{slug}') as string).replace('{slug}', slug);

  function documentWhere(query: ExportQuery, organizations: OrganizationFilter): Record<string, unknown> {
    const where: Record<string, unknown> = { publishedAt: { $notNull: true } };
    if (organizations !== 'all') where.issuingOrganization = { documentId: { $in: organizations } };
    if (query.kind) where.kind = query.kind;
    if (query.from || query.to) where.publishedOn = { ...(query.from ? { $gte: query.from } : {}), ...(query.to ? { $lte: query.to } : {}) };
    return where;
  }

  /** Each document's own events, in order, in one query per page. */
  async function eventsOf(documentIds: string[]): Promise<Map<string, ExportEvent[]>> {
    const rows = (await strapi.db.query(EVENT_UID).findMany({
      where: { document: { $in: documentIds } },
      select: ['document', 'sequence', 'action', 'toValidity', 'date', 'basisNumber', 'basisReference'],
      orderBy: [{ document: 'asc' }, { sequence: 'asc' }],
    })) as { document: string; sequence: number; action: string; toValidity: string; date: string; basisNumber: string | null; basisReference: string | null }[];
    const byDocument = new Map<string, ExportEvent[]>();
    for (const row of rows) {
      const list = byDocument.get(row.document) ?? [];
      list.push({
        sequence: Number(row.sequence),
        action: row.action as LifecycleAction,
        to: row.toValidity as Validity,
        date: toIsoDate(row.date) as IsoDate,
        basisNumber: row.basisNumber,
        basisReference: row.basisReference,
      });
      byDocument.set(row.document, list);
    }
    return byDocument;
  }

  async function interpretationsOf(documentIds: string[]): Promise<Map<string, { publishedOn: IsoDate | null; timely: boolean | null }[]>> {
    const byDocument = new Map<string, { publishedOn: IsoDate | null; timely: boolean | null }[]>();
    if (!strapi.contentTypes[INTERPRETATION_UID as never]) return byDocument;
    const rows = (await strapi.db.query(INTERPRETATION_UID).findMany({
      where: { publishedAt: { $notNull: true }, sourceDocuments: { documentId: { $in: documentIds } } },
      select: ['publishedOn', 'timely'],
      populate: { sourceDocuments: { select: ['documentId'] } },
    })) as { publishedOn: string | null; timely: boolean | null; sourceDocuments?: { documentId: string }[] }[];
    for (const row of rows) {
      for (const source of row.sourceDocuments ?? []) {
        const list = byDocument.get(source.documentId) ?? [];
        list.push({ publishedOn: toIsoDate(row.publishedOn), timely: row.timely === null ? null : Boolean(row.timely) });
        byDocument.set(source.documentId, list);
      }
    }
    return byDocument;
  }

  return {
    /**
     * Published documents with their state as of `query.asOf`, page by page (keyset on id, so a
     * page costs the same at row 100,000 as at row 1). Documents not yet registered on that date
     * are left out; `validity` filters on the state as of that date.
     */
    async *documents(query: ExportQuery, organizations: OrganizationFilter): AsyncGenerator<DocumentRow> {
      const where = documentWhere(query, organizations);
      let after = 0;
      for (;;) {
        const page = (await strapi.db.query(DOCUMENT_UID).findMany({
          where: { ...where, id: { $gt: after } },
          select: ['id', 'documentId', 'indexNumber', 'documentNumber', 'title', 'kind', 'slug', 'adoptedOn', 'publishedOn', 'effectiveFrom', 'validUntil', 'updatedAt'],
          populate: { issuingOrganization: { select: ['name'] }, coIssuers: { select: ['name'] } },
          orderBy: { id: 'asc' },
          limit: PAGE,
        })) as DocumentRowRecord[];
        if (page.length === 0) return;
        after = page[page.length - 1].id;
        const ids = page.map((row) => row.documentId);
        const [own, interpretations, drafts] = await Promise.all([
          eventsOf(ids),
          interpretationsOf(ids),
          strapi.db.query(DOCUMENT_UID).findMany({ where: { documentId: { $in: ids }, publishedAt: null }, select: ['documentId', 'updatedAt'] }) as Promise<
            { documentId: string; updatedAt: string }[]
          >,
        ]);
        const draftUpdated = new Map(drafts.map((draft) => [draft.documentId, new Date(draft.updatedAt).getTime()]));
        for (const row of page) {
          const events = own.get(row.documentId) ?? [];
          const facts: DocumentFacts = {
            indexNumber: row.indexNumber,
            documentNumber: row.documentNumber,
            title: row.title,
            kind: row.kind,
            issuingOrganization: row.issuingOrganization?.name ?? null,
            coIssuers: (row.coIssuers ?? []).map((organization) => organization.name),
            adoptedOn: toIsoDate(row.adoptedOn),
            publishedOn: toIsoDate(row.publishedOn),
            effectiveFrom: toIsoDate(row.effectiveFrom),
            validUntil: toIsoDate(row.validUntil),
            events,
            interpretations: interpretations.get(row.documentId) ?? [],
            // Strapi's "modified": the draft was saved after the published version.
            publicationState: (draftUpdated.get(row.documentId) ?? 0) > new Date(row.updatedAt).getTime() + 1000 ? 'modified' : 'published',
            slug: row.slug,
          };
          const result = documentRowAsOf(facts, query.asOf, publicPath);
          if (result.validity === null) continue;
          if (query.validity && result.validity !== query.validity) continue;
          yield result;
        }
      }
    },

    /**
     * Lifecycle events dated within [from, to] (by default everything up to `asOf`), document by
     * document, each with whether the document's hash chain verifies up to that event.
     */
    async *events(query: ExportQuery, organizations: OrganizationFilter): AsyncGenerator<EventRow> {
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
        for (const row of page) {
          const chain = own.get(row.documentId) ?? [];
          const check = verifyChain(chain);
          for (const event of chain) {
            if (event.date < from || event.date > to) continue;
            if (query.validity && event.to !== query.validity) continue;
            yield {
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
            };
          }
        }
      }
    },
  };
};
