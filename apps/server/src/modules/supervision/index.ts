/**
 * The supervision module's public API. No other module uses it; app.ts registers its routes (docs/ARCHITECTURE.md:
 * another module would import from '../supervision', never from its files).
 */
export { supervisionRoutes } from './supervision.routes';
export { fileOutreachFinding } from './supervision.outreach';
