import { errors } from '@strapi/utils';
import createHttpError from 'http-errors';

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
