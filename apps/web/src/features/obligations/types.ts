import type { Schema } from '../../lib/api-types';
import { chineseDateOrDash } from '../../lib/time';
import { moneyInText } from '../../lib/money';

export type Obligation = Schema<'Obligation'>;
export type ObligationPayment = Schema<'ObligationPayment'>;
export type ObligationList = Schema<'ObligationList'>;
export type ObligationNextStepResult = Schema<'ObligationNextStepResult'>;
export type UnpaidObligationsByAge = Schema<'UnpaidObligationsByAge'>;

/** 15,600.00元 */
export const yuanText = (fen: number) => moneyInText(fen);

/** 2026-12-07 → 2026年12月7日 */
export const dateText = (iso: string | null) => chineseDateOrDash(iso);

export const STATUS_COLORS: Record<Obligation['status'], string> = {
  awaiting_effect: 'default',
  open: 'blue',
  part_paid: 'gold',
  overdue: 'red',
  paid: 'green',
};

export const PAYER_OPTIONS = [
  { value: 'debtor', label: '义务人' },
  { value: 'general_contractor', label: '总承包单位代发' },
  { value: 'wage_deposit', label: '工资保证金' },
  { value: 'emergency_fund', label: '应急周转金' },
  { value: 'other', label: '其他' },
] as const;
