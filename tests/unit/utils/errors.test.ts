import { errors } from '@strapi/utils';
import { conflictError, fieldError, forbiddenError, statusOfError } from '../../../src/utils/errors';

describe('statusOfError', () => {
  it.each([
    ['a field error', fieldError('title', 'is required'), 400],
    ["Strapi's application error", new errors.ApplicationError('x'), 400],
    ["Strapi's unauthorized error", new errors.UnauthorizedError('x'), 401],
    ["Strapi's not found error", new errors.NotFoundError('x'), 404],
    ['a forbidden error with its message', forbiddenError('x'), 403],
    ['a conflict', conflictError('x'), 409],
    ['a plain error', new Error('x'), 500],
    ['something thrown that is not an error', 'x', 500],
    ['nothing', undefined, 500],
  ])('%s is answered %d', (_label, error, status) => {
    expect(statusOfError(error)).toBe(status);
  });
});
