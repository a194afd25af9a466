import type { Core, Modules } from '@strapi/strapi';

const UID = 'api::organization.organization';

/**
 * Validates every write to organizations, whichever path it comes from (REST, GraphQL, the
 * Content Manager, scripts), because they all go through the Document Service.
 */
export function organizationMiddleware(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  return async (context, next) => {
    if (context.uid !== UID) return next();
    const service = strapi.service(UID);
    const params = context.params as { documentId?: string; data?: Record<string, unknown> };

    switch (context.action) {
      case 'create':
      case 'clone':
      case 'update':
        if (params.data) {
          await service.validateWrite({
            documentId: context.action === 'update' ? params.documentId : undefined,
            data: params.data,
          });
        }
        break;
      case 'delete':
        if (params.documentId) await service.assertDeletable(params.documentId);
        break;
      default:
        break;
    }
    return next();
  };
}
