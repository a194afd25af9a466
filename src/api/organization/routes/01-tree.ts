// Loaded before the core router (file order), so `/tree` is not taken for a documentId.
export default {
  routes: [
    {
      method: 'GET',
      path: '/organizations/tree',
      handler: 'organization.tree',
    },
  ],
};
