import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { createDatabase, signIn, spawnNode, stop } from './util';

/**
 * Per-request costs of the list request that do not depend on how loaded the machine is: the
 * product (compiled, on PostgreSQL) and the bare Fastify + pg server (bench/src/bare-server.ts),
 * each warmed up, then sent exactly N requests (10 connections) while counted.
 *
 *   npx tsx bench/src/count-list.ts strace     # system calls per request (strace -f -c, attached after warm-up)
 *   npx tsx bench/src/count-list.ts callgrind  # instructions per request (valgrind --tool=callgrind)
 *
 * COUNT_PORT (default 3975; callgrind: 3985; the bare server takes the next port), COUNT_REQUESTS
 * (default 2000; callgrind: 1000), COUNT_WARMUP (default 3000; callgrind: 1500),
 * COUNT_ENTRY: another build's main.js (e.g. a copy of dist kept from before a change). Needs
 * `npm run build:server` first. Instructions are also given without those of V8's optimising compiler
 * (still compiling after the warm-up, by different amounts in different runs) and for the GC alone.
 * One full (mark-compact) collection of the ~50 MB heap costs some 10^8 instructions: whether one falls
 * inside a short window decides the GC figure, so compare GC over many requests (`node --trace-gc-nvp`:
 * bytes promoted per request) rather than one window's instructions.
 */
const mode = process.argv[2] === 'callgrind' ? 'callgrind' : 'strace';
const n = Number(process.env.COUNT_REQUESTS ?? (mode === 'callgrind' ? 1000 : 2000));
const warmup = Number(process.env.COUNT_WARMUP ?? (mode === 'callgrind' ? 1500 : 3000));
const out = `/tmp/onestop-count-${process.pid}`;
// The product's port and the bare server's (the next one); COUNT_PORT to run two counts at once.
const port = Number(process.env.COUNT_PORT ?? (mode === 'callgrind' ? 3985 : 3975));

async function send(url: string, headers: Record<string, string>, amount: number) {
  const r = await autocannon({ url, connections: 10, amount, headers, timeout: 120 });
  if (r.non2xx || r.errors) throw new Error(`${url}: ${r.non2xx} non-2xx, ${r.errors} errors`);
}

