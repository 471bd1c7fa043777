import {
  businessDate,
  businessDateTime,
  chineseDate,
  chineseDateClockOf,
  chineseDateOf,
  chineseDateOrDash,
  DEFAULT_TZ_OFFSET_MINUTES,
  withOffset,
} from '@onestop/domain/time';

/**
 * The web side of the one time module (`packages/domain/src/time.ts`): the screens show business
 * dates in the platform's time zone (China Standard Time, the server's default TZ_OFFSET_MINUTES),
 * whatever zone the browser is in. Never write '+08:00', 8 * 3600_000 or toLocaleDateString in a page.
 */
const TZ = DEFAULT_TZ_OFFSET_MINUTES;

export { chineseDate, chineseDateOrDash };

/**
 * A stored text with ISO dates in it (a clock's computation note: '自2026-12-07次日起算5个工作日，至
 * 2026-12-14') as shown on screen: every date written the Chinese way ('2026年12月7日').
 */
export const chineseDatesIn = (text: string): string =>
  text.replace(/\b(\d{4}-\d{2}-\d{2})\b/g, (d) => chineseDate(d));

/**
 * How every date picker shows a date (the first format) and what it accepts typed (any of them): the
 * Chinese way on screen, the ISO form still understood. Set once for all pickers in App.tsx's locale.
 */
export const PICKER_DATE_FORMATS = ['YYYY年M月D日', 'YYYY-MM-DD'];
export const PICKER_DATE_TIME_FORMATS = ['YYYY年M月D日 HH:mm:ss', 'YYYY-MM-DD HH:mm:ss'];
/** A picker with hours and minutes only. */
export const PICKER_MINUTE_FORMATS = ['YYYY年M月D日 HH:mm', 'YYYY-MM-DD HH:mm'];

/** Today's business date, 'YYYY-MM-DD'. */
export const businessToday = (): string => businessDate(new Date(), TZ);

/** The business date of an instant the server sent (ISO with offset), 'YYYY-MM-DD'. */
export const dateOfInstant = (instant: string | Date): string => businessDate(instant, TZ);

/** An instant as a Chinese date, 2026年12月7日. */
export const chineseDateOfInstant = (instant: string | Date): string => chineseDateOf(instant, TZ);

/** A local 'YYYY-MM-DDTHH:mm' picked on screen as an ISO instant with the business offset. */
export const localToInstant = (local: string): string => withOffset(local, TZ);

/** An instant as '2026年12月7日 14:05' in the business time zone (timelines, lists). */
export const chineseClockOfInstant = (instant: string | Date): string => chineseDateClockOf(instant, TZ);

/** The hour (0–23) of an instant in the business time zone (the 工作台's 上午好/下午好). */
export const businessHour = (instant: string | Date = new Date()): number =>
  Number(businessDateTime(instant, TZ).slice(11, 13));

/** An instant as '12月7日 14:05' in the business time zone (short lists such as the reminders). */
export const monthDayClockOfInstant = (instant: string | Date): string => {
  const local = businessDateTime(instant, TZ);
  return `${Number(local.slice(5, 7))}月${Number(local.slice(8, 10))}日 ${local.slice(11, 16)}`;
};
