import type { ClaimType } from '../claims/catalogue';

/**
 * The typed fact set the statistical tables count: one fact per track case, read from the master
 * record (matter, claims, case events, awards, mediation, inspection outcomes, clocks). Every date is a
 * Beijing business date 'YYYY-MM-DD'; every amount is in fen.
 */
export type StatTrack = 'arbitration' | 'mediation' | 'inspection' | 'petition' | 'legal_aid';

/** 争议类型 of the arbitration and mediation tables: each case counts once, under its first claim. */
export type DisputeCause = 'remuneration' | 'social_insurance' | 'contract' | 'work_injury' | 'other';

export const DISPUTE_CAUSE_LABELS: Readonly<Record<DisputeCause, string>> = {
  remuneration: '劳动报酬',
  social_insurance: '社会保险',
  contract: '变更、解除、终止劳动合同',
  work_injury: '工伤',
  other: '其他',
};

/** Claim type → 争议类型 (the statistical category of a claim). */
export const CLAIM_CAUSE: Readonly<Record<ClaimType, DisputeCause>> = {
  unpaid_wages: 'remuneration',
  overtime_pay: 'remuneration',
  minimum_wage: 'remuneration',
  annual_leave_pay: 'remuneration',
  double_wages_no_contract: 'remuneration',
  economic_compensation: 'contract',
  unlawful_termination_damages: 'contract',
  social_insurance: 'social_insurance',
  work_injury_benefits: 'work_injury',
  injury_medical_fees: 'work_injury',
  labor_relation_confirmation: 'other',
  dispatch: 'other',
  working_hours: 'other',
  leave: 'other',
  other: 'other',
};

export function causeOfClaim(type: string): DisputeCause {
  return (CLAIM_CAUSE as Record<string, DisputeCause>)[type] ?? 'other';
}

/**
 * Type of mediation body of the mediation table. The record knows the listed organisations' kinds
 * (mediation_organization.kind), the center's own mediators and the commission's pre-arbitration
 * mediation (先行调解, outside a filed case: 仲裁机构案外调解).
 */
export type MediationBody =
  | 'enterprise_committee'
  | 'street_township'
  | 'public_institution'
  | 'arbitration_pre'
  | 'other';

/** How a case was disposed of (the state its disposing event reached). */
export type Closure =
  // arbitration
  | 'arb_mediated'
  | 'arb_awarded'
  | 'arb_withdrawn'
  | 'arb_deemed_withdrawn'
  | 'arb_revoked'
  | 'arb_transferred'
  | 'arb_terminated'
  // mediation (including the commission's pre-arbitration mediation)
  | 'med_agreed'
  | 'med_no_agreement'
  | 'med_withdrawn'
  // inspection, petitions, legal aid: closed
  | 'closed';

/** Who won an award, from the amounts: nothing awarded, all claimed, or part. */
export type AwardWinner = 'employer' | 'worker' | 'both';

export interface CaseFact {
  caseId: string;
  caseNumber: string;
  matterId: string;
  matterNumber: string;
  track: StatTrack;
  jurisdictionId: string;
  channel: string;
  /** Date the case was registered in its track. */
  registeredOn: string;
  /** Date the case counts as accepted (受理/立案); null: not (yet) accepted. */
  acceptedOn: string | null;
  /** Date of the disposing act; null: still pending. */
  closedOn: string | null;
  closure: Closure | null;
  collective: boolean;
  workers: number;
  /** The matter names a migrant worker (农民工). */
  migrant: boolean;
  cause: DisputeCause;
  claimedFen: number;
  /** Awarded (arbitration) or agreed (mediation) amount; 0 when nothing was awarded or agreed. */
  settledFen: number;
  /** The award has at least one final item (终局裁决, 调解仲裁法第四十七条). */
  finalAward: boolean;
  winner: AwardWinner | null;
  /** Closed without a missed or late-met legal clock; null while pending. */
  withinLimit: boolean | null;
  mediationBody: MediationBody | null;
  /** inspection_case.source: complaint, report, ex_officio, campaign, supervision. */
  inspectionSource: string | null;
  /** Kinds of inspection outcomes recorded (order, penalty, compensation, police_referral, …). */
  outcomes: readonly string[];
  /** Wages paid after an order or a compensation order was complied with (inspection). */
  recoveredFen: number;
  recoveredWorkers: number;
  /**
   * Paid on the obligations the case's agreement or award created (confirmed payments up to the end of
   * the period, issue #21): the money that arrived, not only the amount won.
   */
  paidFen: number;
  /** Confirmed payments on those obligations (date, amount): paidFen is their sum up to the period's end. */
  payments?: readonly { on: string; fen: number }[];
  /** Petition / legal aid: reached a review (复查/复核) or was forwarded/channelled. */
  reviewed: boolean;
  forwarded: boolean;
  /** Legal aid: refused (不予援助). */
  refused: boolean;
  /** Employer party of the matter (for the top-employers figure). */
  employerName: string | null;
}

export interface StatPeriod {
  from: string;
  to: string;
}

export const inPeriod = (d: string | null, p: StatPeriod): boolean => d !== null && d >= p.from && d <= p.to;
/** Accepted before the period and not closed before it: 上期结转. */
export const carriedOver = (f: CaseFact, p: StatPeriod): boolean =>
  f.acceptedOn !== null && f.acceptedOn < p.from && (f.closedOn === null || f.closedOn >= p.from);
/** Accepted by the end of the period and not closed by then: 期末未结. */
export const pendingAtEnd = (f: CaseFact, p: StatPeriod): boolean =>
  f.acceptedOn !== null && f.acceptedOn <= p.to && (f.closedOn === null || f.closedOn > p.to);
export const acceptedIn = (f: CaseFact, p: StatPeriod): boolean => inPeriod(f.acceptedOn, p);
/** Closed in the period, having been accepted (a case closed before acceptance is not 结案). */
export const closedIn = (f: CaseFact, p: StatPeriod): boolean =>
  f.acceptedOn !== null && inPeriod(f.closedOn, p);
