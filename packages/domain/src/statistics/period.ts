/**
 * Reporting periods (统计期): a month, a quarter, a year or a custom range of dates, inclusive, as
 * 'YYYY-MM-DD' business dates (Beijing time). The 人社统计报表制度 reports by quarter and year; the
 * leaders may ask for any range.
 */

export type PeriodKind = 'month' | 'quarter' | 'year' | 'custom';

export interface PeriodInput {
  kind: PeriodKind;
  year?: number | undefined;
  month?: number | undefined;
  quarter?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export interface Period {
  kind: PeriodKind;
  from: string;
  to: string;
  label: string;
}

export class PeriodError extends Error {
  constructor(
    readonly code: 'PERIOD_INVALID',
    message: string,
  ) {
    super(message);
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isIsoDate(s: string | undefined): s is string {
  if (!s || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  return m >= 1 && m <= 12 && d >= 1 && d <= lastDay(y, m);
}

function needYear(year: number | undefined): number {
  if (year === undefined || !Number.isInteger(year) || year < 2000 || year > 2199)
    throw new PeriodError('PERIOD_INVALID', '请选择统计年份（2000—2199）');
  return year;
}

/** Resolves a period; throws PeriodError with a Chinese message on a bad input. */
export function resolvePeriod(p: PeriodInput): Period {
  switch (p.kind) {
    case 'month': {
      const y = needYear(p.year);
      const m = p.month;
      if (m === undefined || !Number.isInteger(m) || m < 1 || m > 12)
        throw new PeriodError('PERIOD_INVALID', '请选择统计月份（1—12）');
      return {
        kind: 'month',
        from: `${y}-${pad(m)}-01`,
        to: `${y}-${pad(m)}-${pad(lastDay(y, m))}`,
        label: `${y}年${m}月`,
      };
    }
    case 'quarter': {
      const y = needYear(p.year);
      const q = p.quarter;
      if (q === undefined || !Number.isInteger(q) || q < 1 || q > 4)
        throw new PeriodError('PERIOD_INVALID', '请选择统计季度（1—4）');
      const m1 = (q - 1) * 3 + 1;
      const m3 = m1 + 2;
      return {
        kind: 'quarter',
        from: `${y}-${pad(m1)}-01`,
        to: `${y}-${pad(m3)}-${pad(lastDay(y, m3))}`,
        label: `${y}年第${'一二三四'[q - 1]}季度`,
      };
    }
    case 'year': {
      const y = needYear(p.year);
      return { kind: 'year', from: `${y}-01-01`, to: `${y}-12-31`, label: `${y}年` };
    }
    case 'custom': {
      if (!isIsoDate(p.from) || !isIsoDate(p.to))
        throw new PeriodError('PERIOD_INVALID', '自定义统计期须填写有效的起止日期（YYYY-MM-DD）');
      if (p.from > p.to) throw new PeriodError('PERIOD_INVALID', '统计期的开始日期不能晚于结束日期');
      return { kind: 'custom', from: p.from, to: p.to, label: `${p.from}至${p.to}` };
    }
    default:
      throw new PeriodError('PERIOD_INVALID', '统计期类型只能是月、季、年或自定义');
  }
}

/** The quarter before the one containing `today` (the usual quarterly report). */
export function previousQuarter(today: string): { year: number; quarter: number } {
  const y = Number(today.slice(0, 4));
  const q = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  return q === 1 ? { year: y - 1, quarter: 4 } : { year: y, quarter: q - 1 };
}

/** The months (YYYY-MM) a period touches, in order: the x axis of the trend charts. */
export function monthsOf(period: Period): string[] {
  const out: string[] = [];
  let y = Number(period.from.slice(0, 4));
  let m = Number(period.from.slice(5, 7));
  const endKey = period.to.slice(0, 7);
  for (;;) {
    const key = `${y}-${pad(m)}`;
    out.push(key);
    if (key >= endKey || out.length > 240) break;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}
