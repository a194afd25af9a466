'use strict';
// A production Strapi in a process of its own, forked by a benchmark: loads the bench documents
// when BENCH_LOAD is set, listens on a free port, tells the parent the port, and answers 'stats'
// with the cache's figures and its own memory.
const { benchEnvironment, loadDocuments } = require('./documents');

/**
 * The TypeScript compiler is not part of a production server (`npm start` runs the compiled dist/):
 * compiled in a process of its own, it stays out of the memory this server reports.
 */
function compileInItsOwnProcess(appDir) {
  const script = "require('@strapi/strapi').compileStrapi({ appDir: process.argv[1] }).then(({ distDir }) => process.stdout.write(distDir))";
  return require('child_process').execFileSync(process.execPath, ['-e', script, appDir], { cwd: appDir, encoding: 'utf8' }).trim().split('\n').pop();
}

async function main() {
  const { DATABASE_CLIENT, DATABASE_URL } = process.env;
  const workDir = benchEnvironment(process.env.BENCH_DATABASE_FILE);
  // The parent chose PostgreSQL (BENCH_POSTGRES_URL): keep it over the SQLite default.
  if (DATABASE_CLIENT === 'postgres') Object.assign(process.env, { DATABASE_CLIENT, DATABASE_URL });
  const { createStrapi } = require('@strapi/strapi');
  const { appDir } = require('./documents');
  const distDir = compileInItsOwnProcess(appDir);
  const strapi = createStrapi({ appDir, distDir, serveAdminPanel: false, autoReload: false });
  await strapi.load();
  let loadMs = null;
  if (process.env.BENCH_LOAD) loadMs = await loadDocuments(strapi, Number(process.env.BENCH_LOAD));
  await strapi.listen();
  const { port } = strapi.server.httpServer.address();
  let profiler = null;
  process.on('message', async (message) => {
    if (message === 'stats') {
      const cache = strapi.plugin('public-cache').service('cache');
      process.send({ stats: cache.stats(), memory: process.memoryUsage() });
    }
    // A CPU profile of the server alone, without its start-up: `{ profile: 'start' }`, then
    // `{ profile: 'stop', file }`.
    if (message && message.profile === 'start') {
      profiler = new (require('inspector').Session)();
      profiler.connect();
      profiler.post('Profiler.enable', () => profiler.post('Profiler.start', () => process.send({ profiling: true })));
    }
    if (message && message.profile === 'stop') {
      profiler.post('Profiler.stop', (error, { profile }) => {
        require('fs').writeFileSync(message.file, JSON.stringify(profile));
        profiler.disconnect();
        process.send({ profiled: message.file });
      });
    }
    if (message === 'stop') {
      await strapi.destroy();
      require('fs').rmSync(workDir, { recursive: true, force: true });
      process.exit(0);
    }
  });
  process.send({ port, loadMs });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
