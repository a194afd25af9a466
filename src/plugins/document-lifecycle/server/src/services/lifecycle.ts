import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { addDays, chinaToday, toIsoDate, type IsoDate } from '../../../../../domain/dates';
import { hashEvent, storedEvent, verifyChain, type ChainCheck, type StoredEvent } from '../../../../../domain/event-chain';
import {
  dueTransitions,
  initialValidity,
  planTransition,
  type LifecycleAction,
  type TransitionPlan,
  type Validity,
} from '../../../../../domain/lifecycle';
import { defaultValidUntil } from '../../../../../domain/validity-term';
import { conflictError, fieldError } from '../../../../../utils/errors';
import { access, type AccessScope } from '../../../../../utils/access';
import { withClusterLock } from '../../../../../utils/cluster';
import { rowReader, tableOf } from '../../../../../utils/table-read';
import type { LifecycleConfig } from '../config';
import { EVENT_UID, PLUGIN_ID } from '../constants';
import { lifecycleTypeOf } from '../document-types';
import { getService } from '../get-service';

/** Who caused an event: `admin:<id>`, `api-token:<id>`, `user:<id>`, or `system`. */
export interface Actor {
  id: string;
  name?: string | null;
}

/** One date-driven run at a time across the cluster. */
const TICK_LOCK = 'document-lifecycle:tick';

export const SYSTEM: Actor = { id: 'system', name: '系统' };

/** The actor of a request, as its access scope names it. */
export const actorOf = (scope: AccessScope): Actor => ({ id: scope.actor, name: scope.actorName });

/** A transition as requested through REST, GraphQL or the admin. */
export interface TransitionInput {
  action: string;
  date?: unknown;
  basisDocumentId?: unknown;
  basisReference?: unknown;
  reason?: unknown;
  validUntil?: unknown;
}

interface DocumentRow {
  id: number;
  documentId: string;
  title: string;
  documentNumber: string | null;
  validity: Validity | null;
  publishedAt: string | null;
  adoptedOn: string | null;
  publishedOn: string | null;
  effectiveFrom: string | null;
  validUntil: string | null;
  noLongerInForceOn: string | null;
  indexNumber: string | null;
  kind: string;
  issuingOrganization?: { documentId: string; code: string } | null;
}

export type LifecycleEvent = StoredEvent;

/** What readers are shown of the events around a document: its links and its last action. */
const EVENT_LINK_FIELDS = ['id', 'document', 'sequence', 'action', 'date', 'basisDocument', 'basisNumber'] as const;
export type EventLink = Pick<StoredEvent, (typeof EVENT_LINK_FIELDS)[number]>;

