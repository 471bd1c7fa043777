import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDatabase, ROOT, rssMB, signIn } from './util';

/**
 * Resident memory (RSS) of one server process: the compiled production build (`npm run
 * build:server`, node apps/server/dist/main.js) on PostgreSQL and on the embedded database, and the
 * development way (tsx loader) on PostgreSQL for comparison. Each is measured idle after start-up
 * and again after a little use (sign-in, 20 lists and 20 searches of matters), since first use loads lazy parts.
 * The difference between the embedded and the PostgreSQL figure is what the embedded database costs.
 * `npm run bench -- rss`.
 */
interface Sample {
  runtime: string;
  database: string;
  idleMB: number;
  afterUseMB: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function measure(
  runtime: 'compiled' | 'tsx',
  database: string,
  env: Record<string, string>,
): Promise<Sample> {
  const args =
    runtime === 'compiled' ? ['apps/server/dist/main.js'] : ['--import', 'tsx', 'apps/server/src/main.ts'];
  const base: NodeJS.ProcessEnv = { ...process.env };
  delete base.DATABASE_URL;
  delete base.PGLITE_DIR;
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      ...base,
      NODE_ENV: 'production',
      DEMO_MODE: 'true',
      LOG_LEVEL: 'warn',
      WEB_DIST: '/nonexistent',
      PORT: '0',
      HOST: '127.0.0.1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    let out = '';
    child.stdout?.on('data', (d) => {
      out += d;
    });
    const deadline = Date.now() + 180_000;
    let port: string | undefined;
    while (!port) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`server did not start: ${out}`);
      port = /访问地址: http:\/\/localhost:(\d+)/.exec(out)?.[1];
      if (!port) await sleep(200);
    }
    const url = `http://127.0.0.1:${port}`;
    await sleep(5000); // settle: start-up garbage collected, timers idle
    const idleMB = rssMB(child.pid ?? 0);
    const cookie = await signIn(url, 'clerk', 'Onestop@2026');
    for (let i = 0; i < 20; i++) {
      for (const path of ['/api/matters', `/api/matters?q=${encodeURIComponent('王')}`]) {
        const r = await fetch(`${url}${path}`, { headers: { cookie } });
        if (r.status !== 200) throw new Error(`${path}: ${r.status} ${await r.text()}`);
        await r.arrayBuffer();
      }
    }
    await sleep(3000);
    return { runtime, database, idleMB, afterUseMB: rssMB(child.pid ?? 0) };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

export async function runRssBench() {
  execFileSync(process.execPath, ['apps/server/scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  const samples: Sample[] = [];
  const db = await createDatabase('onestop_rss');
  try {
    samples.push(await measure('compiled', 'PostgreSQL', { DATABASE_URL: db.url }));
    samples.push(await measure('tsx', 'PostgreSQL', { DATABASE_URL: db.url }));
  } finally {
    await db.drop();
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'onestop-rss-'));
  samples.push(await measure('compiled', 'embedded PGlite', { PGLITE_DIR: path.join(dir, 'pglite') }));
  console.log('\n[rss] resident memory of one server process (MB)');
  console.table(samples);
  const pg = samples[0];
  const lite = samples[2];
  if (pg && lite) {
    console.log(
      `[rss] compiled on PostgreSQL: ${pg.idleMB} MB idle, ${pg.afterUseMB} MB after use (goal ≤ 300 MB)`,
    );
    console.log(
      `[rss] the embedded database costs ${lite.idleMB - pg.idleMB} MB idle, ${lite.afterUseMB - pg.afterUseMB} MB after use`,
    );
  }
  return samples;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runRssBench();
}
