export {
  createCalendar,
  type Calendar,
  type CreateCalendarOptions,
  type SetOverrideInput,
} from './create-calendar';
export type { DayInfo, DayKind } from './day-info';
export type { CalendarOverride } from './override-repository';
export { DEFAULT_WORK_HOURS, type WorkPeriod } from './work-hours';
export { calendarOverride } from './schema';
