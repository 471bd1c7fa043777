import type { RoleCode } from '@onestop/domain';
import type { NamedRef } from '../auth/types';

export interface WorkItem {
  id: string;
  number: string;
  title: string;
  status: string;
  statusLabel: string;
  dueDate: string | null;
  priority: boolean;
}

export interface WorkList {
  items: WorkItem[];
  scope: { role: RoleCode; jurisdictions: NamedRef[] };
}
