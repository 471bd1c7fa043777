import { addDays, addMonths, daysInMonth, isIsoDate, wholeMonthsBetween } from '../claims/dates';
import { formatYuan } from '../claims/money';
import { type CalcResult, divRound, invalidInput, requireFen } from './common';

export interface ServicePeriod {
  /** First day of employment (用工之日). */
  startDate: string;
  /** Last day of employment (termination date). */
  endDate: string;
}

export interface ServiceYears {
  /** Compensation months N, in steps of 0.5. */
  years: number;
  wholeYears: number;
  remainderMonths: number;
  remainderDays: number;
  text: string;
}

function requireDates(p: ServicePeriod): void {
  if (!isIsoDate(p.startDate)) invalidInput('入职日期格式应为YYYY-MM-DD', 'startDate');
  if (!isIsoDate(p.endDate)) invalidInput('离职日期格式应为YYYY-MM-DD', 'endDate');
  if (p.endDate < p.startDate) invalidInput('离职日期不能早于入职日期', 'endDate');
}

/**
 * Years of service for economic compensation (劳动合同法第四十七条第一款): one month per full year;
 * a remainder of six months or more counts as one year, less than six months as half a year.
 */
export function serviceYears(period: ServicePeriod): ServiceYears {
  requireDates(period);
  const { months, days } = wholeMonthsBetween(period.startDate, addDays(period.endDate, 1));
  const wholeYears = Math.floor(months / 12);
  const remainderMonths = months % 12;
  const extra = remainderMonths >= 6 ? 1 : remainderMonths > 0 || days > 0 ? 0.5 : 0;
  const years = wholeYears + extra;
  const span = `${wholeYears}年${remainderMonths}个月${days ? `${days}天` : ''}`;
  const rule = extra === 1 ? '（零头满六个月按一年计）' : extra === 0.5 ? '（零头不满六个月按半年计）' : '';
  return {
    years,
    wholeYears,
    remainderMonths,
    remainderDays: days,
    text: `工作年限${period.startDate}至${period.endDate}共${span}${rule}，计${years}个月工资`,
  };
}

export interface CompensationInput extends ServicePeriod {
  /** Worker's average monthly wage over the 12 months before termination (第四十七条第三款). */
  averageMonthlyWageFen: number;
}

export interface CompensationSettings {
  /** 本地区上年度职工月平均工资, published by the municipal government (第四十七条第二款). */
  localAverageMonthlyWageFen: number;
}

/** N with the base and year caps applied, plus the explanation. */
function computeN(input: CompensationInput, settings: CompensationSettings) {
  requireFen(input.averageMonthlyWageFen, '月平均工资');
  requireFen(settings.localAverageMonthlyWageFen, '本地区上年度职工月平均工资');
  const service = serviceYears(input);
  const capFen = settings.localAverageMonthlyWageFen * 3;
  const capped = input.averageMonthlyWageFen > capFen;
  const baseFen = capped ? capFen : input.averageMonthlyWageFen;
  const years = capped ? Math.min(service.years, 12) : service.years;
  const amountFen = divRound(baseFen * Math.round(years * 2), 2);
  const baseText = capped
    ? `月工资${formatYuan(input.averageMonthlyWageFen)}高于本地区上年度职工月平均工资${formatYuan(settings.localAverageMonthlyWageFen)}的三倍，按${formatYuan(capFen)}计算${service.years > 12 ? '，年限最高不超过十二年' : ''}`
    : `月工资基数${formatYuan(baseFen)}`;
  const notes =
    input.startDate < '2008-01-01'
      ? [
          '2008年1月1日前的工作年限，经济补偿按当时有关规定计算（劳动合同法第九十七条第三款），请核对分段计算结果',
        ]
      : [];
  return {
    amountFen,
    years,
    baseFen,
    notes,
    formula: `${service.text}；${baseText}；经济补偿N = ${formatYuan(baseFen)} × ${years} = ${formatYuan(amountFen)}`,
  };
}

const N_BASIS = '《劳动合同法》第四十六条、第四十七条；《劳动合同法实施条例》第二十七条';

