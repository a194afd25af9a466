import path from 'path';
import type { Core } from '@strapi/strapi';

type Client = 'sqlite' | 'postgres';

interface SqliteConnection {
  pragma: (statement: string) => unknown;
  prepare: (sql: string) => unknown;
}

const JOURNAL_MODES = ['wal', 'delete', 'truncate', 'persist'];
/** Prepared SQLite statements kept per connection, the least recently used dropped first. */
const PREPARED_STATEMENTS = 500;

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Database => {
  const client = env('DATABASE_CLIENT', 'sqlite');
  if (client !== 'sqlite' && client !== 'postgres') {
    throw new Error(`Unsupported DATABASE_CLIENT "${client}": use "sqlite" (default) or "postgres".`);
  }

  const ssl = env.bool('DATABASE_SSL', false) && {
    ca: env('DATABASE_SSL_CA', undefined),
    rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true),
  };

  // WAL lets readers (the export process, a second script) work while the server writes, and a
  // busy timeout makes a writer wait for another instead of failing with SQLITE_BUSY. WAL needs
  // shared memory, so a database on a network file system should use `delete`.
  const journalMode = env('DATABASE_SQLITE_JOURNAL_MODE', 'wal').toLowerCase();
  if (!JOURNAL_MODES.includes(journalMode)) {
    throw new Error(`Unsupported DATABASE_SQLITE_JOURNAL_MODE "${journalMode}": use one of ${JOURNAL_MODES.join(', ')}.`);
  }
  const busyTimeout = env.int('DATABASE_SQLITE_BUSY_TIMEOUT', 10000);

  const connections: Record<Client, Core.Config.Database['connection']> = {
    postgres: {
      client: 'postgres',
      connection: {
        connectionString: env('DATABASE_URL', undefined),
        host: env('DATABASE_HOST', 'localhost'),
        port: env.int('DATABASE_PORT', 5432),
        database: env('DATABASE_NAME', 'gongkai'),
        user: env('DATABASE_USERNAME', 'gongkai'),
        password: env('DATABASE_PASSWORD', ''),
        ssl,
        schema: env('DATABASE_SCHEMA', 'public'),
      },
      pool: { min: env.int('DATABASE_POOL_MIN', 2), max: env.int('DATABASE_POOL_MAX', 10) },
    },
    sqlite: {
      client: 'sqlite',
      connection: {
        // Relative names are taken from the project root, both from src/ and the compiled dist/.
        filename: path.resolve(__dirname, '..', '..', env('DATABASE_FILENAME', '.tmp/data.db')),
      },
      useNullAsDefault: true,
      pool: {
        afterCreate(conn: unknown, done: (error?: Error, conn?: unknown) => void) {
          const connection = conn as SqliteConnection;
          connection.pragma(`journal_mode = ${journalMode}`);
          connection.pragma(`busy_timeout = ${busyTimeout}`);
          // In WAL mode NORMAL loses no committed transaction on an application crash, only on a
          // power loss, and saves an fsync per commit.
          connection.pragma(`synchronous = ${journalMode === 'wal' ? 'normal' : 'full'}`);
          // knex opens transactions with a deferred BEGIN. A transaction that reads and then writes
          // must then upgrade its lock, and when another process wrote in between SQLite refuses
          // at once (SQLITE_BUSY) without waiting. BEGIN IMMEDIATE takes the write lock first, so
          // the busy timeout applies; this process has one connection, so it costs no concurrency.
          //
          // Prepared statements are kept and used again: knex prepares every query it runs, and
          // compiling the SQL cost as much as running it on a page of public reads. knex only
          // calls `all` or `run` on them, which finish before the next query starts.
          const prepare = connection.prepare.bind(connection);
          const prepared = new Map<string, unknown>();
          connection.prepare = (sql: string) => {
            const text = sql === 'BEGIN;' ? 'BEGIN IMMEDIATE;' : sql;
            const kept = prepared.get(text) as { busy?: boolean } | undefined;
            if (kept && !kept.busy) {
              prepared.delete(text);
              prepared.set(text, kept);
              return kept;
            }
            const statement = prepare(text);
            prepared.set(text, statement);
            if (prepared.size > PREPARED_STATEMENTS) prepared.delete(prepared.keys().next().value as string);
            return statement;
          };
          done(undefined, connection);
        },
      },
    },
  };

  return {
    connection: {
      ...connections[client],
      acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 60000),
    },
  };
};

export default config;
