/** The HTTP rules of the cache, free of Strapi: keys, validators, freshness. */

/** A stable text for a parsed query or body: object keys sorted, list order kept. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value as Record<string, unknown>)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Whether `If-None-Match` names the entity tag (RFC 9110 §13.1.2: weak comparison, `*` matches
 * any current representation).
 */
export function noneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const wanted = opaque(etag);
  return header.split(',').some((tag) => opaque(tag) === wanted);
}

const DAY_SECONDS = 24 * 3600;
const CHINA_OFFSET_SECONDS = 8 * 3600;

/** The day in China as a number: answers that depend on "today" (validity, expiring lists) are not kept past midnight there. */
export const chinaDayOf = (now: number): number => Math.floor((now / 1000 + CHINA_OFFSET_SECONDS) / DAY_SECONDS);

/** Seconds from `now` to the next midnight in China (UTC+8, no daylight saving). */
export function secondsToChinaMidnight(now: Date): number {
  const chinaSeconds = Math.floor(now.getTime() / 1000) + CHINA_OFFSET_SECONDS;
  return DAY_SECONDS - (((chinaSeconds % DAY_SECONDS) + DAY_SECONDS) % DAY_SECONDS);
}

let memo = { second: -1, maxAge: -1, staleWhileRevalidate: -1, value: '' };

/**
 * `Cache-Control` for a public answer: fresh for `maxAge`, served stale while revalidating for
 * `staleWhileRevalidate`, neither past midnight in China, when answers that depend on "today"
 * (validity, expiring lists) change.
 */
export function publicCacheControl(now: Date, maxAge: number, staleWhileRevalidate: number): string {
  // The same for every answer within one second: worked out once.
  const second = Math.floor(now.getTime() / 1000);
  if (memo.second === second && memo.maxAge === maxAge && memo.staleWhileRevalidate === staleWhileRevalidate) return memo.value;
  const value = cacheControlFor(now, maxAge, staleWhileRevalidate);
  memo = { second, maxAge, staleWhileRevalidate, value };
  return value;
}

function cacheControlFor(now: Date, maxAge: number, staleWhileRevalidate: number): string {
  const left = secondsToChinaMidnight(now);
  const fresh = Math.min(maxAge, left);
  const stale = Math.max(0, Math.min(staleWhileRevalidate, left - fresh));
  return stale > 0 ? `public, max-age=${fresh}, stale-while-revalidate=${stale}` : `public, max-age=${fresh}`;
}
