import { readFileSync } from 'fs';
import path from 'path';
import { DECISIONS, STEP_ACTIONS, type RecordedStep, type StepAction } from '../../../src/domain/disclosure-request';
import { availableSteps, STEP_ERROR_MESSAGES } from '../../../src/domain/request-step-forms';
import { planStep, RequestStepError } from '../../../src/domain/disclosure-request';
import { createWorkingCalendar } from '../../../src/domain/working-days';

const calendar = createWorkingCalendar();

const step = (action: StepAction, date = '2026-11-02', dueOn: string | null = null): RecordedStep => ({ action, date, dueOn });
const offered = (steps: RecordedStep[]) => availableSteps(steps).map((form) => form.action);

const STATES: [string, RecordedStep[], StepAction[]][] = [
  ['just received', [], ['accept', 'request_correction', 'extend', 'withdraw']],
  ['accepted', [step('accept')], ['request_correction', 'consult', 'fee_notice', 'extend', 'propose', 'withdraw']],
  ['awaiting a correction', [step('request_correction', '2026-11-02', '2026-11-16')], ['receive_correction', 'lapse', 'withdraw']],
  ['corrected: a correction is asked for once', [step('request_correction', '2026-11-02', '2026-11-16'), step('receive_correction', '2026-11-05')], ['consult', 'fee_notice', 'extend', 'propose', 'withdraw']],
  ['consulting', [step('accept'), step('consult', '2026-11-03', '2026-11-24')], ['receive_consultation', 'extend', 'withdraw']],
  ['awaiting the fee', [step('accept'), step('fee_notice', '2026-11-03', '2026-11-20')], ['lapse', 'fee_paid', 'extend', 'withdraw']],
  ['extended: an extension is granted once', [step('accept'), step('extend')], ['request_correction', 'consult', 'fee_notice', 'propose', 'withdraw']],
  ['decided', [step('accept'), step('propose'), step('decide')], ['extend', 'approve', 'withdraw']],
  ['approved', [step('accept'), step('propose'), step('decide'), step('approve')], ['extend', 'deliver', 'withdraw']],
  ['delivered', [step('accept'), step('propose'), step('decide'), step('approve'), step('deliver')], []],
  ['withdrawn', [step('withdraw')], []],
];

describe('the steps a request offers next', () => {
  it.each(STATES)('%s', (_name, steps, expected) => {
    expect(offered(steps)).toEqual(expected);
  });

  it('gives every step a date and labels every field and choice in Chinese', () => {
    const forms = [...STATES.map(([, steps]) => steps), [step('accept'), step('propose')]].flatMap((steps) => availableSteps(steps));
    expect([...new Set(forms.map((form) => form.action))].sort()).toEqual([...STEP_ACTIONS].sort());
    for (const form of forms) {
      expect(form.fields[0]).toEqual({ name: 'date', label: '日期', kind: 'date', required: true });
      for (const field of form.fields) {
        expect(field.label).toMatch(/[\u4e00-\u9fff]/);
        for (const choice of field.choices ?? []) expect(choice.label).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  it('offers every decision reason under the decision it belongs to', () => {
    const decide = availableSteps([step('accept'), step('propose')]).find((form) => form.action === 'decide');
    const reasons = decide?.fields.find((field) => field.name === 'decisionReason')?.choices ?? [];
    for (const [decision, list] of Object.entries(DECISIONS)) {
      expect(reasons.filter((choice) => choice.of === decision).map((choice) => choice.value)).toEqual([...list]);
    }
  });

  it('has a Chinese message for every refusal code of the step rules', () => {
    const source = readFileSync(path.join(__dirname, '../../../src/domain/disclosure-request.ts'), 'utf8');
    const codes = [...source.matchAll(/new RequestStepError\('([A-Z_]+)'/g)].map((match) => match[1]);
    expect(codes.length).toBeGreaterThan(10);
    for (const code of new Set(codes)) expect(STEP_ERROR_MESSAGES[code]).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('the steps whose time is past or not yet come are not offered', () => {
  // Received Monday 2 November 2026: correction by 11 November, answer due 30 November.
  const receivedOn = '2026-11-02';
  const on = (today: string) => ({ receivedOn, today, calendar });
  it.each<[string, RecordedStep[], string, StepAction, boolean]>([
    ['补正 on the 7th working day', [], '2026-11-11', 'request_correction', true],
    ['补正 on the 8th', [], '2026-11-12', 'request_correction', false],
    ['逾期终止 on the applicant\'s last day', [step('request_correction', '2026-11-03', '2026-11-17')], '2026-11-17', 'lapse', false],
    ['逾期终止 the day after', [step('request_correction', '2026-11-03', '2026-11-17')], '2026-11-18', 'lapse', true],
    ['延期 on the last day of the time limit', [step('accept', '2026-11-03')], '2026-11-30', 'extend', true],
    ['延期 the day after', [step('accept', '2026-11-03')], '2026-12-01', 'extend', false],
  ])('%s: offered %s', (_name, steps, today, action, offered) => {
    expect(availableSteps(steps, on(today)).some((form) => form.action === action)).toBe(offered);
  });

  it('refuses an extension once the time limit has passed, naming the day it ended', () => {
    const late = () => planStep({ receivedOn, steps: [step('accept', '2026-11-03')] }, { action: 'extend', date: '2026-12-01', reason: '补办延期' }, '2026-12-01', calendar);
    expect(late).toThrow(RequestStepError);
    expect(late).toThrow('the time limit ended on 2026-11-30: it can be extended only before it ends (art. 33)');
    expect(planStep({ receivedOn, steps: [step('accept', '2026-11-03')] }, { action: 'extend', date: '2026-11-30', reason: '情况复杂' }, '2026-11-30', calendar).action).toBe('extend');
  });
});
