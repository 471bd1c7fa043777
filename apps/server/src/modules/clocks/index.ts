/** The clocks module's API for other modules (docs/ARCHITECTURE.md): import from '../clocks'. */
export { clocksRuntime, getClocksService } from './clocks.module';
export { presentClock, urgencyOf } from './clocks.presenter';
export type { ClockWithNames } from './clocks.presenter';
export { clockQuery, scopeOf } from './clocks.routes';
export { clockSchema } from './clocks.schema';
export { type UrgentClock, urgentClocks } from './clocks.urgent';
export { OPEN_STATUSES, computeOrProvisional } from './clocks.service';
