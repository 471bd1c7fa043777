import { addDays, compare, type IsoDate, type WorkCalendar } from '../calendar';

export type ClockUrgency = 'normal' | 'due_soon' | 'overdue';

/** Working days counted before the due date at which a clock turns 'due_soon' and is reminded. */
export const DUE_SOON_WORKING_DAYS = 2;

/**
 * 'overdue' once today is after the due date; 'due_soon' when the due date is today or falls within
 * the next two working days (the same moment the first reminder is sent); otherwise 'normal'.
 * Only the days between today and the due date are looked up in the calendar.
 */
export function clockUrgency(due: IsoDate, today: IsoDate, calendar: WorkCalendar): ClockUrgency {
  const order = compare(today, due);
  if (order > 0) return 'overdue';
  calendar.dayType(today);
  let count = 0;
  for (let date = addDays(today, 1); compare(date, due) <= 0; date = addDays(date, 1)) {
    if (calendar.isWorkingDay(date)) count++;
    if (count > DUE_SOON_WORKING_DAYS) return 'normal';
  }
  return 'due_soon';
}

/** Reminder dates for a due date: two working days before it, and the due day itself. */
export function reminderSchedule(due: IsoDate, calendar: WorkCalendar): IsoDate[] {
  const early = calendar.addWorkingDays(due, -DUE_SOON_WORKING_DAYS);
  calendar.dayType(due);
  return early === due ? [due] : [early, due];
}
