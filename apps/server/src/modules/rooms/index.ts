/**
 * The rooms module's public API. No other module uses it; app.ts registers its routes (docs/ARCHITECTURE.md:
 * another module would import from '../rooms', never from its files).
 */
export { roomsModule } from './rooms.module';
