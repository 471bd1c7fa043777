import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { readSetting, readSettingViews, readSettings } from '../../platform/settings';
import type { SimpleCriteria } from './mediation.rules';

type Exec = Kysely<DB> | Transaction<DB>;

export interface MinimumWageArea {
  code: string;
  area: string;
  monthlyFen: number;
  hourlyFen: number;
}

/** A local figure's value as the settings registry types it: an amount, a yes/no or the minimum-wage table. */
export type FigureValue =
  | number
  | boolean
  | { code: string; area: string; monthlyFen: number; hourlyFen: number }[];

export interface LocalFigure {
  key: string;
  label: string;
  value: FigureValue;
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

/** The editable figures as stored, through the settings registry (the declared default and basis when no row). */
export async function loadFigures(exec: Exec): Promise<LocalFigure[]> {
  const views = await readSettingViews(exec, EDITABLE_KEYS);
  return views.map((v) => ({
    key: v.key,
    label: v.label,
    // Read through the registry (platform/settings.ts): a value of its declared type, else the default.
    value: v.value as FigureValue,
    basis: v.basis ?? v.declaredBasis,
    version: v.version,
  }));
}

/** The "small and simple" criteria for 中心就地调解, typed by the registry. */
export async function loadCriteria(exec: Exec): Promise<SimpleCriteria> {
  const s = await readSettings(exec, [
    'mediation.simple.max_total_fen',
    'mediation.simple.require_undisputed_facts',
    'mediation.simple.max_employers',
  ]);
  return {
    maxTotalFen: s['mediation.simple.max_total_fen'],
    requireUndisputedFacts: s['mediation.simple.require_undisputed_facts'],
    maxEmployers: s['mediation.simple.max_employers'],
  };
}

export async function replyDays(exec: Exec): Promise<number> {
  return readSetting(exec, 'mediation.proposal.reply_days');
}

export interface CalcFigures {
  localAverageMonthlyWageFen: number;
  monthlyPayDays: number;
  minimumWage: MinimumWageArea[];
  figures: LocalFigure[];
}

export async function loadCalcFigures(exec: Exec): Promise<CalcFigures> {
  const figures = await loadFigures(exec);
  const s = await readSettings(exec, [
    'calc.local_average_monthly_wage_fen',
    'calc.monthly_pay_days',
    'calc.minimum_wage',
  ]);
  return {
    localAverageMonthlyWageFen: s['calc.local_average_monthly_wage_fen'],
    monthlyPayDays: s['calc.monthly_pay_days'],
    minimumWage: s['calc.minimum_wage'],
    figures: figures.filter((f) => f.key.startsWith('calc.')),
  };
}
