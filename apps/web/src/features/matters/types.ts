import type { Schema } from '../../lib/api-types';
import { CASE_TRACK_LABELS, CLAIM_TRACK_LABELS } from '@onestop/domain/tracks/registry';

/** Generated from the server's OpenAPI (lib/api-types.ts). */
export type Party = Schema<'Party'>;

export interface PartyPii {
  id: string;
  name: string;
  idNumber: string | null;
  phone: string | null;
  address: string | null;
}

export interface MatterRef {
  id: string;
  number: string;
  status: string;
}

export interface Claim {
  id: string;
  type: string;
  label: string;
  amountFen: number | null;
  amountText: string | null;
  periodFrom: string | null;
  periodTo: string | null;
  facts: string;
  track: string | null;
  trackLabel: string | null;
  status: string;
  basis: string | null;
}

export interface Evidence {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  description: string | null;
  uploadedAt: string;
  uploadedBy: string | null;
}

export interface TimelineEvent {
  id: number;
  at: string;
  actorName: string;
  kind: string;
  summary: string;
}

export interface Recommendation {
  track: string;
  reason: string;
  basis: string;
  ruleId: string;
  claimTypes: string[];
  referTo?: string;
  urgent?: boolean;
}

export interface TriageResult {
  opensCase: boolean;
  recommendations: Recommendation[];
  warnings: { code: string; message: string; basis: string }[];
  conflicts: { claimType: string; message: string; basis: string; reference?: string }[];
  choice: { message: string; basis: string; options: { track: string; explanation: string }[] } | null;
  priorityFlags: string[];
  collective: boolean;
  sameDayAcceptance: boolean;
}

export interface TriageDecision {
  mode: 'accept' | 'override';
  routes: { claimIndex: number; claimType: string; track: string | null }[];
  overrideReason: string | null;
}

export interface MediationConsent {
  given: boolean;
  methodLabel: string;
  workerName: string;
  recordedByName: string;
  at: string;
}

export type MatterAction = 'edit' | 'triage' | 'uploadEvidence' | 'merge' | 'viewPii' | 'downloadEvidence';

// Hand-written: the server declares triage result/decision as unknown (z.unknown()).
export interface MatterDetail {
  id: string;
  number: string;
  channel: string;
  channelLabel: string;
  status: string;
  statusLabel: string;
  narrative: string;
  jurisdiction: { id: string; name: string };
  responsible: { id: string; name: string } | null;
  createdBy: string | null;
  receivedAt: string;
  workerCount: number;
  collective: boolean;
  priorityFlags: string[];
  workers: (Party & { representative: boolean })[];
  employers: Party[];
  claims: Claim[];
  totalAmountFen: number;
  evidence: Evidence[];
  triage: {
    result: TriageResult | null;
    decision: TriageDecision | null;
    decidedBy: string | null;
    decidedAt: string | null;
    mediationConsent: MediationConsent | null;
  };
  duplicateOf: MatterRef | null;
  duplicates: MatterRef[];
  mergedInto: MatterRef | null;
  timeline: TimelineEvent[];
  allowedActions: MatterAction[];
  version: number;
}

export interface MatterListItem {
  id: string;
  number: string;
  status: string;
  statusLabel: string;
  channel: string;
  channelLabel: string;
  receivedAt: string;
  jurisdictionName: string;
  workers: string;
  employers: string;
  workerCount: number;
  collective: boolean;
  priorityFlags: string[];
}

export interface MatterList {
  items: MatterListItem[];
  page: number;
  pageSize: number;
  hasMore: boolean;
  searchedBy: 'none' | 'number' | 'identity' | 'name';
}

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
