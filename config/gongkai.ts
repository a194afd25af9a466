import type { YearNotice } from '../src/domain/working-days';

/**
 * Platform rules that differ between cities and years. `calendar.notices` adds or replaces whole
 * years of the working-day calendar from the State Council General Office's yearly notice
 * (国务院办公厅关于某年部分节假日安排的通知), for a year the bundled tables do not have yet.
 */
export default {
  interpretation: {
    // 与文件同步，最迟 3 个工作日内 (e.g. Zhengzhou 2016); 0 means the same day only.
    timelyWithinWorkingDays: 3,
  },
  calendar: {
    notices: [] as YearNotice[],
  },
  siteUsers: {
    // A government platform's site users are created or invited by its staff, not self-made.
    registration: process.env.SITE_USER_REGISTRATION === 'true',
  },
  signIn: {
    // Failed sign-ins from one client address, over all accounts, before it must wait.
    maxFailures: Number(process.env.SIGN_IN_MAX_FAILURES ?? 10),
    windowMinutes: Number(process.env.SIGN_IN_WINDOW_MINUTES ?? 15),
  },
  requests: {
    // Requests filed through the public form from one client address per hour.
    submissionsPerHour: Number(process.env.REQUEST_SUBMISSIONS_PER_HOUR ?? 5),
  },
};
