import { errors } from '@strapi/utils';
import { LifecycleError } from '../../../../domain/lifecycle';
import { conflictError } from '../../../../utils/errors';

/** Turns a rule's refusal into Strapi's error envelope: 409 for the state machine, 400 naming the field for input. */
export function toHttpError(error: unknown): unknown {
  if (!(error instanceof LifecycleError)) return error;
  if (error.status === 409) {
    return conflictError(error.message, { code: error.code, field: error.field, ...error.details });
  }
  return new errors.ValidationError(error.message, {
    code: error.code,
    ...error.details,
    errors: [{ path: [error.field], message: error.message, name: 'ValidationError' }],
  });
}
