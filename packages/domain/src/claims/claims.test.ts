import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLAIM_CATALOGUE, CLAIM_TYPES, isClaimType, isLikelyFinalAward } from './catalogue';
import { addMonths, addYears, daysBetween, isIsoDate, wholeMonthsBetween } from './dates';
import { formatFen, formatFenUppercase, formatYuan, parseYuan } from './money';
import { validateClaim, validateClaims } from './validate';

const TODAY = '2026-03-10';

describe('claim catalogue', () => {
  it('has one entry per type, keyed by its own id, with Chinese label and basis', () => {
    expect(Object.keys(CLAIM_CATALOGUE).sort()).toEqual([...CLAIM_TYPES].sort());
    for (const type of CLAIM_TYPES) {
      const d = CLAIM_CATALOGUE[type];
      expect(d.id).toBe(type);
      expect(d.label).toMatch(/[\u4e00-\u9fa5]/);
      expect(d.basis).toMatch(/《.+》/);
    }
  });

  it('classifies per 调解仲裁法第二条、第九条、第四十七条; 劳动保障监察条例第十一条; 法律援助法第三十一条', () => {
    expect(CLAIM_CATALOGUE.unpaid_wages).toMatchObject({
      nature: 'either',
      finalAwardCategory: 'remuneration',
      legalAidSubject: true,
      wageArrears: true,
    });
    expect(CLAIM_CATALOGUE.unlawful_termination_damages).toMatchObject({
      nature: 'dispute',
      finalAwardCategory: 'damages',
    });
    expect(CLAIM_CATALOGUE.dispatch.nature).toBe('violation');
    expect(CLAIM_CATALOGUE.working_hours.finalAwardCategory).toBe('standards');
    expect(CLAIM_CATALOGUE.labor_relation_confirmation).toMatchObject({
      monetary: false,
      legalAidSubject: true,
    });
    expect(CLAIM_CATALOGUE.injury_medical_fees).toMatchObject({
      finalAwardCategory: 'injury_medical',
      workInjury: true,
    });
  });

  it('isClaimType', () => {
    expect(isClaimType('overtime_pay')).toBe(true);
    expect(isClaimType('bonus')).toBe(false);
  });

  it('screens likely final awards per item (12 × monthly minimum wage)', () => {
    const mw = 2_000_00;
    expect(isLikelyFinalAward('unpaid_wages', 24_000_00, mw)).toBe(true);
    expect(isLikelyFinalAward('unpaid_wages', 24_000_01, mw)).toBe(false);
    expect(isLikelyFinalAward('working_hours', undefined, mw)).toBe(true);
    expect(isLikelyFinalAward('labor_relation_confirmation', 0, mw)).toBe(false);
    expect(isLikelyFinalAward('overtime_pay', undefined, mw)).toBe(false);
  });
});

