import type { Schema } from '../../lib/api-types';
import type { BodyOf, ItemOf, ResponseOf } from '../../lib/api-types-helpers';

// The API's shapes, generated from the server's OpenAPI (lib/api-types.ts, lib/api-types-helpers.ts).
type MatterDocument = ItemOf<ResponseOf<'/api/matters/{id}/documents'>>;
/** A document; in the matter's combined list also its `source` (the matter or the case it belongs to). */
export type OfficialDocument = Schema<'Document'> & { source?: MatterDocument['source'] };
export type DocumentService = OfficialDocument['services'][number];
export type DocumentState = OfficialDocument['state'];
export type ServiceMethod = DocumentService['method'];
export type ServiceState = DocumentService['state'];
export type ServiceSummary = OfficialDocument['serviceSummary'];
export type SubjectType = OfficialDocument['subjectType'];
export type FieldSpec = Schema<'DocumentFieldSpec'>;
export type DocumentTypeInfo = ItemOf<ResponseOf<'/api/documents/types'>>;
export type ServiceRecipient = ItemOf<ResponseOf<'/api/documents/{id}/recipients'>>;
export type ServiceInput = BodyOf<'/api/documents/{id}/service', 'post'>;
export type ServiceResultInput = BodyOf<'/api/documents/{id}/service/{serviceId}/result', 'post'>;
export type DocumentCreate = BodyOf<'/api/documents', 'post'>;
export type DocumentUpdate = BodyOf<'/api/documents/{id}', 'patch'>;
export type DocumentCorrect = BodyOf<'/api/documents/{id}/correct', 'post'>;
/** A document's template fields as the API takes them (field name → DocumentFieldValue). */
export type DocumentFields = DocumentCreate['fields'];
export type DocumentFieldValue = Schema<'DocumentFieldValueInput'>;
export type Verification = Schema<'DocumentVerification'>;
export type FileVerification = ResponseOf<'/api/verify/file', 'post'>;
