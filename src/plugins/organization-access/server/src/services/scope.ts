import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { errors } from '@strapi/utils';
import { forbiddenError } from '../../../../../utils/errors';
import { getService } from '../get-service';
import { MEMBERSHIP_UID, ORGANIZATION_UID, ROLE_CODES, SUPER_ADMIN_CODE } from '../constants';
import { ownedTypesOf, type OwnedType } from '../ownership';
import { readConditionSql } from '../read-rule-sql';
import { readConditions, type Models, type ReadModel, type Reach, type ReadScope, type Where } from '../read-rule';

export type { Reach } from '../read-rule';

/** What the caller of one request may read and change: worked out once per request. */
export interface AccessScope extends ReadScope {
  /** Describes the actor in refusals and logs: `admin:3`, `api-token:7`, `user:12`, `public`, `system`. */
  actor: string;
  /** The actor's name as people know it (an admin's 姓名, a token's or a site user's name), kept in histories. */
  actorName: string | null;
  write: Reach;
  /** The organizations the actor is bound to directly (not those below them). */
  memberOf: number[];
}

interface RequestLike {
  state?: {
    user?: AdminUser;
    auth?: { strategy?: { name?: string }; credentials?: { id?: number; type?: string; name?: string; username?: string } };
  };
}

interface AdminUser {
  id?: number;
  firstname?: string | null;
  lastname?: string | null;
  email?: string | null;
  roles?: { code?: string }[];
}

export const SYSTEM_SCOPE: AccessScope = { actor: 'system', actorName: '系统', read: 'all', write: 'all', memberOf: [], mayReadUnpublished: true };
export const PUBLIC_SCOPE: AccessScope = { actor: 'public', actorName: null, read: 'all', write: [], memberOf: [], mayReadUnpublished: false };
/** For a request whose scope was never worked out: it reads only what the public reads, of no organization. */
const UNRESOLVED_SCOPE: AccessScope = { actor: 'unresolved', actorName: null, read: [], write: [], memberOf: [], mayReadUnpublished: false };
/** Strapi 5.54 names the API-token strategy `content-api-token`; earlier 5.x releases `api-token`. */
export const API_TOKEN_STRATEGIES = ['content-api-token', 'api-token'];

export const reaches = (reach: Reach, organizationId: number | null | undefined): boolean =>
  reach === 'all' || (organizationId !== null && organizationId !== undefined && reach.includes(organizationId));

const scopes = new WeakMap<object, Promise<AccessScope>>();
const resolvedScopes = new WeakMap<object, AccessScope>();
const modelsByStrapi = new WeakMap<object, Models>();

