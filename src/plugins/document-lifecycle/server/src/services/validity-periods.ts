import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { toIsoDate, type IsoDate } from '../../../../../domain/dates';
import { periodsOf, type Validity } from '../../../../../domain/lifecycle';
import { EVENT_UID } from '../constants';

/**
 * The one read model of "which validity did a document have on date X": each event opens a
 * period in which the document has the event's validity, until the next event: [validFrom,
 * validTo) (`periodsOf` in the domain). Derived from the events, which stay the record (history
 * only moves forward, so periods never overlap); the lists, the detail views and the exports all
 * ask the periods, with one indexed range query, rather than search for each document's latest
 * event. A period keeps the sequence of the event that opened it, for what that event said.
 */
export const PERIODS_TABLE = 'gongkai_validity_periods';

/** The periods that cover `date`: opened on or before it, not yet closed on it. */
const covering = (date: IsoDate) => (query: Knex.QueryBuilder) =>
  query.where('valid_from', '<=', date).andWhere((w) => w.whereNull('valid_to').orWhere('valid_to', '>', date));

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;

  return {
    async ensureTable(): Promise<void> {
      // A schema builder runs every statement it was given each time it is awaited: one per statement.
      const schema = () => knex().schema;
      if (!(await schema().hasTable(PERIODS_TABLE))) {
        await schema().createTable(PERIODS_TABLE, (table) => {
          table.increments('id');
          table.string('document', 64).notNullable();
          table.string('validity', 20).notNullable();
          table.string('valid_from', 10).notNullable();
          table.string('valid_to', 10).nullable();
          table.integer('sequence').nullable();
          table.index(['valid_from', 'valid_to', 'validity'], `${PERIODS_TABLE}_range_idx`);
          table.index(['document', 'valid_to'], `${PERIODS_TABLE}_document_idx`);
        });
      }
      // Periods written before they kept their event's sequence are rebuilt from the events.
      if (!(await schema().hasColumn(PERIODS_TABLE, 'sequence'))) {
        await schema().alterTable(PERIODS_TABLE, (table) => table.integer('sequence').nullable());
        await this.rebuild();
        return;
      }
      const [{ periods }] = await knex()(PERIODS_TABLE).count({ periods: '*' });
      if (Number(periods) === 0) await this.rebuild();
    },

    /** Recomputes every period from the events (for a database that has events but no periods). */
    async rebuild(): Promise<number> {
      const meta = strapi.db.metadata.get(EVENT_UID);
      const column = (attribute: string) => (meta.attributes[attribute] as { columnName?: string }).columnName ?? attribute;
      const events: { document: string; validity: Validity; date: unknown; sequence: number }[] = await knex()(meta.tableName)
        .select({ document: column('document'), validity: column('toValidity'), date: column('date'), sequence: column('sequence') })
        .orderBy([{ column: column('document') }, { column: column('sequence') }]);
      const byDocument = new Map<string, { to: Validity; date: IsoDate; sequence: number }[]>();
      for (const event of events) {
        const list = byDocument.get(event.document) ?? [];
        list.push({ to: event.validity, date: toIsoDate(event.date) as IsoDate, sequence: Number(event.sequence) });
        byDocument.set(event.document, list);
      }
      const rows = [...byDocument].flatMap(([document, list]) =>
        periodsOf(list).map((period) => ({
          document,
          validity: period.validity,
          valid_from: period.validFrom,
          valid_to: period.validTo,
          sequence: period.sequence,
        })),
      );
      await knex().transaction(async (trx) => {
        await trx(PERIODS_TABLE).delete();
        for (let i = 0; i < rows.length; i += 500) await trx(PERIODS_TABLE).insert(rows.slice(i, i + 500));
      });
      return rows.length;
    },

    /** Closes the open period and opens the next; call in the transaction that appends the event. */
    async record(document: string, validity: Validity, date: IsoDate, sequence: number): Promise<void> {
      await strapi.db.transaction(async ({ trx }) => {
        await trx(PERIODS_TABLE).where({ document }).whereNull('valid_to').update({ valid_to: date });
        await trx(PERIODS_TABLE).insert({ document, validity, valid_from: date, valid_to: null, sequence });
      });
    },

    /** The table, for readers outside Strapi's query engine (the export process). */
    table: PERIODS_TABLE,

    /** What each of these documents had on `date`: its validity and the sequence of the event that gave it. */
    async statesOn(documentIds: readonly string[], date: IsoDate): Promise<Map<string, { validity: Validity; sequence: number }>> {
      if (documentIds.length === 0) return new Map();
      const rows: { document: string; validity: Validity; sequence: number }[] = await knex()(PERIODS_TABLE)
        .select('document', 'validity', 'sequence')
        .whereIn('document', [...new Set(documentIds)])
        .modify(covering(date));
      return new Map(rows.map((row) => [row.document, { validity: row.validity, sequence: Number(row.sequence) }]));
    },

    /** documentIds of the documents that on `date` had the validity (or any validity), as a subquery. */
    documentsOn(date: IsoDate, validity?: Validity): Knex.QueryBuilder {
      const query = knex()(PERIODS_TABLE).select('document').modify(covering(date));
      if (validity) query.andWhere('validity', validity);
      return query;
    },
  };
};
