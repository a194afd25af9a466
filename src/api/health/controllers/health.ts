import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

/** A probe must answer even when the database hangs rather than refuses. */
const DATABASE_TIMEOUT_MS = 3000;

async function databaseReachable(strapi: Core.Strapi): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), DATABASE_TIMEOUT_MS);
  });
  try {
    const ping = strapi.db.connection.raw('select 1').then(() => true as const);
    return await Promise.race([ping, timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async check(ctx: Context) {
    const ok = await databaseReachable(strapi);
    ctx.set('Cache-Control', 'no-store');
    ctx.status = ok ? 200 : 503;
    ctx.body = ok ? { status: 'ok', database: 'ok' } : { status: 'error', database: 'unreachable' };
  },
});
