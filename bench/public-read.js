#!/usr/bin/env node
// Public reads with the load generator in a process of its own. Three processes, one after
// another on this machine: bare Node serving the identical bytes of each answer, Gongkai with the
// public cache, and Gongkai without it (the path the first read after a change, an editor, and a
// cold start take). Prints req/s, p50 and p99 side by side with bare Node, errors, and the cache's
// memory.
//
//   node bench/public-read.js [--documents 10000] [--connections 50] [--seconds 10]
//                             [--soak-connections 200] [--soak-seconds 60]
//   BENCH_POSTGRES_URL=postgres://postgres:postgres@127.0.0.1:5432/postgres node bench/public-read.js
'use strict';

const autocannon = require('autocannon');
const { fork } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { usePostgresIfAsked } = require('./lib/documents');

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const DOCUMENTS = Number(args.documents ?? 10000);
const CONNECTIONS = Number(args.connections ?? 50);
const SECONDS = Number(args.seconds ?? 10);
const SOAK_CONNECTIONS = Number(args['soak-connections'] ?? 200);
const SOAK_SECONDS = Number(args['soak-seconds'] ?? 60);

/** Node's flags for the server as `npm start` gives them (package.json), so the figures are of what runs in production. */
const SERVER_FLAGS = require('../package.json')
  .scripts.start.split(' ')
  .filter((word) => word.startsWith('--'));

function start(script, argv, env) {
  const execArgv = script === 'serve.js' ? SERVER_FLAGS : [];
  const child = fork(path.join(__dirname, 'lib', script), argv, { env: { ...process.env, ...env }, execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ready = new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  return { child, ready };
}

const ask = (child, message) =>
  new Promise((resolve) => {
    child.once('message', resolve);
    child.send(message);
  });

async function stop(child) {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.send('stop');
  await exited;
}

/** Unmeasured requests first, so the figures are of a server that has compiled its hot code. */
const WARM_UP_SECONDS = 3;
const warmUp = (url) => new Promise((resolve) => autocannon({ url, connections: 10, duration: WARM_UP_SECONDS }, resolve));

/** Where the issue started: the uncached list of 25 at 164 req/s beside bare Node's 8,008. */
const STARTING_LIST_SHARE = 164 / 8008;

function load(url, connections, seconds) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, duration: seconds }, (error, result) => {
      if (error) return reject(error);
      resolve({
        rps: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        errors: result.errors + result.timeouts + result.non2xx,
      });
    });
  });
}

async function main() {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-public-read-'));
  const dropPostgres = await usePostgresIfAsked();
  const database = process.env.DATABASE_CLIENT === 'postgres' ? 'PostgreSQL' : 'SQLite';
  const env = { BENCH_DATABASE_FILE: path.join(workDir, 'bench.db') };

  // Gongkai with its cache: loads the documents, then serves.
  const cached = start('serve.js', [], { ...env, BENCH_LOAD: String(DOCUMENTS) });
  const { port, loadMs } = await cached.ready;
  const base = `http://127.0.0.1:${port}`;
  const list = await (await fetch(`${base}/api/normative-documents`)).json();
  const single = list.data[0].documentId;
  const targets = [
    ['list of 25', '/api/normative-documents'],
    ['list, in force', '/api/normative-documents?validity=in_force'],
    ['single document', `/api/normative-documents/${single}`],
    ['organization tree', '/api/organizations/tree'],
  ];
  const bodies = [];
  for (const [title, url] of targets) {
    const response = await fetch(base + url);
    const file = path.join(workDir, `${bodies.length}.body`);
    fs.writeFileSync(file, Buffer.from(await response.arrayBuffer()));
    bodies.push({ title, url, file, type: response.headers.get('content-type'), bytes: fs.statSync(file).size });
  }
  console.log(`\n${DOCUMENTS} published documents on ${database}, loaded in ${(loadMs / 1000).toFixed(1)} s; autocannon -c ${CONNECTIONS} -d ${SECONDS} from its own process on 127.0.0.1\n`);

  const results = bodies.map((body) => ({ ...body }));
  for (const result of results) {
    await warmUp(base + result.url);
    result.cached = await load(base + result.url, CONNECTIONS, SECONDS);
  }
  const soak = await load(base + targets[0][1], SOAK_CONNECTIONS, SOAK_SECONDS);
  const { stats, memory } = await ask(cached.child, 'stats');
  await stop(cached.child);

  for (const result of results) {
    const bare = start('bare.js', [result.file, result.type]);
    const { port: barePort } = await bare.ready;
    await warmUp(`http://127.0.0.1:${barePort}/`);
    result.bare = await load(`http://127.0.0.1:${barePort}/`, CONNECTIONS, SECONDS);
    bare.child.kill();
  }

  const uncached = start('serve.js', [], { ...env, PUBLIC_CACHE: 'false' });
  const { port: uncachedPort } = await uncached.ready;
  for (const result of results) {
    await warmUp(`http://127.0.0.1:${uncachedPort}${result.url}`);
    result.uncached = await load(`http://127.0.0.1:${uncachedPort}${result.url}`, CONNECTIONS, SECONDS);
  }
  await stop(uncached.child);

  const row = (cells) => console.log(cells.map((cell, i) => (i === 0 ? String(cell).padEnd(22) : String(cell).padStart(10))).join(' '));
  row(['request', 'bytes', 'bare req/s', 'bare p99', 'cache r/s', '% of bare', 'cache p99', 'no cache', '% of bare', 'nc p99', 'errors']);
  for (const r of results) {
    row([
      r.title,
      r.bytes,
      r.bare.rps.toFixed(0),
      `${r.bare.p99} ms`,
      r.cached.rps.toFixed(0),
      `${((r.cached.rps / r.bare.rps) * 100).toFixed(0)}%`,
      `${r.cached.p99} ms`,
      r.uncached.rps.toFixed(0),
      `${((r.uncached.rps / r.bare.rps) * 100).toFixed(1)}%`,
      `${r.uncached.p99} ms`,
      r.cached.errors + r.uncached.errors + r.bare.errors,
    ]);
  }
  const share = results[0].uncached.rps / results[0].bare.rps;
  console.log(
    `\nuncached list of 25: ${(share * 100).toFixed(1)}% of bare Node in this run; the starting figure was ${(STARTING_LIST_SHARE * 100).toFixed(1)}% (164 of 8,008 req/s): ${(share / STARTING_LIST_SHARE).toFixed(1)}×`,
  );
  console.log(`\nsoak: list of 25, ${SOAK_CONNECTIONS} connections for ${SOAK_SECONDS} s: ${soak.rps.toFixed(0)} req/s, p99 ${soak.p99} ms, ${soak.errors} errors`);
  console.log(
    `cache: ${stats.entries} entries, ${(stats.bytes / 1024).toFixed(0)} KB of ${(stats.maxBytes / 1048576).toFixed(0)} MB; ${stats.hits} hits, ${stats.misses} misses; server RSS ${(memory.rss / 1048576).toFixed(0)} MB, heap ${(memory.heapUsed / 1048576).toFixed(0)} MB`,
  );
  if (dropPostgres) await dropPostgres();
  fs.rmSync(workDir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
