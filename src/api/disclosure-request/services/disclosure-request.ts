import { randomBytes } from 'crypto';
import { factories, type Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { chinaToday, toIsoDate, type IsoDate } from '../../../domain/dates';
import {
  clockOf,
  CLOSED_STATUSES,
  planStep,
  REQUEST_STATUS_LABELS,
  STEP_ACTION_LABELS,
  type RecordedStep,
  type RequestClock,
  type RequestStatus,
  type StepAction,
  type StepInput,
  type StepPlan,
} from '../../../domain/disclosure-request';
import { hashChained, verifyChained, type ChainCheck } from '../../../domain/event-chain';
import { CalendarError } from '../../../domain/working-days';
import { access, type AccessScope } from '../../../utils/access';
import { workingCalendar } from '../../../utils/calendar';
import { conflictError, fieldError } from '../../../utils/errors';
import { assertVersion, documentVersion } from '../../../setup/document-versions';
import { withClusterLock } from '../../../utils/cluster';

export const UID = 'api::disclosure-request.disclosure-request';
export const STEP_UID = 'api::disclosure-request.disclosure-request-step';

/** What each step's hash covers, in this order. */
const STEP_FIELDS = [
  'request',
  'sequence',
  'action',
  'fromStatus',
  'toStatus',
  'date',
  'reason',
  'dueOn',
  'party',
  'amount',
  'decision',
  'decisionReason',
  'replyType',
  'replyText',
  'method',
  'actor',
  'occurredAt',
] as const;

export interface StoredStep {
  request: string;
  sequence: number;
  action: StepAction;
  fromStatus: RequestStatus;
  toStatus: RequestStatus;
  date: IsoDate;
  reason: string | null;
  dueOn: IsoDate | null;
  party: string | null;
  amount: string | null;
  decision: string | null;
  decisionReason: string | null;
  replyType: string | null;
  replyText: string | null;
  method: string | null;
  actor: string;
  actorName: string | null;
  occurredAt: string;
  previousHash: string | null;
  hash: string;
}

/** The clock as every answer about a request carries it, or why it cannot be counted yet. */
export interface ClockFields {
  status: RequestStatus;
  statusLabel: string;
  clock: RequestClock['clock'] | null;
  dueOn: IsoDate | null;
  workingDaysLeft: number | null;
  overdue: boolean;
  extended: boolean;
  /** Set when a date falls in a year without the State Council's holiday notice. */
  calendarProblem?: string;
}

interface RequestRow {
  id: number;
  documentId: string;
  receivedOn: unknown;
  stepCount: number | null;
  trackingCode: string | null;
  closedOn?: unknown;
}

/** Unguessable (120 bits), and easy to read out over the phone: groups of Crockford base32. */
export function newTrackingCode(): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const bytes = randomBytes(24);
  const chars = Array.from(bytes, (byte) => alphabet[byte % 32]).join('');
  return `GK-${chars.slice(0, 6)}-${chars.slice(6, 12)}-${chars.slice(12, 18)}-${chars.slice(18, 24)}`;
}

const calendarProblemOf = (error: CalendarError) =>
  `${error.year}年的节假日安排尚未录入，无法按法定工作日计算期限：请在“节假日安排”中录入国务院办公厅${error.year}年部分节假日安排的通知`;

/** What the request's row keeps of its clock, for the lists and filters that read the row. */
const storedClock = (fields: ClockFields) => ({ handlingStatus: fields.status, dueOn: fields.dueOn, extended: fields.extended, overdue: fields.overdue });

const storedStep = (row: Record<string, unknown>): StoredStep => ({ ...(row as unknown as StoredStep), date: toIsoDate(row.date) as IsoDate, dueOn: toIsoDate(row.dueOn) });

