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
});
