import { describe, expect, it } from 'vitest';
import { CLOCK_RULES } from '../clocks';
import { GUIDE_RESULTS, GuideError, guideProblems, walkGuide } from './index';

describe('portal guide (维权指引)', () => {
  it('is a sound tree: every target exists, every node is reachable, no cycles, rule ids from the catalogue', () => {
    expect(guideProblems(new Set(CLOCK_RULES.map((r) => r.id)))).toEqual([]);
  });

  it('reports an unknown clock rule id', () => {
    expect(guideProblems(new Set())).toContain('期限规则不存在：arbitration.limitation');
  });

  it('starts with a question', () => {
    const s = walkGuide([]);
    expect(s.kind).toBe('question');
    if (s.kind === 'question') expect(s.question.options.length).toBeGreaterThan(2);
  });

  it('wage arrears, wanting an order, within two years → inspection complaint with its time limits', () => {
    const s = walkGuide(['wages', 'order', 'recent']);
    expect(s.kind).toBe('result');
    if (s.kind !== 'result') return;
    expect(s.result.route).toBe('inspection');
    expect(s.result.apply).toBe('complaint');
    expect(s.result.clockRuleIds).toContain('inspection.limitation');
    expect(s.answered).toHaveLength(3);
  });

  it('dismissal within a year, mediation refused → arbitration (mediation is voluntary, R-09)', () => {
    const s = walkGuide(['dismissal', 'within', 'no']);
    expect(s.kind === 'result' && s.result.route).toBe('arbitration');
  });

  it('dismissal within a year, willing → mediation, with the 15-day clock', () => {
    const s = walkGuide(['dismissal', 'within', 'yes']);
    expect(s.kind === 'result' && s.result.clockRuleIds).toContain('mediation.settlement');
  });

  it('someone else’s rights → anonymous report, no reply', () => {
    const s = walkGuide(['violation', 'others']);
    expect(s.kind === 'result' && s.result.apply).toBe('report');
  });

  it('unrecognised injury → legal aid and injury recognition first', () => {
    const s = walkGuide(['injury', 'no']);
    expect(s.kind === 'result' && s.result.route).toBe('legal_aid');
  });

  it('refuses an unknown option and answers past a result', () => {
    expect(() => walkGuide(['nope'])).toThrow(GuideError);
    expect(() => walkGuide(['ask', 'more'])).toThrow(/回答多于问题/);
  });

  it('every result names materials and plain-language reasons', () => {
    for (const r of GUIDE_RESULTS) {
      expect(r.materials.length).toBeGreaterThan(0);
      expect(r.why).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
