import { CLAIM_CATALOGUE } from '../claims/catalogue';
import { addYears, daysBetween } from '../claims/dates';
import { claimLabelList } from '../claims/label';
import type {
  ClaimFacts,
  OpenProceeding,
  TriageClaim,
  TriageFacts,
  TriageInput,
  TriageSettings,
} from './types';

export const PROCEEDING_LABELS = {
  mediation: '调解',
  arbitration: '仲裁',
  litigation: '诉讼',
  inspection: '劳动保障监察',
} as const;

function arbitrationStart(input: TriageInput, claim: TriageClaim): string | null {
  const def = CLAIM_CATALOGUE[claim.type];
  // S1 Art. 27 ¶4: wage arrears after the relationship ends → 1 year from termination.
  if (def.wageArrears && input.employmentEnd) return input.employmentEnd;
  if (input.knewDate) return input.knewDate;
  const terminationClaim =
    claim.type === 'economic_compensation' || claim.type === 'unlawful_termination_damages';
  if (terminationClaim && input.employmentEnd) return input.employmentEnd;
  return claim.periodTo ?? null;
}

function claimFacts(input: TriageInput, settings: TriageSettings, claim: TriageClaim): ClaimFacts {
  const def = CLAIM_CATALOGUE[claim.type];
  const blockedBy: OpenProceeding | null =
    input.openProceedings.find((p) => p.claimTypes.includes(claim.type)) ?? null;

  // S1 Art. 27 ¶4: during employment, wage-arrears disputes are not bound by the 1-year period.
  // Confirmation of a labor relationship is in practice not treated as time-barred [U]: no clock.
  const arbitrationExempt =
    (def.wageArrears && !input.employmentEnd) || claim.type === 'labor_relation_confirmation';
  const start = arbitrationExempt ? null : arbitrationStart(input, claim);
  const arbitrationDue = start ? addYears(start, settings.arbitrationLimitationYears) : null;
  const arbitrationDaysLeft = arbitrationDue ? daysBetween(input.today, arbitrationDue) : null;

  // S3 Art. 20: 2 years from the act, or from its end when continuing.
  const actDate = claim.periodTo ?? claim.periodFrom ?? null;
  const inspectionExpired =
    actDate !== null && addYears(actDate, settings.inspectionLimitationYears) < input.today;

  return { claim, def, blockedBy, arbitrationDue, arbitrationDaysLeft, arbitrationExempt, inspectionExpired };
}

export function buildFacts(input: TriageInput, settings: TriageSettings): TriageFacts {
  const claims = input.claims.map((c) => claimFacts(input, settings, c));
  return {
    input,
    settings,
    claims,
    routable: claims.filter((c) => c.blockedBy === null),
    collective: input.workerCount >= settings.collectiveMinWorkers || input.collectiveContract === true,
  };
}

/** Claims that go to mediation / arbitration under 《劳动争议调解仲裁法》第二条、第九条；《劳动保障监察条例》第十一条 given the request kind. */
export function disputeClaims(f: TriageFacts): ClaimFacts[] {
  const kind = f.input.requestKind;
  if (kind === 'report') return [];
  if (kind === 'complaint') return f.routable.filter((c) => c.def.nature === 'dispute');
  return f.routable.filter((c) => c.def.nature !== 'violation');
}

/** Claims that would go to inspection under 《劳动争议调解仲裁法》第二条、第九条；《劳动保障监察条例》第十一条, before the 2-year check (《劳动保障监察条例》第二十条). */
export function inspectionCandidates(f: TriageFacts): ClaimFacts[] {
  const kind = f.input.requestKind;
  if (kind === 'application') return f.routable.filter((c) => c.def.nature === 'violation');
  return f.routable.filter((c) => c.def.nature !== 'dispute');
}

/** The claims named in a reason, each by its period ('“支付拖欠工资（2026年8月）”、…'), once each. */
export function labels(claims: readonly ClaimFacts[]): string {
  return claimLabelList(claims.map((c) => c.claim));
}
