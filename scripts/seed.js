#!/usr/bin/env node
// `npm run seed`: compiles the app, loads it without the admin panel or HTTP server, and loads the
// demo data into whatever database the environment selects. Safe to repeat.
'use strict';

const path = require('path');
const { compileStrapi, createStrapi } = require('@strapi/strapi');

async function main() {
  // The script reports what it loads itself, so the start-up seeding stays out of the way.
  process.env.SEED_DEMO = 'false';
  const appDir = path.resolve(__dirname, '..');
  const { distDir } = await compileStrapi({ appDir });
  const app = createStrapi({ appDir, distDir, serveAdminPanel: false, autoReload: false });
  await app.load();
  try {
    const { seedDemo } = require(path.join(distDir, 'src', 'seed'));
    const report = await seedDemo(app);
    app.log.info(`Demo data: ${report.created} created, ${report.existing} already present.`);
  } finally {
    await app.destroy();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
