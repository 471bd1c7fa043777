/**
 * The prevention module's public API. No other module uses it; app.ts registers its routes (docs/ARCHITECTURE.md:
 * another module would import from '../prevention', never from its files).
 */
export { preventionRoutes } from './prevention.routes';
