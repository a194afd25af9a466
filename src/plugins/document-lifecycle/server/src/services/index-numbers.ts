import type { Core } from '@strapi/strapi';

/** A plain table, not a content type: nobody edits counters, and rows are only ever incremented. */
export const COUNTER_TABLE = 'gongkai_index_counters';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Creates the counter table on first start. */
  async ensureTable(): Promise<void> {
    const { schema } = strapi.db.connection;
    if (await schema.hasTable(COUNTER_TABLE)) return;
    await schema.createTable(COUNTER_TABLE, (table) => {
      table.string('counter_key', 80).primary();
      table.integer('last_value').notNullable().defaultTo(0);
    });
  },

  /**
   * The next 索引号 of an organization for a year: `<code>/<year>-<serial>`. Serials are never
   * reused, even after a failed publication. The increment row-locks the counter until the
   * surrounding transaction ends, so simultaneous publications get distinct serials.
   */
  async next(organizationCode: string, year: number, digits: number): Promise<string> {
    const key = `${organizationCode}/${year}`;
    return strapi.db.transaction(async ({ trx }) => {
      await trx(COUNTER_TABLE).insert({ counter_key: key, last_value: 0 }).onConflict('counter_key').ignore();
      await trx(COUNTER_TABLE).where({ counter_key: key }).increment('last_value', 1);
      const row = await trx(COUNTER_TABLE).where({ counter_key: key }).first('last_value');
      return `${key}-${String(row.last_value).padStart(digits, '0')}`;
    });
  },
});
