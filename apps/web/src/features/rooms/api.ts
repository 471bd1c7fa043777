import { api } from '../../lib/api';

/** An online room as the staff app sees it (schema `Room` of the OpenAPI document). */
export interface StaffRoom {
  id: string;
  caseId: string;
  caseNumber: string;
  matterId: string;
  kind: 'mediation' | 'hearing';
  kindLabel: string;
  format: 'in_person' | 'video' | 'phone' | 'written';
  formatLabel: string;
  formatBasis: string;
  startsAt: string;
  startsAtText: string;
  place: string | null;
  state: 'scheduled' | 'open' | 'closed';
  stateLabel: string;
  recordingOptIn: boolean;
  record: {
    text: string;
    state: 'drafting' | 'signing' | 'issued';
    stateLabel: string;
    sha256: string | null;
    documentId: string | null;
    documentNumber: string | null;
    documentSha256: string | null;
    documentTitle: string;
  };
  staffSignatures: { name: string; role: string; at: string }[];
  invitations: {
    id: string;
    partyId: string;
    role: 'worker' | 'employer';
    name: string;
    preference: string;
    preferenceLabel: string;
    adjustments: string[];
    note: string | null;
    smsState: string;
    entered: boolean;
    recordingAcknowledged: boolean;
    signature: { outcome: 'signed' | 'refused'; at: string; reason: string | null } | null;
  }[];
  me: { role: string; name: string; host: boolean; entered: boolean; recordingAcknowledged: boolean };
  exhibits: {
    id: string;
    name: string;
    contentType: string;
    note: string | null;
    shownBy: string;
    shownAt: string;
  }[];
  evidence: { id: string; name: string; contentType: string; description: string | null }[];
  recordings: {
    id: string;
    state: 'recording' | 'stored';
    sha256: string | null;
    sizeBytes: number;
    startedBy: string;
    startedAt: string;
  }[];
  dialIn: { phone: string | null; text: string };
  iceServers: { urls: string[]; username?: string; credential?: string }[];
  version: number;
}

export interface RoomListItem {
  id: string;
  caseNumber: string;
  kindLabel: string;
  formatLabel: string;
  startsAtText: string;
  stateLabel: string;
  online: boolean;
}

export const roomsApi = {
  list: (caseId: string) => api.get<{ items: RoomListItem[] }>(`/api/cases/${caseId}/rooms`),
  schedule: (caseId: string, body: unknown) => api.post<StaffRoom>(`/api/cases/${caseId}/rooms`, body),
  get: (id: string) => api.get<StaffRoom>(`/api/rooms/${id}`),
  saveRecord: (id: string, body: { version: number; text: string }) =>
    api.put<{ version: number }>(`/api/rooms/${id}/record`, body),
  finish: (id: string, version: number) => api.post<StaffRoom>(`/api/rooms/${id}/record/finish`, { version }),
  sign: (id: string) => api.post<StaffRoom>(`/api/rooms/${id}/record/sign`, {}),
  exhibit: (id: string, body: { evidenceId: string; note?: string }) =>
    api.post<StaffRoom>(`/api/rooms/${id}/exhibits`, body),
  issue: (id: string, version: number) => api.post<StaffRoom>(`/api/rooms/${id}/record/issue`, { version }),
  parties: (matterId: string) =>
    api.get<{ workers: { id: string; name: string }[]; employers: { id: string; name: string }[] }>(
      `/api/matters/${matterId}`,
    ),
};
