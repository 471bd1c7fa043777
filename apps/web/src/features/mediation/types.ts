import type { Schema } from '../../lib/api-types';
import type { BodyOf, ItemOf, ResponseOf } from '../../lib/api-types-helpers';
import { money } from '../../lib/money';

// The API's shapes, generated from the server's OpenAPI (lib/api-types.ts, lib/api-types-helpers.ts).
export type MediationDetail = Schema<'MediationCase'>;
export type MediationItem = MediationDetail['items'][number];
export type MediationClaim = MediationDetail['claims'][number];
export type Reply = MediationItem['workerReply'];
export type MatterMediation = Schema<'MatterMediation'>;
export type StartMediation = BodyOf<'/api/matters/{id}/mediation', 'post'>;
export type MediationOrganization = ItemOf<ResponseOf<'/api/mediation/organizations'>>;
export type CalculationInput = BodyOf<'/api/calculators/entitlements', 'post'>;
export type CalculationKind = CalculationInput['kind'];
export type CalculationResult = ResponseOf<'/api/calculators/entitlements', 'post'>;

/** '¥4,500.00' (lib/money). */
export const yuan = money;
