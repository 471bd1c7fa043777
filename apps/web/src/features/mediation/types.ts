export type Reply = 'pending' | 'accepted' | 'rejected';

export interface MediationItem {
  claimId: string;
  claimType: string;
  claimLabel: string;
  claimedFen: number | null;
  proposedFen: number;
  reason: string;
  formula: string | null;
  basis: string | null;
  workerReply: Reply;
  employerReply: Reply;
  outcome: 'agreed' | 'refused' | 'open';
  inCase: boolean;
}

export interface MediationClaim {
  id: string;
  type: string;
  label: string;
  amountFen: number | null;
  facts: string;
  open: boolean;
  releasedReason: string | null;
}

export interface MediationDetail {
  id: string;
  matterId: string;
  number: string;
  state: string;
  stateLabel: string;
  closed: boolean;
  version: number;
  consent: {
    given: boolean;
    methodLabel: string;
    workerName: string;
    recordedByName: string;
    at: string;
  } | null;
  employerConsent: unknown;
  handledBy: 'center' | 'organization' | null;
  handlingReasons: string[];
  organization: { id: string; name: string; kindLabel: string; phone: string | null } | null;
  referralState: 'pending' | 'accepted' | 'returned' | null;
  mediator: { name: string | null; contact: string | null } | null;
  replyDeadline: string | null;
  performanceDate: string | null;
  agreementSignedAt: string | null;
  claims: MediationClaim[];
  items: MediationItem[];
  sessions: {
    id: string;
    startsAt: string;
    room: string;
    joint: boolean;
    mediators: { name: string; agency: string }[];
    participants: string[];
    record: string | null;
    status: 'scheduled' | 'held' | 'no_show';
  }[];
  followups: {
    id: string;
    kind: 'arbitral_review' | 'judicial_confirmation' | 'payment_order';
    body: string;
    filedOn: string;
    result: 'pending' | 'granted' | 'refused';
    version: number;
    note: string | null;
  }[];
  documents: { id: string; type: string; title: string; number: string | null; state: string }[];
  clocks: { id: string; ruleId: string; dueDate: string; status: string }[];
  arbitrationCase: { id: string; number: string; state: string } | null;
  allowedActions: string[];
}

export interface MatterMediation {
  consent: MediationDetail['consent'];
  canStart: boolean;
  freeClaims: { id: string; type: string; label: string; amountFen: number | null; track: string | null }[];
  whoMediates: { center: boolean; reasons: string[] };
  cases: MediationDetail[];
}

export interface MediationOrganization {
  id: string;
  name: string;
  kind: string;
  kindLabel: string;
  phone: string | null;
}

export type CalculationKind =
  | 'unpaid_wages'
  | 'overtime_pay'
  | 'economic_compensation'
  | 'compensation_with_notice'
  | 'unlawful_termination_damages'
  | 'double_wages_no_contract';

export type CalculationInput = { kind: CalculationKind } & Record<string, unknown>;

export interface CalculationResult {
  kind: CalculationKind;
  label: string;
  amountFen: number;
  formula: string;
  basis: string;
  notes: string[];
  figures: { key: string; label: string; value: unknown; basis: string | null }[];
}

export const yuan = (fen: number | null | undefined) =>
  fen === null || fen === undefined
    ? '—'
    : `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
