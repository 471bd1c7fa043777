import {
  type CaseFact,
  cellFacts,
  computeTable,
  type Period,
  PeriodError,
  type PeriodInput,
  resolvePeriod,
  type StatColumn,
  type StatTableResult,
  type StatTrack,
  statTable,
  type TableSpec,
} from '@onestop/domain';
import type { Kysely } from 'kysely';
import type { AppConfig } from '../../config/env';
import type { DB } from '../../db/schema';
import type { AuthContext } from '../../platform/auth';
import { AppError, errors } from '../../platform/errors';
import { scopeOf } from '../../platform/scope';
import { loadFacts } from './statistics.facts';

export interface StatQuery extends PeriodInput {
  jurisdictionId?: string | undefined;
}

export interface Jurisdiction {
  id: string;
  name: string;
  level: string;
  parent_id: string | null;
}

export function periodOf(q: PeriodInput): Period {
  try {
    return resolvePeriod(q);
  } catch (e) {
    if (e instanceof PeriodError) throw new AppError(400, e.code, e.message);
    throw e;
  }
}

export function specOf(code: string): TableSpec {
  const spec = statTable(code);
  if (!spec) throw errors.notFound('统计报表');
  return spec;
}

/**
 * The columns the user may see: the total, the city's own level and each county (a city-level grant),
 * or only the user's own county (a county-level grant). `jurisdictionId` narrows to one of them.
 */
export async function columnsFor(
  db: Kysely<DB>,
  auth: AuthContext,
  jurisdictionId: string | undefined,
): Promise<{ columns: StatColumn[]; scope: string[]; unit: string }> {
  const scope = await scopeOf(db, auth, 'statistics.view');
  if (jurisdictionId !== undefined && !scope.includes(jurisdictionId)) throw errors.notFound('辖区');
  const visible = jurisdictionId ? [jurisdictionId] : scope;
  const rows = visible.length
    ? await db
        .selectFrom('jurisdiction')
        .select(['id', 'name', 'level', 'parent_id'])
        .where('id', 'in', visible)
        .orderBy('level')
        .orderBy('sort')
        .orderBy('code')
        .execute()
    : [];
  const cities = rows.filter((j) => j.level === 'city');
  const counties = rows.filter((j) => j.level === 'county');
  const columns: StatColumn[] = [];
  const top = cities[0];
  const unit = top ? top.name : (counties[0]?.name ?? '');
  if (rows.length > 1) columns.push({ key: 'total', label: '合计', jurisdictionIds: rows.map((j) => j.id) });
  for (const c of cities)
    columns.push({ key: c.id, label: rows.length > 1 ? `${c.name}本级` : c.name, jurisdictionIds: [c.id] });
  for (const c of counties) columns.push({ key: c.id, label: c.name, jurisdictionIds: [c.id] });
  return { columns, scope: rows.map((j) => j.id), unit };
}

/** The tracks a table counts (the mediation table also reads the commission's pre-arbitration mediation). */
function tracksOf(spec: TableSpec): StatTrack[] {
  const tracks = new Set<StatTrack>();
  for (const r of spec.rows) if (r.kind === 'count') tracks.add(r.track);
  if (tracks.has('mediation')) tracks.add('arbitration');
  return [...tracks];
}

export interface TableAnswer extends StatTableResult {
  periodLabel: string;
  reportingUnit: string;
}

export async function tableFor(
  db: Kysely<DB>,
  config: Pick<AppConfig, 'tzOffsetMinutes'>,
  auth: AuthContext,
  code: string,
  q: StatQuery,
  allTracks = false,
): Promise<{
  answer: TableAnswer;
  facts: CaseFact[];
  columns: StatColumn[];
  period: Period;
  spec: TableSpec;
}> {
  const spec = specOf(code);
  const period = periodOf(q);
  const { columns, scope, unit } = await columnsFor(db, auth, q.jurisdictionId);
  const facts = await loadFacts(
    db,
    scope,
    period,
    config.tzOffsetMinutes,
    allTracks ? undefined : tracksOf(spec),
  );
  const result = computeTable(spec, facts, period, columns);
  return {
    answer: {
      ...result,
      periodLabel: period.label,
      reportingUnit: `${unit}劳动人事争议仲裁委员会（一站式劳动保障维权中心）`,
    },
    facts,
    columns,
    period,
    spec,
  };
}

export interface DrillItem {
  caseId: string;
  caseNumber: string;
  matterId: string;
  matterNumber: string;
  /** false for a case of a mediation organisation's own ledger (no matter page to open). */
  isMatter: boolean;
  jurisdiction: string;
  registeredOn: string;
  acceptedOn: string | null;
  closedOn: string | null;
  value: number;
}

export async function drillDown(
  db: Kysely<DB>,
  config: Pick<AppConfig, 'tzOffsetMinutes'>,
  auth: AuthContext,
  code: string,
  rowCode: string,
  columnKey: string,
  q: StatQuery,
): Promise<{ row: { code: string; label: string; unit: string }; column: string; items: DrillItem[] }> {
  const t = await tableFor(db, config, auth, code, q);
  const row = t.spec.rows.find((r) => r.code === rowCode);
  if (!row) throw errors.notFound('统计指标');
  if (row.kind !== 'count')
    throw new AppError(400, 'NOT_DRILLABLE', '该指标没有可列出的事项（无数据来源或为比率）');
  const column = t.columns.find((c) => c.key === columnKey);
  if (!column) throw errors.notFound('统计栏目');
  const names = new Map(
    (await db.selectFrom('jurisdiction').select(['id', 'name']).execute()).map(
      (j) => [j.id, j.name] as const,
    ),
  );
  const items = cellFacts(row, t.facts, t.period, column).map((f) => ({
    caseId: f.caseId,
    caseNumber: f.caseNumber,
    matterId: f.matterId,
    matterNumber: f.matterNumber,
    isMatter: f.channel !== 'mediation_organization',
    jurisdiction: names.get(f.jurisdictionId) ?? '',
    registeredOn: f.registeredOn,
    acceptedOn: f.acceptedOn,
    closedOn: f.closedOn,
    value:
      row.measure === 'cases'
        ? 1
        : row.measure === 'workers'
          ? f.workers
          : row.measure === 'claimedFen'
            ? f.claimedFen
            : row.measure === 'settledFen'
              ? f.settledFen
              : row.measure === 'paidFen'
                ? f.paidFen
                : row.measure === 'recoveredFen'
                  ? f.recoveredFen
                  : f.recoveredWorkers,
  }));
  return { row: { code: row.code, label: row.label, unit: row.unit }, column: column.label, items };
}

/** CSV (UTF-8 with BOM so that Excel opens Chinese text) of a drill-down list. */
export function drillCsv(d: Awaited<ReturnType<typeof drillDown>>): string {
  const esc = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  // A leading =, +, - or @ would be read as a formula by spreadsheet programs.
  const cell = (v: string | number | null) => esc(String(v ?? '').replace(/^([=+\-@])/, "'$1"));
  const money = d.row.unit === '元';
  const head = [
    '案件编号',
    '事项编号',
    '辖区',
    '登记日期',
    '受理日期',
    '结案日期',
    `${d.row.label}（${d.row.unit}）`,
  ];
  const lines = [head.map(cell).join(',')];
  for (const i of d.items) {
    const value = money ? (i.value / 100).toFixed(2) : String(i.value);
    lines.push(
      [i.caseNumber, i.matterNumber, i.jurisdiction, i.registeredOn, i.acceptedOn, i.closedOn, value]
        .map(cell)
        .join(','),
    );
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
