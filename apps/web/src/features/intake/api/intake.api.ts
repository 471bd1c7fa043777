import { api } from '../../../lib/api';
import { rawPost } from '../../matters/api/matters.api';
import type { MatterDetail, Party } from '../../matters/types';
import type { IntakeDraft, LookupResult, TriagePreview } from '../types';

export const intakeApi = {
  lookupWorker: (idType: string, idNumber: string) =>
    api.get<LookupResult>('/api/parties/lookup', { idType, idNumber }),
  lookupEmployer: (creditCode: string) => api.get<LookupResult>('/api/parties/lookup', { creditCode }),
  searchEmployers: (q: string) => api.get<{ items: Party[] }>('/api/parties/search', { q, kind: 'employer' }),
  preview: (draft: IntakeDraft) => api.post<TriagePreview>('/api/intake/triage', draft),
  /** The key makes a retried submission (weak network, double press) return the first matter. */
  create: (draft: IntakeDraft, idempotencyKey: string) =>
    rawPost<MatterDetail>('/api/intake', JSON.stringify(draft), {
      'Content-Type': 'application/json',
      'Idempotency-Key': idempotencyKey,
    }),
};
