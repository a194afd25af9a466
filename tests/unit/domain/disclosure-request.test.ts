import {
  clockOf,
  planStep,
  REQUEST_STATUSES,
  RequestStepError,
  STEP_ACTIONS,
  STEP_RULES,
  statusAfter,
  type RecordedStep,
  type StepAction,
  type StepInput,
} from '../../../src/domain/disclosure-request';
import { CalendarError, createWorkingCalendar } from '../../../src/domain/working-days';

const calendar = createWorkingCalendar();
const step = (action: StepAction, date: string, extra: Partial<RecordedStep> = {}): RecordedStep => ({ action, date, ...extra });

function refusal(attempt: () => unknown): RequestStepError {
  try {
    attempt();
  } catch (error) {
    if (error instanceof RequestStepError) return error;
    throw error;
  }
  throw new Error('expected a RequestStepError');
}

describe('the due date on real calendars', () => {
  it.each([
    // 2025 National Day and Mid-Autumn: 10-01 to 10-08 off, Sunday 09-28 and Saturday 10-11 worked (国办发明电〔2024〕12号).
    ['received the Friday before National Day', '2025-09-26', '2025-10-30'],
    ['received on a holiday', '2025-10-03', '2025-11-04'],
    ['received on the worked Saturday after it', '2025-10-11', '2025-11-07'],
    // 2026 Spring Festival: 02-15 to 02-23 off, Saturdays 02-14 and 02-28 worked (国办发明电〔2025〕7号).
    ['received before the Spring Festival', '2026-02-10', '2026-03-16'],
    ['received on the Spring Festival', '2026-02-17', '2026-03-20'],
  ])('%s (%s): due %s', (_case, receivedOn, dueOn) => {
    expect(clockOf(receivedOn, [], receivedOn, calendar)).toMatchObject({ status: 'received', clock: 'running', startedOn: receivedOn, dueOn, overdue: false, workingDaysLeft: 20 });
  });

  it('counts the days left from today, and past the due date as negative and overdue', () => {
    expect(clockOf('2025-09-26', [], '2025-10-29', calendar)).toMatchObject({ dueOn: '2025-10-30', workingDaysLeft: 1, overdue: false });
    expect(clockOf('2025-09-26', [], '2025-10-30', calendar)).toMatchObject({ workingDaysLeft: 0, overdue: false });
    expect(clockOf('2025-09-26', [], '2025-10-31', calendar)).toMatchObject({ workingDaysLeft: -1, overdue: true });
    expect(clockOf('2025-09-26', [], '2025-11-03', calendar)).toMatchObject({ workingDaysLeft: -2, overdue: true });
  });

  it('restarts from zero on the day a requested correction arrives, and stops while it is awaited', () => {
    const asked = [step('request_correction', '2026-02-12', { dueOn: '2026-03-06' })];
    expect(clockOf('2026-02-10', asked, '2026-02-26', calendar)).toMatchObject({ status: 'awaiting_correction', clock: 'stopped', dueOn: null, workingDaysLeft: null, overdue: false });
    const corrected = [...asked, step('receive_correction', '2026-03-02')];
    // 20 working days after Monday 2026-03-02.
    expect(clockOf('2026-02-10', corrected, '2026-03-02', calendar)).toMatchObject({ status: 'accepted', clock: 'running', startedOn: '2026-03-02', dueOn: '2026-03-30' });
  });

  it('does not count a consultation across a holiday', () => {
    // Consulted Monday 2025-09-29, the reply came Friday 2025-10-10: 09-30, 10-09 and 10-10 are not counted.
    const steps = [step('accept', '2025-09-26'), step('consult', '2025-09-29'), step('receive_consultation', '2025-10-10')];
    const clock = clockOf('2025-09-26', steps, '2025-10-10', calendar);
    expect(clock).toMatchObject({ clock: 'running', pausedWorkingDays: 3, status: 'accepted' });
    expect(clock.dueOn).toBe(calendar.addWorkingDays('2025-10-30', 3));
    expect(clock.dueOn).toBe('2025-11-04');
  });

  it('while paused, holds the days left and moves the due date with each day of the pause', () => {
    const steps = [step('accept', '2026-02-10'), step('consult', '2026-02-12')];
    const early = clockOf('2026-02-10', steps, '2026-02-13', calendar);
    const later = clockOf('2026-02-10', steps, '2026-02-27', calendar);
    expect(early).toMatchObject({ clock: 'paused', status: 'consulting', overdue: false });
    expect(later.workingDaysLeft).toBe(early.workingDaysLeft);
    expect(later.dueOn! > early.dueOn!).toBe(true);
  });

  it('holds the clock for a silent third party only its 15 working days, and for an unpaid fee only until its deadline', () => {
    const thirdParty = [step('accept', '2025-09-26'), step('consult', '2025-09-29', { dueOn: calendar.addWorkingDays('2025-09-29', 15) })];
    expect(clockOf('2025-09-26', thirdParty, '2025-12-01', calendar)).toMatchObject({
      status: 'consulting',
      clock: 'running',
      pausedWorkingDays: 15,
      dueOn: calendar.addWorkingDays('2025-10-30', 15),
      overdue: true,
    });
    const lateReply = [...thirdParty, step('receive_consultation', '2025-12-01')];
    expect(clockOf('2025-09-26', lateReply, '2025-12-01', calendar)).toMatchObject({ status: 'accepted', pausedWorkingDays: 15, dueOn: calendar.addWorkingDays('2025-10-30', 15) });
    const unpaid = [step('accept', '2025-09-26'), step('fee_notice', '2025-10-13', { dueOn: '2025-10-27' })];
    expect(clockOf('2025-09-26', unpaid, '2025-12-01', calendar)).toMatchObject({ status: 'awaiting_fee', clock: 'running', pausedWorkingDays: 10, overdue: true });
    expect(clockOf('2025-09-26', unpaid, '2025-10-20', calendar)).toMatchObject({ clock: 'paused', overdue: false });
  });

  it('gives no time back for a consultation begun after the time limit ended', () => {
    const late = [step('accept', '2025-09-26'), step('consult', '2025-11-10'), step('receive_consultation', '2025-12-01')];
    expect(clockOf('2025-09-26', late, '2025-12-01', calendar)).toMatchObject({ dueOn: '2025-10-30', pausedWorkingDays: 0, overdue: true });
    const open = [step('accept', '2025-09-26'), step('consult', '2025-10-31')];
    expect(clockOf('2025-09-26', open, '2025-12-01', calendar)).toMatchObject({ dueOn: '2025-10-30', clock: 'running', overdue: true });
  });

  it('adds 20 working days once extended, and a fee notice pauses like a consultation', () => {
    const extended = [step('accept', '2025-09-26'), step('extend', '2025-10-20')];
    expect(clockOf('2025-09-26', extended, '2025-10-20', calendar)).toMatchObject({ extended: true, dueOn: calendar.addWorkingDays('2025-10-30', 20) });
    const fee = [step('accept', '2025-09-26'), step('fee_notice', '2025-10-13', { dueOn: '2025-10-27' }), step('fee_paid', '2025-10-15')];
    expect(clockOf('2025-09-26', fee, '2025-10-15', calendar)).toMatchObject({ status: 'accepted', pausedWorkingDays: 2, dueOn: calendar.addWorkingDays('2025-10-30', 2) });
  });

  it('stops at delivery, and says whether the answer was late', () => {
    const onTime = [step('accept', '2025-09-26'), step('propose', '2025-10-20'), step('decide', '2025-10-21'), step('approve', '2025-10-22'), step('deliver', '2025-10-30')];
    expect(clockOf('2025-09-26', onTime, '2025-12-01', calendar)).toMatchObject({ status: 'delivered', clock: 'stopped', dueOn: '2025-10-30', overdue: false, workingDaysLeft: null });
    const late = [...onTime.slice(0, 4), step('deliver', '2025-10-31')];
    expect(clockOf('2025-09-26', late, '2025-12-01', calendar)).toMatchObject({ overdue: true });
  });

  it('refuses to count in a year without the State Council notice, never as plain weekdays', () => {
    const lastYear = Math.max(...calendar.years());
    expect(() => clockOf(`${lastYear}-12-20`, [], `${lastYear}-12-20`, calendar)).toThrow(CalendarError);
    expect(() => clockOf(`${lastYear}-12-20`, [], `${lastYear}-12-20`, calendar)).toThrow(`No holiday calendar for ${lastYear + 1}`);
  });

  it('takes no extension whose new date falls in such a year: the applicant is told that date', () => {
    const lastYear = Math.max(...calendar.years());
    const request = { receivedOn: `${lastYear}-11-20`, steps: [step('accept', `${lastYear}-11-20`)] };
    expect(clockOf(request.receivedOn, request.steps, `${lastYear}-12-01`, calendar).dueOn?.startsWith(String(lastYear))).toBe(true);
    expect(() => planStep(request, { action: 'extend', date: `${lastYear}-12-01`, reason: '需要调取档案' }, `${lastYear}-12-01`, calendar)).toThrow(CalendarError);
  });
});

