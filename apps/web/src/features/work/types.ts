import type { RoleCode } from '@onestop/domain';
import type { NamedRef } from '../auth/types';

export interface WorkItem {
  id: string;
  /** A track case, or a transfer to my organisation awaiting acceptance. */
  kind: 'case' | 'transfer' | 'matter' | 'correction' | 'service' | 'approval' | 'mediation' | 'acceptance';
  number: string;
  title: string;
  status: string;
  statusLabel: string;
  dueDate: string | null;
  /** The 办理期限 is provisional: its year's holiday notice is not entered yet (shown as 暂定). */
  dueProvisional?: boolean;
  priority: boolean;
  priorityFlags: { code: string; label: string }[];
  track: string | null;
  trackLabel: string | null;
  matterId: string;
  matterNumber: string;
  jurisdictionName: string | null;
  organizationName: string;
  assigneeName: string | null;
  openedAt: string;
  link: string;
}

export type QueueKind = 'all' | 'mine' | 'org' | 'unassigned';

export interface WorkFilters {
  queue?: QueueKind;
  status?: string;
  priority?: string;
  dueBefore?: string;
  jurisdictionId?: string;
  q?: string;
  page?: number;
}

export interface WorkPage {
  items: WorkItem[];
  page: number;
  pageSize: number;
  hasMore: boolean;
}

export interface WorkList extends WorkPage {
  scope: { role: RoleCode; jurisdictions: NamedRef[] };
}
