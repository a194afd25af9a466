import { createHash } from 'crypto';
import type { Core } from '@strapi/strapi';

/**
 * Work that several instances on one database must do one at a time, or a limited number at
 * once, coordinated by the database itself. On PostgreSQL with advisory locks held on a
 * connection of their own: a process that dies loses its connection and with it its locks, so
 * nothing stays locked. On SQLite one process serves the file, and the locks are in memory.
 */

/** The first key of every advisory lock Gongkai takes ("GK"), so its locks do not meet another application's. */
const NAMESPACE = 0x474b;

/** A lock name as the second key: 31 bits of its SHA-1. */
const keyOf = (name: string): number => createHash('sha1').update(name).digest().readInt32BE(0);

interface PgConnection {
  query: (sql: string, values?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;
}

interface KnexClient {
  acquireConnection: () => Promise<PgConnection>;
  releaseConnection: (connection: PgConnection) => Promise<void>;
}

const isPostgres = (strapi: Core.Strapi) => (strapi.db.dialect as unknown as { client: string }).client === 'postgres';
const knexClient = (strapi: Core.Strapi) => (strapi.db.connection as unknown as { client: KnexClient }).client;

/** In-process locks (SQLite): the tail of each name's queue. */
const queues = new Map<string, Promise<unknown>>();
/** In-process slots (SQLite): how many of each name are taken. */
const taken = new Map<string, number>();

/**
 * Runs `work` while holding the cluster-wide lock `name`, waiting for it if another instance (or
 * another call here) holds it.
 */
export async function withClusterLock<T>(strapi: Core.Strapi, name: string, work: () => Promise<T>): Promise<T> {
  if (!isPostgres(strapi)) {
    const previous = queues.get(name) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(work);
    queues.set(name, run);
    try {
      return await run;
    } finally {
      if (queues.get(name) === run) queues.delete(name);
    }
  }
  const client = knexClient(strapi);
  const connection = await client.acquireConnection();
  try {
    await connection.query('select pg_advisory_lock($1, $2)', [NAMESPACE, keyOf(name)]);
    try {
      return await work();
    } finally {
      await connection.query('select pg_advisory_unlock($1, $2)', [NAMESPACE, keyOf(name)]);
    }
  } finally {
    await client.releaseConnection(connection);
  }
}

/**
 * Takes one of `slots` places named `name` across the cluster without waiting: a function that
 * gives it back, or null when all are taken.
 */
export async function takeClusterSlot(strapi: Core.Strapi, name: string, slots: number): Promise<(() => Promise<void>) | null> {
  if (!isPostgres(strapi)) {
    const used = taken.get(name) ?? 0;
    if (used >= slots) return null;
    taken.set(name, used + 1);
    let given = false;
    return async () => {
      if (given) return;
      given = true;
      taken.set(name, (taken.get(name) ?? 1) - 1);
    };
  }
  const client = knexClient(strapi);
  const connection = await client.acquireConnection();
  for (let slot = 0; slot < slots; slot += 1) {
    const key = keyOf(`${name}#${slot}`);
    const { rows } = await connection.query('select pg_try_advisory_lock($1, $2) as locked', [NAMESPACE, key]);
    if (rows[0]?.locked) {
      let given = false;
      return async () => {
        if (given) return;
        given = true;
        try {
          await connection.query('select pg_advisory_unlock($1, $2)', [NAMESPACE, key]);
        } finally {
          await client.releaseConnection(connection);
        }
      };
    }
  }
  await client.releaseConnection(connection);
  return null;
}
