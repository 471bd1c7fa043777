/**
 * Statistics benchmark (issue #18 item 7): the 劳动人事争议处理情况 table for a year.
 *
 * 1. PostgreSQL, N matters (default 1,000,000; a quarter become arbitration cases with their events,
 *    clocks, applications and awards, generated in SQL): the product's path (facts from the statistical
 *    fact table, refreshed first, then the table rules of the domain package) against one raw SQL
 *    statement that counts the same cells from the base tables, in the same run. Prints medians and the
 *    ratio (goal ≤ 2×) and checks that both give the same numbers.
 * 2. The embedded database (PGlite), a city's year (BENCH_CITY_MATTERS, default 20,000 matters): the
 *    time the page's query takes once the facts are current (goal: under a second) and the one-off
 *    refresh of every case's facts (what the first request after a migration pays).
 *
 *   npx tsx bench/src/stats.bench.ts                (DATABASE_URL or postgres://postgres@127.0.0.1:5432/test)
 *   BENCH_MATTERS=100000 npx tsx bench/src/stats.bench.ts
 */
import { randomBytes } from 'node:crypto';
import { type CaseFact, computeTable, statTable } from '@onestop/domain';
import pg from 'pg';
import { openDatabase } from '../../apps/server/src/db/database.js';
import { migrate } from '../../apps/server/src/db/migrate.js';
import { loadFacts, refreshStatFacts } from '../../apps/server/src/modules/statistics/statistics.facts.js';
import { seedReference } from '../../apps/server/src/seed/reference.js';

