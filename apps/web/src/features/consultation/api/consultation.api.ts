import { api } from '../../../lib/api';
import type { ApiBody, ApiResponse } from '../../../lib/api-shapes';

export type ConsultationChannel = 'window' | 'phone' | 'online' | 'hotline_12333' | 'petition_window';

export const CONSULTATION_CHANNELS: { value: ConsultationChannel; label: string }[] = [
  { value: 'window', label: '窗口来访' },
  { value: 'phone', label: '电话' },
  { value: 'online', label: '网上' },
  { value: 'hotline_12333', label: '12333热线' },
  { value: 'petition_window', label: '信访维权咨询窗口' },
];

export type Consultation = ApiResponse<'/api/consultations/{id}'>;

export type NewConsultation = ApiBody<'/api/consultations'>;

/** The parts of the single window's intake form the one-step conversion needs. */
export interface ConvertInput {
  workerName: string;
  idNumber: string;
  phone?: string;
  migrantWorker: boolean;
  employerName: string;
  claimType: string;
  amountYuan?: number;
  facts: string;
}

export const consultationApi = {
  list: (query: { q?: string; mine?: boolean; matterId?: string }, signal?: AbortSignal) =>
    api.get<ApiResponse<'/api/consultations'>>(
      '/api/consultations',
      { q: query.q, mine: query.mine ? 'true' : undefined, matterId: query.matterId },
      signal,
    ),
  create: (body: NewConsultation) => api.post<Consultation>('/api/consultations', body),
  convert: (c: Consultation, v: ConvertInput) =>
    api.post<ApiResponse<'/api/consultations/{id}/convert', 'post'>>(`/api/consultations/${c.id}/convert`, {
      version: c.version,
      channel: 'window',
      requestKind: 'application',
      workers: [
        {
          name: v.workerName,
          idType: 'resident_id',
          idNumber: v.idNumber,
          ...(v.phone && { phone: v.phone }),
          migrantWorker: v.migrantWorker,
        },
      ],
      employers: [{ name: v.employerName }],
      claims: [
        {
          type: v.claimType,
          ...(v.amountYuan !== undefined && { amountFen: Math.round(v.amountYuan * 100) }),
          facts: v.facts,
        },
      ],
      narrative: c.question,
    }),
};
