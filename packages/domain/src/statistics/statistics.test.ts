import { describe, expect, it } from 'vitest';
import { cellFacts, computeTable, suppress } from './compute';
import type { CaseFact } from './facts';
import { monthsOf, PeriodError, previousQuarter, resolvePeriod } from './period';
import { ARBITRATION_TABLE, MEDIATION_TABLE, STAT_TABLES } from './tables';

const fact = (over: Partial<CaseFact>): CaseFact => ({
  caseId: 'c',
  caseNumber: 'N',
  matterId: 'm',
  matterNumber: 'M',
  track: 'arbitration',
  jurisdictionId: 'j1',
  channel: 'window',
  registeredOn: '2026-04-01',
  acceptedOn: null,
  closedOn: null,
  closure: null,
  collective: false,
  workers: 1,
  migrant: false,
  cause: 'remuneration',
  claimedFen: 0,
  settledFen: 0,
  finalAward: false,
  winner: null,
  withinLimit: null,
  mediationBody: null,
  inspectionSource: null,
  outcomes: [],
  recoveredFen: 0,
  paidFen: 0,
  recoveredWorkers: 0,
  reviewed: false,
  forwarded: false,
  refused: false,
  employerName: null,
  ...over,
});

const Q2 = { from: '2026-04-01', to: '2026-06-30' };
const cols = [
  { key: 'total', label: '合计', jurisdictionIds: ['j1', 'j2'] },
  { key: 'j1', label: '甲县', jurisdictionIds: ['j1'] },
  { key: 'j2', label: '乙县', jurisdictionIds: ['j2'] },
];

describe('reporting periods', () => {
  it('resolves month, quarter, year and custom ranges', () => {
    expect(resolvePeriod({ kind: 'month', year: 2024, month: 2 })).toEqual({
      kind: 'month',
      from: '2024-02-01',
      to: '2024-02-29',
      label: '2024年2月',
    });
    expect(resolvePeriod({ kind: 'quarter', year: 2026, quarter: 3 })).toEqual({
      kind: 'quarter',
      from: '2026-07-01',
      to: '2026-09-30',
      label: '2026年第三季度',
    });
    expect(resolvePeriod({ kind: 'year', year: 2025 })).toEqual({
      kind: 'year',
      from: '2025-01-01',
      to: '2025-12-31',
      label: '2025年',
    });
    expect(resolvePeriod({ kind: 'custom', from: '2026-03-15', to: '2026-05-02' }).label).toBe(
      '2026-03-15至2026-05-02',
    );
  });

  it('refuses a bad period with a Chinese message', () => {
    expect(() => resolvePeriod({ kind: 'quarter', year: 2026, quarter: 0 })).toThrow(PeriodError);
    expect(() => resolvePeriod({ kind: 'custom', from: '2026-02-30', to: '2026-03-01' })).toThrow(
      '自定义统计期须填写有效的起止日期（YYYY-MM-DD）',
    );
    expect(() => resolvePeriod({ kind: 'custom', from: '2026-03-02', to: '2026-03-01' })).toThrow(
      '统计期的开始日期不能晚于结束日期',
    );
  });

  it('knows the previous quarter and the months of a period', () => {
    expect(previousQuarter('2026-02-10')).toEqual({ year: 2025, quarter: 4 });
    expect(previousQuarter('2026-12-06')).toEqual({ year: 2026, quarter: 3 });
    expect(monthsOf({ kind: 'custom', from: '2025-11-20', to: '2026-02-03', label: '' })).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
  });
});

describe('statutory tables as data', () => {
  it('gives every table unique row codes and checks that name only existing count rows', () => {
    for (const t of STAT_TABLES) {
      const codes = t.rows.map((r) => r.code);
      expect(new Set(codes).size, t.code).toBe(codes.length);
      for (const c of t.checks)
        for (const code of [...c.left, ...c.right]) expect(codes, `${t.code} ${c.code}`).toContain(code);
      expect(t.basis.length).toBeGreaterThan(10);
    }
  });

  it('counts carried-over, accepted, closed and pending per column and balances them', () => {
    const facts = [
      fact({
        caseId: 'a',
        caseNumber: 'A',
        acceptedOn: '2026-03-20',
        closedOn: '2026-04-10',
        closure: 'arb_mediated',
        settledFen: 12_345,
      }),
      fact({
        caseId: 'b',
        caseNumber: 'B',
        jurisdictionId: 'j2',
        acceptedOn: '2026-05-01',
        cause: 'work_injury',
        workers: 3,
      }),
      fact({
        caseId: 'c',
        caseNumber: 'C',
        acceptedOn: '2026-02-01',
        closedOn: '2026-03-01',
        closure: 'arb_awarded',
      }),
    ];
    const t = computeTable(ARBITRATION_TABLE, facts, Q2, cols);
    const row = (code: string) => t.rows.find((r) => r.code === code)?.cells.map((c) => c.text);
    expect(row('01')).toEqual(['1', '1', '0']);
    expect(row('02')).toEqual(['1', '0', '1']);
    expect(row('05')).toEqual(['3', '0', '3']);
    expect(row('10')).toEqual(['1', '0', '1']);
    expect(row('12')).toEqual(['1', '1', '0']);
    expect(row('13')).toEqual(['1', '1', '0']);
    expect(row('22')).toEqual(['123.45', '123.45', '0.00']);
    expect(row('24')).toEqual(['1', '0', '1']);
    expect(t.warnings).toEqual([]);
    expect(cellFacts(ARBITRATION_TABLE.rows[0]!, facts, Q2, cols[0]!).map((f) => f.caseId)).toEqual(['a']);
  });

  it('warns when the record does not balance (a closure dated before the acceptance)', () => {
    const facts = [fact({ acceptedOn: '2026-04-10', closedOn: '2026-03-01', closure: 'arb_awarded' })];
    const t = computeTable(ARBITRATION_TABLE, facts, Q2, cols);
    expect(t.warnings.map((w) => [w.check, w.column, w.left, w.right])).toEqual([
      ['balance', '合计', 1, 0],
      ['balance', '甲县', 1, 0],
    ]);
    expect(t.warnings[0]?.message).toBe(
      '合计：上期未结 + 本期受理 = 本期结案 + 期末未结 不成立（1 ≠ 0），请核对后再报送',
    );
  });

  it('shows 无数据来源, never 0, for a row the record cannot count', () => {
    const t = computeTable(MEDIATION_TABLE, [], Q2, cols);
    const row = t.rows.find((r) => r.code === '04');
    expect(row?.cells).toEqual([
      { value: null, text: '无数据来源', drillable: false },
      { value: null, text: '无数据来源', drillable: false },
      { value: null, text: '无数据来源', drillable: false },
    ]);
    expect(row?.unavailable).toBe('调解组织名录中没有“机关事业单位人事争议调解组织”这一类型，系统尚不能区分');
  });

  it('suppresses public counts under 5', () => {
    expect([suppress(0), suppress(1), suppress(4), suppress(5), suppress(null)]).toEqual([
      '0',
      '<5',
      '<5',
      '5',
      '无数据来源',
    ]);
  });
});
