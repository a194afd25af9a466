import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { forbiddenError } from '../../../../../utils/errors';
import { subtreeIds, type TreeEdge } from '../../../../../domain/organization-tree';
import { MEMBERSHIP_UID, ORGANIZATION_UID, ROLE_CODES, SUPER_ADMIN_CODE } from '../constants';
import { ownedTypesOf, type OwnedType } from '../ownership';

/** Which organizations' content an actor reaches: every organization, or these ids. */
export type Reach = 'all' | number[];

/** What the caller of one request may read and change among organization-owned content. */
export interface AccessScope {
  /** Describes the actor in refusals and logs: `admin:3`, `api-token:7`, `user:12`, `public`, `system`. */
  actor: string;
  read: Reach;
  write: Reach;
  /** The organizations the actor is bound to directly (not those below them). */
  memberOf: number[];
}

interface RequestLike {
  state?: {
    user?: { id?: number; roles?: { code?: string }[] };
    auth?: { strategy?: { name?: string }; credentials?: { id?: number; type?: string } };
  };
}

export const SYSTEM_SCOPE: AccessScope = { actor: 'system', read: 'all', write: 'all', memberOf: [] };
const API_TOKEN_STRATEGIES = ['content-api-token', 'api-token'];

export const reaches = (reach: Reach, organizationId: number | null | undefined): boolean =>
  reach === 'all' || (organizationId !== null && organizationId !== undefined && reach.includes(organizationId));

const scopes = new WeakMap<object, Promise<AccessScope>>();

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
    /** Every organization as (id, parent id), from the organization service that owns the tree. */
    async edges(): Promise<TreeEdge[]> {
      return strapi.service(ORGANIZATION_UID).edges();
    },

    /** The organizations bound to `memberOf` and everything below them. */
    async reachOf(memberOf: number[]): Promise<number[]> {
      if (memberOf.length === 0) return [];
      return subtreeIds(await service.edges(), memberOf);
    },

    /** The organizations an admin user is bound to (the RBAC condition asks this too). */
    adminMemberships: (userId: number) => organizationsOf({ adminUser: { id: userId } }),

    async forAdmin(user: { id?: number; roles?: { code?: string }[] }): Promise<AccessScope> {
      const codes = (user.roles ?? []).map((role) => role.code);
      if (codes.includes(SUPER_ADMIN_CODE)) return { actor: `admin:${user.id}`, read: 'all', write: 'all', memberOf: [] };
      const memberOf = user.id === undefined ? [] : await service.adminMemberships(user.id);
      const reach = await service.reachOf(memberOf);
      // 审计 reads the whole platform; what it may change still follows its memberships (none by default).
      const read: Reach = codes.includes(ROLE_CODES.auditor) ? 'all' : reach;
      return { actor: `admin:${user.id}`, read, write: reach, memberOf };
    },

    /** The scope of the request being served, computed once per request. */
    current(): Promise<AccessScope> {
      const ctx = strapi.requestContext.get() as RequestLike | undefined;
      if (!ctx) return Promise.resolve(SYSTEM_SCOPE);
      let scope = scopes.get(ctx);
      if (!scope) {
        scope = service.resolve(ctx);
        scopes.set(ctx, scope);
      }
      return scope;
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
     * without the Document Service (lifecycle transitions) call this themselves.
     */
    async assertMayChange(uid: string, documentId: string, scope?: AccessScope): Promise<void> {
      const type = ownedTypesOf(strapi).get(uid);
      const actor = scope ?? (await service.current());
      if (!type || actor.write === 'all') return;
      const owners = await service.ownersOf(type, documentId);
      if (owners.length === 0) return; // The caller answers its own 404.
      if (!owners.every((owner) => reaches(actor.read, owner))) throw new errors.NotFoundError('Not Found');
      if (!owners.every((owner) => reaches(actor.write, owner))) {
        throw forbiddenError('This content belongs to an organization you may not change', { code: 'OUTSIDE_YOUR_ORGANIZATIONS' });
      }
    },

    /** documentIds of the organizations the current request may read, or 'all'. */
    async readableOrganizationDocumentIds(): Promise<'all' | string[]> {
      const { read } = await service.current();
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
        const memberOf = await organizationsOf({ apiToken: { id: credentials.id } });
        if (memberOf.length > 0) {
          const reach = await service.reachOf(memberOf);
          return { actor, read: reach, write: reach, memberOf };
        }
        // An unbound token serves the whole platform (a city-wide site, an integration); what it may
        // do at all is still its type and its permissions.
        return { actor, read: 'all', write: credentials.type === 'read-only' ? [] : 'all', memberOf };
      }

      if (strategy === 'users-permissions' && credentials?.id !== undefined) {
        const actor = `user:${credentials.id}`;
        const memberOf = await organizationsOf({ siteUser: { id: credentials.id } });
        if (memberOf.length > 0) {
          const reach = await service.reachOf(memberOf);
          return { actor, read: reach, write: reach, memberOf };
        }
        return { actor, read: 'all', write: [], memberOf };
      }

      // The public reads what is published and disclosable (enforced by the public read rule) and
      // changes nothing that belongs to an organization.
      return { actor: 'public', read: 'all', write: [], memberOf: [] };
    },
  };
  return service;
};
