import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, fromEpochDay, toEpochDay } from './date';
import { CalendarUnknownError } from './errors';
import { expandYear, validateNotice } from './notice';
import { NOTICE_2024, NOTICE_2025, NOTICE_2026, SEED_NOTICES } from './notices';
import type { HolidayNotice } from './types';
import { createSeedCalendar, WorkCalendar } from './work-calendar';

const calendar = createSeedCalendar();

describe('seed notices', () => {
  it.each(SEED_NOTICES.map((notice) => [notice.year, notice] as const))(
    '%i notice is valid',
    (_year, notice) => {
      expect(validateNotice(notice)).toEqual([]);
    },
  );

  // Hand count: Mon–Fri days of the year − weekday rest days + make-up days.
  // 2024: 262 − 19 + 8; 2025: 261 − 18 + 5; 2026: 261 − 19 + 6 (劳社部发〔2008〕3号: 248 under 13 holidays).
  it.each([
    [NOTICE_2024, 366, 251],
    [NOTICE_2025, 365, 248],
    [NOTICE_2026, 365, 248],
  ])('expands %# to one row per day with the expected working days', (notice, days, working) => {
    const rows = expandYear(notice);
    expect(rows).toHaveLength(days);
    expect(rows.filter((row) => row.type === 'workday' || row.type === 'makeup_workday')).toHaveLength(
      working,
    );
  });

  it('types the 2026 Spring Festival and National Day days', () => {
    const rows = new Map(expandYear(NOTICE_2026).map((row) => [row.date, row]));
    expect(rows.get('2026-02-14')).toEqual({
      date: '2026-02-14',
      type: 'makeup_workday',
      name: '春节调休上班',
    });
    expect(rows.get('2026-02-15')).toEqual({ date: '2026-02-15', type: 'holiday', name: '春节' });
    expect(rows.get('2026-02-21')?.type).toBe('holiday'); // a Saturday inside the break
    expect(rows.get('2026-02-24')).toEqual({ date: '2026-02-24', type: 'workday', name: null });
    expect(rows.get('2026-03-07')).toEqual({ date: '2026-03-07', type: 'weekend', name: null });
    expect(rows.get('2026-10-10')?.type).toBe('makeup_workday');
    expect(rows.get('2026-01-04')?.type).toBe('makeup_workday');
  });
});

describe('validateNotice', () => {
  const base: HolidayNotice = {
    year: 2026,
    source: '测试通知',
    holidays: [{ date: '2026-10-01', name: '国庆节' }],
    makeupWorkdays: [{ date: '2026-10-10', name: '国庆节调休上班' }],
  };

  it('reports a date outside the year', () => {
    const errors = validateNotice({ ...base, holidays: [{ date: '2027-01-01', name: '元旦' }] });
    expect(errors).toEqual(['放假日期 2027-01-01 不在2026年内']);
  });

  it('reports a make-up day that is not a Saturday or Sunday', () => {
    const errors = validateNotice({ ...base, makeupWorkdays: [{ date: '2026-10-09', name: '调休' }] });
    expect(errors).toEqual(['调休上班日 2026-10-09 是周五，调休上班日只能是周六或周日']);
  });

  it('reports duplicates and a holiday on a make-up day', () => {
    const errors = validateNotice({
      ...base,
      holidays: [
        { date: '2026-10-01', name: '国庆节' },
        { date: '2026-10-01', name: '国庆节' },
        { date: '2026-10-10', name: '国庆节' },
      ],
    });
    expect(errors).toContain('放假日期 2026-10-01 重复录入');
    expect(errors).toContain('2026-10-10 同时被录入为放假日和调休上班日');
  });

  it('reports malformed dates, missing names and a missing source', () => {
    const errors = validateNotice({ ...base, source: ' ', holidays: [{ date: '2026-02-30', name: '' }] });
    expect(errors).toEqual([
      '2026年放假安排缺少通知来源（文件名称及发布日期）',
      '放假日期“2026-02-30”不是有效日期（应为 YYYY-MM-DD）',
    ]);
  });
});

