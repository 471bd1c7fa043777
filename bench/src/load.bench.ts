// Over 400 lines: the two-instance load test (proxy, clients, SIGKILL, lost-write audit) as one script.
/**
 * `npm run bench -- load`: the product as production runs it — two instances on one PostgreSQL
 * behind HAProxy (deploy/cluster.ts, deploy/haproxy.cfg), a shared file store — under concurrent
 * staff clients, with one instance killed (SIGKILL) half-way through. Prints throughput,
 * p50/p95/p99 per kind of request, errors by class, acknowledged writes lost (must be 0), whether
 * every job finished exactly once, and the RSS of each instance. A benchmark that prints, not a test.
 *
 *   npm run bench -- load                                 200 clients, 20 s (quick run)
 *   LOAD_SECONDS=60 npm run bench -- load                 the issue's 60 s run
 *   LOAD_CLIENTS=50 LOAD_KILL=false npm run bench -- load fewer clients, nobody killed
 *
 * Workload per client, on demo staff sessions (DEMO_MODE, fresh database): intake (POST /api/intake
 * with an Idempotency-Key), list and search (GET /api/matters), transitions (the triage decision,
 * version-guarded) and document issue (draft a 收件回执, then issue it: 文号, seal and PDF by the
 * render job). A request that fails at the proxy (502/503/504 or a dropped connection) is retried:
 * reads freely, the intake with the same Idempotency-Key, the triage and the issue with the same
 * version (a retry after a success gets 409, never a second change). A draft is not retried (it has
 * no key): its failure is counted, and whether it committed is looked up afterwards.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { mod11_2CheckChar, usccCheckChar } from '@onestop/domain';
import pg from 'pg';
import { SAMPLE_FIELDS } from '../../apps/server/src/modules/documents/render/samples.js';
import { type Cluster, rssMb, startCluster } from '../../deploy/cluster.js';
import { ADMIN_URL } from './util';

type Kind = 'intake' | 'list' | 'search' | 'transition' | 'draft' | 'issue';
const KINDS: Kind[] = ['intake', 'list', 'search', 'transition', 'draft', 'issue'];

interface Attempt {
  kind: Kind;
  start: number;
  end: number;
  /** HTTP status; 0 when the connection failed without a response, -1 when the client gave up waiting. */
  status: number;
  code?: string | undefined;
  /** The instance that answered (HAProxy's X-Onestop-Instance); '' when the proxy answered itself. */
  instance?: string | undefined;
}

interface Session {
  cookie: string;
  csrf: string;
}

interface Acked {
  intakes: { id: string; key: string }[];
  transitions: { id: string; version: number }[];
  drafts: string[];
  issued: { id: string; rowVersion: number }[];
}

const RETRYABLE = new Set([-1, 0, 502, 503, 504]);
/** Longer than the proxy's queue (30 s) plus a request: overload shows as latency or the proxy's 503. */
const CLIENT_TIMEOUT_MS = 65_000;
const CYCLE = ['list', 'search', 'intake', 'list', 'transition', 'search', 'list', 'document'] as const;

function residentId(n: number): string {
  const birth = new Date(Date.UTC(1960, 0, 1) + (n % 16000) * 86400000)
    .toISOString()
    .slice(0, 10)
    .replace(/-/g, '');
  const body = `421303${birth}${String(Math.floor(n / 16000) % 1000).padStart(3, '0')}`;
  return body + mod11_2CheckChar(body);
}

function creditCode(n: number): string {
  const body = `91421300MA4${String(n % 1_000_000).padStart(6, '0')}`;
  return body + usccCheckChar(body);
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '伟芳娜敏静强磊军洋勇艳杰娟涛明超霞平刚华';

function intakeBody(jurisdictionId: string, n: number) {
  return {
    channel: 'window',
    requestKind: 'application',
    jurisdictionId,
    workers: [
      {
        name: `${SURNAMES[n % 20]}${GIVEN[Math.floor(n / 20) % 20]}${GIVEN[Math.floor(n / 400) % 20]}`,
        idType: 'resident_id',
        idNumber: residentId(n),
        phone: `138${String(10_000_000 + n).slice(-8)}`,
        address: '湖北省随州市曾都区交通大道100号',
        migrantWorker: true,
      },
    ],
    employers: [
      {
        name: `随州市压测${n % 50}号建筑劳务有限公司`,
        creditCode: creditCode(n % 50),
        legalRepresentative: '李大海',
        address: '随州市曾都区擂鼓墩大道8号',
        industry: '建筑业',
        size: 'small',
      },
    ],
    claims: [
      {
        type: 'unpaid_wages',
        amountFen: 1_000_000 + n,
        periodFrom: '2025-09-01',
        periodTo: '2025-12-31',
        facts: '2025年9月至12月工资未发放',
      },
    ],
    narrative: '压测登记：拖欠工资。',
  };
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function signIn(base: string, username: string): Promise<Session> {
  const r = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'Onestop@2026' }),
  });
  const body = (await r.json()) as { csrfToken?: string };
  const cookie = /onestop_sid=[^;]+/.exec(r.headers.get('set-cookie') ?? '')?.[0];
  if (r.status !== 200 || !cookie || !body.csrfToken) throw new Error(`login ${username}: ${r.status}`);
  return { cookie, csrf: body.csrfToken };
}

