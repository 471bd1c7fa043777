import { api } from '../../../lib/api';
import type { ApiResponse, ItemOf } from '../../../lib/api-shapes';

type Result = ApiResponse<'/api/petitions/{id}/classify', 'post'>;
export type DocRef = NonNullable<Result['document']>;

export type Petition = ApiResponse<'/api/petitions/{id}'>;

export type PetitionListItem = ItemOf<ApiResponse<'/api/petitions'>['items']>;

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

export const petitionsApi = {
  list: (open: boolean | undefined, signal?: AbortSignal) =>
    api.get<ApiResponse<'/api/petitions'>>(
      '/api/petitions',
      { open: open === undefined ? undefined : String(open) },
      signal,
    ),
  forMatter: (matterId: string, signal?: AbortSignal) =>
    api.get<ApiResponse<'/api/matters/{id}/petitions'>>(
      `/api/matters/${matterId}/petitions`,
      undefined,
      signal,
    ),
  get: (id: string, signal?: AbortSignal) => api.get<Petition>(`/api/petitions/${id}`, undefined, signal),
  register: (v: RegisterInput) =>
    api.post<ApiResponse<'/api/petitions', 'post'>>('/api/petitions', registerBody(v)),
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
