#!/usr/bin/env node
// Writes .env from .env.example with freshly generated secrets, once, so that a new checkout
// starts without anyone inventing secrets by hand. An existing .env is never touched.
'use strict';

const { randomBytes } = require('crypto');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const target = path.join(root, '.env');
const template = path.join(root, '.env.example');

const secret = () => randomBytes(32).toString('base64');

const generated = {
  APP_KEYS: () => Array.from({ length: 4 }, secret).join(','),
  API_TOKEN_SALT: secret,
  ADMIN_JWT_SECRET: secret,
  TRANSFER_TOKEN_SALT: secret,
  JWT_SECRET: secret,
  ENCRYPTION_KEY: secret,
};

if (fs.existsSync(target)) {
  process.exit(0);
}

const lines = fs.readFileSync(template, 'utf8').split('\n');
const written = lines.map((line) => {
  const match = /^([A-Z_]+)=/.exec(line);
  return match && generated[match[1]] ? `${match[1]}=${generated[match[1]]()}` : line;
});
fs.writeFileSync(target, written.join('\n'), { mode: 0o600 });
console.log(`Wrote ${path.relative(process.cwd(), target) || '.env'} with new random secrets.`);
