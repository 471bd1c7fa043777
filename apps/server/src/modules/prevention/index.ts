/**
 * The prevention module's service API for other modules (docs/ARCHITECTURE.md): import from
 * '../prevention', not from its files; app.ts registers its routes.
 */
export { employerPrevention } from './prevention.employer';
export { preventionRoutes } from './prevention.routes';
