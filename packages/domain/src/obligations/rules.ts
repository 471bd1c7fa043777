import { addDays, daysBetween, type IsoDate } from '../calendar/date';

/**
 * Obligations (履行义务) created by an issued legal document, as data: which documents create them,
 * when the document takes effect, when payment is due, and what the worker can do when it is not paid.
 * Every rule carries its statute and article.
 */

export const OBLIGATION_SOURCES = [
  'mediation_agreement',
  'arbitration_award_final',
  'arbitration_award_non_final',
  'arbitral_mediation_statement',
  'order_to_correct',
  'court_confirmation',
] as const;
export type ObligationSource = (typeof OBLIGATION_SOURCES)[number];

export type Effectiveness = 'on_signing' | 'on_making' | 'after_suit_period' | 'on_receipt' | 'on_ruling';

export interface ObligationSourceRule {
  source: ObligationSource;
  label: string;
  /** When the document becomes binding. */
  effective: Effectiveness;
  /** Days after service for 'after_suit_period' (the period to sue; the clock engine rolls it over). */
  suitDays?: number;
  /** Clock rule computing the effective date, when the law sets a period. */
  clockRuleId?: string;
  /** Enforcement by the people's court is available (执行依据). */
  enforceable: boolean;
  basis: string;
  /** How the document takes effect, as the 送达及生效证明书 states it (enforceable documents of the center). */
  effectText?: string;
}

export const OBLIGATION_SOURCE_RULES: Readonly<Record<ObligationSource, ObligationSourceRule>> = {
  mediation_agreement: {
    source: 'mediation_agreement',
    label: '调解协议书',
    effective: 'on_signing',
    enforceable: false,
    basis: '《劳动争议调解仲裁法》第十四条、第十五条',
  },
  arbitration_award_final: {
    source: 'arbitration_award_final',
    label: '终局裁决书',
    effective: 'on_making',
    enforceable: true,
    basis: '《劳动争议调解仲裁法》第四十七条、第五十一条',
    effectText:
      '该裁决为终局裁决，自作出之日起发生法律效力（《中华人民共和国劳动争议调解仲裁法》第四十七条）。',
  },
  arbitration_award_non_final: {
    source: 'arbitration_award_non_final',
    label: '裁决书',
    effective: 'after_suit_period',
    suitDays: 15,
    clockRuleId: 'arbitration.non-final-award.suit',
    enforceable: true,
    basis: '《劳动争议调解仲裁法》第四十八条、第五十条、第五十一条',
    effectText:
      '当事人自收到裁决书之日起十五日内未向人民法院提起诉讼的，裁决书发生法律效力（《中华人民共和国劳动争议调解仲裁法》第四十八条、第五十条）。',
  },
  arbitral_mediation_statement: {
    source: 'arbitral_mediation_statement',
    label: '仲裁调解书',
    effective: 'on_receipt',
    enforceable: true,
    basis: '《劳动争议调解仲裁法》第四十二条第三款、第五十一条',
    effectText:
      '调解书经双方当事人签收后，发生法律效力（《中华人民共和国劳动争议调解仲裁法》第四十二条第三款）。',
  },
  order_to_correct: {
    source: 'order_to_correct',
    label: '责令改正指令书',
    effective: 'on_receipt',
    enforceable: false,
    basis: '《劳动保障监察条例》第十八条、第二十六条',
  },
  court_confirmation: {
    source: 'court_confirmation',
    label: '司法确认裁定书',
    effective: 'on_ruling',
    enforceable: true,
    basis: '《中华人民共和国民事诉讼法》第二百零五条、第二百零六条',
  },
};

/** Obligation states; 'overdue' is stored by the sweep so the list and the leader page can filter on it. */
export const OBLIGATION_STATUSES = ['awaiting_effect', 'open', 'part_paid', 'overdue', 'paid'] as const;
export type ObligationStatus = (typeof OBLIGATION_STATUSES)[number];

export const OBLIGATION_STATUS_LABELS: Readonly<Record<ObligationStatus, string>> = {
  awaiting_effect: '待生效',
  open: '待履行',
  part_paid: '部分履行',
  overdue: '逾期未履行',
  paid: '已履行',
};

/**
 * The state of an obligation from its confirmed payments and the business date: paid in full; past the
 * due date with money outstanding (overdue, 当日仍可履行 so overdue starts the day after); part paid; open.
 */
export function obligationStatus(o: {
  amountFen: number;
  paidFen: number;
  dueDate: IsoDate | null;
  today: IsoDate;
}): ObligationStatus {
  if (o.paidFen >= o.amountFen) return 'paid';
  if (o.dueDate === null) return 'awaiting_effect';
  if (o.today > o.dueDate) return 'overdue';
  return o.paidFen > 0 ? 'part_paid' : 'open';
}

/** Days past the due date (0 when not overdue). */
export function daysOverdue(dueDate: IsoDate | null, today: IsoDate): number {
  if (!dueDate || today <= dueDate) return 0;
  return daysBetween(dueDate, today);
}

/** Age bands of unpaid obligations on the leader page (days past the due date). */
export const OVERDUE_AGE_BANDS = [
  { id: 'not_due', label: '未到期', min: 0, max: 0 },
  { id: 'd1_30', label: '逾期30日以内', min: 1, max: 30 },
  { id: 'd31_90', label: '逾期31至90日', min: 31, max: 90 },
  { id: 'd91_plus', label: '逾期90日以上', min: 91, max: Number.POSITIVE_INFINITY },
] as const;
export type OverdueAgeBand = (typeof OVERDUE_AGE_BANDS)[number]['id'];

export function ageBand(days: number): OverdueAgeBand {
  return OVERDUE_AGE_BANDS.find((b) => days >= b.min && days <= b.max)!.id;
}

/** Instalments of one agreed item: amounts must add up to the item, dates strictly increasing. */
export interface Instalment {
  amountFen: number;
  dueDate: IsoDate;
}

export function instalmentProblem(totalFen: number, instalments: readonly Instalment[]): string | null {
  if (instalments.length === 0) return null;
  const sum = instalments.reduce((s, i) => s + i.amountFen, 0);
  if (sum !== totalFen) {
    return `分期金额合计${(sum / 100).toFixed(2)}元，与协议金额${(totalFen / 100).toFixed(2)}元不符`;
  }
  for (let i = 1; i < instalments.length; i++) {
    if (instalments[i]!.dueDate <= instalments[i - 1]!.dueDate) return '分期履行日期须依次在后';
  }
  return null;
}

/** Adds calendar days (a plain date step; legal periods go through the clock engine). */
export function plusDays(date: IsoDate, days: number): IsoDate {
  return addDays(date, days);
}
