import {
  type CalcResult,
  compensationWithNotice,
  DEFAULT_WAGE_CONVERSION,
  doubleWagesNoContract,
  economicCompensation,
  isDomainError,
  overtimePay,
  unlawfulTerminationDamages,
  unpaidWages,
} from '@onestop/domain';
import { z } from 'zod';
import { AppError } from '../../platform/errors';
import type { CalcFigures, LocalFigure } from './mediation.settings';
import { isoDate as calendarDate } from '../../platform/schema-types';

const fen = z.number().int('金额须为整数（分）').min(0, '金额不能为负数').max(100_000_000_000);
const hours = z.number().min(0, '小时数不能为负数').max(10_000);
const date = calendarDate();
const service = { startDate: date, endDate: date, averageMonthlyWageFen: fen };

/** One entitlement calculation; `areaCode` adds the minimum-wage check of that area. */
export const calculationInput = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('unpaid_wages'),
    items: z
      .array(z.strictObject({ period: z.string().trim().min(1).max(40), dueFen: fen, paidFen: fen }))
      .min(1, '至少填写一个工资期间')
      .max(120),
    areaCode: z.string().max(12).optional(),
  }),
  z.strictObject({
    kind: z.literal('overtime_pay'),
    monthlyWageFen: fen,
    workdayHours: hours,
    restDayHours: hours,
    holidayHours: hours,
    areaCode: z.string().max(12).optional(),
  }),
  z.strictObject({ kind: z.literal('economic_compensation'), ...service }),
  z.strictObject({ kind: z.literal('compensation_with_notice'), ...service, lastMonthWageFen: fen }),
  z.strictObject({ kind: z.literal('unlawful_termination_damages'), ...service }),
  z.strictObject({
    kind: z.literal('double_wages_no_contract'),
    employmentStart: date,
    lastDayWithoutContract: date,
    monthlyWageFen: fen,
    areaCode: z.string().max(12).optional(),
  }),
]);
export type CalculationInput = z.infer<typeof calculationInput>;

export const CALCULATION_LABELS: Record<CalculationInput['kind'], string> = {
  unpaid_wages: '拖欠工资',
  overtime_pay: '加班费',
  economic_compensation: '经济补偿（N）',
  compensation_with_notice: '经济补偿及代通知金（N+1）',
  unlawful_termination_damages: '违法解除赔偿金（2N）',
  double_wages_no_contract: '未签书面劳动合同二倍工资差额',
};

/** The claim type a calculation usually supports (for the proposal form). */
export const CALCULATION_CLAIM: Record<CalculationInput['kind'], string> = {
  unpaid_wages: 'unpaid_wages',
  overtime_pay: 'overtime_pay',
  economic_compensation: 'economic_compensation',
  compensation_with_notice: 'economic_compensation',
  unlawful_termination_damages: 'unlawful_termination_damages',
  double_wages_no_contract: 'double_wages_no_contract',
};

export interface CalculationResult extends CalcResult {
  kind: CalculationInput['kind'];
  label: string;
  notes: string[];
  /** The local figures used, with their basis (admin data in `setting`). */
  figures: LocalFigure[];
}

function compute(input: CalculationInput, f: CalcFigures): { result: CalcResult; used: string[] } {
  const conversion = { ...DEFAULT_WAGE_CONVERSION, monthlyPayDays: f.monthlyPayDays };
  const local = { localAverageMonthlyWageFen: f.localAverageMonthlyWageFen };
  switch (input.kind) {
    case 'unpaid_wages':
      return { result: unpaidWages(input.items), used: [] };
    case 'overtime_pay':
      return { result: overtimePay(input, conversion), used: ['calc.monthly_pay_days'] };
    case 'economic_compensation':
      return { result: economicCompensation(input, local), used: ['calc.local_average_monthly_wage_fen'] };
    case 'compensation_with_notice':
      return { result: compensationWithNotice(input, local), used: ['calc.local_average_monthly_wage_fen'] };
    case 'unlawful_termination_damages':
      return {
        result: unlawfulTerminationDamages(input, local),
        used: ['calc.local_average_monthly_wage_fen'],
      };
    case 'double_wages_no_contract':
      return { result: doubleWagesNoContract(input), used: [] };
  }
}

/** 《最低工资规定》第十二条: the wage base may not be below the area's minimum wage. */
function minimumWageNote(input: CalculationInput, f: CalcFigures): { note: string | null; used: boolean } {
  if (!('areaCode' in input) || !input.areaCode) return { note: null, used: false };
  const area = f.minimumWage.find((a) => a.code === input.areaCode);
  if (!area) return { note: `未配置地区代码${input.areaCode}的最低工资标准`, used: false };
  const monthly =
    input.kind === 'unpaid_wages'
      ? Math.min(...input.items.map((i) => i.dueFen))
      : input.kind === 'overtime_pay' || input.kind === 'double_wages_no_contract'
        ? input.monthlyWageFen
        : null;
  if (monthly === null || monthly >= area.monthlyFen) return { note: null, used: true };
  return {
    note: `月工资${(monthly / 100).toFixed(2)}元低于${area.area}最低工资标准${(area.monthlyFen / 100).toFixed(2)}元，请核对是否另计最低工资差额（《最低工资规定》第十二条）`,
    used: true,
  };
}

/** Runs a domain calculator with the local figures; domain input errors become 400 CALC_INVALID_INPUT. */
export function calculate(input: CalculationInput, f: CalcFigures): CalculationResult {
  if (
    (input.kind === 'economic_compensation' ||
      input.kind === 'compensation_with_notice' ||
      input.kind === 'unlawful_termination_damages') &&
    f.localAverageMonthlyWageFen <= 0
  ) {
    throw new AppError(422, 'LOCAL_FIGURE_MISSING', '尚未配置本地区上年度职工月平均工资，请联系系统管理员');
  }
  let r: { result: CalcResult; used: string[] };
  try {
    r = compute(input, f);
  } catch (err) {
    if (isDomainError(err)) throw new AppError(400, err.code, err.message, err.details);
    throw err;
  }
  const mw = minimumWageNote(input, f);
  const used = new Set([...r.used, ...(mw.used ? ['calc.minimum_wage'] : [])]);
  return {
    kind: input.kind,
    label: CALCULATION_LABELS[input.kind],
    amountFen: r.result.amountFen,
    formula: r.result.formula,
    basis: r.result.basis,
    notes: [...(r.result.notes ?? []), ...(mw.note ? [mw.note] : [])],
    figures: f.figures.filter((x) => used.has(x.key)),
  };
}
