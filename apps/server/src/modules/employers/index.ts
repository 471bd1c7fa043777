/**
 * The employers module's public API. No other module uses it; app.ts registers its routes (docs/ARCHITECTURE.md:
 * another module would import from '../employers', never from its files).
 */
export { employersRoutes } from './employers.routes';
