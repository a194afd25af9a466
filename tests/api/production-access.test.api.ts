import request from 'supertest';
import { startStrapi, type TestInstance } from '../harness/strapi';
import { createAdminUser } from '../harness/fixtures';

/**
 * A production start behind a TLS-terminating proxy, as a city runs it: site users sign in
 * directly and through the proxy, nobody registers themselves, sign-in failures are limited per
 * client address, only the listed origins get CORS, and GraphQL keeps its schema to itself.
 */
let app: TestInstance;
const SITE = 'https://www.taiyuan.gov.cn';

beforeAll(async () => {
  app = await startStrapi({
    NODE_ENV: 'production',
    IS_PROXIED: 'true',
    CORS_ORIGINS: `${SITE},https://m.taiyuan.gov.cn`,
    PUBLIC_URL: 'https://gongkai.taiyuan.gov.cn',
    SIGN_IN_MAX_FAILURES: '10',
  });
  const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
  await app.strapi.plugin('users-permissions').service('user').add({
    username: 'resident', email: 'resident@example.cn', password: 'Resident-Pass-1', provider: 'local', confirmed: true, blocked: false, role: role.id,
  });
});

afterAll(async () => {
  await app.stop();
});

const signIn = (password = 'Resident-Pass-1', headers: Record<string, string> = {}, address = '203.0.113.1') =>
  request(app.server).post('/api/auth/local').set({ 'X-Forwarded-For': address, ...headers }).send({ identifier: 'resident@example.cn', password });

describe('site-user sign-in', () => {
  it('works over plain HTTP straight to the server, without the refresh cookie that needs HTTPS', async () => {
    const res = await signIn(undefined, {}, '203.0.113.10');
    expect(res.status).toBe(200);
    expect(res.body.jwt).toEqual(expect.any(String));
    expect(res.headers['set-cookie'] ?? []).toEqual([]);
  });

  it('works behind the TLS proxy, with the refresh cookie marked Secure and HttpOnly', async () => {
    const res = await signIn(undefined, { 'X-Forwarded-Proto': 'https' }, '203.0.113.11');
    expect(res.status).toBe(200);
    expect(res.body.jwt).toEqual(expect.any(String));
    const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    expect(cookies.length).toBeGreaterThan(0);
    for (const cookie of cookies) expect(cookie.toLowerCase()).toEqual(expect.stringContaining('; secure'));
    expect(cookies.join(';').toLowerCase()).toContain('httponly');
  });

  it('signs out over plain HTTP and through the proxy', async () => {
    for (const headers of [{}, { 'X-Forwarded-Proto': 'https' }] as Record<string, string>[]) {
      const { body } = await signIn(undefined, headers, '203.0.113.12');
      const res = await request(app.server).post('/api/auth/logout').set({ Authorization: `Bearer ${body.jwt}`, 'X-Forwarded-For': '203.0.113.12', ...headers });
      expect(res.status).toBeLessThan(300);
    }
  });

  it('does not let the public register themselves', async () => {
    const res = await request(app.server).post('/api/auth/local/register').send({ username: 'self', email: 'self@example.cn', password: 'Self-Made-1' });
    expect({ status: res.status, message: res.body.error?.message }).toEqual({ status: 400, message: 'Register action is currently disabled' });
    expect(await app.strapi.db.query('plugin::users-permissions.user').count({ where: { email: 'self@example.cn' } })).toBe(0);
  });
});

