import type { Schema } from '../../lib/api-types';
import type { BodyOf, ItemOf, QueryOf, ResponseOf } from '../../lib/api-types-helpers';
import { CASE_TRACK_LABELS, CLAIM_TRACK_LABELS } from '@onestop/domain/tracks/registry';

// The API's shapes, generated from the server's OpenAPI (lib/api-types.ts, lib/api-types-helpers.ts).
export type Party = Schema<'Party'>;
export type PartyPii = ResponseOf<'/api/parties/{id}/pii'>;
export type MatterDetail = Schema<'MatterDetail'>;
export type MatterRef = MatterDetail['duplicates'][number];
export type Claim = MatterDetail['claims'][number];
export type Evidence = MatterDetail['evidence'][number];
export type TimelineEvent = MatterDetail['timeline'][number];
export type TriageResult = Schema<'TriageResult'>;
export type Recommendation = TriageResult['recommendations'][number];
export type TriageDecision = Schema<'TriageDecision'>;
export type MediationConsent = Schema<'MediationConsent'>;
export type MatterAction = MatterDetail['allowedActions'][number];
export type MatterList = ResponseOf<'/api/matters'>;
export type MatterListItem = ItemOf<MatterList>;
export type MatterListQuery = QueryOf<'/api/matters'>;
export type MatterPatch = BodyOf<'/api/matters/{id}', 'patch'>;
export type MatterMerge = BodyOf<'/api/matters/{id}/merge', 'post'>;
export type EvidenceUpload = ResponseOf<'/api/matters/{id}/evidence', 'post'>;

export const PRIORITY_LABELS: Record<string, string> = {
  wage_arrears: '欠薪',
  work_injury: '工伤',
  collective: '集体争议',
  migrant_worker: '农民工',
  pregnant_or_nursing: '三期女职工',
  disabled: '残疾人',
  minor: '未成年人',
};

/** Routing labels (分流去向) of the domain's track registry, case labels for tracks without routing. */
export const TRACK_LABELS: Record<string, string> = { ...CASE_TRACK_LABELS, ...CLAIM_TRACK_LABELS };

export const CHANNEL_OPTIONS = [
  { value: 'window', label: '窗口来访' },
  { value: 'online', label: '网上申请' },
  { value: 'hotline_12333', label: '12333热线' },
  { value: 'mail', label: '信函邮寄' },
  { value: 'petition_transfer', label: '信访转入' },
  { value: 'inspection_transfer', label: '监察转入' },
  { value: 'court_delegated', label: '法院委派' },
  { value: 'union_transfer', label: '工会转入' },
  { value: 'other_transfer', label: '其他部门转入' },
];

export const STATUS_OPTIONS = [
  { value: 'registered', label: '已登记待分流' },
  { value: 'routed', label: '已分流' },
  { value: 'closed', label: '已办结' },
  { value: 'merged', label: '已合并' },
];
