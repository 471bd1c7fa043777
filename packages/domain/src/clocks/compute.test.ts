import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CalendarUnknownError, createSeedCalendar, fromEpochDay, toEpochDay } from '../calendar';
import { computeDue } from './compute';
import { CLOCK_RULES, findRule, requireRule, rulesForTrack, rulesRestartedBy } from './rules';
import type { ClockRule } from './types';

const calendar = createSeedCalendar();
const due = (ruleId: string, trigger: string) => computeDue(requireRule(ruleId), trigger, calendar).due;

/**
 * Expected dates are hand-checked against the 2026 notice (rest 1/1–1/3, 2/15–2/23, 4/4–4/6,
 * 5/1–5/5, 6/19–6/21, 9/25–9/27, 10/1–10/7; make-up 1/4, 2/14, 2/28, 5/9, 9/20, 10/10).
 */
const FIVE_WORKING_DAYS = [
  'arbitration.correction',
  'arbitration.correction-period',
  'arbitration.acceptance',
  'arbitration.jurisdiction-referral',
  'arbitration.revocation-notice',
  'arbitration.service-to-respondent',
  'arbitration.defence-forwarding',
  'arbitration.tribunal-notice',
  'arbitration.collective.acceptance',
  'arbitration.collective.notice',
  'inspection.acceptance',
  'inspection.non-acceptance-notice',
  'petition.forwarded-objection',
];
const FIFTEEN_DAYS = [
  'mediation.settlement',
  'mediation.arbitral-review-filing',
  'arbitration.final-award.worker-suit',
  'arbitration.set-aside.suit',
  'arbitration.non-final-award.suit',
  'petition.routing',
  'petition.reply',
  'petition.forwarded-reply',
];
const THIRTY_DAYS = [
  'arbitration.final-award.employer-set-aside',
  'mediation.judicial-confirmation-filing',
  'petition.review-request',
  'petition.review-reply',
  'petition.re-review-request',
  'petition.re-review-reply',
  'petition.handling.extension',
];

