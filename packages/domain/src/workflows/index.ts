export {
  ARBITRATION_EVENT_LABELS,
  ARBITRATION_REJECTION_REASONS,
  ARBITRATION_STATE_LABELS,
  ARBITRATION_SUSPENSION_GROUNDS,
  type ArbitrationContext,
  type ArbitrationEvent,
  type ArbitrationState,
} from './arbitration.context';
export { arbitrationMachine } from './arbitration.machine';
export { type ConsultationContext, consultationMachine } from './consultation.machine';
export {
  type CourtContext,
  type CourtDockingEvent,
  courtDockingMachine,
  type DockingState,
} from './court.machine';
export { DOCUMENT_TYPES, type DocumentType, isDocumentType } from './documents';
export * from './engine';
export * from './errors';
export { type InspectionContext, inspectionMachine } from './inspection.machine';
export {
  APPROVAL_FORMS,
  type ApprovalForm,
  type ApprovalFormKind,
  FILING_APPROVAL_BASIS,
  FILING_APPROVAL_DEFAULTS,
  type FilingApprovalPolicy,
  filingApprovalRequired,
  isApprovalFormKind,
  isFilingApprovalPolicy,
  mayApproveForm,
  INSPECTION_FILING_APPROVAL_DEFAULT,
  type InspectionFilingApprovalPolicy,
  inspectionFilingApprovalRequired,
  isInspectionFilingApprovalPolicy,
} from './approvals';
export {
  type ApprovalRule,
  INSPECTION_APPROVALS,
  INSPECTION_FORM_KIND,
  type InspectionApprovalKind,
  inspectionApprovalKey,
  mayApprove,
} from './inspection.approvals';
export { type LegalAidContext, legalAidMachine } from './legal-aid.machine';
export { type MediationContext, mediationMachine } from './mediation.machine';
export { type PetitionContext, petitionMachine } from './petition.machine';
export { type TransferContext, transferMachine } from './transfer.machine';
export { WORKFLOW_MACHINES } from './registry';
export {
  ARBITRATION_GUARDS,
  ARBITRATION_STEP_GUARDS,
  type ArbitrationSnapshot,
  arbitrationStepVerdict,
} from './arbitration.guards';
export {
  INSPECTION_GUARDS,
  INSPECTION_STEP_GUARDS,
  type InspectionSnapshot,
  inspectionStepVerdict,
} from './inspection.guards';
export type {
  GuardResult,
  GuardUnmet,
  ProcedureGuard,
  StepVerdict,
} from './procedure';
export { type OpenStep, type WaitingOn, waitingOn } from './waiting';
