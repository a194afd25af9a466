import type { Context, Next } from 'koa';

// Loaded before the core router (file order), so `/expiring` is not taken for a documentId.
export default {
  routes: [
    {
      method: 'GET',
      path: '/normative-documents/expiring',
      handler: 'normative-document.expiring',
    },
    {
      method: 'POST',
      path: '/normative-documents/:documentId/transitions',
      handler: 'normative-document.transition',
    },
    {
      method: 'GET',
      path: '/normative-documents/:documentId/history',
      // A document's history is part of reading the document: whoever may read one (`findOne`)
      // may read its history, with no permission of its own to grant.
      handler: (ctx: Context, next: Next) => strapi.controller('api::normative-document.normative-document').history(ctx, next),
      config: { auth: { scope: ['api::normative-document.normative-document.findOne'] } },
    },
  ],
};
