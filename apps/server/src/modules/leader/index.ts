/**
 * The leader module's public API. No other module uses it; app.ts registers its routes (docs/ARCHITECTURE.md:
 * another module would import from '../leader', never from its files).
 */
export { leaderRoutes } from './leader.routes';
