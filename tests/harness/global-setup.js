'use strict';
// Compiles the app once for all API test files: every instance then loads the same dist/.
const path = require('path');
const { applyTestEnv } = require('./env');

module.exports = async () => {
  applyTestEnv();
  const { compileStrapi } = require('@strapi/strapi');
  const started = Date.now();
  await compileStrapi({ appDir: path.resolve(__dirname, '..', '..') });
  if (process.env.CI_VERBOSE) console.log(`\ncompiled in ${Date.now() - started} ms`);
};
