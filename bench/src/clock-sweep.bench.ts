/**
 * Clock sweep benchmark: 100,000 open clocks in a fresh PostgreSQL database (created and dropped
 * here). Times the product's sweep (mark missed + escalate + remind, in bounded batches) against one
 * raw SQL pass over the same rows (SELECT … WHERE status = 'running' AND due_date < $today), and
 * prints the medians and ratios (goal ≤ 2×). "cold" = the overdue clocks still to be marked (state
 * restored before each run, untimed); "steady" = the every-60-s pass once the work is done.
 *
 *   npx tsx bench/src/clock-sweep.bench.ts [iterations]      (DATABASE_URL or postgres://postgres@127.0.0.1:5432/test)
 */
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { FastifyBaseLogger } from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase } from '../../apps/server/src/db/database.js';
import { migrate } from '../../apps/server/src/db/migrate.js';
import { CalendarService, seedCalendar } from '../../apps/server/src/modules/clocks/calendar.service.js';
import { sweepClocks } from '../../apps/server/src/modules/clocks/clocks.sweep.js';
import { FieldCipher } from '../../apps/server/src/platform/crypto.js';
import { seedDemo } from '../../apps/server/src/seed/demo.js';
import { seedReference } from '../../apps/server/src/seed/reference.js';

const CLOCKS = 100_000;
const TODAY = '2026-06-10';

const silent = {
  info() {},
  warn() {},
  error() {},
  debug() {},
  trace() {},
  fatal() {},
  child() {
    return silent;
  },
  level: 'silent',
} as unknown as FastifyBaseLogger;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

export interface ClockSweepBenchResult {
  clocks: number;
  overdue: number;
  rawMs: number;
  sweepColdMs: number;
  sweepSteadyMs: number;
  ratioCold: number;
  ratioSteady: number;
}

export async function runClockSweepBench(iterations = 5): Promise<ClockSweepBenchResult> {
  const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const name = `onestop_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), pgliteDir: '', poolMax: 4 });
  try {
    const { db } = database;
    await migrate(database.pool);
    await seedReference(db);
    await seedCalendar(db);
    await seedDemo(db, new FieldCipher('bench-only-key-bench-only-key-bench-only-key'));
    const zm = await db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', 'zhangmin')
      .executeTakeFirstOrThrow();
    // Due dates spread from 40 days before to 359 days after today: 10 % overdue, ~1 % in the reminder window.
    await sql`
      INSERT INTO clock (subject_type, subject_id, rule_id, trigger_date, due_date, original_due_date,
                         calendar_version, responsible_user_id, basis, explanation, updated_at)
      SELECT 'matter', gen_random_uuid(), 'arbitration.acceptance',
             ${TODAY}::date + ((i % 400) - 47), ${TODAY}::date + ((i % 400) - 40), ${TODAY}::date + ((i % 400) - 40),
             'bench', ${zm.id}::uuid, '《劳动争议调解仲裁法》第二十九条', '基准测试数据', now()
        FROM generate_series(1, ${CLOCKS}) AS i`.execute(db);
    await sql`ANALYZE clock`.execute(db);
    const overdue = (
      await sql<{ n: number }>`SELECT count(*)::int AS n FROM clock WHERE due_date < ${TODAY}`.execute(db)
    ).rows[0]!.n;

    const deps = { db, calendars: new CalendarService(), log: silent };
    const sweep = () => sweepClocks(deps, { today: TODAY, maxBatches: 1_000 });
    const raw = () =>
      sql`SELECT id, due_date, rule_id, responsible_user_id FROM clock
           WHERE status = 'running' AND due_date < ${TODAY}`.execute(db);
    const reset = async () => {
      await sql`UPDATE clock SET status = 'running' WHERE status = 'missed'`.execute(db);
      await sql`DELETE FROM notification`.execute(db);
      await sql`DELETE FROM clock_event`.execute(db);
      await sql`VACUUM ANALYZE clock`.execute(db);
      await sql`VACUUM ANALYZE notification`.execute(db);
    };

    await raw(); // warm-up
    await sweep();
    const rawTimes: number[] = [];
    const cold: number[] = [];
    const steady: number[] = [];
    for (let i = 0; i < iterations; i++) {
      await reset();
      rawTimes.push(await time(raw));
      cold.push(await time(sweep));
      steady.push(await time(sweep));
    }
    const result: ClockSweepBenchResult = {
      clocks: CLOCKS,
      overdue,
      rawMs: median(rawTimes),
      sweepColdMs: median(cold),
      sweepSteadyMs: median(steady),
      ratioCold: median(cold) / median(rawTimes),
      ratioSteady: median(steady) / median(rawTimes),
    };
    const f = (n: number) => n.toFixed(1);
    console.log(`clock sweep over ${CLOCKS} open clocks (${overdue} overdue), ${iterations} runs, medians:`);
    console.log(`  raw SQL pass (SELECT … status='running' AND due_date < today): ${f(result.rawMs)} ms`);
    console.log(
      `  product sweep, cold (marks ${overdue} missed + escalates + reminds): ${f(result.sweepColdMs)} ms  ratio ${result.ratioCold.toFixed(2)}x`,
    );
    console.log(
      `  product sweep, steady state (every 60 s):            ${f(result.sweepSteadyMs)} ms  ratio ${result.ratioSteady.toFixed(2)}x  (goal ≤ 2x)`,
    );
    return result;
  } finally {
    await database.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runClockSweepBench(Number(process.argv[2] ?? 5));
}
