import { readFileSync } from 'fs';
import path from 'path';
import { DECISIONS, STEP_ACTIONS, type RecordedStep, type StepAction } from '../../../src/domain/disclosure-request';
import { availableSteps, STEP_ERROR_MESSAGES } from '../../../src/domain/request-step-forms';

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
