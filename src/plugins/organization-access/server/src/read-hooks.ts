import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { writing } from './document-middleware';
import { both, ForbiddenSortError, isUnrestricted, readConditions, restrictQuery, type EngineQuery, type Where } from './read-rule';
import { readModelsOf } from './services/scope';
import { ownedTypesOf } from './ownership';
import { forbiddenError } from '../../../../utils/errors';
import { addQueryHook } from '../../../../utils/query-transform';
import { getService } from './get-service';

type EngineFilters = Where | ((context: { meta: { uid: string } }) => Where | null | undefined) | null | undefined;

/**
 * Every read Strapi makes from request parameters passes through the query-params transform:
 * the Document Service (top level, every populate below it, REST and GraphQL lists and single
 * documents, the Content Manager) and GraphQL's relation resolvers. Here the read rule is added to
 * what it produces. The engine's `filters` hook is applied by the query builder to the rows of
 * every model it reads, nested populates included, so no depth is missed; relation filters and
 * sorts, which join inside one query, are narrowed by `restrictQuery`.
 */
export function applyReadRuleToQueries(strapi: Core.Strapi): void {
  const scopes = () => getService(strapi, 'scope');
  addQueryHook<EngineQuery>(strapi, (uid, query) => {
    if (writing.getStore()) return query;
    const scope = scopes().currentSync();
    if (isUnrestricted(scope)) return query;
    const models = readModelsOf(strapi);
    let restricted: EngineQuery;
    try {
      restricted = restrictQuery(uid, query, models, scope);
    } catch (error) {
      if (error instanceof ForbiddenSortError) {
        throw new errors.ValidationError(`Invalid key ${error.path}: sort cannot go through this relation`, {
          key: error.path,
          path: ['sort'],
          source: 'query',
          param: 'sort',
        });
      }
      throw error;
    }
    const prior = query.filters as EngineFilters;
    restricted.filters = (context: { meta: { uid: string } }) => {
      const before = typeof prior === 'function' ? prior(context) : prior;
      return both(before ?? null, readConditions(models.get(context.meta.uid), scope)) ?? {};
    };
    return restricted;
  });
}

interface RelationsController {
  findExisting: (this: unknown, ctx: RelationsContext) => Promise<unknown>;
}

interface RelationsContext {
  params: { model: string; targetField: string; id?: string };
  request: { query: Record<string, unknown> };
  body?: { results?: { documentId?: string }[]; pagination?: { page?: number; pageSize?: number; pageCount?: number; total?: number } };
}

/** The Content Manager's largest page of relations. */
const RELATION_PAGE = 100;

/**
 * The Content Manager lists a document's existing relations in two passes and returns the ids and
 * publication status of the targets the user may not read beside the ones it may. Only the
 * targets the caller's scope reads are kept, and the pages and totals count only those: every
 * page of the relation is read (100 at a time) and the one asked for is cut from the readable ones.
 */
export function scopeContentManagerRelations(strapi: Core.Strapi): void {
  const scopes = () => getService(strapi, 'scope');
  const controller = strapi.plugin('content-manager')?.controller('relations') as unknown as RelationsController | undefined;
  if (!controller) return;
  const findExisting = controller.findExisting;
  controller.findExisting = async function scopedFindExisting(this: unknown, ctx: RelationsContext) {
    const scope = await scopes().current();
    const source = ctx.params.id;
    if (source && !isUnrestricted(scope) && scopes().readWhere(ctx.params.model, scope)) {
      if (!(await scopes().readableDocumentIds(ctx.params.model, [source], scope)).has(source)) throw new errors.NotFoundError();
    }
    const target = (strapi.getModel(ctx.params.model as never) as { attributes: Record<string, { target?: string }> } | undefined)?.attributes[
      ctx.params.targetField
    ]?.target;
    if (!target || isUnrestricted(scope) || !scopes().readWhere(target, scope)) return findExisting.call(this, ctx);

    const query = ctx.request.query;
    const page = Math.max(1, Number(query.page ?? 1) || 1);
    const pageSize = Math.min(RELATION_PAGE, Math.max(1, Number(query.pageSize ?? 10) || 10));
    const readable: { documentId?: string }[] = [];
    let result: unknown;
    for (let at = 1; ; at += 1) {
      query.page = String(at);
      query.pageSize = String(RELATION_PAGE);
      result = await findExisting.call(this, ctx);
      const body = ctx.body;
      if (!body?.results) return result;
      const ids = body.results.map((row) => row.documentId).filter((id): id is string => typeof id === 'string');
      const allowed = await scopes().readableDocumentIds(target, ids, scope);
      readable.push(...body.results.filter((row) => row.documentId !== undefined && allowed.has(row.documentId)));
      if (at >= (body.pagination?.pageCount ?? 1)) break;
    }
    const total = readable.length;
    ctx.body = {
      ...ctx.body,
      results: readable.slice((page - 1) * pageSize, page * pageSize),
      pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total },
    };
    return result;
  };
}

interface DocumentManager {
  findLocales: (id: string | string[] | undefined, uid: string, options: unknown) => Promise<{ documentId?: string }[]>;
  exists: (uid: string, id?: string) => Promise<boolean>;
  publishMany: (uid: string, documentIds: string[], locale: unknown) => Promise<number>;
  unpublishMany: (documentIds: string[], uid: string, options?: unknown) => Promise<{ count: number }>;
  deleteMany: (documentIds: string[], uid: string, options?: unknown) => Promise<{ count: number }>;
}