const TABLE: [ruleId: string, trigger: string, expected: string][] = [
  // 5 working days. 2/13 Fri: 2/14 (make-up) 1, Spring Festival skipped, 2/24–2/27 2–5.
  ...FIVE_WORKING_DAYS.flatMap((id): [string, string, string][] => [
    [id, '2026-02-13', '2026-02-27'],
    [id, '2026-02-14', '2026-02-28'], // from the make-up Saturday; 2/28 (make-up) is the 5th
    [id, '2026-09-30', '2026-10-13'], // 10/8, 10/9, 10/10 (make-up), 10/12, 10/13
    [id, '2026-10-09', '2026-10-15'], // crosses make-up Saturday 10/10
    [id, '2026-03-09', '2026-03-16'], // ordinary weekend skipped
  ]),
  // 30 days to Sunday 4/5 (清明 4/4–4/6): rolls over to Tuesday 4/7.
  ['prevention.rectification-reassessment', '2026-03-06', '2026-04-07'],
  ['prevention.periodic-reassessment', '2025-06-10', '2026-06-10'],
  // Counted back 60 days from the end of validity; Sunday 11/1 moves to Friday 10/30.
  ['training.certificate-renewal', '2026-12-31', '2026-10-30'],
  ['arbitration.challenge-decision', '2026-02-13', '2026-02-25'],
  ['arbitration.challenge-decision', '2026-09-30', '2026-10-10'], // 3rd working day is the make-up Saturday
  ['arbitration.defence', '2026-02-13', '2026-03-05'], // 2/14, 2/24–2/28, 3/2–3/5
  ['arbitration.defence', '2026-09-30', '2026-10-20'],
  ['inspection.investigation', '2026-02-13', '2026-05-19'], // 60 WD incl. make-up days 2/14, 2/28, 5/9
  ['inspection.investigation', '2026-09-30', '2026-12-29'],
  ['inspection.investigation.extension', '2026-05-19', '2026-07-01'], // 30 WD, Dragon Boat skipped
  // Five working days before the hearing (counted backwards).
  ['arbitration.written-statement', '2026-12-07', '2026-12-21'],
  ['arbitration.written-reply', '2026-12-21', '2026-12-28'],
  ['arbitration.hearing-notice', '2026-10-15', '2026-10-09'], // 10/14, 13, 12, 10 (make-up), 9
  ['arbitration.hearing-notice', '2026-02-26', '2026-02-12'], // 2/25, 2/24, 2/14 (make-up), 2/13, 2/12
  // 15 calendar days.
  ...FIFTEEN_DAYS.flatMap((id): [string, string, string][] => [
    [id, '2026-09-30', '2026-10-15'],
    [id, '2026-02-13', '2026-02-28'], // ends on make-up Saturday: no roll-over
    [id, '2026-03-06', '2026-03-23'], // ends Saturday 3/21: rolls to Monday
    [id, '2026-09-16', '2026-10-08'], // ends 10/1: rolls past National Day
    [id, '2026-09-25', '2026-10-10'], // ends on make-up Saturday 10/10: no roll-over
  ]),
  // 30 calendar days.
  ...THIRTY_DAYS.flatMap((id): [string, string, string][] => [
    [id, '2026-01-31', '2026-03-02'],
    [id, '2026-09-01', '2026-10-08'], // ends 10/1
    [id, '2026-01-15', '2026-02-14'], // ends on make-up Saturday
    [id, '2026-01-20', '2026-02-24'], // ends 2/19 in Spring Festival
  ]),
  // 45 calendar days (award period).
  ['arbitration.award', '2026-02-13', '2026-03-30'],
  ['arbitration.award', '2026-08-17', '2026-10-08'], // 45th day is 10/1
  ['arbitration.award.extension', '2026-03-30', '2026-04-14'],
  // 60 calendar days.
  ['petition.handling', '2026-01-05', '2026-03-06'],
  ['petition.handling', '2026-08-02', '2026-10-08'], // 60th day is 10/1
  // 7 and 3 calendar days (legal aid).
  ['legal-aid.decision', '2026-02-13', '2026-02-24'], // 2/20 is in Spring Festival
  ['legal-aid.decision', '2026-09-23', '2026-09-30'],
  ['legal-aid.decision', '2026-10-03', '2026-10-10'], // make-up Saturday
  ['legal-aid.assignment', '2026-02-11', '2026-02-14'], // make-up Saturday
  ['legal-aid.assignment', '2026-03-04', '2026-03-09'], // Saturday 3/7 → Monday
  // Months and years: corresponding day, month-end fallback, then roll-over.
  ['inspection.inaction-suit', '2025-12-31', '2026-02-28'], // no 2/31 → 2/28, a make-up Saturday
  ['inspection.inaction-suit', '2026-03-04', '2026-05-06'], // 5/4 in Labour Day break → 5/6
  ['arbitration.limitation', '2024-02-29', '2025-02-28'], // leap day + 1 year
  ['arbitration.limitation', '2025-01-31', '2026-02-02'], // 2026-01-31 is a Saturday
  ['inspection.limitation', '2024-02-29', '2026-02-28'], // → 2/28, a make-up Saturday
  ['arbitration.enforcement', '2024-10-01', '2026-10-08'],
  // Center's same-day promise.
  ['center.same-day-acceptance', '2026-02-13', '2026-02-13'],
  ['center.same-day-acceptance', '2026-02-14', '2026-02-14'],
  ['center.same-day-acceptance', '2026-10-10', '2026-10-10'],
  ['center.same-day-acceptance', '2026-02-15', '2026-02-24'], // received online during the holiday
  // Defaulter list procedure (issue #21).
  ['defaulter.statement', '2026-09-28', '2026-10-10'],
  ['defaulter.decision', '2026-12-07', '2026-12-21'],
  ['defaulter.publication', '2026-12-07', '2026-12-14'],
  ['defaulter.removal-review', '2026-12-07', '2026-12-28'],
];

