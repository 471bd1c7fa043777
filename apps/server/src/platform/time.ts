import {
  businessDate,
  businessDateTime,
  chineseDateClockOf,
  chineseDateOf,
  endOfBusinessDay,
  startOfBusinessDay,
  withOffset,
} from '@onestop/domain';
import type { AppConfig } from '../config/env';

/**
 * The server side of the one time module (`packages/domain/src/time.ts`): the business time zone comes
 * from config (TZ_OFFSET_MINUTES, China Standard Time by default) and the test-only `config.now`
 * clock, when set, replaces the system clock. Never write '+08:00' or 8 * 3600_000 in a module.
 */
export type TimeConfig = Pick<AppConfig, 'tzOffsetMinutes'> & { now?: (() => Date) | undefined };

/** The current instant (the test clock when configured). */
export function nowOf(config: TimeConfig): Date {
  return config.now?.() ?? new Date();
}

/** Today's business date, 'YYYY-MM-DD'. */
export function businessToday(config: TimeConfig): string {
  return businessDate(nowOf(config), config.tzOffsetMinutes);
}

/** The business date of an instant, 'YYYY-MM-DD'. */
export function dateOf(config: TimeConfig, instant: Date | string): string {
  return businessDate(instant, config.tzOffsetMinutes);
}

/** The local date and time of an instant, 'YYYY-MM-DDTHH:MM'. */
export function dateTimeOf(config: TimeConfig, instant: Date | string): string {
  return businessDateTime(instant, config.tzOffsetMinutes);
}

/** The instant a business day begins (local midnight). */
export function dayStart(config: TimeConfig, date: string): Date {
  return startOfBusinessDay(date, config.tzOffsetMinutes);
}

/** The next local midnight after a business day (exclusive upper bound). */
export function dayEnd(config: TimeConfig, date: string): Date {
  return endOfBusinessDay(date, config.tzOffsetMinutes);
}

/** A local 'YYYY-MM-DDTHH:MM' as an instant. */
export function localInstant(config: TimeConfig, localDateTime: string): Date {
  return new Date(withOffset(localDateTime, config.tzOffsetMinutes));
}

/** An instant as a Chinese date, 2026年12月7日. */
export function chineseDateAt(config: TimeConfig, instant: Date | string): string {
  return chineseDateOf(instant, config.tzOffsetMinutes);
}

/** An instant as '2026年12月7日 14:05'. */
export function chineseClockAt(config: TimeConfig, instant: Date | string): string {
  return chineseDateClockOf(instant, config.tzOffsetMinutes);
}

/**
 * The business date of instants given in epoch milliseconds, computed once per business day: the
 * returned function keeps the current day's bounds and its 'YYYY-MM-DD' and recomputes only when an
 * instant falls outside them (next day, or a clock set back). For code that asks on every request.
 */
export function businessDateCache(tzOffsetMinutes: number): (epochMs: number) => string {
  let from = 0;
  let to = -1;
  let date = '';
  return (epochMs) => {
    if (epochMs >= from && epochMs < to) return date;
    date = businessDate(new Date(epochMs), tzOffsetMinutes);
    from = startOfBusinessDay(date, tzOffsetMinutes).getTime();
    to = endOfBusinessDay(date, tzOffsetMinutes).getTime();
    return date;
  };
}
