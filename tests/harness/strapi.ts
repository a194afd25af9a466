import fs from 'fs';
import os from 'os';
import path from 'path';
import { createStrapi, type Core } from '@strapi/strapi';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { applyTestEnv } = require('./env') as { applyTestEnv: () => void };

export const APP_DIR = path.resolve(__dirname, '..', '..');
export const DIST_DIR = path.join(APP_DIR, 'dist');

export interface TestInstance {
  strapi: Core.Strapi;
  /** The HTTP server for supertest; it is not listening on any port. */
  server: Core.Strapi['server']['httpServer'];
  stop: () => Promise<void>;
}

/**
 * Boots one real Strapi on a fresh temporary SQLite file, without the admin panel. Call it in
 * `beforeAll` and `stop()` in `afterAll`: Strapi keeps global state, so one instance per test file.
 */
export async function startStrapi(): Promise<TestInstance> {
  applyTestEnv();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-test-'));
  process.env.DATABASE_FILENAME = path.join(dir, 'test.db');

  const strapi = createStrapi({ appDir: APP_DIR, distDir: DIST_DIR, autoReload: false, serveAdminPanel: false });
  await strapi.load();
  await strapi.server.mount();

  return {
    strapi,
    server: strapi.server.httpServer,
    async stop() {
      await strapi.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
