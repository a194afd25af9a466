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
 * With TEST_POSTGRES_URL (e.g. postgres://postgres@localhost:5432/postgres) the instance runs on
 * a fresh PostgreSQL database of its own instead of SQLite; returns how to drop it afterwards.
 */
async function usePostgresIfAsked(): Promise<(() => Promise<void>) | undefined> {
  const admin = process.env.TEST_POSTGRES_URL;
  if (!admin) return undefined;
  const { Client } = await import('pg');
  const name = `gongkai_test_${process.pid}_${Date.now()}`;
  const client = new Client({ connectionString: admin });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  Object.assign(process.env, { DATABASE_CLIENT: 'postgres', DATABASE_URL: url.toString(), DATABASE_POOL_MIN: '0' });
  return async () => {
    const dropper = new Client({ connectionString: admin });
    await dropper.connect();
    await dropper.query(`drop database if exists ${name} with (force)`);
    await dropper.end();
  };
}

/**
 * Boots one real Strapi on a fresh temporary SQLite file, without the admin panel, with `env`
 * set over the test environment. Call it in `beforeAll` and `stop()` in `afterAll`: Strapi keeps
 * global state, so one instance per test file. `app` boots another app than Gongkai (a fixture
 * written in JavaScript, its own dist).
 */
export async function startStrapi(env: Record<string, string> = {}, app: { appDir: string; distDir: string } = { appDir: APP_DIR, distDir: DIST_DIR }): Promise<TestInstance> {
  applyTestEnv();
  // Files run one after another in one process: what a file sets is put back when it stops.
  const previous = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  Object.assign(process.env, env);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-test-'));
  process.env.DATABASE_FILENAME = path.join(dir, 'test.db');
  const dropDatabase = await usePostgresIfAsked();

  const strapi = createStrapi({ ...app, autoReload: false, serveAdminPanel: false });
  await strapi.load();
  await strapi.server.mount();

  return {
    strapi,
    server: strapi.server.httpServer,
    async stop() {
      await strapi.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
      await dropDatabase?.();
      for (const [name, value] of Object.entries(previous)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    },
  };
}
