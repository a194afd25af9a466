import type { Core } from '@strapi/strapi';

/** What Strapi's query-params transform makes of request parameters: a query-engine query. */
export type EngineQuery = Record<string, unknown>;

/** Changes or checks the query one set of request parameters became, for a content type. */
export type QueryHook<Query extends EngineQuery = EngineQuery> = (uid: string, query: Query) => Query;

interface QueryParamsService {
  transform: (uid: string, params: unknown) => EngineQuery;
}

const hooksByStrapi = new WeakMap<object, QueryHook[]>();

/**
 * Every read Strapi makes from request parameters passes through its query-params transform: the
 * Document Service (top level and every populate), REST and GraphQL, the Content Manager and
 * GraphQL's relation resolvers. This is the one place that transform is extended; hooks run in
 * the order they were added (plugins register before the application), `first` ones before the rest.
 */
export function addQueryHook<Query extends EngineQuery>(strapi: Core.Strapi, hook: QueryHook<Query>, options: { first?: boolean } = {}): void {
  let hooks = hooksByStrapi.get(strapi);
  if (!hooks) {
    const list: QueryHook[] = [];
    hooks = list;
    hooksByStrapi.set(strapi, list);
    const queryParams = strapi.get('query-params') as QueryParamsService;
    const transform = queryParams.transform.bind(queryParams);
    queryParams.transform = (uid, params) => list.reduce((query, each) => each(uid, query), transform(uid, params));
  }
  // A check of what the caller sent runs before any hook rewrites it, so refusals name the caller's keys.
  if (options.first) hooks.unshift(hook as unknown as QueryHook);
  else hooks.push(hook as unknown as QueryHook);
}
