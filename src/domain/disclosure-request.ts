import { addDays, isIsoDate, type IsoDate } from './dates';
import { RuleError } from './rule-error';
import type { WorkingCalendar } from './working-days';

/**
 * Request-based disclosure (依申请公开) under the 2019 Regulations (《政府信息公开条例》 arts. 27–45):
 * the steps a request goes through, what each needs, and the statutory clock in working days.
 * `../shared/DOMAIN.md` §1 has the rules with their sources; the decisions are the rows of the
 * annual report's table 三 (§2).
 */

/** The six applicant columns of the annual report's table 三. */
export const APPLICANT_TYPES = ['natural_person', 'commercial_enterprise', 'research_institution', 'social_welfare_organization', 'legal_service_institution', 'other_organization'] as const;
export type ApplicantType = (typeof APPLICANT_TYPES)[number];

export const APPLICANT_TYPE_LABELS: Record<ApplicantType, string> = {
  natural_person: '自然人',
  commercial_enterprise: '商业企业',
  research_institution: '科研机构',
  social_welfare_organization: '社会公益组织',
  legal_service_institution: '法律服务机构',
  other_organization: '其他',
};

/** How a request came in; art. 31 dates its receipt by it. */
export const RECEIVED_VIA = ['in_person', 'post', 'online', 'fax', 'other'] as const;
export type ReceivedVia = (typeof RECEIVED_VIA)[number];

export const RECEIVED_VIA_LABELS: Record<ReceivedVia, string> = { in_person: '当面提交', post: '邮寄', online: '网上申请', fax: '传真', other: '其他' };

