import type { Core } from '@strapi/strapi';
import { createWorkingCalendar, parseNoticeDays, type WorkingCalendar, type YearNotice } from '../domain/working-days';

const NOTICE_UID = 'api::calendar-notice.calendar-notice';

let cached: { key: string; calendar: WorkingCalendar } | null = null;

/**
 * The working-day calendar: the bundled tables, then the notices in `config/gongkai.ts`, then those
 * entered in the admin (节假日安排), each replacing whole years. The entered notices are read on
 * every call (a few rows) so that every server of a cluster counts with the same ones; the
 * calendar is rebuilt only when they have changed.
 */
export async function workingCalendar(strapi: Core.Strapi): Promise<WorkingCalendar> {
  const rows = (await strapi.db.query(NOTICE_UID).findMany({
    select: ['year', 'notice', 'holidays', 'workdays', 'updatedAt'],
    orderBy: { year: 'asc' },
  })) as { year: number; notice: string; holidays: string | null; workdays: string | null; updatedAt: unknown }[];
  const configured = strapi.config.get('gongkai.calendar.notices', []) as YearNotice[];
  const key = JSON.stringify([configured, rows.map((row) => [row.year, String(row.updatedAt)])]);
  if (cached?.key === key) return cached.calendar;

  const entered: YearNotice[] = [];
  for (const row of rows) {
    const holidays = parseNoticeDays(row.holidays, row.year);
    const workdays = parseNoticeDays(row.workdays, row.year);
    // Written through the Document Service, a notice has been checked; one that was not is skipped.
    if ('problem' in holidays || 'problem' in workdays) {
      strapi.log.error(`Holiday notice ${row.notice} for ${row.year} cannot be read and is not used`);
      continue;
    }
    entered.push({ year: row.year, notice: row.notice, holidays: holidays.days, workdays: workdays.days });
  }
  cached = { key, calendar: createWorkingCalendar([...configured, ...entered]) };
  return cached.calendar;
}
