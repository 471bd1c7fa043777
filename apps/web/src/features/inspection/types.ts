/** The inspection case as GET /api/inspection/cases/:id answers it (apps/server inspection.presenter.ts). */
export interface InspectionCase {
  id: string;
  number: string;
  matterId: string;
  matterNumber: string;
  narrative: string;
  state: string;
  stateLabel: string;
  closed: boolean;
  version: number;
  source: 'complaint' | 'report' | 'ex_officio' | 'campaign' | 'supervision';
  sourceLabel: string;
  receivedOn: string | null;
  violationEndedOn: string | null;
  filedOn: string | null;
  decisionLabel: string | null;
  decisionReason: string | null;
  referralTo: string | null;
  extended: boolean;
  employer: { id: string; name: string; creditCode: string | null } | null;
  complainant: string | null;
  reporter:
    | { withheld: true; note: string }
    | {
        withheld: false;
        anonymous: boolean;
        name: string | null;
        phone: string | null;
        idNumber: string | null;
        address: string | null;
        rewardRequested: boolean;
      }
    | null;
  violations: { id: string; type: string; label: string; facts: string; amountFen: number | null }[];
  inspectors: {
    userId: string;
    name: string;
    lead: boolean;
    certificateNumber: string;
    certificateValid: boolean;
  }[];
  records: {
    id: string;
    kind: 'onsite' | 'inquiry' | 'evidence' | 'task';
    title: string;
    content: string;
    occurredOn: string | null;
    place: string | null;
    interviewee: string | null;
    dueDate: string | null;
    doneAt: string | null;
    /** The 询问笔录 / 现场检查笔录 issued with the record */
    documentId?: string | null;
  }[];
  requests: {
    id: string;
    materials: string[];
    deadline: string;
    issuedOn: string;
    receivedOn: string | null;
    /** The 询问通知书 issued with the request */
    documentId?: string | null;
  }[];
  outcomes: {
    id: string;
    kind: string;
    summary: string;
    deadline: string | null;
    amountFen: number | null;
    fineFen: number | null;
    hearingDeadline: string | null;
    complied: boolean | null;
  }[];
  clocks: { id: string; ruleId: string; name: string; dueDate: string | null; status: string }[];
  documents: { id: string; type: string; title: string; number: string | null; state: string }[];
  /** The proposed penalty's hearing and legal review (null when no penalty was proposed). */
  penalty: PenaltyView | null;
  /** 报批 (延长办案期限 / 撤销立案 / 结案) and the 负责人's decisions (inspection.approvals.ts). */
  approvals?: ApprovalView[];
  /** Offered machine steps with the procedure verdict (unmet legal preconditions, earliest date, article). */
  events?: {
    event: string;
    label: string;
    allowed?: boolean;
    unmet: { guard: string; message: string; earliestDate: string | null; basis: string }[];
  }[];
  actions: Record<
    | 'accept'
    | 'refuse'
    | 'assignInspectors'
    | 'startInvestigation'
    | 'record'
    | 'request'
    | 'extend'
    | 'order'
    | 'check'
    | 'proposePenalty'
    | 'decidePenalty'
    | 'withdraw'
    | 'endInvestigation'
    | 'refer'
    | 'close'
    | 'requestExtension'
    | 'requestFiling',
    boolean
  >;
  isHandlingInspector: boolean;
}

export type LegalReviewConclusion = 'approved' | 'revise' | 'rejected';

export const LEGAL_REVIEW_CONCLUSIONS: Record<LegalReviewConclusion, string> = {
  approved: '同意',
  revise: '建议修改后作出决定',
  rejected: '不同意作出处罚决定',
};

/** GET /api/inspection/cases/:id → penalty (apps/server inspection.hearing.ts penaltyView). */
export interface PenaltyView {
  outcomeId: string;
  fineFen: number;
  label: string | null;
  basis: string | null;
  noticeDocumentId: string | null;
  decided: boolean;
  today: string;
  hearingDeadline: string | null;
  hearingWindowOpen: boolean;
  hearing: {
    requestedOn: string;
    scheduled: {
      hearingDate: string;
      hearingTime: string;
      place: string;
      hearingOfficer: string;
      noticeDocumentId: string;
    } | null;
    held: { heldOn: string; hearingOfficer: string; transcript: string; opinion: string | null } | null;
  } | null;
  earliestHearingDate: string;
  legalReview: {
    reviewer: string;
    opinion: string;
    reviewedOn: string;
    conclusion: LegalReviewConclusion;
    conclusionLabel: string;
  } | null;
  legalReviewRequired: boolean;
  legalReviewMinFen: number;
  legalReviewBasis: string;
  actions: Record<'requestHearing' | 'scheduleHearing' | 'recordHearing' | 'legalReview', boolean>;
}

export interface InspectionListItem {
  id: string;
  number: string;
  matterNumber: string;
  state: string;
  stateLabel: string;
  closed: boolean;
  sourceLabel: string;
  employerName: string | null;
  receivedOn: string | null;
  nextDue: string | null;
}

export const RECORD_KIND_LABELS = {
  onsite: '现场检查笔录',
  inquiry: '询问笔录',
  evidence: '证据',
  task: '调查任务',
} as const;

/** GET /api/inspection/campaigns (专项检查). */
export interface Campaign {
  id: string;
  name: string;
  topic: string;
  startsOn: string;
  endsOn: string;
  employers: number;
}

/** GET /api/inspection/campaigns/:id: each employer with its ex-officio case. */
export interface CampaignDetail extends Omit<Campaign, 'employers'> {
  employers: {
    employerId: string;
    name: string;
    creditCode: string | null;
    caseId: string | null;
    caseNumber: string | null;
    state: string | null;
  }[];
}

/** One approval of the case (apps/server inspection.approvals.ts approvalsView). */
export interface ApprovalView {
  id: string;
  kind: 'filing' | 'extension' | 'revocation' | 'closing';
  label: string;
  state: 'pending' | 'approved' | 'rejected';
  stateLabel: string;
  requestedBy: string;
  requestedOn: string;
  decidedBy: string | null;
  decidedOn: string | null;
  opinion: string | null;
  documentId: string | null;
  version: number;
  basis: string;
  canDecide: boolean;
}
