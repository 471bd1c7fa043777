import type { ItemOf, QueryOf, ResponseOf } from '../../lib/api-types-helpers';

// The API's shapes, generated from the server's OpenAPI (lib/api-types.ts, lib/api-types-helpers.ts).
export type WorkList = ResponseOf<'/api/work/{track}'>;
export type WorkPage = ResponseOf<'/api/work/queue'>;
export type WorkItem = ItemOf<WorkList>;
/** The list's filters (the route's query; the track is in the path, the page size the server's). */
export type WorkFilters = Omit<QueryOf<'/api/work/{track}'>, 'track' | 'pageSize'>;
export type QueueKind = NonNullable<WorkFilters['queue']>;
/** 我经办、待他人办理 (GET /api/work/waiting). */
export type WaitingList = ResponseOf<'/api/work/waiting'>;
export type WaitingItem = ItemOf<WaitingList>;
