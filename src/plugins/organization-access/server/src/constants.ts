export const PLUGIN_ID = 'organization-access';
export const MEMBERSHIP_UID = 'plugin::organization-access.membership';
export const ORGANIZATION_UID = 'api::organization.organization';
/** The admin RBAC condition: "only content of my organizations and the organizations below them". */
export const CONDITION_NAME = 'own-organizations';
export const CONDITION_ID = `plugin::${PLUGIN_ID}.${CONDITION_NAME}`;

/** Admin roles the platform seeds; their codes are stable so code and tests can find them. */
export const ROLE_CODES = {
  editor: 'gongkai-editor',
  publisher: 'gongkai-publisher',
  auditor: 'gongkai-auditor',
} as const;
export const SUPER_ADMIN_CODE = 'strapi-super-admin';
