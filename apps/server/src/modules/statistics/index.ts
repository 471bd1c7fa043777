/**
 * The statistics module's public API. No other module uses it; app.ts registers its routes (docs/ARCHITECTURE.md:
 * another module would import from '../statistics', never from its files).
 */
export { statisticsRoutes } from './statistics.routes';
