export {
  addDays,
  addMonths,
  addYears,
  compare,
  type DateParts,
  daysBetween,
  daysInMonth,
  daysInYear,
  formatIsoDate,
  fromEpochDay,
  InvalidDateError,
  type IsoDate,
  isLeapYear,
  isMonthEndFallback,
  isValidIsoDate,
  isWeekend,
  monthDayLabel,
  parseIsoDate,
  toEpochDay,
  type Weekday,
  weekday,
  weekdayName,
  yearOf,
} from './date';
export { CalendarDataError, CalendarUnknownError } from './errors';
export { fnv1a64 } from './hash';
export { expandYear, sortDays, validateNotice } from './notice';
export { NOTICE_2024, NOTICE_2025, NOTICE_2026, SEED_NOTICES } from './notices';
export {
  type CalendarDay,
  type CalendarOverride,
  DAY_TYPE_LABELS,
  DAY_TYPES,
  type DayType,
  type HolidayNotice,
  isWorkingDayType,
  type NoticeEntry,
} from './types';
export { createSeedCalendar, WorkCalendar } from './work-calendar';