const N = Number(process.env.BENCH_MATTERS ?? 1_000_000);
const CITY = Number(process.env.BENCH_CITY_MATTERS ?? 20_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const YEAR = 2025;
const TZ = 480;
const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

type Exec = (sql: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

/** N matters received through YEAR; every fourth an arbitration case (accepted, two thirds closed). */
export async function generateStatData(exec: Exec, n: number): Promise<void> {
  const employers = Math.max(10, Math.floor(n / 20));
  const hex = (prefix: string, expr: string) => `('${prefix}' || lpad(to_hex(${expr}), 12, '0'))::uuid`;
  await exec(
    `INSERT INTO party (id, kind, name, id_type, id_number_enc, identity_hash, migrant_worker, updated_at)
     SELECT ${hex('00000000-0000-4000-8000-', 'i')}, 'worker', '劳动者' || i, 'resident_id', 'v1.bench',
            'h' || md5(i::text), i % 4 = 0, now()
       FROM generate_series(1, ${n}) i`,
  );
  await exec(
    `INSERT INTO party (id, kind, name, credit_code, identity_hash, status, updated_at)
     SELECT ${hex('00000000-0000-4000-9000-', 'i')}, 'employer', '随州市单位' || i || '有限公司',
            '91421300MA' || lpad(i::text, 7, '0') || 'X', 'e' || md5(i::text), 'normal', now()
       FROM generate_series(1, ${employers}) i`,
  );
  const orgs = (
    await exec(
      `SELECT DISTINCT ON (j.code) j.id AS j, o.id AS o FROM jurisdiction j
         JOIN organization o ON o.jurisdiction_id = j.id ORDER BY j.code, o.sort, o.name`,
    )
  ).rows as { j: string; o: string }[];
  const js = orgs.map((r) => r.j);
  const os = orgs.map((r) => r.o);
  const k = js.length;
  await exec(
    `INSERT INTO matter (id, number, year, seq, channel, request_kind, status, jurisdiction_id, received_at,
                         worker_count, collective, updated_at)
     SELECT ${hex('00000000-0000-4000-a000-', 'i')}, '随维〔${YEAR}〕' || lpad(i::text, 7, '0'), ${YEAR}, i,
            (ARRAY['window','online','hotline_12333','petition_transfer'])[1 + i % 4], 'application', 'routed',
            ($1::uuid[])[1 + i % ${k}],
            timestamptz '${YEAR}-01-01 09:00+08' + ((i - 1)::double precision / ${n}) * interval '360 days',
            CASE WHEN i % 200 = 0 THEN 12 ELSE 1 END, i % 200 = 0, now()
       FROM generate_series(1, ${n}) i`,
    [js],
  );
  await exec(
    `INSERT INTO matter_party (matter_id, party_id, role, sort)
     SELECT ${hex('00000000-0000-4000-a000-', 'i')}, ${hex('00000000-0000-4000-8000-', 'i')}, 'worker', 0
       FROM generate_series(1, ${n}) i
     UNION ALL
     SELECT ${hex('00000000-0000-4000-a000-', 'i')}, ${hex('00000000-0000-4000-9000-', `1 + (i::bigint * 31) % ${employers}`)}, 'employer', 0
       FROM generate_series(1, ${n}) i`,
  );
  await exec(
    `INSERT INTO matter_claim (id, matter_id, type, amount_fen, facts, track, status)
     SELECT ${hex('00000000-0000-4000-b000-', 'i')}, ${hex('00000000-0000-4000-a000-', 'i')},
            (ARRAY['unpaid_wages','overtime_pay','economic_compensation','social_insurance',
                   'work_injury_benefits','labor_relation_confirmation'])[1 + (i / 4) % 6],
            100000 + (i % 50) * 10000, '', CASE WHEN i % 4 = 0 THEN 'arbitration' ELSE 'mediation' END, 'routed'
       FROM generate_series(1, ${n}) i`,
  );
  // Arbitration cases: i % 4 = 0. Closed: (i / 4) % 3 <> 2 → awarded (0) or mediated (1).
  const arb = `FROM generate_series(4, ${n}, 4) i, LATERAL (SELECT timestamptz '${YEAR}-01-01 10:00+08'
      + ((i - 1)::double precision / ${n}) * interval '360 days' + interval '1 day' AS opened,
      (i / 4) % 3 AS kind) x`;
  await exec(
    `INSERT INTO track_case (id, matter_id, track, number, year, seq, state, closed, organization_id,
                             jurisdiction_id, opened_at, closed_at, updated_at)
     SELECT ${hex('00000000-0000-4000-c000-', 'i')}, ${hex('00000000-0000-4000-a000-', 'i')}, 'arbitration',
            '随劳人仲案字〔${YEAR}〕第' || i || '号', ${YEAR}, i,
            CASE x.kind WHEN 0 THEN 'awarded' WHEN 1 THEN 'mediated' ELSE 'accepted' END, x.kind <> 2,
            ($2::uuid[])[1 + i % ${k}], ($1::uuid[])[1 + i % ${k}], x.opened,
            CASE WHEN x.kind <> 2 THEN x.opened + interval '40 days' END, now()
       ${arb}`,
    [js, os],
  );
  await exec(
    `INSERT INTO case_claim (case_id, claim_id, open)
     SELECT ${hex('00000000-0000-4000-c000-', 'i')}, ${hex('00000000-0000-4000-b000-', 'i')}, x.kind = 2 ${arb}`,
  );
  await exec(
    `INSERT INTO arbitration_application (case_id, matter_id, claims, outcome_amount_fen)
     SELECT ${hex('00000000-0000-4000-c000-', 'i')}, ${hex('00000000-0000-4000-a000-', 'i')},
            jsonb_build_array(jsonb_build_object('type', (ARRAY['unpaid_wages','overtime_pay','economic_compensation',
              'social_insurance','work_injury_benefits','labor_relation_confirmation'])[1 + (i / 4) % 6],
              'amountFen', 100000 + (i % 50) * 10000)),
            CASE WHEN x.kind = 1 THEN 80000 END
       ${arb}`,
  );
  await exec(
    `INSERT INTO case_event (case_id, seq, from_state, to_state, event, actor_name, at)
     SELECT ${hex('00000000-0000-4000-c000-', 'i')}, 1, NULL, 'received', 'receive', '基准', x.opened ${arb}
     UNION ALL
     SELECT ${hex('00000000-0000-4000-c000-', 'i')}, 2, 'received', 'accepted', 'accept', '基准',
            x.opened + interval '3 days' ${arb}
     UNION ALL
     SELECT ${hex('00000000-0000-4000-c000-', 'i')}, 3, 'accepted', CASE x.kind WHEN 0 THEN 'awarded' ELSE 'mediated' END,
            CASE x.kind WHEN 0 THEN 'award' ELSE 'mediate' END, '基准', x.opened + interval '40 days' ${arb}
      WHERE x.kind <> 2`,
  );
  await exec(
    `INSERT INTO arbitration_award (case_id, items, minimum_wage_fen)
     SELECT ${hex('00000000-0000-4000-c000-', 'i')},
            jsonb_build_array(jsonb_build_object('amountFen', CASE WHEN i % 5 = 0 THEN 0 ELSE 60000 + (i % 7) * 20000 END,
              'finality', CASE WHEN i % 2 = 0 THEN 'final' ELSE 'non_final' END)), 0
       ${arb} WHERE x.kind = 0`,
  );
  await exec(
    `INSERT INTO clock (subject_type, subject_id, rule_id, trigger_date, due_date, original_due_date, calendar_version,
                        status, basis, explanation, updated_at)
     SELECT 'case', ${hex('00000000-0000-4000-c000-', 'i')}, 'arbitration.award_deadline',
            (x.opened + interval '3 days')::date, (x.opened + interval '48 days')::date,
            (x.opened + interval '48 days')::date, 'bench',
            CASE WHEN x.kind = 2 THEN 'running' ELSE 'met' END, '调解仲裁法第四十三条', '',
            CASE WHEN x.kind = 2 THEN x.opened ELSE x.opened + interval '40 days' + CASE WHEN i % 11 = 0 THEN interval '20 days' ELSE interval '0' END END
       ${arb}`,
  );
  await exec('ANALYZE');
}

/** The arbitration table's count cells straight from the base tables, per jurisdiction (the baseline). */
export const RAW_ARBITRATION_SQL = `
WITH c AS (
  SELECT tc.id, tc.jurisdiction_id AS j, tc.matter_id FROM track_case tc
   WHERE tc.track = 'arbitration' AND tc.opened_at < $4::timestamptz
     AND (tc.closed_at IS NULL OR tc.closed_at >= $3::timestamptz)
), acc AS (
  SELECT e.case_id, to_char(min(e.at) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS d
    FROM case_event e JOIN c ON c.id = e.case_id WHERE e.to_state = 'accepted' GROUP BY e.case_id
), disp AS (
  SELECT DISTINCT ON (e.case_id) e.case_id, e.to_state AS s, to_char(e.at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS d
    FROM case_event e JOIN c ON c.id = e.case_id
   WHERE e.to_state IN ('mediated','awarded','withdrawn','deemed_withdrawn','revoked','transferred','terminated')
   ORDER BY e.case_id, e.seq
), aw AS (
  SELECT aw.case_id, coalesce(sum((i ->> 'amountFen')::bigint), 0) AS awarded, bool_or(i ->> 'finality' = 'final') AS final_award
    FROM arbitration_award aw JOIN c ON c.id = aw.case_id, jsonb_array_elements(aw.items) i GROUP BY aw.case_id
), late AS (
  SELECT DISTINCT k.subject_id AS case_id
    FROM clock k JOIN c ON c.id = k.subject_id JOIN disp ON disp.case_id = k.subject_id
   WHERE k.subject_type = 'case' AND to_char(k.trigger_date, 'YYYY-MM-DD') < disp.d
     AND (k.status = 'missed'
       OR (k.status = 'met' AND to_char(k.updated_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') > to_char(k.due_date, 'YYYY-MM-DD'))
       OR (k.status <> 'met' AND to_char(k.due_date, 'YYYY-MM-DD') < disp.d))
), f AS (
  SELECT c.j, m.collective, m.worker_count AS workers, acc.d AS acc, disp.s AS disp, disp.d AS closed,
         coalesce(aa.claims -> 0 ->> 'type', 'other') AS cause_claim,
         coalesce((SELECT sum((x ->> 'amountFen')::bigint) FROM jsonb_array_elements(aa.claims) x), 0) AS claimed,
         coalesce(aw.awarded, 0) AS awarded, coalesce(aw.final_award, false) AS final_award,
         aa.outcome_amount_fen AS mediated_fen, late.case_id IS NULL AS in_limit
    FROM c
    JOIN matter m ON m.id = c.matter_id
    JOIN acc ON acc.case_id = c.id
    LEFT JOIN arbitration_application aa ON aa.case_id = c.id
    LEFT JOIN disp ON disp.case_id = c.id
    LEFT JOIN aw ON aw.case_id = c.id
    LEFT JOIN late ON late.case_id = c.id
), g AS (
  SELECT *, acc IS NOT NULL AND acc BETWEEN $1 AND $2 AS acc_in,
         acc IS NOT NULL AND closed IS NOT NULL AND closed BETWEEN $1 AND $2 AS closed_in,
         CASE WHEN cause_claim IN ('unpaid_wages','overtime_pay','minimum_wage','annual_leave_pay','double_wages_no_contract') THEN 'remuneration'
              WHEN cause_claim IN ('economic_compensation','unlawful_termination_damages') THEN 'contract'
              WHEN cause_claim = 'social_insurance' THEN 'social_insurance'
              WHEN cause_claim IN ('work_injury_benefits','injury_medical_fees') THEN 'work_injury' ELSE 'other' END AS cause,
         CASE WHEN disp = 'awarded' THEN awarded WHEN disp = 'mediated' THEN coalesce(mediated_fen, 0) ELSE 0 END AS settled
    FROM f WHERE acc IS NOT NULL
)
SELECT j,
  count(*) FILTER (WHERE acc < $1 AND (closed IS NULL OR closed >= $1)) AS "01",
  count(*) FILTER (WHERE acc_in) AS "02",
  count(*) FILTER (WHERE acc_in AND collective) AS "03",
  count(*) FILTER (WHERE acc_in) AS "04",
  coalesce(sum(workers) FILTER (WHERE acc_in), 0) AS "05",
  coalesce(sum(workers) FILTER (WHERE acc_in AND collective), 0) AS "06",
  count(*) FILTER (WHERE acc_in AND cause = 'remuneration') AS "07",
  count(*) FILTER (WHERE acc_in AND cause = 'social_insurance') AS "08",
  count(*) FILTER (WHERE acc_in AND cause = 'contract') AS "09",
  count(*) FILTER (WHERE acc_in AND cause = 'work_injury') AS "10",
  count(*) FILTER (WHERE acc_in AND cause = 'other') AS "11",
  count(*) FILTER (WHERE closed_in) AS "12",
  count(*) FILTER (WHERE closed_in AND disp = 'mediated') AS "13",
  count(*) FILTER (WHERE closed_in AND disp = 'awarded') AS "14",
  count(*) FILTER (WHERE closed_in AND disp IN ('withdrawn','deemed_withdrawn','revoked','transferred','terminated')) AS "15",
  count(*) FILTER (WHERE closed_in AND disp IN ('withdrawn','deemed_withdrawn')) AS "16",
  count(*) FILTER (WHERE closed_in AND disp = 'awarded' AND settled = 0) AS "17",
  count(*) FILTER (WHERE closed_in AND disp = 'awarded' AND settled > 0 AND settled >= claimed) AS "18",
  count(*) FILTER (WHERE closed_in AND disp = 'awarded' AND settled > 0 AND settled < claimed) AS "19",
  count(*) FILTER (WHERE closed_in AND disp = 'awarded' AND final_award) AS "20",
  coalesce(sum(claimed) FILTER (WHERE acc_in), 0) AS "21",
  coalesce(sum(settled) FILTER (WHERE closed_in AND disp IN ('mediated','awarded')), 0) AS "22",
  count(*) FILTER (WHERE closed_in AND in_limit) AS "23",
  count(*) FILTER (WHERE acc <= $2 AND (closed IS NULL OR closed > $2)) AS "24"
FROM g GROUP BY j`;

const RAW_PARAMS = [
  `${YEAR}-01-01`,
  `${YEAR}-12-31`,
  `${YEAR}-01-01T00:00:00+08:00`,
  `${YEAR + 1}-01-01T00:00:00+08:00`,
];

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t = process.hrtime.bigint();
  const r = await fn();
  return [Number(process.hrtime.bigint() - t) / 1e6, r];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** The product's table: refresh what changed, read the facts, apply the rules. */
async function productTable(db: Parameters<typeof loadFacts>[0], scope: string[]) {
  const spec = statTable('arbitration');
  if (!spec) throw new Error('no arbitration table');
  const period = { from: `${YEAR}-01-01`, to: `${YEAR}-12-31` };
  await refreshStatFacts(db, TZ);
  const facts: CaseFact[] = await loadFacts(db, scope, period, TZ, ['arbitration']);
  const columns = scope.map((id) => ({ key: id, label: id, jurisdictionIds: [id] }));
  return computeTable(spec, facts, period, columns);
}

function compare(product: Awaited<ReturnType<typeof productTable>>, raw: Record<string, unknown>[]) {
  const byJ = new Map(raw.map((r) => [String(r.j), r]));
  let diff = 0;
  product.columns.forEach((col, c) => {
    for (const row of product.rows) {
      const cell = row.cells[c];
      if (!cell || cell.value === null || !/^\d\d$/.test(row.code) || row.unit === '%') continue;
      const expected = Number(byJ.get(col.key)?.[row.code] ?? 0);
      if (cell.value !== expected) {
        diff++;
        if (diff <= 5)
          console.log(`  differs: ${col.key} row ${row.code}: product ${cell.value}, raw ${expected}`);
      }
    }
  });
  return diff;
}

async function onPostgres() {
  const dbName = `onestop_stats_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  const database = await openDatabase({ databaseUrl: url.toString(), pgliteDir: '', poolMax: 4 });
  try {
    await migrate(database.pool);
    await seedReference(database.db);
    const t0 = Date.now();
    await generateStatData((s, p) => database.pool.query(s, p as unknown[]), N);
    console.log(
      `PostgreSQL: generated ${N.toLocaleString()} matters in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );
    const scope = (await database.pool.query<{ id: string }>('SELECT id FROM jurisdiction')).rows.map(
      (r) => r.id,
    );
    const [refreshMs] = await time(() => refreshStatFacts(database.db, TZ));
    console.log(
      `first refresh of every case's facts: ${(refreshMs / 1000).toFixed(1)} s (once, after a migration)`,
    );
    const product: number[] = [];
    const raw: number[] = [];
    let last: Awaited<ReturnType<typeof productTable>> | undefined;
    let rawRows: Record<string, unknown>[] = [];
    for (let r = 0; r < RUNS; r++) {
      const [p, t] = await time(() => productTable(database.db, scope));
      const [q, rr] = await time(() => database.pool.query(RAW_ARBITRATION_SQL, RAW_PARAMS));
      product.push(p);
      raw.push(q);
      last = t;
      rawRows = rr.rows;
    }
    const diff = last ? compare(last, rawRows) : -1;
    const period = { from: `${YEAR}-01-01`, to: `${YEAR}-12-31` };
    const [loadMs, facts] = await time(() => loadFacts(database.db, scope, period, TZ, ['arbitration']));
    const spec = statTable('arbitration');
    const cols = scope.map((id) => ({ key: id, label: id, jurisdictionIds: [id] }));
    const [computeMs] = await time(async () => spec && computeTable(spec, facts, period, cols));
    console.log(
      `product: ${facts.length.toLocaleString()} facts read in ${loadMs.toFixed(0)} ms, cells computed in ${computeMs.toFixed(0)} ms`,
    );
    console.log('\n| 劳动人事争议处理情况, one year | product median ms | raw SQL median ms | ratio |');
    console.log('| --- | ---: | ---: | ---: |');
    console.log(
      `| ${N.toLocaleString()} matters (PostgreSQL) | ${median(product).toFixed(0)} | ${median(raw).toFixed(0)} | ${(median(product) / median(raw)).toFixed(2)}× (goal ≤ 2×) |`,
    );
    console.log(diff === 0 ? 'cells: product = raw SQL in every column' : `cells: ${diff} differ`);
  } finally {
    await database.close();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }
}

