import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { fieldError } from '../../utils/errors';
import { organizationParam, takeParam } from '../../utils/query-params';
import { readRouteInput, yup } from '../../utils/route-input';

/** How the checks below say what is wrong: in English for the API, in Chinese for the admin's desk. */
interface Words {
  required: string;
  text: string;
  atMost: (max: number) => string;
  amount: string;
}

const ENGLISH: Words = {
  required: 'is required',
  text: 'must be text',
  atMost: (max) => `must be at most ${max} characters`,
  amount: 'must be a sum in yuan (a number or text such as "100.50")',
};

const CHINESE: Words = {
  required: '必须填写',
  text: '应为文字',
  atMost: (max) => `不能超过${max}个字`,
  amount: '应为以元为单位的金额（如 100.50）',
};

/** Text of at most `max` characters; `required`: present and not blank. For the form and the steps alike. */
export const text = (max: number, required = false, words: Words = ENGLISH) =>
  yup
    .mixed<string>()
    .test('text', words.text, (value) => value === undefined || value === null || typeof value === 'string')
    .test('required', words.required, (value) => !required || (typeof value === 'string' && value.trim() !== ''))
    .test('length', words.atMost(max), (value) => typeof value !== 'string' || value.length <= max);

/** Each field's type and size; what a step needs of them is the domain's rule (planStep). */
function stepSchema(words: Words) {
  const word = () => yup.mixed<string>().test('text', words.text, (value) => value === undefined || value === null || typeof value === 'string');
  return yup.object({
    action: word(),
    date: word(),
    reason: text(2000, false, words),
    dueOn: word(),
    party: word(),
    amount: yup.mixed().test('amount', words.amount, (value) => value === undefined || value === null || typeof value === 'number' || typeof value === 'string'),
    decision: word(),
    decisionReason: word(),
    replyType: word(),
    replyText: text(20000, false, words),
    method: word(),
  });
}

export const STEP = stepSchema(ENGLISH);
/** The same checks, said in Chinese: the admin's desk. */
export const DESK_STEP = stepSchema(CHINESE);
export const STEP_FIELDS = Object.keys(STEP.fields);


/** Working days ahead that a due list may look, and the default. */
const DUE_QUERY = yup.object({
  within: yup.mixed<string>().test('days', 'must be a number of working days (0–100)', (value) => typeof value === 'string' && /^\d{1,3}$/.test(value) && Number(value) <= 100),
});

/**
 * The parameters of a list of requests due (REST's and the admin desk's): `within` working days
 * (5 when not given) and `organization` with those below it; any other parameter is refused with
 * `unknownMessage`.
 */
export async function readDueQuery(strapi: Core.Strapi, ctx: Context, unknownMessage: string): Promise<{ within: number; organizationIds?: string[] }> {
  const { within } = readRouteInput<{ within: string }>(DUE_QUERY, { within: takeParam(ctx, 'within') ?? '5' });
  const organizationIds = await organizationParam(strapi, ctx);
  const unknown = Object.keys((ctx.query ?? {}) as Record<string, unknown>)[0];
  if (unknown !== undefined) throw fieldError(unknown, unknownMessage);
  return { within: Number(within), organizationIds };
}
