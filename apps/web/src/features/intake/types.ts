import type { Party, TriageResult } from '../matters/types';

export interface LookupResult {
  found: boolean;
  party: Party | null;
  derived: {
    normalized: string;
    sex: 'male' | 'female' | null;
    birthDate: string | null;
    minor: boolean;
  } | null;
}

export interface WorkerDraft {
  name: string;
  idType: string;
  idNumber: string;
  phone?: string;
  address?: string;
  migrantWorker?: boolean;
  disabled?: boolean;
  pregnantOrNursing?: boolean;
  minor?: boolean;
  representative?: boolean;
}

export interface EmployerDraft {
  name: string;
  creditCode?: string;
  legalRepresentative?: string;
  address?: string;
  contactName?: string;
  contactPhone?: string;
  industry?: string;
  size?: string;
  status?: string;
}

export interface ClaimDraft {
  type: string;
  amountFen?: number;
  periodFrom?: string;
  periodTo?: string;
  facts: string;
}

export interface IntakeDraft {
  channel: string;
  requestKind: string;
  jurisdictionId: string;
  workers: WorkerDraft[];
  employers: EmployerDraft[];
  claims: ClaimDraft[];
  narrative: string;
  facts: { employmentStart?: string; employmentEnd?: string; knewDate?: string; workplace?: string };
  triage?: {
    mode: 'accept' | 'override';
    routes?: { claimIndex: number; track: string }[];
    overrideReason?: string;
  };
  consent?: { given: boolean; method: 'window_signature' | 'online_confirmation'; workerIndex: number };
}

export interface TriagePreview {
  result: TriageResult;
  defaultRoutes: { claimIndex: number; track: string | null }[];
  openProceedings: { track: string; claimTypes: string[]; reference: string }[];
  duplicates: { id: string; number: string; status: string }[];
}
