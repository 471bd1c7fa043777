import { api } from '../../../lib/api';
import type { ItemOf, ResponseOf } from '../../../lib/api-types-helpers';

// The API's shapes, generated from the server's OpenAPI (lib/api-types.ts).
export type EmployerProfile = ResponseOf<'/api/employers/{id}/profile'>;
/** Its enterprise mediation committee and the outreach visits to it (issue #19). */
export type EmployerPrevention = EmployerProfile['prevention'];
export type RiskList = ResponseOf<'/api/employers/risk'>;
export type RiskItem = ItemOf<RiskList>;
export type RiskFactor = RiskItem['factors'][number];

export const employersApi = {
  risk: (signal?: AbortSignal) => api.get<RiskList>('/api/employers/risk', undefined, signal),
  profile: (id: string, signal?: AbortSignal) =>
    api.get<EmployerProfile>(`/api/employers/${id}/profile`, undefined, signal),
  byCode: (code: string) =>
    api.get<ResponseOf<'/api/employers/by-code/{creditCode}'>>(
      `/api/employers/by-code/${encodeURIComponent(code)}`,
    ),
};
