import {
  addDays,
  compare,
  daysInYear,
  fromEpochDay,
  type IsoDate,
  isValidIsoDate,
  isWeekend,
  InvalidDateError,
  toEpochDay,
  yearOf,
} from './date';
import { CalendarDataError, CalendarUnknownError } from './errors';
import { fnv1a64 } from './hash';
import { expandYear } from './notice';
import { SEED_NOTICES } from './notices';
import {
  type CalendarDay,
  type CalendarOverride,
  DAY_TYPES,
  type DayType,
  type HolidayNotice,
  isWorkingDayType,
} from './types';

interface DayInfo {
  type: DayType;
  name: string | null;
}

function checkTypeFitsWeekday(date: IsoDate, type: DayType, what: string): void {
  if (!DAY_TYPES.includes(type)) throw new CalendarDataError(`${what} ${date} 的类型“${type}”无效`, { date });
  const weekend = isWeekend(date);
  if ((type === 'weekend' || type === 'makeup_workday') && !weekend) {
    throw new CalendarDataError(
      `${what} ${date} 不是周六或周日，不能标为${type === 'weekend' ? '休息日' : '调休上班日'}`,
      {
        date,
        type,
      },
    );
  }
  if (type === 'workday' && weekend) {
    throw new CalendarDataError(`${what} ${date} 是周末，上班应标为调休上班日`, { date, type });
  }
}

/**
 * Working-day calendar over any set of complete years (one row per day), with optional regional
 * overrides. Working day = workday or makeup_workday (《全国年节及纪念日放假办法》；国务院办公厅年度节假日安排通知). Every query on a date whose
 * year has no data throws CalendarUnknownError.
 */
export class WorkCalendar {
  /** Stable content hash: persist it with every computed deadline. */
  readonly version: string;
  readonly knownYears: readonly number[];
  private readonly days: ReadonlyMap<IsoDate, DayInfo>;
  private readonly years: ReadonlySet<number>;

  constructor(days: readonly CalendarDay[], overrides: readonly CalendarOverride[] = []) {
    const map = new Map<IsoDate, DayInfo>();
    const perYear = new Map<number, number>();
    for (const row of days) {
      if (!isValidIsoDate(row.date)) throw new InvalidDateError(row.date);
      if (map.has(row.date)) throw new CalendarDataError(`日历数据中 ${row.date} 重复`, { date: row.date });
      checkTypeFitsWeekday(row.date, row.type, '日历数据');
      map.set(row.date, { type: row.type, name: row.name ?? null });
      const year = yearOf(row.date);
      perYear.set(year, (perYear.get(year) ?? 0) + 1);
    }
    for (const [year, count] of perYear) {
      if (count !== daysInYear(year)) {
        throw new CalendarDataError(`${year}年日历数据不完整：应有${daysInYear(year)}天，实际${count}天`, {
          year,
          count,
        });
      }
    }
    const seenOverrides = new Set<IsoDate>();
    for (const override of overrides) {
      if (!isValidIsoDate(override.date)) throw new InvalidDateError(override.date);
      if (seenOverrides.has(override.date)) {
        throw new CalendarDataError(`地方调整中 ${override.date} 重复`, { date: override.date });
      }
      seenOverrides.add(override.date);
      if (!perYear.has(yearOf(override.date))) throw new CalendarUnknownError(yearOf(override.date));
      checkTypeFitsWeekday(override.date, override.type, '地方调整');
      map.set(override.date, { type: override.type, name: override.name ?? null });
    }
    this.days = map;
    this.years = new Set(perYear.keys());
    this.knownYears = [...perYear.keys()].sort((a, b) => a - b);
    const canonical = [...map.entries()]
      .sort(([a], [b]) => compare(a, b))
      .map(([date, info]) => `${date}|${info.type}|${info.name ?? ''}`)
      .join('\n');
    this.version = `cal-${fnv1a64(canonical)}`;
  }

