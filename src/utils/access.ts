import type { Core } from '@strapi/strapi';
import type { OrganizationsService, ScopeService } from '../plugins/organization-access/server/src/services';

export type { AccessScope } from '../plugins/organization-access/server/src/services/scope';
export { PUBLIC_SCOPE, reaches, SYSTEM_SCOPE } from '../plugins/organization-access/server/src/services/scope';

/** The access module: who the caller is and what it may read, worked out once per request. */
export const access = (strapi: Core.Strapi): ScopeService => strapi.plugin('organization-access').service('scope') as ScopeService;

/** The organization tree: an organization and those below it, by documentId or row id. */
export const organizationTree = (strapi: Core.Strapi): OrganizationsService =>
  strapi.plugin('organization-access').service('organizations') as OrganizationsService;
