/**
 * A local production-shaped cluster: PostgreSQL (a fresh database on the server given by
 * DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test), N server instances (default 2)
 * sharing one file-store folder, and HAProxy in front with health checks (deploy/haproxy.cfg).
 *
 *   npm run cluster                start in the foreground (Ctrl-C or `npm run cluster -- stop` stops it)
 *   npm run cluster -- stop        stops the cluster started from this checkout
 *   npm run cluster -- status      instances, their health and RSS
 *
 * Settings: CLUSTER_INSTANCES (2), CLUSTER_PORT (the proxy; 3170), CLUSTER_DIR (data/cluster),
 * CLUSTER_DEMO (true: demo accounts on a fresh database), CLUSTER_KEEP_DB (false: the fresh
 * database and its files are removed on stop). The instances listen on the ports after CLUSTER_PORT.
 * The load benchmark (bench/src/load.bench.ts) starts the same cluster on free ports.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const HAPROXY_CFG = path.join(ROOT, 'deploy/haproxy.cfg');
/** What the proxy asks an instance (the `http-check send` line of deploy/haproxy.cfg); this script asks the same. */
export const HEALTH_PATH =
  /^\s*http-check send meth GET uri (\S+)/m.exec(readFileSync(HAPROXY_CFG, 'utf8'))?.[1] ?? '/api/health';

export interface ClusterOptions {
  instances?: number;
  /** The proxy's port; 0 picks free ports for the proxy and the instances. */
  port?: number;
  dir?: string;
  /** PostgreSQL server to create the fresh database on. */
  adminUrl?: string;
  demo?: boolean;
  /** Extra environment for every instance. */
  env?: Record<string, string>;
}

export interface Instance {
  name: string;
  port: number;
  child: ChildProcess;
  pid: number;
}

export interface Cluster {
  url: string;
  dir: string;
  storageDir: string;
  databaseUrl: string;
  instances: Instance[];
  proxy: ChildProcess;
  stop(opts?: { keepDatabase?: boolean }): Promise<void>;
}

/** VmRSS of a process in MB (Linux /proc), or null when it has exited. */
export function rssMb(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function waitHealthy(url: string, child: ChildProcess, what: string, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited with code ${child.exitCode}`);
    try {
      const r = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await r.arrayBuffer();
      if (r.status === 200) return;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} did not become healthy at ${url}`);
}

async function createDatabase(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `onestop_cluster_${randomBytes(4).toString('hex')}`;
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const d = new pg.Client({ connectionString: adminUrl });
      await d.connect();
      await d.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await d.end();
    },
  };
}

/** The server's command: the compiled server when built (SERVER_ENTRY), else the TypeScript entry. */
function serverCommand(): string[] {
  const entry = process.env.SERVER_ENTRY;
  if (entry) return [path.resolve(ROOT, entry)];
  return ['--import', 'tsx', path.join(ROOT, 'apps/server/src/main.ts')];
}

