import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { fieldError, forbiddenError } from '../../../../utils/errors';
import { readLinkedRefs, readToOneChange, type RelationRef } from '../../../../utils/relations';
import { ORGANIZATION_UID } from './constants';
import { ownedTypesOf, type OwnedType } from './ownership';
import { AsyncLocalStorage } from 'async_hooks';
import { PUBLIC_SCOPE, reaches, type AccessScope, type Reach } from './services/scope';
import { getService } from './get-service';

const READS = new Set(['findMany', 'findFirst', 'count']);
const ALL_READS = new Set([...READS, 'findOne']);

/**
 * Set while a Document Service write runs: the queries a write makes to find what it changes are
 * the write's own (already checked here), not reads the read rule should narrow.
 */
export const writing = new AsyncLocalStorage<boolean>();
const ON_EXISTING = new Set(['update', 'delete', 'publish', 'unpublish', 'discardDraft', 'clone']);
const WITH_DATA = new Set(['create', 'update', 'clone']);

type Params = { documentId?: string; data?: Record<string, unknown>; filters?: Record<string, unknown> };

const forbidden = (message: string) => forbiddenError(message, { code: 'OUTSIDE_YOUR_ORGANIZATIONS' });

/**
 * Per-organization isolation where data is read and written. Every path (Content Manager, REST,
 * GraphQL, plugin routes) goes through the Document Service, so a route that forgets a check
 * still cannot show or change another organization's content. The admin's RBAC condition
 * mirrors this rule so the panel shows the right things; this is what makes it hold.
 */
