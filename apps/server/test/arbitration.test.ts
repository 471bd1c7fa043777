import { beforeAll, describe, expect, it } from 'vitest';
import { COMPLETE, seedCalendars } from './arbitration.support';
import { newMatter, openCase, type Places, places } from './cases.support';
import { runJobs } from './documents.support';
import { Client, signedIn, useTestServer } from './harness';

describe('arbitration: application, review, acceptance, day close', () => {
  const env = useTestServer({ LOG_LEVEL: 'error', STORAGE_DIR: `/tmp/onestop-arb-${process.pid}` });
  let p: Places;
  let clerk: Client;
  let zhangmin: Client;
  let director: Client;

  beforeAll(async () => {
    p = await places(env);
    clerk = await signedIn(env, 'clerk');
    zhangmin = await signedIn(env, 'zhangmin');
    director = await signedIn(env, 'director');
    await seedCalendars(env);
  });

  it('walks 401 → 400 → 403 → 201 for a new application', async () => {
    const m = await newMatter(clerk, p.zengdu);
    const body = { matterId: m.id, claimIds: [m.claims[0]!.id], ...COMPLETE };
    expect((await new Client(env.url).post('/api/arbitration/applications', body)).status).toBe(401);
    const bad = await clerk.post('/api/arbitration/applications', { ...body, claimIds: [] });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('请至少选择一项仲裁请求');
    const court = await signedIn(env, 'court');
    expect((await court.post('/api/arbitration/applications', body)).status).toBe(403);
  });

  it('incomplete application → one 补正通知书 listing every missing item; correction resets the receipt date', async () => {
    const m = await newMatter(clerk, p.zengdu);
    const r = await clerk.post('/api/arbitration/applications', {
      matterId: m.id,
      claimIds: [m.claims[0]!.id],
      facts: '欠工资',
      materials: [{ kind: 'application', title: '仲裁申请书', form: '原件', pages: 2 }],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.complete).toBe(false);
    expect(r.body.case.state).toBe('needs_correction');
    const missing: string[] = r.body.missingItems;
    for (const item of ['签名', '副本', '身份证明', '主体资格', '证据目录', '事实和理由']) {
      expect(
        missing.some((x) => x.includes(item)),
        item,
      ).toBe(true);
    }
    expect(r.body.documents.map((d: any) => d.type)).toEqual(['correction_notice']);
    const doc = (await clerk.get(`/api/documents/${r.body.documents[0].id}`)).body;
    expect(doc.fields.missingItems).toEqual(missing);
    expect(doc.fields.deadline).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // The acceptance clock was stopped while waiting for the correction.
    const acc = r.body.case.clocks.filter((k: any) => k.ruleId === 'arbitration.acceptance');
    expect(acc.every((k: any) => k.status !== 'running')).toBe(true);
    // Still incomplete → 422 listing what remains; nothing changes.
    const still = await clerk.post(`/api/arbitration/cases/${r.body.case.caseId}/review`, {
      applicantSigned: true,
    });
    expect(still.status).toBe(422);
    expect(still.body.code).toBe('APPLICATION_INCOMPLETE');
    const fixed = await clerk.post(`/api/arbitration/cases/${r.body.case.caseId}/review`, COMPLETE);
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
    expect(fixed.body.case.state).toBe('received');
    expect(fixed.body.documents.map((d: any) => d.type)).toEqual(['receipt']);
    const running = fixed.body.case.clocks.filter(
      (k: any) => k.ruleId === 'arbitration.acceptance' && k.status === 'running',
    );
    expect(running).toHaveLength(1);
    expect(fixed.body.case.records.some((x: any) => x.kind === 'restart')).toBe(true);
  });

  it('wage arrears → same-day 受理通知书; the day cannot be closed while one is pending', async () => {
    const m = await newMatter(clerk, p.zengdu);
    const r = await clerk.post('/api/arbitration/applications', {
      matterId: m.id,
      claimIds: [m.claims[0]!.id],
      ...COMPLETE,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.complete).toBe(true);
    expect(r.body.documents.map((d: any) => d.type)).toEqual(['receipt']);
    expect(r.body.case.sameDayCategory).toBe('wage_arrears');
    const caseId = r.body.case.caseId;
    expect(r.body.case.clocks.find((k: any) => k.ruleId === 'center.same-day-acceptance')?.status).toBe(
      'running',
    );

    const pending = await clerk.get('/api/arbitration/day-close');
    expect(pending.status).toBe(200);
    expect(pending.body.pending.map((x: any) => x.caseId)).toContain(caseId);
    const refused = await clerk.post('/api/arbitration/day-close', {});
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('SAME_DAY_PENDING');
    expect(refused.body.message).toContain(r.body.case.number);
    // The leaders are alerted.
    const inbox = (await director.get('/api/notifications')).body;
    expect(JSON.stringify(inbox)).toContain(r.body.case.number);

    // The window clerk cannot decide acceptance; the arbitrator can.
    const denied = await clerk.post(`/api/arbitration/cases/${caseId}/accept`, {});
    expect(denied.status).toBe(403);
    const accepted = await zhangmin.post(`/api/arbitration/cases/${caseId}/accept`, {});
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.case.state).toBe('accepted');
    expect(accepted.body.documents.map((d: any) => d.type)).toEqual(['acceptance_notice']);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    await runJobs(env);
    const notice = (await clerk.get(`/api/documents/${accepted.body.documents[0].id}`)).body;
    expect(notice.state).toBe('issued');
    expect(notice.issuedDate).toBe(today);
    const pdf = await clerk.request('GET', `/api/documents/${notice.id}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toContain('application/pdf');
    expect(
      accepted.body.case.clocks.find((k: any) => k.ruleId === 'center.same-day-acceptance')?.status,
    ).toBe('met');
    expect(accepted.body.case.clocks.find((k: any) => k.ruleId === 'arbitration.award')?.status).toBe(
      'running',
    );

    const others = (await clerk.get('/api/arbitration/day-close')).body.pending;
    expect(others.map((x: any) => x.caseId)).not.toContain(caseId);
    if (others.length === 0) {
      const closed = await clerk.post('/api/arbitration/day-close', {});
      expect(closed.status).toBe(200);
      expect(closed.body.closed).toBe(true);
    }

    // 应诉通知书 to the respondent; the defence period starts.
    const served = await zhangmin.post(`/api/arbitration/cases/${caseId}/serve-respondent`, {});
    expect(served.status, JSON.stringify(served.body)).toBe(200);
    expect(served.body.case.state).toBe('answer_period');
    expect(served.body.documents.map((d: any) => d.type)).toEqual(['notice_to_respond']);
    expect(served.body.case.clocks.find((k: any) => k.ruleId === 'arbitration.defence')?.status).toBe(
      'running',
    );
  });

  it('receives and accepts in ONE transaction at the window; without the power to accept nothing is written', async () => {
    // One statement of facts serves every claim (调解仲裁法第二十八条): the claim itself has none.
    const claims = [
      {
        type: 'unpaid_wages',
        amountFen: 960000,
        periodFrom: '2026-08-01',
        periodTo: '2026-10-31',
        facts: '',
      },
    ];
    const m = await newMatter(clerk, p.zengdu, { claims });
    const r = await clerk.post('/api/arbitration/applications', {
      matterId: m.id,
      claimIds: [m.claims[0]!.id],
      facts: '欠工资',
      materials: [{ kind: 'application', title: '仲裁申请书', form: '原件', pages: 2 }],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const caseId = r.body.case.caseId;
    expect(r.body.missingItems.some((x: string) => x.includes('所依据的事实'))).toBe(true);

    // The window clerk holds no power to accept: the combined step is refused as a whole.
    const denied = await clerk.post(`/api/arbitration/cases/${caseId}/review`, {
      ...COMPLETE,
      acceptIfComplete: true,
    });
    expect(denied.status).toBe(403);
    const unchanged = (await clerk.get(`/api/arbitration/cases/${caseId}`)).body;
    expect(unchanged.state).toBe('needs_correction');
    expect(unchanged.documents.some((d: any) => d.type === 'receipt')).toBe(false);

    const both = await zhangmin.post(`/api/arbitration/cases/${caseId}/review`, {
      ...COMPLETE,
      acceptIfComplete: true,
    });
    expect(both.status, JSON.stringify(both.body)).toBe(200);
    expect(both.body.complete).toBe(true);
    expect(both.body.missingItems).toEqual([]);
    expect(both.body.case.state).toBe('accepted');
    expect(both.body.documents.map((d: any) => d.type)).toEqual(['receipt', 'acceptance_notice']);
    expect(both.body.case.clocks.find((k: any) => k.ruleId === 'center.same-day-acceptance')?.status).toBe(
      'met',
    );
    const bad = await zhangmin.post(`/api/arbitration/cases/${caseId}/review`, { acceptIfComplete: 'yes' });
    expect(bad.status).toBe(400);
  });

  it('outside the jurisdiction → a written explanation naming the commission, not a rejection', async () => {
    const m = await newMatter(clerk, p.zengdu);
    const r = await clerk.post('/api/arbitration/applications', {
      matterId: m.id,
      claimIds: [m.claims[0]!.id],
      ...COMPLETE,
      performancePlace: '武汉市江汉区建设大道工地',
      employerDomicile: '武汉市江岸区解放大道1号',
    });
    expect(r.status).toBe(201);
    const check = r.body.case.checklist.find((c: any) => c.code === 'jurisdiction');
    expect(check.status).toBe('redirect');
    // Not acceptable here, and no same-day clock for a case this commission cannot take.
    const acc = await zhangmin.post(`/api/arbitration/cases/${r.body.case.caseId}/accept`, {});
    expect(acc.status).toBe(422);
    expect(acc.body.code).toBe('OUTSIDE_JURISDICTION');
    const red = await zhangmin.post(`/api/arbitration/cases/${r.body.case.caseId}/redirect`, {
      competentCommission: '武汉市江汉区劳动人事争议仲裁委员会',
    });
    expect(red.status, JSON.stringify(red.body)).toBe(200);
    expect(red.body.case.state).toBe('redirected');
    expect(red.body.case.redirectExplanation).toContain('武汉市江汉区劳动人事争议仲裁委员会');
    expect(red.body.case.redirectExplanation).toContain('第三十一条');
    expect(red.body.case.documents.some((d: any) => d.type === 'rejection_notice')).toBe(false);
  });

  it('rejection → 不予受理通知书 with the reason category and the remedy', async () => {
    const m = await newMatter(clerk, p.zengdu);
    const r = await clerk.post('/api/arbitration/applications', {
      matterId: m.id,
      claimIds: [m.claims[0]!.id],
      ...COMPLETE,
    });
    const rej = await zhangmin.post(`/api/arbitration/cases/${r.body.case.caseId}/reject`, {
      reasonCode: 'no_standing',
      reasons: '申请人与被申请人之间不存在劳动关系，系承揽关系。',
    });
    expect(rej.status, JSON.stringify(rej.body)).toBe(200);
    expect(rej.body.case.state).toBe('not_accepted');
    expect(rej.body.documents.map((d: any) => d.type)).toEqual(['rejection_notice']);
    const doc = (await clerk.get(`/api/documents/${rej.body.documents[0].id}`)).body;
    expect(doc.fields.reasonCode).toBe('no_standing');
  });

  it('limitation is only a warning; mediation engineers can open a pre-filled application', async () => {
    const { createApplicationFromMatter } = await import('../src/modules/arbitration/arbitration.service');
    const m = await newMatter(clerk, p.zengdu);
    const db = env.server.app.ctx.database.db;
    const user = await db
      .selectFrom('app_user')
      .select(['id', 'display_name'])
      .where('username', '=', 'zhangmin')
      .executeTakeFirstOrThrow();
    const r = await db
      .transaction()
      .execute((trx) =>
        createApplicationFromMatter(
          trx,
          { matterId: m.id, claimIds: [m.claims[0]!.id], reason: '调解不成' },
          { id: user.id, name: user.display_name, role: 'mediator', ip: null },
          env.server.app.ctx,
        ),
      );
    const view = (await clerk.get(`/api/arbitration/cases/${r.caseId}`)).body;
    // The pre-filled application is a new arbitration case of this matter, numbered by the commission.
    expect([view.caseId, view.number, view.matterId]).toEqual([r.caseId, r.number, m.id]);
    expect(view.state).toBe('received');
    expect(view.claims[0].amountFen).toBe(1_250_000);
    expect(view.facts).toContain('调解不成');
    expect(view.parties.map((x: any) => x.role).sort()).toEqual(['employer', 'worker']);
  });

  it('machine transitions through the generic cases API are guarded the same way', async () => {
    const m = await newMatter(clerk, p.zengdu);
    const r = await clerk.post('/api/arbitration/applications', {
      matterId: m.id,
      claimIds: [m.claims[0]!.id],
      ...COMPLETE,
    });
    const c = (await clerk.get(`/api/cases/${r.body.case.caseId}`)).body;
    // 受理 is an act (the 受理通知书): the generic API refuses it; the acceptance form does it.
    const bad = await zhangmin.post(`/api/cases/${c.id}/transitions`, {
      event: 'accept',
      version: c.version,
      payload: {},
    });
    expect(bad.status).toBe(409);
    expect(bad.body.code).toBe('CASE_EVENT_IS_ACT');
    const illegal = await zhangmin.post(`/api/cases/${c.id}/transitions`, {
      event: 'award',
      version: c.version,
    });
    expect(illegal.status).toBe(409);
    void openCase;
  });
});
