import type { Core } from '@strapi/strapi';
import { CONDITION_ID, ORGANIZATION_UID, ROLE_CODES } from './constants';
import type { OwnedType } from './ownership';

const CM = 'plugin::content-manager.explorer';

interface PermissionInput {
  action: string;
  subject?: string | null;
  properties?: { fields?: string[] };
  conditions?: string[];
}

interface RoleDefinition {
  code: string;
  name: string;
  description: string;
  permissions: PermissionInput[];
}

const MEDIA = ['read', 'assets.create', 'assets.update', 'assets.download', 'assets.copy-link', 'configure-view'].map(
  (action) => ({ action: `plugin::upload.${action}` }),
);

/**
 * The three platform roles. Content permissions on organization-owned types carry the
 * "own organizations" condition; the auditor reads every type without it and changes nothing.
 */
export function roleDefinitions(strapi: Core.Strapi, owned: Map<string, OwnedType>): RoleDefinition[] {
  const contentTypes = Object.values(strapi.contentTypes).filter(
    (contentType) => contentType.uid.startsWith('api::') && contentType.kind === 'collectionType',
  );
  const fieldsOf = (uid: string) => {
    const service = strapi.service('admin::content-type') as {
      getPermissionsWithNestedFields: (actions: unknown[]) => { subject: string; properties: { fields?: string[] } }[];
    };
    const [permission] = service.getPermissionsWithNestedFields([{ actionId: `${CM}.read`, subjects: [uid], options: { applyToProperties: ['fields'] } }]);
    return permission?.properties.fields ?? [];
  };
  const own = (action: string, uid: string): PermissionInput => ({
    action: `${CM}.${action}`,
    subject: uid,
    properties: action === 'delete' || action === 'publish' ? {} : { fields: fieldsOf(uid) },
    conditions: [CONDITION_ID],
  });
  const readAll = (uid: string): PermissionInput => ({ action: `${CM}.read`, subject: uid, properties: { fields: fieldsOf(uid) } });

  const editing: PermissionInput[] = [];
  const publishing: PermissionInput[] = [];
  for (const contentType of contentTypes) {
    const type = owned.get(contentType.uid);
    if (type) {
      editing.push(...['create', 'read', 'update', 'delete'].map((action) => own(action, type.uid)));
      if (type.draftAndPublish) publishing.push(own('publish', type.uid));
    } else if (contentType.uid === ORGANIZATION_UID) {
      // Everyone may see the directory (and pick co-issuers from it); only its own part is editable.
      editing.push(readAll(ORGANIZATION_UID), own('update', ORGANIZATION_UID), own('create', ORGANIZATION_UID));
    } else {
      editing.push(readAll(contentType.uid));
    }
  }
  const lifecycle = (action: string) => ({ action: `plugin::document-lifecycle.${action}` });
  const ratios = { action: 'plugin::publishing-ratios.read' };
  const desk = (...actions: string[]) => actions.map((action) => ({ action: `plugin::request-desk.${action}` }));

  return [
    {
      code: ROLE_CODES.editor,
      name: '编辑',
      description: '起草和修改本机构及下级机构的内容（草稿），不能发布',
      permissions: [...editing, ...MEDIA, lifecycle('read'), ratios, ...desk('read', 'handle')],
    },
    {
      code: ROLE_CODES.publisher,
      name: '审核发布',
      description: '审核并发布本机构及下级机构的内容，执行立改废效力变更，审核报批依申请公开答复、延长答复期限',
      permissions: [...editing, ...publishing, ...MEDIA, lifecycle('read'), lifecycle('transition'), ratios, ...desk('read', 'handle', 'extend', 'approve')],
    },
    {
      code: ROLE_CODES.auditor,
      name: '审计',
      description: '只读查看全平台内容和生命周期记录，导出审计数据，不能修改',
      permissions: [
        ...contentTypes.map((contentType) => readAll(contentType.uid)),
        { action: 'plugin::upload.read' },
        lifecycle('read'),
        ratios,
        ...desk('read'),
        { action: 'plugin::audit-export.export' },
        { action: 'plugin::audit-export.read-log' },
      ],
    },
  ];
}

/** The plugin an admin action belongs to: `plugin::audit-export` of `plugin::audit-export.export`. */
const pluginOf = (action: string) => action.slice(0, action.indexOf('.'));

/**
 * Creates the platform roles on first start. On later starts a role only gains permissions on
 * subjects it has none for (a content type added since) and actions of plugins it has none of (a
 * plugin added since, such as the audit export for an auditor role created before it), so changes
 * made in Settings stay.
 */
export async function ensureRoles(strapi: Core.Strapi, owned: Map<string, OwnedType>): Promise<void> {
  const roles = strapi.service('admin::role') as {
    findOne: (where: Record<string, unknown>) => Promise<{ id: number } | null>;
    create: (attributes: Record<string, unknown>) => Promise<{ id: number }>;
    addPermissions: (roleId: number, permissions: PermissionInput[]) => Promise<unknown>;
    createRolesIfNoneExist: () => Promise<void>;
  };
  // Strapi creates its Super Admin, Editor and Author roles only when no role exists at all: let it
  // do so before the platform roles exist.
  await roles.createRolesIfNoneExist();
  const { actionProvider } = strapi.service('admin::permission') as { actionProvider: { has: (id: string) => boolean } };
  for (const definition of roleDefinitions(strapi, owned)) {
    let role = await roles.findOne({ code: definition.code });
    const fresh = !role;
    if (!role) role = await roles.create({ name: definition.name, code: definition.code, description: definition.description });
    const existing = fresh
      ? []
      : ((await strapi.db.query('admin::permission').findMany({ where: { role: { id: role.id } }, select: ['action', 'subject'] })) as {
          action: string;
          subject: string | null;
        }[]);
    const coveredSubjects = new Set(existing.map((permission) => permission.subject).filter(Boolean));
    const coveredPlugins = new Set(existing.filter((permission) => !permission.subject).map((permission) => pluginOf(permission.action)));
    const missing = definition.permissions.filter((permission) => {
      if (!actionProvider.has(permission.action)) return false;
      if (fresh) return true;
      if (permission.subject) return !coveredSubjects.has(permission.subject);
      return !coveredPlugins.has(pluginOf(permission.action));
    });
    if (missing.length > 0) await roles.addPermissions(role.id, missing);
  }
}
