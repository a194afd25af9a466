import type { Core } from '@strapi/strapi';
import type { IsoDate } from '../../../../../domain/dates';
import { ACTION_LABELS, VALIDITY_LABELS, type Validity } from '../../../../../domain/lifecycle';
import { access, type AccessScope } from '../../../../../utils/access';
import { lifecycleTypeOf } from '../document-types';
import { getService } from '../get-service';
import { rowReader, tableOf } from '../../../../../utils/table-read';

/** How a related document appears inside another: enough to link to it, never its whole body. */
export interface DocumentSummary {
  documentId: string;
  title: string;
  documentNumber: string | null;
  validity: Validity | null;
  validityLabel: string | null;
}

type Doc = Record<string, unknown> & { documentId: string; validity?: Validity | null };

/** Lifecycle links, from the events: the target's `amendedBy` is the basis's `amends`. */
const LINKS = {
  amend: ['amendedBy', 'amends'],
  revise: ['revisedBy', 'revises'],
  repeal: ['repealedBy', 'repeals'],
} as const;

export const LINK_FIELDS = ['amends', 'amendedBy', 'revises', 'revisedBy', 'repeals', 'repealedBy'] as const;

export const validityLabel = (validity: Validity | null | undefined) => (validity ? VALIDITY_LABELS[validity] : null);

/** What readers are shown of the managed type's documents beside their stored fields. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** Published summaries of those of the given documents the caller may read. */
  async function summaries(documentIds: string[], scope: AccessScope): Promise<Map<string, DocumentSummary>> {
    if (documentIds.length === 0) return new Map();
    const uid = lifecycleTypeOf(strapi);
    const table = tableOf(strapi, uid);
    const reader = rowReader(strapi, uid, ['documentId', 'title', 'documentNumber', 'validity'], 's');
    const query = strapi.db
      .connection(`${table.table} as s`)
      .select(reader.select)
      .whereIn(`s.${table.column('documentId')}`, documentIds)
      .whereNotNull(`s.${table.column('publishedAt')}`);
    const readable = access(strapi).readSql(uid, 's', scope);
    if (readable) query.where(readable);
    const rows = ((await query) as Record<string, unknown>[]).map((row) => reader.read(row) as unknown as DocumentSummary);
    return new Map(rows.map((row) => [row.documentId, { ...row, validityLabel: validityLabel(row.validity) }]));
  }

  return {
    /** The content type these documents are (the one whose schema enables the lifecycle). */
    type: (): string => lifecycleTypeOf(strapi),

    /**
     * Adds what readers need to each document: the Chinese validity label, the amend/revise/repeal
     * links in both directions (to the documents `scope` may read), the last action, and with
     * `asOf` the validity and last action on that date instead of today's.
     */
    async decorate<T extends Doc>(documents: T[], scope: AccessScope, options: { asOf?: IsoDate } = {}) {
      const ids = documents.map((doc) => doc.documentId);
      const { own, asBasis } = await getService(strapi, 'lifecycle').eventsAround(ids);
      const asOf = options.asOf ? await getService(strapi, 'validity-periods').statesOn(ids, options.asOf) : null;
      const linked = new Set<string>();
      for (const list of own.values()) for (const event of list) if (event.basisDocument) linked.add(event.basisDocument);
      for (const list of asBasis.values()) for (const event of list) linked.add(event.document);
      const related = await summaries([...linked], scope);

      return documents.map((doc) => {
        const links: Record<string, DocumentSummary[]> = Object.fromEntries(LINK_FIELDS.map((field) => [field, []]));
        const push = (key: string, id: string | null) => {
          const summary = id ? related.get(id) : undefined;
          if (summary && !links[key].some((s) => s.documentId === id)) links[key].push(summary);
        };
        for (const event of own.get(doc.documentId) ?? []) {
          if (event.action in LINKS) push(LINKS[event.action as keyof typeof LINKS][0], event.basisDocument);
        }
        for (const event of asBasis.get(doc.documentId) ?? []) {
          if (event.action in LINKS) push(LINKS[event.action as keyof typeof LINKS][1], event.document);
        }
        const events = own.get(doc.documentId) ?? [];
        const state = asOf?.get(doc.documentId);
        const validity = asOf ? (state?.validity ?? null) : (doc.validity ?? null);
        // A reader who chose fields without the validity gets none, rather than a wrong null.
        const known = asOf !== null || 'validity' in doc;
        const last = asOf ? events.find((event) => event.sequence === state?.sequence) : events.at(-1);
        // The 文号 of a basis the caller may not read is not shown either.
        const basisNumber = last?.basisDocument && !related.has(last.basisDocument) ? null : (last?.basisNumber ?? null);
        return {
          ...doc,
          ...(known ? { validity, validityLabel: validityLabel(validity) } : {}),
          lastAction: last ? { action: last.action, label: ACTION_LABELS[last.action as keyof typeof ACTION_LABELS], date: last.date, basisNumber } : null,
          ...links,
        };
      });
    },
  };
};
