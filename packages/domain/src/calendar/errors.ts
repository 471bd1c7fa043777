import { DomainError } from '../clocks/errors';

/** A date falls in a year for which no holiday notice has been entered. */
export class CalendarUnknownError extends DomainError {
  readonly year: number;

  constructor(year: number) {
    super('CALENDAR_UNKNOWN', `缺少${year}年的工作日历，请管理员先录入该年度放假安排`, { year });
    this.name = 'CalendarUnknownError';
    this.year = year;
  }
}

/** Calendar rows that cannot form a calendar (missing days, duplicates, inconsistent types). */
export class CalendarDataError extends DomainError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('CALENDAR_DATA_INVALID', message, details);
    this.name = 'CalendarDataError';
  }
}
