import { fork } from 'child_process';
import type { Readable } from 'stream';
import type { Core } from '@strapi/strapi';
import type { ExportPlan, JoinTable, TablePlan } from '../reader';
import type { ExportDatabase, ExportJob, WorkerReport } from '../worker';

const DOCUMENT_UID = 'api::normative-document.normative-document';
const EVENT_UID = 'plugin::document-lifecycle.lifecycle-event';
const ORGANIZATION_UID = 'api::organization.organization';
const INTERPRETATION_UID = 'api::policy-interpretation.policy-interpretation';

interface Meta {
  tableName: string;
  attributes: Record<string, { columnName?: string; joinTable?: JoinTable }>;
}

/** An export being written by its process. */
export interface RunningExport {
  /** The file's bytes as they are produced. */
  data: Readable;
  /** The number of rows, once the whole file has been written; rejects if the export failed. */
  rows: Promise<number>;
  /** Stops the export (its client went away). */
  cancel(): void;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** Where a content type's attributes are stored, read from Strapi's metadata. */
  function tablePlan(uid: string, columns: string[], joins: string[] = []): TablePlan {
    const meta = strapi.db.metadata.get(uid) as unknown as Meta;
    return {
      table: meta.tableName,
      columns: Object.fromEntries(columns.map((name) => [name, meta.attributes[name].columnName ?? name])),
      joins: Object.fromEntries(joins.map((name) => [name, meta.attributes[name].joinTable as JoinTable])),
    };
  }

  function plan(): ExportPlan {
    return {
      documents: tablePlan(
        DOCUMENT_UID,
        ['documentId', 'indexNumber', 'documentNumber', 'title', 'kind', 'slug', 'adoptedOn', 'publishedOn', 'effectiveFrom', 'validUntil', 'updatedAt', 'publishedAt'],
        ['issuingOrganization', 'coIssuers'],
      ),
      organizations: tablePlan(ORGANIZATION_UID, ['documentId', 'name']),
      events: tablePlan(EVENT_UID, [
        'document',
        'sequence',
        'action',
        'fromValidity',
        'toValidity',
        'date',
        'basisDocument',
        'basisNumber',
        'basisReference',
        'reason',
        'actor',
        'actorName',
        'occurredAt',
        'previousHash',
        'hash',
      ]),
      interpretations: strapi.contentTypes[INTERPRETATION_UID as never] ? tablePlan(INTERPRETATION_UID, ['publishedAt', 'publishedOn', 'timely'], ['sourceDocuments']) : null,
      publicPath: strapi.config.get('plugin::audit-export.publicPath', '/zhengce/{slug}') as string,
    };
  }

  function database(): ExportDatabase {
    const { client, connection } = strapi.config.get('database.connection') as ExportDatabase;
    return { client, connection };
  }

  return {
    /**
     * Starts an export in its own process: reading 100,000 rows and building a workbook would
     * otherwise take the server's event loop for seconds and leave its heap hundreds of megabytes
     * larger. The process reads with its own read-only connection and is gone when the file is.
     */
    start(job: Pick<ExportJob, 'kind' | 'query' | 'organizations' | 'sheetName'>): RunningExport {
      const child = fork(require.resolve('../worker'), [], {
        stdio: ['ignore', 'inherit', 'inherit', 'pipe', 'ipc'],
        // The server's own flags (an inspector port, say) are not the export's.
        execArgv: [],
      });
      const full: ExportJob = { ...job, plan: plan(), database: database() };
      child.send(full);
      let report: WorkerReport | null = null;
      child.on('message', (message: WorkerReport) => (report = message));
      const rows = new Promise<number>((resolve, reject) => {
        child.once('error', reject);
        // 'close' comes after the process has exited and its file descriptor has been read to the end.
        child.once('close', (code, signal) => {
          const last = report as WorkerReport | null;
          if (last && 'rows' in last) resolve(last.rows);
          else reject(new Error(last && 'error' in last ? last.error : `the export process ended with ${signal ?? `code ${code}`}`));
        });
      });
      return { data: child.stdio[3] as Readable, rows, cancel: () => child.kill() };
    },
  };
};
