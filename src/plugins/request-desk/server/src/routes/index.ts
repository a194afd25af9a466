const policies = (action: string) => ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [`plugin::request-desk.${action}`] } }];

export default {
  admin: {
    type: 'admin',
    routes: [
      { method: 'GET', path: '/requests/due', handler: 'desk.due', config: { policies: policies('read') } },
      { method: 'GET', path: '/requests/:documentId', handler: 'desk.case', config: { policies: policies('read') } },
      { method: 'POST', path: '/requests/:documentId/steps', handler: 'desk.step', config: { policies: policies('handle') } },
    ],
  },
};
