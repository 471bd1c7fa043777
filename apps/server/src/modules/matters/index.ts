/**
 * The matters module's service API for other modules (docs/ARCHITECTURE.md): import from
 * '../matters', not from its files.
 */
export { fresh, partiesOf, StaleVersion, transact } from './matters.service';
export { claimsNotInOpenProcedure, createMatterRow, type NewMatter } from './matters.create';
