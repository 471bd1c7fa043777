/** The arbitration module's API for other modules (docs/ARCHITECTURE.md): import from '../arbitration'. */
export { jurisdictionNames } from './arbitration.data';
export { hearingRecordDocument } from './arbitration.documents';
export { createApplicationFromMatter } from './arbitration.service';
