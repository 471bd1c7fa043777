import { formatYuan } from '../claims/money';
import {
  type CalcResult,
  DEFAULT_WAGE_CONVERSION,
  divRound,
  invalidInput,
  num,
  requireFen,
  requireHours,
  type WageConversionSettings,
} from './common';

export interface WageItem {
  /** Label of the pay period, e.g. '2025年10月'. */
  period: string;
  dueFen: number;
  paidFen: number;
}

/** Unpaid wages: Σ max(0, due − paid) per pay period (劳动法第五十条；工资支付暂行规定第七条). */
export function unpaidWages(items: readonly WageItem[]): CalcResult {
  if (items.length === 0) invalidInput('至少填写一个工资期间', 'items');
  let total = 0;
  const lines: string[] = [];
  for (const item of items) {
    requireFen(item.dueFen, '应发工资');
    requireFen(item.paidFen, '已发工资');
    const owed = Math.max(0, item.dueFen - item.paidFen);
    total += owed;
    lines.push(
      `${item.period}：应发${formatYuan(item.dueFen)} − 已发${formatYuan(item.paidFen)} = ${formatYuan(owed)}`,
    );
  }
  return {
    amountFen: total,
    formula: `${lines.join('；')}；合计${formatYuan(total)}`,
    basis: '《劳动法》第五十条；《工资支付暂行规定》第七条；《保障农民工工资支付条例》第十一条',
  };
}

function payDaysHundredths(settings: WageConversionSettings): number {
  const d = Math.round(settings.monthlyPayDays * 100);
  if (d <= 0 || d !== settings.monthlyPayDays * 100)
    invalidInput('月计薪天数须为正数且最多两位小数', 'monthlyPayDays');
  if (!Number.isInteger(settings.hoursPerDay) || settings.hoursPerDay <= 0) {
    invalidInput('每日工作小时须为正整数', 'hoursPerDay');
  }
  return d;
}

/** Hourly wage = monthly wage ÷ 21.75 ÷ 8 (劳社部发〔2008〕3号), rounded to the fen. */
export function hourlyWage(
  monthlyWageFen: number,
  settings: WageConversionSettings = DEFAULT_WAGE_CONVERSION,
): CalcResult {
  requireFen(monthlyWageFen, '月工资');
  const days = payDaysHundredths(settings);
  const amountFen = divRound(monthlyWageFen * 100, days * settings.hoursPerDay);
  return {
    amountFen,
    formula: `小时工资 = 月工资${formatYuan(monthlyWageFen)} ÷ ${num(settings.monthlyPayDays)} ÷ ${settings.hoursPerDay} ≈ ${formatYuan(amountFen)}`,
    basis: '《关于职工全年月平均工作时间和工资折算问题的通知》（劳社部发〔2008〕3号）',
  };
}

export interface OvertimeInput {
  /** Wage base for overtime (加班工资计算基数), per month. */
  monthlyWageFen: number;
  /** Hours beyond the working day on working days: 150 %. */
  workdayHours: number;
  /** Hours on rest days with no compensatory time off (不能安排补休): 200 %. */
  restDayHours: number;
  /** Hours on statutory holidays: 300 %. */
  holidayHours: number;
}

/**
 * Overtime pay (劳动法第四十四条): hourly wage × hours × 150 % / 200 % / 300 %.
 * Computed on the exact hourly wage and rounded once at the end.
 */
export function overtimePay(
  input: OvertimeInput,
  settings: WageConversionSettings = DEFAULT_WAGE_CONVERSION,
): CalcResult {
  requireFen(input.monthlyWageFen, '加班工资计算基数');
  requireHours(input.workdayHours, '工作日延长工作时间');
  requireHours(input.restDayHours, '休息日加班时间');
  requireHours(input.holidayHours, '法定休假日加班时间');
  const days = payDaysHundredths(settings);
  // Σ hours × percent, in hundredths of an hour, so everything below is integer arithmetic.
  const weighted =
    Math.round(input.workdayHours * 100) * 150 +
    Math.round(input.restDayHours * 100) * 200 +
    Math.round(input.holidayHours * 100) * 300;
  // amount = monthly × (weighted / 100 / 100) / (days / 100 × hours)
  const amountFen = divRound(input.monthlyWageFen * weighted, days * settings.hoursPerDay * 100);
  const hourly = hourlyWage(input.monthlyWageFen, settings);
  const parts = [
    input.workdayHours > 0 ? `工作日延长${num(input.workdayHours)}小时 × 150%` : '',
    input.restDayHours > 0 ? `休息日${num(input.restDayHours)}小时 × 200%` : '',
    input.holidayHours > 0 ? `法定休假日${num(input.holidayHours)}小时 × 300%` : '',
  ].filter(Boolean);
  return {
    amountFen,
    formula: `${hourly.formula}；加班费 = 小时工资 × （${parts.join(' + ') || '0小时'}） = ${formatYuan(amountFen)}`,
    basis: '《劳动法》第四十四条；《工资支付暂行规定》第十三条；劳社部发〔2008〕3号',
    notes: input.restDayHours > 0 ? ['休息日加班已安排补休的，不支付200%加班工资'] : [],
  };
}
