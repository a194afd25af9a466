import { factories } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { checkOrganizationCode } from '../../../domain/organization-code';
import { parentCycle } from '../../../domain/organization';
import { fieldError } from '../../../utils/errors';
import { readToOneChange, type RelationRef } from '../../../utils/relations';

const UID = 'api::organization.organization';

/** A write to an organization as the Document Service receives it. */
export interface OrganizationWriteInput {
  /** The organization being updated; absent on create. */
  documentId?: string;
  data: Record<string, unknown>;
}

interface OrganizationRow {
  id: number;
  documentId: string;
  parent?: { documentId: string } | null;
}

export default factories.createCoreService(UID, ({ strapi }) => {
  const rows = () => strapi.db.query(UID);

  const findRow = (ref: RelationRef): Promise<OrganizationRow | null> =>
    rows().findOne({
      where: 'documentId' in ref ? { documentId: ref.documentId } : { id: ref.id },
      select: ['id', 'documentId'],
      populate: { parent: { select: ['documentId'] } },
    });

  return {
    /** documentIds from the given organization up to the root of its tree. */
    async ancestorsOf(documentId: string): Promise<string[]> {
      const chain: string[] = [];
      let current: string | undefined = documentId;
      // The visited check stops at a loop that may already exist in data written before validation.
      while (current && !chain.includes(current)) {
        chain.push(current);
        const row: OrganizationRow | null = await findRow({ documentId: current });
        current = row?.parent?.documentId;
      }
      return chain;
    },

    /**
     * Normalizes `code` in place and refuses an invalid code, an unknown parent, or a parent that
     * would put the organization under itself.
     */
    async validateWrite({ documentId, data }: OrganizationWriteInput): Promise<void> {
      if (data.code !== undefined && data.code !== null) {
        if (typeof data.code !== 'string') throw fieldError('code', 'must be a string', data.code);
        const check = checkOrganizationCode(data.code);
        if (!check.valid) throw fieldError('code', check.reason, data.code);
        data.code = check.code;
      }

      const change = readToOneChange(data.parent);
      if (change === 'invalid') throw fieldError('parent', 'must be the documentId of an organization', data.parent);
      if (change.kind !== 'set') return;

      const parent = await findRow(change.ref);
      if (!parent) throw fieldError('parent', 'does not exist', data.parent);
      if (!documentId) return;

      const cycle = parentCycle(documentId, await this.ancestorsOf(parent.documentId));
      if (cycle) {
        throw fieldError(
          'parent',
          cycle.length === 2
            ? 'cannot be the organization itself'
            : 'would make the organization its own ancestor',
          data.parent,
        );
      }
    },

    /** Refuses to delete an organization that still has sub-organizations. */
    async assertDeletable(documentId: string): Promise<void> {
      const children = await rows().count({ where: { parent: { documentId } } });
      if (children > 0) {
        throw new errors.ApplicationError(
          `Organization has ${children} sub-organization(s); move or delete them first`,
          { code: 'ORGANIZATION_HAS_CHILDREN', children },
        );
      }
    },
  };
});
