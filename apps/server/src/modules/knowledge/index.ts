/** The knowledge module's API for other modules (docs/ARCHITECTURE.md): import from '../knowledge'. */
export type { KnowledgeTables } from './knowledge.tables';
