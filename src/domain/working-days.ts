import chineseDays from 'chinese-days/dist/chinese-days.json';
import { addDays, isIsoDate, type IsoDate } from './dates';

/**
 * One year as the State Council General Office's notice (国务院办公厅关于某年部分节假日安排的通知)
 * sets it: the days off that fall on weekdays and the weekend days that are worked (调休).
 */
export interface YearNotice {
  year: number;
  /** The notice's 文号, e.g. 国办发明电〔2025〕7号. */
  notice: string;
  /** Every day off of the holidays, weekends inside them included. */
  holidays: IsoDate[];
  /** Saturdays and Sundays that are working days. */
  workdays: IsoDate[];
}

/** Asked about a year for which no notice is loaded: counting on would silently be wrong. */
export class CalendarError extends Error {
  readonly code = 'NO_CALENDAR_DATA';
  constructor(readonly year: number) {
    super(`No holiday calendar for ${year}: load the State Council's notice for ${year} before counting working days in it`);
    this.name = 'CalendarError';
  }
}

interface DayTables {
  holidays: Set<string>;
  workdays: Set<string>;
}

/** The statutory working-day calendar (法定工作日): weekdays, minus holidays, plus 调休 Saturdays and Sundays. */
export interface WorkingCalendar {
  /** Years the calendar can answer for. */
  years(): number[];
  isWorkingDay(date: IsoDate): boolean;
  /** Working days after `from` up to and including `to`; 0 when `to` is not after `from`. */
  workingDaysBetween(from: IsoDate, to: IsoDate): number;
  /** The `n`-th working day after `date` (n ≥ 1). */
  addWorkingDays(date: IsoDate, n: number): IsoDate;
}

const bundled = chineseDays as { holidays: Record<string, string>; workdays: Record<string, string> };

function byYear(dates: Iterable<string>, tables: Map<number, DayTables>, kind: keyof DayTables): void {
  for (const date of dates) {
    const year = Number(date.slice(0, 4));
    let table = tables.get(year);
    if (!table) tables.set(year, (table = { holidays: new Set(), workdays: new Set() }));
    table[kind].add(date);
  }
}

/**
 * The calendar from the `chinese-days` tables (which follow the yearly notices), with `notices`
 * replacing or adding whole years: a year's notice is published late in the year before, often
 * before the package catches up. A year with neither is refused, never guessed.
 */
export function createWorkingCalendar(notices: readonly YearNotice[] = []): WorkingCalendar {
  const tables = new Map<number, DayTables>();
  byYear(Object.keys(bundled.holidays), tables, 'holidays');
  byYear(Object.keys(bundled.workdays), tables, 'workdays');
  for (const notice of notices) {
    for (const date of [...notice.holidays, ...notice.workdays]) {
      if (Number(date.slice(0, 4)) !== notice.year) throw new Error(`${notice.notice}: ${date} is not in ${notice.year}`);
    }
    tables.set(notice.year, { holidays: new Set(notice.holidays), workdays: new Set(notice.workdays) });
  }

  const isWorkingDay = (date: IsoDate): boolean => {
    const table = tables.get(Number(date.slice(0, 4)));
    if (!table) throw new CalendarError(Number(date.slice(0, 4)));
    if (table.workdays.has(date)) return true;
    if (table.holidays.has(date)) return false;
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  };

  return {
    years: () => [...tables.keys()].sort((a, b) => a - b),
    isWorkingDay,
    workingDaysBetween(from, to) {
      let count = 0;
      for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (isWorkingDay(day)) count += 1;
      return count;
    },
    addWorkingDays(date, n) {
      if (!Number.isInteger(n) || n < 1) throw new RangeError('n must be a whole number of working days, at least 1');
      let day = date;
      for (let found = 0; found < n; ) {
        day = addDays(day, 1);
        if (isWorkingDay(day)) found += 1;
      }
      return day;
    },
  };
}

/**
 * The days of a notice as an editor types them from the published text: dates separated by line
 * breaks, commas, 、 or spaces, and runs written `2027-02-05~2027-02-12` (or with 至). Every day
 * must be a real date in `year`. Returns the days in order, or what is wrong in words.
 */
export function parseNoticeDays(text: string | null | undefined, year: number): { days: IsoDate[] } | { problem: string } {
  const days = new Set<IsoDate>();
  for (const item of (text ?? '').split(/[\s,，、;；]+/).filter(Boolean)) {
    const ends = item.split(/~|～|至/);
    if (ends.length > 2 || ends.some((end) => !isIsoDate(end))) return { problem: `"${item}" is not a date (YYYY-MM-DD) or a run of dates (YYYY-MM-DD~YYYY-MM-DD)` };
    const [first, last = first] = ends as IsoDate[];
    if (last < first) return { problem: `"${item}" ends before it starts` };
    for (const end of [first, last]) if (Number(end.slice(0, 4)) !== year) return { problem: `${end} is not in ${year}` };
    for (let day = first; day <= last; day = addDays(day, 1)) days.add(day);
  }
  return { days: [...days].sort() };
}
