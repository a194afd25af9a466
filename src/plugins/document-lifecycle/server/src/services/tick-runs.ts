import type { Core } from '@strapi/strapi';
import type { IsoDate } from '../../../../../domain/dates';

const RUNS_TABLE = 'document_lifecycle_tick_runs';

/**
 * The days whose scheduled run has finished. With several instances the scheduled run starts on
 * each; the first to take the cluster lock runs it and records the day, and the others, given
 * the lock after it, find the day done. When the runner dies half-way the day is not recorded,
 * so the next to take the lock carries it on from where it stopped.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async ensureTable(): Promise<void> {
    const { schema } = strapi.db.connection;
    if (await schema.hasTable(RUNS_TABLE)) return;
    await schema.createTable(RUNS_TABLE, (table) => {
      table.string('day', 10).primary();
      table.timestamp('finished_at').notNullable();
      table.integer('entered_into_force').notNullable();
      table.integer('expired').notNullable();
    });
  },

  async finishedOn(day: IsoDate): Promise<boolean> {
    return Boolean(await strapi.db.connection(RUNS_TABLE).where({ day }).first('day'));
  },

  async record(day: IsoDate, report: { enteredIntoForce: number; expired: number }): Promise<void> {
    await strapi.db
      .connection(RUNS_TABLE)
      .insert({ day, finished_at: new Date(), entered_into_force: report.enteredIntoForce, expired: report.expired })
      .onConflict('day')
      .ignore();
  },
});
