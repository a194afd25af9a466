import { addDays, type IsoDate, isIsoDate } from './dates';
import { RuleError } from './rule-error';

/**
 * The 立改废 lifecycle of rules and normative documents (规章、行政规范性文件).
 *
 * Legal validity is separate from Strapi's draft/publish: a draft has no validity; a document gets
 * one when it is first published and changes only through the actions below, each recorded as an
 * event. Sources: 国办发〔2018〕37号 (registration, publication before application), the clean-up
 * categories 继续有效 / 修改 / 废止 / 宣布失效, and the flk.npc.gov.cn statuses.
 */

export const VALIDITY_LABELS = {
  pending: '尚未生效',
  in_force: '现行有效',
  amended: '已修改',
  repealed: '已废止',
  expired: '已失效',
} as const;

export type Validity = keyof typeof VALIDITY_LABELS;
export const VALIDITIES = Object.keys(VALIDITY_LABELS) as Validity[];

export const ACTION_LABELS = {
  register: '登记发布',
  enter_into_force: '施行',
  amend: '修改',
  revise: '修订',
  repeal: '废止',
  declare_invalid: '宣布失效',
  expire: '有效期届满失效',
  renew: '评估后延续有效期',
} as const;

export type LifecycleAction = keyof typeof ACTION_LABELS;
/** Actions a person may request; `register` happens only at first publication. */
export type TransitionAction = Exclude<LifecycleAction, 'register'>;
export const TRANSITION_ACTIONS = Object.keys(ACTION_LABELS).filter((a) => a !== 'register') as TransitionAction[];

/** The relation a basis document gets to its target, seen from the basis document. */
export type BasisLink = 'amends' | 'revises' | 'repeals';

interface ActionRule {
  from: readonly Validity[];
  /** `null`: the state does not change (renew). */
  to: Validity | null;
  basis: 'document' | 'document_or_reference' | 'none';
  link?: BasisLink;
}

export const LIFECYCLE_RULES: Record<TransitionAction, ActionRule> = {
  enter_into_force: { from: ['pending'], to: 'in_force', basis: 'none' },
  // An amending decision (修改决定) or a full revision (修订) supersedes this text; the old version
  // becomes 已修改 and links to the new one.
  amend: { from: ['in_force', 'amended'], to: 'amended', basis: 'document_or_reference', link: 'amends' },
  revise: { from: ['in_force', 'amended'], to: 'amended', basis: 'document', link: 'revises' },
  repeal: { from: ['pending', 'in_force', 'amended'], to: 'repealed', basis: 'document_or_reference', link: 'repeals' },
  declare_invalid: { from: ['pending', 'in_force', 'amended'], to: 'expired', basis: 'document_or_reference' },
  expire: { from: ['in_force'], to: 'expired', basis: 'none' },
  renew: { from: ['in_force'], to: null, basis: 'none' },
};

/** A transition refused by the rules. */
export class LifecycleError extends RuleError {
  override name = 'LifecycleError';
}

export interface LifecycleDocument {
  documentId: string;
  validity: Validity | null;
  published: boolean;
  adoptedOn?: IsoDate | null;
  effectiveFrom?: IsoDate | null;
  validUntil?: IsoDate | null;
  /** Date of the latest recorded event: history only moves forward. */
  lastEventDate?: IsoDate | null;
}

export interface BasisDocument {
  documentId: string;
  published: boolean;
  validity: Validity | null;
  documentNumber?: string | null;
}

export interface TransitionRequest {
  action: string;
  date: unknown;
  basis?: BasisDocument | null;
  basisReference?: string | null;
  reason?: string | null;
  /** New end of the term, for `renew`. */
  validUntil?: unknown;
  /**
   * Today in China, for a change recorded by hand: it is dated on or before today, since the
   * validity read for any date comes from the changes recorded up to it.
   */
  today?: IsoDate;
}

export interface TransitionPlan {
  action: TransitionAction;
  from: Validity;
  to: Validity;
  date: IsoDate;
  link?: BasisLink;
  /** Fields of the target document that change with the transition. */
  changes: { validity: Validity; validUntil?: IsoDate; noLongerInForceOn?: IsoDate | null };
}