interface CollectionTypesController {
  countManyEntriesDraftRelations: (this: unknown, ctx: { params: { model: string }; request: { query: Record<string, unknown> } }) => Promise<unknown>;
}

/**
 * The Content Manager finds the versions of a document it is about to delete, publish, unpublish
 * or discard, and whether a document exists at all, with direct queries, then answers 403 (or
 * the document's other versions) when the user may not change or read it: which tells an editor
 * that another organization's document exists. What the caller may not read is not found, so
 * such a request is answered as for a document that does not exist. The bulk actions take a list
 * of ids: the ones the caller may not read are dropped from it, as ids of no document are.
 */
export function scopeContentManagerLookups(strapi: Core.Strapi): void {
  const scopes = () => getService(strapi, 'scope');
  const manager = strapi.plugin('content-manager')?.service('document-manager') as unknown as DocumentManager | undefined;
  if (!manager) return;
  const readableOf = async (uid: string, ids: string[]): Promise<string[]> => {
    const scope = await scopes().current();
    if (isUnrestricted(scope) || !scopes().readWhere(uid, scope)) return ids;
    const readable = await scopes().readableDocumentIds(uid, ids, scope);
    return ids.filter((id) => readable.has(id));
  };
  const owned = ownedTypesOf(strapi);
  const findLocales = manager.findLocales.bind(manager);
  manager.findLocales = async (id, uid, options) => {
    // The organization condition of a permission is checked on the owner of each version: bulk
    // unpublish looks its documents up without populating it, and would refuse every editor.
    const owner = owned.get(uid)?.owner;
    const opts = options as { populate?: unknown } | undefined;
    const loaded = owner && opts && opts.populate === undefined ? { ...opts, populate: { [owner]: { fields: ['id'] } } } : options;
    const versions = await findLocales(id, uid, loaded);
    if (!id || versions.length === 0) return versions;
    const ids = [...new Set(versions.map((version) => version.documentId).filter((one): one is string => typeof one === 'string'))];
    const readable = new Set(await readableOf(uid, ids));
    return versions.filter((version) => version.documentId !== undefined && readable.has(version.documentId));
  };
  const exists = manager.exists.bind(manager);
  manager.exists = async (uid, id) => (await exists(uid, id)) && (!id || (await readableOf(uid, [id])).length === 1);
  const publishMany = manager.publishMany.bind(manager);
  manager.publishMany = async (uid, documentIds, locale) => publishMany(uid, await readableOf(uid, documentIds), locale);
  const unpublishMany = manager.unpublishMany.bind(manager);
  manager.unpublishMany = async (documentIds, uid, options) => unpublishMany(await readableOf(uid, documentIds), uid, options);
  const deleteMany = manager.deleteMany.bind(manager);
  manager.deleteMany = async (documentIds, uid, options) => deleteMany(await readableOf(uid, documentIds), uid, options);

  const controller = strapi.plugin('content-manager')?.controller('collection-types') as unknown as CollectionTypesController | undefined;
  if (!controller) return;
  const countDrafts = controller.countManyEntriesDraftRelations;
  controller.countManyEntriesDraftRelations = async function scopedCountDrafts(this: unknown, ctx) {
    const asked = ctx.request.query.documentIds;
    const ids = (Array.isArray(asked) ? asked : [asked]).filter((id): id is string => typeof id === 'string');
    ctx.request.query.documentIds = await readableOf(ctx.params.model, ids);
    return countDrafts.call(this, ctx);
  };
}

interface Authentication {
  authenticate: (ctx: unknown, next: () => Promise<unknown>) => Promise<unknown>;
}

/**
 * Works out the scope as soon as Strapi knows who the caller is, before any route runs: reads
 * made without a Document Service call of their own (the entity service, direct Content Manager
 * queries, GraphQL relation resolvers) then find it ready for the query-engine hook.
 */
export function resolveScopeOnAuthentication(strapi: Core.Strapi): void {
  const scopes = () => getService(strapi, 'scope');
  const auth = strapi.get('auth') as Authentication;
  const authenticate = auth.authenticate.bind(auth);
  auth.authenticate = (ctx, next) =>
    authenticate(ctx, async () => {
      const scope = await scopes().current();
      const path = (ctx as { path?: string }).path ?? '';
      // Site users' accounts (names, e-mails, roles) are personal data: of API tokens, only the
      // platform's own full-access ones, bound to no organization, reach them.
      if (SITE_USER_ROUTES.test(path) && scope.actor.startsWith('api-token:') && scope.write !== 'all') {
        throw forbiddenError('This API token may not read or change site users', { code: 'SITE_USERS_NOT_FOR_THIS_TOKEN' });
      }
      return next();
    });
}

const SITE_USER_ROUTES = /^\/api\/(users|users-permissions)(\/|$)/;

/**
 * GraphQL relation resolvers read through the query engine without a Document Service call of
 * their own: the scope is worked out when the operation starts, before any resolver runs.
 */
export function resolveScopeForGraphql(strapi: Core.Strapi): void {
  if (!strapi.plugin('graphql')) return;
  const scopes = () => getService(strapi, 'scope');
  const key = 'plugin::graphql.apolloServer';
  const apollo = (strapi.config.get(key) ?? {}) as { plugins?: unknown[] };
  const plugin = {
    async requestDidStart() {
      await scopes().current();
    },
  };
  strapi.config.set(key, { ...apollo, plugins: [...(apollo.plugins ?? []), plugin] });
}