export const REQUEST_STATUSES = [
  'received',
  'accepted',
  'awaiting_correction',
  'consulting',
  'awaiting_fee',
  'proposed',
  'decided',
  'approved',
  'delivered',
  'withdrawn',
  'lapsed',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const REQUEST_STATUS_LABELS: Record<RequestStatus, string> = {
  received: '已登记',
  accepted: '已受理',
  awaiting_correction: '待补正',
  consulting: '征求意见中',
  awaiting_fee: '待缴费',
  proposed: '已提出办理意见',
  decided: '已作出决定',
  approved: '已报批',
  delivered: '已送达',
  withdrawn: '已撤回',
  lapsed: '已终止',
};

/** A request in one of these is closed: its clock has stopped for good. */
export const CLOSED_STATUSES: readonly RequestStatus[] = ['delivered', 'withdrawn', 'lapsed'];
const OPEN_STATUSES = REQUEST_STATUSES.filter((status) => !CLOSED_STATUSES.includes(status));

export const STEP_ACTIONS = [
  'accept',
  'request_correction',
  'receive_correction',
  'lapse',
  'consult',
  'receive_consultation',
  'fee_notice',
  'fee_paid',
  'extend',
  'propose',
  'decide',
  'approve',
  'deliver',
  'withdraw',
] as const;
export type StepAction = (typeof STEP_ACTIONS)[number];

export const STEP_ACTION_LABELS: Record<StepAction, string> = {
  accept: '受理',
  request_correction: '告知补正',
  receive_correction: '收到补正',
  lapse: '逾期终止',
  consult: '征求意见',
  receive_consultation: '收到意见',
  fee_notice: '收费通知',
  fee_paid: '缴纳费用',
  extend: '延期答复',
  propose: '提出办理意见',
  decide: '作出决定',
  approve: '报批',
  deliver: '送达',
  withdraw: '撤回申请',
};

/**
 * The decisions as table 三 counts them (三、本年度办理结果), each with the reasons of its sub-rows.
 * 部分公开 is counted only there, whatever else applies to the parts withheld.
 */
export const DECISIONS = {
  disclosed: [],
  partially_disclosed: [],
  withheld: ['state_secret', 'prohibited_by_law', 'security_stability', 'third_party_rights', 'internal_affairs', 'process_information', 'enforcement_file', 'administrative_query'],
  unable: ['not_held', 'needs_creation', 'unclear_after_correction'],
  not_processed: ['complaint', 'repeat', 'publication', 'excessive', 'confirmation'],
  other: ['no_correction', 'fee_unpaid', 'other'],
} as const satisfies Record<string, readonly string[]>;
export type Decision = keyof typeof DECISIONS;
export type DecisionReason = (typeof DECISIONS)[Decision][number];

export const DECISION_LABELS: Record<Decision, string> = {
  disclosed: '予以公开',
  partially_disclosed: '部分公开',
  withheld: '不予公开',
  unable: '无法提供',
  not_processed: '不予处理',
  other: '其他处理',
};

export const DECISION_REASON_LABELS: Record<DecisionReason, string> = {
  state_secret: '属于国家秘密',
  prohibited_by_law: '其他法律行政法规禁止公开',
  security_stability: '危及“三安全一稳定”',
  third_party_rights: '保护第三方合法权益',
  internal_affairs: '属于三类内部事务信息',
  process_information: '属于四类过程性信息',
  enforcement_file: '属于行政执法案卷',
  administrative_query: '属于行政查询事项',
  not_held: '本机关不掌握相关政府信息',
  needs_creation: '没有现成信息需要另行制作',
  unclear_after_correction: '补正后申请内容仍不明确',
  complaint: '信访举报投诉类申请',
  repeat: '重复申请',
  publication: '要求提供公开出版物',
  excessive: '无正当理由大量反复申请',
  confirmation: '要求行政机关确认或重新出具已获取信息',
  no_correction: '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  fee_unpaid: '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  other: '其他',
};

/** The kinds of reply of art. 36, which the written answer takes. */
export const REPLY_TYPES = ['already_public', 'can_disclose', 'withheld', 'not_found', 'not_this_agency', 'repeat', 'special_route'] as const;
export type ReplyType = (typeof REPLY_TYPES)[number];

export const REPLY_TYPE_LABELS: Record<ReplyType, string> = {
  already_public: '已经主动公开的，告知获取的方式和途径',
  can_disclose: '可以公开的，向申请人提供或者告知获取的方式、途径和时间',
  withheld: '依法不予公开的，告知申请人并说明理由',
  not_found: '经检索没有所申请公开信息的，告知申请人该政府信息不存在',
  not_this_agency: '不属于本行政机关负责公开的，告知申请人并说明理由',
  repeat: '已就申请人提出的政府信息公开申请作出答复、申请人重复申请公开相同政府信息的，告知申请人不予重复处理',
  special_route: '所申请公开信息属于工商、不动产登记资料等信息，告知申请人依照有关法律、行政法规的规定办理',
};

/**
 * The art. 36 replies a decision can be written as, where the two would otherwise contradict
 * each other in table 三: what is disclosed is answered as public or to be provided, what is
 * withheld as withheld. The other decisions take the reply their case needs.
 */
export const REPLY_TYPES_OF_DECISION: Partial<Record<Decision, readonly ReplyType[]>> = {
  disclosed: ['already_public', 'can_disclose'],
  partially_disclosed: ['can_disclose', 'withheld'],
  withheld: ['withheld'],
};

export const DELIVERY_METHODS = ['in_person', 'post', 'email', 'online', 'fax', 'other'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];

export const CONSULTED_PARTIES = ['third_party', 'agency'] as const;
export type ConsultedParty = (typeof CONSULTED_PARTIES)[number];

/** Art. 33: 20 working days to answer, and one extension of at most 20 more. */
export const ANSWER_WORKING_DAYS = 20;
export const EXTENSION_WORKING_DAYS = 20;
/** Art. 30: the one notice asking for more, within 7 working days of receipt. */
export const CORRECTION_NOTICE_WORKING_DAYS = 7;
/** The latest an applicant's deadline (补正, 缴费) may be set after its notice. */
export const MAX_DEADLINE_DAYS = 180;
/** 国办函〔2020〕109号's fees are hundreds of yuan; a figure beyond this is a typing error. */
export const MAX_FEE_YUAN = 1000000;
/** Art. 32: a third party has 15 working days to reply. */
export const THIRD_PARTY_REPLY_WORKING_DAYS = 15;

/** Which statuses each action may be taken from, and where it leads (`resume`: back to where the pause began). */
export const STEP_RULES: Record<StepAction, { from: readonly RequestStatus[]; to: RequestStatus | 'resume' | 'same' }> = {
  accept: { from: ['received'], to: 'accepted' },
  request_correction: { from: ['received', 'accepted'], to: 'awaiting_correction' },
  receive_correction: { from: ['awaiting_correction'], to: 'accepted' },
  lapse: { from: ['awaiting_correction', 'awaiting_fee'], to: 'lapsed' },
  consult: { from: ['accepted', 'proposed'], to: 'consulting' },
  receive_consultation: { from: ['consulting'], to: 'resume' },
  fee_notice: { from: ['accepted', 'proposed'], to: 'awaiting_fee' },
  fee_paid: { from: ['awaiting_fee'], to: 'resume' },
  extend: { from: ['received', 'accepted', 'consulting', 'awaiting_fee', 'proposed', 'decided', 'approved'], to: 'same' },
  propose: { from: ['accepted'], to: 'proposed' },
  decide: { from: ['proposed'], to: 'decided' },
  approve: { from: ['decided'], to: 'approved' },
  deliver: { from: ['approved'], to: 'delivered' },
  withdraw: { from: OPEN_STATUSES, to: 'withdrawn' },
};

/** A step refused by the rules. */
export class RequestStepError extends RuleError {
  override name = 'RequestStepError';
}

/** One recorded step, as the clock reads it. */
export interface RecordedStep {
  action: StepAction;
  date: IsoDate;
  /** request_correction: the applicant's deadline. fee_notice: the payment deadline. consult: the reply deadline. */
  dueOn?: IsoDate | null;
  decision?: Decision | null;
}

export interface StepInput {
  action: unknown;
  date: unknown;
  /** request_correction: every gap, in one notice. extend, withdraw: why. */
  reason?: unknown;
  /** request_correction: the applicant's deadline; fee_notice: the payment deadline. */
  dueOn?: unknown;
  party?: unknown;
  /** fee_notice: yuan. */
  amount?: unknown;
  decision?: unknown;
  decisionReason?: unknown;
  replyType?: unknown;
  replyText?: unknown;
  method?: unknown;
}

/** What a step records, once checked. */
export interface StepPlan {
  action: StepAction;
  date: IsoDate;
  from: RequestStatus;
  to: RequestStatus;
  reason: string | null;
  dueOn: IsoDate | null;
  party: ConsultedParty | null;
  amount: number | null;
  decision: Decision | null;
  decisionReason: DecisionReason | null;
  replyType: ReplyType | null;
  replyText: string | null;
  method: DeliveryMethod | null;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);
const isOneOf = <T extends string>(values: readonly T[], value: unknown): value is T => typeof value === 'string' && (values as readonly string[]).includes(value);

/** The status a request is in after its steps, and the one a pause returns to. */
export function statusAfter(steps: readonly RecordedStep[]): { status: RequestStatus; resumeTo: RequestStatus | null } {
  let status: RequestStatus = 'received';
  let resumeTo: RequestStatus | null = null;
  for (const step of steps) {
    const rule = STEP_RULES[step.action];
    if (rule.to === 'same') continue;
    if (rule.to === 'resume') {
      status = resumeTo ?? 'accepted';
      resumeTo = null;
      continue;
    }
    if (rule.to === 'consulting' || rule.to === 'awaiting_fee') resumeTo = status;
    status = rule.to;
  }
  return { status, resumeTo };
}

/**
 * Checks one step against the request as it stands: the action from its status, the date (not
 * before receipt or the last step, not after today), and what the action needs. Throws a
 * RequestStepError naming the field, 409 when the status does not allow the action.
 */
export function planStep(request: { receivedOn: IsoDate; steps: readonly RecordedStep[] }, input: StepInput, today: IsoDate, calendar: WorkingCalendar): StepPlan {
  if (!isOneOf(STEP_ACTIONS, input.action)) throw new RequestStepError('UNKNOWN_ACTION', `action must be one of ${STEP_ACTIONS.join(', ')}`, 'action');
  const action = input.action;
  const { status, resumeTo } = statusAfter(request.steps);
  const rule = STEP_RULES[action];
  if (!rule.from.includes(status)) {
    throw new RequestStepError('STEP_NOT_ALLOWED', `cannot ${action} a request that is ${status} (${REQUEST_STATUS_LABELS[status]})`, 'action', 409, {
      status,
      action,
      allowedFrom: rule.from,
    });
  }
  if (!isIsoDate(input.date)) throw new RequestStepError('DATE_INVALID', 'date must be a calendar date (YYYY-MM-DD)', 'date');
  const date = input.date;
  if (date > today) throw new RequestStepError('DATE_IN_FUTURE', `date must not be after today (${today})`, 'date');
  if (date < request.receivedOn) throw new RequestStepError('DATE_BEFORE_RECEIPT', `date must not be before the request was received on ${request.receivedOn}`, 'date');
  const last = request.steps.at(-1);
  if (last && date < last.date) throw new RequestStepError('DATE_BEFORE_LAST_STEP', `date must not be before the last step on ${last.date}`, 'date');

  const plan: StepPlan = {
    action,
    date,
    from: status,
    to: rule.to === 'same' ? status : rule.to === 'resume' ? (resumeTo ?? 'accepted') : rule.to,
    reason: text(input.reason),
    dueOn: null,
    party: null,
    amount: null,
    decision: null,
    decisionReason: null,
    replyType: null,
    replyText: null,
    method: null,
  };
  const futureDate = (field: string, what: string): IsoDate => {
    if (!isIsoDate(input.dueOn)) throw new RequestStepError('DUE_ON_REQUIRED', `${action} needs ${what} (dueOn, YYYY-MM-DD)`, field);
    if (input.dueOn <= date) throw new RequestStepError('DUE_ON_NOT_LATER', `dueOn must be after the step's date ${date}`, field);
    // A deadline is a reasonable time (art. 30), never one that would keep the request open for years.
    const latest = addDays(date, MAX_DEADLINE_DAYS);
    if (input.dueOn > latest) throw new RequestStepError('DUE_ON_TOO_LATE', `dueOn must be within ${MAX_DEADLINE_DAYS} days of the step, by ${latest}`, field);
    return input.dueOn;
  };

  switch (action) {
    case 'request_correction': {
      if (request.steps.some((step) => step.action === 'request_correction')) {
        throw new RequestStepError('CORRECTION_ALREADY_REQUESTED', 'a correction is asked for once, in one notice listing every gap (art. 30)', 'action', 409);
      }
      const latest = calendar.addWorkingDays(request.receivedOn, CORRECTION_NOTICE_WORKING_DAYS);
      if (date > latest) {
        throw new RequestStepError('CORRECTION_TOO_LATE', `a correction must be asked for within ${CORRECTION_NOTICE_WORKING_DAYS} working days of receipt, by ${latest} (art. 30)`, 'date');
      }
      if (!plan.reason) throw new RequestStepError('REASON_REQUIRED', 'request_correction needs the notice listing every gap (reason)', 'reason');
      plan.dueOn = futureDate('dueOn', "the applicant's deadline");
      break;
    }
    case 'withdraw':
      // Table 三 has no row of its own for a request its applicant withdrew: it is closed as (六) 3 其他.
      plan.decision = 'other';
      plan.decisionReason = 'other';
      break;
    case 'lapse': {
      const notice = [...request.steps].reverse().find((step) => step.action === (status === 'awaiting_fee' ? 'fee_notice' : 'request_correction'));
      if (notice?.dueOn && date <= notice.dueOn) {
        throw new RequestStepError('DEADLINE_NOT_PASSED', `the applicant has until ${notice.dueOn}: a lapse is recorded after it`, 'date');
      }
      plan.decision = 'other';
      plan.decisionReason = status === 'awaiting_fee' ? 'fee_unpaid' : 'no_correction';
      break;
    }
    case 'consult': {
      if (!isOneOf(CONSULTED_PARTIES, input.party)) throw new RequestStepError('PARTY_REQUIRED', `party must be one of ${CONSULTED_PARTIES.join(', ')}`, 'party');
      plan.party = input.party;
      // A third party has 15 working days (art. 32); another agency's time is the agencies' to agree.
      // A third party's reply date is the law's, whatever is sent.
      if (input.party === 'third_party') plan.dueOn = calendar.addWorkingDays(date, THIRD_PARTY_REPLY_WORKING_DAYS);
      else if (input.dueOn === undefined || input.dueOn === null || input.dueOn === '') {
        plan.dueOn = null;
      } else {
        if (!isIsoDate(input.dueOn)) throw new RequestStepError('DUE_ON_INVALID', 'dueOn must be a calendar date (YYYY-MM-DD)', 'dueOn');
        plan.dueOn = futureDate('dueOn', 'a reply date');
      }
      break;
    }
    case 'fee_notice': {
      const amount = typeof input.amount === 'number' ? input.amount : typeof input.amount === 'string' && /^\d+(\.\d{1,2})?$/.test(input.amount) ? Number(input.amount) : NaN;
      if (!(Number.isFinite(amount) && amount > 0 && amount <= MAX_FEE_YUAN && Math.abs(Math.round(amount * 100) - amount * 100) < 1e-6)) {
        throw new RequestStepError('AMOUNT_INVALID', `amount must be a positive sum in yuan, to the fen, at most ${MAX_FEE_YUAN} (e.g. 100 or 100.50)`, 'amount');
      }
      plan.amount = amount;
      plan.dueOn = futureDate('dueOn', 'the payment deadline');
      break;
    }
    case 'extend': {
      if (request.steps.some((step) => step.action === 'extend')) throw new RequestStepError('EXTENSION_USED', 'the answer can be extended once (art. 33)', 'action', 409);
      // Art. 33: the time limit is extended while it runs, not once it has passed.
      const { dueOn } = clockOf(request.receivedOn, request.steps, date, calendar);
      if (dueOn && date > dueOn) {
        throw new RequestStepError('EXTENSION_TOO_LATE', `the time limit ended on ${dueOn}: it can be extended only before it ends (art. 33)`, 'date', 409, { dueOn });
      }
      if (!plan.reason) throw new RequestStepError('REASON_REQUIRED', 'an extension needs its reason, which the applicant is told', 'reason');
      // The applicant is told the new date: one that cannot be counted yet (its year has no holiday
      // notice) raises the calendar's error, and the extension waits for the notice.
      clockOf(request.receivedOn, [...request.steps, { action, date }], date, calendar);
      break;
    }
    case 'decide': {
      if (!isOneOf(Object.keys(DECISIONS) as Decision[], input.decision)) {
        throw new RequestStepError('DECISION_REQUIRED', `decision must be one of ${Object.keys(DECISIONS).join(', ')}`, 'decision');
      }
      const reasons = DECISIONS[input.decision] as readonly string[];
      if (reasons.length > 0 && !isOneOf(reasons, input.decisionReason)) {
        throw new RequestStepError('DECISION_REASON_REQUIRED', `decisionReason must be one of ${reasons.join(', ')} for ${input.decision}`, 'decisionReason');
      }
      if (reasons.length === 0 && input.decisionReason !== undefined && input.decisionReason !== null) {
        throw new RequestStepError('DECISION_REASON_NOT_EXPECTED', `${input.decision} takes no decisionReason`, 'decisionReason');
      }
      if (!isOneOf(REPLY_TYPES, input.replyType)) throw new RequestStepError('REPLY_TYPE_REQUIRED', `replyType must be one of ${REPLY_TYPES.join(', ')}`, 'replyType');
      const fitting = REPLY_TYPES_OF_DECISION[input.decision];
      if (fitting && !fitting.includes(input.replyType)) {
        throw new RequestStepError('REPLY_TYPE_CONTRADICTS_DECISION', `replyType must be one of ${fitting.join(', ')} for ${input.decision}`, 'replyType');
      }
      const replyText = text(input.replyText);
      if (!replyText) throw new RequestStepError('REPLY_TEXT_REQUIRED', 'decide needs the text of the reply (replyText)', 'replyText');
      plan.decision = input.decision;
      plan.decisionReason = reasons.length > 0 ? (input.decisionReason as DecisionReason) : null;
      plan.replyType = input.replyType;
      plan.replyText = replyText;
      break;
    }
    case 'deliver':
      if (!isOneOf(DELIVERY_METHODS, input.method)) throw new RequestStepError('METHOD_REQUIRED', `method must be one of ${DELIVERY_METHODS.join(', ')}`, 'method');
      plan.method = input.method;
      break;
    default:
      break;
  }
  return plan;
}

export type ClockState = 'running' | 'paused' | 'stopped';

export interface RequestClock {
  status: RequestStatus;
  clock: ClockState;
  /** The day the 20 working days count from: receipt, or receipt of the completed request. */
  startedOn: IsoDate | null;
  /** The last day to answer; while paused, as it would be were the pause to end today; null while a correction is awaited. */
  dueOn: IsoDate | null;
  /** Working days from today to the due date (negative once past it); null when stopped. */
  workingDaysLeft: number | null;
  overdue: boolean;
  extended: boolean;
  /** Working days not counted: consultations and fee notices, since the clock last started. */
  pausedWorkingDays: number;
}

/**
 * The statutory clock of a request on `today`, from its receipt and its steps (art. 30, 33,
 * 国办函〔2020〕109号):
 * - it starts on receipt, and starts again from zero when a requested correction arrives;
 * - the answer is due on the 20th working day after the start, 40th once extended;
 * - a consultation or a fee notice pauses it: the working days after the day it was sent, up to
 *   and including the day the reply (or the payment) came, are not counted, but never past the
 *   deadline it set (a third party's 15 working days, art. 32; the payment deadline; an agency's
 *   reply date when one was given): a party that stays silent does not hold the clock;
 * - a pause begun after the time limit has ended gives no time back;
 * - a correction being awaited stops it, and delivery, withdrawal or a lapse end it.
 * A date in a year the calendar has no notice for raises the calendar's error: never counted as
 * plain weekdays.
 */
export function clockOf(receivedOn: IsoDate, steps: readonly RecordedStep[], today: IsoDate, calendar: WorkingCalendar): RequestClock {
  let startedOn: IsoDate | null = receivedOn;
  let paused = 0;
  let pauseFrom: IsoDate | null = null;
  let pauseUntil: IsoDate | null = null;
  let extended = false;
  let closedOn: IsoDate | null = null;
  const budgetNow = () => ANSWER_WORKING_DAYS + (extended ? EXTENSION_WORKING_DAYS : 0);
  const earlier = (date: IsoDate, limit: IsoDate | null): IsoDate => (limit !== null && limit < date ? limit : date);
  for (const step of steps) {
    switch (step.action) {
      case 'request_correction':
        startedOn = null;
        break;
      case 'receive_correction':
        startedOn = step.date;
        paused = 0;
        break;
      case 'consult':
      case 'fee_notice': {
        const dueNow = startedOn === null ? null : calendar.addWorkingDays(startedOn, budgetNow() + paused);
        if (dueNow !== null && step.date > dueNow) break;
        pauseFrom = step.date;
        pauseUntil = step.dueOn ?? null;
        break;
      }
      case 'receive_consultation':
      case 'fee_paid':
        if (pauseFrom) paused += calendar.workingDaysBetween(pauseFrom, earlier(step.date, pauseUntil));
        pauseFrom = null;
        pauseUntil = null;
        break;
      case 'extend':
        extended = true;
        break;
      case 'deliver':
      case 'withdraw':
      case 'lapse':
        closedOn = step.date;
        break;
      default:
        break;
    }
  }
  const { status } = statusAfter(steps);
  const budget = budgetNow();
  if (startedOn === null) return { status, clock: 'stopped', startedOn, dueOn: null, workingDaysLeft: null, overdue: false, extended, pausedWorkingDays: paused };

  const end = closedOn ?? today;
  const pauseEnd = pauseFrom ? earlier(end, pauseUntil) : null;
  const openPause = pauseFrom && pauseEnd && pauseEnd > pauseFrom ? calendar.workingDaysBetween(pauseFrom, pauseEnd) : 0;
  const dueOn = calendar.addWorkingDays(startedOn, budget + paused + openPause);
  if (closedOn) {
    // Answered (or ended) late when that happened after the due date.
    return { status, clock: 'stopped', startedOn, dueOn, workingDaysLeft: null, overdue: closedOn > dueOn, extended, pausedWorkingDays: paused + openPause };
  }
  const workingDaysLeft = today <= dueOn ? calendar.workingDaysBetween(today, dueOn) : -calendar.workingDaysBetween(dueOn, today);
  return {
    status,
    clock: pauseFrom && (pauseUntil === null || today <= pauseUntil) ? 'paused' : 'running',
    startedOn,
    dueOn,
    workingDaysLeft,
    overdue: today > dueOn,
    extended,
    pausedWorkingDays: paused + openPause,
  };
}
