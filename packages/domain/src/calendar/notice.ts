import {
  addDays,
  compare,
  daysInYear,
  formatIsoDate,
  type IsoDate,
  isValidIsoDate,
  isWeekend,
  parseIsoDate,
  weekdayName,
} from './date';
import type { CalendarDay, HolidayNotice, NoticeEntry } from './types';

/**
 * Checks a notice before it is stored. Returns Chinese error messages; an empty list means valid.
 */
export function validateNotice(notice: HolidayNotice): string[] {
  const errors: string[] = [];
  const { year } = notice;
  if (!Number.isInteger(year) || year < 1949 || year > 9999) {
    errors.push(`年度“${year}”无效`);
    return errors;
  }
  if (!notice.source || notice.source.trim() === '') {
    errors.push(`${year}年放假安排缺少通知来源（文件名称及发布日期）`);
  }
  const checkEntries = (entries: readonly NoticeEntry[], label: string): Set<IsoDate> => {
    const seen = new Set<IsoDate>();
    for (const entry of entries) {
      if (!isValidIsoDate(entry.date)) {
        errors.push(`${label}日期“${entry.date}”不是有效日期（应为 YYYY-MM-DD）`);
        continue;
      }
      if (parseIsoDate(entry.date)?.year !== year) {
        errors.push(`${label}日期 ${entry.date} 不在${year}年内`);
      }
      if (seen.has(entry.date)) errors.push(`${label}日期 ${entry.date} 重复录入`);
      seen.add(entry.date);
      if (!entry.name || entry.name.trim() === '') errors.push(`${label}日期 ${entry.date} 缺少名称`);
    }
    return seen;
  };
  const holidays = checkEntries(notice.holidays, '放假');
  const makeups = checkEntries(notice.makeupWorkdays, '调休上班');
  for (const entry of notice.makeupWorkdays) {
    if (isValidIsoDate(entry.date) && !isWeekend(entry.date)) {
      errors.push(`调休上班日 ${entry.date} 是${weekdayName(entry.date)}，调休上班日只能是周六或周日`);
    }
  }
  for (const date of makeups) {
    if (holidays.has(date)) errors.push(`${date} 同时被录入为放假日和调休上班日`);
  }
  return errors;
}

/**
 * Expands a notice into one row per day of its year. Does not validate: call validateNotice first.
 */
export function expandYear(notice: HolidayNotice): CalendarDay[] {
  const holidays = new Map(notice.holidays.map((entry) => [entry.date, entry.name]));
  const makeups = new Map(notice.makeupWorkdays.map((entry) => [entry.date, entry.name]));
  const days: CalendarDay[] = [];
  let date = formatIsoDate(notice.year, 1, 1);
  for (let i = 0; i < daysInYear(notice.year); i++, date = addDays(date, 1)) {
    const holiday = holidays.get(date);
    const makeup = makeups.get(date);
    if (holiday !== undefined) days.push({ date, type: 'holiday', name: holiday });
    else if (makeup !== undefined) days.push({ date, type: 'makeup_workday', name: makeup });
    else days.push({ date, type: isWeekend(date) ? 'weekend' : 'workday', name: null });
  }
  return days;
}

/** Sorts calendar rows by date (helper for callers assembling rows from several sources). */
export function sortDays(days: readonly CalendarDay[]): CalendarDay[] {
  return [...days].sort((a, b) => compare(a.date, b.date));
}
