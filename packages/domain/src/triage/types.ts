import type { ClaimDefinition, ClaimType } from '../claims/catalogue';

export type RequestKind = 'question' | 'application' | 'complaint' | 'report' | 'petition';
export type EmployerStatus = 'normal' | 'bankrupt' | 'restructuring' | 'closed';
export type Track =
  | 'consultation'
  | 'mediation'
  | 'arbitration'
  | 'inspection'
  | 'petition'
  | 'legal_aid'
  | 'referral';
export type ProceedingTrack = 'mediation' | 'arbitration' | 'litigation' | 'inspection';
export type PriorityFlag =
  | 'wage_arrears'
  | 'work_injury'
  | 'collective'
  | 'migrant_worker'
  | 'pregnant_or_nursing'
  | 'disabled'
  | 'minor';

/** Matters the center does not handle (《劳动保障监察条例》第十八条第二款、第三十五条); each maps to where the person is sent. */
export type OutOfScopeTopic = 'occupational_safety' | 'work_injury_recognition' | 'suspected_crime';

export type RoutingRuleId =
  | 'R-01'
  | 'R-02'
  | 'R-03'
  | 'R-04'
  | 'R-05'
  | 'R-06'
  | 'R-07'
  | 'R-08'
  | 'R-09'
  | 'R-10'
  | 'R-13'
  | 'R-14'
  /** Arbitration limitation (clock T-A1), evaluated as a rule so it shows in the explanation. */
  | 'T-A1';

export interface TriageClaim {
  type: ClaimType;
  amountFen?: number;
  periodFrom?: string;
  /** Last day of the (continuing) act; the inspection limitation runs from it (S3 Art. 20). */
  periodTo?: string;
}

export interface WorkerFlags {
  migrantWorker?: boolean;
  pregnantOrNursing?: boolean;
  disabled?: boolean;
  minor?: boolean;
}

export interface OpenProceeding {
  track: ProceedingTrack;
  claimTypes: readonly ClaimType[];
  /** Case or matter number, shown in the conflict message. */
  reference?: string;
}

export interface TriageInput {
  today: string;
  requestKind: RequestKind;
  claims: readonly TriageClaim[];
  worker: WorkerFlags;
  employerStatus: EmployerStatus;
  employmentStart?: string;
  /** Absent while the employment relationship continues. */
  employmentEnd?: string;
  /** Date the worker knew or should have known of the infringement (S1 Art. 27 ¶1). */
  knewDate?: string;
  workerCount: number;
  /** The dispute concerns performance of a collective contract (S2 Art. 62). */
  collectiveContract?: boolean;
  openProceedings: readonly OpenProceeding[];
  withinJurisdiction: boolean;
  /** Name of the competent body when outside jurisdiction, if known. */
  competentAuthority?: string;
  outOfScopeTopics: readonly OutOfScopeTopic[];
  /** Petitioner disputes a conclusion already reached by inspection or arbitration (seed 五(五)). */
  disputesPriorConclusion?: boolean;
}

export interface TriageSettings {
  /** S1 Art. 7: ten or more workers with common claims. */
  collectiveMinWorkers: number;
  /** 重大集体争议 for same-day acceptance — center policy [L]. */
  majorCollectiveMinWorkers: number;
  /** S16 Art. 44: urgent legal aid when this many days or fewer remain. */
  urgentLegalAidDays: number;
  /** Warn when a limitation ends within this many days [L]. */
  limitationWarningDays: number;
  /** S1 Art. 27. */
  arbitrationLimitationYears: number;
  /** S3 Art. 20. */
  inspectionLimitationYears: number;
}

export const DEFAULT_TRIAGE_SETTINGS: Readonly<TriageSettings> = {
  collectiveMinWorkers: 10,
  majorCollectiveMinWorkers: 30,
  urgentLegalAidDays: 7,
  limitationWarningDays: 30,
  arbitrationLimitationYears: 1,
  inspectionLimitationYears: 2,
};

