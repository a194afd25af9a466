import type { Core, Modules } from '@strapi/strapi';
import { sanitizeRichText } from '../utils/sanitize-rich-text';

const WRITES = new Set(['create', 'update', 'clone']);

/**
 * Sanitizes every rich-text attribute of our content types on every write, whatever the path
 * (REST, GraphQL, the admin), so stored HTML is safe to render on the public sites.
 */
export function richTextMiddleware(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  return async (context, next) => {
    if (!WRITES.has(context.action) || !context.uid.startsWith('api::')) return next();
    const data = (context.params as { data?: Record<string, unknown> }).data;
    if (data) {
      const { attributes } = strapi.contentType(context.uid);
      for (const [name, attribute] of Object.entries(attributes)) {
        if (attribute.type === 'richtext' && typeof data[name] === 'string') data[name] = sanitizeRichText(data[name] as string);
      }
    }
    return next();
  };
}