  /** Builds a calendar straight from holiday notices (expanded with expandYear). */
  static fromNotices(
    notices: readonly HolidayNotice[],
    overrides: readonly CalendarOverride[] = [],
  ): WorkCalendar {
    return new WorkCalendar(
      notices.flatMap((notice) => expandYear(notice)),
      overrides,
    );
  }

  hasYear(year: number): boolean {
    return this.years.has(year);
  }

  private info(date: IsoDate): DayInfo {
    const info = this.days.get(date);
    if (info) return info;
    if (!isValidIsoDate(date)) throw new InvalidDateError(date);
    throw new CalendarUnknownError(yearOf(date));
  }

  dayType(date: IsoDate): DayType {
    return this.info(date).type;
  }

  /** Holiday or make-up name of the day, null for ordinary days. */
  dayName(date: IsoDate): string | null {
    return this.info(date).name;
  }

  day(date: IsoDate): CalendarDay {
    const info = this.info(date);
    return { date, type: info.type, name: info.name };
  }

  isWorkingDay(date: IsoDate): boolean {
    return isWorkingDayType(this.info(date).type);
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: IsoDate): IsoDate {
    return this.addWorkingDays(date, 1);
  }

  /** The last working day strictly before `date`. */
  previousWorkingDay(date: IsoDate): IsoDate {
    return this.addWorkingDays(date, -1);
  }

  /** `date` itself when it is a working day, otherwise the next working day (roll-over). */
  workingDayOnOrAfter(date: IsoDate): IsoDate {
    return this.isWorkingDay(date) ? date : this.nextWorkingDay(date);
  }

  /** `date` itself when it is a working day, otherwise the previous working day. */
  workingDayOnOrBefore(date: IsoDate): IsoDate {
    return this.isWorkingDay(date) ? date : this.previousWorkingDay(date);
  }

  /**
   * Counts `n` working days from `from`, the start day excluded (《民法典》第二百零一条；《民事诉讼法》第八十五条第二款, 《民法典》第二百零一条): the result
   * is the n-th working day after `from` (before it when n < 0). n = 0 returns `from` unchanged.
   */
  addWorkingDays(from: IsoDate, n: number): IsoDate {
    if (!Number.isInteger(n)) throw new RangeError(`addWorkingDays: n must be an integer, got ${n}`);
    this.info(from);
    const step = n < 0 ? -1 : 1;
    let epochDay = toEpochDay(from);
    for (let counted = 0; counted < Math.abs(n); ) {
      epochDay += step;
      if (this.isWorkingDay(fromEpochDay(epochDay))) counted++;
    }
    return fromEpochDay(epochDay);
  }

  /**
   * Working days in the half-open interval (a, b] — the counterpart of addWorkingDays, so
   * workingDaysBetween(a, addWorkingDays(a, n)) === n. Negative when b is before a.
   */
  workingDaysBetween(a: IsoDate, b: IsoDate): number {
    const order = compare(a, b);
    if (order === 0) {
      this.info(a);
      return 0;
    }
    const [from, to] = order < 0 ? [a, b] : [b, a];
    this.info(from);
    let count = 0;
    for (let date = addDays(from, 1); compare(date, to) <= 0; date = addDays(date, 1)) {
      if (this.isWorkingDay(date)) count++;
    }
    return order < 0 ? count : -count;
  }

  /** Rows for the inclusive range [from, to]. */
  range(from: IsoDate, to: IsoDate): CalendarDay[] {
    const rows: CalendarDay[] = [];
    for (let date = from; compare(date, to) <= 0; date = addDays(date, 1)) rows.push(this.day(date));
    return rows;
  }
}

/** Calendar of the seeded national notices (2024–2026), for tests and first start-up. */
export function createSeedCalendar(overrides: readonly CalendarOverride[] = []): WorkCalendar {
  return WorkCalendar.fromNotices(SEED_NOTICES, overrides);
}
