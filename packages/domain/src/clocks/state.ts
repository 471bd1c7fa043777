import { ClockIllegalTransitionError } from './errors';

/**
 * Clock lifecycle as a small pure machine. `extended` is remembered across a suspension so that a
 * resumed extended clock is still extended and cannot be extended twice.
 */
export type ClockStatus = 'running' | 'suspended' | 'met' | 'missed' | 'extended';
export type ClockEvent = 'suspend' | 'resume' | 'meet' | 'miss' | 'extend' | 'restart' | 'shorten';

export const CLOCK_STATUSES: readonly ClockStatus[] = ['running', 'suspended', 'met', 'missed', 'extended'];
export const CLOCK_EVENTS: readonly ClockEvent[] = [
  'suspend',
  'resume',
  'meet',
  'miss',
  'extend',
  'restart',
  'shorten',
];
export const TERMINAL_CLOCK_STATUSES: readonly ClockStatus[] = ['met', 'missed'];

export const CLOCK_STATUS_LABELS: Readonly<Record<ClockStatus, string>> = {
  running: '计时中',
  suspended: '已中止',
  met: '已按期完成',
  missed: '已逾期',
  extended: '已延长',
};

export const CLOCK_EVENT_LABELS: Readonly<Record<ClockEvent, string>> = {
  suspend: '中止',
  resume: '恢复计时',
  meet: '完成',
  miss: '确认逾期',
  extend: '延长',
  restart: '重新起算',
  shorten: '经同意缩短',
};

export interface ClockState {
  status: ClockStatus;
  /** True once an extension has been granted (only one extension per clock). */
  extended: boolean;
}

/** (status, event) → next status. 'resume' returns to 'extended' when the clock had been extended. */
export const CLOCK_TRANSITIONS: Readonly<Record<ClockStatus, Partial<Record<ClockEvent, ClockStatus>>>> = {
  running: {
    suspend: 'suspended',
    meet: 'met',
    miss: 'missed',
    extend: 'extended',
    restart: 'running',
    shorten: 'running',
  },
  extended: { suspend: 'suspended', meet: 'met', miss: 'missed', restart: 'running' },
  suspended: { resume: 'running', meet: 'met', restart: 'running', shorten: 'suspended' },
  met: {},
  missed: {},
};

export const INITIAL_CLOCK_STATE: ClockState = { status: 'running', extended: false };

export function canTransitionClock(state: ClockState, event: ClockEvent): boolean {
  if (event === 'extend' && state.extended) return false;
  return CLOCK_TRANSITIONS[state.status][event] !== undefined;
}

/** Pure transition; throws ClockIllegalTransitionError (code CLOCK_ILLEGAL_TRANSITION). */
export function transitionClock(state: ClockState, event: ClockEvent): ClockState {
  const next = CLOCK_TRANSITIONS[state.status][event];
  if (next === undefined || (event === 'extend' && state.extended)) {
    const reason = event === 'extend' && state.extended ? '（该期限已延长过，不得再次延长）' : '';
    throw new ClockIllegalTransitionError(
      state.status,
      event,
      `期限处于“${CLOCK_STATUS_LABELS[state.status]}”状态，不能${CLOCK_EVENT_LABELS[event]}${reason}`,
    );
  }
  if (event === 'restart') return { status: 'running', extended: false };
  if (event === 'extend') return { status: 'extended', extended: true };
  if (event === 'resume')
    return { status: state.extended ? 'extended' : 'running', extended: state.extended };
  return { status: next, extended: state.extended };
}

export function isTerminalClockStatus(status: ClockStatus): boolean {
  return TERMINAL_CLOCK_STATUSES.includes(status);
}
