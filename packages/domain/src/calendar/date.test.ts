import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addYears,
  compare,
  daysBetween,
  fromEpochDay,
  isMonthEndFallback,
  isValidIsoDate,
  monthDayLabel,
  toEpochDay,
  weekday,
  weekdayName,
} from './date';

describe('isValidIsoDate', () => {
  it.each([
    ['2026-02-28', true],
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['1900-02-29', false],
    ['2000-02-29', true],
    ['2026-13-01', false],
    ['2026-04-31', false],
    ['2026-1-01', false],
    ['2026-01-01T00:00:00Z', false],
    ['', false],
  ])('%s → %s', (value, expected) => {
    expect(isValidIsoDate(value)).toBe(expected);
  });

  it('rejects non-strings', () => {
    expect(isValidIsoDate(20260101)).toBe(false);
    expect(isValidIsoDate(null)).toBe(false);
  });
});

describe('date arithmetic', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(addDays('2026-09-30', 15)).toBe('2026-10-15');
  });

  it('knows the weekday (0 = Sunday)', () => {
    expect(weekday('1970-01-01')).toBe(4);
    expect(weekday('2026-01-01')).toBe(4); // Thursday
    expect(weekday('2026-02-14')).toBe(6); // make-up Saturday
    expect(weekday('2026-10-10')).toBe(6);
    expect(weekday('2024-02-29')).toBe(4);
    expect(weekday('1969-12-31')).toBe(3);
    expect(weekdayName('2026-01-04')).toBe('周日');
  });

  it('compares and measures', () => {
    expect(compare('2026-01-01', '2026-01-02')).toBe(-1);
    expect(compare('2026-01-02', '2026-01-02')).toBe(0);
    expect(compare('2027-01-01', '2026-12-31')).toBe(1);
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(() => compare('2026-02-30', '2026-01-01')).toThrow(
      expect.objectContaining({ code: 'DATE_INVALID' }),
    );
  });

  it('adds months and years with the month-end fallback (民法典 202)', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-03-31', 1)).toBe('2026-04-30');
    expect(addMonths('2026-01-15', 1)).toBe('2026-02-15');
    expect(addMonths('2026-11-30', 2)).toBe('2027-01-30');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(isMonthEndFallback('2026-01-31', 1)).toBe(true);
    expect(isMonthEndFallback('2026-01-28', 1)).toBe(false);
  });

  it('labels month and day in Chinese', () => {
    expect(monthDayLabel('2026-02-14')).toBe('2月14日');
  });
});

describe('date arithmetic properties', () => {
  const epochDay = fc.integer({ min: -200_000, max: 200_000 });

  it('epoch days round-trip and agree with UTC Date', () => {
    fc.assert(
      fc.property(epochDay, (n) => {
        const date = fromEpochDay(n);
        expect(toEpochDay(date)).toBe(n);
        // Independent oracle (test only): the platform's UTC calendar.
        const reference = new Date(n * 86_400_000);
        expect(date).toBe(reference.toISOString().slice(0, 10));
        expect(weekday(date)).toBe(reference.getUTCDay());
      }),
    );
  });

  it('addDays and daysBetween are inverse', () => {
    fc.assert(
      fc.property(epochDay, fc.integer({ min: -5000, max: 5000 }), (n, k) => {
        const date = fromEpochDay(n);
        expect(daysBetween(date, addDays(date, k))).toBe(k);
      }),
    );
  });
});
