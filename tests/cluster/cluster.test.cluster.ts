import { fork, spawn, type ChildProcess } from 'child_process';
import { randomBytes } from 'crypto';
import fs from 'fs';
import net from 'net';
import os from 'os';
import path from 'path';
import { Client } from 'pg';
import { chinaToday } from '../../src/domain/dates';
import { uniqueOrganizationCode } from '../harness/fixtures';

/** The load generator, as far as this test uses it (it ships no types). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (options: { url: string; connections: number; duration: number }) => Promise<{
  requests: { total: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}>;

/**
 * Three Gongkai instances on one PostgreSQL behind nginx, as the README deploys them: a change
 * through one reaches the others' caches, the daily run happens once, and nginx keeps answering
 * when an instance is killed.
 */
const ADMIN_URL = process.env.TEST_POSTGRES_URL;
const APP_DIR = path.resolve(__dirname, '..', '..');
const UID_PLURAL = 'normative-documents';
const run = ADMIN_URL ? describe : describe.skip;

interface Instance {
  name: string;
  child: ChildProcess;
  url: string;
  call: <T>(name: string, args?: object) => Promise<T>;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

const secret = () => randomBytes(24).toString('base64');

let database: string;
let databaseUrl: string;
let workDir: string;
let environment: Record<string, string>;
let instances: Instance[] = [];
let nginx: ChildProcess | null = null;
let front: string;
let accessKey: string;
let organization: string;

function startInstance(name: string, port: number): Promise<Instance> {
  const child = fork(path.join(__dirname, 'instance.js'), [], {
    env: { ...environment, PORT: String(port) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let next = 0;
  const pending = new Map<number, { resolve: (value: never) => void; reject: (error: Error) => void }>();
  child.on('message', (message: { id?: number; result?: never; error?: string }) => {
    if (message.id === undefined) return;
    const waiting = pending.get(message.id);
    pending.delete(message.id);
    if (message.error) waiting?.reject(new Error(message.error));
    else waiting?.resolve(message.result as never);
  });
  const call = <T,>(method: string, args: object = {}) =>
    new Promise<T>((resolve, reject) => {
      next += 1;
      pending.set(next, { resolve: resolve as (value: never) => void, reject });
      child.send({ id: next, name: method, args });
    });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`instance ${name} exited with ${code} before it was ready`)));
    child.once('message', (message: { ready?: boolean }) => {
      if (message.ready) resolve({ name, child, url: `http://127.0.0.1:${port}`, call });
    });
  });
}

async function startNginx(port: number, upstreams: number[]): Promise<void> {
  const example = fs.readFileSync(path.join(APP_DIR, 'config', 'nginx', 'gongkai.conf'), 'utf8');
  const site = example
    .replace(/^\s*server 127\.0\.0\.1:1337.*\n(\s*server 127\.0\.0\.1:\d+.*\n)*/m, upstreams.map((upstream) => `    server 127.0.0.1:${upstream} max_fails=1 fail_timeout=5s;\n`).join(''))
    .replace('listen 80;', `listen 127.0.0.1:${port};`);
  expect(site).toContain(`server 127.0.0.1:${upstreams[2]}`);
  fs.writeFileSync(path.join(workDir, 'gongkai.conf'), site);
  const temp = (name: string) => path.join(workDir, name);
  fs.writeFileSync(
    path.join(workDir, 'nginx.conf'),
    [
      'daemon off;',
      'worker_processes 1;',
      `pid ${temp('nginx.pid')};`,
      `error_log ${temp('error.log')} warn;`,
      'events { worker_connections 1024; }',
      'http {',
      '  access_log off;',
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `  ${kind}_temp_path ${temp(`${kind}-temp`)};`),
      `  include ${temp('gongkai.conf')};`,
      '}',
      '',
    ].join('\n'),
  );
  nginx = spawn('nginx', ['-p', workDir, '-c', path.join(workDir, 'nginx.conf')], { stdio: ['ignore', 'inherit', 'inherit'] });
  const deadline = Date.now() + 10000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`nginx did not answer: ${fs.existsSync(temp('error.log')) ? fs.readFileSync(temp('error.log'), 'utf8') : ''}`);
}

