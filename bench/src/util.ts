import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export async function createDatabase(
  prefix = 'onestop_bench',
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  const u = new URL(ADMIN_URL);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const d = new pg.Client({ connectionString: ADMIN_URL });
      await d.connect();
      await d.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await d.end();
    },
  };
}

/** Runs a TypeScript entry point as its own process (node with the tsx loader). */
export async function spawnTs(
  entry: string,
  env: Record<string, string>,
  healthPath: string,
  port: number,
): Promise<ChildProcess> {
  return spawnNode(['--import', 'tsx', entry], env, healthPath, port);
}

/**
 * Runs the compiled server (`apps/server/dist/main.js`, what `npm start` runs in production), building it
 * first when it is missing.
 */
export async function spawnCompiledServer(env: Record<string, string>, port: number): Promise<ChildProcess> {
  if (!existsSync(path.join(ROOT, 'apps/server/dist/main.js')))
    execFileSync(process.execPath, ['apps/server/scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  return spawnNode(['apps/server/dist/main.js'], { NODE_ENV: 'production', ...env }, '/api/health', port);
}

export async function spawnNode(
  args: string[],
  env: Record<string, string>,
  healthPath: string,
  port: number,
  /** Another program to run `args` with (e.g. valgrind, whose arguments then name node). */
  command = process.execPath,
): Promise<ChildProcess> {
  const entry = args[args.length - 1]!;
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + (command === process.execPath ? 90_000 : 900_000); // valgrind starts slowly
  while (Date.now() < deadline) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}${healthPath}`);
      if (r.status < 500) return child;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  child.kill('SIGKILL');
  throw new Error(`${entry} did not start`);
}

export async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
}

export interface LoadResult {
  requestsPerSec: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
  /** CPU time (user + system) the server process spent per request, when its pid was given. */
  cpuMsPerRequest?: number;
}

/** CPU time (user + system, ms) a process has used so far, from /proc (Linux). */
export function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14, 15 of stat)
  return (ticks * 1000) / CLOCK_TICKS_PER_SEC;
}
const CLOCK_TICKS_PER_SEC = 100;

/** Resident memory (VmRSS) of a process in MB, from /proc (Linux). */
export function rssMB(pid: number): number {
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? Number.NaN);
  return Math.round(kb / 1024);
}

/** autocannon from this process against a server in another; bounded in time, loopback only. */
export async function load(
  url: string,
  headers: Record<string, string> = {},
  seconds = 8,
  serverPid?: number,
): Promise<LoadResult> {
  const cpuBefore = serverPid ? cpuMs(serverPid) : 0;
  const r = await autocannon({ url, connections: 10, duration: seconds, headers });
  const result: LoadResult = {
    requestsPerSec: Math.round(r.requests.average),
    p99Ms: r.latency.p99,
    errors: r.errors,
    non2xx: r.non2xx,
  };
  if (serverPid && r.requests.total > 0)
    result.cpuMsPerRequest = Number(((cpuMs(serverPid) - cpuBefore) / r.requests.total).toFixed(3));
  return result;
}

export async function signIn(base: string, username: string, password: string): Promise<string> {
  const r = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (r.status !== 200) throw new Error(`login failed ${r.status}`);
  const cookie = /onestop_sid=[^;]+/.exec(r.headers.get('set-cookie') ?? '')?.[0];
  if (!cookie) throw new Error('no session cookie');
  return cookie;
}

export interface Target {
  url: string;
  headers?: Record<string, string>;
  pid?: number;
}

/**
 * Loads two servers in alternating short windows (A B B A A B …) so that both see the same neighbours on
 * a shared, noisy machine: a burst of load elsewhere falls on both sides instead of on one whole run.
 * Returns each side's totals over all its windows (requests per second, the median of the windows' p99,
 * CPU per request of the server process).
 */
export async function interleaved(
  a: Target,
  b: Target,
  rounds = Number(process.env.BENCH_ROUNDS ?? 8),
  windowSeconds = Number(process.env.BENCH_WINDOW_SECONDS ?? 1),
): Promise<[LoadResult, LoadResult]> {
  const acc = [a, b].map(() => ({
    requests: 0,
    seconds: 0,
    cpu: 0,
    p99: [] as number[],
    errors: 0,
    non2xx: 0,
  }));
  for (let i = 0; i < rounds; i++) {
    const order = i % 2 === 0 ? [0, 1] : [1, 0];
    for (const k of order) {
      const t = k === 0 ? a : b;
      const cpuBefore = t.pid ? cpuMs(t.pid) : 0;
      const started = performance.now();
      const r = await autocannon({
        url: t.url,
        connections: 10,
        duration: windowSeconds,
        headers: t.headers ?? {},
      });
      const s = acc[k]!;
      s.seconds += (performance.now() - started) / 1000;
      s.requests += r.requests.total;
      s.cpu += t.pid ? cpuMs(t.pid) - cpuBefore : 0;
      s.p99.push(r.latency.p99);
      s.errors += r.errors;
      s.non2xx += r.non2xx;
    }
  }
  return acc.map((s, k) => {
    const sorted = [...s.p99].sort((x, y) => x - y);
    const result: LoadResult = {
      requestsPerSec: Math.round(s.requests / s.seconds),
      p99Ms: sorted[Math.floor(sorted.length / 2)] ?? 0,
      errors: s.errors,
      non2xx: s.non2xx,
    };
    if ((k === 0 ? a : b).pid && s.requests > 0)
      result.cpuMsPerRequest = Number((s.cpu / s.requests).toFixed(3));
    return result;
  }) as [LoadResult, LoadResult];
}
