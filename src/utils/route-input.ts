import { yup } from '@strapi/utils';
import { chinaToday, isIsoDate } from '../domain/dates';
import { fieldError } from './errors';

export { yup };

/**
 * The input of a custom route, checked against its yup schema as Strapi checks its own routes:
 * the first problem is a 400 in Strapi's envelope naming the field (`error.details.errors[].path`),
 * its message the schema's, after the field's name. Parameters the route does not take are named
 * too (`only`).
 */
export function readRouteInput<T>(schema: yup.AnySchema, value: unknown, only?: { keys: readonly string[]; message: string }): T {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw fieldError('body', 'must be a JSON object', value);
  // yup looks fields up by name on a plain object: `constructor` or `toString` there throws a TypeError.
  const inherited = Object.keys(value).find((key) => key === '__proto__' || key in Object.prototype);
  if (inherited !== undefined) throw fieldError(inherited, 'is not a parameter of this request');
  if (only) {
    const unknown = Object.keys(value).find((key) => !only.keys.includes(key));
    if (unknown !== undefined) throw fieldError(unknown, only.message);
  }
  try {
    return schema.validateSync(value, { abortEarly: true, stripUnknown: false }) as T;
  } catch (error) {
    if (!(error instanceof yup.ValidationError)) throw error;
    const path = error.path ? error.path.split('.') : [];
    // The error's own value is the whole object when a field's test fails: the field's is wanted.
    const given = path.reduce<unknown>((at, key) => (at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined), value);
    throw fieldError(path, error.message, given);
  }
}

/** A date as `YYYY-MM-DD` that exists and is not after today in China; absent (or null) when not given. */
export const pastOrTodayDate = () =>
  yup
    .mixed<string>()
    .nullable()
    .test('calendar-date', 'must be a calendar date (YYYY-MM-DD)', (value) => value === undefined || value === null || isIsoDate(value))
    .test('not-future', 'must not be in the future', (value) => !isIsoDate(value) || value <= chinaToday(new Date()));

/** One of `values`, named in the message. */
export const oneOfValues = (values: readonly string[]) =>
  yup.mixed<string>().test('one-of', `must be one of ${values.join(', ')}`, (value) => value === undefined || (typeof value === 'string' && values.includes(value)));

/** A documentId-like reference, a non-empty string. */
export const documentIdOf = (what: string) => yup.mixed<string>().test('document-id', `must be the documentId of ${what}`, (value) => value === undefined || (typeof value === 'string' && value !== ''));
