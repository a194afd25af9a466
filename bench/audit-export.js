#!/usr/bin/env node
// Loads 100,000 published normative documents (with their lifecycle events) into a temporary
// SQLite database, starts a fresh server process on it, then downloads the document-status export
// in each format over HTTP and prints the time, the size, the server's peak RSS during each export
// (the kernel's high-water mark, VmHWM, reset before each one) and the peak RSS of the process the
// export runs in.
// Targets on 2 cores: CSV under 5 s, XLSX under 10 s, peak RSS under 300 MB.
//
//   node bench/audit-export.js [--documents 100000] [--database FILE] [--query 'to=2021-12-31']
//
// With BENCH_POSTGRES_URL set, the server runs on a fresh PostgreSQL database instead (dropped at
// the end). With --database, the documents are loaded into FILE once and reused by later runs; --query adds
// filters to the export (the documents are published evenly over 2021-2025), to compare peaks at
// different row counts.
'use strict';

const { fork } = require('child_process');
const fs = require('fs');
const http = require('http');
const { benchEnvironment, usePostgresIfAsked, loadDocuments, appDir } = require('./lib/documents');

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const DOCUMENTS = Number(args.documents ?? 100000);

/** The server process: Strapi on the loaded database, telling the parent its port. */
async function serve() {
  const { createStrapi } = require('@strapi/strapi');
  const strapi = createStrapi({ appDir, distDir: `${appDir}/dist`, serveAdminPanel: false, autoReload: false });
  await strapi.load();
  await strapi.listen();
  process.send({ port: strapi.server.httpServer.address().port });
}

const status = (pid) => Object.fromEntries(fs.readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').map((line) => line.split(/:\s+/)));
const megabytes = (kb) => Number.parseInt(kb, 10) / 1024;

/** Downloads one export, counting bytes without keeping them. */
function download(url, headers) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    http
      .get(url, { headers }, (res) => {
        if (res.statusCode !== 200) return reject(new Error(`${url}: ${res.statusCode}`));
        let bytes = 0;
        res.on('data', (chunk) => (bytes += chunk.length));
        res.on('end', () => resolve({ ms: Number(process.hrtime.bigint() - started) / 1e6, bytes, exportId: res.headers['x-export-id'] }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

/**
 * Follows the server's child processes (the export runs in one) every 20 ms and keeps the highest
 * high-water mark seen: the process is gone, with its VmHWM, once the export is written.
 */
function sampleExportProcesses(serverPid) {
  let peak = 0;
  const sample = () => {
    for (const task of fs.readdirSync(`/proc/${serverPid}/task`)) {
      let children = '';
      try {
        children = fs.readFileSync(`/proc/${serverPid}/task/${task}/children`, 'utf8');
      } catch {
        continue;
      }
      for (const pid of children.split(' ').filter(Boolean)) {
        try {
          // A process that has exited but not yet been reaped has no memory lines left.
          const { VmHWM } = status(pid);
          if (VmHWM) peak = Math.max(peak, megabytes(VmHWM));
        } catch {
          // The process ended between the listing and the read.
        }
      }
    }
  };
  const timer = setInterval(sample, 20);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}

async function main() {
  const workDir = benchEnvironment(args.database);
  const dropPostgres = await usePostgresIfAsked();
  const reuse = !dropPostgres && args.database && fs.existsSync(args.database);
  const { compileStrapi, createStrapi } = require('@strapi/strapi');
  await compileStrapi({ appDir });
  const loader = createStrapi({ appDir, distDir: `${appDir}/dist`, serveAdminPanel: false, autoReload: false });
  await loader.load();
  const loadMs = reuse ? null : await loadDocuments(loader, DOCUMENTS);
  const token = await loader.service('admin::api-token').create({
    name: 'bench-auditor',
    description: '',
    type: 'custom',
    lifespan: null,
    permissions: ['plugin::audit-export.exports.documents'],
  });
  await loader.destroy();

  const execArgv = [
    ...(process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []),
    ...(process.env.BENCH_SERVER_FLAGS ?? '').split(' ').filter(Boolean),
  ];
  const server = fork(__filename, ['--serve'], { env: process.env, execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise((resolve) => server.once('message', (message) => resolve(message.port)));
  const headers = { Authorization: `Bearer ${token.accessKey}` };
  const loaded = `${reuse ? `documents of ${args.database}` : `${DOCUMENTS} documents loaded in ${(loadMs / 1000).toFixed(1)} s`} (${process.env.DATABASE_CLIENT})`;
  console.log(`\n${loaded}; server RSS at rest ${megabytes(status(server.pid).VmRSS).toFixed(0)} MB`);
  console.log('format'.padEnd(8), 'seconds'.padStart(9), 'MB'.padStart(8), 'server before'.padStart(14), 'server peak'.padStart(12), 'export peak'.padStart(12), ' targets (RSS in MB)');

  const targets = { csv: 5, xlsx: 10, jsonl: 5 };
  for (const format of ['csv', 'xlsx', 'jsonl']) {
    // Resets the high-water mark, so VmHWM is the peak of this export alone.
    fs.writeFileSync(`/proc/${server.pid}/clear_refs`, '5');
    const before = megabytes(status(server.pid).VmRSS);
    const sampler = sampleExportProcesses(server.pid);
    const result = await download(`http://127.0.0.1:${port}/api/audit-exports/documents?format=${format}&asOf=2026-06-30${args.query ? `&${args.query}` : ''}`, headers);
    const exportPeak = sampler.stop();
    const serverPeak = megabytes(status(server.pid).VmHWM);
    const seconds = result.ms / 1000;
    const verdict = (ok) => (ok ? 'met' : 'NOT met');
    console.log(
      format.padEnd(8),
      seconds.toFixed(2).padStart(9),
      (result.bytes / 1048576).toFixed(1).padStart(8),
      before.toFixed(0).padStart(14),
      serverPeak.toFixed(0).padStart(12),
      exportPeak.toFixed(0).padStart(12),
      ` under ${targets[format]} s: ${verdict(seconds < targets[format])}; under 300 MB: export ${verdict(exportPeak < 300)}, server ${verdict(serverPeak < 300)}`,
    );
  }
  // The export log is written just after the last byte: give it a moment before stopping.
  await new Promise((resolve) => setTimeout(resolve, 500));
  server.kill();
  await new Promise((resolve) => server.once('exit', resolve));
  fs.rmSync(workDir, { recursive: true, force: true });
  if (dropPostgres) await dropPostgres();
}

if (process.argv.includes('--serve')) {
  serve().catch((error) => {
    console.error(error);
    process.exit(1);
  });
} else {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
