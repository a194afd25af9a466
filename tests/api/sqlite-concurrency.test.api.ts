import { fork, type ChildProcess } from 'child_process';
import path from 'path';
import request from 'supertest';
import { startStrapi, type TestInstance } from '../harness/strapi';
import { createApiToken } from '../harness/fixtures';

/**
 * Fifty clients writing at once for WRITE_LOAD_SECONDS (default 30), while another process holds
 * write transactions on the same SQLite file, as a second script or instance does: no request
 * fails, none waits forever, and nothing is lost. On PostgreSQL this is the database's own job.
 */
const onSqlite = !process.env.TEST_POSTGRES_URL;
const seconds = Number(process.env.WRITE_LOAD_SECONDS ?? 30);
const WRITERS = 50;

let app: TestInstance;
let token: string;

beforeAll(async () => {
  app = await startStrapi();
  token = await createApiToken(app.strapi, 'full-access');
});

afterAll(async () => {
  await app?.stop();
});

/** A process that takes the write lock again and again, holding it a few milliseconds each time. */
function competingWriter(filename: string): ChildProcess {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(process.argv[1]);
    db.pragma('busy_timeout = 10000');
    db.exec('create table if not exists load_probe (id integer primary key, at text)');
    const insert = db.prepare('insert into load_probe (at) values (?)');
    let stop = false;
    let written = 0;
    process.on('message', () => { stop = true; });
    const hold = () => {
      if (stop) { db.close(); process.send({ written }, () => process.disconnect()); return; }
      db.transaction(() => { insert.run(new Date().toISOString()); const until = Date.now() + 3; while (Date.now() < until); })();
      written += 1;
      setTimeout(hold, 2);
    };
    hold();
  `;
  return fork('-e', [script, filename], { execArgv: [], cwd: path.resolve(__dirname, '..', '..') });
}

(onSqlite ? it : it.skip)(`serves ${WRITERS} concurrent writers for ${seconds} s beside another writing process without a 5xx`, async () => {
  const filename = app.strapi.db.config.connection.connection as unknown as { filename: string };
  expect((app.strapi.db.connection.client as { config: { client: string } }).config.client).toBe('better-sqlite3');
  const child = competingWriter(filename.filename);
  const statuses = new Map<number, number>();
  const errors: string[] = [];
  let created = 0;
  const deadline = Date.now() + seconds * 1000;

  const writer = async (n: number) => {
    let i = 0;
    while (Date.now() < deadline) {
      i += 1;
      const res = await request(app.server)
        .post('/api/topics')
        .set('Authorization', `Bearer ${token}`)
        .send({ data: { name: `并发主题${n}-${i}`, code: `load-${n}-${i}` } });
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (res.status === 201) created += 1;
      else if (errors.length < 5) errors.push(`${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: WRITERS }, (_, n) => writer(n)));
  const elapsed = (Date.now() - started) / 1000;
  child.send('stop');
  const competitor = await new Promise<{ written: number }>((resolve) => child.once('message', (message) => resolve(message as { written: number })));

  if (process.env.CI_VERBOSE) console.log(`${created} writes in ${elapsed.toFixed(1)} s (${(created / elapsed).toFixed(0)}/s); the other process wrote ${competitor.written}`);
  expect({ statuses: Object.fromEntries(statuses), errors }).toEqual({ statuses: { 201: created }, errors: [] });
  expect(created).toBeGreaterThan(WRITERS);
  expect(competitor.written).toBeGreaterThan(0);
  expect(await app.strapi.db.query('api::topic.topic').count({ where: { code: { $startsWith: 'load-' } } })).toBe(created);
}, (seconds + 60) * 1000);
