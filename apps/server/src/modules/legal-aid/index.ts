/**
 * The legal-aid module's public API. No other module uses it; app.ts registers its routes (docs/ARCHITECTURE.md:
 * another module would import from '../legal-aid', never from its files).
 */
export { legalAidRoutes } from './legal-aid.routes';
