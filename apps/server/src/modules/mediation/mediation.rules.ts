import {
  CLAIM_CATALOGUE,
  claimLabel,
  claimTypeLabel as domainClaimTypeLabel,
  isClaimType,
} from '@onestop/domain';
import type { Reply } from './mediation.tables';

/** The "small and simple" criteria (settings rows mediation.simple.*), with their basis. */
export interface SimpleCriteria {
  maxTotalFen: number;
  requireUndisputedFacts: boolean;
  maxEmployers: number;
}

export const DEFAULT_CRITERIA: SimpleCriteria = {
  maxTotalFen: 5_000_000,
  requireUndisputedFacts: true,
  maxEmployers: 1,
};

export const SIMPLE_BASIS =
  '随人社函〔2023〕36号 五(一)3：对辖区内争议额度小、案情简单的争议由“一站式”劳动保障维权中心调解';

export interface SimpleFacts {
  totalFen: number;
  factsUndisputed: boolean;
  employerCount: number;
}

export interface WhoMediates {
  center: boolean;
  reasons: string[];
}

const yuan = (fen: number) => `${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2 })}元`;

/** Keeps the case at the center when every criterion holds; otherwise refer to a listed organisation. */
export function whoMediates(f: SimpleFacts, c: SimpleCriteria): WhoMediates {
  const reasons: string[] = [];
  let center = true;
  if (f.totalFen > c.maxTotalFen) {
    center = false;
    reasons.push(`争议总额${yuan(f.totalFen)}超过中心就地调解上限${yuan(c.maxTotalFen)}`);
  } else {
    reasons.push(`争议总额${yuan(f.totalFen)}未超过${yuan(c.maxTotalFen)}`);
  }
  if (c.requireUndisputedFacts && !f.factsUndisputed) {
    center = false;
    reasons.push('双方对事实有争议');
  } else if (c.requireUndisputedFacts) {
    reasons.push('事实无争议');
  }
  if (f.employerCount > c.maxEmployers) {
    center = false;
    reasons.push(`涉及${f.employerCount}个用人单位（上限${c.maxEmployers}个）`);
  } else {
    reasons.push(`涉及${f.employerCount}个用人单位`);
  }
  reasons.push(
    center ? '符合“争议额度小、案情简单”，由中心调解' : '不属于“争议额度小、案情简单”，转交调解组织',
  );
  return { center, reasons };
}

/** An item is agreed when both sides accepted it; refused when either side rejected it. */
export function itemOutcome(worker: Reply, employer: Reply): 'agreed' | 'refused' | 'open' {
  if (worker === 'rejected' || employer === 'rejected') return 'refused';
  if (worker === 'accepted' && employer === 'accepted') return 'agreed';
  return 'open';
}

/**
 * 《劳动争议调解仲裁法》第十六条: an unperformed agreement on wages, work-injury medical fees, economic compensation or damages
 * → 支付令 (《劳动争议调解仲裁法》第十六条); any other item → arbitration (第十五条).
 */
export function paymentOrderEligible(claimType: string): boolean {
  if (!isClaimType(claimType)) return false;
  const cat = CLAIM_CATALOGUE[claimType].finalAwardCategory;
  return (
    cat === 'remuneration' || cat === 'injury_medical' || cat === 'economic_compensation' || cat === 'damages'
  );
}

/** A claim's label with its period (domain claimLabel): a bare type code, or a matter_claim row. */
export function claimTypeLabel(
  c: string | { type: string; period_from?: string | null; period_to?: string | null },
): string {
  return typeof c === 'string'
    ? domainClaimTypeLabel(c)
    : claimLabel({ type: c.type, periodFrom: c.period_from, periodTo: c.period_to });
}

export const BASIS = {
  consent: '《劳动争议调解仲裁法》第三条、第五条（调解自愿）',
  refusal: '《劳动争议调解仲裁法》第五条：不愿调解的，可以直接向劳动争议仲裁委员会申请仲裁',
  agreement: '《劳动争议调解仲裁法》第十四条',
  failure:
    '《劳动争议调解仲裁法》第十四条第三款：自收到调解申请之日起十五日内未达成调解协议的，当事人可以依法申请仲裁',
  paymentOrder: '《劳动争议调解仲裁法》第十六条；最高人民法院劳动争议解释（一）第十三条第三款',
  nonPerformance: '《劳动争议调解仲裁法》第十五条',
  arbitralReview: '《劳动人事争议仲裁办案规则》第七十四条（自调解协议生效之日起十五日内共同申请）',
  judicialConfirmation:
    '《民事诉讼法》第二百零五条；《人民调解法》第三十三条（自调解协议生效之日起三十日内共同申请）',
} as const;
