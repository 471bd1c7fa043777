import { describe, expect, it } from 'vitest';
import { arbitrationMachine } from './arbitration.machine';
import { actForm, defineMachine } from './engine';
import { mediationMachine } from './mediation.machine';

describe('acts: events that stand for a legal act', () => {
  it('every mediation and arbitration step that issues a document is an act done through its form', () => {
    for (const m of [mediationMachine, arbitrationMachine]) {
      const issuing = [...new Set(m.transitions.filter((t) => t.documents.length).map((t) => t.event))];
      const bare = issuing.filter((e) => actForm(m, e) === null);
      expect(bare, m.track).toEqual([]);
    }
  });

  it('names the form of an act and null for a plain step', () => {
    expect(actForm(mediationMachine, 'send_proposal')).toBe('调解建议书（逐项建议金额与理由）');
    expect(actForm(arbitrationMachine, 'correct')).toBe('补正完成并重新初审');
    expect(actForm(arbitrationMachine, 'receive_defence')).toBeNull();
  });

  it('refuses an act naming an undeclared event', () => {
    expect(() =>
      defineMachine<'a' | 'b', 'go', Record<string, never>>({
        track: 't',
        states: { a: 'A', b: 'B' },
        events: { go: '走' },
        initial: 'a',
        terminal: ['b'],
        transitions: [{ from: 'a', event: 'go', to: 'b', roles: ['intake_clerk'] }],
        acts: { fly: '飞' } as never,
      }),
    ).toThrow('文书行为引用了未声明的事件：fly');
  });
});