describe('WorkCalendar', () => {
  it('knows the seeded years and working days', () => {
    expect(calendar.knownYears).toEqual([2024, 2025, 2026]);
    expect(calendar.isWorkingDay('2026-02-14')).toBe(true); // make-up Saturday
    expect(calendar.isWorkingDay('2026-02-16')).toBe(false); // Spring Festival Monday
    expect(calendar.isWorkingDay('2026-03-07')).toBe(false); // ordinary Saturday
    expect(calendar.dayType('2025-10-08')).toBe('holiday');
    expect(calendar.dayName('2025-10-08')).toBe('国庆节、中秋节');
  });

  it('moves between working days', () => {
    expect(calendar.nextWorkingDay('2026-02-13')).toBe('2026-02-14');
    expect(calendar.nextWorkingDay('2026-02-14')).toBe('2026-02-24');
    expect(calendar.nextWorkingDay('2026-09-30')).toBe('2026-10-08');
    expect(calendar.nextWorkingDay('2026-10-09')).toBe('2026-10-10');
    expect(calendar.previousWorkingDay('2026-02-24')).toBe('2026-02-14');
    expect(calendar.workingDayOnOrAfter('2026-10-03')).toBe('2026-10-08');
    expect(calendar.workingDayOnOrAfter('2026-10-10')).toBe('2026-10-10');
  });

  it('adds and counts working days, start day excluded', () => {
    // 2026-02-13 Fri → 2/14 (make-up) 1, 2/15–2/23 holiday, 2/24 2, 2/25 3, 2/26 4, 2/27 5.
    expect(calendar.addWorkingDays('2026-02-13', 5)).toBe('2026-02-27');
    expect(calendar.addWorkingDays('2026-02-13', 0)).toBe('2026-02-13');
    expect(calendar.addWorkingDays('2026-02-27', -5)).toBe('2026-02-13');
    expect(calendar.workingDaysBetween('2026-02-13', '2026-02-27')).toBe(5);
    expect(calendar.workingDaysBetween('2026-02-27', '2026-02-13')).toBe(-5);
    expect(calendar.workingDaysBetween('2025-12-31', '2026-12-31')).toBe(248);
  });

  it('throws CALENDAR_UNKNOWN for a year without data', () => {
    expect(() => calendar.isWorkingDay('2027-01-04')).toThrow(CalendarUnknownError);
    try {
      calendar.addWorkingDays('2026-12-30', 2); // 12-31 Thu, then 2027
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CalendarUnknownError);
      expect(error).toMatchObject({
        code: 'CALENDAR_UNKNOWN',
        year: 2027,
        message: '缺少2027年的工作日历，请管理员先录入该年度放假安排',
      });
    }
    expect(() => calendar.dayType('2023-12-29')).toThrow(expect.objectContaining({ year: 2023 }));
  });

  it('applies regional overrides and versions its content', () => {
    const regional = createSeedCalendar([
      { date: '2026-04-20', type: 'holiday', name: '地方民族节日', region: '450000' },
    ]);
    expect(regional.isWorkingDay('2026-04-20')).toBe(false);
    expect(calendar.isWorkingDay('2026-04-20')).toBe(true);
    expect(regional.version).not.toBe(calendar.version);
    expect(createSeedCalendar().version).toBe(calendar.version);
    const shuffled = new WorkCalendar(SEED_NOTICES.flatMap(expandYear).reverse());
    expect(shuffled.version).toBe(calendar.version);
    expect(calendar.version).toMatch(/^cal-[0-9a-f]{16}$/);
  });

  it('rejects inconsistent rows', () => {
    const rows = expandYear(NOTICE_2026);
    expect(() => new WorkCalendar(rows.slice(1))).toThrow(
      expect.objectContaining({ code: 'CALENDAR_DATA_INVALID' }),
    );
    expect(() => new WorkCalendar([...rows, rows[0]!])).toThrow(/重复/);
    const wrong = rows.map((row) => (row.date === '2026-03-02' ? { ...row, type: 'weekend' as const } : row));
    expect(() => new WorkCalendar(wrong)).toThrow(/不是周六或周日/);
    expect(() => new WorkCalendar(rows, [{ date: '2027-05-01', type: 'holiday' }])).toThrow(
      CalendarUnknownError,
    );
  });
});

describe('WorkCalendar properties', () => {
  const day2026 = fc
    .integer({ min: toEpochDay('2024-01-01'), max: toEpochDay('2026-09-30') })
    .map(fromEpochDay);

  it('addWorkingDays lands on a working day and inverts workingDaysBetween', () => {
    fc.assert(
      fc.property(day2026, fc.integer({ min: 1, max: 60 }), (from, n) => {
        const due = calendar.addWorkingDays(from, n);
        expect(calendar.isWorkingDay(due)).toBe(true);
        expect(calendar.workingDaysBetween(from, due)).toBe(n);
        expect(calendar.workingDaysBetween(from, addDays(due, -1))).toBe(n - 1);
      }),
    );
  });
});
