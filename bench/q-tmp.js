const { benchEnvironment, appDir, loadDocuments } = require('./lib/documents');
(async () => {
  benchEnvironment();
  process.env.PUBLIC_CACHE = 'false';
  const { createStrapi } = require('@strapi/strapi');
  const strapi = createStrapi({ appDir, distDir: appDir + '/dist', serveAdminPanel: false, autoReload: false });
  await strapi.load();
  await loadDocuments(strapi, 200);
  await strapi.listen();
  const { port } = strapi.server.httpServer.address();
  const base = `http://127.0.0.1:${port}`;
  const list = await (await fetch(`${base}/api/normative-documents`)).json();
  const queries = [];
  strapi.db.connection.on('query', (q) => queries.push(q.sql));
  for (const url of [`/api/normative-documents/${list.data[0].documentId}`, '/api/normative-documents', '/api/organizations/tree']) {
    queries.length = 0;
    const t = Date.now();
    const r = await fetch(base + url); const b = await r.text();
    console.log(url.slice(0, 40), r.status, b.length, 'bytes', queries.length, 'queries', Date.now() - t, 'ms');
    const counts = {}; for (const q of queries) { const k = q.slice(0, 90); counts[k] = (counts[k] || 0) + 1; }
    for (const [k, n] of Object.entries(counts).sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log('   ', n, k);
  }
  await strapi.destroy();
})();
