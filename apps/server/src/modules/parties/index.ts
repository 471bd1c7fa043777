/** The parties module's API for other modules (docs/ARCHITECTURE.md): import from '../parties'. */
export { employerInput, partySchema, workerInput } from './parties.schema';
export type { EmployerInput } from './parties.schema';
export {
  checkCreditCode,
  checkIdentity,
  checkPhone,
  identityHash,
  likeEscape,
  phoneHash,
  presentParty,
  upsertEmployer,
  upsertWorker,
} from './parties.service';
export type { PartiesTables } from './parties.tables';
