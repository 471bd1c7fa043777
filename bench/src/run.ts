/**
 * `npm run bench`: every benchmark in one run, each printing its figures and its ratio against a
 * baseline measured in the same run (the machines are shared and noisy). Select some with
 * `npm run bench -- list documents`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './util';

const BENCHES: { name: string; file: string; fn: string }[] = [
  { name: 'list', file: 'list.bench.ts', fn: 'runListBench' },
  { name: 'documents', file: 'documents.bench.ts', fn: 'runDocumentsBench' },
  { name: 'clock-sweep', file: 'clock-sweep.bench.ts', fn: 'runClockSweepBench' },
  { name: 'search', file: 'search.bench.ts', fn: 'runSearchBench' },
  { name: 'load', file: 'load.bench.ts', fn: 'runLoadBench' },
  { name: 'rss', file: 'rss.bench.ts', fn: 'runRssBench' },
  { name: 'stats', file: 'stats.bench.ts', fn: 'runStatsBench' },
];

const wanted = process.argv.slice(2);
for (const b of BENCHES) {
  if (wanted.length && !wanted.includes(b.name)) continue;
  const file = path.join(ROOT, 'bench/src', b.file);
  if (!existsSync(file)) continue;
  console.log(`\n######## ${b.name} ########`);
  const mod = await import(file);
  if (typeof mod[b.fn] !== 'function') {
    console.log(`(${b.file} has no ${b.fn})`);
    continue;
  }
  await mod[b.fn]();
}
