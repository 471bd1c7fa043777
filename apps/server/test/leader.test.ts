import { beforeAll, describe, expect, it } from 'vitest';
import { application, seedCalendars } from './arbitration.support';
import { newMatter, type Places, places } from './cases.support';
import { Client, signedIn, useTestServer } from './harness';

describe('leaders’ overview (领导驾驶舱)', () => {
  const env = useTestServer({ LOG_LEVEL: 'error', STORAGE_DIR: `/tmp/onestop-leader-${process.pid}` });
  let p: Places;
  let clerk: Client;
  let director: Client;

  beforeAll(async () => {
    p = await places(env);
    clerk = await signedIn(env, 'clerk');
    director = await signedIn(env, 'director');
    await seedCalendars(env);
  });

  it('walks 401 → 403 → 200', async () => {
    expect((await new Client(env.url).get('/api/leader/overview')).status).toBe(401);
    expect((await clerk.get('/api/leader/overview')).status).toBe(403);
    expect((await director.get('/api/leader/overview')).status).toBe(200);
  });

  it("counts today's intake, the same-day acceptances still pending and open work with its clocks", async () => {
    const before = (await director.get('/api/leader/overview')).body;
    const m = await newMatter(clerk, p.zengdu);
    const app = await application(clerk, { id: m.id, claims: m.claims });
    const r = await director.get('/api/leader/overview');
    expect(r.status).toBe(200);
    const o = r.body;
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    expect(o.date).toBe(today);
    expect(o.today.mattersReceived).toBe(before.today.mattersReceived + 1);
    expect(o.today.byChannel.find((c: any) => c.channel === 'window')?.label).toBe('窗口来访');
    expect(o.today.casesOpened).toBeGreaterThan(before.today.casesOpened);
    expect(o.today.sameDayPending).toContainEqual({
      caseId: app.case.caseId,
      number: app.case.number,
      category: '拖欠工资',
    });
    expect(o.open.matters).toBe(before.open.matters + 1);
    expect(o.open.priorityMatters).toBeGreaterThan(0);
    const arb = o.open.byTrack.find((t: any) => t.track === 'arbitration');
    expect(arb.label).toBe('仲裁');
    expect(arb.open).toBeGreaterThan(0);
    expect(o.clocks.dueSoon + o.clocks.overdue).toBeGreaterThan(0);

    // Accepting it moves it off the pending list and into this month's acceptances.
    const acc = await director.post(`/api/arbitration/cases/${app.case.caseId}/accept`, {});
    expect(acc.status, JSON.stringify(acc.body)).toBe(200);
    const after = (await director.get('/api/leader/overview')).body;
    expect(after.today.sameDayPending.map((x: any) => x.caseId)).not.toContain(app.case.caseId);
    expect(after.month.arbitrationAccepted).toBe(o.month.arbitrationAccepted + 1);
  });
});
