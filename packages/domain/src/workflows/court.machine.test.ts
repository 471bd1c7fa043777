import { describe, expect, it } from 'vitest';
import type { RoleCode } from '../access/roles';
import { type CourtDockingEvent, courtDockingMachine, type DockingState } from './court.machine';
import { transition } from './engine';
import { WorkflowError } from './errors';

const STATES = Object.keys(courtDockingMachine.states) as DockingState[];
const EVENTS = Object.keys(courtDockingMachine.events) as CourtDockingEvent[];

// Every (state, event) → next state; null = illegal. Written out by hand from 法〔2020〕55号.
const EXPECTED: Record<DockingState, Partial<Record<CourtDockingEvent, DockingState>>> = {
  referred_in: { start_mediation: 'mediating', return_to_court: 'returned_to_court' },
  mediating: { agree: 'agreed', return_to_court: 'returned_to_court' },
  agreed: { apply_confirmation: 'conf_applied' },
  conf_applied: { confirm: 'confirmed', reject: 'rejected' },
  returned_to_court: {},
  confirmed: {},
  rejected: {},
};
const WHO: Record<CourtDockingEvent, readonly RoleCode[]> = {
  start_mediation: ['mediator'],
  agree: ['mediator'],
  return_to_court: ['court_liaison'],
  apply_confirmation: ['union_liaison'],
  confirm: ['court_liaison'],
  reject: ['court_liaison'],
};
const OK = {
  agreementTerms: '支付工资9600元',
  returnedReason: '被告不同意调解',
  daysSinceEffective: 10,
  rulingNo: '（2026）鄂1303民特12号',
};

describe('court docking machine (诉调对接)', () => {
  const pairs = STATES.flatMap((s) => EVENTS.map((e) => [s, e] as const));
  it.each(pairs)('%s + %s', (state, event) => {
    const expected = EXPECTED[state][event] ?? null;
    const run = () => transition(courtDockingMachine, state, event, { roles: WHO[event], ctx: OK });
    if (expected === null) expect(run).toThrow(WorkflowError);
    else expect(run().to).toBe(expected);
  });

  it('guards: agreement terms, 30 days for judicial confirmation, the ruling number; the right posts', () => {
    expect(() =>
      transition(courtDockingMachine, 'mediating', 'agree', { roles: ['mediator'], ctx: {} }),
    ).toThrow('须写明调解协议内容');
    expect(() =>
      transition(courtDockingMachine, 'agreed', 'apply_confirmation', {
        roles: ['mediator'],
        ctx: { daysSinceEffective: 31 },
      }),
    ).toThrow('三十日内');
    expect(() =>
      transition(courtDockingMachine, 'conf_applied', 'confirm', { roles: ['court_liaison'], ctx: {} }),
    ).toThrow('裁定书文号');
    expect(() =>
      transition(courtDockingMachine, 'conf_applied', 'confirm', { roles: ['mediator'], ctx: OK }),
    ).toThrow(WorkflowError);
    const agreed = transition(courtDockingMachine, 'mediating', 'agree', { roles: ['mediator'], ctx: OK });
    expect(agreed.documents).toEqual(['mediation_agreement']);
  });
});
