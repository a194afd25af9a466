// Loaded before the core router (file order), so `submit`, `track` and `due` are not taken for a documentId.
export default {
  routes: [
    {
      method: 'POST',
      path: '/disclosure-requests/submit',
      handler: 'disclosure-request.submit',
      config: { auth: false },
    },
    {
      method: 'GET',
      path: '/disclosure-requests/track/:trackingCode',
      handler: 'disclosure-request.track',
      config: { auth: false },
    },
    {
      method: 'GET',
      path: '/disclosure-requests/due',
      handler: 'disclosure-request.due',
      config: { auth: { scope: ['api::disclosure-request.disclosure-request.find'] } },
    },
    {
      method: 'POST',
      path: '/disclosure-requests/:documentId/steps',
      handler: 'disclosure-request.step',
      config: { auth: { scope: ['api::disclosure-request.disclosure-request.update'] } },
    },
    {
      method: 'POST',
      path: '/disclosure-requests/:documentId/extend',
      handler: 'disclosure-request.extend',
      config: { auth: { scope: ['api::disclosure-request.disclosure-request.extend'] } },
    },
    {
      method: 'POST',
      path: '/disclosure-requests/:documentId/approve',
      handler: 'disclosure-request.approve',
      config: { auth: { scope: ['api::disclosure-request.disclosure-request.approve'] } },
    },
    {
      method: 'GET',
      path: '/disclosure-requests/:documentId/history',
      handler: 'disclosure-request.history',
      config: { auth: { scope: ['api::disclosure-request.disclosure-request.findOne'] } },
    },
  ],
};
