/**
 * Minimal pure date arithmetic on 'YYYY-MM-DD' strings (UTC, no time zone, no clock).
 * Working-day logic and holiday roll-over belong to the calendar module; these helpers only do the
 * civil-law arithmetic the claim, triage and calculator rules need.
 */

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO.exec(value);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

interface Ymd {
  y: number;
  m: number;
  d: number;
}

function parts(date: string): Ymd {
  if (!isIsoDate(date)) throw new RangeError(`不是有效日期：${date}`);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return { y, m, d };
}

function format({ y, m, d }: Ymd): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function toDayNumber(date: string): number {
  const { y, m, d } = parts(date);
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

export function addDays(date: string, days: number): string {
  const t = new Date((toDayNumber(date) + days) * 86_400_000);
  return format({ y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() });
}

/** Signed number of days from `from` to `to` (to − from). */
export function daysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

/**
 * Corresponding day `months` later; if that month has no such day, its last day
 * (民法典第二百零二条).
 */
export function addMonths(date: string, months: number): string {
  const { y, m, d } = parts(date);
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = (index % 12) + 1;
  return format({ y: ny, m: nm, d: Math.min(d, daysInMonth(ny, nm)) });
}

export function addYears(date: string, years: number): string {
  return addMonths(date, years * 12);
}

/**
 * Whole months from `from` up to `toExclusive`, and the days left over.
 * A month is complete when the corresponding day (month-end clamped) has been reached.
 */
export function wholeMonthsBetween(from: string, toExclusive: string): { months: number; days: number } {
  if (toExclusive <= from) return { months: 0, days: 0 };
  const a = parts(from);
  const b = parts(toExclusive);
  let months = (b.y - a.y) * 12 + (b.m - a.m) + 1;
  while (months > 0 && addMonths(from, months) > toExclusive) months--;
  return { months, days: daysBetween(addMonths(from, months), toExclusive) };
}
