import { errors } from '@strapi/utils';
import createHttpError from 'http-errors';
import { RuleError } from '../domain/rule-error';

/**
 * A 400 that names the offending field the way Strapi's own validation does, so clients read one
 * shape: `error.details.errors[].path`.
 */
export function fieldError(path: string | string[], message: string, value?: unknown): errors.ValidationError {
  const segments = Array.isArray(path) ? path : [path];
  return new errors.ValidationError(`${segments.join('.')} ${message}`, {
    errors: [{ path: segments, message: `${segments.join('.')} ${message}`, name: 'ValidationError', value }],
  });
}

/**
 * The same error without the input it quotes (`details.errors[].value`): for types that hold
 * personal data, whose refusals must not repeat what was sent. Other errors pass as they are.
 */
export function withoutInput(error: unknown): unknown {
  const details = (error as { details?: { errors?: unknown } } | null)?.details;
  if (details && Array.isArray(details.errors)) {
    for (const entry of details.errors) if (entry && typeof entry === 'object') delete (entry as { value?: unknown }).value;
  }
  return error;
}

/**
 * Strapi has no 409 class; an http-errors 409 with details gets the same envelope from its error
 * middleware. http-errors is pinned to the version @strapi/utils uses: the middleware recognizes
 * the error by `instanceof`, which a second copy of the package would fail.
 */
export function conflictError(message: string, details: Record<string, unknown> = {}): Error {
  return Object.assign(createHttpError(409, message), { details });
}

/**
 * A 403 that keeps its message. Strapi's content-API route guard turns any `ForbiddenError`
 * thrown below it into a bare "Forbidden"; an http-errors 403 reaches the client as written, in
 * the same envelope (`error.name` is still `ForbiddenError`).
 */
export function forbiddenError(message: string, details: Record<string, unknown> = {}): Error {
  return Object.assign(createHttpError(403, message), { details });
}

/** The status Strapi's error middleware answers each of its error classes with. */
const STATUS_OF_STRAPI_ERRORS: Record<string, number> = {
  ValidationError: 400,
  ApplicationError: 400,
  YupValidationError: 400,
  UnauthorizedError: 401,
  ForbiddenError: 403,
  PolicyError: 403,
  NotFoundError: 404,
  PayloadTooLargeError: 413,
  RateLimitError: 429,
  NotImplementedError: 501,
};

/**
 * The status an error thrown below Strapi's error middleware will be answered with: http-errors
 * carry it, Strapi's own errors only their name until the middleware maps it; anything else is a 500.
 */
export function statusOfError(error: unknown): number {
  const { status, name } = (error ?? {}) as { status?: unknown; name?: unknown };
  if (typeof status === 'number') return status;
  return (typeof name === 'string' && STATUS_OF_STRAPI_ERRORS[name]) || 500;
}

/**
 * A rule's refusal in Strapi's envelope: 409 for a step the state does not allow, 400 naming the
 * field for input; `say` words the message (the admin's desk says it in Chinese). Anything else is
 * passed on.
 */
export function ruleErrorToHttp(error: unknown, say: (error: RuleError) => string = (rule) => rule.message): unknown {
  if (!(error instanceof RuleError)) return error;
  const message = say(error);
  if (error.status === 409) {
    return conflictError(message, { code: error.code, field: error.field, ...error.details, errors: [{ path: [error.field], message, name: 'ConflictError' }] });
  }
  return new errors.ValidationError(message, {
    code: error.code,
    ...error.details,
    errors: [{ path: [error.field], message, name: 'ValidationError' }],
  });
}
