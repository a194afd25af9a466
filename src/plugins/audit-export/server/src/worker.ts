/**
 * The export process. The server forks one per export and sends it an `ExportJob`; it reads the
 * database with its own read-only connection, writes the file to file descriptor 3 (stdout stays
 * free for logs) and tells the server the row count, or the error, before it exits. The server's
 * own heap and event loop never carry the rows.
 */
import net from 'net';
import createKnex, { type Knex } from 'knex';
import { DOCUMENT_COLUMNS, EVENT_COLUMNS, REQUEST_COLUMNS, type ExportQuery } from '../../../../domain/audit-export';
import { createReader, type ExportPlan, type OrganizationFilter } from './reader';
import { writeRows } from './writers';

export interface ExportDatabase {
  client: 'sqlite' | 'postgres';
  connection: Record<string, unknown>;
}

export interface ExportJob {
  kind: 'documents' | 'events' | 'requests';
  query: ExportQuery;
  organizations: OrganizationFilter;
  sheetName: string;
  plan: ExportPlan;
  database: ExportDatabase;
}

/** What the export process tells the server: that it has its connection, then how it ended. */
export type WorkerReport = { started: true } | { rows: number } | { error: string };

/** A connection that can only read: the export process has no business changing anything. */
export async function readOnlyConnection(database: ExportDatabase): Promise<Knex> {
  if (database.client === 'sqlite') {
    return createKnex({
      client: 'better-sqlite3',
      connection: { filename: database.connection.filename as string, options: { readonly: true } },
      useNullAsDefault: true,
      // Waits, rather than fails, while the server holds a lock the reader needs (rollback journal).
      pool: { afterCreate: (connection: { pragma: (statement: string) => unknown }, done: (error: null, connection: unknown) => void) => done(null, connection.pragma('busy_timeout = 10000') && connection) },
    });
  }
  // As Strapi reads them: a DATE column is its 'YYYY-MM-DD' text, never a Date shifted by the time zone.
  const { types } = await import('pg');
  types.setTypeParser(types.builtins.DATE, (value: string) => value);
  const { schema, ...connection } = database.connection;
  // Settings given at connection start-up: every transaction read-only, Strapi's schema first.
  const settings = ['-c default_transaction_read_only=on', ...(schema ? [`-c search_path=${String(schema)}`] : [])];
  return createKnex({ client: 'pg', connection: { ...connection, options: settings.join(' ') }, pool: { min: 0, max: 1 } });
}

/** Writes one export to `out`; resolves with the number of rows. */
export async function runExport(job: ExportJob, knex: Knex, out: net.Socket): Promise<number> {
  // The export process has the server's environment, and with it the key the applicants' data is sealed with.
  const reader = createReader(knex, job.plan, { personalDataKey: process.env.ENCRYPTION_KEY });
  if (job.kind === 'requests') return writeRows(job.query.format, REQUEST_COLUMNS, reader.requests(job.query, job.organizations), out, job.sheetName);
  return job.kind === 'documents'
    ? writeRows(job.query.format, DOCUMENT_COLUMNS, reader.documents(job.query, job.organizations), out, job.sheetName)
    : writeRows(job.query.format, EVENT_COLUMNS, reader.events(job.query, job.organizations), out, job.sheetName);
}

if (require.main === module) {
  // The server went away (or stopped the export because its client left): nothing is left to do.
  const orphaned = () => process.exit(1);
  process.on('disconnect', orphaned);
  process.once('message', async (job: ExportJob) => {
    const report = (message: WorkerReport) => new Promise<void>((resolve) => process.send!(message, () => resolve()));
    const out = new net.Socket({ fd: 3, readable: false, writable: true });
    let knex: Knex | null = null;
    try {
      knex = await readOnlyConnection(job.database);
      await knex.raw('select 1');
      await report({ started: true });
      const rows = await runExport(job, knex, out);
      await new Promise<void>((resolve) => (out.writableFinished ? resolve() : out.once('finish', () => resolve())));
      await report({ rows });
    } catch (error) {
      process.exitCode = 1;
      await report({ error: (error as Error).message });
    } finally {
      await knex?.destroy();
      process.off('disconnect', orphaned);
      process.disconnect();
    }
  });
}
