import { describe, expect, it } from 'vitest';
import { newMatter, openCase, places } from './cases.support';
import { signedIn, useTestServer } from './harness';

/**
 * The stored statistical facts (stat_case_fact, migration 0068) follow the master record: a change made
 * after a table was read — through the API or straight in SQL — shows in the next read, and the read
 * leaves nothing marked as changed.
 */
describe('statistical facts stay current', () => {
  const env = useTestServer({ LOG_LEVEL: 'error' });

  it('counts an acceptance, a collective flag and a closure made after the first read', async () => {
    const p = await places(env);
    const director = await signedIn(env, 'director');
    const clerk = await signedIn(env, 'clerk');
    const pool = env.server.database.pool;
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const url = `/api/statistics/tables/arbitration?kind=custom&from=${today}&to=${today}&jurisdictionId=${p.zengdu}`;
    const cell = async (code: string) => {
      const r = await director.get(url);
      expect(r.status).toBe(200);
      return r.body.rows.find((x: { code: string }) => x.code === code).cells[0].text as string;
    };
    const dirty = async () =>
      Number((await pool.query('SELECT count(*) AS n FROM stat_fact_dirty')).rows[0].n);

    const before = { accepted: Number(await cell('02')), collective: Number(await cell('03')) };
    expect(await dirty()).toBe(0);

    const matter = await newMatter(clerk, p.zengdu);
    const opened = await openCase(clerk, matter.id, 'arbitration', [matter.claims[0]!.id]);
    expect(opened.status).toBe(201);
    const caseId = opened.body.case.id as string;
    expect(await dirty()).toBeGreaterThan(0);
    // Registered, not accepted: not counted yet.
    expect(Number(await cell('02'))).toBe(before.accepted);
    expect(await dirty()).toBe(0);

    await pool.query(
      `INSERT INTO case_event (case_id, seq, from_state, to_state, event, actor_name)
       SELECT $1, max(seq) + 1, 'received', 'accepted', 'accept', '统计测试' FROM case_event WHERE case_id = $1`,
      [caseId],
    );
    expect(Number(await cell('02'))).toBe(before.accepted + 1);
    expect(Number(await cell('03'))).toBe(before.collective);

    await pool.query('UPDATE matter SET collective = true, worker_count = 12 WHERE id = $1', [matter.id]);
    expect(Number(await cell('03'))).toBe(before.collective + 1);
    expect(await dirty()).toBe(0);

    const stored = await pool.query(
      `SELECT part, track, fact ->> 'collective' AS collective, fact ->> 'workers' AS workers
         FROM stat_case_fact WHERE case_id = $1`,
      [caseId],
    );
    expect(stored.rows).toEqual([{ part: 0, track: 'arbitration', collective: 'true', workers: '12' }]);
  });

  it('keeps every change when reads refresh while writers mark cases (concurrently)', async () => {
    const p = await places(env);
    const director = await signedIn(env, 'director');
    const clerk = await signedIn(env, 'clerk');
    const pool = env.server.database.pool;
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const url = `/api/statistics/tables/arbitration?kind=custom&from=${today}&to=${today}&jurisdictionId=${p.guangshui}`;
    const accepted = async () => {
      const r = await director.get(url);
      expect(r.status).toBe(200);
      return Number(r.body.rows.find((x: { code: string }) => x.code === '02').cells[0].text);
    };
    const base = await accepted();
    const cases: string[] = [];
    for (let i = 0; i < 4; i++) {
      const m = await newMatter(clerk, p.guangshui);
      cases.push((await openCase(clerk, m.id, 'arbitration', [m.claims[0]!.id])).body.case.id);
    }
    const accept = (caseId: string) =>
      pool.query(
        `INSERT INTO case_event (case_id, seq, from_state, to_state, event, actor_name)
         SELECT $1, max(seq) + 1, 'received', 'accepted', 'accept', '统计测试' FROM case_event WHERE case_id = $1`,
        [caseId],
      );
    // Readers (each refreshing) and writers (each marking) at once; no read fails, none waits forever.
    const [reads] = await Promise.all([
      Promise.all([accepted(), accepted(), accepted()]),
      ...cases.map((c) => accept(c)),
    ]);
    // A read in the middle sees some of the acceptances, never fewer than before nor more than made.
    for (const n of reads) expect(n >= base && n <= base + 4, `read ${n}`).toBe(true);
    expect(await accepted()).toBe(base + 4);
  });

  it('adds satisfaction, workload and the top employers to the leaders’ analysis', async () => {
    const p = await places(env);
    const director = await signedIn(env, 'director');
    const clerk = await signedIn(env, 'clerk');
    const pool = env.server.database.pool;
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const employer = '随州市统计分析测试机械有限公司';
    const m = await newMatter(clerk, p.zengdu, { employer });
    const opened = await openCase(clerk, m.id, 'arbitration', [m.claims[0]!.id]);
    const caseId = opened.body.case.id as string;
    const me = (await director.get('/api/auth/me')).body;
    const directorId = (me.user?.id ?? me.id) as string;
    await pool.query('UPDATE track_case SET assignee_user_id = $1 WHERE id = $2', [directorId, caseId]);
    const worker = (
      await pool.query(`SELECT party_id FROM matter_party WHERE matter_id = $1 AND role = 'worker'`, [m.id])
    ).rows[0].party_id;
    await pool.query(
      `INSERT INTO satisfaction_rating (matter_id, case_id, track, party_id, score) VALUES ($1, $2, 'arbitration', $3, 4)`,
      [m.id, caseId, worker],
    );
    const claimed = Number(
      (await pool.query('SELECT amount_fen FROM matter_claim WHERE id = $1', [m.claims[0]!.id])).rows[0]
        .amount_fen,
    );

    const a = (
      await director.get(
        `/api/statistics/analysis?kind=custom&from=${today}&to=${today}&jurisdictionId=${p.zengdu}`,
      )
    ).body;
    expect(a.satisfaction).toEqual({
      ratings: 1,
      average: 4,
      satisfiedShare: 100,
      byScore: [
        { score: 5, count: 0 },
        { score: 4, count: 1 },
        { score: 3, count: 0 },
        { score: 2, count: 0 },
        { score: 1, count: 0 },
      ],
    });
    expect(a.topEmployers.find((e: { employer: string }) => e.employer === employer)).toEqual({
      employer,
      matters: 1,
      claimedFen: claimed,
    });
    expect(
      a.workload.filter(
        (w: { open: number; name: string }) => w.name === me.user?.displayName || w.name === me.displayName,
      ),
    ).toEqual([expect.objectContaining({ open: 1, closedInPeriod: 0 })]);
    const arb = a.timeToClose.find((t: { track: string }) => t.track === 'arbitration');
    expect(arb.bands.map((b: { label: string }) => b.label)).toEqual([
      '15日以内',
      '16—30日',
      '31—45日',
      '46—60日',
      '60日以上',
    ]);
  });
});
