#!/usr/bin/env node
// Loads 10,000 published normative documents into a temporary SQLite database, then measures with
// autocannon on 127.0.0.1: our list, our point-in-time list, and Strapi's plain core `find` on the
// same data. Prints req/s, p50 and p99 latency, and our/plain ratios.
//
//   node bench/normative-documents.js [--documents 10000] [--connections 50] [--seconds 10]
'use strict';

const autocannon = require('autocannon');
const fs = require('fs');
const { appDir, benchEnvironment, loadDocuments, UID } = require('./lib/documents');

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const DOCUMENTS = Number(args.documents ?? 10000);
const CONNECTIONS = Number(args.connections ?? 50);
const SECONDS = Number(args.seconds ?? 10);
const workDir = benchEnvironment();

function run(url, title) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: CONNECTIONS, duration: SECONDS, title }, (error, result) => {
      if (error) return reject(error);
      if (result.non2xx > 0) return reject(new Error(`${title}: ${result.non2xx} non-2xx responses`));
      resolve({ title, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 });
    });
  });
}

async function main() {
  const { compileStrapi, createStrapi, factories } = require('@strapi/strapi');
  const { distDir } = await compileStrapi({ appDir });
  const strapi = createStrapi({ appDir, distDir, serveAdminPanel: false, autoReload: false });
  await strapi.load();
  const loadMs = await loadDocuments(strapi, DOCUMENTS);
  const total = await strapi.db.query(UID).count({ where: { publishedAt: { $notNull: true } } });

  // Strapi's own collection-type controller on the same content type, without our decoration.
  const plain = factories.createCoreController(UID)({ strapi });
  strapi.server.routes([
    {
      method: 'GET',
      path: '/bench/plain-find',
      handler: async (ctx) => {
        ctx.body = await plain.find(ctx);
      },
      config: { auth: false },
    },
  ]);
  await strapi.listen();
  const { port } = strapi.server.httpServer.address();
  const base = `http://127.0.0.1:${port}`;

  const targets = [
    ['plain core find (list of 25)', '/bench/plain-find'],
    ['our list (list of 25)', '/api/normative-documents'],
    ['our list, in force', '/api/normative-documents?validity=in_force'],
    ['plain core find, in force', '/bench/plain-find?filters[validity][$eq]=in_force'],
    ['our point in time (asOf=2023-06-30)', '/api/normative-documents?asOf=2023-06-30'],
    ['our point in time, in force', '/api/normative-documents?asOf=2023-06-30&validity=in_force'],
  ];
  console.log(`\n${total} published documents loaded in ${(loadMs / 1000).toFixed(1)} s; autocannon -c ${CONNECTIONS} -d ${SECONDS} on 127.0.0.1\n`);
  const results = [];
  for (const [title, url] of targets) {
    await run(base + url, title).then((r) => results.push(r));
  }
  const plainList = results[0];
  const plainValidity = results[3];
  console.log('target'.padEnd(40), 'req/s'.padStart(8), 'p50 ms'.padStart(8), 'p99 ms'.padStart(8), ' vs plain');
  for (const r of results) {
    const reference = r.title.includes('in force') ? plainValidity : plainList;
    const ratio = r === reference ? '' : `${((r.rps / reference.rps) * 100).toFixed(0)}% of plain req/s`;
    console.log(r.title.padEnd(40), r.rps.toFixed(1).padStart(8), String(r.p50).padStart(8), String(r.p99).padStart(8), ` ${ratio}`);
  }
  console.log(`\npeak RSS ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB (this process: server and load generator)`);
  await strapi.destroy();
  fs.rmSync(workDir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
