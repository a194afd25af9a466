const allowed = (action: string) => [{ name: 'admin::hasPermissions', config: { actions: [`plugin::audit-export.${action}`] } }];

export default {
  'content-api': {
    type: 'content-api',
    routes: [
      // For auditor API tokens: a custom token given these actions in Settings → API Tokens.
      { method: 'GET', path: '/audit-exports/documents', handler: 'exports.documents', config: { prefix: '' } },
      { method: 'GET', path: '/audit-exports/events', handler: 'exports.events', config: { prefix: '' } },
      { method: 'GET', path: '/audit-exports/requests', handler: 'exports.requests', config: { prefix: '' } },
      { method: 'GET', path: '/audit-exports/log', handler: 'exports.log', config: { prefix: '' } },
    ],
  },
  admin: {
    type: 'admin',
    routes: [
      { method: 'GET', path: '/documents', handler: 'exports.documents', config: { policies: ['admin::isAuthenticatedAdmin', ...allowed('export')] } },
      { method: 'GET', path: '/events', handler: 'exports.events', config: { policies: ['admin::isAuthenticatedAdmin', ...allowed('export')] } },
      { method: 'GET', path: '/requests', handler: 'exports.requests', config: { policies: ['admin::isAuthenticatedAdmin', ...allowed('export')] } },
      { method: 'GET', path: '/log', handler: 'exports.log', config: { policies: ['admin::isAuthenticatedAdmin', ...allowed('read-log')] } },
    ],
  },
};
