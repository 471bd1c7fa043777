import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  createDatabase,
  interleaved,
  load,
  type LoadResult,
  rssMB,
  signIn,
  spawnCompiledServer,
  spawnTs,
  stop,
} from './util';

/**
 * Authenticated list requests per second: the product (compiled, as `npm start` runs it) on PostgreSQL
 * against a bare Fastify + pg server running the same SELECT on the same database — both up at once and
 * loaded in alternating one-second windows, so the machine's neighbours weigh on both alike — then the
 * product on PGlite. Prints each figure and the ratios (compare within a run only).
 */
export async function runListBench(seconds = Number(process.env.BENCH_SECONDS ?? 8)) {
  const results: Record<string, LoadResult> = {};
  // Resident memory of each product process: idle (after start-up and sign-in) and after the load.
  const rss: Record<string, { idleMB: number; afterLoadMB: number }> = {};
  const db = await createDatabase();
  const common = { LOG_LEVEL: 'silent', DEMO_MODE: 'true', JOBS_ENABLED: 'false', WEB_DIST: '/nonexistent' };
  try {
    const product = await spawnCompiledServer({ ...common, DATABASE_URL: db.url }, 3981);
    const bare = await spawnTs('bench/src/bare-server.ts', { DATABASE_URL: db.url }, '/list', 3982);
    try {
      const cookie = await signIn('http://127.0.0.1:3981', 'admin', 'Onestop@2026');
      const productTarget = {
        url: 'http://127.0.0.1:3981/api/admin/jurisdictions',
        headers: { cookie },
        pid: product.pid,
      };
      const bareTarget = { url: 'http://127.0.0.1:3982/list', pid: bare.pid };
      const idlePg = rssMB(product.pid ?? 0);
      await load(productTarget.url, { cookie }, 2); // warm-up (JIT, pools, caches)
      await load(bareTarget.url, {}, 2);
      [results.productPostgres, results.barePostgres] = await interleaved(productTarget, bareTarget, seconds);
      rss.productPostgres = { idleMB: idlePg, afterLoadMB: rssMB(product.pid ?? 0) };
    } finally {
      await stop(product);
      await stop(bare);
    }
    // Product on embedded PGlite (BENCH_PGLITE=0 skips it, when only the PostgreSQL ratio is wanted).
    if (process.env.BENCH_PGLITE === '0') return finish(results, rss);
    const dir = mkdtempSync(path.join(tmpdir(), 'onestop-bench-'));
    const child = await spawnCompiledServer({ ...common, PGLITE_DIR: path.join(dir, 'pglite') }, 3983);
    try {
      const cookie = await signIn('http://127.0.0.1:3983', 'admin', 'Onestop@2026');
      const idleLite = rssMB(child.pid ?? 0);
      await load('http://127.0.0.1:3983/api/admin/jurisdictions', { cookie }, 2);
      results.productPglite = await load(
        'http://127.0.0.1:3983/api/admin/jurisdictions',
        { cookie },
        seconds,
        child.pid,
      );
      rss.productPglite = { idleMB: idleLite, afterLoadMB: rssMB(child.pid ?? 0) };
    } finally {
      await stop(child);
    }
  } finally {
    await db.drop();
  }
  return finish(results, rss);
}

const SKIPPED = 'skipped (BENCH_PGLITE=0)';

function finish(
  results: Record<string, LoadResult>,
  rss: Record<string, { idleMB: number; afterLoadMB: number }>,
) {
  const ratioPg = results.productPostgres!.requestsPerSec / results.barePostgres!.requestsPerSec;
  const ratioLite = results.productPglite
    ? results.productPglite.requestsPerSec / results.barePostgres!.requestsPerSec
    : Number.NaN;
  // CPU per request of the server process: less sensitive to the neighbours than req/s.
  const cpuRatioPg =
    (results.barePostgres!.cpuMsPerRequest ?? 0) / (results.productPostgres!.cpuMsPerRequest ?? 1);
  console.log(
    '\n[list] authenticated GET /api/admin/jurisdictions, 10 connections, product and bare in alternating 1 s windows',
  );
  console.table(results);
  console.log(`[list] product/bare on PostgreSQL: ${ratioPg.toFixed(2)} (goal ≥ 0.8)`);
  console.log(
    `[list] CPU per request, bare/product on PostgreSQL: ${cpuRatioPg.toFixed(2)} (server process only; PGlite's figure includes the embedded database)`,
  );
  const pgliteSkipped = results.productPglite === undefined;
  console.log(
    `[list] product on PGlite / bare on PostgreSQL: ${pgliteSkipped ? SKIPPED : ratioLite.toFixed(2)}`,
  );
  console.log('[list] resident memory (VmRSS) of the product process, MB');
  console.table(rss);
  console.log(
    pgliteSkipped || !rss.productPglite || !rss.productPostgres
      ? `[list] the embedded database's memory cost: ${SKIPPED}`
      : `[list] the embedded database costs ${rss.productPglite.idleMB - rss.productPostgres.idleMB} MB idle (PGlite minus PostgreSQL)`,
  );
  return { results, ratioPg, cpuRatioPg, ratioLite, rss };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runListBench();
}
