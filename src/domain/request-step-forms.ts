/**
 * What the handling desk offers on a request: the steps its status allows (with the rules that
 * allow a step once), and for each the fields it takes, labelled in Chinese, with their choices.
 * The admin's forms are built from this, so the server decides what is shown. Pure: no Strapi.
 */
import {
  CONSULTED_PARTIES,
  DECISIONS,
  DECISION_LABELS,
  DECISION_REASON_LABELS,
  DELIVERY_METHODS,
  REPLY_TYPES,
  REPLY_TYPE_LABELS,
  STEP_ACTIONS,
  STEP_ACTION_LABELS,
  STEP_RULES,
  CORRECTION_NOTICE_WORKING_DAYS,
  clockOf,
  statusAfter,
  type RecordedStep,
  type StepAction,
} from './disclosure-request';
import type { IsoDate } from './dates';
import { CalendarError, type WorkingCalendar } from './working-days';

export interface Choice {
  value: string;
  label: string;
  /** For a decision reason: the decision it belongs to. */
  of?: string;
}

export interface FormField {
  name: 'date' | 'reason' | 'dueOn' | 'party' | 'amount' | 'decision' | 'decisionReason' | 'replyType' | 'replyText' | 'method';
  label: string;
  kind: 'date' | 'text' | 'longtext' | 'choice' | 'amount';
  required: boolean;
  choices?: Choice[];
  hint?: string;
}

export interface StepForm {
  action: StepAction;
  label: string;
  fields: FormField[];
}

const PARTY_LABELS: Record<(typeof CONSULTED_PARTIES)[number], string> = { third_party: '第三方（15个工作日内答复）', agency: '其他行政机关' };
const METHOD_LABELS: Record<(typeof DELIVERY_METHODS)[number], string> = {
  in_person: '当面送达',
  post: '邮寄送达',
  email: '电子邮件',
  online: '网上送达',
  fax: '传真',
  other: '其他方式',
};

const choices = <T extends string>(values: readonly T[], labels: Record<T, string>): Choice[] => values.map((value) => ({ value, label: labels[value] }));

const DATE: FormField = { name: 'date', label: '日期', kind: 'date', required: true };

/** The fields of each step beside its date, as `planStep` requires them. */
const FIELDS: Record<StepAction, FormField[]> = {
  accept: [],
  request_correction: [
    { name: 'reason', label: '补正告知内容', kind: 'longtext', required: true, hint: '一次性告知需要补正的全部事项（条例第三十条）' },
    { name: 'dueOn', label: '补正期限', kind: 'date', required: true },
  ],
  receive_correction: [],
  lapse: [],
  consult: [
    { name: 'party', label: '征求意见对象', kind: 'choice', required: true, choices: choices(CONSULTED_PARTIES, PARTY_LABELS) },
    { name: 'dueOn', label: '答复期限', kind: 'date', required: false, hint: '征求其他机关意见时填写；征求第三方意见的答复期限为15个工作日，自动计算，此处填写的日期不采用（条例第三十二条）' },
  ],
  receive_consultation: [],
  fee_notice: [
    { name: 'amount', label: '收费金额（元）', kind: 'amount', required: true },
    { name: 'dueOn', label: '缴费期限', kind: 'date', required: true },
  ],
  fee_paid: [],
  extend: [{ name: 'reason', label: '延期理由', kind: 'longtext', required: true, hint: '延长答复期限的理由将告知申请人（条例第三十三条）' }],
  propose: [{ name: 'reason', label: '办理意见', kind: 'longtext', required: false }],
  decide: [
    { name: 'decision', label: '办理结果', kind: 'choice', required: true, choices: choices(Object.keys(DECISIONS) as (keyof typeof DECISIONS)[], DECISION_LABELS) },
    {
      name: 'decisionReason',
      label: '办理结果细项',
      kind: 'choice',
      required: false,
      hint: '不予公开、无法提供、不予处理、其他处理须选择细项',
      choices: Object.entries(DECISIONS).flatMap(([decision, reasons]) => (reasons as readonly (keyof typeof DECISION_REASON_LABELS)[]).map((value) => ({ value, label: DECISION_REASON_LABELS[value], of: decision }))),
    },
    { name: 'replyType', label: '答复类型（条例第三十六条）', kind: 'choice', required: true, choices: choices(REPLY_TYPES, REPLY_TYPE_LABELS) },
    { name: 'replyText', label: '答复内容', kind: 'longtext', required: true },
  ],
  approve: [],
  deliver: [{ name: 'method', label: '送达方式', kind: 'choice', required: true, choices: choices(DELIVERY_METHODS, METHOD_LABELS) }],
  withdraw: [{ name: 'reason', label: '撤回说明', kind: 'longtext', required: false }],
};

