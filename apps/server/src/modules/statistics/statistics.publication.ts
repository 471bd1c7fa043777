import {
  computeTable,
  previousQuarter,
  resolvePeriod,
  STAT_TABLES,
  statTable,
  suppress,
  type StatTrack,
} from '@onestop/domain';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import type { Actor } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { readSettingVersioned, writeSetting } from '../../platform/settings';
import { loadFacts } from './statistics.facts';

/**
 * 统计数据公开: the figures the bureau chooses to publish on the portal (setting `statistics.publication`,
 * migration 0069). Only count rows in 件 or 人 can be published, for the whole city and the last full
 * quarter; a figure under 5 is shown as "<5" so nobody can be identified (domain `suppress`).
 */
export const PUBLICATION_KEY = 'statistics.publication' as const;
const PUBLISHABLE_UNITS = new Set(['件', '人']);

export interface PublicationRow {
  table: string;
  row: string;
}

export interface Publication {
  enabled: boolean;
  rows: PublicationRow[];
}

/** Every row that may be published, with its table and label (for the leaders' choice). */
export function publishableRows() {
  return STAT_TABLES.flatMap((t) =>
    t.rows
      .filter((r) => r.kind === 'count' && PUBLISHABLE_UNITS.has(r.unit))
      .map((r) => ({ table: t.code, tableTitle: t.title, row: r.code, label: r.label, unit: r.unit })),
  );
}

/** The stored choice through the settings registry (typed; off with no rows when absent or unusable). */
export async function readPublication(
  db: Kysely<DB> | Transaction<DB>,
): Promise<Publication & { version: number }> {
  const { value, version } = await readSettingVersioned(db, PUBLICATION_KEY);
  return { enabled: value.enabled, rows: value.rows, version };
}

/** Checks the rows are publishable, then writes through the registry (typed, version-checked, audited). */
export async function writePublication(
  trx: Transaction<DB>,
  actor: Actor,
  next: Publication,
  version: number,
): Promise<void> {
  const allowed = new Set(publishableRows().map((r) => `${r.table}/${r.row}`));
  const bad = next.rows.find((r) => !allowed.has(`${r.table}/${r.row}`));
  if (bad)
    throw new AppError(
      422,
      'PUBLICATION_ROW_INVALID',
      `报表“${bad.table}”的指标“${bad.row}”不能公开：只能公开以件、人计的计数指标`,
    );
  await writeSetting(
    trx,
    actor,
    { key: PUBLICATION_KEY, value: { enabled: next.enabled, rows: next.rows }, version },
    {
      action: 'statistics.publication.update',
      summary: next.enabled ? `公开统计数据（${next.rows.length}项指标）` : '停止公开统计数据',
    },
  );
}

/** The public figures: the city total of each chosen row for the last full quarter, small numbers suppressed. */
export async function publicFigures(db: Kysely<DB>, tzOffsetMinutes: number, today: string) {
  const pub = await readPublication(db);
  if (!pub.enabled) return { published: false as const, periodLabel: null, items: [] };
  const q = previousQuarter(today);
  const period = resolvePeriod({ kind: 'quarter', year: q.year, quarter: q.quarter });
  const all = (await db.selectFrom('jurisdiction').select('id').execute()).map((j) => j.id);
  const column = { key: 'total', label: '合计', jurisdictionIds: all };
  const items: { table: string; label: string; unit: string; text: string }[] = [];
  const byTable = new Map<string, PublicationRow[]>();
  for (const r of pub.rows) byTable.set(r.table, [...(byTable.get(r.table) ?? []), r]);
  for (const [code, rows] of byTable) {
    const spec = statTable(code);
    if (!spec) continue;
    const tracks = new Set<StatTrack>();
    for (const r of spec.rows) if (r.kind === 'count') tracks.add(r.track);
    if (tracks.has('mediation')) tracks.add('arbitration');
    const facts = await loadFacts(db, all, period, tzOffsetMinutes, [...tracks]);
    const result = computeTable(spec, facts, period, [column]);
    for (const want of rows) {
      const row = result.rows.find((r) => r.code === want.row);
      if (!row || !PUBLISHABLE_UNITS.has(row.unit)) continue;
      items.push({
        table: spec.title,
        label: row.label.replace(/^其中：/, ''),
        unit: row.unit,
        text: suppress(row.cells[0]?.value ?? null),
      });
    }
  }
  return { published: true as const, periodLabel: period.label, items };
}