/** The read facts of every content type and component, from their schemas. */
export function readModelsOf(strapi: Core.Strapi): Models {
  let models = modelsByStrapi.get(strapi);
  if (models) return models;
  const owned = ownedTypesOf(strapi);
  const built = new Map<string, ReadModel>();
  const schemas = [...Object.entries(strapi.contentTypes), ...Object.entries(strapi.components)] as [
    string,
    { attributes: Record<string, { type: string; target?: string; component?: string }>; options?: { draftAndPublish?: boolean } },
  ][];
  for (const [uid, schema] of schemas) {
    const links: Record<string, string> = {};
    for (const [name, attribute] of Object.entries(schema.attributes)) {
      if (attribute.type === 'relation' && attribute.target) links[name] = attribute.target;
      if (attribute.type === 'component' && attribute.component) links[name] = attribute.component;
    }
    built.set(uid, {
      draftAndPublish: schema.options?.draftAndPublish === true,
      disclosure: 'disclosureMode' in schema.attributes,
      owner: owned.get(uid)?.owner,
      links,
    });
  }
  models = built;
  modelsByStrapi.set(strapi, models);
  return models;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const memberships = () => strapi.db.query(MEMBERSHIP_UID);

  async function organizationsOf(where: Record<string, unknown>): Promise<number[]> {
    const rows = (await memberships().findMany({
      where,
      select: ['id'],
      populate: { organizations: { select: ['id'] } },
    })) as { organizations?: { id: number }[] }[];
    return [...new Set(rows.flatMap((row) => (row.organizations ?? []).map((organization) => organization.id)))];
  }

  const service = {
    /** The organizations bound to `memberOf` and everything below them. */
    reachOf: (memberOf: number[]): Promise<number[]> => getService(strapi, 'organizations').subtreeOfIds(memberOf),

    /** The organizations an admin user is bound to (the RBAC condition asks this too). */
    adminMemberships: (userId: number) => organizationsOf({ adminUser: { id: userId } }),

    async forAdmin(user: AdminUser): Promise<AccessScope> {
      const codes = (user.roles ?? []).map((role) => role.code);
      // Chinese names are written family name first.
      const actorName = [user.lastname, user.firstname].filter(Boolean).join('') || user.email || null;
      const actor = `admin:${user.id}`;
      if (codes.includes(SUPER_ADMIN_CODE)) return { actor, actorName, read: 'all', write: 'all', memberOf: [], mayReadUnpublished: true };
      const memberOf = user.id === undefined ? [] : await service.adminMemberships(user.id);
      const reach = await service.reachOf(memberOf);
      // 审计 reads the whole platform; what it may change still follows its memberships (none by default).
      const read: Reach = codes.includes(ROLE_CODES.auditor) ? 'all' : reach;
      return { actor, actorName, read, write: reach, memberOf, mayReadUnpublished: true };
    },

    /** The scope of the request being served, computed once per request. */
    current(): Promise<AccessScope> {
      const ctx = strapi.requestContext.get() as RequestLike | undefined;
      if (!ctx) return Promise.resolve(SYSTEM_SCOPE);
      // Reads made while the caller is being authenticated (finding the admin user) come before
      // anyone is known: they read as the public, and that answer is not kept for the request.
      if (!ctx.state?.auth) return Promise.resolve(PUBLIC_SCOPE);
      let scope = scopes.get(ctx);
      if (!scope) {
        scope = service.resolve(ctx).then((resolved) => {
          resolvedScopes.set(ctx, resolved);
          return resolved;
        });
        scopes.set(ctx, scope);
      }
      return scope;
    },

    /**
     * The scope of the request being served, for code that cannot wait (the query-engine hook):
     * the system's outside requests, the public's for a request with no credentials, and for a
     * signed-in caller whose scope was never worked out, nothing of any organization.
     */
    currentSync(): AccessScope {
      const ctx = strapi.requestContext.get() as RequestLike | undefined;
      if (!ctx) return SYSTEM_SCOPE;
      const resolved = resolvedScopes.get(ctx);
      if (resolved) return resolved;
      if (!ctx.state?.auth?.strategy) return PUBLIC_SCOPE;
      strapi.log.warn(`Access scope read before it was resolved (${ctx.state.auth.strategy.name}): reading as the public of no organization`);
      return UNRESOLVED_SCOPE;
    },

    /** The condition on `uid`'s rows that `scope` may read, for query-engine calls made directly. */
    readWhere(uid: string, scope: AccessScope): Where | null {
      return readConditions(readModelsOf(strapi).get(uid), scope);
    },

    /**
     * The same condition for a knex query that reads `uid`'s table under `alias` (fast paths that
     * bypass the query engine): a raw fragment for a `where` or a join's `on`, or null when every
     * row is readable.
     */
    readSql(uid: string, alias: string, scope: AccessScope): Knex.Raw | null {
      return readConditionSql(strapi, readModelsOf(strapi).get(uid), uid, alias, scope);
    },

    /** Those of `documentIds` of `uid` that `scope` may read. */
    async readableDocumentIds(uid: string, documentIds: readonly string[], scope: AccessScope): Promise<Set<string>> {
      if (documentIds.length === 0) return new Set();
      const condition = service.readWhere(uid, scope);
      const where = { documentId: { $in: [...new Set(documentIds)] } };
      const rows = (await strapi.db.query(uid).findMany({
        where: condition ? { $and: [where, condition] } : where,
        select: ['documentId'],
      })) as { documentId: string }[];
      return new Set(rows.map((row) => row.documentId));
    },

    /** Owner ids of every stored row (draft and published) of one document; empty when it does not exist. */
    async ownersOf(type: OwnedType, documentId: string): Promise<(number | null)[]> {
      const rows = (await strapi.db.query(type.uid).findMany({
        where: { documentId },
        select: ['id'],
        populate: { [type.owner]: { select: ['id'] } },
      })) as Record<string, { id: number } | null>[];
      return rows.map((row) => row[type.owner]?.id ?? null);
    },

    /**
     * Refuses to let the current request change a document of another organization: 404 when it
     * may not even see the document, 403 when it may see but not change it. Routes that write
     * without the Document Service (lifecycle transitions) call this themselves. A document that
     * does not exist is left to the caller's own 404, unless `mustExist` asks for it here.
     */
    async assertMayChange(uid: string, documentId: string, scope?: AccessScope, notFound = 'Not Found', { mustExist = false } = {}): Promise<void> {
      const type = ownedTypesOf(strapi).get(uid);
      const actor = scope ?? (await service.current());
      if (!type || (actor.write === 'all' && !mustExist)) return;
      const owners = await service.ownersOf(type, documentId);
      if (owners.length === 0) {
        if (mustExist) throw new errors.NotFoundError(notFound);
        return;
      }
      if (actor.write === 'all') return;
      // Answered as the caller answers a document that does not exist, so the two cannot be told apart.
      if (!owners.every((owner) => reaches(actor.read, owner)) || !(await service.readableDocumentIds(uid, [documentId], actor)).has(documentId)) {
        throw new errors.NotFoundError(notFound);
      }
      if (!owners.every((owner) => reaches(actor.write, owner))) {
        throw forbiddenError('This content belongs to an organization you may not change', { code: 'OUTSIDE_YOUR_ORGANIZATIONS' });
      }
    },

    /** documentIds of the organizations the current request may read, or 'all'. */
    async readableOrganizationDocumentIds(scope: AccessScope): Promise<'all' | string[]> {
      const { read } = scope;
      if (read === 'all') return 'all';
      if (read.length === 0) return [];
      const rows = (await strapi.db.query(ORGANIZATION_UID).findMany({ where: { id: { $in: read } }, select: ['documentId'] })) as {
        documentId: string;
      }[];
      return rows.map((row) => row.documentId);
    },

    async resolve(ctx: RequestLike): Promise<AccessScope> {
      const strategy = ctx.state?.auth?.strategy?.name;
      const credentials = ctx.state?.auth?.credentials;
      if (strategy === 'admin' && ctx.state?.user) return service.forAdmin(ctx.state.user);

      if (strategy && API_TOKEN_STRATEGIES.includes(strategy) && credentials?.id !== undefined) {
        const actor = `api-token:${credentials.id}`;
        const actorName = credentials.name ?? null;
        // Read-only tokens read what the public reads; full-access and custom tokens are the
        // platform's own integrations and editors' tools.
        const mayReadUnpublished = credentials.type !== 'read-only';
        const memberOf = await organizationsOf({ apiToken: { id: credentials.id } });
        if (memberOf.length > 0) {
          const reach = await service.reachOf(memberOf);
          return { actor, actorName, read: reach, write: reach, memberOf, mayReadUnpublished };
        }
        // An unbound token serves the whole platform (a city-wide site, an integration); what it may
        // do at all is still its type and its permissions.
        return { actor, actorName, read: 'all', write: mayReadUnpublished ? 'all' : [], memberOf, mayReadUnpublished };
      }

      if (strategy === 'users-permissions' && credentials?.id !== undefined) {
        const actor = `user:${credentials.id}`;
        const actorName = credentials.username ?? null;
        const memberOf = await organizationsOf({ siteUser: { id: credentials.id } });
        if (memberOf.length > 0) {
          const reach = await service.reachOf(memberOf);
          return { actor, actorName, read: reach, write: reach, memberOf, mayReadUnpublished: false };
        }
        return { actor, actorName, read: 'all', write: [], memberOf, mayReadUnpublished: false };
      }

      // The public reads what is published and disclosable and changes nothing that belongs to an
      // organization.
      return PUBLIC_SCOPE;
    },
  };
  return service;
};
