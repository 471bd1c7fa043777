import type { CaseTrackId } from '@onestop/domain/tracks/registry';

/** The tracks come from the domain's track registry (packages/domain/src/tracks/registry.ts). */
export type CaseTrack = CaseTrackId;

export interface Ref {
  id: string;
  name: string;
}

export interface AvailableEvent {
  event: string;
  label: string;
  to: string;
  toLabel: string;
  /** False when the guard refuses on the facts known so far (the dialog collects them). */
  enabled: boolean;
  reason: string | null;
  /** A legal act: the form where it is done (never a bare status change); null for a plain step. */
  actForm: string | null;
}

export interface Barred {
  userId: string;
  name: string;
  kind: 'prior_role' | 'declared_relation';
  reason: string;
  basis: string;
}

export interface CaseEvent {
  seq: number;
  event: string;
  eventLabel: string;
  fromState: string | null;
  fromLabel: string | null;
  toState: string;
  toLabel: string;
  actorName: string;
  role: string | null;
  at: string;
  reason: string | null;
  payload: Record<string, unknown> | null;
}

export interface CaseDetail {
  id: string;
  matterId: string;
  matterNumber: string;
  title: string | null;
  track: CaseTrack;
  trackLabel: string;
  number: string;
  state: string;
  stateLabel: string;
  closed: boolean;
  version: number;
  organization: Ref;
  jurisdiction: Ref;
  assignee: Ref | null;
  priorityFlags: { code: string; label: string }[];
  openedAt: string;
  closedAt: string | null;
  claims: {
    id: string;
    type: string;
    typeLabel: string;
    amountFen: number | null;
    facts: string;
    open: boolean;
    releasedReason: string | null;
  }[];
  events: CaseEvent[];
  clocks: { id: string; ruleId: string; name: string; dueDate: string; status: string; basis: string }[];
  availableEvents: AvailableEvent[];
  canAssign: boolean;
  barred: Barred[];
}

export interface CaseResult {
  case: CaseDetail;
  documents: { type: string; title: string }[];
  clocks: { ruleId: string; action: string; dueDate: string | null }[];
}

export interface CaseListItem {
  id: string;
  track: CaseTrack;
  trackLabel: string;
  number: string;
  state: string;
  stateLabel: string;
  closed: boolean;
  version: number;
  assigneeName: string | null;
  organizationName: string;
  openedAt: string;
  dueDate: string | null;
  openClaimIds: string[];
}

export interface CaseList {
  items: CaseListItem[];
  tracks: { track: CaseTrack; label: string; canOpen: boolean }[];
}

export interface Assignee {
  id: string;
  name: string;
  roles: string;
  barred: Barred | null;
}
