export interface PublicCacheConfig {
  enabled: boolean;
  /** Upper bound of the bytes held (bodies and keys). */
  maxBytes: number;
  /** `max-age` of public answers, for a CDN or browser in front. */
  maxAge: number;
  /** `stale-while-revalidate` of public answers. */
  staleWhileRevalidate: number;
  /** Paths under the REST prefix never cached (their answers are live by nature). */
  exclude: string[];
  /** Public GraphQL queries (not mutations) are cached too. */
  graphql: boolean;
  /** Tables no public answer reads: writes to them leave the cache as it is. */
  unwatchedTables: string[];
}

const isCount = (value: unknown, least: number) => Number.isInteger(value) && (value as number) >= least;

export default {
  default: (): PublicCacheConfig => ({
    enabled: true,
    maxBytes: 64 * 1024 * 1024,
    maxAge: 10,
    staleWhileRevalidate: 30,
    exclude: ['/api/health', '/api/auth', '/api/connect', '/api/users', '/api/users-permissions'],
    graphql: true,
    // Sessions are written at every sign-in and token refresh, API tokens at their first use in an
    // hour, the export log at every export.
    unwatchedTables: ['strapi_sessions', 'strapi_api_tokens', 'strapi_transfer_tokens', 'audit_export_records'],
  }),
  validator(config: Partial<PublicCacheConfig>) {
    if (typeof config.enabled !== 'boolean') throw new Error('public-cache: enabled must be true or false');
    if (!isCount(config.maxBytes, 1024 * 1024)) throw new Error('public-cache: maxBytes must be a whole number of at least 1048576 (1 MB)');
    if (!isCount(config.maxAge, 0)) throw new Error('public-cache: maxAge must be a whole number of seconds, 0 or more');
    if (!isCount(config.staleWhileRevalidate, 0)) throw new Error('public-cache: staleWhileRevalidate must be a whole number of seconds, 0 or more');
    if (!Array.isArray(config.exclude) || !config.exclude.every((path) => typeof path === 'string' && path.startsWith('/'))) {
      throw new Error('public-cache: exclude must be a list of paths beginning with /');
    }
    if (typeof config.graphql !== 'boolean') throw new Error('public-cache: graphql must be true or false');
    if (!Array.isArray(config.unwatchedTables) || !config.unwatchedTables.every((table) => typeof table === 'string' && /^\w+$/.test(table))) {
      throw new Error('public-cache: unwatchedTables must be a list of table names');
    }
  },
};
