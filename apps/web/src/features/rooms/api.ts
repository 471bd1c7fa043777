import { api } from '../../lib/api';
import type { Schema } from '../../lib/api-types';
import type { BodyOf, ItemOf, ResponseOf } from '../../lib/api-types-helpers';

// The API's shapes, generated from the server's OpenAPI (lib/api-types.ts, lib/api-types-helpers.ts).
/** An online room as the staff app sees it (schema `Room` of the OpenAPI document). */
export type StaffRoom = Schema<'Room'>;
export type RoomList = ResponseOf<'/api/cases/{caseId}/rooms'>;
export type RoomListItem = ItemOf<RoomList>;
export type ScheduleRoomInput = BodyOf<'/api/cases/{caseId}/rooms', 'post'>;
/** The matter's parties, from which a room's invitations are chosen. */
type MatterParties = Pick<ResponseOf<'/api/matters/{id}'>, 'workers' | 'employers'>;

export const roomsApi = {
  list: (caseId: string) => api.get<RoomList>(`/api/cases/${caseId}/rooms`),
  schedule: (caseId: string, body: ScheduleRoomInput) =>
    api.post<StaffRoom>(`/api/cases/${caseId}/rooms`, body),
  get: (id: string) => api.get<StaffRoom>(`/api/rooms/${id}`),
  saveRecord: (id: string, body: BodyOf<'/api/rooms/{id}/record', 'put'>) =>
    api.put<ResponseOf<'/api/rooms/{id}/record', 'put'>>(`/api/rooms/${id}/record`, body),
  finish: (id: string, version: number) => api.post<StaffRoom>(`/api/rooms/${id}/record/finish`, { version }),
  sign: (id: string) => api.post<StaffRoom>(`/api/rooms/${id}/record/sign`, {}),
  exhibit: (id: string, body: BodyOf<'/api/rooms/{id}/exhibits', 'post'>) =>
    api.post<StaffRoom>(`/api/rooms/${id}/exhibits`, body),
  issue: (id: string, version: number) => api.post<StaffRoom>(`/api/rooms/${id}/record/issue`, { version }),
  parties: (matterId: string) => api.get<MatterParties>(`/api/matters/${matterId}`),
};
