const read = [{ name: 'admin::hasPermissions', config: { actions: ['plugin::publishing-ratios.read'] } }];

export default {
  'content-api': {
    type: 'content-api',
    // Served at /api/publishing-ratios rather than under the plugin's own prefix.
    routes: [{ method: 'GET', path: '/publishing-ratios', handler: 'ratios.find', config: { prefix: '' } }],
  },
  admin: {
    type: 'admin',
    routes: [
      { method: 'GET', path: '/ratios', handler: 'ratios.adminReport', config: { policies: ['admin::isAuthenticatedAdmin', ...read] } },
      { method: 'GET', path: '/preview/:documentId', handler: 'ratios.preview', config: { policies: ['admin::isAuthenticatedAdmin', ...read] } },
    ],
  },
};
