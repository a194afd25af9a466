#!/usr/bin/env node
// Loads 100,000 published policy interpretations across 50 organizations into a temporary SQLite
// database, then times GET /api/publishing-ratios for a year across all organizations (sequential
// requests, after a warm-up), and the same with autocannon for throughput. Target: under 100 ms.
//
//   node bench/publishing-ratios.js [--interpretations 100000] [--organizations 50] [--requests 50]
'use strict';

const { randomBytes } = require('crypto');
const fs = require('fs');
const path = require('path');
const autocannon = require('autocannon');
const { appDir, benchEnvironment } = require('./lib/documents');

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const INTERPRETATIONS = Number(args.interpretations ?? 100000);
const ORGANIZATIONS = Number(args.organizations ?? 50);
const REQUESTS = Number(args.requests ?? 50);
const UID = 'api::policy-interpretation.policy-interpretation';

const workDir = benchEnvironment();

const documentId = () => randomBytes(18).toString('base64url').toLowerCase().replace(/[^a-z0-9]/g, 'x').slice(0, 24);

async function load(strapi) {
  const organizations = [];
  for (let i = 0; i < ORGANIZATIONS; i += 1) {
    const body = String(10000000 + i).slice(-8);
    const { organizationCodeCheckCharacter, usccCheckCharacter } = require(path.join(appDir, 'dist/src/domain/organization-code'));
    const head = `11140100${body}${organizationCodeCheckCharacter(body)}`;
    organizations.push(
      await strapi.documents('api::organization.organization').create({
        data: { name: `测试机构${i + 1}`, code: head + usccCheckCharacter(head), level: 'city', kind: 'government_department', parent: organizations[0]?.documentId ?? null },
      }),
    );
  }
  const orgIds = (await strapi.db.query('api::organization.organization').findMany({ select: ['id'] })).map((o) => o.id);
  const knex = strapi.db.connection;
  const meta = strapi.db.metadata.get(UID);
  const col = (name) => meta.attributes[name].columnName ?? name;
  const link = meta.attributes.organization.joinTable;
  const started = Date.now();
  const now = new Date().toISOString();
  const batch = 500;
  for (let offset = 0; offset < INTERPRETATIONS; offset += batch) {
    const rows = [];
    const owners = [];
    for (let i = offset; i < Math.min(offset + batch, INTERPRETATIONS); i += 1) {
      const year = 2022 + (i % 5);
      const day = String(1 + (i % 28)).padStart(2, '0');
      const month = String(1 + (i % 12)).padStart(2, '0');
      rows.push({
        document_id: documentId(),
        [col('title')]: `第${i + 1}篇测试解读`,
        [col('slug')]: `bench-${i + 1}`,
        [col('publishedOn')]: `${year}-${month}-${day}`,
        [col('diverseForm')]: i % 10 < 7,
        [col('beyondWebsite')]: i % 3 === 0,
        [col('lagWorkingDays')]: i % 6,
        [col('timely')]: i % 6 <= 3,
        published_at: now,
        created_at: now,
        updated_at: now,
      });
      owners.push(orgIds[i % orgIds.length]);
    }
    await knex.transaction(async (trx) => {
      const ids = await trx(meta.tableName).insert(rows).returning('id');
      await trx(link.name).insert(ids.map((id, k) => ({ [link.joinColumn.name]: id.id ?? id, [link.inverseJoinColumn.name]: owners[k] })));
    });
  }
  return Date.now() - started;
}

async function main() {
  const { compileStrapi, createStrapi } = require('@strapi/strapi');
  const { distDir } = await compileStrapi({ appDir });
  const strapi = createStrapi({ appDir, distDir, serveAdminPanel: false, autoReload: false });
  await strapi.load();
  const loadMs = await load(strapi);
  const token = await strapi.service('admin::api-token').create({ name: 'bench', description: '', type: 'read-only', lifespan: null });
  await strapi.listen();
  const { port } = strapi.server.httpServer.address();
  const url = `http://127.0.0.1:${port}/api/publishing-ratios?period=2024`;
  const headers = { Authorization: `Bearer ${token.accessKey}` };

  const first = await fetch(url, { headers });
  const body = await first.json();
  if (first.status !== 200) throw new Error(`${first.status} ${JSON.stringify(body)}`);
  const times = [];
  for (let i = 0; i < REQUESTS; i += 1) {
    const start = process.hrtime.bigint();
    const res = await fetch(url, { headers });
    await res.arrayBuffer();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  const pick = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(1);
  const counted = body.data.reduce((sum, row) => sum + row.own.counts.total, 0);

  // The aggregation alone, without HTTP and JSON.
  const ratios = strapi.plugin('publishing-ratios').service('ratios');
  const { parsePeriod } = require(path.join(appDir, 'dist/src/domain/publishing-ratios'));
  const aggregation = [];
  for (let i = 0; i < 20; i += 1) {
    const start = process.hrtime.bigint();
    await ratios.countsByOrganization(parsePeriod('2024'));
    aggregation.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  aggregation.sort((a, b) => a - b);

  const result = await new Promise((resolve, reject) =>
    autocannon({ url, headers, connections: 10, duration: 10 }, (error, r) => (error ? reject(error) : resolve(r))),
  );
  console.log(`\n${INTERPRETATIONS} interpretations across ${ORGANIZATIONS} organizations loaded in ${(loadMs / 1000).toFixed(1)} s`);
  console.log(`GET /api/publishing-ratios?period=2024: ${body.data.length} organizations, ${counted} interpretations counted in 2024`);
  console.log(`sequential, ${REQUESTS} requests: p50 ${pick(0.5)} ms, p95 ${pick(0.95)} ms, max ${times[times.length - 1].toFixed(1)} ms (target: under 100 ms)`);
  console.log(`the GROUP BY alone: median ${aggregation[10].toFixed(1)} ms`);
  console.log(`autocannon -c 10 -d 10: ${result.requests.average.toFixed(1)} req/s, p99 ${result.latency.p99} ms`);
  console.log(`peak RSS ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB`);
  await strapi.destroy();
  fs.rmSync(workDir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
