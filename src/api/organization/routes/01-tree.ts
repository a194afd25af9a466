import type { Context, Next } from 'koa';

// Loaded before the core router (file order), so `/tree` is not taken for a documentId.
// The tree is a way of listing organizations: whoever may list them (the public, read-only and
// custom tokens given `find`) may read it, without a permission of its own to grant.
export default {
  routes: [
    {
      method: 'GET',
      path: '/organizations/tree',
      handler: (ctx: Context, next: Next) => strapi.controller('api::organization.organization').tree(ctx, next),
      config: { auth: { scope: ['api::organization.organization.find'] } },
    },
  ],
};
