import type { Core } from '@strapi/strapi';
import { ownedTypesOf } from '../ownership';
import { ensureRoles } from '../roles';
import organizations from './organizations';
import scope from './scope';

export type ScopeService = ReturnType<typeof scope>;
export type OrganizationsService = ReturnType<typeof organizations>;

/**
 * Seeds the 编辑/审核发布/审计 roles. Called from the application's bootstrap, which runs after
 * every plugin has registered its admin actions (the roles hold some of them).
 */
const roles = ({ strapi }: { strapi: Core.Strapi }) => ({
  ensure: () => ensureRoles(strapi, ownedTypesOf(strapi)),
});

export type RolesService = ReturnType<typeof roles>;

export default { scope, roles, organizations };
