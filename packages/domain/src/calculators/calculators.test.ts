import { describe, expect, it } from 'vitest';
import { DomainError } from '../workflows/errors';
import {
  compensationWithNotice,
  doubleWagesNoContract,
  economicCompensation,
  serviceYears,
  unlawfulTerminationDamages,
} from './compensation';
import { hourlyWage, overtimePay, unpaidWages } from './wages';

const yuan = (n: number) => Math.round(n * 100);

describe('unpaidWages', () => {
  it('sums what is owed per period, never negative', () => {
    const r = unpaidWages([
      { period: '2025年10月', dueFen: yuan(5000), paidFen: yuan(2000) },
      { period: '2025年11月', dueFen: yuan(5000), paidFen: 0 },
      { period: '2025年12月', dueFen: yuan(5000), paidFen: yuan(5200) },
    ]);
    expect(r.amountFen).toBe(yuan(8000));
    expect(r.formula).toContain('合计8,000.00元');
    expect(r.basis).toContain('第五十条');
  });

  it('rejects bad input', () => {
    expect(() => unpaidWages([])).toThrow(DomainError);
    expect(() => unpaidWages([{ period: 'x', dueFen: -1, paidFen: 0 }])).toThrow(/整数/);
  });
});

describe('overtime (劳动法第四十四条, hourly = monthly ÷ 21.75 ÷ 8)', () => {
  it('hourly wage of ¥5,000 a month is ¥28.74', () => {
    expect(hourlyWage(yuan(5000)).amountFen).toBe(2874);
  });

  it.each([
    // monthly, workday h, rest-day h, holiday h, expected fen
    [5000, 10, 0, 0, 43103], // 5000/174 × 15 = 431.03
    [5000, 0, 8, 0, 45977], // × 16 = 459.77
    [5000, 0, 0, 8, 68966], // × 24 = 689.66
    [5000, 10, 8, 8, 158046], // × 55 = 1,580.46 (rounded once, not per item)
    [4350, 0.5, 0, 0, 1875], // 4350/174 × 0.75 = 18.75 exactly
  ])('¥%d/月, %dh + %dh + %dh → %d fen', (monthly, a, b, c, expected) => {
    const r = overtimePay({
      monthlyWageFen: yuan(monthly),
      workdayHours: a,
      restDayHours: b,
      holidayHours: c,
    });
    expect(r.amountFen).toBe(expected);
    expect(r.formula).toContain('÷ 21.75 ÷ 8');
  });

  it('uses a configured month-average (e.g. if 21.75 is ever replaced)', () => {
    const r = overtimePay(
      { monthlyWageFen: yuan(5000), workdayHours: 10, restDayHours: 0, holidayHours: 0 },
      { monthlyPayDays: 20.83, hoursPerDay: 8 },
    );
    expect(r.amountFen).toBe(Math.round((500000 * 15) / (20.83 * 8)));
    expect(r.formula).toContain('÷ 20.83 ÷ 8');
  });

  it('rejects negative or over-precise hours', () => {
    expect(() =>
      overtimePay({ monthlyWageFen: 1, workdayHours: -1, restDayHours: 0, holidayHours: 0 }),
    ).toThrow(DomainError);
    expect(() =>
      overtimePay({ monthlyWageFen: 1, workdayHours: 0.125, restDayHours: 0, holidayHours: 0 }),
    ).toThrow(DomainError);
  });
});

describe('service years — the half-year rule (劳动合同法第四十七条第一款)', () => {
  it.each([
    ['2018-03-01', '2026-02-28', 8], // exactly 8 years
    ['2020-01-01', '2020-06-30', 1], // exactly 6 months → 1
    ['2020-01-01', '2020-06-29', 0.5], // 5 months 29 days → 0.5
    ['2020-03-01', '2025-06-15', 5.5], // 5 y 3 m 15 d
    ['2020-03-01', '2025-09-30', 6], // 5 y 7 m
    ['2025-06-01', '2025-06-01', 0.5], // one day
  ])('%s – %s → %d', (startDate, endDate, years) => {
    expect(serviceYears({ startDate, endDate }).years).toBe(years);
  });

  it('rejects reversed dates', () => {
    expect(() => serviceYears({ startDate: '2025-01-02', endDate: '2025-01-01' })).toThrow(DomainError);
  });
});

