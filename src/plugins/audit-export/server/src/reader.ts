import type { Knex } from 'knex';
import { toIsoDate, type IsoDate } from '../../../../domain/dates';
import { documentRowAsOf, type DocumentFacts, type DocumentRow, type EventRow, type ExportEvent, type ExportQuery, type RequestRow } from '../../../../domain/audit-export';
import type { ApplicantType, Decision, DecisionReason, ReceivedVia, RequestStatus } from '../../../../domain/disclosure-request';
import { decryptPersonal, maskPersonal } from '../../../../utils/personal-data';
import { STORED_EVENT_ATTRIBUTES, storedEvent, verifyChain } from '../../../../domain/event-chain';
import type { LifecycleAction, Validity } from '../../../../domain/lifecycle';
import type { JoinTable } from '../../../../utils/documents';

/** Rows read from the database per query; the export never holds more than one page. */
const PAGE = 1000;

/** Where one content type's rows are: its table, the column of each attribute, its join tables. */
export interface TablePlan {
  table: string;
  columns: Record<string, string>;
  joins: Record<string, JoinTable>;
}

/**
 * Everything the reader needs to know of the schema, as plain data: the export process reads the
 * database with its own connection and without Strapi, so the server describes the tables to it.
 */
export interface ExportPlan {
  documents: TablePlan;
  organizations: TablePlan;
  events: TablePlan;
  /** The lifecycle's validity periods: (document, validity, valid_from, valid_to, sequence). */
  periods: string;
  /**
   * The documents' interpretations, when the exported type names them (`joins.documents` links an
   * interpretation, `joinColumn`, to a document row, `inverseJoinColumn`); null otherwise.
   */
  interpretations: TablePlan | null;
  /** The public site's path of a document, with `{slug}`. */
  publicPath: string;
  /** The requests (依申请公开) of the request register, with `joins.organization`; null when none is configured. */
  requests: TablePlan | null;
}

/** The request attributes the register reads. */
export const REQUEST_ATTRIBUTES = [
  'documentId',
  'receivedOn',
  'receivedVia',
  'applicantType',
  'applicantName',
  'idNumber',
  'phone',
  'description',
  'handlingStatus',
  'dueOn',
  'extended',
  'overdue',
  'closedOn',
  'decision',
  'decisionReason',
  'stepCount',
] as const;

/** Where the documents' organizations may be: every one, or these documentIds (with their subtree). */
export type OrganizationFilter = 'all' | string[];

/** Groups rows by a key, keeping their order. */
function group<Row, Key, Value>(rows: Row[], key: (row: Row) => Key, value: (row: Row) => Value): Map<Key, Value[]> {
  const groups = new Map<Key, Value[]>();
  for (const row of rows) {
    const list = groups.get(key(row));
    if (list) list.push(value(row));
    else groups.set(key(row), [value(row)]);
  }
  return groups;
}

/** Milliseconds of a timestamp as SQLite (number or text) or PostgreSQL (Date) returns it. */
const timeOf = (value: unknown): number => (value instanceof Date ? value.getTime() : typeof value === 'number' ? value : new Date(String(value)).getTime());

type Row = Record<string, unknown>;

/**
 * The next page, asked for while the current one is being written: on PostgreSQL a page's queries
 * are round trips the export would otherwise sit idle through. Its failure is still seen by the
 * `await` that takes it; this only keeps a page nobody takes (the export stopped) from being an
 * unhandled rejection.
 */
function readAhead<T>(page: Promise<T>): Promise<T> {
  page.catch(() => undefined);
  return page;
}
const text = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));


/**
 * Reads the exports' rows with plain SQL, a page at a time in keyset order (a page costs the same at
 * row 100,000 as at row 1), each page in one transaction so its queries see one state. The query
 * engine's hydration of each row would cost more than the database for 100,000 documents.
 */
