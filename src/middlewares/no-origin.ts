import type { Context, Next } from 'koa';

const CORS_HEADERS = ['Access-Control-Allow-Origin', 'Access-Control-Allow-Credentials', 'Access-Control-Expose-Headers'];

/**
 * Placed just before Strapi's CORS middleware. To a request without an Origin (a server, curl, a
 * CDN filling its cache) Strapi answers `Access-Control-Allow-Origin` empty, with credentials
 * allowed: meaningless to a browser, but it would be kept with every cached answer. Such answers
 * keep only `Vary: Origin`.
 */
export default () => async (ctx: Context, next: Next) => {
  if (ctx.get('Origin')) return next();
  try {
    await next();
  } finally {
    for (const header of CORS_HEADERS) ctx.remove(header);
  }
};
