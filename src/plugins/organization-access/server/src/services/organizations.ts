import type { Core } from '@strapi/strapi';
import { fieldError } from '../../../../../utils/errors';
import { subtreeIds, type TreeEdge } from '../../../../../domain/organization-tree';
import { ORGANIZATION_UID } from '../constants';

export type OrganizationEdge = TreeEdge & { documentId: string };

/** The organization tree as every plugin and the app read it: one home for "this organization and those below it". */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = {
    /** Every organization as (id, parent id, documentId): a city has hundreds, read in two queries. */
    async edges(): Promise<OrganizationEdge[]> {
      const rows = (await strapi.db.query(ORGANIZATION_UID).findMany({
        select: ['id', 'documentId'],
        populate: { parent: { select: ['id'] } },
      })) as { id: number; documentId: string; parent?: { id: number } | null }[];
      return rows.map((row) => ({ id: row.id, documentId: row.documentId, parentId: row.parent?.id ?? null }));
    },

    /** The organizations below `ids` (row ids), with them, breadth first. */
    async subtreeOfIds(ids: number[]): Promise<number[]> {
      if (ids.length === 0) return [];
      return subtreeIds(await service.edges(), ids);
    },

    /** The organization and all organizations below it, as documentIds; `null` when it does not exist. */
    async subtreeOf(documentId: string): Promise<string[] | null> {
      const edges = await service.edges();
      const root = edges.find((edge) => edge.documentId === documentId);
      if (!root) return null;
      const documentIdOf = new Map(edges.map((edge) => [edge.id, edge.documentId]));
      return subtreeIds(edges, [root.id]).map((id) => documentIdOf.get(id) as string);
    },

    /** The subtree below an organization named in a request; a 400 naming `field` when it does not exist. */
    async requestedSubtree(documentId: string, field = 'organization'): Promise<string[]> {
      const subtree = await service.subtreeOf(documentId);
      if (!subtree) throw fieldError(field, 'does not exist', documentId);
      return subtree;
    },
  };
  return service;
};