async function onPglite() {
  const database = await openDatabase({ pgliteDir: 'memory://', poolMax: 1 });
  try {
    await migrate(database.pool);
    await seedReference(database.db);
    const t0 = Date.now();
    await generateStatData((s, p) => database.pool.query(s, p as unknown[]), CITY);
    console.log(
      `\nPGlite: generated ${CITY.toLocaleString()} matters in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );
    const scope = (await database.pool.query<{ id: string }>('SELECT id FROM jurisdiction')).rows.map(
      (r) => r.id,
    );
    const [refreshMs] = await time(() => refreshStatFacts(database.db, TZ));
    const page: number[] = [];
    const raw: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      page.push((await time(() => productTable(database.db, scope)))[0]);
      raw.push((await time(() => database.pool.query(RAW_ARBITRATION_SQL, RAW_PARAMS)))[0]);
    }
    console.log('\n| city year (PGlite) | first refresh s | table median ms | raw SQL median ms | ratio |');
    console.log('| --- | ---: | ---: | ---: | ---: |');
    console.log(
      `| ${CITY.toLocaleString()} matters | ${(refreshMs / 1000).toFixed(1)} | ${median(page).toFixed(0)} (goal < 1000) | ${median(raw).toFixed(0)} | ${(median(page) / median(raw)).toFixed(2)}× |`,
    );
  } finally {
    await database.close();
  }
}

async function main() {
  await onPglite();
  await onPostgres();
}

/** Used by `npm run bench -- stats`; also runs on its own with `npx tsx bench/src/stats.bench.ts`. */
export const runStatsBench = main;

if (import.meta.url === `file://${process.argv[1]}`) await main();
