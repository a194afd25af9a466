// Loaded before the core router (file order), so `/expiring` is not taken for a documentId.
// Transitions and the history are document-lifecycle's routes, on this type's path.
export default {
  routes: [
    {
      method: 'GET',
      path: '/normative-documents/expiring',
      handler: 'normative-document.expiring',
    },
  ],
};
