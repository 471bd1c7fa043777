import type { CaseTrackId } from '@onestop/domain/tracks/registry';
import type { Schema } from '../../lib/api-types';
import type { BodyOf, ItemOf, ResponseOf } from '../../lib/api-types-helpers';

/** The tracks come from the domain's track registry (packages/domain/src/tracks/registry.ts). */
export type CaseTrack = CaseTrackId;

// The API's shapes, generated from the server's OpenAPI (lib/api-types.ts, lib/api-types-helpers.ts).
export type CaseDetail = Schema<'TrackCase'>;
export type Ref = CaseDetail['organization'];
export type AvailableEvent = CaseDetail['availableEvents'][number];
export type Barred = CaseDetail['barred'][number];
export type CaseEvent = CaseDetail['events'][number];
export type CaseResult = ResponseOf<'/api/cases/{id}/transitions', 'post'>;
export type CaseList = ResponseOf<'/api/matters/{id}/cases'>;
export type CaseListItem = ItemOf<CaseList>;
export type AssigneeList = ResponseOf<'/api/cases/{id}/assignees'>;
export type Assignee = ItemOf<AssigneeList>;
export type OpenCaseInput = BodyOf<'/api/matters/{id}/cases', 'post'>;
export type TransitionInput = BodyOf<'/api/cases/{id}/transitions', 'post'>;
export type AssignInput = BodyOf<'/api/cases/{id}/assign', 'post'>;
export type ConflictInput = BodyOf<'/api/me/conflicts', 'post'>;
