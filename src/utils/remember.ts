import type { Core } from '@strapi/strapi';

interface Remembering {
  remember: <T>(key: string, compute: () => Promise<T>) => Promise<T>;
}

/**
 * A value worked out from the data, kept by the public cache until the data changes (see its
 * `remember`); worked out every time when the cache plugin is not installed.
 */
export function rememberUntilChange<T>(strapi: Core.Strapi, key: string, compute: () => Promise<T>): Promise<T> {
  if (!strapi.plugin('public-cache')) return compute();
  return (strapi.plugin('public-cache').service('cache') as unknown as Remembering).remember(key, compute);
}
