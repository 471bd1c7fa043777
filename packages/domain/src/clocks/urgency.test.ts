import { describe, expect, it } from 'vitest';
import { CalendarUnknownError, createSeedCalendar } from '../calendar';
import { clockUrgency, reminderSchedule } from './urgency';

const calendar = createSeedCalendar();

describe('clockUrgency', () => {
  it.each([
    ['2026-02-27', '2026-02-28', 'overdue'],
    ['2026-02-27', '2026-02-27', 'due_soon'], // due today
    ['2026-02-27', '2026-02-25', 'due_soon'], // 2/26, 2/27: two working days
    ['2026-02-27', '2026-02-24', 'normal'], // three working days left
    ['2026-02-24', '2026-02-13', 'due_soon'], // only 2/14 (make-up) and 2/24 work in between
    ['2026-02-24', '2026-02-12', 'normal'],
    ['2026-10-12', '2026-10-03', 'normal'], // 10/8, 10/9, 10/10 (make-up), 10/12: four working days
    ['2026-10-12', '2026-10-09', 'due_soon'], // 10/10 (make-up), 10/12
  ])('due %s, today %s → %s', (due, today, expected) => {
    expect(clockUrgency(due, today, calendar)).toBe(expected);
  });

  it('never guesses a year without data', () => {
    expect(() => clockUrgency('2027-01-05', '2026-12-30', calendar)).toThrow(CalendarUnknownError);
    expect(clockUrgency('2026-12-30', '2027-01-05', calendar)).toBe('overdue');
  });
});

describe('reminderSchedule', () => {
  it('reminds two working days before and on the due day', () => {
    expect(reminderSchedule('2026-02-24', calendar)).toEqual(['2026-02-13', '2026-02-24']);
    expect(reminderSchedule('2026-10-13', calendar)).toEqual(['2026-10-10', '2026-10-13']);
    expect(reminderSchedule('2026-03-18', calendar)).toEqual(['2026-03-16', '2026-03-18']);
  });
});
