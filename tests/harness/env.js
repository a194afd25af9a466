'use strict';
// The environment every test instance runs with. `.env` is git-ignored and absent in CI, and a
// developer's own .env must not leak into tests, so ENV_PATH points dotenv at nothing.
const { randomBytes } = require('crypto');

const secret = () => randomBytes(24).toString('base64');

function applyTestEnv() {
  Object.assign(process.env, {
    NODE_ENV: 'test',
    ENV_PATH: '/dev/null',
    HOST: '::',
    PORT: '0',
    DATABASE_CLIENT: 'sqlite',
    SEED_DEMO: 'false',
    CRON_ENABLED: 'false',
    STRAPI_TELEMETRY_DISABLED: 'true',
    BROWSER: 'none',
    STARTUP_MESSAGE: 'false',
    LOG_LEVEL: process.env.LOG_LEVEL || 'warn',
  });
  for (const name of ['API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY']) {
    process.env[name] = process.env[name] || secret();
  }
  process.env.APP_KEYS = process.env.APP_KEYS || [secret(), secret()].join(',');
}

module.exports = { applyTestEnv };
