/** The court module's API for other modules (docs/ARCHITECTURE.md): import from '../court'. */
export type { CourtTables } from './court.tables';