const NO_LONGER_IN_FORCE: readonly Validity[] = ['amended', 'repealed', 'expired'];

function isTransitionAction(action: string): action is TransitionAction {
  return (TRANSITION_ACTIONS as string[]).includes(action);
}

/** Checks a transition against the rules and says exactly what it changes, or throws a LifecycleError. */
export function planTransition(document: LifecycleDocument, request: TransitionRequest): TransitionPlan {
  const { action } = request;
  if (!isTransitionAction(action)) {
    throw new LifecycleError('UNKNOWN_ACTION', `action must be one of ${TRANSITION_ACTIONS.join(', ')}`, 'action');
  }
  if (!document.published || document.validity === null) {
    throw new LifecycleError('DOCUMENT_NOT_PUBLISHED', 'a draft has no legal validity yet: publish it first', 'documentId', 409);
  }
  const rule = LIFECYCLE_RULES[action];
  const from = document.validity;
  if (!rule.from.includes(from)) {
    throw new LifecycleError(
      'TRANSITION_NOT_ALLOWED',
      `cannot ${action} a document that is ${from} (${VALIDITY_LABELS[from]})`,
      'action',
      409,
      { from, action, allowedFrom: rule.from },
    );
  }

  if (!isIsoDate(request.date)) throw new LifecycleError('DATE_INVALID', 'date must be a calendar date (YYYY-MM-DD)', 'date');
  const date = request.date;
  if (request.today && date > request.today) {
    throw new LifecycleError('DATE_IN_FUTURE', `date must not be after today (${request.today}): record the change on the day it takes effect`, 'date');
  }
  if (document.adoptedOn && date < document.adoptedOn) {
    throw new LifecycleError('DATE_BEFORE_ADOPTION', `date must not be before the adoption date ${document.adoptedOn}`, 'date');
  }
  // The validity on any date is read from the events up to that date, so a change cannot be
  // dated before one already recorded.
  if (document.lastEventDate && date < document.lastEventDate) {
    throw new LifecycleError('DATE_BEFORE_LAST_EVENT', `date must not be before the last recorded change on ${document.lastEventDate}`, 'date');
  }

  const reference = request.basisReference?.trim() || null;
  const basis = request.basis ?? null;
  if (rule.basis === 'none' && (basis || reference)) {
    throw new LifecycleError('BASIS_NOT_EXPECTED', `${action} takes no basis document or reference`, basis ? 'basisDocumentId' : 'basisReference');
  }
  if (rule.basis === 'document' && !basis) {
    throw new LifecycleError('BASIS_REQUIRED', `${action} needs the published document that does it`, 'basisDocumentId');
  }
  if (rule.basis === 'document_or_reference' && !basis && !reference) {
    throw new LifecycleError('BASIS_REQUIRED', `${action} needs a basis document or a decision reference`, 'basisDocumentId');
  }
  if (basis) {
    if (basis.documentId === document.documentId) {
      throw new LifecycleError('BASIS_IS_SELF', 'a document cannot be its own basis', 'basisDocumentId');
    }
    if (!basis.published) throw new LifecycleError('BASIS_NOT_PUBLISHED', 'the basis document is not published', 'basisDocumentId');
    if (basis.validity !== 'in_force') {
      throw new LifecycleError('BASIS_NOT_IN_FORCE', 'the basis document is not in force', 'basisDocumentId', 400, { validity: basis.validity });
    }
  }

  const changes: TransitionPlan['changes'] = { validity: rule.to ?? from };
  switch (action) {
    case 'enter_into_force':
      if (document.effectiveFrom && date < document.effectiveFrom) {
        throw new LifecycleError('DATE_BEFORE_EFFECTIVE', `date must not be before the effective date ${document.effectiveFrom}`, 'date');
      }
      break;
    case 'expire':
      if (!document.validUntil) throw new LifecycleError('NO_TERM', 'the document has no term of validity to expire', 'action', 409);
      if (date <= document.validUntil) {
        throw new LifecycleError('DATE_WITHIN_TERM', `date must be after the end of the term ${document.validUntil}`, 'date');
      }
      break;
    case 'renew': {
      const validUntil = request.validUntil;
      if (!isIsoDate(validUntil)) throw new LifecycleError('VALID_UNTIL_REQUIRED', 'renew needs the new validUntil (YYYY-MM-DD)', 'validUntil');
      const current = document.validUntil ?? date;
      if (validUntil <= current || validUntil <= date) {
        throw new LifecycleError('VALID_UNTIL_NOT_LATER', `validUntil must be after ${current > date ? current : date}`, 'validUntil');
      }
      changes.validUntil = validUntil;
      break;
    }
    default:
      break;
  }
  if (NO_LONGER_IN_FORCE.includes(changes.validity) && !NO_LONGER_IN_FORCE.includes(from)) {
    changes.noLongerInForceOn = date;
  }

  return { action, from, to: changes.validity, date, link: basis ? rule.link : undefined, changes };
}

