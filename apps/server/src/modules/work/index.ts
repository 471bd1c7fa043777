/**
 * The work module's public API. No other module uses it; app.ts registers its routes (docs/ARCHITECTURE.md:
 * another module would import from '../work', never from its files).
 */
export { workRoutes } from './work.routes';
