import { api } from '../../../lib/api';
import type { Schema } from '../../../lib/api-types';
import type { ApiPath, BodyOf, ItemOf, MethodOf, ResponseOf } from '../../../lib/api-types-helpers';

export const MATERIAL_KINDS = {
  application: '仲裁申请书',
  applicant_id: '申请人身份证明',
  respondent_info: '被申请人主体资格材料（营业执照或登记信息）',
  evidence: '证据材料',
  authorization: '授权委托书',
  representatives: '集体争议代表人推选书',
  other: '其他材料',
} as const;
export type MaterialKind = keyof typeof MATERIAL_KINDS;

/** Shapes of the arbitration answers, generated from the server's OpenAPI (arbitration.responses.ts). */
export type Material = Schema<'ArbitrationMaterial'>;
export type CheckItem = Schema<'ArbitrationCheckItem'>;
export type CaseDoc = Schema<'ArbitrationCaseDocument'>;
export type ArbitrationCase = ResponseOf<'/api/arbitration/cases/{caseId}'>;
/** A legal precondition of a step that is not met (409 PRECONDITION_UNMET details have the same shape). */
export type GuardUnmet = Schema<'GuardUnmet'>;
export type GuardedStep = Schema<'ArbitrationGuardedStep'>;
export type CaseSummary = ItemOf<ResponseOf<'/api/arbitration/cases'>>;
export type StepResult = Schema<'ArbitrationStepResult'>;
export type DayClose = ResponseOf<'/api/arbitration/day-close'>;
export type PendingSameDay = DayClose['pending'][number];
export type Arbitrator = ItemOf<ResponseOf<'/api/arbitration/cases/{caseId}/arbitrators'>>;
export type CalendarData = ResponseOf<'/api/arbitration/calendar'>;
export type ApplicationBody = BodyOf<'/api/arbitration/applications', 'post'>;
type StepPath = Extract<ApiPath, `/api/arbitration/cases/{caseId}/${string}`>;
/** The body of one of the case's steps (POST /api/arbitration/cases/:caseId/…). */
export type ArbitrationStepBody = {
  [P in StepPath]: 'post' extends MethodOf<P> ? BodyOf<P, 'post' & MethodOf<P>> : never;
}[StepPath];
export type AwardItemInput = BodyOf<'/api/arbitration/determine', 'post'>['items'][number];

const c = (caseId: string, path = '') => `/api/arbitration/cases/${caseId}${path}`;

export const arbitrationApi = {
  list: (query: { matterId?: string; open?: boolean }, signal?: AbortSignal) =>
    api.get<ResponseOf<'/api/arbitration/cases'>>('/api/arbitration/cases', query, signal),
  get: (caseId: string, signal?: AbortSignal) => api.get<ArbitrationCase>(c(caseId), undefined, signal),
  create: (body: ApplicationBody) => api.post<StepResult>('/api/arbitration/applications', body),
  action: (caseId: string, path: string, body: ArbitrationStepBody) =>
    api.post<StepResult>(c(caseId, path), body),
  postpone: (hearingId: string, body: BodyOf<'/api/arbitration/hearings/{hearingId}/postpone', 'post'>) =>
    api.post<StepResult>(`/api/arbitration/hearings/${hearingId}/postpone`, body),
  arbitrators: (caseId: string, signal?: AbortSignal) =>
    api.get<ResponseOf<'/api/arbitration/cases/{caseId}/arbitrators'>>(
      c(caseId, '/arbitrators'),
      undefined,
      signal,
    ),
  dayClose: (signal?: AbortSignal) => api.get<DayClose>('/api/arbitration/day-close', undefined, signal),
  closeDay: () =>
    api.post<ResponseOf<'/api/arbitration/day-close', 'post'>>('/api/arbitration/day-close', {}),
  calendar: (from: string, days: number, signal?: AbortSignal) =>
    api.get<CalendarData>('/api/arbitration/calendar', { from, days }, signal),
  determine: (items: AwardItemInput[]) =>
    api.post<ResponseOf<'/api/arbitration/determine', 'post'>>('/api/arbitration/determine', { items }),
};