/**
 * The validity a document has on the day it is published: not yet in force, in force, or (for a
 * lapsed document entered into the catalogue afterwards) already expired.
 */
export function initialValidity(effectiveFrom: IsoDate | null | undefined, validUntil: IsoDate | null | undefined, on: IsoDate): Validity {
  if (effectiveFrom && effectiveFrom > on) return 'pending';
  if (validUntil && validUntil < on) return 'expired';
  return 'in_force';
}

/** A transition the calendar makes by itself. */
export interface DueTransition {
  action: 'enter_into_force' | 'expire';
  date: IsoDate;
}

/**
 * The date-driven transitions due on `today`, oldest first: entry into force on `effectiveFrom`,
 * expiry the day after `validUntil`. A document published late catches up in one pass.
 */
export function dueTransitions(document: Pick<LifecycleDocument, 'validity' | 'effectiveFrom' | 'validUntil'>, today: IsoDate): DueTransition[] {
  const due: DueTransition[] = [];
  let validity = document.validity;
  if (validity === 'pending' && document.effectiveFrom && document.effectiveFrom <= today) {
    due.push({ action: 'enter_into_force', date: document.effectiveFrom });
    validity = 'in_force';
  }
  if (validity === 'in_force' && document.validUntil && addDays(document.validUntil, 1) <= today) {
    due.push({ action: 'expire', date: addDays(document.validUntil, 1) });
  }
  return due;
}

/** One entry of a document's history, as far as validity on a date is concerned. */
export interface ValidityEvent {
  date: IsoDate;
  to: Validity;
  /** Order of recording, which breaks ties between events on the same date. */
  sequence: number;
}

/** The last event on or before `date` (by date, then sequence); null before the first event. */
export function latestEventOn<Event extends ValidityEvent>(events: readonly Event[], date: IsoDate): Event | null {
  let latest: Event | null = null;
  for (const event of events) {
    if (event.date > date) continue;
    if (!latest || event.date > latest.date || (event.date === latest.date && event.sequence > latest.sequence)) latest = event;
  }
  return latest;
}

/** The validity a document had on `date`, from its events; null before its first event. */
export function validityOn(events: readonly ValidityEvent[], date: IsoDate): Validity | null {
  return latestEventOn(events, date)?.to ?? null;
}

/**
 * One stretch of a document's history: from its event's date, the document has the event's
 * validity until the next event's date (excluded), or for good while there is none. Periods are
 * what readers ask "which validity on date X" of; they say the same as `latestEventOn`.
 */
export interface ValidityPeriod {
  validity: Validity;
  /** The sequence of the event that opened the period. */
  sequence: number;
  validFrom: IsoDate;
  /** The first day the period no longer covers; null while it lasts. */
  validTo: IsoDate | null;
}

/**
 * The periods of one document's events. Events on the same date open periods that end the day
 * they start, covering no day: the last of them is the one in force.
 */
export function periodsOf(events: readonly ValidityEvent[]): ValidityPeriod[] {
  const ordered = [...events].sort((a, b) => a.sequence - b.sequence);
  return ordered.map((event, index) => ({
    validity: event.to,
    sequence: event.sequence,
    validFrom: event.date,
    validTo: ordered[index + 1]?.date ?? null,
  }));
}
