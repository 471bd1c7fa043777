/**
 * The admin module's public API. No other module uses it; app.ts registers its routes (docs/ARCHITECTURE.md:
 * another module would import from '../admin', never from its files).
 */
export { adminRoutes } from './admin.routes';
export { auditRoutes } from './audit.routes';
export { jobsRoutes } from './jobs.routes';
export { usersRoutes } from './users.routes';
