import { api } from '../../../lib/api';

export type ConsultationChannel = 'window' | 'phone' | 'online' | 'hotline_12333' | 'petition_window';

export const CONSULTATION_CHANNELS: { value: ConsultationChannel; label: string }[] = [
  { value: 'window', label: '窗口来访' },
  { value: 'phone', label: '电话' },
  { value: 'online', label: '网上' },
  { value: 'hotline_12333', label: '12333热线' },
  { value: 'petition_window', label: '信访维权咨询窗口' },
];

export interface Consultation {
  id: string;
  matterId: string | null;
  matterNumber: string | null;
  jurisdictionId: string;
  channel: ConsultationChannel;
  channelLabel: string;
  topic: string;
  question: string;
  answer: string;
  legalBasis: string;
  kbEntryId: string | null;
  visitorName: string | null;
  visitorPhone: string | null;
  staffName: string;
  state: 'answered' | 'converted';
  convertedMatterId: string | null;
  version: number;
  createdAt: string;
}

export interface NewConsultation {
  jurisdictionId: string;
  channel: ConsultationChannel;
  topic: string;
  question: string;
  answer: string;
  legalBasis?: string;
  kbEntryId?: string;
  matterId?: string;
  visitorName?: string;
  visitorPhone?: string;
}

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
    api.get<{ items: Consultation[] }>(
      '/api/consultations',
      { q: query.q, mine: query.mine ? 'true' : undefined, matterId: query.matterId },
      signal,
    ),
  create: (body: NewConsultation) => api.post<Consultation>('/api/consultations', body),
  convert: (c: Consultation, v: ConvertInput) =>
    api.post<{ consultation: Consultation; matter: { id: string; number: string } }>(
      `/api/consultations/${c.id}/convert`,
      {
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
      },
    ),
};
