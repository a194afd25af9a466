import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { parse, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { chinaToday } from '../../../../domain/dates';
import type { PublicCacheConfig } from './config';
import { PLUGIN_ID } from './constants';
import { getService } from './get-service';
import { canonical, noneMatch, publicCacheControl } from './http';
import { entityTag, type Entry } from './services/cache';

/** How many distinct GraphQL documents have their operation kind remembered. */
const KNOWN_DOCUMENTS = 1000;

/** Whether a GraphQL request is a query (never a mutation), by its document and operation name. */
function isQuery(documents: Map<string, DocumentNode | null>, text: string, operationName: unknown): boolean {
  let document = documents.get(text);
  if (document === undefined) {
    try {
      document = parse(text, { maxTokens: 5000 });
    } catch {
      document = null;
    }
    if (documents.size >= KNOWN_DOCUMENTS) documents.clear();
    documents.set(text, document);
  }
  if (!document) return false;
  const operations = document.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === 'OperationDefinition');
  const chosen = typeof operationName === 'string' ? operations.find((operation) => operation.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  return chosen?.operation === 'query';
}

/** The body as the bytes koa would send, or null when it is not a value that can be stored (a stream, a file). */
function bytesOf(body: unknown): Buffer | null {
  if (Buffer.isBuffer(body)) return body;
  if (typeof body === 'string') return Buffer.from(body);
  if (body === null || body === undefined) return null;
  if (typeof body === 'object' && typeof (body as { pipe?: unknown }).pipe === 'function') return null;
  if (typeof body === 'object') return Buffer.from(JSON.stringify(body));
  return null;
}

/**
 * Serves public reads (requests without credentials) from memory: REST GETs under the API prefix
 * and GraphQL queries. Every answer it can store gets an `ETag` of its bytes, `304` on a matching
 * `If-None-Match`, and a `Cache-Control` a CDN can honour. A request with `Authorization` is never
 * served from it, and its answer is marked private.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const settings = () => strapi.config.get(`plugin::${PLUGIN_ID}`) as PublicCacheConfig;
  const prefix = () => (strapi.config.get('api.rest.prefix') as string | undefined) ?? '/api';
  const graphqlEndpoint = () => (strapi.config.get('plugin::graphql.endpoint') as string | undefined) ?? '/graphql';
  const documents = new Map<string, DocumentNode | null>();

  const excluded = (path: string) => settings().exclude.some((root) => path === root || path.startsWith(`${root}/`));

  /** The request's key, or null when its answer is not to be cached. */
  const keyOf = (ctx: Context): string | null => {
    const { path } = ctx;
    if (ctx.method === 'GET' || ctx.method === 'HEAD') {
      if (!(path === prefix() || path.startsWith(`${prefix()}/`)) || excluded(path)) return null;
      return `GET ${path} ${canonical(ctx.query)}`;
    }
    if (ctx.method === 'POST' && path === graphqlEndpoint() && settings().graphql) {
      const body = ctx.request.body as { query?: unknown; variables?: unknown; operationName?: unknown } | undefined;
      if (!body || typeof body.query !== 'string' || !isQuery(documents, body.query, body.operationName)) return null;
      return `GRAPHQL ${canonical({ query: body.query, variables: body.variables ?? null, operationName: body.operationName ?? null })}`;
    }
    return null;
  };

  const send = (ctx: Context, entry: Entry, status: 'hit' | 'miss', now: Date) => {
    const { maxAge, staleWhileRevalidate } = settings();
    ctx.set('ETag', entry.etag);
    ctx.set('Cache-Control', publicCacheControl(now, maxAge, staleWhileRevalidate));
    ctx.vary('Authorization');
    ctx.set('X-Cache', status);
    if (noneMatch(ctx.get('If-None-Match'), entry.etag)) {
      ctx.status = 304;
      ctx.body = null;
      return;
    }
    ctx.status = 200;
    ctx.type = entry.type;
    ctx.body = entry.body;
  };

  /** The answer just computed, as an entry, or null when it is not one to share. */
  const entryOf = (ctx: Context, graphql: boolean): Entry | null => {
    if (ctx.status !== 200 || ctx.response.get('Set-Cookie')) return null;
    if (graphql && (ctx.body as { errors?: unknown } | null)?.errors) return null;
    const body = bytesOf(ctx.body);
    if (!body) return null;
    return { body, type: ctx.response.get('Content-Type') || 'application/json; charset=utf-8', etag: entityTag(body) };
  };

  return async (ctx: Context, next: Next) => {
    if (!settings().enabled) return next();
    if (ctx.get('Authorization')) {
      await next();
      if (ctx.path.startsWith(`${prefix()}/`) || ctx.path === graphqlEndpoint()) {
        ctx.set('Cache-Control', 'private, no-store');
        ctx.vary('Authorization');
      }
      return;
    }
    const requestKey = keyOf(ctx);
    if (!requestKey) return next();
    const cache = getService(strapi, 'cache');
    const now = new Date();
    // Answers that depend on "today" (validity, expiring lists) are not kept past midnight in China.
    const key = `${chinaToday(now)} ${requestKey}`;

    const stored = cache.get(key) ?? (await cache.inProgress(key)) ?? undefined;
    if (stored) return send(ctx, stored, 'hit', now);

    const graphql = ctx.method === 'POST';
    const entry = await cache.compute(key, async () => {
      await next();
      return entryOf(ctx, graphql);
    });
    if (entry) send(ctx, entry, 'miss', now);
  };
};
