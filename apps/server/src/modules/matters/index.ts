/**
 * The matters module's service API for other modules (docs/ARCHITECTURE.md): import from
 * '../matters', not from its files.
 */
export { fresh, partiesOf, StaleVersion, transact } from './matters.service';
export { raiseAlerts } from './alerts';
export { evidenceFileName, sniffEvidenceType, storedFileColumns } from './evidence-files';
export type { EvidenceType } from './evidence-files';
export { EVIDENCE_MAX_BYTES } from './evidence.service';
export { loadMatterDetail, openDuplicates } from './matters.presenter';
export { classifyQuery } from './matters.repository';
export {
  CHANNEL_LABELS,
  TRACK_LABELS,
  idParam,
  matterDetailSchema,
  triageResultSchema,
} from './matters.schema';
export { CHANNELS, CLAIM_TRACKS, OPEN_STATUSES } from './matters.tables';
export type { ClaimTrack } from './matters.tables';
export {
  claimsInOpenProcedure,
  claimsNotInOpenProcedure,
  createMatterRow,
  type NewMatter,
} from './matters.create';
