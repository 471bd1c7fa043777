import type { BodyOf, ResponseOf } from '../../lib/api-types-helpers';

// The API's shapes, generated from the server's OpenAPI (lib/api-types.ts, lib/api-types-helpers.ts).
export type LookupResult = ResponseOf<'/api/parties/lookup'>;
/** The registration form's body: POST /api/intake (also sent to /api/intake/triage for the preview). */
export type IntakeDraft = BodyOf<'/api/intake', 'post'>;
export type WorkerDraft = IntakeDraft['workers'][number];
export type EmployerDraft = IntakeDraft['employers'][number];
export type ClaimDraft = IntakeDraft['claims'][number];
export type TriagePreview = ResponseOf<'/api/intake/triage', 'post'>;
export type JurisdictionNotice = BodyOf<'/api/matters/{id}/jurisdiction-notice', 'post'>;