export function createReader(knex: Knex, plan: ExportPlan, options: { personalDataKey?: string } = {}) {
  const { documents, organizations: orgs, events, periods, interpretations } = plan;
  const d = (name: string) => `d.${documents.columns[name]}`;
  const e = (name: string) => events.columns[name];
  const publicPath = (slug: string) => plan.publicPath.replace('{slug}', slug);

  /** Published documents after row `after`, with their issuer's name, filtered as the query asks. */
  function documentRows(trx: Knex.Transaction, query: ExportQuery, organizations: OrganizationFilter, after: number, fields: string[]) {
    const issuer = documents.joins.issuingOrganization;
    const page = trx(`${documents.table} as d`)
      // The page's range repeated on the link table: without it PostgreSQL merges the whole link
      // table from its first row on every page (the planner cannot carry d.id > after across a
      // left join), and an export of 100,000 documents reads the link table a hundred times.
      .leftJoin(`${issuer.name} as il`, function issuerLink() {
        this.on(`il.${issuer.joinColumn.name}`, '=', 'd.id').andOnVal(`il.${issuer.joinColumn.name}`, '>', after);
      })
      .leftJoin(`${orgs.table} as o`, 'o.id', `il.${issuer.inverseJoinColumn.name}`)
      .whereNotNull(d('publishedAt'))
      .where('d.id', '>', after)
      .orderBy('d.id', 'asc')
      .limit(PAGE)
      .select('d.id as id', ...fields.map((field) => `${d(field)} as ${field}`), `o.${orgs.columns.name} as issuerName`);
    if (organizations !== 'all') page.whereIn(`o.${orgs.columns.documentId}`, organizations);
    if (query.kind) page.where(d('kind'), query.kind);
    return page;
  }

  /** The lifecycle events of these documents, in chain order, with the fields asked for, by document. */
  async function eventsOf(trx: Knex.Transaction, documentIds: string[], fields: readonly string[]): Promise<Map<string, Row[]>> {
    const rows = (await trx(events.table)
      .whereIn(e('document'), documentIds)
      .orderBy([{ column: e('document') }, { column: e('sequence') }])
      .select(...[...new Set(['document', 'sequence', ...fields])].map((name) => `${e(name)} as ${name}`))) as Row[];
    return group(rows, (row) => row.document as string, (row) => row);
  }

  /** The event of each document's validity period on `date`, by document. */
  async function statesOn(trx: Knex.Transaction, documentIds: string[], date: IsoDate): Promise<Map<string, ExportEvent>> {
    const rows = (await trx(`${periods} as p`)
      .join(`${events.table} as e`, function periodEvent() {
        this.on(`e.${e('document')}`, '=', 'p.document').andOn(`e.${e('sequence')}`, '=', 'p.sequence');
      })
      .whereIn('p.document', documentIds)
      .where('p.valid_from', '<=', date)
      .andWhere((w) => w.whereNull('p.valid_to').orWhere('p.valid_to', '>', date))
      .select(
        'p.document as document',
        ...['sequence', 'action', 'toValidity', 'date', 'basisNumber', 'basisReference'].map((name) => `e.${e(name)} as ${name}`),
      )) as Row[];
    return new Map(
      rows.map((row) => [
        row.document as string,
        {
          sequence: Number(row.sequence),
          action: row.action as LifecycleAction,
          to: row.toValidity as Validity,
          date: toIsoDate(row.date) as IsoDate,
          basisNumber: text(row.basisNumber),
          basisReference: text(row.basisReference),
        },
      ]),
    );
  }

  /** Published interpretations of published document rows, by the document row's id. */
  async function interpretationsOf(trx: Knex.Transaction, rowIds: number[]): Promise<Map<number, { publishedOn: IsoDate | null; timely: boolean | null }[]>> {
    if (!interpretations) return new Map();
    const sources = interpretations.joins.documents;
    const rows = (await trx(`${interpretations.table} as i`)
      .join(`${sources.name} as sl`, `sl.${sources.joinColumn.name}`, 'i.id')
      .whereNotNull(`i.${interpretations.columns.publishedAt}`)
      .whereIn(`sl.${sources.inverseJoinColumn.name}`, rowIds)
      .select(`sl.${sources.inverseJoinColumn.name} as row`, `i.${interpretations.columns.publishedOn} as publishedOn`, `i.${interpretations.columns.timely} as timely`)) as Row[];
    return group(rows, (row) => Number(row.row), (row) => ({ publishedOn: toIsoDate(row.publishedOn), timely: row.timely === null ? null : Boolean(row.timely) }));
  }

  /** One page of documents with everything their status rows need, in four queries. */
  async function documentPage(query: ExportQuery, organizations: OrganizationFilter, after: number): Promise<{ last: number; facts: DocumentFacts[] }> {
    return knex.transaction(async (trx) => {
      const page = documentRows(trx, query, organizations, after, [
        'documentId',
        'indexNumber',
        'documentNumber',
        'title',
        'kind',
        'slug',
        'adoptedOn',
        'publishedOn',
        'effectiveFrom',
        'validUntil',
        'updatedAt',
      ]);
      // The draft row, for Strapi's "modified" state (normative documents are not localized: one draft).
      page.leftJoin(`${documents.table} as dr`, function draft() {
        this.on(`dr.${documents.columns.documentId}`, '=', d('documentId')).andOnNull(`dr.${documents.columns.publishedAt}`);
      });
      page.select(`dr.${documents.columns.updatedAt} as draftUpdatedAt`);
      if (query.from) page.where(d('publishedOn'), '>=', query.from);
      if (query.to) page.where(d('publishedOn'), '<=', query.to);
      const rows = (await page) as Row[];
      if (rows.length === 0) return { last: after, facts: [] };

      const rowIds = rows.map((row) => Number(row.id));
      const documentIds = rows.map((row) => row.documentId as string);
      const coIssuers = documents.joins.coIssuers as JoinTable | undefined;
      // One after another: a transaction has one connection, which runs one query at a time.
      const coIssuerRows = coIssuers
        ? ((await trx(`${coIssuers.name} as cl`)
            .join(`${orgs.table} as o`, 'o.id', `cl.${coIssuers.inverseJoinColumn.name}`)
            .whereIn(`cl.${coIssuers.joinColumn.name}`, rowIds)
            .select(`cl.${coIssuers.joinColumn.name} as row`, `o.${orgs.columns.name} as name`)) as Row[])
        : [];
      const states = await statesOn(trx, documentIds, query.asOf);
      const interpretationRows = await interpretationsOf(trx, rowIds);

      const coIssuerNames = group(coIssuerRows, (row) => Number(row.row), (row) => row.name as string);
      const facts = rows.map(
        (row): DocumentFacts => ({
          indexNumber: text(row.indexNumber),
          documentNumber: text(row.documentNumber),
          title: row.title as string,
          kind: row.kind as string,
          issuingOrganization: text(row.issuerName),
          coIssuers: coIssuerNames.get(Number(row.id)) ?? [],
          adoptedOn: toIsoDate(row.adoptedOn),
          publishedOn: toIsoDate(row.publishedOn),
          effectiveFrom: toIsoDate(row.effectiveFrom),
          validUntil: toIsoDate(row.validUntil),
          stateOn: states.get(row.documentId as string) ?? null,
          interpretations: interpretationRows.get(Number(row.id)) ?? [],
          // Strapi's "modified": the draft was saved after the published version.
          publicationState: row.draftUpdatedAt !== null && timeOf(row.draftUpdatedAt) > timeOf(row.updatedAt) + 1000 ? 'modified' : 'published',
          slug: text(row.slug),
        }),
      );
      return { last: Number(rows[rows.length - 1].id), facts };
    });
  }

  /** One page of documents' events within the query's dates, each with its chain check. */
  async function eventPage(query: ExportQuery, organizations: OrganizationFilter, after: number): Promise<{ last: number; rows: EventRow[] }> {
    const from = query.from ?? '0000-01-01';
    const to = query.to ?? query.asOf;
    return knex.transaction(async (trx) => {
      const page = (await documentRows(trx, query, organizations, after, ['documentId', 'documentNumber', 'title'])) as Row[];
      if (page.length === 0) return { last: after, rows: [] };
      const chains = await eventsOf(trx, page.map((row) => row.documentId as string), STORED_EVENT_ATTRIBUTES);
      const rows: EventRow[] = [];
      for (const document of page) {
        const chain = (chains.get(document.documentId as string) ?? []).map(storedEvent);
        const check = verifyChain(chain);
        for (const event of chain) {
          if (event.date < from || event.date > to) continue;
          if (query.validity && event.to !== query.validity) continue;
          rows.push({
            documentId: document.documentId as string,
            documentNumber: text(document.documentNumber),
            title: text(document.title),
            sequence: event.sequence,
            action: event.action as LifecycleAction,
            from: event.from as Validity | null,
            to: event.to as Validity,
            date: event.date as IsoDate,
            basisNumber: event.basisNumber,
            basisReference: event.basisReference,
            reason: event.reason,
            actorName: event.actor === 'system' ? '系统' : event.actorName,
            occurredAt: event.occurredAt,
            hash: event.hash,
            chainValid: check.valid || event.sequence < check.brokenAt,
          });
        }
      }
      return { last: Number(page[page.length - 1].id), rows };
    });
  }

  /**
   * A sealed value (ID number, phone) opened only to be masked here, in the export process: the
   * file carries the mask, never the value.
   */
  function masked(value: unknown, sealed: boolean): string | null {
    if (typeof value !== 'string' || value === '') return null;
    if (!sealed) return maskPersonal(value);
    if (!options.personalDataKey) throw new Error('ENCRYPTION_KEY is not set: the request register cannot open the sealed fields to mask them');
    // A value sealed under another key cannot be opened: its mask would be a guess, so it is shown as hidden entirely.
    return maskPersonal(decryptPersonal(value, options.personalDataKey)) ?? '******';
  }

  /** One page of requests after row `after`, in receipt order within the page's ids, masked. */
  async function requestPage(query: ExportQuery, organizations: OrganizationFilter, after: number): Promise<{ last: number; rows: RequestRow[] }> {
    const requests = plan.requests as TablePlan;
    const r = (name: string) => `r.${requests.columns[name]}`;
    const owner = requests.joins.organization;
    const page = knex(`${requests.table} as r`)
      .leftJoin(`${owner.name} as ol`, `ol.${owner.joinColumn.name}`, 'r.id')
      .leftJoin(`${orgs.table} as o`, 'o.id', `ol.${owner.inverseJoinColumn.name}`)
      .where('r.id', '>', after)
      .orderBy('r.id', 'asc')
      .limit(PAGE)
      .select('r.id as id', ...REQUEST_ATTRIBUTES.map((name) => `${r(name)} as ${name}`), `o.${orgs.columns.name} as organizationName`);
    if (organizations !== 'all') page.whereIn(`o.${orgs.columns.documentId}`, organizations);
    if (query.status) page.where(r('handlingStatus'), query.status);
    if (query.from) page.where(r('receivedOn'), '>=', query.from);
    if (query.to) page.where(r('receivedOn'), '<=', query.to);
    const rows = (await page) as Row[];
    return {
      last: rows.length ? Number(rows[rows.length - 1].id) : after,
      rows: rows.map(
        (row): RequestRow => ({
          documentId: row.documentId as string,
          organization: text(row.organizationName),
          receivedOn: toIsoDate(row.receivedOn),
          receivedVia: (row.receivedVia as ReceivedVia | null) ?? null,
          applicantType: (row.applicantType as ApplicantType | null) ?? null,
          applicantName: masked(row.applicantName, false),
          idNumber: masked(row.idNumber, true),
          phone: masked(row.phone, true),
          description: text(row.description),
          status: (row.handlingStatus as RequestStatus | null) ?? null,
          dueOn: toIsoDate(row.dueOn),
          extended: Boolean(row.extended),
          overdue: Boolean(row.overdue),
          closedOn: toIsoDate(row.closedOn),
          decision: (row.decision as Decision | null) ?? null,
          decisionReason: (row.decisionReason as DecisionReason | null) ?? null,
          stepCount: Number(row.stepCount ?? 0),
        }),
      ),
    };
  }

  return {
    /**
     * The request register: every request the export covers as it stands today, its applicant
     * masked, page by page in the order they were registered.
     */
    async *requests(query: ExportQuery, organizations: OrganizationFilter): AsyncGenerator<RequestRow[]> {
      if (!plan.requests) throw new Error('no request type is configured for the request register');
      let next = readAhead(requestPage(query, organizations, 0));
      for (;;) {
        const { last, rows } = await next;
        if (rows.length === 0) return;
        next = readAhead(requestPage(query, organizations, last));
        yield rows;
      }
    },

    /**
     * Published documents with their state as of `query.asOf`, page by page. Documents not yet
     * registered on that date are left out; `validity` filters on the state as of that date.
     */
    async *documents(query: ExportQuery, organizations: OrganizationFilter): AsyncGenerator<DocumentRow[]> {
      let next = readAhead(documentPage(query, organizations, 0));
      for (;;) {
        const { last, facts } = await next;
        if (facts.length === 0) return;
        next = readAhead(documentPage(query, organizations, last));
        const rows: DocumentRow[] = [];
        for (const fact of facts) {
          const row = documentRowAsOf(fact, query.asOf, publicPath);
          if (row.validity === null) continue;
          if (query.validity && row.validity !== query.validity) continue;
          rows.push(row);
        }
        if (rows.length > 0) yield rows;
      }
    },

    /**
     * Lifecycle events dated within [from, to] (by default everything up to `asOf`), document by
     * document, each with whether the document's hash chain verifies up to that event.
     */
    async *events(query: ExportQuery, organizations: OrganizationFilter): AsyncGenerator<EventRow[]> {
      let next = readAhead(eventPage(query, organizations, 0));
      for (let after = 0; ; ) {
        const { last, rows } = await next;
        if (last === after) return;
        after = last;
        next = readAhead(eventPage(query, organizations, last));
        if (rows.length > 0) yield rows;
      }
    },
  };
}

export type ExportReader = ReturnType<typeof createReader>;
