import type { Core } from '@strapi/strapi';
import { chinaToday } from '../../domain/dates';
import { UID, type DisclosureRequestService } from './services/disclosure-request';

/** Ten past midnight in China: the day's deadlines have passed, and the lifecycle's run (00:05) is done. */
const RULE = '10 0 * * *';

/**
 * Marks, every day and at start, the open requests whose answer is now overdue (and moves the due
 * dates of paused ones), on every instance; the cluster lock lets one run at a time.
 */
export function scheduleDailyMarking(strapi: Core.Strapi): void {
  if (strapi.config.get('server.cron.enabled') !== true) return;
  const run = async () => {
    const report = await (strapi.service(UID) as unknown as DisclosureRequestService).markDue(chinaToday(new Date()));
    strapi.log.info(`Disclosure requests: ${report.checked} open, ${report.overdue} overdue, ${report.uncountable} without a countable deadline.`);
  };
  strapi.cron.add({ disclosureRequestsDaily: { task: run, options: { rule: RULE, tz: 'Asia/Shanghai' } } });
  // Once at start as well: a day the server was down is not left unmarked, and a database from
  // before a new clock field gets it filled. In the background, so the start does not wait.
  setImmediate(() => run().catch((error: Error) => strapi.log.error(`Disclosure requests: the run at start failed: ${error.message}`)));
}
