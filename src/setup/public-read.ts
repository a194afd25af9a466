import type { Core, Modules } from '@strapi/strapi';
import { API_TOKEN_STRATEGIES } from '../plugins/document-lifecycle/server/src/actor';

const READS = new Set(['findMany', 'findFirst', 'findOne', 'count']);

interface AuthState {
  strategy?: { name?: string };
  credentials?: { type?: string };
}

/**
 * Whether the current request may see drafts and documents that are not for disclosure. Admin
 * panel users and full-access or custom API tokens may; the public, signed-in site users and
 * read-only tokens may not. Calls from no request at all (scripts, cron) are the system's own.
 */
export function mayReadUnpublished(auth: AuthState | undefined | null, hasRequest = true): boolean {
  if (!hasRequest) return true;
  const strategy = auth?.strategy?.name;
  if (strategy === 'admin') return true;
  return strategy !== undefined && API_TOKEN_STRATEGIES.includes(strategy) && auth?.credentials?.type !== 'read-only';
}

/**
 * The public API returns only published, disclosable content, whatever query parameters it is
 * sent (`?status=draft`, GraphQL `status: DRAFT`): enforced where documents are read, so a route
 * or resolver that forgets cannot leak.
 */
export function publicReadMiddleware(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  return async (context, next) => {
    if (!READS.has(context.action) || !context.uid.startsWith('api::')) return next();
    const contentType = strapi.contentType(context.uid);
    const drafts = contentType.options?.draftAndPublish === true;
    const disclosure = 'disclosureMode' in contentType.attributes;
    if (!drafts && !disclosure) return next();

    const request = strapi.requestContext.get() as { state?: { auth?: AuthState } } | undefined;
    if (mayReadUnpublished(request?.state?.auth, Boolean(request))) return next();

    const params = context.params as { status?: string; filters?: Record<string, unknown> };
    if (drafts) params.status = 'published';
    if (!disclosure) return next();
    if (context.action === 'findOne') {
      const found = await next();
      if (!found) return found;
      // Asked of the database, not of the result: a caller's `fields` may leave disclosureMode out.
      const { documentId } = context.params as { documentId: string };
      const hiddenRows = await strapi.db.query(context.uid).count({
        where: { documentId, publishedAt: { $notNull: true }, disclosureMode: 'not_disclosed' },
      });
      return (hiddenRows > 0 ? null : found) as Awaited<ReturnType<typeof next>>;
    }
    const hidden = { disclosureMode: { $ne: 'not_disclosed' } };
    params.filters = params.filters ? { $and: [params.filters, hidden] } : hidden;
    return next();
  };
}
