import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { fieldError } from '../utils/errors';

const INT32_MAX = 2147483647;
/** Strapi's own content-API routes that take numeric ids: users, roles, uploaded files. */
const NUMERIC_ROUTE = /^\/api\/(?:users|users-permissions\/roles|upload\/files)\/([^/]+)$/;

/** How deep a query string or JSON body may nest: far beyond any real request, well short of a stack. */
const MAX_DEPTH = 32;
/** qs turns `a[100]=x` and beyond into an object with numeric keys, which Strapi then ignores. */
const MAX_LIST = 100;

/** The first problem in a parsed query or body, with where it is. */
function problemIn(root: unknown): { path: string[]; problem: string } | null {
  const stack: { value: unknown; path: string[] }[] = [{ value: root, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return { path, problem: 'must not contain a NUL character' };
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (path.length >= MAX_DEPTH) return { path, problem: `is nested more than ${MAX_DEPTH} levels deep` };
    const entries = Array.isArray(value) ? value.map((item, index) => [String(index), item] as const) : Object.entries(value);
    if (!Array.isArray(value) && entries.length > 0 && entries.every(([key]) => /^\d+$/.test(key)) && entries.some(([key]) => Number(key) >= MAX_LIST)) {
      return { path, problem: `must be a list of at most ${MAX_LIST} items` };
    }
    for (const [key, item] of entries) {
      if (key.includes('\u0000')) return { path: [...path, key], problem: 'must not contain a NUL character' };
      stack.push({ value: item, path: [...path, key] });
    }
  }
  return null;
}

const isInherited = (name: string) => name === '__proto__' || name in Object.prototype;

/**
 * A parameter named after an object's inherited members (`constructor`, `toString`, at any depth
 * of `a[b][c]`): the query parser drops it silently, so it would be ignored rather than refused.
 */
function inheritedName(querystring: string): string[] | null {
  if (!querystring) return null;
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(querystring);
  } catch {
    return null;
  }
  for (const key of params.keys()) {
    const segments = key.split(/[[\]]+/).filter(Boolean);
    if (segments.some(isInherited)) return segments;
  }
  return null;
}

/**
 * A sort that names an empty field (`.`, `a..b`, `:asc`): Strapi's query validation lets it by on
 * single-document routes and the query engine then fails on it.
 */
function hasEmptySortPath(sort: unknown): boolean {
  const fields: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string') fields.push(...value.split(',').map((part) => part.split(':')[0].trim()));
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') fields.push(...Object.keys(value));
  };
  collect(sort);
  return fields.some((field) => field.split('.').some((segment) => segment === ''));
}

/**
 * What no route can take, refused before any route sees it, as a 400 naming where it is: a NUL
 * character anywhere in the URL or the body (PostgreSQL refuses to store or compare one, so it
 * would otherwise come back as a database error from whichever query met it first), nesting deep
 * enough to exhaust a recursive reader, a list longer than the query parser keeps as a list, and a
 * user, role or file id that is not a number its table can hold.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => async (ctx: Context, next: Next) => {
  // Every route: the content API, the admin's, and every plugin's admin routes (/request-desk/…).
  // GraphQL bodies are checked by the GraphQL guard, which reads them as documents.
  const graphqlEndpoint = (strapi.config.get('plugin::graphql.endpoint') as string | undefined) ?? '/graphql';
  if (ctx.path !== graphqlEndpoint) {
    let path: string;
    try {
      path = decodeURIComponent(ctx.path);
    } catch {
      path = ctx.path;
    }
    if (path.includes('\u0000')) throw fieldError('path', 'must not contain a NUL character');
    const inherited = inheritedName(ctx.querystring);
    if (inherited) throw fieldError(inherited, 'is not a parameter of any route');
    if (hasEmptySortPath((ctx.query as { sort?: unknown }).sort)) throw fieldError('sort', 'must name fields (field or relation.field, with :asc or :desc)');
    const inQuery = problemIn(ctx.query);
    if (inQuery) throw fieldError(inQuery.path.length > 0 ? inQuery.path : 'query', inQuery.problem);
    const inBody = problemIn(ctx.request.body);
    if (inBody) throw fieldError(inBody.path.length > 0 ? inBody.path : 'body', inBody.problem);
    const numeric = NUMERIC_ROUTE.exec(ctx.path);
    if (numeric && numeric[1] !== 'me' && numeric[1] !== 'count' && !(/^\d{1,10}$/.test(numeric[1]) && Number(numeric[1]) <= INT32_MAX)) {
      throw fieldError('id', 'must be a number', numeric[1]);
    }
  }
  return next();
};
