import { factories } from '@strapi/strapi';
import type { Context } from 'koa';
import { buildDirectory, type DirectoryRow } from '../../../domain/organization-tree';
import { fieldError } from '../../../utils/errors';
import { documentIdOf, readRouteInput, yup } from '../../../utils/route-input';

const UID = 'api::organization.organization';

const TREE_QUERY = yup.object({ organization: documentIdOf('an organization') });

/** What the public directory tree shows of each organization. */
const TREE_FIELDS = ['documentId', 'name', 'shortName', 'code', 'level', 'kind', 'sortOrder'];

export default factories.createCoreController(UID, ({ strapi }) => ({
  /**
   * 机构职能目录 as a tree: the whole city, or the organizations below `?organization=`. One query
   * for every organization; responsibilities and leaders stay on the detail endpoint.
   */
  async tree(ctx: Context) {
    const { organization } = readRouteInput<{ organization?: string }>(TREE_QUERY, ctx.query, {
      keys: ['organization'],
      message: 'is not a parameter of the organization tree',
    });
    const rows = (await strapi.db.query(UID).findMany({
      select: ['id', ...TREE_FIELDS],
      populate: { parent: { select: ['id'] }, contact: true },
    })) as (Record<string, unknown> & { id: number; name: string; parent?: { id: number } | null; contact?: Record<string, unknown> | null })[];
    const directory: DirectoryRow[] = rows.map(({ parent, contact, ...fields }) => ({
      ...fields,
      contact: contact ? publicContact(contact) : null,
      parentId: parent?.id ?? null,
    }));
    let rootId: number | undefined;
    if (typeof organization === 'string') {
      rootId = rows.find((row) => row.documentId === organization)?.id;
      if (rootId === undefined) throw fieldError('organization', 'does not exist', organization);
    }
    ctx.body = { data: buildDirectory(directory, rootId), meta: { total: rootId === undefined ? rows.length : undefined } };
  },
}));

function publicContact({ id: _id, ...contact }: Record<string, unknown>): Record<string, unknown> {
  return contact;
}
