import { api } from '../../../lib/api';

export interface DocRef {
  id: string;
  type: string;
  title: string;
  number: string | null;
  state: string;
}

export interface Petition {
  id: string;
  matter: { id: string; number: string };
  case: { id: string; number: string; state: string; stateLabel: string; closed: boolean; version: number };
  form: string;
  formLabel: string;
  petitionerName: string;
  petitionerPhone: string | null;
  request: string;
  facts: string;
  reasons: string;
  category: string | null;
  categoryLabel: string | null;
  disputedConclusion: 'inspection' | 'arbitration' | null;
  conclusionRef: string | null;
  transfer: {
    id: string;
    state: string;
    toOrgName: string;
    toTrack: string | null;
    openedCaseNumber: string | null;
    slipDocumentId: string | null;
    stage: 'sent' | 'received' | 'answered' | 'returned';
    stageLabel: string;
    sentAt: string;
    decidedAt: string | null;
    returnReason: string | null;
    openedCaseStateLabel: string | null;
  } | null;
  records: {
    id: string;
    kind: 'negotiation' | 'settlement' | 'explanation';
    occurredOn: string;
    content: string;
    result: string | null;
    documentId: string | null;
    actorName: string;
    createdAt: string;
  }[];
  documents: DocRef[];
  clocks: { ruleId: string; name: string; dueDate: string; status: string }[];
  events: {
    at: string;
    event: string;
    label: string;
    toState: string;
    actorName: string;
    reason: string | null;
  }[];
  actions: string[];
  createdAt: string;
}

export interface PetitionListItem {
  id: string;
  matterId: string;
  matterNumber: string;
  caseNumber: string;
  state: string;
  stateLabel: string;
  petitionerName: string;
  request: string;
  formLabel: string;
  createdAt: string;
}

export interface RegisterInput {
  matterId?: string;
  form: 'letter' | 'visit' | 'call' | 'online';
  jurisdictionId?: string;
  workerName?: string;
  idNumber?: string;
  phone?: string;
  migrantWorker?: boolean;
  employerName?: string;
  claimType?: string;
  amountYuan?: number;
  request: string;
  facts: string;
  reasons?: string;
  disputedConclusion?: 'inspection' | 'arbitration';
  conclusionRef?: string;
}

function registerBody(v: RegisterInput) {
  const base = {
    form: v.form,
    request: v.request,
    facts: v.facts,
    reasons: v.reasons ?? '',
    ...(v.disputedConclusion && { disputedConclusion: v.disputedConclusion }),
    ...(v.conclusionRef && { conclusionRef: v.conclusionRef }),
  };
  if (v.matterId) return { ...base, matterId: v.matterId };
  return {
    ...base,
    intake: {
      jurisdictionId: v.jurisdictionId,
      workers: [
        {
          name: v.workerName,
          idType: 'resident_id',
          idNumber: v.idNumber,
          ...(v.phone && { phone: v.phone }),
          migrantWorker: v.migrantWorker ?? false,
        },
      ],
      employers: [{ name: v.employerName }],
      claims: [
        {
          type: v.claimType ?? 'unpaid_wages',
          ...(v.amountYuan !== undefined && { amountFen: Math.round(v.amountYuan * 100) }),
          facts: v.facts,
        },
      ],
      narrative: v.facts,
    },
  };
}

type Result = { petition: Petition; document?: DocRef | null };

export const petitionsApi = {
  list: (open: boolean | undefined, signal?: AbortSignal) =>
    api.get<{ items: PetitionListItem[] }>(
      '/api/petitions',
      { open: open === undefined ? undefined : String(open) },
      signal,
    ),
  forMatter: (matterId: string, signal?: AbortSignal) =>
    api.get<{ items: PetitionListItem[] }>(`/api/matters/${matterId}/petitions`, undefined, signal),
  get: (id: string, signal?: AbortSignal) => api.get<Petition>(`/api/petitions/${id}`, undefined, signal),
  register: (v: RegisterInput) => api.post<Petition>('/api/petitions', registerBody(v)),
  act: (p: Petition, action: string, body: Record<string, unknown>) => {
    const path = ['classify', 'resolve', 'transfer', 'explain', 'accept', 'decide'].includes(action)
      ? `/api/petitions/${p.id}/${action}`
      : action === 'negotiate'
        ? `/api/petitions/${p.id}/negotiations`
        : `/api/petitions/${p.id}/steps/${action}`;
    const versioned = action === 'negotiate' ? body : { ...body, version: p.case.version };
    return api.post<Result>(path, versioned);
  },
};
