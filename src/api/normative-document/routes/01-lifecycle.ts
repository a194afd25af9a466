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
      handler: 'normative-document.history',
    },
  ],
};
