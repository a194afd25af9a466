import cache from './cache';

export type CacheService = ReturnType<typeof cache>;

export default { cache };