describe('which step may follow which', () => {
  /** The shortest history that puts a request in each status. */
  const historyFor: Record<(typeof REQUEST_STATUSES)[number], RecordedStep[]> = {
    received: [],
    accepted: [step('accept', '2025-09-26')],
    awaiting_correction: [step('request_correction', '2025-09-26', { dueOn: '2025-10-20' })],
    consulting: [step('accept', '2025-09-26'), step('consult', '2025-09-26')],
    awaiting_fee: [step('accept', '2025-09-26'), step('fee_notice', '2025-09-26', { dueOn: '2025-10-20' })],
    proposed: [step('accept', '2025-09-26'), step('propose', '2025-09-26')],
    decided: [step('accept', '2025-09-26'), step('propose', '2025-09-26'), step('decide', '2025-09-26')],
    approved: [step('accept', '2025-09-26'), step('propose', '2025-09-26'), step('decide', '2025-09-26'), step('approve', '2025-09-26')],
    delivered: [step('accept', '2025-09-26'), step('propose', '2025-09-26'), step('decide', '2025-09-26'), step('approve', '2025-09-26'), step('deliver', '2025-09-26')],
    withdrawn: [step('withdraw', '2025-09-26')],
    lapsed: [step('request_correction', '2025-09-26', { dueOn: '2025-10-20' }), step('lapse', '2025-10-21')],
  };

  /** What each action needs beyond its action and date, so that only the status can refuse it. */
  const complete: Record<StepAction, Partial<StepInput>> = {
    accept: {},
    request_correction: { reason: '请补充所需信息的名称和文号', dueOn: '2025-11-28' },
    receive_correction: {},
    lapse: {},
    consult: { party: 'third_party' },
    receive_consultation: {},
    fee_notice: { amount: 100, dueOn: '2025-11-28' },
    fee_paid: {},
    extend: { reason: '需要调取档案' },
    propose: {},
    decide: { decision: 'disclosed', replyType: 'can_disclose', replyText: '予以公开，见附件。' },
    approve: {},
    deliver: { method: 'post' },
    withdraw: {},
  };

  it('puts each history in the status it is named for', () => {
    for (const [status, history] of Object.entries(historyFor)) expect(statusAfter(history).status).toBe(status);
  });

  const cases = REQUEST_STATUSES.flatMap((status) => STEP_ACTIONS.map((action) => [status, action] as const));
  it.each(cases)('from %s, %s is allowed exactly when the rules list it (else 409)', (status, action) => {
    const request = { receivedOn: '2025-09-26', steps: historyFor[status] };
    const attempt = () => planStep(request, { action, date: '2025-10-24', ...complete[action] }, '2025-10-24', calendar);
    const allowed = STEP_RULES[action].from.includes(status);
    if (allowed) {
      let error: unknown = null;
      try {
        attempt();
      } catch (caught) {
        error = caught;
      }
      // Allowed by status; only the correction's own 7-day limit may still refuse it here.
      if (error) expect(error).toMatchObject({ code: 'CORRECTION_TOO_LATE', status: 400 });
    } else {
      expect(refusal(attempt)).toMatchObject({ code: 'STEP_NOT_ALLOWED', status: 409, field: 'action' });
    }
  });

  it('goes back to where a pause began', () => {
    const proposedThenConsulted = [step('accept', '2025-09-26'), step('propose', '2025-09-29'), step('consult', '2025-09-29')];
    const plan = planStep({ receivedOn: '2025-09-26', steps: proposedThenConsulted }, { action: 'receive_consultation', date: '2025-10-09' }, '2025-10-09', calendar);
    expect(plan).toMatchObject({ from: 'consulting', to: 'proposed' });
  });
});

