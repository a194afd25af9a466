'use strict';
// Shared by the benchmarks: a temporary SQLite database in production mode, and a fast loader of
// published normative documents with their lifecycle events (inserted directly, hash-chained).

const { randomBytes } = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

const UID = 'api::normative-document.normative-document';
const EVENT_UID = 'plugin::document-lifecycle.lifecycle-event';
const appDir = path.resolve(__dirname, '..', '..');

/**
 * Points the app at a fresh SQLite file (or at `databaseFile`, kept between runs) with throwaway
 * secrets; returns the directory to remove.
 */
function benchEnvironment(databaseFile) {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-bench-'));
  const secret = () => randomBytes(24).toString('base64');
  Object.assign(process.env, {
    NODE_ENV: 'production',
    ENV_PATH: '/dev/null',
    HOST: '127.0.0.1',
    PORT: '0',
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: databaseFile ? path.resolve(databaseFile) : path.join(workDir, 'bench.db'),
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
  return workDir;
}

/**
 * With BENCH_POSTGRES_URL (e.g. postgres://postgres:postgres@127.0.0.1:5432/postgres), points the
 * app at a fresh PostgreSQL database of its own instead of SQLite; returns how to drop it.
 */
async function usePostgresIfAsked() {
  const admin = process.env.BENCH_POSTGRES_URL;
  if (!admin) return null;
  const { Client } = require('pg');
  const name = `gongkai_bench_${process.pid}_${Date.now()}`;
  const run = async (sql) => {
    const client = new Client({ connectionString: admin });
    await client.connect();
    await client.query(sql);
    await client.end();
  };
  await run(`create database ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  Object.assign(process.env, { DATABASE_CLIENT: 'postgres', DATABASE_URL: url.toString() });
  return () => run(`drop database if exists ${name} with (force)`);
}

const documentId = () => randomBytes(18).toString('base64url').toLowerCase().replace(/[^a-z0-9]/g, 'x').slice(0, 24);

/** Loads the demo data, then `DOCUMENTS` published documents (every tenth amended a year later). */
async function loadDocuments(strapi, DOCUMENTS) {
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
  // PostgreSQL plans from table statistics, which autovacuum would gather a while after a bulk load.
  if (knex.client.config.client === 'pg') await knex.raw('analyze');
  return Date.now() - started;
}

module.exports = { appDir, benchEnvironment, usePostgresIfAsked, loadDocuments, UID, EVENT_UID };
