import { describe, expect, it } from 'vitest';
import { ClockIllegalTransitionError } from './errors';
import {
  CLOCK_EVENTS,
  CLOCK_STATUSES,
  type ClockEvent,
  type ClockState,
  type ClockStatus,
  canTransitionClock,
  INITIAL_CLOCK_STATE,
  isTerminalClockStatus,
  transitionClock,
} from './state';

// Expected next status for every (status, event) pair; null = illegal. Written out by hand.
const EXPECTED: Record<ClockStatus, Record<ClockEvent, ClockStatus | null>> = {
  running: {
    suspend: 'suspended',
    resume: null,
    meet: 'met',
    miss: 'missed',
    extend: 'extended',
    restart: 'running',
    shorten: 'running',
  },
  extended: {
    suspend: 'suspended',
    resume: null,
    meet: 'met',
    miss: 'missed',
    extend: null,
    restart: 'running',
    shorten: null,
  },
  suspended: {
    suspend: null,
    resume: 'running',
    meet: 'met',
    miss: null,
    extend: null,
    restart: 'running',
    shorten: 'suspended',
  },
  met: { suspend: null, resume: null, meet: null, miss: null, extend: null, restart: null, shorten: null },
  missed: { suspend: null, resume: null, meet: null, miss: null, extend: null, restart: null, shorten: null },
};

describe('clock state machine', () => {
  const pairs = CLOCK_STATUSES.flatMap((status) => CLOCK_EVENTS.map((event) => [status, event] as const));

  it.each(pairs)('%s + %s', (status, event) => {
    const state: ClockState = { status, extended: status === 'extended' };
    const expected = EXPECTED[status][event];
    expect(canTransitionClock(state, event)).toBe(expected !== null);
    if (expected === null) {
      expect(() => transitionClock(state, event)).toThrow(ClockIllegalTransitionError);
      try {
        transitionClock(state, event);
      } catch (error) {
        expect(error).toMatchObject({ code: 'CLOCK_ILLEGAL_TRANSITION', from: status, event });
      }
    } else {
      expect(transitionClock(state, event).status).toBe(expected);
    }
  });

  it('remembers an extension across a suspension and forbids a second one', () => {
    let state = transitionClock(INITIAL_CLOCK_STATE, 'extend');
    state = transitionClock(state, 'suspend');
    expect(state).toEqual({ status: 'suspended', extended: true });
    state = transitionClock(state, 'resume');
    expect(state).toEqual({ status: 'extended', extended: true });
    expect(() => transitionClock({ status: 'running', extended: true }, 'extend')).toThrow(/不得再次延长/);
    expect(transitionClock(state, 'restart')).toEqual({ status: 'running', extended: false });
  });

  it('explains an illegal event in Chinese', () => {
    expect(() => transitionClock({ status: 'met', extended: false }, 'suspend')).toThrow(
      '期限处于“已按期完成”状态，不能中止',
    );
    expect(isTerminalClockStatus('met')).toBe(true);
    expect(isTerminalClockStatus('suspended')).toBe(false);
  });
});
