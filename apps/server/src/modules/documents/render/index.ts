// Public API of the document rendering library (pure: no database, no network).
export { renderDocx } from './docx/render-docx.js';
export {
  type Block,
  DOCUMENT_TYPES,
  type DocumentModel,
  type DocumentType,
  formatChineseDate,
  formatChineseDateTime,
  formatYuan,
  InvalidDocumentError,
  type Issuer,
  type MissingField,
  MissingFieldsError,
  type Verification,
} from './model.js';
export { DEFAULT_FALLBACK_FONTS, type FallbackFont } from './pdf/fonts.js';
export { PAGE, mm } from './pdf/page.js';
export { type PdfRenderOptions, renderPdf } from './pdf/render-pdf.js';
export { SAMPLE_FIELDS, sampleSealPng } from './samples.js';
export {
  createDocument,
  type DocumentFieldsMap,
  type DocumentInput,
  requiredDisplayValues,
  TEMPLATES,
} from './templates/index.js';
export type { DocumentContext, DocumentTemplate, FieldSpec, TribunalSeat } from './templates/template.js';
export { partyBlocks, tribunalEntries } from './templates/template.js';
