import type { BodyOf, ItemOf, ResponseOf } from '../../lib/api-types-helpers';

// The API's shapes, generated from the server's OpenAPI (lib/api-types.ts, lib/api-types-helpers.ts).
export type ClockRule = ItemOf<ResponseOf<'/api/clocks/rules'>>;
export type DeadlineResult = ResponseOf<'/api/clocks/calculate'>;
export type ClockList = ResponseOf<'/api/clocks/'>;
type MatterClock = ItemOf<ResponseOf<'/api/matters/{id}/clocks'>>;
/** A clock; in the matter's combined list also its `source` (the matter or the case it runs on). */
export type Clock = ItemOf<ClockList> & { source?: MatterClock['source'] };
export type ClockUrgency = Clock['urgency'];
export type PersonRef = NonNullable<Clock['responsible']>;
export type ClocksOverview = ResponseOf<'/api/clocks/overview'>;
export type OverviewCounts = ClocksOverview['totals'];
export type OverviewItem = ClocksOverview['groups'][number]['people'][number]['items'][number];
export type CalendarYear = ItemOf<ResponseOf<'/api/admin/calendar/years'>>;
export type CalendarYearDetail = ResponseOf<'/api/admin/calendar/years/{year}'>;
export type NoticeEntry = CalendarYearDetail['notice']['holidays'][number];
export type DayType = CalendarYearDetail['days'][number]['type'];
export type CalendarNotice = BodyOf<'/api/admin/calendar/years/{year}', 'put'>;
export type CalendarOverride = ItemOf<ResponseOf<'/api/admin/calendar/overrides'>>;
export type CalendarOverrideInput = BodyOf<'/api/admin/calendar/overrides', 'put'>;
export type NotificationList = ResponseOf<'/api/notifications/'>;
export type AppNotification = ItemOf<NotificationList>;