describe('validateClaim', () => {
  const ok = {
    type: 'unpaid_wages',
    amountFen: 500_000,
    periodFrom: '2025-10-01',
    periodTo: '2025-12-31',
    facts: '拖欠三个月工资',
  };

  it('accepts a valid claim', () => {
    expect(validateClaim(ok, TODAY)).toEqual([]);
  });

  it.each([
    [{ ...ok, type: 'bonus' }, 'CLAIM_UNKNOWN_TYPE'],
    [{ ...ok, amountFen: -1 }, 'CLAIM_NEGATIVE_AMOUNT'],
    [{ ...ok, amountFen: 1.5 }, 'CLAIM_INVALID_AMOUNT'],
    [{ ...ok, amountFen: undefined }, 'CLAIM_AMOUNT_REQUIRED'],
    [{ ...ok, periodTo: '2026-03-11' }, 'CLAIM_FUTURE_DATE'],
    [{ ...ok, periodFrom: '2026-01-01', periodTo: '2025-12-31' }, 'CLAIM_PERIOD_ORDER'],
    [{ ...ok, periodFrom: '2025-02-30' }, 'CLAIM_INVALID_DATE'],
    [{ ...ok, facts: '  ' }, 'CLAIM_FACTS_REQUIRED'],
  ])('reports %j as %s with a Chinese message', (input, code) => {
    const issues = validateClaim(input, TODAY);
    expect(issues.map((i) => i.code)).toEqual([code]);
    expect(issues[0]?.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('lets one statement of facts serve every claim, but not a blank one', () => {
    expect(validateClaim({ ...ok, facts: '' }, TODAY, { sharedFacts: '三个月工资未发放' })).toEqual([]);
    expect(validateClaim({ ...ok, facts: '' }, TODAY, { sharedFacts: '  ' }).map((i) => i.code)).toEqual([
      'CLAIM_FACTS_REQUIRED',
    ]);
  });

  it('does not require an amount for non-monetary claims', () => {
    expect(validateClaim({ type: 'labor_relation_confirmation', facts: '未签合同' }, TODAY)).toEqual([]);
  });

  it('reports all problems at once and indexes lists', () => {
    const issues = validateClaims(
      [ok, { type: 'x', amountFen: -5, periodTo: '2027-01-01', facts: '' }],
      TODAY,
    );
    expect(issues.map((i) => [i.index, i.code])).toEqual([
      [1, 'CLAIM_UNKNOWN_TYPE'],
      [1, 'CLAIM_NEGATIVE_AMOUNT'],
      [1, 'CLAIM_FUTURE_DATE'],
      [1, 'CLAIM_FACTS_REQUIRED'],
    ]);
  });
});

describe('money', () => {
  it.each([
    [0, '¥0.00', '0.00元', '零元整'],
    [5, '¥0.05', '0.05元', '伍分'],
    [150, '¥1.50', '1.50元', '壹元伍角'],
    [105, '¥1.05', '1.05元', '壹元零伍分'],
    [123456, '¥1,234.56', '1,234.56元', '壹仟贰佰叁拾肆元伍角陆分'],
    [100000, '¥1,000.00', '1,000.00元', '壹仟元整'],
    [1000500, '¥10,005.00', '10,005.00元', '壹万零伍元整'],
    [10000000000, '¥100,000,000.00', '100,000,000.00元', '壹亿元整'],
    [10001000000, '¥100,010,000.00', '100,010,000.00元', '壹亿零壹万元整'],
    [-250, '-¥2.50', '-2.50元', '负贰元伍角'],
  ])('%i fen', (fen, screen, text, upper) => {
    expect(formatFen(fen)).toBe(screen);
    expect(formatYuan(fen)).toBe(text);
    expect(formatFenUppercase(fen)).toBe(upper);
  });

  it('parses typed yuan amounts without float error', () => {
    expect(parseYuan('0.29')).toBe(29);
    expect(parseYuan('1,234.5')).toBe(123450);
    expect(parseYuan('¥100')).toBe(10000);
    expect(parseYuan('100元')).toBe(10000);
    expect(parseYuan('1.234')).toBeNull();
    expect(parseYuan('abc')).toBeNull();
  });

  it('round-trips any fen amount through formatting and parsing', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (fen) => {
        expect(parseYuan(formatYuan(fen).replace('-', '')) ?? Number.NaN).toBe(Math.abs(fen));
      }),
    );
  });
});

describe('dates', () => {
  it('clamps to month end (民法典第二百零二条)', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(daysBetween('2025-12-31', '2026-01-02')).toBe(2);
  });

  it('counts whole months and remainder days', () => {
    expect(wholeMonthsBetween('2020-03-01', '2026-03-01')).toEqual({ months: 72, days: 0 });
    expect(wholeMonthsBetween('2020-03-15', '2020-05-20')).toEqual({ months: 2, days: 5 });
    expect(wholeMonthsBetween('2020-01-31', '2020-02-29')).toEqual({ months: 1, days: 0 });
  });
});
