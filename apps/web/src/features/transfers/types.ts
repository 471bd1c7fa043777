import type { CaseTrack, Ref } from '../cases/types';

export interface Transfer {
  id: string;
  matterId: string;
  matterNumber: string;
  matterTitle: string | null;
  caseId: string | null;
  caseNumber: string | null;
  fromOrg: Ref;
  fromUser: Ref;
  toOrg: Ref;
  toTrack: CaseTrack | null;
  toTrackLabel: string | null;
  claimIds: string[];
  reason: string;
  state: 'pending' | 'accepted' | 'returned';
  stateLabel: string;
  slipDocumentId: string | null;
  openedCaseId: string | null;
  openedCaseNumber: string | null;
  createdAt: string;
  acceptBy: string | null;
  overdue: boolean;
  decidedAt: string | null;
  decidedBy: Ref | null;
  returnReason: string | null;
  version: number;
  canDecide: boolean;
}

export type TransferBox = 'inbox' | 'outbox';
