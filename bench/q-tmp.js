const { benchEnvironment, appDir, loadDocuments } = require('./lib/documents');
const UIDX = 'api::normative-document.normative-document';
(async () => {
  benchEnvironment();
  process.env.PUBLIC_CACHE = 'false';
  const { createStrapi } = require('@strapi/strapi');
  const strapi = createStrapi({ appDir, distDir: appDir + '/dist', serveAdminPanel: false, autoReload: false });
  await strapi.load();
  await loadDocuments(strapi, 2000);
  await strapi.listen();
  const { port } = strapi.server.httpServer.address();
  const base = `http://127.0.0.1:${port}`;
  const timers = {};
  const wrap = (obj, name, label) => { const f = obj[name].bind(obj); obj[name] = async (...a) => { const t = process.hrtime.bigint(); try { return await f(...a); } finally { timers[label] = (timers[label] || 0) + Number(process.hrtime.bigint() - t) / 1e6; } }; };
  wrap(strapi.service('api::normative-document.public-list'), 'list', 'publicList.list');
  wrap(strapi.plugin('document-lifecycle').service('documents'), 'decorate', 'decorate');
  const api = strapi.contentAPI;
  wrap(api.validate, 'query', 'validate.query');
  wrap(api.sanitize, 'query', 'sanitize.query');
  wrap(api.sanitize, 'output', 'sanitize.output');
  wrap(strapi.documents(UIDX), 'findOne', 'documents.findOne');
  let sql = 0; const sqlTime = new Map();
  strapi.db.connection.on('query', (q) => { sql++; sqlTime.set(q.__knexQueryUid, process.hrtime.bigint()); });
  let sqlMs = 0; strapi.db.connection.on('query-response', (r, q) => { const t = sqlTime.get(q.__knexQueryUid); if (t) sqlMs += Number(process.hrtime.bigint() - t) / 1e6; });
  for (const url of ['/api/normative-documents', '/api/normative-documents/' + (await (await fetch(base + '/api/normative-documents')).json()).data[0].documentId]) {
    for (let i = 0; i < 50; i++) await (await fetch(base + url)).text();
    for (const k of Object.keys(timers)) timers[k] = 0; sql = 0; sqlMs = 0;
    const N = 200; const t = Date.now();
    for (let i = 0; i < N; i++) await (await fetch(base + url)).text();
    const per = (Date.now() - t) / N;
    console.log(url.slice(0, 30), 'per request', per.toFixed(2), 'ms;', 'queries', (sql / N).toFixed(1), 'sql ms', (sqlMs / N).toFixed(2), Object.fromEntries(Object.entries(timers).map(([k, v]) => [k, (v / N).toFixed(2)])));
  }
  await strapi.destroy();
})();
