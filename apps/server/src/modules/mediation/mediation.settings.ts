import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { DEFAULT_CRITERIA, type SimpleCriteria } from './mediation.rules';

type Exec = Kysely<DB> | Transaction<DB>;

export interface MinimumWageArea {
  code: string;
  area: string;
  monthlyFen: number;
  hourlyFen: number;
}

export interface LocalFigure {
  key: string;
  label: string;
  value: unknown;
  basis: string | null;
  version: number;
}

/** Keys administrators may edit through this module (local figures and the "small and simple" criteria). */
export const EDITABLE_KEYS = [
  'mediation.simple.max_total_fen',
  'mediation.simple.require_undisputed_facts',
  'mediation.simple.max_employers',
  'mediation.proposal.reply_days',
  'calc.local_average_monthly_wage_fen',
  'calc.monthly_pay_days',
  'calc.minimum_wage',
] as const;
export type EditableKey = (typeof EDITABLE_KEYS)[number];

export async function loadFigures(exec: Exec): Promise<LocalFigure[]> {
  const rows = await exec
    .selectFrom('setting')
    .select(['key', 'label', 'value', 'basis', 'version'])
    .where('key', 'in', [...EDITABLE_KEYS])
    .orderBy('key')
    .execute();
  return rows.map((r) => ({
    key: r.key,
    label: r.label,
    value: r.value,
    basis: r.basis,
    version: r.version,
  }));
}

function numberOf(figures: LocalFigure[], key: EditableKey, fallback: number): number {
  const v = figures.find((f) => f.key === key)?.value;
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

export async function loadCriteria(exec: Exec): Promise<SimpleCriteria> {
  const f = await loadFigures(exec);
  const undisputed = f.find((x) => x.key === 'mediation.simple.require_undisputed_facts')?.value;
  return {
    maxTotalFen: numberOf(f, 'mediation.simple.max_total_fen', DEFAULT_CRITERIA.maxTotalFen),
    requireUndisputedFacts:
      typeof undisputed === 'boolean' ? undisputed : DEFAULT_CRITERIA.requireUndisputedFacts,
    maxEmployers: numberOf(f, 'mediation.simple.max_employers', DEFAULT_CRITERIA.maxEmployers),
  };
}

export async function replyDays(exec: Exec): Promise<number> {
  return numberOf(await loadFigures(exec), 'mediation.proposal.reply_days', 5);
}

export interface CalcFigures {
  localAverageMonthlyWageFen: number;
  monthlyPayDays: number;
  minimumWage: MinimumWageArea[];
  figures: LocalFigure[];
}

export async function loadCalcFigures(exec: Exec): Promise<CalcFigures> {
  const figures = await loadFigures(exec);
  const mw = figures.find((f) => f.key === 'calc.minimum_wage')?.value;
  return {
    localAverageMonthlyWageFen: numberOf(figures, 'calc.local_average_monthly_wage_fen', 0),
    monthlyPayDays: numberOf(figures, 'calc.monthly_pay_days', 21.75),
    minimumWage: Array.isArray(mw) ? (mw as MinimumWageArea[]) : [],
    figures: figures.filter((f) => f.key.startsWith('calc.')),
  };
}

/** Value checks per key (Chinese messages); null when valid. */
export function figureProblem(key: EditableKey, value: unknown): string | null {
  const fen = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
  switch (key) {
    case 'mediation.simple.max_total_fen':
    case 'calc.local_average_monthly_wage_fen':
      return fen(value) ? null : '金额须为不小于零的整数（分）';
    case 'mediation.simple.max_employers':
    case 'mediation.proposal.reply_days':
      return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 60
        ? null
        : '须为1至60之间的整数';
    case 'mediation.simple.require_undisputed_facts':
      return typeof value === 'boolean' ? null : '须为是或否';
    case 'calc.monthly_pay_days':
      return typeof value === 'number' && value > 0 && value < 31 && Math.round(value * 100) === value * 100
        ? null
        : '月计薪天数须为正数且最多两位小数';
    case 'calc.minimum_wage':
      return Array.isArray(value) &&
        value.every(
          (a) =>
            typeof a === 'object' &&
            a !== null &&
            typeof (a as MinimumWageArea).code === 'string' &&
            typeof (a as MinimumWageArea).area === 'string' &&
            fen((a as MinimumWageArea).monthlyFen) &&
            fen((a as MinimumWageArea).hourlyFen),
        )
        ? null
        : '最低工资标准须为地区列表（地区代码、名称、月标准与小时标准，单位分）';
  }
}
