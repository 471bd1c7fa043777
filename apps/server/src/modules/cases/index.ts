/** The cases module's API for other modules (docs/ARCHITECTURE.md): import from '../cases'. */
export { approvalsOf, registerApprovalKind, requestApproval } from './approvals';
export type { ApprovalHandler, ApprovalRow } from './approvals';
export {
  activeRolesIn,
  assertCaseVisible,
  grantsOfUser,
  jurisdictionChain,
  withDescendants,
} from './cases.access';
export { MATTER_TITLE_SQL, priorityList } from './cases.presenter';
export {
  StaleCase,
  applyTransition,
  applyTransitionInTrx,
  openCaseInTrx,
  workflowToHttp,
} from './cases.service';
export type { TransitionInput } from './cases.service';
export { CASE_TRACKS } from './cases.tables';
export type { CaseTrack, TrackCaseTable } from './cases.tables';
export { TRACKS, TRACK_LABELS, canAssignAs, stateLabel, trackForArea } from './cases.tracks';
export { preconditionUnmet, registerProcedureCheck } from './procedure.registry';
export type { ProcedureCheck } from './procedure.registry';
export { CASE_LIST_COLUMNS, CASE_LIST_FROM, caseListItem, queueCases } from './queues.repository';
export type { CaseListRow, QueueFilters, QueueScope } from './queues.repository';
export { barredStaff, recusalRequired } from './recusal.service';
export {
  approvalRowsOf,
  approvedKinds,
  attachApprovalDocument,
  decideApproval,
  markApproved,
  pendingFor,
} from './approvals';
export type { ApprovalFormIssuer, GivenApproval } from './approvals';
export { type CaseNext, caseNext, nextStepsOf } from './cases.next';
