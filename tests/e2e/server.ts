import fs from 'fs';
import os from 'os';
import path from 'path';
import type { AddressInfo } from 'net';
import { createStrapi, type Core } from '@strapi/strapi';
import { APP_DIR, DIST_DIR } from '../harness/strapi';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { applyTestEnv } = require('../harness/env') as { applyTestEnv: () => void };

export interface E2EServer {
  strapi: Core.Strapi;
  url: string;
  stop: () => Promise<void>;
}

/** A real Strapi serving the built admin panel on a free loopback port, on a fresh SQLite file. */
export async function startServer(): Promise<E2EServer> {
  if (!fs.existsSync(path.join(DIST_DIR, 'build', 'index.html'))) {
    throw new Error('The admin panel is not built: run `npm run build` (npm run test:e2e does it).');
  }
  applyTestEnv();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-e2e-'));
  process.env.DATABASE_FILENAME = path.join(dir, 'e2e.db');
  process.env.HOST = '127.0.0.1';
  process.env.PORT = '0';
  const strapi = createStrapi({ appDir: APP_DIR, distDir: DIST_DIR, autoReload: false, serveAdminPanel: true });
  await strapi.load();
  await strapi.listen();
  const { port } = strapi.server.httpServer.address() as AddressInfo;
  return {
    strapi,
    url: `http://127.0.0.1:${port}`,
    async stop() {
      await strapi.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
