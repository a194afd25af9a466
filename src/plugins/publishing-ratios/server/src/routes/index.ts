const read = [{ name: 'admin::hasPermissions', config: { actions: ['plugin::publishing-ratios.read'] } }];

export default {
  'content-api': {
    type: 'content-api',
    routes: [{ method: 'GET', path: '/publishing-ratios', handler: 'ratios.find' }],
  },
  admin: {
    type: 'admin',
    routes: [
      { method: 'GET', path: '/ratios', handler: 'ratios.adminReport', config: { policies: ['admin::isAuthenticatedAdmin', ...read] } },
      { method: 'GET', path: '/preview/:documentId', handler: 'ratios.preview', config: { policies: ['admin::isAuthenticatedAdmin', ...read] } },
    ],
  },
};
