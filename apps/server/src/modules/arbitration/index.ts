/** The arbitration module's API for other modules (docs/ARCHITECTURE.md): import from '../arbitration'. */
export { jurisdictionNames } from './arbitration.data';
export { hearingRecordDocument } from './arbitration.documents';
export { createApplicationFromMatter } from './arbitration.service';
export { caseParam } from './arbitration.schema';
export { submitWritten, writtenHearingView } from './arbitration.written';
export type { WrittenMember } from './arbitration.written';
export { submitBody } from './arbitration.written.routes';
export { writtenSchema } from './arbitration.responses';
