/** The documents module's API for other modules (docs/ARCHITECTURE.md): import from '../documents'. */
export { contentDisposition } from './documents.access';
export { markOpened, recordService } from './documents.delivery';
export { validateFields } from './documents.fields';
export { mediationPatterns } from './documents.numbering';
export { getDocumentsService } from './documents.plugin';
export { documentQuery, presentDocument, servicesFor } from './documents.presenter';
export { registerIssueEnricher } from './documents.render-job';
export type { IssueEnricher } from './documents.render-job';
export { documentSchema } from './documents.schema';
export type { IssuedRef } from './documents.service';
export { sampleSealPng } from './render/index';
export { PETITION_OUTCOMES } from './render/templates/other';
export { SHORT_CODE_ALPHABET, SHORT_CODE_LENGTH, formatShortCode, generateShortCode } from './short-code';
export { INTERNAL_FORM_TYPES } from './verify.summary';
export { METHOD_LABELS } from './documents.delivery';
