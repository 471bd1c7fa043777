import { CLAIM_CATALOGUE, isClaimType } from '../claims/catalogue';
import type { ObligationSource } from './rules';

/**
 * What the worker (and the staff helping) can do when an obligation is overdue, per the law and the
 * document that created it. Offered in one action on the obligation.
 */
export const NEXT_STEPS = ['payment_order', 'enforcement', 'inspection'] as const;
export type NextStep = (typeof NEXT_STEPS)[number];

export interface NextStepRule {
  step: NextStep;
  label: string;
  /** The document issued by the step. */
  documentType: 'payment_order_guidance' | 'enforcement_application' | null;
  basis: string;
}

export const NEXT_STEP_RULES: Readonly<Record<NextStep, NextStepRule>> = {
  payment_order: {
    step: 'payment_order',
    label: '申请支付令指引',
    documentType: 'payment_order_guidance',
    basis: '《劳动争议调解仲裁法》第十六条；《中华人民共和国民事诉讼法》第二百二十五条至第二百二十八条',
  },
  enforcement: {
    step: 'enforcement',
    label: '申请人民法院强制执行',
    documentType: 'enforcement_application',
    basis: '《劳动争议调解仲裁法》第五十一条；《中华人民共和国民事诉讼法》第二百五十条',
  },
  inspection: {
    step: 'inspection',
    label: '转劳动保障监察立案查处',
    documentType: null,
    basis: '《劳动保障监察条例》第十一条、第二十六条；《保障农民工工资支付条例》第五十四条',
  },
};

/**
 * A mediation agreement item on which the worker may apply for a 支付令 (《劳动争议调解仲裁法》第十六条:
 * 拖欠劳动报酬、工伤医疗费、经济补偿或者赔偿金), read from the claim catalogue's category.
 */
export function paymentOrderClaim(claimType: string): boolean {
  if (!isClaimType(claimType)) return false;
  const cat = CLAIM_CATALOGUE[claimType].finalAwardCategory;
  return (
    cat === 'remuneration' || cat === 'injury_medical' || cat === 'economic_compensation' || cat === 'damages'
  );
}

/** Wage claims (劳动报酬): unpaid ones can become an inspection case (劳动保障监察条例第十一条第六项). */
export function wageClaim(claimType: string): boolean {
  return isClaimType(claimType) && CLAIM_CATALOGUE[claimType].finalAwardCategory === 'remuneration';
}

/** The next steps open for an overdue obligation, in the order they are offered. */
export function nextStepsFor(source: ObligationSource, claimType: string | null): NextStep[] {
  const steps: NextStep[] = [];
  if (source === 'mediation_agreement' && claimType && paymentOrderClaim(claimType)) {
    steps.push('payment_order');
  }
  if (
    source === 'arbitration_award_final' ||
    source === 'arbitration_award_non_final' ||
    source === 'arbitral_mediation_statement' ||
    source === 'court_confirmation'
  ) {
    steps.push('enforcement');
  }
  if (source !== 'order_to_correct' && claimType && wageClaim(claimType)) {
    steps.push('inspection');
  }
  return steps;
}
