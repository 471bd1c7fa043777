import { api } from '../../../lib/api';

export const MATERIAL_KINDS = {
  application: '仲裁申请书',
  applicant_id: '申请人身份证明',
  respondent_info: '被申请人主体资格材料（营业执照或登记信息）',
  evidence: '证据材料',
  authorization: '授权委托书',
  representatives: '集体争议代表人推选书',
  other: '其他材料',
} as const;
export type MaterialKind = keyof typeof MATERIAL_KINDS;

export interface Material {
  kind: MaterialKind;
  title: string;
  form: '原件' | '复印件';
  pages: number;
  copies?: number;
}

export interface CheckItem {
  code: string;
  label: string;
  status: 'pass' | 'fail' | 'warning' | 'redirect';
  messages: string[];
  basis: string;
}

export interface CaseDoc {
  id: string;
  type: string;
  title: string;
  number: string | null;
  state: string;
  issuedDate: string | null;
}

export interface ArbitrationCase {
  caseId: string;
  number: string;
  matterId: string;
  matterNumber: string;
  state: string;
  stateLabel: string;
  closed: boolean;
  version: number;
  collective: boolean;
  collectiveContract: boolean;
  collectiveNotice: {
    dueDate: string | null;
    clockStatus: string | null;
    tribunalSet: boolean;
    hearingSet: boolean;
    issuedDocumentId: string | null;
    issuedNumber: string | null;
    canIssue: boolean;
  } | null;
  representedWorkers: { partyId: string; name: string }[];
  consents: {
    id: string;
    act: string;
    actLabel: string;
    names: string[];
    signedOn: string;
    documentRef: string;
    by: string;
    at: string;
  }[];
  partyNotices: {
    id: string;
    recipient: string;
    channel: string;
    state: string;
    body: string;
    at: string;
  }[];
  simplified: boolean;
  simplifiedGrounds: string[];
  simplifiedOptions?: {
    canApply: boolean;
    canConvert: boolean;
    amountWithinCap: boolean;
    capFen: number;
    totalFen: number;
  };
  representatives: { name: string }[];
  sameDayCategory: string | null;
  sameDayLabel: string | null;
  receivedAt: string;
  parties: { partyId: string; role: 'worker' | 'employer'; name: string }[];
  claims: {
    claimId: string;
    type: string;
    label: string;
    amountFen: number | null;
    periodFrom: string | null;
    periodTo: string | null;
  }[];
  facts: string;
  evidence: { title: string; source: string }[];
  materials: Material[];
  checklist: CheckItem[];
  missingItems: string[];
  correctionDeadline: string | null;
  redirectExplanation: string | null;
  tribunal: { userId: string; role: string; side: string | null; name: string }[];
  hearings: { id: string; room: string; startsAt: string; endsAt: string; state: string }[];
  records: { id: string; kind: string; summary: string; by: string; at: string }[];
  awards: { id: string; items: { text: string; finality: string; amountFen?: number; why: string }[] }[];
  documents: CaseDoc[];
  clocks: { id: string; ruleId: string; status: string; dueDate: string; extensionApprover: string | null }[];
  /** Offered steps with the procedure verdict: `allowed` and the unmet legal preconditions. */
  availableEvents: GuardedStep[];
  procedure?: { earliestHearingDate: string | null; upcoming: GuardedStep[] };
}

/** A legal precondition of a step that is not met (409 PRECONDITION_UNMET details have the same shape). */
export interface GuardUnmet {
  guard: string;
  message: string;
  earliestDate: string | null;
  basis: string;
}

export interface GuardedStep {
  event: string;
  label: string;
  allowed?: boolean;
  unmet: GuardUnmet[];
}

export interface CaseSummary {
  caseId: string;
  number: string;
  stateLabel: string;
  state: string;
  closed: boolean;
  matterId: string;
  matterNumber: string;
  sameDayLabel: string | null;
  openedAt: string;
}

export interface StepResult {
  case: ArbitrationCase;
  documents: { type: string; id: string; number: string }[];
  complete?: boolean;
  missingItems?: string[];
}

export interface PendingSameDay {
  caseId: string;
  number: string;
  stateLabel: string;
  categoryLabel: string;
}

export interface Arbitrator {
  userId: string;
  name: string;
  arbitrator: boolean;
  certificateInvalid: boolean;
  clerk: boolean;
  barred: string | null;
}

export interface CalendarData {
  rooms: { id: string; name: string; location: string }[];
  hearings: {
    id: string;
    caseId: string;
    caseNumber: string;
    roomId: string;
    startsAt: string;
    endsAt: string;
    state: string;
  }[];
}

const c = (caseId: string, path = '') => `/api/arbitration/cases/${caseId}${path}`;

export const arbitrationApi = {
  list: (query: { matterId?: string; open?: boolean }, signal?: AbortSignal) =>
    api.get<{ items: CaseSummary[] }>('/api/arbitration/cases', query, signal),
  get: (caseId: string, signal?: AbortSignal) => api.get<ArbitrationCase>(c(caseId), undefined, signal),
  create: (body: unknown) => api.post<StepResult>('/api/arbitration/applications', body),
  action: (caseId: string, path: string, body: unknown) => api.post<StepResult>(c(caseId, path), body),
  postpone: (hearingId: string, body: unknown) =>
    api.post<StepResult>(`/api/arbitration/hearings/${hearingId}/postpone`, body),
  arbitrators: (caseId: string, signal?: AbortSignal) =>
    api.get<{ items: Arbitrator[] }>(c(caseId, '/arbitrators'), undefined, signal),
  dayClose: (signal?: AbortSignal) =>
    api.get<{ date: string; pending: PendingSameDay[]; closed: boolean }>(
      '/api/arbitration/day-close',
      undefined,
      signal,
    ),
  closeDay: () => api.post<{ date: string; closed: boolean }>('/api/arbitration/day-close', {}),
  calendar: (from: string, days: number, signal?: AbortSignal) =>
    api.get<CalendarData>('/api/arbitration/calendar', { from, days }, signal),
  determine: (items: unknown) =>
    api.post<{ minimumWageFen: number; items: { text: string; finality: string; why: string }[] }>(
      '/api/arbitration/determine',
      { items },
    ),
};
