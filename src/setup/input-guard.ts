import type { Core, Modules } from '@strapi/strapi';
import { checkData, checkQuery, ShapeError, type AttributeOf, type ShapeAttribute } from '../utils/input-shape';
import { fieldError } from '../utils/errors';
import { addQueryHook } from '../utils/query-transform';

const WRITES = new Set(['create', 'update', 'clone']);

const attributeLookup = (strapi: Core.Strapi): AttributeOf => (uid, name) => {
  const model = strapi.getModel(uid as never) as { attributes: Record<string, ShapeAttribute> } | undefined;
  return model && Object.prototype.hasOwnProperty.call(model.attributes, name) ? model.attributes[name] : undefined;
};

const toValidationError = (error: ShapeError) => fieldError(error.path, error.problem);

/**
 * Filters from any request (REST, GraphQL, the Content Manager, populate filters) are checked
 * where Strapi turns them into a database query, so a malformed one is a 400 naming the
 * parameter, never a database error. Queries the server builds for itself are not.
 */
export function guardQueries(strapi: Core.Strapi): void {
  const attributeOf = attributeLookup(strapi);
  addQueryHook(strapi, (uid, query) => {
    if (!strapi.requestContext.get()) return query;
    try {
      checkQuery(attributeOf, uid, query);
    } catch (error) {
      if (error instanceof ShapeError) throw toValidationError(error);
      throw error;
    }
    return query;
  }, { first: true });
}

/**
 * Writes are checked before Strapi's validation sees them: inherited keys (`constructor`,
 * `__proto__`), NUL characters and numbers or text too big for their column are a 400 naming the
 * field, and `locale` cannot be set on a type that is not translated.
 */
export function inputGuardMiddleware(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  const attributeOf = attributeLookup(strapi);
  return async (context, next) => {
    if (!WRITES.has(context.action)) return next();
    const params = context.params as { data?: unknown; locale?: unknown };
    try {
      checkData(attributeOf, context.uid, params.data);
    } catch (error) {
      if (error instanceof ShapeError) throw toValidationError(error);
      throw error;
    }
    const localized = (strapi.getModel(context.uid) as { pluginOptions?: { i18n?: { localized?: boolean } } }).pluginOptions?.i18n?.localized === true;
    const data = params.data as Record<string, unknown> | undefined;
    if (!localized && data && data.locale !== undefined && data.locale !== null) {
      throw fieldError(['data', 'locale'], 'cannot be set: this content is not translated', data.locale);
    }
    return next();
  };
}
