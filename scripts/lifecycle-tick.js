#!/usr/bin/env node
// `npm run lifecycle:tick [-- YYYY-MM-DD]`: runs the date-driven transitions (entry into force,
// expiry) due on the given date, today in China by default, as the daily cron does. Repeatable.
'use strict';

const path = require('path');
const { compileStrapi, createStrapi } = require('@strapi/strapi');

async function main() {
  process.env.SEED_DEMO = 'false';
  process.env.CRON_ENABLED = 'false';
  const appDir = path.resolve(__dirname, '..');
  const { distDir } = await compileStrapi({ appDir });
  const { chinaToday, isIsoDate } = require(path.join(distDir, 'src', 'domain', 'dates'));
  const today = chinaToday(new Date());
  const date = process.argv[2] ?? today;
  if (!isIsoDate(date) || date > today) {
    console.error(`date must be a calendar date (YYYY-MM-DD) not after ${today}; got ${date}`);
    process.exit(2);
  }
  const app = createStrapi({ appDir, distDir, serveAdminPanel: false, autoReload: false });
  await app.load();
  try {
    const report = await app.plugin('document-lifecycle').service('lifecycle').tick(date);
    app.log.info(`Lifecycle on ${report.today}: ${report.enteredIntoForce} entered into force, ${report.expired} expired.`);
  } finally {
    await app.destroy();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