export async function runLoadBench() {
  const clients = Number(process.env.LOAD_CLIENTS ?? 200);
  const seconds = Number(process.env.LOAD_SECONDS ?? 20);
  const kill = process.env.LOAD_KILL !== 'false';
  const killAtMs = Number(process.env.LOAD_KILL_AT ?? seconds / 2) * 1000;
  const dir = mkdtempSync(path.join(tmpdir(), 'onestop-load-'));
  console.log(`[load] starting PostgreSQL database, 2 instances and HAProxy in ${dir} …`);
  const cluster = await startCluster({
    port: 0,
    dir,
    adminUrl: ADMIN_URL,
    env: { WEB_DIST: '/nonexistent', LOG_LEVEL: 'warn' },
  });
  try {
    await drive(cluster, { clients, seconds, kill, killAtMs });
    const proxyLog = readFileSync(path.join(dir, 'haproxy.log'), 'utf8')
      .split('\n')
      .filter((l) => /is (DOWN|UP)|no server available/.test(l));
    console.log(`[load] proxy: instance state changes\n${proxyLog.join('\n') || '(none)'}`);
  } finally {
    await cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function drive(
  cluster: Cluster,
  o: { clients: number; seconds: number; kill: boolean; killAtMs: number },
) {
  const base = cluster.url;
  const rss = new Map(cluster.instances.map((i) => [i.name, { idle: rssMb(i.pid), peak: 0, end: 0 }]));
  const sessions: Session[] = [];
  for (let i = 0; i < 10; i++) sessions.push(await signIn(base, 'clerk'));
  const jurisdictionId = await fetch(`${base}/api/admin/jurisdictions`, {
    headers: { cookie: sessions[0]!.cookie },
  })
    .then((r) => r.json() as Promise<{ items: { id: string; code: string }[] }>)
    .then((b) => (b.items.find((j) => j.code === '421303') ?? b.items[0])!.id);

  const attempts: Attempt[] = [];
  const acked: Acked = { intakes: [], transitions: [], drafts: [], issued: [] };
  const inDoubt = { intakes: [] as string[], drafts: 0, transitions: 0, issues: 0 };
  const numbers: string[] = [];
  let seq = 0;
  const toRoute: { id: string; version: number }[] = [];
  const routed: string[] = [];
  let killTime = Number.POSITIVE_INFINITY;
  const t0 = Date.now();
  const deadline = t0 + o.seconds * 1000;

  async function call(
    kind: Kind,
    s: Session,
    method: string,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    const start = Date.now();
    try {
      const r = await fetch(base + url, {
        method,
        headers: {
          cookie: s.cookie,
          ...(method === 'GET' ? {} : { 'x-csrf-token': s.csrf, 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS),
      });
      const text = await r.text();
      let parsed: Record<string, unknown> = {};
      try {
        parsed = text ? JSON.parse(text) : {};
      } catch {
        /* an HTML error page from the proxy */
      }
      const code = typeof parsed.code === 'string' ? parsed.code : undefined;
      const instance = r.headers.get('x-onestop-instance') ?? undefined;
      attempts.push({ kind, start, end: Date.now(), status: r.status, code, instance });
      return { status: r.status, body: parsed };
    } catch (err) {
      const timedOut = err instanceof Error && err.name === 'TimeoutError';
      attempts.push({ kind, start, end: Date.now(), status: timedOut ? -1 : 0 });
      return { status: 0, body: {} };
    }
  }

  /** Retries what failed at the proxy (and an in-progress idempotent twin), with a short back-off. */
  async function retrying(
    fn: () => Promise<{ status: number; body: Record<string, unknown> }>,
    alsoRetry: (r: { status: number; body: Record<string, unknown> }) => boolean = () => false,
  ) {
    let r = await fn();
    for (let i = 1; i < 8 && (RETRYABLE.has(r.status) || alsoRetry(r)); i++) {
      await new Promise((res) => setTimeout(res, 100 * i));
      r = await fn();
    }
    return r;
  }

  async function client(w: number) {
    const s = sessions[w % sessions.length]!;
    // Each client walks the same cycle from its own starting point: 3 lists, 2 searches, 1 intake,
    // 1 transition and 1 document (draft + issue) in 8 steps. Transitions take the matters awaiting
    // triage and documents the routed ones, from all clients; without one, the step is an intake.
    for (let step = w; Date.now() < deadline; step++) {
      const op = CYCLE[step % CYCLE.length]!;
      if (op === 'list') {
        await retrying(() => call('list', s, 'GET', `/api/matters?pageSize=20&page=${1 + (step % 3)}`));
      } else if (op === 'search') {
        const q = numbers.length && step % 2 ? numbers[Math.floor(Math.random() * numbers.length)]! : '王';
        await retrying(() => call('search', s, 'GET', `/api/matters?q=${encodeURIComponent(q)}`));
      } else if (
        op === 'intake' ||
        (op === 'transition' && !toRoute.length) ||
        (op === 'document' && !routed.length)
      ) {
        const n = seq++;
        const key = `load-${w}-${n}-${randomUUID().slice(0, 8)}`;
        const body = intakeBody(jurisdictionId, n);
        const r = await retrying(
          () => call('intake', s, 'POST', '/api/intake', body, { 'idempotency-key': key }),
          (x) => x.status === 409 && x.body.code === 'IDEMPOTENCY_IN_PROGRESS',
        );
        if (r.status === 201) {
          const id = String(r.body.id);
          acked.intakes.push({ id, key });
          numbers.push(String(r.body.number));
          toRoute.push({ id, version: Number(r.body.version) });
        } else inDoubt.intakes.push(key);
      } else if (op === 'transition') {
        const m = toRoute.shift()!;
        const r = await retrying(() =>
          call('transition', s, 'POST', `/api/matters/${m.id}/triage`, {
            version: m.version,
            triage: { mode: 'accept' },
          }),
        );
        if (r.status === 200) {
          acked.transitions.push({ id: m.id, version: Number(r.body.version) });
          routed.push(m.id);
        } else if (r.status === 409) {
          routed.push(m.id); // a retry after a success the proxy did not deliver: checked below
          inDoubt.transitions++;
        }
      } else {
        const matterId = routed[Math.floor(Math.random() * routed.length)]!;
        const d = await call('draft', s, 'POST', '/api/documents', {
          subjectType: 'matter',
          subjectId: matterId,
          type: 'receipt',
          fields: SAMPLE_FIELDS.receipt,
        });
        if (d.status !== 201) {
          if (RETRYABLE.has(d.status)) inDoubt.drafts++;
          continue;
        }
        const id = String(d.body.id);
        acked.drafts.push(id);
        const r = await retrying(() =>
          call('issue', s, 'POST', `/api/documents/${id}/issue`, { rowVersion: Number(d.body.rowVersion) }),
        );
        if (r.status === 200) acked.issued.push({ id, rowVersion: Number(r.body.rowVersion) });
        else if (r.status === 409) inDoubt.issues++;
      }
    }
  }

  const sampler = setInterval(() => {
    for (const i of cluster.instances) {
      const v = rssMb(i.pid);
      const e = rss.get(i.name)!;
      if (v !== null) e.peak = Math.max(e.peak, v);
    }
  }, 1000);
  const victim = cluster.instances[1]!;
  const killer = o.kill
    ? setTimeout(() => {
        killTime = Date.now();
        victim.child.kill('SIGKILL');
        console.log(`[load] SIGKILL ${victim.name} (pid ${victim.pid}) at ${(killTime - t0) / 1000} s`);
      }, o.killAtMs)
    : undefined;
  console.log(
    `[load] ${o.clients} clients for ${o.seconds} s through ${base}` +
      (o.kill ? `, ${victim.name} killed at ${o.killAtMs / 1000} s` : ''),
  );
  await Promise.all(Array.from({ length: o.clients }, (_, w) => client(w)));
  const elapsed = (Date.now() - t0) / 1000;
  clearInterval(sampler);
  if (killer) clearTimeout(killer);
  for (const i of cluster.instances) rss.get(i.name)!.end = rssMb(i.pid) ?? 0;

  // ---- figures ----
  const rows: Record<string, Record<string, number | string>> = {};
  for (const kind of [...KINDS, 'all' as const]) {
    const mine = attempts.filter((a) => kind === 'all' || a.kind === kind);
    const ok = mine.filter((a) => a.status >= 200 && a.status < 300);
    const lat = mine
      .filter((a) => a.status !== 0)
      .map((a) => a.end - a.start)
      .sort((x, y) => x - y);
    rows[kind] = {
      requests: mine.length,
      '2xx': ok.length,
      'req/s': Math.round(mine.length / elapsed),
      'p50 ms': percentile(lat, 50),
      'p95 ms': percentile(lat, 95),
      'p99 ms': percentile(lat, 99),
    };
  }
  // A failure is the killed instance's when HAProxy names it as the instance that answered (its
  // connection died under a request it had sent there); a client connection that dropped while
  // the kill happened is counted with them. Anything else (a 5xx of the surviving instance, the
  // proxy's own 503) is counted apart: the goal is 0.
  const failed = attempts.filter((a) => a.status === 0 || a.status >= 500);
  const timeouts = attempts.filter((a) => a.status === -1).length;
  const fromVictim = (a: Attempt) =>
    a.instance === victim.name || (a.status === 0 && a.start <= killTime && a.end >= killTime);
  const inFlight = failed.filter(fromVictim);
  const other5xx = failed.filter((a) => !fromVictim(a));
  const byClass = new Map<string, number>();
  for (const a of attempts) {
    if (a.status >= 200 && a.status < 300) continue;
    const label =
      a.status === 0
        ? 'connection failed'
        : a.status === -1
          ? `no answer within ${CLIENT_TIMEOUT_MS / 1000} s`
          : `${a.status}${a.code ? ` ${a.code}` : ''}`;
    byClass.set(`${a.kind}: ${label}`, (byClass.get(`${a.kind}: ${label}`) ?? 0) + 1);
  }

  console.log(`\n[load] ${attempts.length} requests in ${elapsed.toFixed(1)} s`);
  console.table(rows);
  console.log('[load] non-2xx responses by class (retried requests count each attempt):');
  console.table(Object.fromEntries([...byClass].sort().map(([k, v]) => [k, { count: v }])));
  console.log(
    `[load] 5xx / dropped connections: ${inFlight.length} from requests in flight on the killed instance, ` +
      `${other5xx.length} other (goal 0); client gave up waiting: ${timeouts}`,
  );
  if (other5xx.length)
    console.table(
      other5xx.slice(0, 10).map((a) => ({ ...a, startS: (a.start - t0) / 1000, endS: (a.end - t0) / 1000 })),
    );

  await verify(cluster, acked, inDoubt, rss);
}

/** After the run: every acknowledged write is there, and every job ran to completion exactly once. */
async function verify(
  cluster: Cluster,
  acked: Acked,
  inDoubt: { intakes: string[]; drafts: number; transitions: number; issues: number },
  rss: Map<string, { idle: number | null; peak: number; end: number }>,
) {
  const db = new pg.Client({ connectionString: cluster.databaseUrl });
  await db.connect();
  try {
    // A job held by the killed instance is taken over when its lease expires (60 s).
    const drainStart = Date.now();
    let open = 0;
    for (;;) {
      const r = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM job
          WHERE kind = 'document.render' AND (state = 'running' OR (state = 'pending' AND run_at <= now()))`,
      );
      open = r.rows[0]!.n;
      if (open === 0 || Date.now() - drainStart > 150_000) break;
      await new Promise((res) => setTimeout(res, 1000));
    }
    console.log(`[load] render queue drained in ${((Date.now() - drainStart) / 1000).toFixed(1)} s`);
    // Requests the clients gave up on may still be running on the surviving instance: wait until
    // the reserved idempotency keys stop changing, so what stays reserved is the killed instance's.
    let reserved = -1;
    for (let stable = 0, i = 0; stable < 3 && i < 60; i++) {
      const r = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM idempotency_key WHERE status_code = 0`,
      );
      stable = r.rows[0]!.n === reserved ? stable + 1 : 0;
      reserved = r.rows[0]!.n;
      await new Promise((res) => setTimeout(res, 1000));
    }

    const matters = await db.query<{ id: string; status: string; version: number }>(
      'SELECT id, status, version FROM matter WHERE id = ANY($1::uuid[])',
      [[...acked.intakes.map((x) => x.id), ...acked.transitions.map((x) => x.id)]],
    );
    const byId = new Map(matters.rows.map((m) => [m.id, m]));
    const lostIntakes = acked.intakes.filter((x) => !byId.has(x.id)).length;
    const lostTransitions = acked.transitions.filter((x) => {
      const m = byId.get(x.id);
      return m?.status !== 'routed' || m.version < x.version;
    }).length;
    const drafts = await db.query<{ id: string }>('SELECT id FROM document WHERE id = ANY($1::uuid[])', [
      acked.drafts,
    ]);
    const lostDrafts = acked.drafts.length - drafts.rowCount!;
    const docs = await db.query<{
      id: string;
      state: string;
      number: string | null;
      sha256: string | null;
      pdf_key: string | null;
      row_version: number;
    }>('SELECT id, state, number, sha256, pdf_key, row_version FROM document WHERE id = ANY($1::uuid[])', [
      acked.issued.map((x) => x.id),
    ]);
    const docById = new Map(docs.rows.map((d) => [d.id, d]));
    const lostIssues = acked.issued.filter((x) => !docById.get(x.id)?.number).length;
    const jobs = await db.query<{ doc: string; rv: number; state: string; attempts: number }>(
      `SELECT payload->>'documentId' AS doc, (payload->>'rowVersion')::int AS rv, state, attempts
         FROM job WHERE kind = 'document.render' AND payload->>'documentId' = ANY($1::text[])`,
      [acked.issued.map((x) => x.id)],
    );
    const audits = await db.query<{ id: string; n: number }>(
      `SELECT entity_id AS id, count(*)::int AS n FROM audit_log
        WHERE action = 'document.issued' AND entity_id = ANY($1::text[]) GROUP BY entity_id`,
      [acked.issued.map((x) => x.id)],
    );
    const auditN = new Map(audits.rows.map((a) => [a.id, a.n]));
    let notOnce = 0;
    let badPdf = 0;
    let retriedJobs = 0;
    for (const x of acked.issued) {
      const mine = jobs.rows.filter((j) => j.doc === x.id && j.rv === x.rowVersion);
      if (mine.length !== 1 || mine[0]!.state !== 'done' || auditN.get(x.id) !== 1) notOnce++;
      if ((mine[0]?.attempts ?? 0) > 1) retriedJobs++;
      const d = docById.get(x.id);
      const file = d?.pdf_key ? path.join(cluster.storageDir, d.pdf_key) : '';
      if (d?.state !== 'issued' || !file || !existsSync(file) || sha256File(file) !== d.sha256) badPdf++;
    }
    const allJobs = await db.query<{ kind: string; state: string; n: number }>(
      `SELECT kind, state, count(*)::int AS n FROM job GROUP BY kind, state ORDER BY kind, state`,
    );
    const keys = await db.query<{ n: number; open: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE status_code = 0)::int AS open
         FROM idempotency_key WHERE scope LIKE 'intake.create:%'`,
    );
    const matterCount = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM matter WHERE narrative = '压测登记：拖欠工资。'`,
    );

    console.log('[load] acknowledged writes (2xx) and whether each is in the database afterwards:');
    console.table({
      intake: { acknowledged: acked.intakes.length, lost: lostIntakes, 'in doubt': inDoubt.intakes.length },
      transition: {
        acknowledged: acked.transitions.length,
        lost: lostTransitions,
        'in doubt': inDoubt.transitions,
      },
      draft: { acknowledged: acked.drafts.length, lost: lostDrafts, 'in doubt': inDoubt.drafts },
      issue: { acknowledged: acked.issued.length, lost: lostIssues, 'in doubt': inDoubt.issues },
    });
    console.log(
      `[load] acknowledged writes lost: ${lostIntakes + lostTransitions + lostDrafts + lostIssues} (goal 0)`,
    );
    const registered = matterCount.rows[0]!.n;
    console.log(
      `[load] intake: ${keys.rows[0]!.n} idempotency keys recorded, ${registered} matters registered by the ` +
        `run (a duplicate would make matters exceed keys); of the ${inDoubt.intakes.length} in doubt ` +
        `${registered - acked.intakes.length} committed without the client hearing of it; ` +
        `${keys.rows[0]!.open} keys left reserved by the killed instance (a retry with one gets 409 ` +
        'IDEMPOTENCY_IN_PROGRESS for good)',
    );
    console.log(
      `[load] issued documents: ${acked.issued.length}; render job not done exactly once: ${notOnce} (goal 0); ` +
        `PDF missing or not matching its SHA-256: ${badPdf} (goal 0); render jobs that needed a second ` +
        `attempt (held by the killed instance): ${retriedJobs}; render jobs still open: ${open}`,
    );
    console.log('[load] every job by kind and state:');
    console.table(allJobs.rows);
    console.log('[load] RSS per instance (MB, /proc/<pid>/status VmRSS):');
    console.table(Object.fromEntries([...rss].map(([k, v]) => [k, { ...v, end: v.end || 'killed' }])));
  } finally {
    await db.end();
  }
}

function sha256File(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runLoadBench();
}