describe('failed sign-ins are limited per client address across accounts', () => {
  it('slows an address that tries many e-mails, and only that address', async () => {
    const spray = async (path: string, address: string, n: number) => {
      const statuses: number[] = [];
      for (let i = 0; i < n; i += 1) {
        const body = path === '/admin/login' ? { email: `nobody${i}@example.cn`, password: 'Wrong-Pass-1' } : { identifier: `nobody${i}@example.cn`, password: 'Wrong-Pass-1' };
        statuses.push((await request(app.server).post(path).set('X-Forwarded-For', address).send(body)).status);
      }
      return statuses;
    };
    const site = await spray('/api/auth/local', '198.51.100.7', 12);
    expect(site.slice(0, 10).every((status) => status === 400)).toBe(true);
    expect(site.slice(10)).toEqual([429, 429]);
    // Even the right password, from that address, must wait.
    expect((await signIn(undefined, {}, '198.51.100.7')).status).toBe(429);

    // Strapi's own admin limit is per e-mail: twelve e-mails were never slowed.
    const admin = await spray('/admin/login', '198.51.100.8', 12);
    expect(admin.slice(0, 10).every((status) => status === 400)).toBe(true);
    expect(admin.slice(10)).toEqual([429, 429]);
    const refused = await request(app.server).post('/admin/login').set('X-Forwarded-For', '198.51.100.8').send({ email: 'other@example.cn', password: 'Wrong-Pass-1' });
    expect(refused.headers['retry-after']).toMatch(/^\d+$/);
    expect(refused.body).toEqual({
      data: null,
      error: { status: 429, name: 'RateLimitError', message: 'Too many failed sign-ins from this address: try again in 15 minutes', details: { retryAfter: expect.any(Number) } },
    });
    // Another address is not affected.
    expect((await signIn(undefined, {}, '198.51.100.9')).status).toBe(200);
  });

  it('takes the address the proxy added, not what the client wrote before it', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      const res = await request(app.server).post('/admin/login').set('X-Forwarded-For', `198.51.100.${100 + i}, 203.0.113.77`).send({ email: `spoof${i}@example.cn`, password: 'Wrong-Pass-1' });
      statuses.push(res.status);
    }
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it('does not count successful sign-ins from one address, as of an office behind one gateway', async () => {
    for (let i = 0; i < 12; i += 1) {
      const { user, password } = await createAdminUser(app.strapi);
      const res = await request(app.server).post('/admin/login').set('X-Forwarded-For', '192.0.2.20').send({ email: user.email, password });
      expect(res.status).toBe(200);
    }
  });
});

describe('CORS', () => {
  it('answers a listed origin with credentials, and never reflects another origin or null', async () => {
    const allowed = await request(app.server).get('/api/topics').set('Origin', SITE);
    expect(allowed.headers['access-control-allow-origin']).toBe(SITE);
    expect(allowed.headers['access-control-allow-credentials']).toBe('true');
    const preflight = await request(app.server).options('/api/topics').set({ Origin: SITE, 'Access-Control-Request-Method': 'GET' });
    expect(preflight.headers['access-control-allow-origin']).toBe(SITE);
    for (const origin of ['https://evil.example', 'null', 'https://www.taiyuan.gov.cn.evil.example']) {
      for (const path of ['/api/topics', '/graphql']) {
        const res = await request(app.server).post(path).set('Origin', origin).send({ query: '{ topics { name } }' });
        expect({ origin, path, allow: res.headers['access-control-allow-origin'] }).toEqual({ origin, path, allow: undefined });
      }
    }
  });

  it('sends no CORS headers to a request without an Origin, only Vary: Origin', async () => {
    const res = await request(app.server).get('/api/topics');
    expect(res.status).toBe(200);
    expect(Object.keys(res.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
    expect(res.headers.vary).toMatch(/Origin/);
  });
});

describe('GraphQL in production', () => {
  it('does not answer introspection or suggest field names', async () => {
    const introspection = await request(app.server).post('/graphql').send({ query: '{ __schema { types { name } } }' });
    expect(introspection.status).toBe(400);
    expect(JSON.stringify(introspection.body)).not.toContain('NormativeDocument');
    const typo = await request(app.server).post('/graphql').send({ query: '{ normativeDocuments { titl } }' });
    expect(typo.status).toBe(400);
    expect(JSON.stringify(typo.body)).not.toMatch(/Did you mean/);
  });
});
