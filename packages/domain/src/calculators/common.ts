import { DomainError } from '../workflows/errors';

/** Every calculator returns the amount, the worked formula (Chinese, shown on the proposal) and the basis. */
export interface CalcResult {
  amountFen: number;
  formula: string;
  basis: string;
  /** Caveats the mediator must check (e.g. service before 2008). */
  notes?: string[];
}

export interface WageConversionSettings {
  /** 月计薪天数 (劳社部发〔2008〕3号: 21.75). At most two decimals. */
  monthlyPayDays: number;
  /** Standard hours per day (国务院关于职工工作时间的规定第三条: 8). */
  hoursPerDay: number;
}

export const DEFAULT_WAGE_CONVERSION: Readonly<WageConversionSettings> = {
  monthlyPayDays: 21.75,
  hoursPerDay: 8,
};

export function invalidInput(message: string, field: string): never {
  throw new DomainError('CALC_INVALID_INPUT', message, { field });
}

export function requireFen(value: number, field: string): void {
  if (!Number.isSafeInteger(value) || value < 0) invalidInput(`${field}须为不小于零的整数（分）`, field);
}

export function requireHours(value: number, field: string): void {
  if (!Number.isFinite(value) || value < 0 || Math.round(value * 100) !== value * 100) {
    invalidInput(`${field}须为不小于零、最多两位小数的小时数`, field);
  }
}

/** Integer division rounded half up (non-negative operands): no floating-point drift on money. */
export function divRound(numerator: number, denominator: number): number {
  const q = Math.floor(numerator / denominator);
  const r = numerator - q * denominator;
  return 2 * r >= denominator ? q + 1 : q;
}

/** Decimal text of a number with up to two places, without trailing zeros: 21.75, 8, 0.5. */
export function num(value: number): string {
  return String(Math.round(value * 100) / 100);
}
