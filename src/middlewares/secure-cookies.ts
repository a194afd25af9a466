import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';

/**
 * A cookie marked Secure cannot be sent over plain HTTP, and Koa throws when asked to, which made
 * every sign-in in production a 500 unless it came through TLS. Over plain HTTP such a cookie
 * (the refresh token) is left out: the sign-in answers with its token in the body, and renewing it
 * by cookie needs HTTPS, directly or behind a proxy that says so (IS_PROXIED=true).
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  let warned = false;
  return async (ctx: Context, next: Next) => {
    const cookies = ctx.cookies;
    const set = cookies.set.bind(cookies);
    cookies.set = ((name: string, value?: string | null, options?: { secure?: boolean }) => {
      if (options?.secure && !ctx.secure) {
        if (!warned) {
          warned = true;
          strapi.log.warn(`Secure cookie "${name}" not sent over plain HTTP (${ctx.path}); serve over HTTPS, or set IS_PROXIED=true behind a TLS proxy`);
        }
        return cookies;
      }
      return set(name, value, options);
    }) as typeof cookies.set;
    return next();
  };
};
