/**
 * The one time module: business dates in the configured time zone and Chinese date formatting.
 * Pure (no clock, no config read): the server passes its configured offset (TZ_OFFSET_MINUTES,
 * `apps/server/src/platform/time.ts`), the web the same default. Dates are 'YYYY-MM-DD' strings;
 * instants are `Date`s (UTC inside). Printed dates follow GB/T 9704-2012 7.3.5 (Arabic numerals,
 * no leading zeros): 2026年12月7日.
 */

/** China Standard Time (UTC+8), the default business time zone of the platform (config TZ_OFFSET_MINUTES). */
export const DEFAULT_TZ_OFFSET_MINUTES = 480;

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The calendar date of an instant in the business time zone, as 'YYYY-MM-DD'. A timestamp stored in
 * UTC must go through this before it is printed: 2026-12-06T17:00Z is 2026年12月7日 in 随州.
 */
export function businessDate(instant: Date | string, tzOffsetMinutes: number): string {
  return new Date(new Date(instant).getTime() + tzOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** The local date and time of an instant in the business time zone, 'YYYY-MM-DDTHH:MM'. */
export function businessDateTime(instant: Date | string, tzOffsetMinutes: number): string {
  return new Date(new Date(instant).getTime() + tzOffsetMinutes * 60_000).toISOString().slice(0, 16);
}

/** The UTC offset as ISO 8601 writes it: 480 → '+08:00', -90 → '-01:30'. */
export function offsetSuffix(tzOffsetMinutes: number): string {
  const sign = tzOffsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(tzOffsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${sign}${hh}:${mm}`;
}

/** A local 'YYYY-MM-DDTHH:MM' of the business time zone as an ISO instant with its offset. */
export function withOffset(localDateTime: string, tzOffsetMinutes: number): string {
  const seconds = localDateTime.length === 16 ? ':00' : '';
  return `${localDateTime}${seconds}${offsetSuffix(tzOffsetMinutes)}`;
}

/** The instant a business day ('YYYY-MM-DD') begins (local midnight). */
export function startOfBusinessDay(date: string, tzOffsetMinutes: number): Date {
  if (!ISO_DATE.test(date)) throw new RangeError(`日期格式应为YYYY-MM-DD：${date}`);
  return new Date(Date.parse(`${date}T00:00:00Z`) - tzOffsetMinutes * 60_000);
}

/** The instant after a business day ends (the next local midnight): use as an exclusive bound. */
export function endOfBusinessDay(date: string, tzOffsetMinutes: number): Date {
  return new Date(startOfBusinessDay(date, tzOffsetMinutes).getTime() + DAY_MS);
}

/** '2026-12-07' → '2026年12月7日' (GB/T 9704-2012 7.3.5: Arabic numerals, no leading zeros). */
export function chineseDate(iso: string): string {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new RangeError(`日期格式应为YYYY-MM-DD：${iso}`);
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

/** '2026-12-07T14:05' or '2026-12-07 14:05' → '2026年12月7日14时05分'; a bare date as chineseDate. */
export function chineseDateTime(value: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})/.exec(value);
  if (!m) return chineseDate(value);
  return `${chineseDate(m[1] as string)}${Number(m[2])}时${m[3]}分`;
}

/** An instant printed as a Chinese date in the business time zone. */
export function chineseDateOf(instant: Date | string, tzOffsetMinutes: number): string {
  return chineseDate(businessDate(instant, tzOffsetMinutes));
}

/** An instant printed as '2026年12月7日 14:05' in the business time zone (lists, events, proofs). */
export function chineseDateClockOf(instant: Date | string, tzOffsetMinutes: number): string {
  const local = businessDateTime(instant, tzOffsetMinutes);
  return `${chineseDate(local.slice(0, 10))} ${local.slice(11, 16)}`;
}

/** A date, or null/empty, as a Chinese date; '—' when absent (screens). */
export function chineseDateOrDash(iso: string | null | undefined): string {
  return iso ? chineseDate(iso.slice(0, 10)) : '—';
}
