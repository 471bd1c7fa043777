/** The intake module's API for other modules (docs/ARCHITECTURE.md): import from '../intake'. */
export { claimInput, intakeBody } from './intake.schema';
export type { IntakeBody } from './intake.schema';
export {
  consentRecord,
  createIntake,
  flagDuplicates,
  insertMatterParts,
  validateIntake,
} from './intake.service';
export { buildTriageInput, findOpenProceedings, loadTriageSettings } from './triage.service';
