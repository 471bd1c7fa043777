import { chineseDate } from '../time';
import { CLAIM_CATALOGUE, isClaimType } from './catalogue';

/** What a claim label is built from: the catalogue type and the period the claim covers. */
export interface ClaimLabelInput {
  type: string;
  periodFrom?: string | null | undefined;
  periodTo?: string | null | undefined;
}

/** The catalogue name of a claim type ('支付拖欠工资'); an unknown code is shown as is. */
export function claimTypeLabel(type: string): string {
  return isClaimType(type) ? CLAIM_CATALOGUE[type].label : type;
}

const parts = (d: string) => {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  return { y, m, day };
};
const lastDayOfMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const full = (d: string) => chineseDate(d);

/**
 * The period of a claim in words: whole calendar months as '2025年9月' or '2025年9月至12月'
 * ('2025年11月至2026年2月' across years), otherwise '2025年9月5日至2025年10月4日'; one end only:
 * '2025年9月5日起' / '至2025年10月4日'. Null when the claim has no period.
 */
export function claimPeriodText(from?: string | null, to?: string | null): string | null {
  if (from && to) {
    const a = parts(from);
    const b = parts(to);
    if (a.day === 1 && b.day === lastDayOfMonth(b.y, b.m)) {
      if (a.y === b.y && a.m === b.m) return `${a.y}年${a.m}月`;
      return a.y === b.y ? `${a.y}年${a.m}月至${b.m}月` : `${a.y}年${a.m}月至${b.y}年${b.m}月`;
    }
    return from === to ? full(from) : `${full(from)}至${full(to)}`;
  }
  if (from) return `${full(from)}起`;
  if (to) return `至${full(to)}`;
  return null;
}

/**
 * The one label of a claim used by every list and document: '支付拖欠工资（2025年9月）', with the item
 * number when given: '第2项 支付拖欠工资（2025年10月）'. Claims of the same type are told apart by period.
 */
export function claimLabel(c: ClaimLabelInput, opts: { index?: number } = {}): string {
  const period = claimPeriodText(c.periodFrom, c.periodTo);
  const base = period ? `${claimTypeLabel(c.type)}（${period}）` : claimTypeLabel(c.type);
  return opts.index === undefined ? base : `第${opts.index + 1}项 ${base}`;
}

/** Several claims in one phrase, each quoted once: '“支付拖欠工资（2025年9月）”、“支付加班费”'. */
export function claimLabelList(claims: readonly ClaimLabelInput[]): string {
  return [...new Set(claims.map((c) => `“${claimLabel(c)}”`))].join('、');
}
