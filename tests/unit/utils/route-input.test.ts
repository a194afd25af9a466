import { errors } from '@strapi/utils';
import { documentIdOf, pastOrTodayDate, readRouteInput, yup } from '../../../src/utils/route-input';

const schema = yup.object({ date: pastOrTodayDate(), organization: documentIdOf('an organization') });
const only = { keys: ['date', 'organization'], message: 'is not a parameter of this route' };

const refusal = (value: unknown) => {
  try {
    readRouteInput(schema, value, only);
  } catch (error) {
    expect(error).toBeInstanceOf(errors.ValidationError);
    const { message, details } = error as errors.ValidationError;
    return { message, path: (details as { errors: { path: string[]; value: unknown }[] }).errors[0].path, value: (details as { errors: { value: unknown }[] }).errors[0].value };
  }
  return null;
};

it.each([
  [{ date: '2026-02-30' }, { message: 'date must be a calendar date (YYYY-MM-DD)', path: ['date'], value: '2026-02-30' }],
  [{ date: '2999-01-01' }, { message: 'date must not be in the future', path: ['date'], value: '2999-01-01' }],
  [{ organization: '' }, { message: 'organization must be the documentId of an organization', path: ['organization'], value: '' }],
  [{ organization: ['a', 'b'] }, { message: 'organization must be the documentId of an organization', path: ['organization'], value: ['a', 'b'] }],
  [{ depth: '2' }, { message: 'depth is not a parameter of this route', path: ['depth'], value: undefined }],
  [[], { message: 'body must be a JSON object', path: ['body'], value: [] }],
  [{ constructor: '' }, { message: 'constructor is not a parameter of this request', path: ['constructor'], value: undefined }],
  [{ toString: 'x', date: '2026-01-05' }, { message: 'toString is not a parameter of this request', path: ['toString'], value: undefined }],
])('refuses %j with a 400 naming the field', (value, expected) => {
  expect(refusal(value)).toEqual(expected);
});

it.each([[{}], [{ date: '2026-01-05', organization: 'abc' }], [{ date: null }]])('takes %j', (value) => {
  expect(refusal(value)).toBeNull();
});
