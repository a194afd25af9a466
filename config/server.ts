import type { Core } from '@strapi/strapi';
import { assertProductionSecrets } from '../src/utils/secrets';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => {
  assertProductionSecrets(process.env);
  return {
    // `::` is dual-stack: the same socket answers on IPv6 and IPv4 (IPv6 is required of
    // government portals by the national IPv6 plans).
    host: env('HOST', '::'),
    port: env.int('PORT', 1337),
    url: env('PUBLIC_URL', ''),
    // Strapi 5 reads `proxy.koa`: behind a TLS-terminating proxy, X-Forwarded-Proto and -For are
    // trusted, so requests count as HTTPS and client addresses are the real ones.
    // Only the addresses the proxies themselves added count (PROXY_HOPS, one for a single nginx):
    // the rest of X-Forwarded-For is whatever the client sent.
    proxy: { koa: env.bool('IS_PROXIED', false), maxIpsCount: env.int('PROXY_HOPS', 1) },
    app: {
      keys: env.array('APP_KEYS')!,
    },
    // Scheduled jobs (the daily lifecycle run) run in-process on every instance; the lifecycle's
    // takes a cluster lock, so it runs once across them.
    cron: { enabled: env.bool('CRON_ENABLED', true) },
    logger: {
      updates: { enabled: env.bool('UPDATE_NOTIFICATIONS', false) },
      startup: { enabled: env.bool('STARTUP_MESSAGE', true) },
    },
    webhooks: {
      populateRelations: env.bool('WEBHOOKS_POPULATE_RELATIONS', false),
    },
  };
};

export default config;
