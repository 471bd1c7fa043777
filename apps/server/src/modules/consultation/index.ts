/** The consultation module's API for other modules (docs/ARCHITECTURE.md): import from '../consultation'. */
export type { ConsultationTables } from './consultation.tables';
export { asWindow } from './window';
