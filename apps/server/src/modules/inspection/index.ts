/** The inspection module's API for other modules (docs/ARCHITECTURE.md): import from '../inspection'. */
export { openExOfficioInTrx } from './campaign.service';
export { rolesOnCase } from './inspection.access';
export { employerParty } from './inspection.service';