const DOCUMENT_FIELDS = [
  'id', 'documentId', 'title', 'documentNumber', 'validity', 'publishedAt', 'adoptedOn',
  'publishedOn', 'effectiveFrom', 'validUntil', 'noLongerInForceOn', 'indexNumber', 'kind',
];

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get(`plugin::${PLUGIN_ID}`) as LifecycleConfig;
  const documents = () => strapi.db.query(lifecycleTypeOf(strapi));
  const events = () => strapi.db.query(EVENT_UID);

  /** The draft and published rows of a document. */
  async function rowsOf(documentId: string) {
    const rows = (await documents().findMany({
      where: { documentId },
      select: DOCUMENT_FIELDS,
      populate: { issuingOrganization: { select: ['documentId', 'code'] } },
    })) as DocumentRow[];
    const published = rows.find((row) => row.publishedAt) ?? null;
    const draft = rows.find((row) => !row.publishedAt) ?? null;
    return { published, draft, any: published ?? draft };
  }

  /** Appends one event to the document's chain; call inside the transaction that made the change. */
  async function appendEvent(entry: {
    document: string;
    action: LifecycleAction;
    from: Validity | null;
    to: Validity;
    date: IsoDate;
    basisDocument?: string | null;
    basisNumber?: string | null;
    basisReference?: string | null;
    reason?: string | null;
    actor: Actor;
  }): Promise<LifecycleEvent> {
    const [last] = await events().findMany({
      where: { document: entry.document },
      orderBy: { sequence: 'desc' },
      limit: 1,
      select: ['sequence', 'hash'],
    });
    const content = {
      document: entry.document,
      sequence: (last ? Number(last.sequence) : 0) + 1,
      action: entry.action,
      from: entry.from,
      to: entry.to,
      date: entry.date,
      basisDocument: entry.basisDocument ?? null,
      basisNumber: entry.basisNumber ?? null,
      basisReference: entry.basisReference ?? null,
      reason: entry.reason ?? null,
      actor: entry.actor.id,
      occurredAt: new Date().toISOString(),
    };
    const previousHash = (last?.hash as string | undefined) ?? null;
    const row = await events().create({
      data: {
        contentType: lifecycleTypeOf(strapi),
        document: content.document,
        sequence: content.sequence,
        action: content.action,
        fromValidity: content.from,
        toValidity: content.to,
        date: content.date,
        basisDocument: content.basisDocument,
        basisNumber: content.basisNumber,
        basisReference: content.basisReference,
        reason: content.reason,
        actor: content.actor,
        actorName: entry.actor.name ?? null,
        occurredAt: content.occurredAt,
        previousHash,
        hash: hashEvent(content, previousHash),
      },
    });
    await getService(strapi, 'validity-periods').record(entry.document, entry.to, entry.date, content.sequence);
    return storedEvent(row);
  }

  async function lastEventDate(documentId: string): Promise<IsoDate | null> {
    const [last] = await events().findMany({ where: { document: documentId }, orderBy: { sequence: 'desc' }, limit: 1, select: ['date'] });
    return last ? toIsoDate(last.date) : null;
  }

  /**
   * Writes a planned change to both the draft and the published row (so a later publication of
   * the draft cannot undo it), but only if the validity is still what the plan started from.
   */
  async function applyPlan(documentId: string, plan: Pick<TransitionPlan, 'from' | 'changes'>): Promise<void> {
    const { count } = await documents().updateMany({ where: { documentId, validity: plan.from }, data: plan.changes });
    if (count === 0) {
      throw conflictError('The document changed meanwhile; reload it and try again', { code: 'CONCURRENT_CHANGE' });
    }
  }

  async function runDue(row: DocumentRow, today: IsoDate, actor: Actor): Promise<LifecycleEvent[]> {
    const written: LifecycleEvent[] = [];
    let current = {
      documentId: row.documentId,
      validity: row.validity,
      published: true,
      adoptedOn: toIsoDate(row.adoptedOn),
      effectiveFrom: toIsoDate(row.effectiveFrom),
      validUntil: toIsoDate(row.validUntil),
      lastEventDate: await lastEventDate(row.documentId),
    };
    for (const due of dueTransitions(current, today)) {
      const plan = planTransition(current, { action: due.action, date: due.date });
      await applyPlan(current.documentId, plan);
      written.push(await appendEvent({ document: current.documentId, action: plan.action, from: plan.from, to: plan.to, date: plan.date, actor }));
      current = { ...current, validity: plan.to, lastEventDate: plan.date };
    }
    return written;
  }

  /**
   * The date-driven transitions due on `today`, each document in its own transaction. Each is
   * read again inside its transaction, so a change made since the list was read (a manual
   * transition, the same run on another instance) is taken as it is now: what is no longer due is
   * left alone, and nothing is applied twice.
   */
  async function runTick(today: IsoDate) {
    const due = (await documents().findMany({
      where: {
        publishedAt: { $notNull: true },
        $or: [
          { validity: 'pending', effectiveFrom: { $lte: today } },
          { validity: 'in_force', validUntil: { $lt: today } },
        ],
      },
      select: ['documentId'],
    })) as { documentId: string }[];
    const report = { today, enteredIntoForce: 0, expired: 0 };
    for (const { documentId } of due) {
      const written = await strapi.db.transaction(async () => {
        const row = (await documents().findOne({ where: { documentId, publishedAt: { $notNull: true } }, select: DOCUMENT_FIELDS })) as DocumentRow | null;
        return row ? runDue(row, today, SYSTEM) : [];
      });
      for (const event of written) {
        if (event.action === 'enter_into_force') report.enteredIntoForce += 1;
        if (event.action === 'expire') report.expired += 1;
      }
    }
    return report;
  }

  return {
    rowsOf,

    /**
     * Gives a newly published document its legal life: index number, publication date, default
     * term, initial validity with a `register` event, then any date-driven transitions already due
     * (a document entered years after the fact catches up). Does nothing the second time.
     */
    async registerFirstPublication(documentId: string, actor: Actor, now = new Date()): Promise<void> {
      await strapi.db.transaction(async () => {
        const { published } = await rowsOf(documentId);
        if (!published || published.validity) return;
        const today = chinaToday(now);
        const publishedOn = toIsoDate(published.publishedOn) ?? today;
        const effectiveFrom = toIsoDate(published.effectiveFrom);
        const organization = published.issuingOrganization;
        if (!organization) throw fieldError('issuingOrganization', 'is required to publish');

        const { term, indexSerialDigits } = config();
        const validUntil = toIsoDate(published.validUntil) ?? (effectiveFrom ? defaultValidUntil(published.title, effectiveFrom, term) : null);
        const validity = initialValidity(effectiveFrom, validUntil, publishedOn);
        const changes = {
          validity,
          publishedOn,
          indexNumber:
            published.indexNumber ??
            (await getService(strapi, 'index-numbers').next(organization.code, Number(publishedOn.slice(0, 4)), indexSerialDigits)),
          validUntil,
          noLongerInForceOn: validity === 'expired' && validUntil ? addDays(validUntil, 1) : null,
        };
        await documents().updateMany({ where: { documentId }, data: changes });
        await appendEvent({ document: documentId, action: 'register', from: null, to: validity, date: publishedOn, actor });
        await runDue({ ...published, ...changes }, today, SYSTEM);
      });
    },

    /** Runs one requested transition: checks the rule, changes the document, appends the event, atomically. */
    async transition(documentId: string, input: TransitionInput, actor: Actor) {
      return strapi.db.transaction(async () => {
        const target = await rowsOf(documentId);
        if (!target.any) throw new errors.NotFoundError('Normative document not found');
        // Transitions write without the Document Service, so they ask for organization access themselves.
        await access(strapi).assertMayChange(lifecycleTypeOf(strapi), documentId, undefined, 'Normative document not found');

        let basis = null;
        if (input.basisDocumentId !== undefined && input.basisDocumentId !== null && input.basisDocumentId !== '') {
          if (typeof input.basisDocumentId !== 'string') throw fieldError('basisDocumentId', 'must be a documentId');
          const found = await rowsOf(input.basisDocumentId);
          // Another organization's draft or 不予公开 document is answered as one that does not exist.
          const readable = (await access(strapi).readableDocumentIds(lifecycleTypeOf(strapi), [input.basisDocumentId], await access(strapi).current())).has(input.basisDocumentId);
          if (!found.any || !readable) throw fieldError('basisDocumentId', 'does not exist', input.basisDocumentId);
          basis = {
            documentId: input.basisDocumentId,
            published: Boolean(found.published),
            validity: found.published?.validity ?? null,
            documentNumber: found.any.documentNumber,
          };
        }
        for (const field of ['basisReference', 'reason'] as const) {
          if (input[field] !== undefined && input[field] !== null && typeof input[field] !== 'string') {
            throw fieldError(field, 'must be text');
          }
        }

        const row = target.published ?? target.any;
        const plan = planTransition(
          {
            documentId,
            validity: target.published?.validity ?? null,
            published: Boolean(target.published),
            adoptedOn: toIsoDate(row.adoptedOn),
            effectiveFrom: toIsoDate(row.effectiveFrom),
            validUntil: toIsoDate(row.validUntil),
            lastEventDate: await lastEventDate(documentId),
          },
          {
            action: input.action,
            date: input.date,
            basis,
            basisReference: input.basisReference as string | undefined,
            reason: input.reason as string | undefined,
            validUntil: input.validUntil,
            today: chinaToday(new Date()),
          },
        );
        await applyPlan(documentId, plan);
        const event = await appendEvent({
          document: documentId,
          action: plan.action,
          from: plan.from,
          to: plan.to,
          date: plan.date,
          basisDocument: basis?.documentId ?? null,
          basisNumber: basis?.documentNumber ?? null,
          basisReference: (input.basisReference as string | undefined)?.trim() || null,
          reason: (input.reason as string | undefined)?.trim() || null,
          actor,
        });
        return { documentId, validity: plan.to, event };
      });
    },

    /** Runs the date-driven transitions due on `today` for every published document; repeatable. */
    /**
     * Runs the date-driven transitions due on `today`, one instance of the cluster at a time, so
     * that two never apply the same one.
     */
    tick(today: IsoDate) {
      return withClusterLock(strapi, TICK_LOCK, () => runTick(today));
    },

    /**
     * The scheduled run of the day: once across the cluster. Returns null when another instance
     * already finished it.
     */
    daily(today: IsoDate) {
      return withClusterLock(strapi, TICK_LOCK, async () => {
        const runs = getService(strapi, 'tick-runs');
        if (await runs.finishedOn(today)) return null;
        const report = await runTick(today);
        await runs.record(today, report);
        return report;
      });
    },


    /**
     * A document's events and whether their chain verifies. The chain is checked on the events as
     * stored; a basis document the caller may not read is left out of what it is shown.
     */
    async history(documentId: string, scope: AccessScope): Promise<{ events: LifecycleEvent[]; chain: ChainCheck }> {
      const rows = await events().findMany({ where: { document: documentId }, orderBy: { sequence: 'asc' } });
      const list = rows.map(storedEvent);
      const chain = verifyChain(list);
      const bases = list.map((event) => event.basisDocument).filter((id): id is string => !!id);
      const readable = await access(strapi).readableDocumentIds(lifecycleTypeOf(strapi), bases, scope);
      const shown = list.map((event) =>
        event.basisDocument && !readable.has(event.basisDocument) ? { ...event, basisDocument: null, basisNumber: null } : event,
      );
      return { events: shown, chain };
    },

    /**
     * In one query: each document's own events, and the events in which it was the basis of a
     * change to another document (what it amends, revises or repeals).
     */
    async eventsAround(documentIds: readonly string[]) {
      const own = new Map<string, EventLink[]>();
      const asBasis = new Map<string, EventLink[]>();
      if (documentIds.length === 0) return { own, asBasis };
      const ids = [...new Set(documentIds)];
      // Read by every public page of documents: only the columns the links need, without the query engine.
      const reader = rowReader(strapi, EVENT_UID, EVENT_LINK_FIELDS, 'e');
      const table = tableOf(strapi, EVENT_UID);
      const column = (name: string) => `e.${table.column(name)}`;
      const rows = (await strapi.db
        .connection(`${table.table} as e`)
        .select(reader.select)
        .whereIn(column('document'), ids)
        .orWhereIn(column('basisDocument'), ids)
        .orderBy([column('document'), column('sequence')])) as Record<string, unknown>[];
      const wanted = new Set(ids);
      for (const row of rows) {
        const read = reader.read(row) as unknown as EventLink;
        const event = { ...read, date: toIsoDate(read.date) as IsoDate };
        if (wanted.has(event.document)) own.set(event.document, [...(own.get(event.document) ?? []), event]);
        if (event.basisDocument && wanted.has(event.basisDocument)) {
          asBasis.set(event.basisDocument, [...(asBasis.get(event.basisDocument) ?? []), event]);
        }
      }
      return { own, asBasis };
    },

    /**
     * Published documents in force whose term ends within `within` days of `today`: the review
     * (评估) window before expiry, grouped by issuing organization.
     */
    async dueForReview(today: IsoDate, within: number, scope: AccessScope, organizationIds?: string[]) {
      const where: Record<string, unknown> = {
        publishedAt: { $notNull: true },
        validity: 'in_force',
        validUntil: { $gte: today, $lte: addDays(today, within) },
      };
      if (organizationIds) where.issuingOrganization = { documentId: { $in: organizationIds } };
      const readable = access(strapi).readWhere(lifecycleTypeOf(strapi), scope);
      const rows = (await documents().findMany({
        where: readable ? { $and: [where, readable] } : where,
        select: ['documentId', 'title', 'documentNumber', 'indexNumber', 'validUntil'],
        populate: { issuingOrganization: { select: ['documentId', 'name'] } },
        orderBy: [{ validUntil: 'asc' }, { id: 'asc' }],
      })) as { issuingOrganization?: { documentId: string; name: string } | null }[];
      const groups = new Map<string, { organization: unknown; documents: Record<string, unknown>[] }>();
      for (const { issuingOrganization, ...document } of rows) {
        const key = issuingOrganization?.documentId ?? '';
        const group = groups.get(key) ?? { organization: issuingOrganization ?? null, documents: [] };
        group.documents.push(document);
        groups.set(key, group);
      }
      return { groups: [...groups.values()], total: rows.length };
    },

    /** Whether the document has any lifecycle history (it was published at least once). */
    async hasHistory(documentId: string): Promise<boolean> {
      return (await events().count({ where: { document: documentId } })) > 0;
    },
  };
};
