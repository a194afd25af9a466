import type { Core } from '@strapi/strapi';

/** Recent attempts of every limit, one row each: kept only while they are within their window. */
const TABLE = 'gongkai_attempts';

/**
 * Milliseconds until a key may try again, given the times of its attempts within the window,
 * newest first: 0 while fewer than `max` fall within it, else until the oldest of the last `max`
 * leaves it.
 */
export function waitAfter(newestFirst: readonly number[], max: number, windowMs: number, now: number): number {
  const recent = newestFirst.filter((at) => now - at < windowMs);
  if (recent.length < max) return 0;
  return recent[max - 1] + windowMs - now;
}

const ready = new WeakMap<Core.Strapi, Promise<void>>();

/** The table, created by whichever instance needs it first; another creating it at the same moment is not an error. */
function ensureTable(strapi: Core.Strapi): Promise<void> {
  let made = ready.get(strapi);
  if (!made) {
    const schema = () => strapi.db.connection.schema;
    made = (async () => {
      if (await schema().hasTable(TABLE)) return;
      try {
        await schema().createTable(TABLE, (table) => {
          table.increments('id');
          table.string('name', 64).notNullable();
          table.string('client_key', 128).notNullable();
          table.bigInteger('at').notNullable();
          table.index(['name', 'client_key', 'at'], `${TABLE}_lookup_idx`);
        });
      } catch (error) {
        if (!(await schema().hasTable(TABLE))) throw error;
      }
    })();
    made.catch(() => ready.delete(strapi));
    ready.set(strapi, made);
  }
  return made;
}

/**
 * Attempts per key (a client's network) within a sliding window, counted in the database: every
 * instance on it counts the same attempts, so three instances behind a balancer do not allow three
 * times as many. Only `max` per key are ever read, and rows that have left the window are swept.
 */
export function clusterAttempts(strapi: Core.Strapi, name: string, limit: { max: number; windowMs: number }) {
  const knex = () => strapi.db.connection;
  let sweptAt = 0;

  return {
    /** Milliseconds until `key` may try again, or 0 when it may now. */
    async retryAfter(key: string, now = Date.now()): Promise<number> {
      await ensureTable(strapi);
      const rows = (await knex()(TABLE)
        .where({ name, client_key: key })
        .where('at', '>', now - limit.windowMs)
        .orderBy('at', 'desc')
        .limit(limit.max)
        .select('at')) as { at: number | string }[];
      return waitAfter(
        rows.map((row) => Number(row.at)),
        limit.max,
        limit.windowMs,
        now,
      );
    },

    /** Counts one attempt of `key`. */
    async record(key: string, now = Date.now()): Promise<void> {
      await ensureTable(strapi);
      await knex()(TABLE).insert({ name, client_key: key, at: now });
      // Reads look only within the window; what has left it is swept once a window by each instance.
      if (now - sweptAt >= limit.windowMs) {
        sweptAt = now;
        await knex()(TABLE).where({ name }).where('at', '<=', now - limit.windowMs).delete();
      }
    },
  };
}
