import { fork } from 'child_process';
import type { Readable } from 'stream';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { STORED_EVENT_ATTRIBUTES } from '../../../../../domain/event-chain';
import type { JoinTable } from '../../../../../utils/documents';
import { takeClusterSlot } from '../../../../../utils/cluster';
import { exportedType, exportedTypeOptions, requestType } from '../exported-type';
import { REQUEST_ATTRIBUTES, type ExportPlan, type TablePlan } from '../reader';
import type { ExportDatabase, ExportJob, WorkerReport } from '../worker';

const EVENT_UID = 'plugin::document-lifecycle.lifecycle-event';
const ORGANIZATION_UID = 'api::organization.organization';

interface Meta {
  tableName: string;
  attributes: Record<string, { columnName?: string; joinTable?: JoinTable }>;
}

/** An export being written by its process. */
export interface RunningExport {
  /** The file's bytes as they are produced. */
  data: Readable;
  /** Resolves once the export has its database connection; rejects if it cannot start. */
  started: Promise<void>;
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

  const attributesOf = (uid: string) => (strapi.contentTypes as unknown as Record<string, { attributes: Record<string, unknown> }>)[uid].attributes;

  /**
   * The interpretations of the exported documents, from the relation the type names in
   * `pluginOptions["audit-export"].interpretations`, with the link table oriented from
   * interpretation to document whichever side owns the relation.
   */
  function interpretationsPlan(documentUid: string): TablePlan | null {
    const relation = exportedTypeOptions(strapi, documentUid).interpretations;
    if (!relation) return null;
    const attribute = attributesOf(documentUid)[relation] as { target: string; mappedBy?: string };
    const plan = tablePlan(attribute.target, ['publishedAt', 'publishedOn', 'timely']);
    if (attribute.mappedBy) {
      plan.joins.documents = (strapi.db.metadata.get(attribute.target) as unknown as Meta).attributes[attribute.mappedBy].joinTable as JoinTable;
    } else {
      const own = (strapi.db.metadata.get(documentUid) as unknown as Meta).attributes[relation].joinTable as JoinTable;
      plan.joins.documents = { name: own.name, joinColumn: own.inverseJoinColumn, inverseJoinColumn: own.joinColumn };
    }
    return plan;
  }

  function requestsPlan(): TablePlan | null {
    const uid = requestType(strapi);
    return uid ? tablePlan(uid, [...REQUEST_ATTRIBUTES], ['organization']) : null;
  }

  function plan(): ExportPlan {
    const documentUid = exportedType(strapi);
    return {
      documents: tablePlan(
        documentUid,
        ['documentId', 'indexNumber', 'documentNumber', 'title', 'kind', 'slug', 'adoptedOn', 'publishedOn', 'effectiveFrom', 'validUntil', 'updatedAt', 'publishedAt'],
        // Co-issuers (联合发文机关) where the type records them.
        ['issuingOrganization', ...('coIssuers' in attributesOf(documentUid) ? ['coIssuers'] : [])],
      ),
      organizations: tablePlan(ORGANIZATION_UID, ['documentId', 'name']),
      events: tablePlan(EVENT_UID, [...STORED_EVENT_ATTRIBUTES]),
      periods: (strapi.plugin('document-lifecycle').service('validity-periods') as { table: string }).table,
      interpretations: interpretationsPlan(documentUid),
      publicPath: strapi.config.get('plugin::audit-export.publicPath', '/zhengce/{slug}') as string,
      requests: requestsPlan(),
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
    async start(job: Pick<ExportJob, 'kind' | 'query' | 'organizations' | 'sheetName'>): Promise<RunningExport> {
      const limit = strapi.config.get('plugin::audit-export.maxConcurrent', 2) as number;
      // The limit is the cluster's: every instance on the database counts against it.
      const slot = await takeClusterSlot(strapi, 'audit-export:running', limit);
      if (!slot) {
        throw new errors.RateLimitError(`${limit} exports are being written, the most the platform runs at once; try again when one has finished`, { running: limit, limit });
      }
      const release = () => {
        slot().catch((error: Error) => strapi.log.warn(`Audit export: could not give back its place: ${error.message}`));
      };
      const child = fork(require.resolve('../worker'), [], {
        stdio: ['ignore', 'inherit', 'inherit', 'pipe', 'ipc'],
        // The server's own flags (an inspector port, say) are not the export's. A page of rows is
        // garbage a moment after it is written: with a 32 MB young generation (16 MB by default)
        // it dies there instead of being copied into the old one, which took a third of the time
        // of a 100,000-row CSV export.
        execArgv: ['--max-semi-space-size=32'],
      });
      const full: ExportJob = { ...job, plan: plan(), database: database() };
      child.send(full);
      const reports: { started?: true; rows?: number; error?: string } = {};
      child.on('message', (message: WorkerReport) => Object.assign(reports, message));
      const failure = (code: number | null, signal: string | null) =>
        new Error(reports.error ?? `the export process ended with ${signal ?? `code ${code}`}`);
      // 'close' comes after the process has exited and its file descriptor has been read to the end.
      const ended = new Promise<void>((resolve, reject) => {
        child.once('error', (error) => {
          release();
          reject(error);
        });
        child.once('close', (code, signal) => {
          release();
          if (typeof reports.rows === 'number') resolve();
          else reject(failure(code, signal));
        });
      });
      const started = new Promise<void>((resolve, reject) => {
        child.on('message', (message: WorkerReport) => 'started' in message && resolve());
        ended.then(resolve, reject);
      });
      const rows = ended.then(() => reports.rows as number);
      // Whoever waits only for one of them still has the other's failure handled.
      started.catch(() => undefined);
      rows.catch(() => undefined);
      return { data: child.stdio[3] as Readable, started, rows, cancel: () => child.kill() };
    },
  };
};
