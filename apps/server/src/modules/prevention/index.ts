/**
 * The prevention module's service API for other modules (docs/ARCHITECTURE.md): import from
 * '../prevention', not from its files.
 */
export { employerPrevention } from './prevention.employer';
