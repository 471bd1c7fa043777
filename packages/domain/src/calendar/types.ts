import type { IsoDate } from './date';

/**
 * Type of one calendar day (《全国年节及纪念日放假办法》；国务院办公厅年度节假日安排通知):
 * - workday: Monday–Friday, not a rest day;
 * - weekend: an ordinary Saturday/Sunday;
 * - holiday: a rest day from the State Council notice (statutory holiday, 补假 or swapped rest day);
 * - makeup_workday: a Saturday/Sunday designated as a 调休上班日 — a working day.
 */
export type DayType = 'workday' | 'weekend' | 'holiday' | 'makeup_workday';

export const DAY_TYPES: readonly DayType[] = ['workday', 'weekend', 'holiday', 'makeup_workday'];

export const DAY_TYPE_LABELS: Readonly<Record<DayType, string>> = {
  workday: '工作日',
  weekend: '休息日',
  holiday: '法定节假日',
  makeup_workday: '调休上班日',
};

export function isWorkingDayType(type: DayType): boolean {
  return type === 'workday' || type === 'makeup_workday';
}

/** One stored calendar row (the server keeps one row per day). */
export interface CalendarDay {
  date: IsoDate;
  type: DayType;
  /** Holiday or make-up name, e.g. '春节'; null for ordinary days. */
  name: string | null;
}

export interface NoticeEntry {
  date: IsoDate;
  name: string;
}

/** The annual 国务院办公厅 holiday notice, as data. */
export interface HolidayNotice {
  year: number;
  /** Title and issue date of the notice, e.g. '国务院办公厅关于2026年部分节假日安排的通知（2025-11-04）'. */
  source: string;
  /** Every rest day of the arrangement: statutory holidays, 补假 and swapped rest days. */
  holidays: readonly NoticeEntry[];
  /** Saturdays/Sundays worked as 调休上班日. */
  makeupWorkdays: readonly NoticeEntry[];
}

/**
 * A regional override (e.g. an ethnic-minority holiday set by a local government, 《全国年节及纪念日
 * 放假办法》第四条) that replaces one day's type in the national calendar.
 */
export interface CalendarOverride {
  date: IsoDate;
  type: DayType;
  name?: string | null;
  /** Region code or label the override belongs to, kept for display and audit. */
  region?: string;
}