/**
 * The steps a request in its state may take next, each with its form. Steps allowed once
 * (告知补正, 延期) are not offered again; given the receipt, today and the calendar, neither are
 * steps whose time is past or not yet come today (补正 after 7 working days, 延期 after the time
 * limit, 逾期终止 before the applicant's deadline).
 */
export function availableSteps(steps: readonly RecordedStep[], on?: { receivedOn: IsoDate; today: IsoDate; calendar: WorkingCalendar }): StepForm[] {
  const { status } = statusAfter(steps);
  const taken = new Set(steps.map((step) => step.action));
  /** Steps whose time has not come or has passed (asked for today, the form's date). */
  const timely = (action: StepAction): boolean => {
    if (!on) return true;
    if (action === 'request_correction') return on.today <= on.calendar.addWorkingDays(on.receivedOn, CORRECTION_NOTICE_WORKING_DAYS);
    if (action === 'lapse') {
      const notice = [...steps].reverse().find((step) => step.action === (status === 'awaiting_fee' ? 'fee_notice' : 'request_correction'));
      return !notice?.dueOn || on.today > notice.dueOn;
    }
    if (action === 'extend') {
      try {
        const { dueOn } = clockOf(on.receivedOn, steps, on.today, on.calendar);
        return !dueOn || on.today <= dueOn;
      } catch (error) {
        // A deadline that cannot be counted yet (a year without its notice): the step says why.
        if (error instanceof CalendarError) return true;
        throw error;
      }
    }
    return true;
  };
  return STEP_ACTIONS.filter((action) => STEP_RULES[action].from.includes(status))
    .filter((action) => !((action === 'extend' || action === 'request_correction') && taken.has(action)))
    .filter(timely)
    .map((action) => ({ action, label: STEP_ACTION_LABELS[action], fields: [DATE, ...FIELDS[action]] }));
}

/** What a refused step is told in the admin, by the rule's code. */
export const STEP_ERROR_MESSAGES: Record<string, string> = {
  UNKNOWN_ACTION: '没有这个办理环节',
  STEP_NOT_ALLOWED: '申请当前的办理状态不允许这个环节',
  DATE_INVALID: '日期格式不正确',
  DATE_IN_FUTURE: '日期不能晚于今天',
  DATE_BEFORE_RECEIPT: '日期不能早于收到申请的日期',
  DATE_BEFORE_LAST_STEP: '日期不能早于上一个办理环节',
  DUE_ON_REQUIRED: '请填写期限',
  DUE_ON_NOT_LATER: '期限须晚于本环节的日期',
  DUE_ON_TOO_LATE: '期限不能超过本环节日期后180天',
  CORRECTION_ALREADY_REQUESTED: '补正只能告知一次，须一次性告知全部需要补正的事项',
  CORRECTION_TOO_LATE: '须在收到申请之日起7个工作日内告知补正',
  REASON_REQUIRED: '请填写说明',
  DEADLINE_NOT_PASSED: '申请人的期限尚未届满，届满后才能逾期终止',
  PARTY_REQUIRED: '请选择征求意见对象',
  AMOUNT_INVALID: '收费金额须为正数，精确到分，不超过100万元',
  EXTENSION_USED: '答复期限只能延长一次',
  EXTENSION_TOO_LATE: '答复期限已届满，只能在期限内延长',
  DECISION_REQUIRED: '请选择办理结果',
  DECISION_REASON_REQUIRED: '请选择办理结果细项',
  DECISION_REASON_NOT_EXPECTED: '该办理结果没有细项',
  REPLY_TYPE_REQUIRED: '请选择答复类型',
  DUE_ON_INVALID: '请填写有效的日期（年-月-日）',
  REPLY_TYPE_CONTRADICTS_DECISION: '答复类型与办理结果不符：予以公开的答复为“已主动公开”或“可以公开”，不予公开的答复为“依法不予公开”',
  REPLY_TEXT_REQUIRED: '请填写答复内容',
  METHOD_REQUIRED: '请选择送达方式',
};
