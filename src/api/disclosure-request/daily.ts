import type { Core } from '@strapi/strapi';
import { chinaToday } from '../../domain/dates';
import { UID, type DisclosureRequestService } from './services/disclosure-request';

/** Ten past midnight in China: the day's deadlines have passed, and the lifecycle's run (00:05) is done. */
const RULE = '10 0 * * *';

/**
 * Marks, every day, the open requests whose answer is now overdue (and moves the due dates of
 * paused ones), on every instance; the cluster lock lets one run at a time.
 */
export function scheduleDailyMarking(strapi: Core.Strapi): void {
  if (strapi.config.get('server.cron.enabled') !== true) return;
  strapi.cron.add({
    disclosureRequestsDaily: {
      task: async () => {
        const report = await (strapi.service(UID) as unknown as DisclosureRequestService).markDue(chinaToday(new Date()));
        strapi.log.info(`Disclosure requests: ${report.checked} open, ${report.overdue} overdue, ${report.uncountable} without a countable deadline.`);
      },
      options: { rule: RULE, tz: 'Asia/Shanghai' },
    },
  });
}
