import { addDays, compare, type IsoDate } from './date';
import type { HolidayNotice, NoticeEntry } from './types';

/**
 * Seed data: the annual 国务院办公厅 holiday notices, transcribed day by day. Every further year
 * must be entered from its official notice (admin screen); a year without a notice is unknown to the
 * calendar, never "weekdays only" (project decisions, 《全国年节及纪念日放假办法》第七条/《全国年节及纪念日放假办法》；国务院办公厅年度节假日安排通知).
 */

/** Expands an inclusive range of rest days that share one name. */
function rest(from: IsoDate, to: IsoDate, name: string): NoticeEntry[] {
  const entries: NoticeEntry[] = [];
  for (let date = from; compare(date, to) <= 0; date = addDays(date, 1)) entries.push({ date, name });
  return entries;
}

function work(date: IsoDate, holiday: string): NoticeEntry {
  return { date, name: `${holiday}调休上班` };
}

export const NOTICE_2024: HolidayNotice = {
  year: 2024,
  source: '国务院办公厅关于2024年部分节假日安排的通知（2023-10-25）',
  holidays: [
    ...rest('2024-01-01', '2024-01-01', '元旦'),
    ...rest('2024-02-10', '2024-02-17', '春节'),
    ...rest('2024-04-04', '2024-04-06', '清明节'),
    ...rest('2024-05-01', '2024-05-05', '劳动节'),
    ...rest('2024-06-10', '2024-06-10', '端午节'),
    ...rest('2024-09-15', '2024-09-17', '中秋节'),
    ...rest('2024-10-01', '2024-10-07', '国庆节'),
  ],
  makeupWorkdays: [
    work('2024-02-04', '春节'), // Sunday
    work('2024-02-18', '春节'), // Sunday
    work('2024-04-07', '清明节'), // Sunday
    work('2024-04-28', '劳动节'), // Sunday
    work('2024-05-11', '劳动节'), // Saturday
    work('2024-09-14', '中秋节'), // Saturday
    work('2024-09-29', '国庆节'), // Sunday
    work('2024-10-12', '国庆节'), // Saturday
  ],
};

/** First year under the 2024 revision of 《全国年节及纪念日放假办法》 (13 statutory holidays). */
export const NOTICE_2025: HolidayNotice = {
  year: 2025,
  source: '国务院办公厅关于2025年部分节假日安排的通知（2024-11-12）',
  holidays: [
    ...rest('2025-01-01', '2025-01-01', '元旦'),
    ...rest('2025-01-28', '2025-02-04', '春节'),
    ...rest('2025-04-04', '2025-04-06', '清明节'),
    ...rest('2025-05-01', '2025-05-05', '劳动节'),
    ...rest('2025-05-31', '2025-06-02', '端午节'),
    ...rest('2025-10-01', '2025-10-08', '国庆节、中秋节'),
  ],
  makeupWorkdays: [
    work('2025-01-26', '春节'), // Sunday
    work('2025-02-08', '春节'), // Saturday
    work('2025-04-27', '劳动节'), // Sunday
    work('2025-09-28', '国庆节'), // Sunday
    work('2025-10-11', '国庆节'), // Saturday
  ],
};

export const NOTICE_2026: HolidayNotice = {
  year: 2026,
  source: '国务院办公厅关于2026年部分节假日安排的通知（2025-11-04）',
  holidays: [
    ...rest('2026-01-01', '2026-01-03', '元旦'),
    ...rest('2026-02-15', '2026-02-23', '春节'),
    ...rest('2026-04-04', '2026-04-06', '清明节'),
    ...rest('2026-05-01', '2026-05-05', '劳动节'),
    ...rest('2026-06-19', '2026-06-21', '端午节'),
    ...rest('2026-09-25', '2026-09-27', '中秋节'),
    ...rest('2026-10-01', '2026-10-07', '国庆节'),
  ],
  makeupWorkdays: [
    work('2026-01-04', '元旦'), // Sunday
    work('2026-02-14', '春节'), // Saturday
    work('2026-02-28', '春节'), // Saturday
    work('2026-05-09', '劳动节'), // Saturday
    work('2026-09-20', '国庆节'), // Sunday
    work('2026-10-10', '国庆节'), // Saturday
  ],
};

export const SEED_NOTICES: readonly HolidayNotice[] = [NOTICE_2024, NOTICE_2025, NOTICE_2026];