describe('economic compensation N, N+1, 2N with the caps', () => {
  const settings = { localAverageMonthlyWageFen: yuan(7000) }; // cap = 21,000

  it.each([
    // start, end, monthly wage (yuan), expected N (yuan), capped?
    ['2018-03-01', '2026-02-28', 6000, 48000, false],
    ['2020-03-01', '2025-06-15', 6000, 33000, false], // 5.5 × 6,000
    ['2010-01-01', '2025-06-30', 20000, 320000, false], // 15 y 6 m → 16, below the cap: no 12-year limit
    ['2010-01-01', '2025-06-30', 30000, 252000, true], // base 21,000 × 12 years
    ['2016-01-01', '2025-12-31', 30000, 210000, true], // base 21,000 × 10 years
    ['2016-01-01', '2025-12-31', 21000, 210000, false], // exactly 3× is not above the cap
  ])('%s – %s at ¥%d → ¥%d', (startDate, endDate, wage, expected, capped) => {
    const r = economicCompensation({ startDate, endDate, averageMonthlyWageFen: yuan(wage) }, settings);
    expect(r.amountFen).toBe(yuan(expected));
    expect(r.formula.includes('三倍')).toBe(capped);
    expect(r.basis).toContain('第四十七条');
  });

  it('N+1 adds last month’s (uncapped) wage', () => {
    const r = compensationWithNotice(
      {
        startDate: '2010-01-01',
        endDate: '2025-06-30',
        averageMonthlyWageFen: yuan(30000),
        lastMonthWageFen: yuan(32000),
      },
      settings,
    );
    expect(r.amountFen).toBe(yuan(252000 + 32000));
    expect(r.basis).toContain('第四十条');
  });

  it('2N doubles the capped N', () => {
    const r = unlawfulTerminationDamages(
      { startDate: '2020-03-01', endDate: '2025-06-15', averageMonthlyWageFen: yuan(6000) },
      settings,
    );
    expect(r.amountFen).toBe(yuan(66000));
    expect(r.basis).toContain('第八十七条');
  });

  it('flags service before 2008 for a separate check', () => {
    const r = economicCompensation(
      { startDate: '2005-01-01', endDate: '2025-12-31', averageMonthlyWageFen: yuan(5000) },
      settings,
    );
    expect(r.notes?.[0]).toContain('2008年1月1日前');
  });
});

describe('double wages without a written contract (劳动合同法第八十二条)', () => {
  const wage = yuan(6000);

  it.each([
    ['2025-01-01', '2025-12-31', 66000], // 11 months, the maximum
    ['2025-01-01', '2026-06-30', 66000], // still 11 months
    ['2025-01-01', '2025-04-15', 15000], // 2025-02-01 → 04-15: 2 months + 15/30
    ['2025-01-01', '2025-01-31', 0], // within the first month
  ])('start %s, without contract until %s → ¥%d', (employmentStart, lastDayWithoutContract, expected) => {
    const r = doubleWagesNoContract({ employmentStart, lastDayWithoutContract, monthlyWageFen: wage });
    expect(r.amountFen).toBe(yuan(expected));
    expect(r.basis).toContain('第八十二条');
  });

  it('notes the deemed open-ended contract after one year', () => {
    const r = doubleWagesNoContract({
      employmentStart: '2025-01-01',
      lastDayWithoutContract: '2026-06-30',
      monthlyWageFen: wage,
    });
    expect(r.notes?.[0]).toContain('无固定期限');
  });
});
