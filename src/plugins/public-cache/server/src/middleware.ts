import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import type { PublicCacheConfig } from './config';
import { PLUGIN_ID } from './constants';
import { getService } from './get-service';
import { publicCacheControl, noneMatch } from './http';
import { entityTag, type Entry } from './services/cache';

/** Headers that belong to one exchange, or that the cache sets itself: never stored. */
const OWN_HEADERS = new Set(['content-length', 'date', 'connection', 'keep-alive', 'transfer-encoding', 'etag', 'cache-control', 'x-cache', 'set-cookie', 'vary']);

/** The body as the bytes koa would send, or null when it is not a value that can be stored (a stream, a file). */
function bytesOf(body: unknown): Buffer | null {
  if (Buffer.isBuffer(body)) return body;
  if (typeof body === 'string') return Buffer.from(body);
  if (body === null || body === undefined) return null;
  if (typeof body === 'object' && typeof (body as { pipe?: unknown }).pipe === 'function') return null;
  if (typeof body === 'object') return Buffer.from(JSON.stringify(body));
  return null;
}

/** What every answer from the cache says about itself, beside its stored headers. */
export function cacheHeaders(entry: Entry, now: Date, settings: PublicCacheConfig, status: 'hit' | 'miss'): Record<string, string> {
  return {
    ETag: entry.etag,
    'Cache-Control': publicCacheControl(now, settings.maxAge, settings.staleWhileRevalidate),
    'X-Cache': status,
  };
}

type Kind = 'rest' | 'graphql';

/**
 * The cache's two places in the middleware chain. REST reads are looked up first of all, so an
 * answer computed once carries the headers every middleware below gave it (security headers,
 * CORS for the key's origin), stored and sent again with it; answers held in memory are usually
 * sent before Koa even sees the request (fast-path.ts). GraphQL queries are looked up after the
 * GraphQL guard, which reads their body.
 */
function cacheMiddleware(kind: Kind, strapi: Core.Strapi) {
  const settings = () => strapi.config.get(`plugin::${PLUGIN_ID}`) as PublicCacheConfig;
  const graphqlEndpoint = () => (strapi.config.get('plugin::graphql.endpoint') as string | undefined) ?? '/graphql';

  const keyOf = (ctx: Context, now: number): string | null => {
    const keys = getService(strapi, 'cache').keys();
    if (kind === 'rest') return ctx.method === 'GET' || ctx.method === 'HEAD' ? keys.rest(ctx.originalUrl, ctx.get('Origin') || undefined, now) : null;
    if (ctx.method !== 'POST' || ctx.path !== graphqlEndpoint()) return null;
    return keys.graphql(ctx.request.body as never, ctx.get('Origin') || undefined, now);
  };

  const send = (ctx: Context, entry: Entry, status: 'hit' | 'miss', now: Date) => {
    if (status === 'hit') for (const [name, value] of Object.entries(entry.headers)) ctx.set(name, value);
    else ctx.vary('Authorization');
    for (const [name, value] of Object.entries(cacheHeaders(entry, now, settings(), status))) ctx.set(name, value);
    if (noneMatch(ctx.get('If-None-Match'), entry.etag)) {
      ctx.status = 304;
      ctx.body = null;
      return;
    }
    ctx.status = 200;
    const type = ctx.response.get('Content-Type');
    ctx.body = entry.body;
    // A Buffer body makes koa call it a binary stream unless the type is set again.
    ctx.set('Content-Type', type || 'application/json; charset=utf-8');
  };

  /** The answer just computed, as an entry, or null when it is not one to share. */
  const entryOf = (ctx: Context): Entry | null => {
    if (ctx.status !== 200 || ctx.response.get('Set-Cookie')) return null;
    if (kind === 'graphql' && (ctx.body as { errors?: unknown } | null)?.errors) return null;
    const body = bytesOf(ctx.body);
    if (!body) return null;
    if (!ctx.response.get('Content-Type')) ctx.set('Content-Type', 'application/json; charset=utf-8');
    ctx.vary('Authorization');
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(ctx.response.headers as Record<string, string | string[]>)) {
      if (!OWN_HEADERS.has(name.toLowerCase())) headers[name] = value;
    }
    headers.Vary = ctx.response.get('Vary');
    const etag = entityTag(body);
    return { body, etag, headers, wire: { ...headers, ETag: etag, 'X-Cache': 'hit', 'Content-Length': body.length } };
  };

  return async (ctx: Context, next: Next) => {
    if (!settings().enabled) return next();
    if (ctx.get('Authorization')) {
      if (kind === 'graphql') return next();
      await next();
      if (ctx.path.startsWith(`${getService(strapi, 'cache').keys().prefix}/`) || ctx.path === graphqlEndpoint()) {
        ctx.set('Cache-Control', 'private, no-store');
        ctx.vary('Authorization');
      }
      return;
    }
    const now = new Date();
    const key = keyOf(ctx, now.getTime());
    if (!key) return next();
    const cache = getService(strapi, 'cache');

    const stored = cache.get(key) ?? (await cache.inProgress(key)) ?? undefined;
    if (stored) return send(ctx, stored, 'hit', now);

    const entry = await cache.compute(key, async () => {
      await next();
      return entryOf(ctx);
    });
    if (entry) send(ctx, entry, 'miss', now);
  };
}

export const restCache = (_config: unknown, { strapi }: { strapi: Core.Strapi }) => cacheMiddleware('rest', strapi);
export const graphqlCache = (_config: unknown, { strapi }: { strapi: Core.Strapi }) => cacheMiddleware('graphql', strapi);