export default factories.createCoreService(UID, ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = () => strapi.db.query(UID);
  const steps = () => strapi.db.query(STEP_UID);

  async function stepsOf(documentIds: readonly string[]): Promise<Map<string, StoredStep[]>> {
    const found = documentIds.length
      ? ((await steps().findMany({ where: { request: { $in: [...new Set(documentIds)] } }, orderBy: [{ request: 'asc' }, { sequence: 'asc' }] })) as Record<string, unknown>[])
      : [];
    const byRequest = new Map<string, StoredStep[]>(documentIds.map((id) => [id, []]));
    for (const row of found) byRequest.get(row.request as string)?.push(storedStep(row));
    return byRequest;
  }

  const recorded = (list: readonly StoredStep[]): RecordedStep[] => list.map((step) => ({ action: step.action, date: step.date, dueOn: step.dueOn }));

  async function clockFields(receivedOn: IsoDate, list: readonly StoredStep[], today: IsoDate): Promise<ClockFields> {
    try {
      const clock = clockOf(receivedOn, recorded(list), today, await workingCalendar(strapi));
      return {
        status: clock.status,
        statusLabel: REQUEST_STATUS_LABELS[clock.status],
        clock: clock.clock,
        dueOn: clock.dueOn,
        workingDaysLeft: clock.workingDaysLeft,
        overdue: clock.overdue,
        extended: clock.extended,
      };
    } catch (error) {
      if (!(error instanceof CalendarError)) throw error;
      const status = list.at(-1)?.toStatus ?? 'received';
      return {
        status,
        statusLabel: REQUEST_STATUS_LABELS[status],
        clock: null,
        dueOn: null,
        workingDaysLeft: null,
        overdue: false,
        extended: list.some((step) => step.action === 'extend'),
        calendarProblem: calendarProblemOf(error),
      };
    }
  }

  /** Each request with its clock worked out for today, in one query for all their steps. */
  async function decorate<T extends { documentId: string; receivedOn?: unknown }>(requests: T[]): Promise<(T & ClockFields)[]> {
    const byRequest = await stepsOf(requests.map((request) => request.documentId));
    const today = chinaToday(new Date());
    return Promise.all(
      requests.map(async (request) => {
        const receivedOn = toIsoDate(request.receivedOn) ?? toIsoDate((await rows().findOne({ where: { documentId: request.documentId }, select: ['receivedOn'] }))?.receivedOn);
        return { ...request, ...(await clockFields(receivedOn as IsoDate, byRequest.get(request.documentId) ?? [], today)) };
      }),
    );
  }

  return {
    stepsOf,
    clockFields,

    /** Stores the status and due date a request's steps give it, for the lists and filters that read the row. */
    async refresh(documentId: string): Promise<void> {
      const request = (await rows().findOne({ where: { documentId }, select: ['receivedOn'] })) as { receivedOn: unknown } | null;
      const receivedOn = toIsoDate(request?.receivedOn);
      if (!receivedOn) return;
      const fields = await clockFields(receivedOn, (await stepsOf([documentId])).get(documentId) ?? [], chinaToday(new Date()));
      await rows().updateMany({ where: { documentId }, data: storedClock(fields) });
    },

    /**
     * The daily run: the stored status, due date and `overdue` of every open request worked out
     * again for `today`, since a deadline passes, and a pause lengthens, without anyone writing.
     * Once across the cluster at a time; running it twice on one day changes nothing.
     */
    async markDue(today: IsoDate): Promise<{ checked: number; overdue: number; uncountable: number }> {
      return withClusterLock(strapi, 'disclosure-requests:daily', async () => {
        const open = (await rows().findMany({
          where: { handlingStatus: { $notIn: [...CLOSED_STATUSES] } },
          select: ['documentId', 'receivedOn'],
        })) as { documentId: string; receivedOn: unknown }[];
        const report = { checked: open.length, overdue: 0, uncountable: 0 };
        const byRequest = await stepsOf(open.map((request) => request.documentId));
        for (const request of open) {
          const receivedOn = toIsoDate(request.receivedOn);
          if (!receivedOn) continue;
          const fields = await clockFields(receivedOn, byRequest.get(request.documentId) ?? [], today);
          if (fields.overdue) report.overdue += 1;
          if (fields.calendarProblem) report.uncountable += 1;
          await rows().updateMany({ where: { documentId: request.documentId }, data: storedClock(fields) });
        }
        return report;
      });
    },

    decorate,

    /**
     * Records one step, in one transaction: checked against the request's status and the clock's
     * rules, appended to its chained history, and the request's status, due date and decision
     * kept beside it. Two steps at once on one request: the second is a 409.
     */
    /**
     * Records one step. With `versions` (the caller's If-Match), the step is taken only if the
     * request is still at one of them (412 otherwise); every step moves the request's version.
     */
    async step(
      documentId: string,
      input: StepInput,
      scope: AccessScope,
      versions: string[] | null = null,
      from: 'admin' | 'content-api' = 'content-api',
    ): Promise<{ step: StoredStep; request: ClockFields & { documentId: string }; version: string | null }> {
      const result = await strapi.db.transaction(async () => {
        const request = (await rows().findOne({ where: { documentId }, select: ['id', 'documentId', 'receivedOn', 'stepCount', 'trackingCode'] })) as RequestRow | null;
        const readable = request && (await access(strapi).readableDocumentIds(UID, [documentId], scope)).has(documentId);
        if (!request || !readable) throw new errors.NotFoundError('Disclosure request not found');
        await access(strapi).assertMayChange(UID, documentId, scope, 'Disclosure request not found');
        if (versions) await assertVersion(strapi, UID, documentId, { versions, from });

        const receivedOn = toIsoDate(request.receivedOn) as IsoDate;
        const history = (await stepsOf([documentId])).get(documentId) ?? [];
        const today = chinaToday(new Date());
        let plan: StepPlan;
        try {
          plan = planStep({ receivedOn, steps: recorded(history) }, input, today, await workingCalendar(strapi));
        } catch (error) {
          if (error instanceof CalendarError) throw fieldError('date', calendarProblemOf(error), input.date);
          throw error;
        }

        const sequence = history.length + 1;
        // The count guards the append: a step recorded meanwhile by someone else leaves it changed.
        const { count } = await rows().updateMany({ where: { documentId, stepCount: request.stepCount ?? 0 }, data: { stepCount: sequence } });
        if (count === 0) throw conflictError('Another step was recorded on this request meanwhile; reload it and try again', { code: 'CONCURRENT_CHANGE' });

        const content = {
          request: documentId,
          sequence,
          action: plan.action,
          fromStatus: plan.from,
          toStatus: plan.to,
          date: plan.date,
          reason: plan.reason,
          dueOn: plan.dueOn,
          party: plan.party,
          amount: plan.amount === null ? null : plan.amount.toFixed(2),
          decision: plan.decision,
          decisionReason: plan.decisionReason,
          replyType: plan.replyType,
          replyText: plan.replyText,
          method: plan.method,
          actor: scope.actor,
          occurredAt: new Date().toISOString(),
        };
        const previousHash = history.at(-1)?.hash ?? null;
        const hash = hashChained(STEP_FIELDS, content, previousHash);
        const created = (await steps().create({ data: { ...content, actorName: scope.actorName, previousHash, hash } })) as Record<string, unknown>;
        const stored = storedStep(created);

        const fields = await clockFields(receivedOn, [...history, stored], today);
        const closed = CLOSED_STATUSES.includes(plan.to);
        await rows().updateMany({
          where: { documentId },
          data: {
            ...storedClock(fields),
            closedOn: closed ? plan.date : null,
            ...(plan.decision ? { decision: plan.decision, decisionReason: plan.decisionReason } : {}),
            updatedAt: new Date(),
          },
        });
        return { step: stored, request: { documentId, ...fields } };
      });
      return { ...result, version: await documentVersion(strapi, UID, documentId, false) };
    },

    /** A request's steps in order, and whether their chain verifies. */
    async history(documentId: string): Promise<{ steps: (StoredStep & { actionLabel: string })[]; chain: ChainCheck }> {
      const list = (await stepsOf([documentId])).get(documentId) ?? [];
      const chain = verifyChained(STEP_FIELDS as unknown as (keyof StoredStep)[], list);
      return { steps: list.map((step) => ({ ...step, actionLabel: STEP_ACTION_LABELS[step.action] })), chain };
    },

    /** What the applicant sees by the tracking code: status, dates and steps, never personal data or the reply. */
    async track(trackingCode: string) {
      const request = (await rows().findOne({ where: { trackingCode }, select: ['documentId', 'receivedOn', 'closedOn'], populate: { organization: { select: ['name'] } } })) as
        | (RequestRow & { organization?: { name: string } | null })
        | null;
      if (!request) return null;
      const list = (await stepsOf([request.documentId])).get(request.documentId) ?? [];
      const receivedOn = toIsoDate(request.receivedOn) as IsoDate;
      const fields = await clockFields(receivedOn, list, chinaToday(new Date()));
      return {
        trackingCode,
        organization: request.organization?.name ?? null,
        receivedOn,
        closedOn: toIsoDate(request.closedOn),
        ...fields,
        steps: list.map((step) => ({ action: step.action, actionLabel: STEP_ACTION_LABELS[step.action], date: step.date })),
      };
    },

    /** Open requests due within `within` working days, and the overdue ones, by due date. */
    async due(within: number, scope: AccessScope, organizationIds?: string[]) {
      // As on every other path, readers of published content (read-only tokens) read no request.
      if (!scope.mayReadUnpublished) return [];
      const condition = access(strapi).readWhere(UID, scope);
      const where: Record<string, unknown>[] = [{ handlingStatus: { $notIn: [...CLOSED_STATUSES] } }];
      if (condition) where.push(condition);
      if (organizationIds) where.push({ organization: { documentId: { $in: organizationIds } } });
      const open = (await rows().findMany({
        where: { $and: where },
        select: ['documentId', 'receivedOn', 'receivedVia', 'applicantType', 'trackingCode'],
        populate: { organization: { select: ['documentId', 'name'] } },
      })) as { documentId: string; receivedOn: unknown }[];
      const decorated = await decorate(open);
      // A request whose deadline cannot be counted (a year without its holiday notice) is listed
      // too, first: it is the one most likely to be missed.
      return decorated
        // A paused request is listed by the due date it has while paused, which moves with the pause.
        .filter((request) => request.calendarProblem !== undefined || (request.clock !== 'stopped' && request.workingDaysLeft !== null && request.workingDaysLeft <= within))
        .sort((a, b) => (a.dueOn ?? '').localeCompare(b.dueOn ?? ''));
    },
  };
});

export type DisclosureRequestService = ReturnType<ReturnType<typeof factories.createCoreService>> & {
  decorate: <T extends { documentId: string; receivedOn?: unknown }>(requests: T[]) => Promise<(T & ClockFields)[]>;
  step: (
    documentId: string,
    input: StepInput,
    scope: AccessScope,
    versions?: string[] | null,
    from?: 'admin' | 'content-api',
  ) => Promise<{ step: StoredStep; request: ClockFields & { documentId: string }; version: string | null }>;
  history: (documentId: string) => Promise<{ steps: (StoredStep & { actionLabel: string })[]; chain: ChainCheck }>;
  track: (trackingCode: string) => Promise<Record<string, unknown> | null>;
  due: (within: number, scope: AccessScope, organizationIds?: string[]) => Promise<(ClockFields & { documentId: string })[]>;
  markDue: (today: IsoDate) => Promise<{ checked: number; overdue: number; uncountable: number }>;
};

