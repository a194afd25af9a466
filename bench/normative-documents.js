#!/usr/bin/env node
// Loads 10,000 published normative documents into a temporary SQLite database, then measures with
// autocannon on 127.0.0.1: our list, our point-in-time list, and Strapi's plain core `find` on the
// same data. Prints req/s, p50 and p99 latency, and our/plain ratios.
//
//   node bench/normative-documents.js [--documents 10000] [--connections 50] [--seconds 10]
'use strict';

const { randomBytes } = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const autocannon = require('autocannon');

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const DOCUMENTS = Number(args.documents ?? 10000);
const CONNECTIONS = Number(args.connections ?? 50);
const SECONDS = Number(args.seconds ?? 10);
const UID = 'api::normative-document.normative-document';
const EVENT_UID = 'plugin::document-lifecycle.lifecycle-event';

const appDir = path.resolve(__dirname, '..');
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-bench-'));
const secret = () => randomBytes(24).toString('base64');
Object.assign(process.env, {
  NODE_ENV: 'production',
  ENV_PATH: '/dev/null',
  HOST: '127.0.0.1',
  PORT: '0',
  DATABASE_CLIENT: 'sqlite',
  DATABASE_FILENAME: path.join(workDir, 'bench.db'),
  LOG_LEVEL: 'warn',
  STARTUP_MESSAGE: 'false',
  CRON_ENABLED: 'false',
  SEED_DEMO: 'false',
  STRAPI_TELEMETRY_DISABLED: 'true',
  APP_KEYS: `${secret()},${secret()}`,
  API_TOKEN_SALT: secret(),
  ADMIN_JWT_SECRET: secret(),
  TRANSFER_TOKEN_SALT: secret(),
  JWT_SECRET: secret(),
  ENCRYPTION_KEY: secret(),
});

const documentId = () => randomBytes(18).toString('base64url').toLowerCase().replace(/[^a-z0-9]/g, 'x').slice(0, 24);

async function load(strapi) {
  const { seedDemo } = require(path.join(appDir, 'dist/src/seed'));
  const { hashEvent } = require(path.join(appDir, 'dist/src/domain/event-chain'));
  await seedDemo(strapi);
  const organizations = await strapi.db.query('api::organization.organization').findMany({ select: ['id', 'documentId', 'code'] });
  const topics = await strapi.db.query('api::topic.topic').findMany({ select: ['id'] });

  const knex = strapi.db.connection;
  const meta = strapi.db.metadata.get(UID);
  const col = (name) => meta.attributes[name].columnName ?? name;
  const issuerLink = meta.attributes.issuingOrganization.joinTable;
  const topicLink = meta.attributes.topic.joinTable;
  const events = strapi.db.metadata.get(EVENT_UID);
  const ecol = (name) => events.attributes[name].columnName ?? name;

  const started = Date.now();
  const now = new Date().toISOString();
  const batch = 250;
  for (let offset = 0; offset < DOCUMENTS; offset += batch) {
    const docs = [];
    for (let i = offset; i < Math.min(offset + batch, DOCUMENTS); i += 1) {
      const year = 2021 + (i % 5);
      const organization = organizations[i % organizations.length];
      const amended = i % 10 === 0;
      docs.push({
        documentId: documentId(),
        organization,
        topic: topics[i % topics.length],
        row: {
          [col('title')]: `太原市第${i + 1}号测试管理办法`,
          [col('slug')]: `bench-${i + 1}`,
          [col('documentNumber')]: `并测${i % 97}发〔${year}〕${i + 1}号`,
          [col('kind')]: 'normative_document',
          [col('disclosureMode')]: 'proactive',
          [col('summary')]: '用于性能测试的文件摘要。',
          [col('adoptedOn')]: `${year}-01-10`,
          [col('publishedOn')]: `${year}-01-15`,
          [col('effectiveFrom')]: `${year}-02-01`,
          [col('validUntil')]: `${year + 5}-01-31`,
          [col('validity')]: amended ? 'amended' : 'in_force',
          [col('indexNumber')]: `${organization.code}/${year}-${String(i + 1).padStart(5, '0')}`,
          created_at: now,
          updated_at: now,
        },
        amended,
        year,
      });
    }
    await knex.transaction(async (trx) => {
      for (const published of [false, true]) {
        const rows = docs.map((d) => ({
          ...d.row,
          document_id: d.documentId,
          published_at: published ? now : null,
          [col('indexNumber')]: published ? d.row[col('indexNumber')] : `${d.row[col('indexNumber')]}-draft`,
          [col('slug')]: published ? d.row[col('slug')] : `${d.row[col('slug')]}-draft`,
        }));
        const ids = await trx(meta.tableName).insert(rows).returning('id');
        await trx(issuerLink.name).insert(ids.map((id, k) => ({ [issuerLink.joinColumn.name]: id.id ?? id, [issuerLink.inverseJoinColumn.name]: docs[k].organization.id })));
        await trx(topicLink.name).insert(ids.map((id, k) => ({ [topicLink.joinColumn.name]: id.id ?? id, [topicLink.inverseJoinColumn.name]: docs[k].topic.id })));
      }
      const eventRows = [];
      for (const d of docs) {
        const chain = [{ action: 'register', from: null, to: 'in_force', date: `${d.year}-01-15` }];
        if (d.amended) chain.push({ action: 'amend', from: 'in_force', to: 'amended', date: `${d.year + 1}-06-01` });
        let previous = null;
        chain.forEach((e, k) => {
          const content = { document: d.documentId, sequence: k + 1, ...e, basisDocument: null, basisNumber: null, basisReference: e.action === 'amend' ? '并测改〔2022〕1号' : null, reason: null, actor: 'system', occurredAt: now };
          const hash = hashEvent(content, previous);
          eventRows.push({
            document_id: documentId(),
            [ecol('contentType')]: UID,
            [ecol('document')]: d.documentId,
            [ecol('sequence')]: k + 1,
            [ecol('action')]: e.action,
            [ecol('fromValidity')]: e.from,
            [ecol('toValidity')]: e.to,
            [ecol('date')]: e.date,
            [ecol('basisReference')]: content.basisReference,
            [ecol('actor')]: 'system',
            [ecol('occurredAt')]: now,
            [ecol('previousHash')]: previous,
            [ecol('hash')]: hash,
            created_at: now,
            updated_at: now,
          });
          previous = hash;
        });
      }
      await trx(events.tableName).insert(eventRows);
    });
  }
  await strapi.plugin('document-lifecycle').service('validity-periods').rebuild();
  return Date.now() - started;
}

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
  const loadMs = await load(strapi);
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
