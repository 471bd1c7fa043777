import { describe, expect, it } from 'vitest';
import { arbitrationMachine } from './arbitration.machine';
import { defineMachine } from './engine';
import { inspectionMachine } from './inspection.machine';
import { waitingOn } from './waiting';

describe('waitingOn', () => {
  it('a same-day application waits on those who decide its acceptance, not on the window (the same-day promise is met outside the machine: the statutory period decides)', () => {
    const w = waitingOn(arbitrationMachine, 'received', [
      'center.same-day-acceptance',
      'arbitration.acceptance',
    ]);
    expect(w).toEqual({
      steps: [{ event: 'accept', label: '受理立案', roles: ['arbitrator', 'leader'] }],
      roles: ['arbitrator', 'leader'],
      text: '仲裁员、领导：受理立案',
      answersClock: true,
    });
  });

  it('without a running limit lists every step open in the state', () => {
    const w = waitingOn(arbitrationMachine, 'received', []);
    expect(w?.answersClock).toBe(false);
    expect(w?.steps.map((s) => s.event)).toEqual([
      'request_correction',
      'suggest_mediation',
      'accept',
      'reject',
      'redirect',
    ]);
    expect(w?.roles).toEqual(['intake_clerk', 'mediator', 'arbitrator', 'tribunal_clerk', 'leader']);
  });

  it('falls back to every open step when no step from the state stops the running limit', () => {
    const w = waitingOn(inspectionMachine, 'registered', ['no.such.rule']);
    expect(w?.answersClock).toBe(false);
    expect(w?.steps.length).toBe(inspectionMachine.transitions.filter((t) => t.from === 'registered').length);
  });

  it('a closed record waits on nobody; an award waits on its service', () => {
    expect(waitingOn(arbitrationMachine, 'closed', [])).toBeNull();
    expect(waitingOn(arbitrationMachine, 'awarded', [])?.steps.map((s) => s.event)).toEqual([
      'serve_final_award',
      'serve_non_final_award',
    ]);
  });
});

describe('waitingOn, steps that end the record', () => {
  // A throw-away machine: from 'open', one onward step and one ending step both stop the limit.
  const machine = defineMachine({
    track: 'example',
    states: { open: '办理中', next: '下一步', ended: '已终结' },
    events: { proceed: '继续办理', end: '终结', drop: '放弃' },
    initial: 'open',
    terminal: ['ended'],
    transitions: [
      { from: 'open', event: 'proceed', to: 'next', roles: ['mediator'], clocksStop: ['limit'] },
      { from: 'open', event: 'end', to: 'ended', roles: ['leader'], clocksStop: ['limit'] },
      { from: 'next', event: 'drop', to: 'ended', roles: ['leader'], clocksStop: ['later'] },
    ],
  });

  it('lists the onward step when there is one', () => {
    expect(waitingOn(machine, 'open', ['limit'])?.text).toBe('调解员：继续办理');
  });

  it('lists an ending step when it is the only answer', () => {
    expect(waitingOn(machine, 'next', ['later'])?.text).toBe('领导：放弃');
    expect(waitingOn(machine, 'ended', ['later'])).toBeNull();
  });
});
