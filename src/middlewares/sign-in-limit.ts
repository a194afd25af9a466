import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { clusterAttempts } from '../utils/cluster-attempts';
import { clientNetwork } from '../utils/client-network';
import { statusOfError } from '../utils/errors';

/** Where passwords are tried: site users, admin users, and their password resets. */
const SIGN_IN_PATHS = new Set(['/api/auth/local', '/api/auth/forgot-password', '/api/auth/reset-password', '/admin/login', '/admin/forgot-password', '/admin/reset-password']);

/** A sign-in refused for what was sent (wrong password, unknown account, malformed): a failure to count. */
const isRefusal = (error: unknown): boolean => [400, 401].includes(statusOfError(error));

interface SignInLimitConfig {
  maxFailures: number;
  windowMinutes: number;
}

/**
 * Failed sign-ins counted per client address across every account: Strapi's own limit is per
 * address and e-mail, so trying one password on many accounts was never slowed. Only failures
 * count, so an office behind one address signing in as usual is not refused. Behind a proxy the
 * address is X-Forwarded-For's (IS_PROXIED=true). Counted in the database, for every instance on it.
 */
export default (config: Partial<SignInLimitConfig>, { strapi }: { strapi: Core.Strapi }) => {
  const settings = { ...(strapi.config.get('gongkai.signIn') as SignInLimitConfig), ...config };
  const failures = clusterAttempts(strapi, 'sign-in failures', { max: settings.maxFailures, windowMs: settings.windowMinutes * 60000 });

  return async (ctx: Context, next: Next) => {
    if (ctx.method !== 'POST' || !SIGN_IN_PATHS.has(ctx.path)) return next();
    const key = clientNetwork(ctx.ip);
    const wait = await failures.retryAfter(key);
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      ctx.set('Retry-After', String(seconds));
      ctx.status = 429;
      ctx.body = {
        data: null,
        error: { status: 429, name: 'RateLimitError', message: `Too many failed sign-ins from this address: try again in ${Math.ceil(seconds / 60)} minutes`, details: { retryAfter: seconds } },
      };
      return;
    }
    try {
      await next();
    } catch (error) {
      if (isRefusal(error)) await failures.record(key);
      throw error;
    }
    if (ctx.status === 400 || ctx.status === 401) await failures.record(key);
  };
};
