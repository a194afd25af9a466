import { yup } from '../../utils/route-input';

const text = (max: number) =>
  yup
    .mixed<string>()
    .test('text', 'must be text', (value) => value === undefined || value === null || typeof value === 'string')
    .test('length', `must be at most ${max} characters`, (value) => typeof value !== 'string' || value.length <= max);

/** Each field's type and size; what a step needs of them is the domain's rule (planStep). */
const word = () => yup.mixed<string>().test('text', 'must be text', (value) => value === undefined || value === null || typeof value === 'string');
export const STEP = yup.object({
  action: word(),
  date: word(),
  reason: text(2000),
  dueOn: word(),
  party: word(),
  amount: yup.mixed().test('amount', 'must be a sum in yuan (a number or text such as "100.50")', (value) => value === undefined || value === null || typeof value === 'number' || typeof value === 'string'),
  decision: word(),
  decisionReason: word(),
  replyType: word(),
  replyText: text(20000),
  method: word(),
});
export const STEP_FIELDS = Object.keys(STEP.fields);

