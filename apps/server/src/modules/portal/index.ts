/** The portal module's API for other modules (docs/ARCHITECTURE.md): import from '../portal'. */
export { myMemberships } from './portal.access';
export { portalActor, registerPortalSession, requireAccount, requirePortal } from './portal.session';
export type { PortalContext } from './portal.session';
export { PORTAL_CODE_SMS_JOB } from './portal.sms';
export { attachUploadsAsEvidence } from './portal.uploads';