export function accessMiddleware(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  const owned = () => ownedTypesOf(strapi);
  const scopes = () => getService(strapi, 'scope');

  async function organizationIdOf(ref: RelationRef): Promise<number | null> {
    const row = await strapi.db.query(ORGANIZATION_UID).findOne({
      where: 'documentId' in ref ? { documentId: ref.documentId } : { id: ref.id },
      select: ['id'],
    });
    return row?.id ?? null;
  }

  /** Checks (and, for a single-organization actor, fills in) the owner a write sets. */
  async function checkOwnerWrite(type: OwnedType, data: Record<string, unknown>, scope: AccessScope, creating: boolean): Promise<void> {
    const change = readToOneChange(data[type.owner]);
    if (change === 'invalid') throw fieldError(type.owner, 'must be the documentId of an organization', data[type.owner]);
    if (change.kind === 'set') {
      const id = await organizationIdOf(change.ref);
      if (id === null) throw fieldError(type.owner, 'does not exist', data[type.owner]);
      if (!reaches(scope.write, id)) throw forbidden(`${type.owner}: you may only assign content to your own organizations`);
      return;
    }
    if (change.kind === 'clear' && !creating) throw fieldError(type.owner, 'cannot be removed', null);
    if (!creating) return;
    if (scope.memberOf.length === 1) {
      const row = await strapi.db.query(ORGANIZATION_UID).findOne({ where: { id: scope.memberOf[0] }, select: ['documentId'] });
      data[type.owner] = row.documentId;
      return;
    }
    throw fieldError(type.owner, 'is required: choose one of your organizations', data[type.owner] ?? null);
  }

  /**
   * Links only to documents the caller may read, or the public may: a link to any other (another
   * organization's draft or 不予公开 document) is answered exactly as Strapi answers a link to a
   * document that does not exist, by documentId or by id, so a link cannot tell it exists.
   */
  async function checkLinks(uid: string, data: Record<string, unknown>, scope: AccessScope): Promise<void> {
    const attributes = (strapi.contentTypes as unknown as Record<string, { attributes: unknown }>)[uid].attributes as Record<string, { type: string; target?: string }>;
    for (const [name, attribute] of Object.entries(attributes)) {
      if (attribute.type !== 'relation' || data[name] === undefined) continue;
      const target = attribute.target ? owned().get(attribute.target) : undefined;
      if (!target) continue;
      const refs = readLinkedRefs(data[name]);
      if (refs === 'invalid') throw fieldError(name, 'must be documentIds of existing documents', data[name]);
      const linkable = (rows: { documentId: string }[]) => linkableDocumentIds(target.uid, rows.map((row) => row.documentId), scope);
      const byDocumentId = refs.filter((ref): ref is { documentId: string } => 'documentId' in ref).map((ref) => ref.documentId);
      if (byDocumentId.length > 0) {
        const allowed = await linkable(byDocumentId.map((documentId) => ({ documentId })));
        const hidden = byDocumentId.find((documentId) => !allowed.has(documentId));
        if (hidden) throw new errors.ValidationError(`Document with id "${hidden}", locale "null" not found`);
      }
      const byId = refs.filter((ref): ref is { id: number } => 'id' in ref).map((ref) => ref.id);
      if (byId.length > 0) {
        const rows = (await strapi.db.query(target.uid).findMany({ where: { id: { $in: byId } }, select: ['id', 'documentId'] })) as { id: number; documentId: string }[];
        const allowed = await linkable(rows);
        const missing = new Set(byId).size - rows.filter((row) => allowed.has(row.documentId)).length;
        if (missing > 0) throw new errors.ValidationError(`${missing} relation(s) of type ${target.uid} associated with this entity do not exist`);
      }
    }
  }

  /** Those of `documentIds` the caller may read, or the public may. */
  async function linkableDocumentIds(uid: string, documentIds: string[], scope: AccessScope): Promise<Set<string>> {
    const own = await scopes().readableDocumentIds(uid, documentIds, scope);
    const rest = documentIds.filter((documentId) => !own.has(documentId));
    const open = rest.length > 0 ? await scopes().readableDocumentIds(uid, rest, PUBLIC_SCOPE) : new Set<string>();
    return new Set([...own, ...open]);
  }

  const restrict = (filters: Record<string, unknown> | undefined, clause: Record<string, unknown>) =>
    filters && Object.keys(filters).length > 0 ? { $and: [filters, clause] } : clause;

  async function guardOrganization(action: string, params: Params, scope: AccessScope): Promise<void> {
    if (scope.write === 'all' || !(WITH_DATA.has(action) || action === 'delete')) return;
    if (action !== 'create') {
      const row = params.documentId
        ? await strapi.db.query(ORGANIZATION_UID).findOne({ where: { documentId: params.documentId }, select: ['id'] })
        : null;
      if (row && !reaches(scope.write, row.id)) throw forbidden('You may only change your own organizations and those below them');
    }
    const data = params.data;
    if (!data) return;
    const parent = readToOneChange(data.parent);
    if (parent === 'invalid') return; // The organization rules name the field.
    if (parent.kind === 'set') {
      const id = await organizationIdOf(parent.ref);
      if (id !== null && !reaches(scope.write, id)) throw forbidden('parent: you may only place organizations below your own');
    } else if (action === 'create' || parent.kind === 'clear') {
      throw forbidden('parent: you may only create organizations below your own');
    }
  }

  return async (context, next) => {
    if (!ALL_READS.has(context.action)) return writing.run(true, () => guard(context, next));
    if (strapi.requestContext.get()) {
      // Worked out before any query runs, so the query-engine hook finds it for nested reads too.
      const scope = await scopes().current();
      if (!scope.mayReadUnpublished && context.uid.startsWith('api::')) {
        // Published rows only, also for types without draft/publish: the status is handed down to
        // every relation they populate.
        (context.params as { status?: string }).status = 'published';
      }
    }
    return guard(context, next);
  };

  type Middleware = Modules.Documents.Middleware.Middleware;
  async function guard(context: Parameters<Middleware>[0], next: Parameters<Middleware>[1]): ReturnType<Middleware> {
    const type = owned().get(context.uid);
    const isOrganization = context.uid === ORGANIZATION_UID;
    if (!type && !isOrganization) return next();

    const scope = await scopes().current();
    if (scope.read === 'all' && scope.write === 'all') return next();
    const params = context.params as Params;

    if (isOrganization) {
      await guardOrganization(context.action, params, scope);
      if (WITH_DATA.has(context.action) && params.data && scope.write !== 'all') await checkLinks(context.uid, params.data, scope);
      return next();
    }
    if (!type) return next();

    const readReach: Reach = scope.read;
    if (READS.has(context.action)) {
      if (readReach !== 'all') params.filters = restrict(params.filters, { [type.owner]: { id: { $in: readReach } } });
      return next();
    }
    // One document is read like a list: the read rule, applied where the query runs, finds
    // nothing of another organization, so the answer is the one a missing document gets.
    if (context.action === 'findOne') return next();

    // Strapi's REST delete answers 204 for a document that does not exist, where another
    // organization's is a 404: to a caller bound to organizations, both are missing.
    if (ON_EXISTING.has(context.action) && params.documentId) {
      await scopes().assertMayChange(context.uid, params.documentId, scope, 'Not Found', { mustExist: context.action === 'delete' });
    }
    if (context.action === 'create' && scope.write !== 'all' && scope.write.length === 0) {
      throw forbidden('You are not bound to any organization, so you cannot create its content');
    }
    if (WITH_DATA.has(context.action) && params.data && scope.write !== 'all') {
      await checkOwnerWrite(type, params.data, scope, context.action === 'create');
      await checkLinks(context.uid, params.data, scope);
    }
    return next();
  }
}