describe('computeDue over the 2026 calendar', () => {
  it.each(TABLE)('%s from %s → %s', (ruleId, trigger, expected) => {
    expect(due(ruleId, trigger)).toBe(expected);
  });

  it('covers every rule of the catalogue', () => {
    // The three-year listing term ends beyond the loaded calendars (tested below).
    const covered = new Set([...TABLE.map(([id]) => id), 'defaulter.listing-term']);
    expect(CLOCK_RULES.filter((rule) => !covered.has(rule.id)).map((rule) => rule.id)).toEqual([]);
  });

  it('the three-year defaulter listing term waits for the calendar of the year it ends in', () => {
    expect(() => due('defaulter.listing-term', '2024-03-01')).toThrow(
      expect.objectContaining({ code: 'CALENDAR_UNKNOWN' }),
    );
    expect(findRule('defaulter.listing-term')).toMatchObject({
      duration: 3,
      unit: 'years',
      rollover: 'none',
    });
  });

  it('handles one-month periods at month ends and in a leap year', () => {
    const oneMonth: ClockRule = {
      ...requireRule('inspection.inaction-suit'),
      id: 'test.one-month',
      duration: 1,
    };
    expect(computeDue(oneMonth, '2026-01-31', calendar).due).toBe('2026-02-28');
    expect(computeDue(oneMonth, '2024-01-31', calendar).due).toBe('2024-02-29');
    expect(computeDue(oneMonth, '2026-01-31', calendar).explanation).toContain('2月无对应日');
  });

  it('returns basis, version and a Chinese explanation', () => {
    const result = computeDue(requireRule('arbitration.acceptance'), '2026-02-13', calendar);
    expect(result).toMatchObject({
      ruleId: 'arbitration.acceptance',
      trigger: '2026-02-13',
      due: '2026-02-27',
      originalDue: '2026-02-27',
      calendarVersion: calendar.version,
      extension: null,
    });
    expect(result.basis).toContain('《劳动争议调解仲裁法》第二十九条');
    expect(result.explanation).toContain(
      '自2026年2月13日次日起算5个工作日（跳过春节假期，2月14日调休上班计入）',
    );
    expect(due('arbitration.acceptance', '2026-02-13')).toBe(result.due);
    expect(computeDue(requireRule('mediation.settlement'), '2026-09-16', calendar).explanation).toContain(
      '期限末日2026年10月1日为国庆节假期，顺延至其后第一个工作日2026年10月8日',
    );
    expect(computeDue(requireRule('mediation.settlement'), '2026-09-25', calendar).explanation).toContain(
      '调休上班日，不顺延',
    );
  });

  it('explains the same-day promise when the application arrives on a rest day', () => {
    const sameDay = requireRule('center.same-day-acceptance');
    expect(computeDue(sameDay, '2026-02-15', calendar).explanation).toBe(
      '收到之日2026年2月15日为春节假期，于其后第一个工作日2026年2月24日办结',
    );
    expect(computeDue(sameDay, '2026-02-14', calendar).explanation).toBe('当日办结，期限为2026年2月14日');
  });

  it('finds the clocks restarted by an event and the clocks of a track', () => {
    expect(rulesRestartedBy('arbitration.claims_changed').map((rule) => rule.id)).toEqual([
      'arbitration.defence',
      'arbitration.award',
    ]);
    expect(rulesForTrack('legal_aid').map((rule) => rule.id)).toEqual([
      'legal-aid.decision',
      'legal-aid.assignment',
    ]);
  });

  it('throws CALENDAR_UNKNOWN instead of guessing 2027', () => {
    expect(() => due('arbitration.acceptance', '2026-12-30')).toThrow(CalendarUnknownError);
    expect(() => due('arbitration.award', '2026-12-01')).toThrow(
      expect.objectContaining({ code: 'CALENDAR_UNKNOWN' }),
    );
    expect(() => due('arbitration.limitation', '2026-03-01')).toThrow(
      expect.objectContaining({ year: 2027 }),
    );
    expect(() => due('mediation.settlement', '2027-01-04')).toThrow(CalendarUnknownError);
  });

  it('rejects a malformed trigger', () => {
    expect(() => due('arbitration.acceptance', '2026-02-30')).toThrow(
      expect.objectContaining({ code: 'DATE_INVALID' }),
    );
  });
});

describe('suspension and extension', () => {
  const award = requireRule('arbitration.award');

  it('adds suspended days to the award period', () => {
    expect(computeDue(award, '2026-02-13', calendar, { suspendedDays: 10 }).due).toBe('2026-04-09');
    expect(() =>
      computeDue(requireRule('arbitration.acceptance'), '2026-02-13', calendar, { suspendedDays: 1 }),
    ).toThrow(expect.objectContaining({ code: 'CLOCK_NOT_SUSPENDABLE' }));
    expect(() => computeDue(award, '2026-02-13', calendar, { suspendedDays: -1 })).toThrow(
      expect.objectContaining({ code: 'CLOCK_INPUT_INVALID' }),
    );
  });

  it('counts an approved extension from the original due date, in its own unit', () => {
    const approval = { approver: '仲裁委员会主任 李明', reason: '案情复杂' };
    const extended = computeDue(award, '2026-02-13', calendar, { extension: approval });
    expect(extended).toMatchObject({ due: '2026-04-14', originalDue: '2026-03-30' });
    expect(extended.extension).toMatchObject({
      ruleId: 'arbitration.award.extension',
      duration: 15,
      ...approval,
    });
    expect(extended.explanation).toContain('经仲裁委员会主任 李明批准延长');
    // Original due rolled to 10/8; the 15 days run from it.
    expect(computeDue(award, '2026-08-17', calendar, { extension: approval }).due).toBe('2026-10-23');
    const investigation = requireRule('inspection.investigation');
    expect(computeDue(investigation, '2026-02-13', calendar, { extension: approval }).due).toBe('2026-07-01');
    expect(() => computeDue(investigation, '2026-09-30', calendar, { extension: approval })).toThrow(
      CalendarUnknownError,
    );
    const handling = requireRule('petition.handling');
    expect(computeDue(handling, '2026-08-02', calendar, { extension: approval }).due).toBe('2026-11-09'); // 11/7 Sat
  });

  it('requires approver and reason, and a rule that allows extension', () => {
    expect(() =>
      computeDue(award, '2026-02-13', calendar, { extension: { approver: ' ', reason: '复杂' } }),
    ).toThrow(expect.objectContaining({ code: 'CLOCK_EXTENSION_INVALID', message: '延长期限须载明批准人' }));
    expect(() =>
      computeDue(award, '2026-02-13', calendar, { extension: { approver: '', reason: '' } }),
    ).toThrow('延长期限须载明批准人和延长理由');
    expect(() =>
      computeDue(requireRule('arbitration.acceptance'), '2026-02-13', calendar, {
        extension: { approver: '张三', reason: '复杂' },
      }),
    ).toThrow(expect.objectContaining({ code: 'CLOCK_EXTENSION_NOT_ALLOWED' }));
  });
});