function spawnInstance(name: string, port: number, env: Record<string, string>, dir: string): Instance {
  const log = openSync(path.join(dir, `${name}.log`), 'a');
  const child = spawn(process.execPath, serverCommand(), {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  if (child.pid === undefined) throw new Error(`${name} did not start`);
  return { name, port, child, pid: child.pid };
}

/** The repository's proxy configuration, with one `server` line per instance. */
function proxyConfig(instances: number): string {
  const lines = readFileSync(HAPROXY_CFG, 'utf8')
    .split('\n')
    .filter((l) => !/^\s+server app\d+ /.test(l));
  for (let i = 1; i <= instances; i++) lines.push(`    server app${i} "\${ONESTOP_APP${i}}" check`);
  return `${lines.join('\n')}\n`;
}

export async function startCluster(opts: ClusterOptions = {}): Promise<Cluster> {
  const n = opts.instances ?? 2;
  const dir = path.resolve(opts.dir ?? path.join(ROOT, 'data/cluster'));
  const storageDir = path.join(dir, 'files');
  mkdirSync(storageDir, { recursive: true });
  const adminUrl = opts.adminUrl ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const base = opts.port ?? 3170;
  const proxyPort = base === 0 ? await freePort() : base;
  const ports: number[] = [];
  for (let i = 1; i <= n; i++) ports.push(base === 0 ? await freePort() : base + i);
  const url = `http://127.0.0.1:${proxyPort}`;

  const database = await createDatabase(adminUrl);
  const env: Record<string, string> = {
    NODE_ENV: 'production',
    DATABASE_URL: database.url,
    DEMO_MODE: String(opts.demo ?? true),
    STORAGE_DIR: storageDir,
    TRUST_PROXY: '127.0.0.1',
    PUBLIC_BASE_URL: url,
    LOG_LEVEL: 'warn',
    ...opts.env,
  };
  const instances: Instance[] = [];
  let proxy: ChildProcess | undefined;
  const stopAll = async (keepDatabase = false) => {
    const exits = [...instances.map((i) => i.child), ...(proxy ? [proxy] : [])]
      .filter((c) => c.exitCode === null && c.signalCode === null)
      .map((c) => {
        const exited = new Promise((r) => c.once('exit', r));
        c.kill('SIGTERM');
        const hard = setTimeout(() => c.kill('SIGKILL'), 15_000);
        return exited.then(() => clearTimeout(hard));
      });
    await Promise.all(exits);
    // The files belong to the database: both go, unless the database is kept.
    if (!keepDatabase) {
      await database.drop();
      rmSync(storageDir, { recursive: true, force: true });
    }
  };
  try {
    // The first instance migrates and seeds; the others start on the ready database.
    instances.push(spawnInstance('app1', ports[0]!, env, dir));
    await waitHealthy(`http://127.0.0.1:${ports[0]}${HEALTH_PATH}`, instances[0]!.child, 'app1');
    for (let i = 2; i <= n; i++) instances.push(spawnInstance(`app${i}`, ports[i - 1]!, env, dir));
    await Promise.all(
      instances
        .slice(1)
        .map((inst) => waitHealthy(`http://127.0.0.1:${inst.port}${HEALTH_PATH}`, inst.child, inst.name)),
    );

    const cfg = path.join(dir, 'haproxy.cfg');
    writeFileSync(cfg, proxyConfig(n));
    const proxyEnv: Record<string, string> = { ONESTOP_PROXY_BIND: `127.0.0.1:${proxyPort}` };
    ports.forEach((p, i) => {
      proxyEnv[`ONESTOP_APP${i + 1}`] = `127.0.0.1:${p}`;
    });
    const log = openSync(path.join(dir, 'haproxy.log'), 'a');
    proxy = spawn('haproxy', ['-f', cfg, '-db'], {
      env: { ...process.env, ...proxyEnv },
      stdio: ['ignore', log, log],
    });
    closeSync(log);
    await waitHealthy(`${url}${HEALTH_PATH}`, proxy, 'haproxy', 20_000);
  } catch (err) {
    await stopAll();
    throw err;
  }
  return {
    url,
    dir,
    storageDir,
    databaseUrl: database.url,
    instances,
    proxy,
    stop: (o) => stopAll(o?.keepDatabase ?? false),
  };
}

interface StateFile {
  pid: number;
  url: string;
  databaseUrl: string;
  instances: { name: string; port: number; pid: number }[];
  proxyPid: number | undefined;
}

async function cli(command: string) {
  const dir = path.resolve(process.env.CLUSTER_DIR ?? path.join(ROOT, 'data/cluster'));
  const stateFile = path.join(dir, 'cluster.json');
  if (command === 'stop' || command === 'status') {
    if (!existsSync(stateFile)) {
      console.log('集群未运行 (no cluster state in ' + dir + ')');
      return;
    }
    const state = JSON.parse(readFileSync(stateFile, 'utf8')) as StateFile;
    if (command === 'stop') {
      process.kill(state.pid, 'SIGTERM');
      console.log(`已通知集群停止 (sent SIGTERM to ${state.pid})`);
      return;
    }
    console.log(`proxy ${state.url}  database ${state.databaseUrl.replace(/\/\/[^@]*@/, '//')}`);
    for (const i of state.instances) {
      const h = await fetch(`http://127.0.0.1:${i.port}${HEALTH_PATH}`).then(
        (r) => r.status,
        () => 'down',
      );
      console.log(`${i.name} :${i.port} pid ${i.pid} health ${h} RSS ${rssMb(i.pid) ?? '-'} MB`);
    }
    return;
  }
  if (command !== 'start') throw new Error(`unknown command ${command} (start | stop | status)`);
  const cluster = await startCluster({
    instances: Number(process.env.CLUSTER_INSTANCES ?? 2),
    port: Number(process.env.CLUSTER_PORT ?? 3170),
    dir,
    demo: (process.env.CLUSTER_DEMO ?? 'true') === 'true',
  });
  const state: StateFile = {
    pid: process.pid,
    url: cluster.url,
    databaseUrl: cluster.databaseUrl,
    instances: cluster.instances.map(({ name, port, pid }) => ({ name, port, pid })),
    proxyPid: cluster.proxy.pid,
  };
  writeFileSync(stateFile, JSON.stringify(state, null, 2));
  console.log(
    [
      `集群已启动 (cluster up): ${cluster.url}`,
      ...cluster.instances.map((i) => `  ${i.name}: http://127.0.0.1:${i.port} (pid ${i.pid})`),
      `  共享文件目录 (shared files): ${cluster.storageDir}`,
      `  日志 (logs): ${dir}/*.log`,
    ].join('\n'),
  );
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await cluster.stop({ keepDatabase: process.env.CLUSTER_KEEP_DB === 'true' });
    rmSync(stateFile, { force: true });
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  for (const inst of cluster.instances)
    inst.child.once('exit', (code, signal) => console.log(`${inst.name} exited (${code ?? signal})`));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  cli(process.argv[2] ?? 'start').catch((err) => {
    console.error('集群启动失败 (cluster failed):', err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