export interface Recommendation {
  track: Track;
  reason: string;
  basis: string;
  ruleId: RoutingRuleId;
  claimTypes: ClaimType[];
  /** For referrals: where to go. */
  referTo?: string;
  urgent?: boolean;
}

/** The codes of triage warnings (published in the OpenAPI, so the web compares against known codes). */
export const TRIAGE_WARNING_CODES = [
  'ARBITRATION_LIMITATION_EXPIRED',
  'ARBITRATION_LIMITATION_NEAR',
  'ARBITRATION_LIMITATION_WAGE_EXCEPTION',
  'ARBITRATION_LIMITATION_UNKNOWN',
  'INSPECTION_LIMITATION_EXPIRED',
  'LEGAL_AID_URGENT',
  'SAME_CLAIM_IN_OTHER_PROCEEDING',
  'DISPUTE_NOT_FOR_INSPECTION',
  'OUTSIDE_JURISDICTION',
  'EMPLOYER_BANKRUPT',
  'EMPLOYER_RESTRUCTURING',
  'EMPLOYER_CLOSED',
  'COLLECTIVE_DISPUTE',
] as const;

export type TriageWarningCode = (typeof TRIAGE_WARNING_CODES)[number];

export interface TriageWarning {
  code: TriageWarningCode;
  message: string;
  basis: string;
  claimType?: ClaimType;
  /** Last day of the limitation, before any holiday roll-over (the calendar module applies that). */
  dueDate?: string;
  daysLeft?: number;
}

export interface TriageConflict {
  claimType: ClaimType;
  existingTrack: ProceedingTrack;
  reference?: string;
  message: string;
  basis: string;
}

export interface TrackChoice {
  claimTypes: ClaimType[];
  message: string;
  basis: string;
  options: Array<{ track: Track; explanation: string }>;
}

export interface TriageResult {
  /** 中心工作规则（先咨询后立案）: a case is opened only for an application, complaint, report or petition. */
  opensCase: boolean;
  recommendations: Recommendation[];
  warnings: TriageWarning[];
  conflicts: TriageConflict[];
  choice: TrackChoice | null;
  priorityFlags: PriorityFlag[];
  collective: boolean;
  /**
   * Center promise (seed 四(三)): wage-arrears, work-injury and major collective cases that meet the
   * conditions get the acceptance notice the same day; the statutory 5-day maximum still applies.
   */
  sameDayAcceptance: boolean;
  /** Rules that fired, in evaluation order (for the explanation panel, PIPL Art. 24). */
  firedRules: RoutingRuleId[];
}

/** Per-claim facts computed once, before the rules run. */
export interface ClaimFacts {
  claim: TriageClaim;
  def: ClaimDefinition;
  /** Blocked by 《劳动保障监察条例》第二十一条第二款 (already in another procedure). */
  blockedBy: OpenProceeding | null;
  arbitrationDue: string | null;
  arbitrationDaysLeft: number | null;
  /** Wage claim during employment: no 1-year limit (S1 Art. 27 ¶4). */
  arbitrationExempt: boolean;
  inspectionExpired: boolean;
}

export interface TriageFacts {
  input: TriageInput;
  settings: TriageSettings;
  claims: ClaimFacts[];
  /** Claims free to be routed (not blocked by 《劳动保障监察条例》第二十一条第二款). */
  routable: ClaimFacts[];
  collective: boolean;
}

export interface RuleOutcome {
  recommendations?: Recommendation[];
  warnings?: TriageWarning[];
  conflicts?: TriageConflict[];
  choice?: TrackChoice;
  priorityFlags?: PriorityFlag[];
  sameDayAcceptance?: boolean;
  /** Stop evaluating later case-routing rules (e.g. outside jurisdiction). */
  halt?: boolean;
}

export interface RoutingRule {
  id: RoutingRuleId;
  title: string;
  basis: string;
  /** Rules marked `always` run even after a halt (warnings the worker must hear anyway). */
  always?: boolean;
  when: (facts: TriageFacts) => boolean;
  outcome: (facts: TriageFacts) => RuleOutcome;
}