describe('computeDue properties', () => {
  const dayIn = (from: string, to: string) =>
    fc.integer({ min: toEpochDay(from), max: toEpochDay(to) }).map(fromEpochDay);
  const workingDayRules = CLOCK_RULES.filter((rule) => rule.unit === 'working_days');
  const calendarDayRules = CLOCK_RULES.filter(
    (rule) =>
      rule.unit === 'calendar_days' && rule.rollover === 'next_working_day' && rule.direction !== 'before',
  );
  const longRules = CLOCK_RULES.filter(
    (rule) => (rule.unit === 'months' || rule.unit === 'years') && rule.rollover === 'next_working_day',
  );

  it('a working-day rule never lands on a non-working day', () => {
    fc.assert(
      fc.property(fc.constantFrom(...workingDayRules), dayIn('2024-01-15', '2026-08-31'), (rule, trigger) => {
        expect(calendar.isWorkingDay(computeDue(rule, trigger, calendar).due)).toBe(true);
      }),
    );
  });

  it('a calendar-day rule with roll-over never ends on a rest day, and never before n days', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...calendarDayRules),
        dayIn('2024-01-01', '2026-10-31'),
        (rule, trigger) => {
          const result = computeDue(rule, trigger, calendar);
          expect(calendar.isWorkingDay(result.due)).toBe(true);
          expect(toEpochDay(result.due) - toEpochDay(trigger)).toBeGreaterThanOrEqual(rule.duration);
        },
      ),
    );
  });

  it('month and year rules with roll-over end on a working day', () => {
    fc.assert(
      fc.property(fc.constantFrom(...longRules), dayIn('2024-01-01', '2024-12-31'), (rule, trigger) => {
        expect(calendar.isWorkingDay(computeDue(rule, trigger, calendar).due)).toBe(true);
      }),
    );
  });
});

describe('catalogue', () => {
  it.each([
    ['arbitration.acceptance', 5, 'working_days'],
    ['arbitration.defence', 10, 'working_days'],
    ['arbitration.award', 45, 'calendar_days'],
    ['arbitration.award.extension', 15, 'calendar_days'],
    ['mediation.settlement', 15, 'calendar_days'],
    ['inspection.acceptance', 5, 'working_days'],
    ['inspection.investigation', 60, 'working_days'],
    ['inspection.investigation.extension', 30, 'working_days'],
    ['petition.reply', 15, 'calendar_days'],
    ['petition.handling', 60, 'calendar_days'],
    ['legal-aid.decision', 7, 'calendar_days'],
    ['center.same-day-acceptance', 0, 'same_day'],
  ])('%s is %i %s', (id, duration, unit) => {
    expect(findRule(id)).toMatchObject({ duration, unit });
  });

  it('has unique ids, a basis citing an article, and consistent extensions', () => {
    const ids = CLOCK_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of CLOCK_RULES) {
      expect(rule.id).toMatch(/^[a-z-]+(\.[a-z-]+)+$/);
      expect(rule.basis).toMatch(rule.confidence === 'L' ? /服务承诺/ : /《.+》(第.+条)?/);
      if (rule.unit !== 'same_day' && rule.track !== 'center') expect(rule.basis).toMatch(/第.+条/);
      if (rule.extension) {
        expect(findRule(rule.extension.ruleId)).toMatchObject({
          duration: rule.extension.duration,
          unit: rule.extension.unit,
        });
      }
    }
  });

  it('applies the project decision: arbitration 3/5/10 days are working days, 15/45 calendar days', () => {
    const arbitration = CLOCK_RULES.filter((rule) => rule.track === 'arbitration');
    for (const rule of arbitration) {
      if ([3, 5, 10].includes(rule.duration)) expect(rule.unit).toBe('working_days');
      if ([15, 45].includes(rule.duration)) expect(rule.unit).toBe('calendar_days');
    }
    expect(findRule('no.such.rule')).toBeUndefined();
    expect(() => requireRule('no.such.rule')).toThrow(
      expect.objectContaining({ code: 'CLOCK_RULE_UNKNOWN' }),
    );
  });
});
