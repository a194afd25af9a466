import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { lifecycleTypeOf } from '../document-types';

const adminPolicies = (action: string) => [{ name: 'admin::hasPermissions', config: { actions: [`plugin::document-lifecycle.${action}`] } }];

/**
 * The managed type's own paths, beside Strapi's: `POST /api/<plural>/:documentId/transitions`
 * (the `transition` permission of this plugin) and `GET /api/<plural>/:documentId/history`, which
 * needs only the permission to read the document (`findOne` of the type).
 */
const contentApi = ({ strapi }: { strapi: Core.Strapi }) => {
  const uid = lifecycleTypeOf(strapi);
  const plural = strapi.contentType(uid).info.pluralName;
  return {
    type: 'content-api',
    prefix: '',
    routes: [
      { method: 'POST', path: `/${plural}/:documentId/transitions`, handler: 'documents.transition' },
      {
        method: 'GET',
        path: `/${plural}/:documentId/history`,
        handler: (ctx: Context, next: Next) => strapi.plugin('document-lifecycle').controller('documents').history(ctx, next),
        config: { auth: { scope: [`${uid}.findOne`] } },
      },
    ],
  };
};

export default {
  'content-api': contentApi,
  admin: {
    type: 'admin',
    routes: [
      {
        method: 'POST',
        path: '/normative-documents/:documentId/transitions',
        handler: 'admin.transition',
        config: { policies: ['admin::isAuthenticatedAdmin', ...adminPolicies('transition')] },
      },
      {
        method: 'GET',
        path: '/normative-documents/:documentId/history',
        handler: 'admin.history',
        config: { policies: ['admin::isAuthenticatedAdmin', ...adminPolicies('read')] },
      },
      {
        method: 'GET',
        path: '/normative-documents/basis-candidates',
        handler: 'admin.basisCandidates',
        config: { policies: ['admin::isAuthenticatedAdmin', ...adminPolicies('read')] },
      },
      {
        method: 'GET',
        path: '/due-for-review',
        handler: 'admin.dueForReview',
        config: { policies: ['admin::isAuthenticatedAdmin', ...adminPolicies('read')] },
      },
      {
        method: 'POST',
        path: '/tick',
        handler: 'admin.tick',
        config: { policies: ['admin::isAuthenticatedAdmin', ...adminPolicies('tick')] },
      },
    ],
  },
};