describe('what each step needs', () => {
  const received = { receivedOn: '2025-09-26', steps: [] as RecordedStep[] };
  const accepted = { receivedOn: '2025-09-26', steps: [step('accept', '2025-09-26')] };
  const proposed = { receivedOn: '2025-09-26', steps: [step('accept', '2025-09-26'), step('propose', '2025-09-29')] };
  const today = '2025-10-24';

  it.each<[string, { receivedOn: string; steps: RecordedStep[] }, StepInput, string, string]>([
    ['an unknown action', received, { action: 'reject', date: '2025-09-29' }, 'UNKNOWN_ACTION', 'action'],
    ['a malformed date', received, { action: 'accept', date: '2025/09/29' }, 'DATE_INVALID', 'date'],
    ['a date after today', received, { action: 'accept', date: '2025-10-25' }, 'DATE_IN_FUTURE', 'date'],
    ['a date before receipt', received, { action: 'accept', date: '2025-09-25' }, 'DATE_BEFORE_RECEIPT', 'date'],
    ['a date before the last step', proposed, { action: 'decide', date: '2025-09-28', decision: 'disclosed', replyType: 'can_disclose', replyText: 'x' }, 'DATE_BEFORE_LAST_STEP', 'date'],
    // Seven working days after Friday 2025-09-26 is Monday 2025-10-13: Sunday 09-28 and Saturday 10-11
    // are worked, the holiday between is not counted.
    ['a correction on the 8th working day', received, { action: 'request_correction', date: '2025-10-14', reason: '缺文号', dueOn: '2025-10-31' }, 'CORRECTION_TOO_LATE', 'date'],
    ['a correction without its notice', received, { action: 'request_correction', date: '2025-09-29', dueOn: '2025-10-31' }, 'REASON_REQUIRED', 'reason'],
    ['a correction without the applicant\'s deadline', received, { action: 'request_correction', date: '2025-09-29', reason: '缺文号' }, 'DUE_ON_REQUIRED', 'dueOn'],
    ['a consultation without its party', accepted, { action: 'consult', date: '2025-09-29' }, 'PARTY_REQUIRED', 'party'],
    ['a fee of nothing', accepted, { action: 'fee_notice', date: '2025-09-29', amount: 0, dueOn: '2025-10-31' }, 'AMOUNT_INVALID', 'amount'],
    ['a fee beyond any schedule', accepted, { action: 'fee_notice', date: '2025-09-29', amount: 1e300, dueOn: '2025-10-31' }, 'AMOUNT_INVALID', 'amount'],
    ['a deadline years away', received, { action: 'request_correction', date: '2025-09-29', reason: '缺文号', dueOn: '9999-12-31' }, 'DUE_ON_TOO_LATE', 'dueOn'],
    ['an agency\'s reply date that is not a date', accepted, { action: 'consult', date: '2025-09-29', party: 'agency', dueOn: 'garbage' }, 'DUE_ON_INVALID', 'dueOn'],
    ['a fee in fractions of a fen', accepted, { action: 'fee_notice', date: '2025-09-29', amount: 100.001, dueOn: '2025-10-31' }, 'AMOUNT_INVALID', 'amount'],
    ['an extension without its reason', accepted, { action: 'extend', date: '2025-09-29' }, 'REASON_REQUIRED', 'reason'],
    ['a decision not in table 三', proposed, { action: 'decide', date: '2025-09-29', decision: 'rejected', replyType: 'withheld', replyText: 'x' }, 'DECISION_REQUIRED', 'decision'],
    ['withheld without its reason', proposed, { action: 'decide', date: '2025-09-29', decision: 'withheld', replyType: 'withheld', replyText: 'x' }, 'DECISION_REASON_REQUIRED', 'decisionReason'],
    ['withheld with another decision\'s reason', proposed, { action: 'decide', date: '2025-09-29', decision: 'withheld', decisionReason: 'repeat', replyType: 'withheld', replyText: 'x' }, 'DECISION_REASON_REQUIRED', 'decisionReason'],
    ['disclosed with a reason', proposed, { action: 'decide', date: '2025-09-29', decision: 'disclosed', decisionReason: 'state_secret', replyType: 'can_disclose', replyText: 'x' }, 'DECISION_REASON_NOT_EXPECTED', 'decisionReason'],
    ['a decision without its art. 36 reply type', proposed, { action: 'decide', date: '2025-09-29', decision: 'disclosed', replyText: 'x' }, 'REPLY_TYPE_REQUIRED', 'replyType'],
    ['a decision without its text', proposed, { action: 'decide', date: '2025-09-29', decision: 'disclosed', replyType: 'can_disclose', replyText: '  ' }, 'REPLY_TEXT_REQUIRED', 'replyText'],
  ])('refuses %s', (_case, request, input, code, field) => {
    expect(refusal(() => planStep(request, input, today, calendar))).toMatchObject({ code, field, status: 400 });
  });

  it('takes a correction on the 7th working day, across the holiday', () => {
    expect(planStep(received, { action: 'request_correction', date: '2025-10-13', reason: '缺文号', dueOn: '2025-10-31' }, today, calendar)).toMatchObject({ to: 'awaiting_correction', dueOn: '2025-10-31' });
  });

  it('asks for a correction once, and extends once', () => {
    const corrected = { receivedOn: '2025-09-26', steps: [step('request_correction', '2025-09-29', { dueOn: '2025-10-20' }), step('receive_correction', '2025-10-09')] };
    expect(refusal(() => planStep(corrected, { action: 'request_correction', date: '2025-10-09', reason: 'x', dueOn: '2025-10-31' }, today, calendar))).toMatchObject({ code: 'CORRECTION_ALREADY_REQUESTED', status: 409 });
    const extended = { receivedOn: '2025-09-26', steps: [step('accept', '2025-09-26'), step('extend', '2025-10-20')] };
    expect(refusal(() => planStep(extended, { action: 'extend', date: '2025-10-21', reason: 'x' }, today, calendar))).toMatchObject({ code: 'EXTENSION_USED', status: 409 });
  });

  it('gives a third party 15 working days to reply', () => {
    expect(planStep(accepted, { action: 'consult', date: '2025-09-29', party: 'third_party' }, today, calendar)).toMatchObject({ party: 'third_party', dueOn: calendar.addWorkingDays('2025-09-29', 15) });
  });

  it('lapses only after the applicant\'s deadline, booked as table 三 (六) 1 or 2', () => {
    const awaiting = { receivedOn: '2025-09-26', steps: [step('request_correction', '2025-09-29', { dueOn: '2025-10-20' })] };
    expect(refusal(() => planStep(awaiting, { action: 'lapse', date: '2025-10-20' }, today, calendar))).toMatchObject({ code: 'DEADLINE_NOT_PASSED', field: 'date' });
    expect(planStep(awaiting, { action: 'lapse', date: '2025-10-21' }, today, calendar)).toMatchObject({ to: 'lapsed', decision: 'other', decisionReason: 'no_correction' });
    const unpaid = { receivedOn: '2025-09-26', steps: [step('accept', '2025-09-26'), step('fee_notice', '2025-09-29', { dueOn: '2025-10-20' })] };
    expect(planStep(unpaid, { action: 'lapse', date: '2025-10-21' }, today, calendar)).toMatchObject({ decision: 'other', decisionReason: 'fee_unpaid' });
  });

  it.each([
    ['withheld', 'state_secret', 'can_disclose', 'withheld'],
    ['disclosed', undefined, 'withheld', 'already_public, can_disclose'],
    ['partially_disclosed', undefined, 'not_found', 'can_disclose, withheld'],
  ])('refuses a %s decision written as the reply %s… (%s), naming replyType', (decision, decisionReason, replyType, fitting) => {
    const error = refusal(() => planStep(proposed, { action: 'decide', date: '2025-10-09', decision, decisionReason, replyType, replyText: '答复' }, today, calendar));
    expect(error).toMatchObject({ code: 'REPLY_TYPE_CONTRADICTS_DECISION', field: 'replyType' });
    expect(error.message).toBe(`replyType must be one of ${fitting} for ${decision}`);
  });

  it('closes a withdrawn request as table 三 (六) 3 其他, so every request received is in one row', () => {
    expect(planStep(accepted, { action: 'withdraw', date: '2025-09-29', reason: '申请人书面撤回' }, today, calendar)).toMatchObject({ to: 'withdrawn', decision: 'other', decisionReason: 'other' });
  });

  it('records a decision with its table 三 row and art. 36 reply', () => {
    expect(planStep(proposed, { action: 'decide', date: '2025-10-09', decision: 'withheld', decisionReason: 'third_party_rights', replyType: 'withheld', replyText: '涉及第三方商业秘密。' }, today, calendar)).toMatchObject({
      from: 'proposed',
      to: 'decided',
      decision: 'withheld',
      decisionReason: 'third_party_rights',
      replyType: 'withheld',
      replyText: '涉及第三方商业秘密。',
    });
  });
});