/** Economic compensation N (劳动合同法第四十七条), capped at 3× local average wage and then 12 years. */
export function economicCompensation(input: CompensationInput, settings: CompensationSettings): CalcResult {
  const n = computeN(input, settings);
  return { amountFen: n.amountFen, formula: n.formula, basis: N_BASIS, notes: n.notes };
}

/**
 * N+1 (劳动合同法第四十条): termination without fault with pay in lieu of notice; the extra month is the
 * previous month's wage (实施条例第二十条), not capped.
 */
export function compensationWithNotice(
  input: CompensationInput & { lastMonthWageFen: number },
  settings: CompensationSettings,
): CalcResult {
  requireFen(input.lastMonthWageFen, '上一个月工资');
  const n = computeN(input, settings);
  const amountFen = n.amountFen + input.lastMonthWageFen;
  return {
    amountFen,
    formula: `${n.formula}；代通知金（上一个月工资）${formatYuan(input.lastMonthWageFen)}；N+1 = ${formatYuan(amountFen)}`,
    basis: '《劳动合同法》第四十条、第四十六条、第四十七条；《劳动合同法实施条例》第二十条',
    notes: n.notes,
  };
}

/**
 * 2N damages for unlawful termination (劳动合同法第八十七条): twice the economic compensation, and it
 * replaces the compensation (实施条例第二十五条: do not add both).
 */
export function unlawfulTerminationDamages(
  input: CompensationInput,
  settings: CompensationSettings,
): CalcResult {
  const n = computeN(input, settings);
  const amountFen = n.amountFen * 2;
  return {
    amountFen,
    formula: `${n.formula}；赔偿金2N = ${formatYuan(n.amountFen)} × 2 = ${formatYuan(amountFen)}（已支付赔偿金的，不再支付经济补偿）`,
    basis: '《劳动合同法》第四十八条、第八十七条；《劳动合同法实施条例》第二十五条',
    notes: n.notes,
  };
}

/** ISO dates compare as strings; Math.min does not apply. */
function earlierDate(a: string, b: string): string {
  if (a < b) return a;
  return b;
}

export interface DoubleWagesInput {
  /** 用工之日. */
  employmentStart: string;
  /** Last day without a written contract: the day before signing, or the last day of employment. */
  lastDayWithoutContract: string;
  monthlyWageFen: number;
}

/**
 * The extra wage for months without a written contract (劳动合同法第八十二条; 实施条例第六条、第七条):
 * from the day after one month of employment to the day before signing, at most until one year
 * (11 months). A partial month is prorated by the calendar days of that month.
 */
export function doubleWagesNoContract(input: DoubleWagesInput): CalcResult {
  requireFen(input.monthlyWageFen, '月工资');
  requireDates({ startDate: input.employmentStart, endDate: input.lastDayWithoutContract });
  const from = addMonths(input.employmentStart, 1);
  const oneYear = addMonths(input.employmentStart, 12);
  const untilExclusive = addDays(input.lastDayWithoutContract, 1);
  const to = earlierDate(untilExclusive, oneYear);
  const { months, days } = wholeMonthsBetween(from, to);
  const partialStart = addMonths(from, months);
  const [py, pm] = partialStart.split('-').map(Number) as [number, number];
  const dim = daysInMonth(py, pm);
  const partialFen = days > 0 ? divRound(input.monthlyWageFen * days, dim) : 0;
  const amountFen = input.monthlyWageFen * months + partialFen;
  const period =
    to > from
      ? `${from}至${addDays(to, -1)}，共${months}个月${days ? `${days}天` : ''}`
      : '不满一个月，无二倍工资';
  const partialText = days > 0 ? ` + ${formatYuan(input.monthlyWageFen)} × ${days}/${dim}` : '';
  return {
    amountFen,
    formula: `二倍工资差额期间：${period}（最长十一个月）；差额 = ${formatYuan(input.monthlyWageFen)} × ${months}${partialText} = ${formatYuan(amountFen)}`,
    basis: '《劳动合同法》第十条、第八十二条；《劳动合同法实施条例》第六条、第七条',
    notes:
      to === oneYear && untilExclusive > oneYear
        ? ['满一年仍未订立书面劳动合同的，视为已订立无固定期限劳动合同']
        : [],
  };
}
