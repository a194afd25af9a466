import { errors } from '@strapi/utils';

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
