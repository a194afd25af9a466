import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { toIsoDate, type IsoDate } from '../../../../../domain/dates';
import type { Validity } from '../../../../../domain/lifecycle';
import { EVENT_UID } from '../constants';

/**
 * Each event opens a period in which the document has the event's validity, until the next
 * event: [validFrom, validTo). Derived from the events, which stay the record (history only moves
 * forward, so periods never overlap); kept so that "what was in force on date X" is one indexed
 * range query instead of a search for the latest event of every document.
 */
export const PERIODS_TABLE = 'gongkai_validity_periods';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;

  return {
    async ensureTable(): Promise<void> {
      const { schema } = knex();
      if (!(await schema.hasTable(PERIODS_TABLE))) {
        await schema.createTable(PERIODS_TABLE, (table) => {
          table.increments('id');
          table.string('document', 64).notNullable();
          table.string('validity', 20).notNullable();
          table.string('valid_from', 10).notNullable();
          table.string('valid_to', 10).nullable();
          table.index(['valid_from', 'valid_to', 'validity'], `${PERIODS_TABLE}_range_idx`);
          table.index(['document', 'valid_to'], `${PERIODS_TABLE}_document_idx`);
        });
      }
      const [{ periods }] = await knex()(PERIODS_TABLE).count({ periods: '*' });
      if (Number(periods) === 0) await this.rebuild();
    },

    /** Recomputes every period from the events (for a database that has events but no periods). */
    async rebuild(): Promise<number> {
      const meta = strapi.db.metadata.get(EVENT_UID);
      const column = (attribute: string) => (meta.attributes[attribute] as { columnName?: string }).columnName ?? attribute;
      const events: { document: string; validity: string; date: unknown }[] = await knex()(meta.tableName)
        .select({ document: column('document'), validity: column('toValidity'), date: column('date') })
        .orderBy([{ column: column('document') }, { column: column('sequence') }]);
      const rows = events.map((event, index) => {
        const next = events[index + 1];
        return {
          document: event.document,
          validity: event.validity,
          valid_from: toIsoDate(event.date) as string,
          valid_to: next && next.document === event.document ? toIsoDate(next.date) : null,
        };
      });
      await knex().transaction(async (trx) => {
        await trx(PERIODS_TABLE).delete();
        for (let i = 0; i < rows.length; i += 500) await trx(PERIODS_TABLE).insert(rows.slice(i, i + 500));
      });
      return rows.length;
    },

    /** Closes the open period and opens the next; call in the transaction that appends the event. */
    async record(document: string, validity: Validity, date: IsoDate): Promise<void> {
      await strapi.db.transaction(async ({ trx }) => {
        await trx(PERIODS_TABLE).where({ document }).whereNull('valid_to').update({ valid_to: date });
        await trx(PERIODS_TABLE).insert({ document, validity, valid_from: date, valid_to: null });
      });
    },

    /** documentIds of the documents that on `date` had the validity (or any validity), as a subquery. */
    documentsOn(date: IsoDate, validity?: Validity): Knex.QueryBuilder {
      const query = knex()(PERIODS_TABLE)
        .select('document')
        .where('valid_from', '<=', date)
        .andWhere((w) => w.whereNull('valid_to').orWhere('valid_to', '>', date));
      if (validity) query.andWhere('validity', validity);
      return query;
    },
  };
};
