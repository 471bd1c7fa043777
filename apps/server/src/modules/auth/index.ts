/**
 * The auth module's public API. No other module uses it; app.ts registers its routes (docs/ARCHITECTURE.md:
 * another module would import from '../auth', never from its files).
 */
export { authRoutes } from './auth.routes';
