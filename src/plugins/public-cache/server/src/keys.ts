import type { Core } from '@strapi/strapi';
import { parse, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import type { PublicCacheConfig } from './config';
import { PLUGIN_ID } from './constants';
import { canonical, chinaDayOf } from './http';

/** How many distinct GraphQL documents have their operation kind remembered. */
const KNOWN_DOCUMENTS = 1000;

/** Path and query string of a request target exactly as sent (`/api/x?a=1` → `/api/x`, `a=1`). */
export function splitTarget(url: string): { path: string; querystring: string } {
  const mark = url.indexOf('?');
  return mark === -1 ? { path: url, querystring: '' } : { path: url.slice(0, mark), querystring: url.slice(mark + 1) };
}

/**
 * What a cache entry is found by. The HTTP fast path and the middleware compute the same keys
 * from the same request.
 */
export function createKeys(strapi: Core.Strapi) {
  const settings = () => strapi.config.get(`plugin::${PLUGIN_ID}`) as PublicCacheConfig;
  const prefix = (strapi.config.get('api.rest.prefix') as string | undefined) ?? '/api';
  const documents = new Map<string, DocumentNode | null>();
  let allowedOrigins: string[] | null | undefined;

  /**
   * The origin as the key holds it: a listed origin gets its own entries (its CORS headers are
   * stored with them); every other origin shares one, so made-up origins cannot push real
   * answers out; no origin is another.
   */
  const originOf = (origin: string | undefined): string => {
    if (allowedOrigins === undefined) {
      const cors = (strapi.config.get('middlewares') as unknown[] | undefined)?.find(
        (entry): entry is { name: string; config?: { origin?: unknown } } => typeof entry === 'object' && entry !== null && (entry as { name?: unknown }).name === 'strapi::cors',
      );
      const listed = cors?.config?.origin;
      allowedOrigins = Array.isArray(listed) && listed.every((item) => typeof item === 'string') ? listed : null;
    }
    if (!origin) return '-';
    if (allowedOrigins === null) return origin;
    return allowedOrigins.includes(origin) ? origin : '*';
  };

  const { exclude } = settings();
  const excluded = (path: string) => exclude.some((root) => path === root || path.startsWith(`${root}/`));

  /** Whether a GraphQL request is a query (never a mutation), by its document and operation name. */
  const isQuery = (text: string, operationName: unknown): boolean => {
    let document = documents.get(text);
    if (document === undefined) {
      try {
        // The same bound as the GraphQL server's own parser (and the GraphQL guard's).
        document = parse(text, { maxTokens: (strapi.config.get('plugin::graphql.apolloServer.parseOptions.maxTokens') as number | undefined) ?? 5000 });
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
  };

  return {
    prefix,

    /** A REST read's key, or null when it is not one to cache. Two spellings of one query are two entries, never one wrong one. */
    rest(url: string, origin: string | undefined, now: number): string | null {
      const { path, querystring } = splitTarget(url);
      if (!(path === prefix || path.startsWith(`${prefix}/`)) || excluded(path)) return null;
      return `${chinaDayOf(now)} GET ${originOf(origin)} ${path}?${querystring}`;
    },

    /** A GraphQL request's key, or null when it is not a query (or not one to cache). */
    graphql(body: { query?: unknown; variables?: unknown; operationName?: unknown } | undefined, origin: string | undefined, now: number): string | null {
      if (!settings().graphql || !body || typeof body.query !== 'string' || !isQuery(body.query, body.operationName)) return null;
      return `${chinaDayOf(now)} GRAPHQL ${originOf(origin)} ${canonical({ query: body.query, variables: body.variables ?? null, operationName: body.operationName ?? null })}`;
    },
  };
}

export type Keys = ReturnType<typeof createKeys>;
