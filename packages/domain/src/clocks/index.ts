export {
  type AppliedExtension,
  type ComputeDueOptions,
  computeDue,
  type DueComputation,
  type ExtensionApproval,
  validateExtension,
} from './compute';
// DomainError itself is exported by workflows (one class for the whole domain).
export { ClockIllegalTransitionError, ClockInputError, type ClockInputErrorCode } from './errors';
export { CLOCK_RULES, findRule, requireRule, rulesForTrack, rulesRestartedBy } from './rules';
export {
  CLOCK_EVENT_LABELS,
  CLOCK_EVENTS,
  CLOCK_STATUS_LABELS,
  CLOCK_STATUSES,
  CLOCK_TRANSITIONS,
  type ClockEvent,
  type ClockState,
  type ClockStatus,
  canTransitionClock,
  INITIAL_CLOCK_STATE,
  isTerminalClockStatus,
  TERMINAL_CLOCK_STATUSES,
  transitionClock,
} from './state';
export {
  CLOCK_TRACK_LABELS,
  CLOCK_UNIT_LABELS,
  type ClockConfidence,
  type ClockExtension,
  type ClockRollover,
  type ClockRule,
  type ClockTrack,
  type ClockTrigger,
  type ClockUnit,
} from './types';
export { type ClockUrgency, clockUrgency, DUE_SOON_WORKING_DAYS, reminderSchedule } from './urgency';
