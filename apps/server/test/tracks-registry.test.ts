import {
  CASE_TRACK_IDS,
  CLAIM_TRACK_IDS,
  TRACK_REGISTRY,
  type TrackDefinition,
  WORKFLOW_MACHINES,
} from '@onestop/domain';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { CASE_TRACKS } from '../src/modules/cases/cases.tables';
import { TRACKS } from '../src/modules/cases/cases.tracks';
import { CLAIM_TRACKS } from '../src/modules/matters/matters.tables';
import { TRACK_LABELS } from '../src/modules/matters/matters.schema';
import { useTestServer } from './harness';

/**
 * Every place that lists tracks must list exactly the registry's (packages/domain/src/tracks/registry.ts):
 * the SQL CHECK constraints of the migrated database (read from pg_constraint), the server's lists and
 * its per-track specs. docs/adding-a-track.md walks through adding one.
 */
type Registry = Record<string, TrackDefinition>;

/** Which registry list each SQL column with a track CHECK must equal. */
function expectedChecks(registry: Registry): Record<string, string[]> {
  const ids = Object.keys(registry);
  const cases = ids.filter((t) => registry[t]!.hasCases);
  const claims = ids.filter((t) => registry[t]!.routeLabel !== undefined);
  return {
    'matter_claim.track': claims,
    'track_case.track': cases,
    'transfer.to_track': cases,
  };
}

/** "table.column" → the tracks its CHECK allows; `missing` lists what a place lacks or has extra. */
function compare(expected: Record<string, string[]>, actual: Record<string, string[]>) {
  const problems: string[] = [];
  for (const place of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
    const want = new Set(expected[place] ?? []);
    const have = new Set(actual[place] ?? []);
    if (!(place in expected)) problems.push(`${place}: a track CHECK the registry test does not know`);
    for (const t of want) if (!have.has(t)) problems.push(`${place}: lacks ${t}`);
    for (const t of have) if (!want.has(t)) problems.push(`${place}: has ${t}, not in the registry`);
  }
  return problems.sort();
}

describe('track registry against the database and the server', () => {
  const env = useTestServer();

  async function trackChecks(): Promise<Record<string, string[]>> {
    const db = env.server.database.db;
    const r = await sql<{ place: string; def: string }>`
      SELECT c.relname || '.' || a.attname AS place, pg_get_constraintdef(k.oid) AS def
      FROM pg_constraint k
      JOIN pg_class c ON c.oid = k.conrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = current_schema()
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY(k.conkey)
      WHERE k.contype = 'c' AND a.attname LIKE '%track' AND a.attname <> 'tracking_no'
      ORDER BY 1`.execute(db);
    return Object.fromEntries(
      r.rows.map((row) => [row.place, [...row.def.matchAll(/'([a-z_]+)'::text/g)].map((m) => m[1]!)]),
    );
  }

  it('the SQL CHECK constraints allow exactly the registry’s tracks', async () => {
    const actual = await trackChecks();
    expect(Object.keys(actual).sort()).toEqual([
      'matter_claim.track',
      'track_case.track',
      'transfer.to_track',
    ]);
    expect(compare(expectedChecks(TRACK_REGISTRY), actual)).toEqual([]);
  });

  it('a track added to the registry alone is reported at every place that misses it', async () => {
    // The throw-away example of docs/adding-a-track.md: 'union_mediation' declared only in the registry.
    const withExample: Registry = {
      ...TRACK_REGISTRY,
      union_mediation: {
        label: '工会调解',
        routeLabel: '工会调解',
        hasCases: true,
        machine: null,
        clockTrack: null,
      },
    };
    expect(compare(expectedChecks(withExample), await trackChecks())).toEqual([
      'matter_claim.track: lacks union_mediation',
      'track_case.track: lacks union_mediation',
      'transfer.to_track: lacks union_mediation',
    ]);
  });

  it('the server’s lists and per-track specs follow the registry', () => {
    expect(CASE_TRACKS).toEqual(CASE_TRACK_IDS);
    expect(CLAIM_TRACKS).toEqual(CLAIM_TRACK_IDS);
    expect(Object.keys(TRACKS)).toEqual([...CASE_TRACK_IDS]);
    for (const t of CASE_TRACK_IDS) {
      const def: TrackDefinition = TRACK_REGISTRY[t];
      expect(TRACKS[t].label, t).toBe(def.label);
      expect(TRACKS[t].machine, t).toBe(def.machine ? WORKFLOW_MACHINES[def.machine] : null);
    }
    for (const t of CLAIM_TRACK_IDS) expect(TRACK_LABELS[t], t).toBe(TRACK_REGISTRY[t].routeLabel);
  });
});
