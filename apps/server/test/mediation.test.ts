import { beforeAll, describe, expect, it } from 'vitest';
import { newMatter, openCase, type Places, places } from './cases.support';
import { Client, signedIn, useTestServer } from './harness';

const CLAIMS = [
  {
    type: 'unpaid_wages',
    amountFen: 1_250_000,
    periodFrom: '2025-09-01',
    periodTo: '2025-12-31',
    facts: '2025年9月至12月工资未发放',
  },
  {
    type: 'overtime_pay',
    amountFen: 300_000,
    periodFrom: '2025-09-01',
    periodTo: '2025-12-31',
    facts: '每周六加班未付加班费',
  },
  { type: 'economic_compensation', amountFen: 1_250_000, facts: '公司以经营困难为由解除劳动合同未付补偿' },
];

const consent = (given: boolean) => ({ given, method: 'window_signature', note: '窗口当面签字' });

/** Mediation first: consent, who mediates, 调解建议书 item by item, agreement, arbitration without retyping. */
describe('mediation (调解优先)', () => {
  const env = useTestServer({ LOG_LEVEL: 'error' });
  let p: Places;
  let clerk: Client;
  let mediator: Client;

  beforeAll(async () => {
    p = await places(env);
    clerk = await signedIn(env, 'clerk');
    mediator = await signedIn(env, 'zhangmin');
  });

  const start = (c: Client, matterId: string, body: unknown) =>
    c.post(`/api/matters/${matterId}/mediation`, body);
  const detail = async (caseId: string) => (await mediator.get(`/api/mediation/cases/${caseId}`)).body;

  it('consent is required: 401 → 400 → 403, and no mediation step without a consent record', async () => {
    const m = await newMatter(clerk, p.zengdu, { claims: CLAIMS });
    expect((await start(new Client(env.url), m.id, { consent: consent(true) })).status).toBe(401);
    const bad = await start(clerk, m.id, { consent: { given: true } });
    expect(bad.status).toBe(400);
    const inspector = await signedIn(env, 'inspector');
    expect((await start(inspector, m.id, { consent: consent(true) })).status).toBe(403);
    // A mediation case opened through the generic cases API has no consent on record: every step is refused.
    const opened = await openCase(clerk, m.id, 'mediation', [m.claims[0]!.id]);
    expect(opened.status).toBe(201);
    const c = opened.body.case;
    const r = await mediator.post(`/api/mediation/cases/${c.id}/proposal`, {
      version: c.version,
      mediatorContact: '0722-3258000',
      items: [{ claimId: m.claims[0]!.id, proposedFen: 1_000_000, reason: '按考勤核算' }],
    });
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('MEDIATION_CONSENT_REQUIRED');
    expect(r.body.message).toContain('调解自愿');
  });

  it('a refusal goes straight to arbitration intake; the 5-day acceptance clock runs, never paused', async () => {
    const m = await newMatter(clerk, p.zengdu, { claims: CLAIMS, worker: '拒调解工' });
    const r = await start(clerk, m.id, { consent: consent(false) });
    expect(r.status).toBe(201);
    expect(r.body.outcome).toBe('arbitration');
    expect(r.body.number).toMatch(/^随劳人仲案字/);
    const arb = (await clerk.get(`/api/cases/${r.body.caseId}`)).body;
    expect(arb.track).toBe('arbitration');
    const matter = (await clerk.get(`/api/matters/${m.id}`)).body;
    expect(matter.triage.mediationConsent.given).toBe(false);
    const clocks = (await clerk.get(`/api/clocks?subjectType=case&subjectId=${r.body.caseId}`)).body
      .items as any[];
    const acceptance = clocks.find((k) => k.ruleId === 'arbitration.acceptance');
    expect(acceptance.status).toBe('running');
    // The matter's mediation card says what happened: refused, by whom, when, and where it went.
    const overview = (await clerk.get(`/api/matters/${m.id}/mediation`)).body;
    expect(overview.canStart).toBe(false);
    expect(overview.cases).toEqual([]);
    const { at, ...refusal } = overview.refusal;
    expect(at).toBe(matter.triage.mediationConsent.at);
    expect(refusal).toEqual({
      workerName: '拒调解工',
      methodLabel: '窗口当面签字确认',
      recordedByName: '王晓梅',
      note: '窗口当面签字',
      next: `请求事项已转入仲裁：${r.body.number}（已收件）`,
      basis: '《劳动争议调解仲裁法》第五条：不愿调解的，可以直接向劳动争议仲裁委员会申请仲裁',
      arbitrationCase: { id: r.body.caseId, number: r.body.number, state: 'received', stateLabel: '已收件' },
    });
  });

  it('a matter whose worker agreed has no refusal on its card', async () => {
    const m = await newMatter(clerk, p.zengdu, { claims: CLAIMS });
    expect((await start(clerk, m.id, { consent: consent(true) })).status).toBe(201);
    const overview = (await clerk.get(`/api/matters/${m.id}/mediation`)).body;
    expect(overview.refusal).toBeNull();
    expect(overview.cases).toHaveLength(1);
  });

  it('proposal per item; employer rejects two → the accepted item is a signed agreement, the rest an arbitration case with the same claims', async () => {
    const m = await newMatter(clerk, p.zengdu, { claims: CLAIMS });
    const started = await start(clerk, m.id, { consent: consent(true) });
    expect(started.status).toBe(201);
    expect(started.body.outcome).toBe('mediation');
    let d = await detail(started.body.caseId);
    expect(d.state).toBe('registered');
    expect(d.handledBy).toBe('center');
    expect(d.handlingReasons.join()).toContain('由中心调解');
    expect(d.consent.methodLabel).toBe('窗口当面签字确认');
    expect(d.consent.recordedByName).toBe('王晓梅');
    // The 15-day mediation clock (T-M1) started on receipt.
    const settlement = d.clocks.find((k: any) => k.ruleId === 'mediation.settlement');
    expect(settlement.status).toBe('running');
    expect(settlement.basis).toContain('第十四条');

    const [wages, overtime, comp] = m.claims.map((c) => c.id) as [string, string, string];
    // The clerk may not send the proposal (mediators only); each claim needs an item.
    const clerkTry = await clerk.post(`/api/mediation/cases/${d.id}/proposal`, {
      version: d.version,
      mediatorContact: '0722-3258000',
      items: [{ claimId: wages, proposedFen: 1, reason: '测试' }],
    });
    expect(clerkTry.status).toBe(400);
    expect(clerkTry.body.code).toBe('PROPOSAL_ITEM_MISSING');
    const proposal = {
      version: d.version,
      mediatorContact: '0722-3258000',
      items: [
        { claimId: wages, proposedFen: 1_200_000, reason: '按工资表核对，扣除已预支500元' },
        { claimId: overtime, proposedFen: 200_000, reason: '按考勤记录认定的休息日加班' },
        {
          claimId: comp,
          reason: '按工作年限计算经济补偿',
          calculation: {
            kind: 'economic_compensation',
            startDate: '2023-01-01',
            endDate: '2025-03-31',
            averageMonthlyWageFen: 500_000,
          },
        },
      ],
    };
    expect((await clerk.post(`/api/mediation/cases/${d.id}/proposal`, proposal)).status).toBe(403);
    const sent = await mediator.post(`/api/mediation/cases/${d.id}/proposal`, proposal);
    expect(sent.status).toBe(200);
    d = sent.body;
    expect(d.state).toBe('proposal_sent');
    expect(d.items).toHaveLength(3);
    const compItem = d.items.find((i: any) => i.claimId === comp);
    expect(compItem.proposedFen).toBe(1_250_000);
    expect(compItem.formula).toContain('零头不满六个月按半年计');
    expect(compItem.basis).toContain('第四十七条');
    const proposals = d.documents.filter((x: any) => x.type === 'mediation_proposal');
    expect(proposals).toHaveLength(2);
    expect(proposals.every((x: any) => x.number)).toBe(true);
    expect(d.replyDeadline).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(d.mediator.name).toBe('张敏');

    // Agreement before both sides answered: refused with the reason.
    const early = await mediator.post(`/api/mediation/cases/${d.id}/agreement`, {
      version: d.version,
      performanceDate: '2099-01-31',
      signed: true,
    });
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('MEDIATION_REPLIES_PENDING');

    // Replies recorded by staff (the portal will call the same service).
    const worker = await clerk.post(`/api/mediation/cases/${d.id}/replies`, {
      side: 'worker',
      replies: [wages, overtime, comp].map((claimId) => ({ claimId, accepted: true })),
    });
    expect(worker.status).toBe(200);
    const employer = await clerk.post(`/api/mediation/cases/${d.id}/replies`, {
      side: 'employer',
      channel: 'phone',
      replies: [
        { claimId: wages, accepted: true },
        { claimId: overtime, accepted: false, note: '不认可加班' },
        { claimId: comp, accepted: false, note: '系劳动者主动辞职' },
      ],
    });
    expect(employer.status).toBe(200);
    expect(employer.body.allowedActions).not.toContain('agreement'); // the clerk is not a mediator
    d = await detail(d.id);
    expect(d.items.map((i: any) => i.outcome)).toEqual(['agreed', 'refused', 'refused']);
    expect(d.allowedActions).toContain('agreement');

    const unsigned = await mediator.post(`/api/mediation/cases/${d.id}/agreement`, {
      version: d.version,
      performanceDate: '2099-01-31',
      signed: false,
    });
    expect(unsigned.status).toBe(400);
    const stale = await mediator.post(`/api/mediation/cases/${d.id}/agreement`, {
      version: d.version - 1,
      performanceDate: '2099-01-31',
      signed: true,
    });
    expect(stale.status).toBe(409);
    const agreed = await mediator.post(`/api/mediation/cases/${d.id}/agreement`, {
      version: d.version,
      performanceDate: '2099-01-31',
      signed: true,
      sessionRecord: '双方到场，就工资部分达成一致',
    });
    expect(agreed.status).toBe(200);
    d = agreed.body;
    expect(d.state).toBe('partially_agreed');
    expect(d.performanceDate).toBe('2099-01-31');
    expect(d.sessions[0].status).toBe('held');
    expect(d.documents.find((x: any) => x.type === 'mediation_agreement').number).toBeTruthy();
    // Agreement clocks: 仲裁审查 15 days and 司法确认 30 days start; the 15-day mediation clock is met.
    const byRule = Object.fromEntries(d.clocks.map((k: any) => [k.ruleId, k.status]));
    expect(byRule['mediation.settlement']).toBe('met');
    expect(byRule['mediation.arbitral-review-filing']).toBe('running');
    expect(byRule['mediation.judicial-confirmation-filing']).toBe('running');
    expect(d.claims.find((c: any) => c.id === wages).open).toBe(true);
    expect(
      d.claims
        .filter((c: any) => !c.open)
        .map((c: any) => c.id)
        .sort(),
    ).toEqual([overtime, comp].sort());

    // The rejected items are an arbitration case on the same claims and amounts (no retyping).
    expect(d.arbitrationCase.number).toMatch(/^随劳人仲案字/);
    const arb = (await clerk.get(`/api/cases/${d.arbitrationCase.id}`)).body;
    expect(arb.track).toBe('arbitration');
    const matter = (await clerk.get(`/api/matters/${m.id}`)).body;
    const inArb = matter.claims.filter((c: any) => [overtime, comp].includes(c.id));
    expect(inArb.map((c: any) => [c.type, c.amountFen, c.track, c.trackCaseId])).toEqual([
      ['overtime_pay', 300_000, 'arbitration', arb.id],
      ['economic_compensation', 1_250_000, 'arbitration', arb.id],
    ]);
    // The arbitration application is pre-filled from the same claims (amounts, facts): nothing retyped.
    const application = (await clerk.get(`/api/arbitration/cases/${arb.id}`)).body;
    expect(application.claims.map((c: any) => [c.claimId, c.amountFen])).toEqual([
      [overtime, 300_000],
      [comp, 1_250_000],
    ]);
    expect(application.facts).toContain('调解未达成一致的事项');
    const arbClocks = (await clerk.get(`/api/clocks?subjectType=case&subjectId=${arb.id}`)).body
      .items as any[];
    expect(arbClocks.find((k) => k.ruleId === 'arbitration.acceptance').status).toBe('running');

    // 司法确认 requested: its filing clock is met; the result is recorded.
    const f = await clerk.post(`/api/mediation/cases/${d.id}/followups`, {
      kind: 'judicial_confirmation',
      body: '随州市曾都区人民法院',
      filedOn: '2026-01-10',
    });
    expect(f.status).toBe(200);
    d = f.body;
    expect(d.clocks.find((k: any) => k.ruleId === 'mediation.judicial-confirmation-filing').status).toBe(
      'met',
    );
    const fu = d.followups[0];
    const res = await clerk.post(`/api/mediation/cases/${d.id}/followups/${fu.id}/result`, {
      version: fu.version,
      result: 'granted',
      resultOn: '2026-01-20',
    });
    expect(res.body.followups[0].result).toBe('granted');

    // Not performed before the agreed date: refused by the machine's guard.
    const notYet = await clerk.post(`/api/mediation/cases/${d.id}/performance`, {
      version: res.body.version,
      performed: false,
    });
    expect(notYet.status).toBe(422);
    expect(notYet.body.message).toContain('履行期限尚未届满');
  });

  it('failure routes every claim to arbitration, pre-filled from the matter', async () => {
    const m = await newMatter(clerk, p.zengdu, { claims: CLAIMS.slice(0, 2) });
    const started = await start(clerk, m.id, { consent: { given: true, method: 'online_confirmation' } });
    const d = await detail(started.body.caseId);
    expect(d.allowedActions).toContain('fail');
    const failed = await mediator.post(`/api/mediation/cases/${d.id}/close`, {
      version: d.version,
      outcome: 'fail',
      reason: '用人单位坚持不支付',
    });
    expect(failed.status).toBe(200);
    expect(failed.body.state).toBe('failed');
    expect(failed.body.closed).toBe(true);
    const arb = (await clerk.get(`/api/cases/${failed.body.arbitrationCase.id}`)).body;
    expect(arb.track).toBe('arbitration');
    const cases = (await clerk.get(`/api/matters/${m.id}/cases`)).body.items as any[];
    expect(cases.map((c) => c.track).sort()).toEqual(['arbitration', 'mediation']);
    const settlement = failed.body.clocks.find((k: any) => k.ruleId === 'mediation.settlement');
    expect(settlement.status).toBe('met');
  });

  it('who mediates: above the threshold → a listed organisation, tracked like a transfer', async () => {
    const big = [
      {
        type: 'unpaid_wages',
        amountFen: 9_000_000,
        periodFrom: '2025-01-01',
        periodTo: '2025-12-31',
        facts: '全年工资未发放',
      },
    ];
    const m = await newMatter(clerk, p.zengdu, { claims: big });
    const overview = (await clerk.get(`/api/matters/${m.id}/mediation`)).body;
    expect(overview.whoMediates.center).toBe(false);
    const none = await start(clerk, m.id, { consent: consent(true) });
    expect(none.status).toBe(400);
    expect(none.body.code).toBe('MEDIATION_ORGANIZATION_REQUIRED');
    const orgs = (await clerk.get('/api/mediation/organizations')).body.items as any[];
    const union = orgs.find((o) => o.kind === 'union');
    expect(union.kindLabel).toBe('工会劳动争议调解组织');
    const r = await start(clerk, m.id, { consent: consent(true), organizationId: union.id });
    expect(r.status).toBe(201);
    let d = await detail(r.body.caseId);
    expect(d.handledBy).toBe('organization');
    expect(d.referralState).toBe('pending');
    expect(d.organization.name).toBe(union.name);
    const back = await clerk.post(`/api/mediation/cases/${d.id}/referral`, {
      version: d.version,
      decision: 'returned',
      note: '不属本会受理范围',
    });
    d = back.body;
    expect(d.referralState).toBe('returned');
    expect(d.handledBy).toBe('center');
  });

  it('joint session (人社 + 工会 + 法院) with room, time, participants and the record', async () => {
    const m = await newMatter(clerk, p.zengdu, { claims: CLAIMS.slice(0, 1) });
    const started = await start(clerk, m.id, { consent: consent(true) });
    let d = await detail(started.body.caseId);
    const noConsent = await mediator.post(`/api/mediation/cases/${d.id}/sessions`, {
      version: d.version,
      startsAt: '2026-02-02T09:30:00+08:00',
      room: '一站式中心第二调解室',
      joint: true,
      mediators: [{ name: '张敏', agency: 'hrss' }],
    });
    expect(noConsent.status).toBe(422);
    expect(noConsent.body.message).toContain('须双方同意调解');
    const s = await mediator.post(`/api/mediation/cases/${d.id}/sessions`, {
      version: d.version,
      startsAt: '2026-02-02T09:30:00+08:00',
      room: '一站式中心第二调解室',
      joint: true,
      mediators: [
        { name: '张敏', agency: 'hrss' },
        { name: '周平', agency: 'union' },
        { name: '孙丽', agency: 'court' },
      ],
      participants: ['劳动者本人', '用人单位人事经理'],
      employerConsents: true,
    });
    expect(s.status).toBe(200);
    d = s.body;
    expect(d.state).toBe('session_scheduled');
    expect(d.sessions[0].joint).toBe(true);
    const rec = await mediator.post(`/api/mediation/cases/${d.id}/sessions/${d.sessions[0].id}/record`, {
      version: d.version,
      record: '调解员释明法律规定，双方陈述意见，用人单位同意核对工资表后答复。',
    });
    expect(rec.body.state).toBe('in_session');
    expect(rec.body.sessions[0].record).toContain('释明');
    const w = await clerk.post(`/api/mediation/cases/${d.id}/close`, {
      version: rec.body.version,
      outcome: 'withdraw',
      reason: '劳动者撤回申请',
    });
    expect(w.body.state).toBe('withdrawn');
    expect(w.body.arbitrationCase).toBeNull();
  });
});
