import { api, request } from '../../../lib/api';
import type { ResponseOf } from '../../../lib/api-types-helpers';
import type { MatterDetail } from '../../matters/types';
import type { IntakeDraft, LookupResult, TriagePreview } from '../types';

export const intakeApi = {
  lookupWorker: (idType: string, idNumber: string) =>
    api.get<LookupResult>('/api/parties/lookup', { idType, idNumber }),
  lookupEmployer: (creditCode: string) => api.get<LookupResult>('/api/parties/lookup', { creditCode }),
  searchEmployers: (q: string) =>
    api.get<ResponseOf<'/api/parties/search'>>('/api/parties/search', { q, kind: 'employer' }),
  preview: (draft: IntakeDraft) => api.post<TriagePreview>('/api/intake/triage', draft),
  /** The key makes a retried submission (weak network, double press) return the first matter. */
  create: (draft: IntakeDraft, idempotencyKey: string) =>
    request<MatterDetail>('/api/intake', {
      method: 'POST',
      body: draft,
      headers: { 'Idempotency-Key': idempotencyKey },
    }),
};
