/** The mediation module's API for other modules (docs/ARCHITECTURE.md): import from '../mediation'. */
export { mediationIssuer } from './mediation.issuer';
export { itemOutcome } from './mediation.rules';
export { recordProposalReplies, startMediation } from './mediation.service';
