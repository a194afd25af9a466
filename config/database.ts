import path from 'path';
import type { Core } from '@strapi/strapi';

type Client = 'sqlite' | 'postgres';

interface SqliteConnection {
  pragma: (statement: string) => unknown;
  prepare: (sql: string) => unknown;
}

const JOURNAL_MODES = ['wal', 'delete', 'truncate', 'persist'];

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
          const prepare = connection.prepare.bind(connection);
          connection.prepare = (sql: string) => prepare(sql === 'BEGIN;' ? 'BEGIN IMMEDIATE;' : sql);
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