const run = (cmd: string, args: string[]) =>
  new Promise<void>((resolve, reject) => {
    const c = spawn(cmd, args, { stdio: 'inherit' });
    c.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} exited ${code}`))));
  });

/** Starts strace on a running process (all its threads), returns a function that stops it and reads the table. */
function attachStrace(pid: number, file: string) {
  const s: ChildProcess = spawn('strace', ['-f', '-c', '-o', file, '-p', String(pid)], { stdio: 'ignore' });
  return async () => {
    s.kill('SIGINT');
    await new Promise((r) => s.once('exit', r));
    const calls = new Map<string, number>();
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const m = /^\s*[\d.]+\s+[\d.]+\s+\d+\s+(\d+)\s+(?:\d+\s+)?(\w+)$/.exec(line);
      if (m && m[2] !== 'total') calls.set(m[2]!, Number(m[1]));
    }
    return calls;
  };
}

/**
 * Instructions counted by callgrind between `-i on` and `-i off`, from its dump: all of them, those
 * of V8's optimising compiler (the JIT still at work after the warm-up; it varies from run to run)
 * and those of the garbage collector.
 */
async function callgrindWindow(
  pid: number,
  fire: () => Promise<void>,
): Promise<{ total: number; compiler: number; gc: number }> {
  await run('callgrind_control', ['-z', String(pid)]);
  await run('callgrind_control', ['-i', 'on', String(pid)]);
  await fire();
  await run('callgrind_control', ['-i', 'off', String(pid)]);
  await run('callgrind_control', ['-d', String(pid)]);
  const dumps = readdirSync(out)
    .filter((f) => f.startsWith(`callgrind.out.${pid}.`))
    .sort((a, b) => Number(a.split('.').pop()) - Number(b.split('.').pop()));
  return selfCosts(readFileSync(`${out}/${dumps[dumps.length - 1]}`, 'utf8'));
}

const COMPILER = /v8::internal::(compiler|maglev|turboshaft)::/;
const GC =
  /v8::internal::(Scavenger|Sweeper|MarkCompact|ConcurrentMarking|MarkingVisitor|Heap::|IncrementalMarking|MemoryAllocator|RememberedSet|Evacuat|MinorMarkCompact)|heap::base::|Scavenge|MarkingVisitorBase|ConcurrentMarkingVisitor|BodyDescriptorBase::IteratePointers/;

/** Self cost of each function in a callgrind dump (call lines carry inclusive costs: skipped), by kind. */
function selfCosts(text: string) {
  const names = new Map<string, string>();
  let fn = '';
  let afterCall = false;
  let total = 0;
  let compiler = 0;
  let gc = 0;
  for (const line of text.split('\n')) {
    if (line.startsWith('fn=')) {
      const m = /^fn=\((\d+)\)(?: (.*))?$/.exec(line);
      if (m) {
        if (m[2] !== undefined) names.set(m[1]!, m[2]);
        fn = names.get(m[1]!) ?? '';
      }
      continue;
    }
    if (line.startsWith('cfn=')) {
      const m = /^cfn=\((\d+)\) (.*)$/.exec(line);
      if (m) names.set(m[1]!, m[2]!);
      continue;
    }
    if (line.startsWith('calls=')) {
      afterCall = true;
      continue;
    }
    if (!/^[+\-*\d]/.test(line)) continue;
    if (afterCall) {
      afterCall = false;
      continue;
    }
    const cost = Number(line.split(' ')[1] ?? 0);
    total += cost;
    if (COMPILER.test(fn)) compiler += cost;
    else if (GC.test(fn)) gc += cost;
  }
  return { total, compiler, gc };
}

const db = await createDatabase();
mkdirSync(out, { recursive: true });
const wrap = (args: string[]) =>
  mode === 'callgrind'
    ? [
        '--tool=callgrind',
        '--instr-atstart=no',
        '--smc-check=all-non-file',
        `--callgrind-out-file=${out}/callgrind.out.%p`,
        process.execPath,
        ...args,
      ]
    : args;
try {
  const product = await spawnNode(
    wrap([process.env.COUNT_ENTRY ?? 'apps/server/dist/main.js']),
    {
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      DEMO_MODE: 'true',
      JOBS_ENABLED: 'false',
      WEB_DIST: '/nonexistent',
      DATABASE_URL: db.url,
    },
    '/api/health',
    port,
    mode === 'callgrind' ? 'valgrind' : undefined,
  );
  const bare = await spawnNode(
    wrap(['--import', 'tsx', 'bench/src/bare-server.ts']),
    { DATABASE_URL: db.url },
    '/list',
    port + 1,
    mode === 'callgrind' ? 'valgrind' : undefined,
  );
  try {
    const cookie = await signIn(`http://127.0.0.1:${port}`, 'admin', 'Onestop@2026');
    const sides: { name: string; url: string; headers: Record<string, string>; child: ChildProcess }[] = [
      {
        name: 'product',
        url: `http://127.0.0.1:${port}/api/admin/jurisdictions`,
        headers: { cookie },
        child: product,
      },
      { name: 'bare', url: `http://127.0.0.1:${port + 1}/list`, headers: {}, child: bare },
    ];
    const perRequest: Record<string, Record<string, number | string>> = {};
    for (const s of sides) {
      await send(s.url, s.headers, warmup);
      const pid = s.child.pid ?? 0;
      if (mode === 'callgrind') {
        const c = await callgrindWindow(pid, () => send(s.url, s.headers, n));
        perRequest[s.name] = {
          instructions: Math.round(c.total / n),
          withoutJitCompiler: Math.round((c.total - c.compiler) / n),
          gc: Math.round(c.gc / n),
        };
      } else {
        const detach = attachStrace(pid, `${out}/strace.${s.name}`);
        await new Promise((r) => setTimeout(r, 1000)); // strace attaches to every thread
        await send(s.url, s.headers, n);
        const calls = await detach();
        const row: Record<string, number | string> = {};
        let total = 0;
        for (const [name, count] of [...calls].sort((a, b) => b[1] - a[1])) {
          total += count;
          if (count / n >= 0.05) row[name] = Number((count / n).toFixed(2));
        }
        perRequest[s.name] = { total: Number((total / n).toFixed(2)), ...row };
      }
    }
    console.log(`[count-list] ${mode}, ${n} requests after ${warmup} warm-up requests, per request:`);
    console.table(perRequest);
  } finally {
    await stop(product);
    await stop(bare);
  }
} finally {
  await db.drop();
}
