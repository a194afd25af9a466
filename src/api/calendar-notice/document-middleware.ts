import type { Core, Modules } from '@strapi/strapi';
import { parseNoticeDays } from '../../domain/working-days';
import { fieldError } from '../../utils/errors';

const UID = 'api::calendar-notice.calendar-notice';

type Params = { documentId?: string; data?: Record<string, unknown> };

/**
 * A notice is read by the working-day calendar as it is typed: on every write path its days must
 * be real dates of its year, and no day can be both a holiday and a working day.
 */
export function calendarNoticeMiddleware(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  return async (context, next) => {
    if (context.uid !== UID || !['create', 'update'].includes(context.action)) return next();
    const { documentId, data } = context.params as Params;
    if (!data) return next();
    const stored = documentId ? ((await strapi.db.query(UID).findOne({ where: { documentId }, select: ['year', 'holidays', 'workdays'] })) as Record<string, unknown> | null) : null;
    const value = (field: string) => (field in data ? data[field] : stored?.[field]);
    const year = Number(value('year'));
    // Strapi's own validation names a missing or out-of-range year.
    if (!Number.isInteger(year)) return next();

    const days: Record<string, string[]> = {};
    for (const field of ['holidays', 'workdays']) {
      const text = value(field);
      if (text !== null && text !== undefined && typeof text !== 'string') throw fieldError(field, 'must be text: dates separated by line breaks or commas', text);
      const parsed = parseNoticeDays(text, year);
      if ('problem' in parsed) throw fieldError(field, parsed.problem, text);
      days[field] = parsed.days;
    }
    const both = days.workdays.find((day) => days.holidays.includes(day));
    if (both) throw fieldError('workdays', `${both} is also listed as a holiday`, value('workdays'));
    return next();
  };
}
