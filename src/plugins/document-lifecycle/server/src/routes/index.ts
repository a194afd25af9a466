const adminPolicies = (action: string) => [{ name: 'admin::hasPermissions', config: { actions: [`plugin::document-lifecycle.${action}`] } }];

export default {
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
