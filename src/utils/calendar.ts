import type { Core } from '@strapi/strapi';
import { createWorkingCalendar, type WorkingCalendar, type YearNotice } from '../domain/working-days';

const calendars = new WeakMap<object, WorkingCalendar>();

/** The working-day calendar with the notices configured in `config/gongkai.ts`. */
export function workingCalendar(strapi: Core.Strapi): WorkingCalendar {
  let calendar = calendars.get(strapi);
  if (!calendar) {
    calendar = createWorkingCalendar(strapi.config.get('gongkai.calendar.notices', []) as YearNotice[]);
    calendars.set(strapi, calendar);
  }
  return calendar;
}
