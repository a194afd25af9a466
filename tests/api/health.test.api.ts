import http from 'http';
import type { AddressInfo } from 'net';
import request from 'supertest';
import { startStrapi, type TestInstance } from '../harness/strapi';

let app: TestInstance;

beforeAll(async () => {
  app = await startStrapi();
});

afterAll(async () => {
  await app.stop();
});

function get(url: string): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        let raw = '';
        res.on('data', (chunk) => (raw += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(raw) }));
      })
      .on('error', reject);
  });
}

describe('GET /api/health', () => {
  it('answers 200 with the database status, to anyone', async () => {
    const res = await request(app.server).get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: 'ok' });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('listens dual-stack: the same server answers on [::1] and on 127.0.0.1', async () => {
    // HOST defaults to `::`; PORT=0 lets the OS pick a free port.
    await new Promise<void>((resolve) =>
      app.server.listen(0, app.strapi.config.get('server.host'), () => resolve()),
    );
    try {
      const { address, port } = app.server.address() as AddressInfo;
      expect(address).toBe('::');
      await expect(get(`http://[::1]:${port}/api/health`)).resolves.toEqual({
        status: 200,
        body: { status: 'ok', database: 'ok' },
      });
      await expect(get(`http://127.0.0.1:${port}/api/health`)).resolves.toEqual({
        status: 200,
        body: { status: 'ok', database: 'ok' },
      });
    } finally {
      await new Promise((resolve) => app.server.close(resolve));
    }
  });

  it('answers 503 when the database cannot be reached', async () => {
    // Closing the pool is what an unreachable server looks like to the app.
    await app.strapi.db.connection.destroy();
    const res = await request(app.server).get('/api/health');
    expect(res.status).toBe(503);
    expect(res.body).toEqual({ status: 'error', database: 'unreachable' });
  });
});
