import { describe, expect, it } from 'vitest';
import { application, useArbitrationSetup } from './arbitration.support';
import { newMatter } from './cases.support';
import { Client, signedIn, useTestServer } from './harness';

describe('leaders’ overview (领导驾驶舱)', () => {
  const env = useTestServer({ LOG_LEVEL: 'error', STORAGE_DIR: `/tmp/onestop-leader-${process.pid}` });
  const s = useArbitrationSetup(env, { users: ['clerk', 'director'] });

  it('walks 401 → 403 → 200', async () => {
    expect((await new Client(env.url).get('/api/leader/overview')).status).toBe(401);
    expect((await s.clerk.get('/api/leader/overview')).status).toBe(403);
    expect((await s.director.get('/api/leader/overview')).status).toBe(200);
  });

  it('gives the results for this month, this quarter or this year (400 for another period)', async () => {
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const y = Number(today.slice(0, 4));
    const m = Number(today.slice(5, 7));
    const q = Math.ceil(m / 3);
    const month = (await s.director.get('/api/leader/overview')).body.month;
    expect([month.kind, month.label, month.from]).toEqual([
      'month',
      `${y}年${m}月`,
      `${today.slice(0, 8)}01`,
    ]);
    const quarter = (await s.director.get('/api/leader/overview?period=quarter')).body.month;
    expect([quarter.kind, quarter.label, quarter.from]).toEqual([
      'quarter',
      `${y}年第${'一二三四'[q - 1]}季度`,
      `${y}-${String(q * 3 - 2).padStart(2, '0')}-01`,
    ]);
    const year = (await s.director.get('/api/leader/overview?period=year')).body.month;
    expect([year.kind, year.label, year.from]).toEqual(['year', `${y}年`, `${y}-01-01`]);
    // Each longer period contains the shorter one.
    expect(quarter.casesClosed).toBeGreaterThanOrEqual(month.casesClosed);
    expect(year.casesClosed).toBeGreaterThanOrEqual(quarter.casesClosed);
    const bad = await s.director.get('/api/leader/overview?period=week');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
  });

  it("counts today's intake, the same-day acceptances still pending and open work with its clocks", async () => {
    const before = (await s.director.get('/api/leader/overview')).body;
    const m = await newMatter(s.clerk, s.p.zengdu);
    const app = await application(s.clerk, { id: m.id, claims: m.claims });
    const r = await s.director.get('/api/leader/overview');
    expect(r.status).toBe(200);
    const o = r.body;
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    expect(o.date).toBe(today);
    expect(o.today.mattersReceived).toBe(before.today.mattersReceived + 1);
    expect(o.today.byChannel.find((c: any) => c.channel === 'window')?.label).toBe('窗口来访');
    // The application opens the one arbitration case.
    expect(o.today.casesOpened).toBe(before.today.casesOpened + 1);
    expect(o.today.sameDayPending).toContainEqual({
      caseId: app.case.caseId,
      number: app.case.number,
      category: '拖欠工资',
    });
    expect(o.open.matters).toBe(before.open.matters + 1);
    // A migrant worker's unpaid wages: a priority matter.
    expect(o.open.priorityMatters).toBe(before.open.priorityMatters + 1);
    const arb = o.open.byTrack.find((t: any) => t.track === 'arbitration');
    expect(arb.label).toBe('仲裁');
    // byTrack lists only the tracks with open work.
    const arbBefore = before.open.byTrack.find((t: any) => t.track === 'arbitration')?.open ?? 0;
    expect(arb.open).toBe(arbBefore + 1);
    // The same-day acceptance commitment (center.same-day-acceptance) is due today: due soon.
    expect(o.clocks).toEqual({ dueSoon: before.clocks.dueSoon + 1, overdue: before.clocks.overdue });

    // Accepting it moves it off the pending list and into this month's acceptances.
    const acc = await s.director.post(`/api/arbitration/cases/${app.case.caseId}/accept`, {});
    expect(acc.status, JSON.stringify(acc.body)).toBe(200);
    const after = (await s.director.get('/api/leader/overview')).body;
    expect(after.today.sameDayPending.map((x: any) => x.caseId)).not.toContain(app.case.caseId);
    expect(after.month.arbitrationAccepted).toBe(o.month.arbitrationAccepted + 1);
  });

  it('leaves off the same-day list a case waiting for the party’s 补正', async () => {
    const m = await newMatter(s.clerk, s.p.zengdu);
    const app = await application(s.clerk, { id: m.id, claims: m.claims }, { applicantSigned: false });
    expect(app.case.state).toBe('needs_correction');
    const o = (await s.director.get('/api/leader/overview')).body;
    expect(o.today.sameDayPending.map((x: any) => x.caseId)).not.toContain(app.case.caseId);
  });

  it('counts a partial mediation agreement apart: by matters it is not a full success, by items 1 of 3', async () => {
    const before = (await s.director.get('/api/leader/overview')).body.month;
    const mediator = await signedIn(env, 'zhangmin');
    const m = await newMatter(s.clerk, s.p.zengdu, {
      claims: [
        {
          type: 'unpaid_wages',
          amountFen: 300_000,
          periodFrom: '2025-09-01',
          periodTo: '2025-09-30',
          facts: '9月工资',
        },
        {
          type: 'unpaid_wages',
          amountFen: 300_000,
          periodFrom: '2025-10-01',
          periodTo: '2025-10-31',
          facts: '10月工资',
        },
        {
          type: 'overtime_pay',
          amountFen: 100_000,
          periodFrom: '2025-09-01',
          periodTo: '2025-10-31',
          facts: '加班',
        },
      ],
    });
    const started = await s.clerk.post(`/api/matters/${m.id}/mediation`, {
      consent: { given: true, method: 'window_signature', note: '窗口当面签字' },
    });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const caseId = started.body.caseId as string;
    let d = (await mediator.get(`/api/mediation/cases/${caseId}`)).body;
    const ids = m.claims.map((c) => c.id);
    const sent = await mediator.post(`/api/mediation/cases/${caseId}/proposal`, {
      version: d.version,
      mediatorContact: '0722-3258000',
      items: ids.map((claimId) => ({ claimId, proposedFen: 100_000, reason: '按工资表核对' })),
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    // The proposal names each monthly item by its period.
    expect(sent.body.items.map((i: any) => i.claimLabel)).toEqual([
      '支付拖欠工资（2025年9月）',
      '支付拖欠工资（2025年10月）',
      '支付加班费（2025年9月至10月）',
    ]);
    for (const side of ['worker', 'employer'] as const) {
      const r = await s.clerk.post(`/api/mediation/cases/${caseId}/replies`, {
        side,
        ...(side === 'employer' && { channel: 'phone' }),
        replies: ids.map((claimId, i) => ({ claimId, accepted: side === 'worker' || i === 0 })),
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
    d = (await mediator.get(`/api/mediation/cases/${caseId}`)).body;
    const agreed = await mediator.post(`/api/mediation/cases/${caseId}/agreement`, {
      version: d.version,
      performanceDate: '2099-01-31',
      signed: true,
    });
    expect(agreed.status, JSON.stringify(agreed.body)).toBe(200);
    expect(agreed.body.state).toBe('partially_agreed');

    const after = (await s.director.get('/api/leader/overview')).body.month;
    expect(after.mediationAgreed).toBe(before.mediationAgreed);
    expect(after.mediationPartial).toBe(before.mediationPartial + 1);
    expect(after.mediation.matters.concluded).toBe(before.mediation.matters.concluded + 1);
    expect(after.mediation.items).toEqual({
      total: before.mediation.items.total + 3,
      agreed: before.mediation.items.agreed + 1,
    });
    const { full, concluded } = after.mediation.matters;
    expect(after.mediation.matterSuccessRate).toBe(Math.round((full / concluded) * 100));
    expect(after.mediation.itemSuccessRate).toBe(
      Math.round((after.mediation.items.agreed / after.mediation.items.total) * 100),
    );
  });

  it('counts as due soon exactly what the supervision page lists (two working days, clock engine)', async () => {
    const o = (await s.director.get('/api/leader/overview')).body;
    const sup = (await s.director.get('/api/clocks/overview')).body;
    // One definition (clocks module, urgentClocks): the same totals on both pages.
    expect(o.clocks).toEqual(sup.totals);
    const items = sup.groups.flatMap((g: any) => g.people.flatMap((x: any) => x.items));
    expect(o.clocks.dueSoon).toBe(items.filter((i: any) => i.urgency === 'due_soon').length);
    expect(o.clocks.overdue).toBe(items.filter((i: any) => i.urgency === 'overdue').length);
  });
});
