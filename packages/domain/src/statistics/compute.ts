import type { CaseFact, StatPeriod } from './facts';
import { type CountRow, type RowSpec, type TableSpec, UNAVAILABLE_TEXT, type Unit } from './tables';

/** A column of a table: the city total, the city's own level, or one county. */
export interface StatColumn {
  key: string;
  label: string;
  jurisdictionIds: readonly string[];
}

export interface StatCell {
  /** Count, persons, amount in fen, or percent (one decimal); null: unavailable or not computable. */
  value: number | null;
  /** As printed: '12', '1234.50', '75.0', '无数据来源', '—'. */
  text: string;
  /** The cell opens a list of matters (count rows only). */
  drillable: boolean;
}

export interface StatRowResult {
  code: string;
  label: string;
  indent: number;
  unit: Unit;
  rule: string;
  /** Set when the record cannot count the row: the cell says 无数据来源 and this reason. */
  unavailable: string | null;
  cells: StatCell[];
}

export interface StatWarning {
  check: string;
  label: string;
  column: string;
  left: number;
  right: number;
  message: string;
}

export interface StatTableResult {
  code: string;
  title: string;
  formNumber: string;
  basis: string;
  period: StatPeriod;
  columns: { key: string; label: string }[];
  rows: StatRowResult[];
  warnings: StatWarning[];
}

export function statFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const a = Math.abs(fen);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}

function measureOf(row: CountRow, f: CaseFact): number {
  switch (row.measure) {
    case 'cases':
      return 1;
    case 'workers':
      return f.workers;
    case 'claimedFen':
      return f.claimedFen;
    case 'settledFen':
      return f.settledFen;
    case 'paidFen':
      return f.paidFen;
    case 'recoveredFen':
      return f.recoveredFen;
    case 'recoveredWorkers':
      return f.recoveredWorkers;
  }
}

/** The facts behind one count cell (the drill-down), in case-number order. */
export function cellFacts(
  row: RowSpec,
  facts: readonly CaseFact[],
  period: StatPeriod,
  column: StatColumn,
): CaseFact[] {
  if (row.kind !== 'count') return [];
  const inColumn = new Set(column.jurisdictionIds);
  return facts
    .filter((f) => f.track === row.track && inColumn.has(f.jurisdictionId) && row.when(f, period))
    .filter((f) => measureOf(row, f) !== 0 || row.measure === 'cases')
    .sort((a, b) => (a.caseNumber < b.caseNumber ? -1 : a.caseNumber > b.caseNumber ? 1 : 0));
}

function countText(unit: Unit, v: number): string {
  return unit === '元' ? statFen(v) : String(v);
}

/** Computes every cell of a table for the period and columns, with the consistency warnings. */
export function computeTable(
  spec: TableSpec,
  facts: readonly CaseFact[],
  period: StatPeriod,
  columns: readonly StatColumn[],
): StatTableResult {
  const byCode = new Map<string, number[]>();
  const colSets = columns.map((c) => new Set(c.jurisdictionIds));
  const rows: StatRowResult[] = spec.rows.map((row) => {
    if (row.kind === 'unavailable') {
      return {
        code: row.code,
        label: row.label,
        indent: row.indent,
        unit: row.unit,
        rule: '',
        unavailable: row.reason,
        cells: columns.map(() => ({ value: null, text: UNAVAILABLE_TEXT, drillable: false })),
      };
    }
    if (row.kind === 'ratio') {
      return {
        code: row.code,
        label: row.label,
        indent: row.indent,
        unit: row.unit,
        rule: row.rule,
        unavailable: null,
        cells: [],
      };
    }
    const sums = columns.map(() => 0);
    for (const f of facts) {
      if (f.track !== row.track || !row.when(f, period)) continue;
      const v = measureOf(row, f);
      colSets.forEach((s, i) => {
        if (s.has(f.jurisdictionId)) sums[i] = (sums[i] ?? 0) + v;
      });
    }
    byCode.set(row.code, sums);
    return {
      code: row.code,
      label: row.label,
      indent: row.indent,
      unit: row.unit,
      rule: row.rule,
      unavailable: null,
      cells: sums.map((v) => ({ value: v, text: countText(row.unit, v), drillable: true })),
    };
  });
  // Ratios after the counts they divide.
  spec.rows.forEach((row, i) => {
    if (row.kind !== 'ratio') return;
    const num = byCode.get(row.numerator) ?? [];
    const den = byCode.get(row.denominator) ?? [];
    const target = rows[i];
    if (!target) return;
    target.cells = columns.map((_, c) => {
      const d = den[c] ?? 0;
      if (d === 0) return { value: null, text: '—', drillable: false };
      const pct = Math.round(((num[c] ?? 0) * 1000) / d) / 10;
      return { value: pct, text: pct.toFixed(1), drillable: false };
    });
  });
  const warnings: StatWarning[] = [];
  for (const check of spec.checks) {
    columns.forEach((col, c) => {
      const sum = (codes: readonly string[]) =>
        codes.reduce((s, code) => s + (byCode.get(code)?.[c] ?? 0), 0);
      const left = sum(check.left);
      const right = sum(check.right);
      if (left !== right)
        warnings.push({
          check: check.code,
          label: check.label,
          column: col.label,
          left,
          right,
          message: `${col.label}：${check.label} 不成立（${left} ≠ ${right}），请核对后再报送`,
        });
    });
  }
  return {
    code: spec.code,
    title: spec.title,
    formNumber: spec.formNumber,
    basis: spec.basis,
    period: { from: period.from, to: period.to },
    columns: columns.map((c) => ({ key: c.key, label: c.label })),
    rows,
    warnings,
  };
}

/** Public figures: a count under the threshold is suppressed (shown as '<5'), so nobody is identifiable. */
export const PUBLIC_SUPPRESSION_MIN = 5;
export function suppress(value: number | null): string {
  if (value === null) return UNAVAILABLE_TEXT;
  return value > 0 && value < PUBLIC_SUPPRESSION_MIN ? `<${PUBLIC_SUPPRESSION_MIN}` : String(value);
}
