import { api, upload } from '../../../lib/api';

export interface OrgMember {
  id: string;
  name: string;
  position: string;
  positionLabel: string;
  username: string | null;
}

export interface Organization {
  id: string;
  name: string;
  kind: string;
  kindLabel: string;
  statisticsRow: string;
  jurisdiction: { id: string; name: string };
  foundedOn: string;
  foundedOnText: string;
  status: string;
  statusLabel: string;
  address: string | null;
  contactPerson: string | null;
  creditCode: string | null;
  employer: { id: string; name: string } | null;
  members: OrgMember[];
  standard: {
    state: 'never' | 'passed' | 'failed';
    label: string;
    lastAssessedOn: string | null;
    reassessDue: string | null;
    reassessDueText: string | null;
  };
  version: number;
}

export interface AssessmentItem {
  code: string;
  group: string;
  groupLabel: string;
  label: string;
  passed: boolean;
  note: string | null;
  evidence: { id: string; fileName: string; contentType: string; sizeBytes: number }[];
}

export interface Assessment {
  id: string;
  organizationId: string;
  assessedOn: string;
  assessedOnText: string;
  assessorName: string;
  passed: boolean;
  resultLabel: string;
  failedCount: number;
  failedItems: string[];
  reassessRule: { id: string; name: string; basis: string };
  reassessDue: string;
  reassessDueText: string;
  clockId: string | null;
  clockStatus: string | null;
  clockStatusLabel: string | null;
  note: string | null;
  items: AssessmentItem[];
}

export interface OrganizationDetail extends Organization {
  assessments: Assessment[];
  events: { at: string; atText: string; actorName: string; summary: string }[];
}

export interface ChecklistItem {
  code: string;
  group: string;
  groupLabel: string;
  label: string;
  guidance: string;
  basis: string;
  sort: number;
  active: boolean;
  version: number;
}

export interface OrgCase {
  id: string;
  organizationId: string;
  organizationName: string;
  number: string;
  applicantName: string;
  respondentName: string;
  claimType: string;
  claimTypeLabel: string;
  summary: string;
  receivedOn: string;
  receivedOnText: string;
  result: string;
  resultLabel: string;
  closedOn: string | null;
  closedOnText: string | null;
  amountFen: number;
  amountText: string;
  /** Referred to the center (issue #19 item 3): why, and the matter it became. */
  referral: {
    purpose: 'handling' | 'arbitral_review' | 'judicial_confirmation';
    purposeLabel: string;
    matter: { id: string; number: string };
  } | null;
  version: number;
}

export interface RegisterInput {
  name: string;
  kind: string;
  jurisdictionId: string;
  foundedOn: string;
  address: string;
  contactPerson?: string;
  creditCode?: string;
  members: { name: string; position: string; username?: string }[];
}

export interface AssessmentInput {
  assessedOn: string;
  items: { code: string; passed: boolean; note?: string }[];
  note?: string;
}

export interface CaseInput {
  applicantName: string;
  respondentName: string;
  claimType: string;
  summary: string;
  receivedOn: string;
}

export interface CaseResultInput {
  version: number;
  result: 'agreement' | 'no_agreement' | 'withdrawn';
  closedOn: string;
  amountFen: number;
}

export const preventionApi = {
  list: (shortfall: boolean, signal?: AbortSignal) =>
    api.get<{ items: Organization[] }>(
      '/api/prevention/organizations',
      shortfall ? { shortfall: 'true' } : undefined,
      signal,
    ),
  detail: (id: string, signal?: AbortSignal) =>
    api.get<OrganizationDetail>(`/api/prevention/organizations/${id}`, undefined, signal),
  register: (body: RegisterInput) => api.post<OrganizationDetail>('/api/prevention/organizations', body),
  checklist: (signal?: AbortSignal) =>
    api.get<{ items: ChecklistItem[] }>('/api/prevention/checklist', undefined, signal),
  assess: (id: string, body: AssessmentInput) =>
    api.post<Assessment>(`/api/prevention/organizations/${id}/assessments`, body),
  uploadEvidence: (assessmentId: string, itemCode: string, file: File) => {
    const form = new FormData();
    form.append('itemCode', itemCode);
    form.append('file', file, file.name);
    return upload<{ items: unknown[] }>(`/api/prevention/assessments/${assessmentId}/evidence`, form);
  },
  myOrganizations: (signal?: AbortSignal) =>
    api.get<{ items: { id: string; name: string; kindLabel: string }[] }>(
      '/api/prevention/my-organizations',
      undefined,
      signal,
    ),
  cases: (organizationId: string, signal?: AbortSignal) =>
    api.get<{ items: OrgCase[] }>(`/api/prevention/organizations/${organizationId}/cases`, undefined, signal),
  recordCase: (organizationId: string, body: CaseInput) =>
    api.post<OrgCase>(`/api/prevention/organizations/${organizationId}/cases`, body),
  closeCase: (id: string, body: CaseResultInput) =>
    api.post<OrgCase>(`/api/prevention/org-cases/${id}/result`, body),
};
