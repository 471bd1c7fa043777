import { api } from '../../../lib/api';
import type { BodyOf, ItemOf, ResponseOf } from '../../../lib/api-types-helpers';

type DockingList = ResponseOf<'/api/court-docking'>;
export type Docking = ItemOf<DockingList>;

export const courtApi = {
  list: (signal?: AbortSignal) => api.get<DockingList>('/api/court-docking', undefined, signal),
  delegate: (body: BodyOf<'/api/court-docking/delegations', 'post'>) =>
    api.post<Docking>('/api/court-docking/delegations', body),
  requestConfirmation: (body: BodyOf<'/api/court-docking/confirmations', 'post'>) =>
    api.post<Docking>('/api/court-docking/confirmations', body),
  step: (
    d: Docking,
    event: string,
    body: Omit<BodyOf<'/api/court-docking/{id}/steps/{event}', 'post'>, 'version'>,
  ) => api.post<Docking>(`/api/court-docking/${d.id}/steps/${event}`, { ...body, version: d.version }),
};