const bearer = () => ({ Authorization: `Bearer ${accessKey}`, 'Content-Type': 'application/json' });
const getJson = async (url: string) => {
  const response = await fetch(url);
  return { status: response.status, cache: response.headers.get('x-cache'), body: (await response.json()) as { data: unknown } };
};

/** Reads `url` until `seen` holds, every 20 ms; how long it took, or null past the deadline. */
async function timeUntil(url: string, seen: (body: { data: unknown }) => boolean, deadlineMs = 5000): Promise<number | null> {
  const started = Date.now();
  while (Date.now() - started < deadlineMs) {
    if (seen((await getJson(url)).body)) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return null;
}

run('three instances on one PostgreSQL behind nginx', () => {
  beforeAll(async () => {
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-cluster-'));
    database = `gongkai_cluster_${process.pid}_${Date.now()}`;
    const admin = new Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`create database ${database}`);
    await admin.end();
    const url = new URL(ADMIN_URL as string);
    url.pathname = `/${database}`;
    databaseUrl = url.toString();
    environment = {
      ...(process.env as Record<string, string>),
      NODE_ENV: 'production',
      ENV_PATH: '/dev/null',
      HOST: '127.0.0.1',
      DATABASE_CLIENT: 'postgres',
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_MIN: '0',
      CRON_ENABLED: 'false',
      LIFECYCLE_CRON: 'false',
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      STARTUP_MESSAGE: 'false',
      STRAPI_TELEMETRY_DISABLED: 'true',
      IS_PROXIED: 'true',
      REQUEST_SUBMISSIONS_PER_HOUR: '3',
      APP_KEYS: `${secret()},${secret()}`,
      API_TOKEN_SALT: secret(),
      ADMIN_JWT_SECRET: secret(),
      TRANSFER_TOKEN_SALT: secret(),
      JWT_SECRET: secret(),
      ENCRYPTION_KEY: secret(),
    };
    const ports = [await freePort(), await freePort(), await freePort()];
    // The first instance on a new database creates the schema; the others start once it has.
    instances = [await startInstance('A', ports[0])];
    instances.push(...(await Promise.all([startInstance('B', ports[1]), startInstance('C', ports[2])])));
    const frontPort = await freePort();
    await startNginx(frontPort, ports);
    front = `http://127.0.0.1:${frontPort}`;
    ({ accessKey, organization } = await instances[0].call<{ accessKey: string; organization: string }>('setup', { code: uniqueOrganizationCode() }));
  }, 180000);

  afterAll(async () => {
    nginx?.kill('SIGTERM');
    await Promise.all(
      instances.map(
        (instance) =>
          new Promise<void>((resolve) => {
            if (instance.child.exitCode !== null || instance.child.signalCode !== null) return resolve();
            instance.child.once('exit', () => resolve());
            instance.child.kill('SIGTERM');
          }),
      ),
    );
    if (database) {
      const admin = new Client({ connectionString: ADMIN_URL });
      await admin.connect();
      await admin.query(`drop database if exists ${database} with (force)`);
      await admin.end();
    }
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
  }, 60000);

  const listUrl = (base: string) => `${base}/api/${UID_PLURAL}?filters[issuingOrganization][documentId][$eq]=${organization}&sort=title&pagination[pageSize]=100`;
  const titles = (body: { data: unknown }) => (body.data as { title: string }[]).map((document) => document.title);

  it('serves a document published through one instance from every instance within a second', async () => {
    for (const instance of instances) {
      await getJson(listUrl(instance.url));
      expect((await getJson(listUrl(instance.url))).cache).toBe('hit');
    }
    const created = await fetch(`${instances[0].url}/api/${UID_PLURAL}?status=published`, {
      method: 'POST',
      headers: bearer(),
      body: JSON.stringify({
        data: {
          title: '太原市集群发布测试办法',
          documentNumber: '并集发〔2024〕1号',
          kind: 'normative_document',
          issuingOrganization: organization,
          adoptedOn: '2024-01-10',
          publishedOn: '2024-01-15',
          effectiveFrom: '2024-02-01',
          validUntil: '2099-12-31',
          disclosureMode: 'proactive',
        },
      }),
    });
    expect(created.status).toBe(201);
    for (const base of [instances[1].url, instances[2].url, front]) {
      const elapsed = await timeUntil(listUrl(base), (body) => titles(body).includes('太原市集群发布测试办法'));
      expect(elapsed).not.toBeNull();
      expect(elapsed as number).toBeLessThan(1000);
    }
  });

  it('shows a transition made through another instance on the rest within a second', async () => {
    const list = await getJson(listUrl(instances[0].url));
    const documentId = (list.body.data as { documentId: string; title: string }[]).find((document) => document.title === '太原市集群发布测试办法')?.documentId;
    expect(documentId).toBeDefined();
    const single = (base: string) => `${base}/api/${UID_PLURAL}/${documentId}`;
    for (const instance of [instances[0], instances[2]]) {
      await getJson(single(instance.url));
      expect((await getJson(single(instance.url))).cache).toBe('hit');
    }
    const repealed = await fetch(`${instances[1].url}/api/${UID_PLURAL}/${documentId}/transitions`, {
      method: 'POST',
      headers: bearer(),
      body: JSON.stringify({ action: 'repeal', date: chinaToday(new Date()), basisReference: '市政府第1次常务会议' }),
    });
    expect(repealed.status).toBe(200);
    for (const instance of [instances[0], instances[2]]) {
      const elapsed = await timeUntil(single(instance.url), (body) => (body.data as { validity: string }).validity === 'repealed');
      expect(elapsed).not.toBeNull();
      expect(elapsed as number).toBeLessThan(1000);
    }
  });

  it('runs the daily lifecycle run once when every instance starts it at the same moment', async () => {
    const today = chinaToday(new Date());
    const ended = await instances[0].call<string[]>('termsEnded', { organization, count: 5, tag: 100 });
    const reports = await Promise.all(instances.map((instance) => instance.call<{ expired: number } | null>('daily', { date: today })));
    expect(reports.filter((report) => report !== null)).toEqual([expect.objectContaining({ expired: 5 })]);
    expect(await instances[1].call<number>('events', { documentIds: ended, action: 'expire' })).toBe(5);

    // Started by hand on every instance at once (the admin's 按日期运行 button): still once.
    const more = await instances[0].call<string[]>('termsEnded', { organization, count: 3, tag: 200 });
    const ticks = await Promise.all(instances.map((instance) => instance.call<{ expired: number }>('tick', { date: today })));
    expect(ticks.reduce((sum, report) => sum + report.expired, 0)).toBe(3);
    expect(await instances[2].call<number>('events', { documentIds: more, action: 'expire' })).toBe(3);
  });

  it('counts the public form’s limit per address for the cluster, not per instance', async () => {
    const submit = (instance: Instance) =>
      fetch(`${instance.url}/api/disclosure-requests/submit`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '203.0.113.7' },
        body: JSON.stringify({ organization, applicantType: 'natural_person', applicantName: '王五', idType: 'resident_identity_card', idNumber: '140105199001010011', phone: '13700000000', description: '集群测试：本市2025年道路维修计划' }),
      });
    // One filing through each instance uses up the address's three for the hour.
    for (const instance of instances) expect((await submit(instance)).status).toBe(201);
    for (const instance of instances) {
      const refused = await submit(instance);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(3500);
    }
  });

  it('keeps answering through nginx when one instance is killed under read load', async () => {
    const load = autocannon({ url: listUrl(front), connections: 20, duration: 6 });
    await new Promise((resolve) => setTimeout(resolve, 2000));
    instances[2].child.kill('SIGKILL');
    const result = await load;
    expect(result.requests.total).toBeGreaterThan(100);
    expect({ errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx }).toEqual({ errors: 0, timeouts: 0, non2xx: 0 });
  });
});
