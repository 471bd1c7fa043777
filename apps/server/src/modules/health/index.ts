/**
 * The health module's public API. No other module uses it; app.ts registers its routes (docs/ARCHITECTURE.md:
 * another module would import from '../health', never from its files).
 */
export { healthRoutes } from './health.routes';
