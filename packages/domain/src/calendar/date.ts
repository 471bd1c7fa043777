import { DomainError } from '../clocks/errors';

/**
 * Calendar dates as 'YYYY-MM-DD' strings. All arithmetic is pure integer arithmetic on
 * "epoch days" (days since 1970-01-01, proleptic Gregorian): no Date objects, so no time zone
 * can shift a date.
 */
export type IsoDate = string;

/** 0 = Sunday … 6 = Saturday (same numbering as JavaScript's getUTCDay). */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export class InvalidDateError extends DomainError {
  constructor(value: string) {
    super('DATE_INVALID', `日期格式无效：“${value}”，应为有效的 YYYY-MM-DD 日期`, { value });
    this.name = 'InvalidDateError';
  }
}

const ISO_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** Parses a strict 'YYYY-MM-DD' string; returns null when it is not a real calendar date. */
export function parseIsoDate(value: string): DateParts | null {
  const match = ISO_PATTERN.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isValidIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && parseIsoDate(value) !== null;
}

function requireParts(value: IsoDate): DateParts {
  const parts = parseIsoDate(value);
  if (!parts) throw new InvalidDateError(value);
  return parts;
}

/** Builds an IsoDate from parts (no validation of the parts beyond padding). */
export function formatIsoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// Howard Hinnant's days_from_civil / civil_from_days algorithms.
function epochDayOf({ year, month, day }: DateParts): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function partsOfEpochDay(epochDay: number): DateParts {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

/** Days since 1970-01-01 (negative before). Throws DATE_INVALID on a malformed date. */
export function toEpochDay(date: IsoDate): number {
  return epochDayOf(requireParts(date));
}

export function fromEpochDay(epochDay: number): IsoDate {
  const { year, month, day } = partsOfEpochDay(epochDay);
  return formatIsoDate(year, month, day);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`addDays: days must be an integer, got ${days}`);
  return fromEpochDay(toEpochDay(date) + days);
}

/** Signed number of calendar days from `a` to `b` (b − a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toEpochDay(b) - toEpochDay(a);
}

export function weekday(date: IsoDate): Weekday {
  // 1970-01-01 was a Thursday (4).
  return ((((toEpochDay(date) + 4) % 7) + 7) % 7) as Weekday;
}

export function isWeekend(date: IsoDate): boolean {
  const day = weekday(date);
  return day === 0 || day === 6;
}

/** -1, 0 or 1, usable as an Array.prototype.sort comparator. Validates both dates. */
export function compare(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  const diff = toEpochDay(a) - toEpochDay(b);
  return diff < 0 ? -1 : diff > 0 ? 1 : 0;
}

export function yearOf(date: IsoDate): number {
  return requireParts(date).year;
}

/**
 * Adds calendar months landing on the corresponding day; when the target month has no such day
 * (31st, 29 February) the last day of that month is used (《民法典》第二百零二条).
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  if (!Number.isInteger(months)) throw new RangeError(`addMonths: months must be an integer, got ${months}`);
  const { year, month, day } = requireParts(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  return formatIsoDate(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/** Adds calendar years with the same month-end fallback (2024-02-29 + 1 year → 2025-02-28). */
export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, years * 12);
}

/** True when addMonths had no corresponding day and fell back to the month end. */
export function isMonthEndFallback(date: IsoDate, months: number): boolean {
  return requireParts(addMonths(date, months)).day !== requireParts(date).day;
}

const WEEKDAY_NAMES = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const;

/** Chinese weekday name, e.g. '周六'. */
export function weekdayName(date: IsoDate): string {
  return WEEKDAY_NAMES[weekday(date)];
}

/** Chinese month-day label, e.g. '2月14日'. */
export function monthDayLabel(date: IsoDate): string {
  const { month, day } = requireParts(date);
  return `${month}月${day}日`;
}
