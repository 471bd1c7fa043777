import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { createDatabase, load, signIn, spawnNode, stop } from './util';

/**
 * Profiles the compiled server under the list benchmark's load: `npx tsx bench/src/profile-list.ts [dir]`
 * writes a V8 .cpuprofile (node --cpu-prof) of the product answering authenticated
 * GET /api/admin/jurisdictions on PostgreSQL into `dir` (default /tmp/onestop-prof), and prints the CPU
 * milliseconds per request (PROFILE=0: without the profiler; PROFILE_ENTRY: another build's main.js,
 * e.g. a copy of dist kept from before a change).
 *
 * On a loaded machine CPU ms per request swings several-fold between runs. Instruction counts do not:
 * run main.js under `valgrind --tool=callgrind --instr-atstart=no --smc-check=all-non-file`, warm it
 * up with a few thousand requests, then `callgrind_control -z`, `-i on`, send N requests, `-i off`,
 * `-d`, and compare the totals (minus v8::internal::compiler::* symbols, the JIT still at work). Summarise it with `node bench/src/cpuprofile-summary.mjs <file>`.
 */
const dir = path.resolve(process.argv[2] ?? '/tmp/onestop-prof');
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
// PROFILE=0: the same load without the profiler, for the CPU ms per request alone.
const profile = process.env.PROFILE !== '0';
mkdirSync(dir, { recursive: true });
const db = await createDatabase();
try {
  const spawnedAt = performance.now();
  const product = await spawnNode(
    [
      ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : []),
      process.env.PROFILE_ENTRY ?? 'apps/server/dist/main.js',
    ],
    {
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      DEMO_MODE: 'true',
      JOBS_ENABLED: 'false',
      WEB_DIST: '/nonexistent',
      DATABASE_URL: db.url,
      SHUTDOWN_DRAIN_DELAY_MS: '0',
    },
    '/api/health',
    3984,
  );
  try {
    const cookie = await signIn('http://127.0.0.1:3984', 'admin', 'Onestop@2026');
    const url = 'http://127.0.0.1:3984/api/admin/jurisdictions';
    await load(url, { cookie }, 2);
    const from = Math.round(performance.now() - spawnedAt);
    const r = await load(url, { cookie }, seconds, product.pid);
    const to = Math.round(performance.now() - spawnedAt);
    console.log(
      `[profile] the measured load ran from ${from} to ${to} ms after the spawn (pass them to the summary)`,
    );
    console.log(
      `[profile] ${r.requestsPerSec} req/s, ${r.cpuMsPerRequest} CPU ms/request (profiler ${profile ? 'on' : 'off'})`,
    );
  } finally {
    await stop(product);
  }
} finally {
  await db.drop();
}
const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
console.log(`[profile] profiles in ${dir}: ${files.join(', ')}`);
