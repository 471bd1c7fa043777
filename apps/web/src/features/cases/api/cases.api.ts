import { api } from '../../../lib/api';
import type { ResponseOf } from '../../../lib/api-types-helpers';
import type {
  AssigneeList,
  AssignInput,
  CaseDetail,
  CaseList,
  CaseResult,
  ConflictInput,
  OpenCaseInput,
  TransitionInput,
} from '../types';

export const casesApi = {
  listForMatter: (matterId: string, signal?: AbortSignal) =>
    api.get<CaseList>(`/api/matters/${matterId}/cases`, undefined, signal),
  open: (matterId: string, body: OpenCaseInput) =>
    api.post<CaseResult>(`/api/matters/${matterId}/cases`, body),
  get: (id: string, signal?: AbortSignal) => api.get<CaseDetail>(`/api/cases/${id}`, undefined, signal),
  transition: (id: string, body: TransitionInput) =>
    api.post<CaseResult>(`/api/cases/${id}/transitions`, body),
  assignees: (id: string, signal?: AbortSignal) =>
    api.get<AssigneeList>(`/api/cases/${id}/assignees`, undefined, signal),
  assign: (id: string, body: AssignInput) => api.post<CaseDetail>(`/api/cases/${id}/assign`, body),
  declareConflict: (body: ConflictInput) =>
    api.post<ResponseOf<'/api/me/conflicts', 'post'>>('/api/me/conflicts', body),
};
