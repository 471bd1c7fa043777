import { describe, expect, it } from 'vitest';
import { createSeedCalendar } from '../calendar';
import { computeDue } from '../clocks/compute';
import { requireRule } from '../clocks/rules';
import {
  assessmentPassed,
  CERTIFICATE_AUDIENCE,
  CERTIFICATE_REMINDER_RULE,
  creditedHours,
  DEFAULT_GOLD_CRITERIA,
  DEFAULT_TRAINING_REQUIREMENTS,
  type GoldRecord,
  goldScore,
  hoursState,
  requiredHours,
} from '.';

const record = (over: Partial<GoldRecord> = {}): GoldRecord => ({
  casesClosed: 10,
  agreements: 8,
  agreementsFollowed: 0,
  agreementsPerformed: 0,
  complaints: 0,
  training: { done: 0, required: 3 },
  standard: 'never',
  panelMarks: [90, 80],
  ...over,
});

describe('training hours', () => {
  it('a failed assessment credits nothing; no assessment credits attendance', () => {
    expect(
      creditedHours([
        { hours: 8, passed: null },
        { hours: 4, passed: true },
        { hours: 6, passed: false },
      ]),
    ).toBe(12);
    expect(assessmentPassed(59, 60)).toBe(false);
    expect(assessmentPassed(60, 60)).toBe(true);
    expect(assessmentPassed(10, null)).toBeNull();
  });

  it('the minimum of a person in several groups is the highest', () => {
    expect(requiredHours(['staff', 'part_time_arbitrator'], DEFAULT_TRAINING_REQUIREMENTS)).toBe(24);
    expect(requiredHours(['part_time_arbitrator'], DEFAULT_TRAINING_REQUIREMENTS)).toBe(16);
    expect(requiredHours([], DEFAULT_TRAINING_REQUIREMENTS)).toBe(0);
    expect(CERTIFICATE_AUDIENCE.arbitrator_card).toBe('part_time_arbitrator');
  });

  it('12 of 16 hours leaves 4 missing', () => {
    expect(hoursState(12, 16)).toEqual({ done: 12, required: 16, missing: 4, met: false });
    expect(hoursState(20, 16)).toEqual({ done: 20, required: 16, missing: 0, met: true });
  });

  it('every requirement names its basis', () => {
    for (const r of DEFAULT_TRAINING_REQUIREMENTS) expect(r.basis.length).toBeGreaterThan(10);
  });
});

describe('金牌 score', () => {
  it('10 cases, 8 agreements, no performance record, no training, never assessed, marks 90 and 80 → 58.5', () => {
    const s = goldScore(DEFAULT_GOLD_CRITERIA, record());
    expect(s.parts.map((p) => [p.code, p.value])).toEqual([
      ['cases_handled', 100],
      ['success_rate', 80],
      ['agreement_performance', 0],
      ['complaints', 100],
      ['training_hours', 0],
      ['standard', 0],
      ['panel', 85],
    ]);
    // (20×100 + 25×80 + 15×0 + 10×100 + 10×0 + 10×0 + 10×85) ÷ 100
    expect(s.total).toBe(58.5);
  });

  it('complaints deduct per case, training counts the share done, the standard passed earns full marks', () => {
    const s = goldScore(
      DEFAULT_GOLD_CRITERIA,
      record({
        casesClosed: 5,
        agreements: 4,
        agreementsFollowed: 4,
        agreementsPerformed: 3,
        complaints: 1,
        training: { done: 12, required: 16 },
        standard: 'passed',
        panelMarks: [70],
      }),
    );
    expect(s.parts.map((p) => p.value)).toEqual([50, 80, 75, 75, 75, 100, 70]);
    // (1000 + 2000 + 1125 + 750 + 750 + 1000 + 700) ÷ 100
    expect(s.total).toBe(73.25);
  });

  it('weights are data: only the weighted criteria count', () => {
    const only = DEFAULT_GOLD_CRITERIA.map((c) => ({ ...c, weight: c.code === 'success_rate' ? 1 : 0 }));
    expect(goldScore(only, record()).total).toBe(80);
    expect(goldScore([], record()).total).toBe(0);
  });
});

describe('certificate reminder clock', () => {
  const calendar = createSeedCalendar();
  const rule = requireRule(CERTIFICATE_REMINDER_RULE);
  it('falls due sixty days before the end of validity', () => {
    expect(computeDue(rule, '2026-08-31', calendar).due).toBe('2026-07-02');
  });
  it('on a rest day, the working day before (2026-11-01 is a Sunday)', () => {
    expect(computeDue(rule, '2026-12-31', calendar).due).toBe('2026-10-30');
  });
});
