import { randomUUID } from 'crypto';
import type { Core } from '@strapi/strapi';
import { Client } from 'pg';
import type { WriteWatch } from './write-watch';

export const CHANNEL = 'gongkai_data_changed';
const SQLITE_POLL_MS = 1000;
const RECONNECT_MS = 1000;

export interface Peers {
  /** Who this process is in notifications: its own are not acted on twice. */
  instance: string;
  close(): Promise<void>;
}

/**
 * Tells other processes on the same database that data changed, and hears them.
 *
 * PostgreSQL: each settled change is a `NOTIFY` on one channel, and every instance `LISTEN`s on
 * its own connection; a lost connection is re-opened and, since notifications may have been
 * missed meanwhile, counts as a change. SQLite: one server per file, and a script or second
 * process writing the same file is noticed through `PRAGMA data_version` (it changes when another
 * connection commits), checked every second.
 */
export async function connectPeers(strapi: Core.Strapi, watch: WriteWatch): Promise<Peers> {
  const instance = randomUUID();
  const knex = strapi.db.connection;
  const client = strapi.db.dialect.client as string;
  let closed = false;

  if (client === 'postgres') {
    let pending = false;
    watch.onChange((source) => {
      if (source !== 'local' || pending || closed) return;
      pending = true;
      // One notification for the changes settled in one turn of the event loop.
      setImmediate(() => {
        pending = false;
        if (closed) return;
        knex.raw('select pg_notify(?, ?)', [CHANNEL, instance]).catch((error: Error) => strapi.log.warn(`public-cache: notify failed: ${error.message}`));
      });
    });

    const settings = { ...(strapi.config.get('database.connection.connection') as Record<string, unknown>) };
    delete settings.schema;
    let listener: Client | null = null;
    let retry: NodeJS.Timeout | null = null;
    const listen = async (reconnecting: boolean) => {
      if (closed) return;
      const connection = new Client(settings);
      connection.on('notification', (message) => {
        if (message.channel === CHANNEL && message.payload !== instance) watch.changedElsewhere();
      });
      const reopen = () => {
        if (closed || listener !== connection) return;
        listener = null;
        connection.end().catch(() => undefined);
        retry = setTimeout(() => void listen(true), RECONNECT_MS);
      };
      connection.on('error', (error) => {
        strapi.log.warn(`public-cache: lost the notification connection (${error.message}); reconnecting`);
        reopen();
      });
      connection.on('end', reopen);
      try {
        await connection.connect();
        await connection.query(`LISTEN ${CHANNEL}`);
        listener = connection;
        if (reconnecting) watch.changedElsewhere();
      } catch (error) {
        strapi.log.warn(`public-cache: cannot listen for changes (${(error as Error).message}); retrying`);
        connection.end().catch(() => undefined);
        retry = setTimeout(() => void listen(true), RECONNECT_MS);
      }
    };
    await listen(false);
    return {
      instance,
      async close() {
        closed = true;
        if (retry) clearTimeout(retry);
        const connection = listener;
        listener = null;
        await connection?.end().catch(() => undefined);
      },
    };
  }

  const dataVersion = async (): Promise<number | null> => {
    const rows = (await knex.raw('pragma data_version')) as { data_version: number }[];
    return rows[0]?.data_version ?? null;
  };
  let last = await dataVersion();
  const poll = setInterval(() => {
    dataVersion()
      .then((version) => {
        if (version !== last && !closed) {
          last = version;
          watch.changedElsewhere();
        }
      })
      .catch(() => undefined);
  }, SQLITE_POLL_MS);
  poll.unref();
  return {
    instance,
    async close() {
      closed = true;
      clearInterval(poll);
    },
  };
}
