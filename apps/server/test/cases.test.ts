import { beforeAll, describe, expect, it } from 'vitest';
import { newMatter, openCase, type Places, places } from './cases.support';
import { Client, signedIn, useTestServer } from './harness';

describe('track cases: engine, consultation, R-03, recusal', () => {
  const env = useTestServer({ LOG_LEVEL: 'error' });
  let p: Places;
  let clerk: Client;
  const year = new Date().getUTCFullYear();

  beforeAll(async () => {
    p = await places(env);
    clerk = await signedIn(env, 'clerk');
  });

  it('opens a case: 401 → 400 → 403 → 201 with a gap-free number by the track pattern', async () => {
    const m = await newMatter(clerk, p.zengdu);
    const claimIds = [m.claims[0]!.id];
    expect(
      (await new Client(env.url).post(`/api/matters/${m.id}/cases`, { track: 'consultation', claimIds }))
        .status,
    ).toBe(401);
    const bad = await clerk.post(`/api/matters/${m.id}/cases`, { track: 'consultation', claimIds: [] });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('请至少选择一项诉求');
    const court = await signedIn(env, 'court');
    const forbidden = await openCase(court, m.id, 'consultation', claimIds);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.message).toContain('咨询');
    const r = await openCase(clerk, m.id, 'consultation', claimIds);
    expect(r.status).toBe(201);
    expect(r.body.case.number).toBe(`随咨〔${year}〕1号`);
    expect(r.body.case.state).toBe('registered');
    expect(r.body.documents.map((d: any) => d.type)).toEqual(['consultation_record']);
    const next = await openCase(clerk, (await newMatter(clerk, p.zengdu)).id, 'consultation', [
      (await newMatter(clerk, p.zengdu)).claims[0]!.id,
    ]);
    expect(next.status).toBe(400);
    expect(next.body.code).toBe('CLAIM_NOT_IN_MATTER');
    const m2 = await newMatter(clerk, p.zengdu);
    const second = await openCase(clerk, m2.id, 'consultation', [m2.claims[0]!.id]);
    // The refused attempt took no number: no gap.
    expect(second.body.case.number).toBe(`随咨〔${year}〕2号`);
    const m3 = await newMatter(clerk, p.zengdu);
    const court2 = await openCase(clerk, m3.id, 'court', [m3.claims[0]!.id]);
    expect(court2.status).toBe(422);
    expect(court2.body.code).toBe('TRACK_NOT_READY');
  });

  it('runs the consultation track end to end, showing only the allowed actions', async () => {
    const m = await newMatter(clerk, p.zengdu);
    const c = (await openCase(clerk, m.id, 'consultation', [m.claims[0]!.id])).body.case;
    const view = (await clerk.get(`/api/cases/${c.id}`)).body;
    expect(view.availableEvents.map((a: any) => a.event).sort()).toEqual(['answer', 'convert', 'refer']);
    const convert = view.availableEvents.find((a: any) => a.event === 'convert');
    expect(convert.enabled).toBe(false);
    expect(convert.reason).toContain('尚未提出');
    // A court liaison sees the case (same jurisdiction) but may take no action in it.
    const court = await signedIn(env, 'court');
    expect((await court.get(`/api/cases/${c.id}`)).body.availableEvents).toEqual([]);
    const denied = await court.post(`/api/cases/${c.id}/transitions`, {
      event: 'answer',
      version: c.version,
    });
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('WORKFLOW_ROLE_FORBIDDEN');
    // gsclerk (广水市) does not see a 曾都区 case at all.
    const gs = await signedIn(env, 'gsclerk');
    expect((await gs.get(`/api/cases/${c.id}`)).status).toBe(404);

    const answered = await clerk.post(`/api/cases/${c.id}/transitions`, {
      event: 'answer',
      version: c.version,
      reason: '已当场解答工资支付问题',
    });
    expect(answered.status).toBe(200);
    expect(answered.body.case.state).toBe('answered');
    expect(answered.body.case.closed).toBe(true);
    expect(answered.body.case.availableEvents).toEqual([]);
    expect(answered.body.case.events.map((e: any) => e.event)).toEqual(['open', 'answer']);
    expect(answered.body.case.claims[0].open).toBe(false);
    const again = await clerk.post(`/api/cases/${c.id}/transitions`, {
      event: 'answer',
      version: answered.body.case.version,
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('WORKFLOW_ILLEGAL_TRANSITION');
    const matter = (await clerk.get(`/api/matters/${m.id}`)).body;
    const kinds = matter.timeline.map((t: any) => t.kind);
    expect(kinds).toContain('case_opened');
    expect(kinds).toContain('case_transition');
    const audit = await (await signedIn(env, 'admin')).get(`/api/admin/audit?entityId=${c.id}`);
    expect(JSON.stringify(audit.body)).toContain('case.answer');
  });

  it('convert and refer check their guards (422 with the Chinese reason); unknown events are illegal', async () => {
    const m = await newMatter(clerk, p.zengdu);
    const c = (await openCase(clerk, m.id, 'consultation', [m.claims[0]!.id])).body.case;
    const noRequest = await clerk.post(`/api/cases/${c.id}/transitions`, {
      event: 'convert',
      version: c.version,
    });
    expect(noRequest.status).toBe(422);
    expect(noRequest.body.code).toBe('WORKFLOW_GUARD_FAILED');
    expect(noRequest.body.message).toContain('来访者尚未提出申请、投诉、举报或信访');
    const unknown = await clerk.post(`/api/cases/${c.id}/transitions`, { event: 'fly', version: c.version });
    expect(unknown.status).toBe(409);
    expect(unknown.body.code).toBe('WORKFLOW_ILLEGAL_TRANSITION');
    const converted = await clerk.post(`/api/cases/${c.id}/transitions`, {
      event: 'convert',
      version: c.version,
      payload: { submitsRequest: true },
    });
    expect(converted.status).toBe(200);
    expect(converted.body.case.state).toBe('converted_to_matter');

    const m2 = await newMatter(clerk, p.zengdu);
    const c2 = (await openCase(clerk, m2.id, 'consultation', [m2.claims[0]!.id])).body.case;
    const noPlace = await clerk.post(`/api/cases/${c2.id}/transitions`, {
      event: 'refer',
      version: c2.version,
    });
    expect(noPlace.status).toBe(422);
    expect(noPlace.body.message).toContain('须写明告知前往的机构');
    const referred = await clerk.post(`/api/cases/${c2.id}/transitions`, {
      event: 'refer',
      version: c2.version,
      payload: { referTo: '随州市卫生健康委员会（职业病诊断）' },
    });
    expect(referred.status).toBe(200);
    expect(referred.body.case.state).toBe('referred');
    expect(referred.body.documents.map((d: any) => d.title)).toEqual(['告知书（去向告知）']);
    expect(referred.body.case.events[1].payload.referTo).toBe('随州市卫生健康委员会（职业病诊断）');
    const timeline = (await clerk.get(`/api/matters/${m2.id}`)).body.timeline;
    expect(timeline.some((t: any) => t.summary.includes('告知前往：随州市卫生健康委员会'))).toBe(true);
  });

  it('two concurrent transitions on one case: exactly one 200 and one 409 with the fresh state', async () => {
    const m = await newMatter(clerk, p.zengdu);
    const c = (await openCase(clerk, m.id, 'consultation', [m.claims[0]!.id])).body.case;
    const other = await signedIn(env, 'clerk');
    const [a, b] = await Promise.all([
      clerk.post(`/api/cases/${c.id}/transitions`, { event: 'answer', version: c.version }),
      other.post(`/api/cases/${c.id}/transitions`, {
        event: 'refer',
        version: c.version,
        payload: { referTo: '随州市总工会' },
      }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const won = a.status === 200 ? a : b;
    const lost = a.status === 200 ? b : a;
    expect(lost.body.code).toBe('CONFLICT');
    expect(lost.body.details.current.state).toBe(won.body.case.state);
    expect(lost.body.details.current.version).toBe(won.body.case.version);
    const events = (await clerk.get(`/api/cases/${c.id}`)).body.events;
    expect(events).toHaveLength(2);
    // A stale version from a page opened earlier is refused the same way.
    const stale = await clerk.post(`/api/cases/${c.id}/transitions`, { event: 'answer', version: c.version });
    expect(stale.status).toBe(409);
    expect(stale.body.details.current.id).toBe(c.id);
  });

  it('refuses the same claim in two procedures (R-03) and names the claim', async () => {
    const m = await newMatter(clerk, p.zengdu);
    const claim = m.claims[0]!.id;
    // Mediation opens with the worker's consent recorded (调解自愿, 调解仲裁法第三条).
    const started = await clerk.post(`/api/matters/${m.id}/mediation`, {
      consent: { given: true, method: 'window_signature', note: '窗口当面签字' },
    });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const med = { body: { case: (await clerk.get(`/api/cases/${started.body.caseId}`)).body } };
    expect(med.body.case.number).toMatch(new RegExp(`^随劳人调字〔${year}〕第\\d+号$`));
    expect(med.body.case.clocks.map((k: any) => k.ruleId)).toEqual(['mediation.settlement']);
    const arb = await openCase(clerk, m.id, 'arbitration', [claim]);
    expect(arb.status).toBe(409);
    expect(arb.body.code).toBe('CLAIM_ALREADY_IN_PROCEDURE');
    expect(arb.body.message).toContain('支付拖欠工资');
    expect(arb.body.message).toContain(med.body.case.number);
    // Once the mediation ends (the respondent refuses), the claim may go to arbitration.
    const zhang = await signedIn(env, 'zhangmin');
    const refused = await zhang.post(`/api/mediation/cases/${med.body.case.id}/close`, {
      version: med.body.case.version,
      outcome: 'respondent_refuses',
      reason: '被申请人明确拒绝调解',
      toArbitration: false,
    });
    expect(refused.status, JSON.stringify(refused.body)).toBe(200);
    expect((await zhang.get(`/api/cases/${med.body.case.id}`)).body.clocks[0].status).toBe('met');
    const arb2 = await openCase(clerk, m.id, 'arbitration', [claim]);
    expect(arb2.status).toBe(201);
    expect(arb2.body.case.number).toMatch(new RegExp(`^随劳人仲案字〔${year}〕第\\d+号$`));
    // The clerk works at the arbitration institute: the case stays with her organisation.
    expect(arb2.body.case.organization.name).toBe('随州市劳动人事争议仲裁院');
    expect(arb2.body.case.clocks.map((k: any) => k.ruleId).sort()).toEqual([
      'arbitration.acceptance',
      'arbitration.correction',
    ]);
  });

  it('回避: the mediator cannot be the arbitrator; a declared relation bars; expired cards do not qualify', async () => {
    const m = await newMatter(clerk, p.zengdu, {
      claims: [
        { type: 'unpaid_wages', amountFen: 500_000, facts: '拖欠2025年10月工资' },
        { type: 'economic_compensation', amountFen: 900_000, facts: '违法解除劳动合同的经济补偿' },
      ],
    });
    const zhang = await signedIn(env, 'zhangmin');
    const med = (await openCase(clerk, m.id, 'mediation', [m.claims[0]!.id])).body.case;
    const assigned = await zhang.post(`/api/cases/${med.id}/assign`, {
      userId: await userId('zhangmin'),
      version: med.version,
    });
    expect(assigned.status).toBe(200);
    expect(assigned.body.assignee.name).toBe('张敏');
    const arb = (await openCase(clerk, m.id, 'arbitration', [m.claims[1]!.id])).body.case;
    const detail = (await zhang.get(`/api/cases/${arb.id}`)).body;
    expect(detail.barred.map((b: any) => b.name)).toContain('张敏');
    const refused = await zhang.post(`/api/cases/${arb.id}/assign`, {
      userId: await userId('zhangmin'),
      version: arb.version,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('RECUSAL_REQUIRED');
    expect(refused.body.message).toContain('调解案件');
    expect(refused.body.message).toContain('第三十三条');
    const expired = await zhang.post(`/api/cases/${arb.id}/assign`, {
      userId: await userId('liqiang'),
      version: arb.version,
    });
    expect(expired.status).toBe(422);
    expect(expired.body.code).toBe('ASSIGNEE_NOT_QUALIFIED');
    const candidates = (await zhang.get(`/api/cases/${arb.id}/assignees`)).body.items;
    expect(candidates.find((x: any) => x.name === '张敏').barred.kind).toBe('prior_role');

    // A declared relation to the worker bars 周平 from the mediation case of this matter.
    const union = await signedIn(env, 'union');
    const worker = (await clerk.get(`/api/matters/${m.id}`)).body.workers[0];
    expect((await union.post('/api/me/conflicts', { partyId: worker.id })).status).toBe(400);
    const declared = await union.post('/api/me/conflicts', { partyId: worker.id, relation: '表兄弟' });
    expect(declared.status).toBe(201);
    expect((await union.get('/api/me/conflicts')).body.items[0].relation).toBe('表兄弟');
    const fresh = (await zhang.get(`/api/cases/${med.id}`)).body;
    const bar = await zhang.post(`/api/cases/${med.id}/assign`, {
      userId: await userId('union'),
      version: fresh.version,
    });
    expect(bar.status).toBe(409);
    expect(bar.body.message).toContain('表兄弟');
    expect(fresh.barred.find((b: any) => b.name === '周平').kind).toBe('declared_relation');
  });

  async function userId(username: string): Promise<string> {
    const admin = await signedIn(env, 'admin');
    return (await admin.get(`/api/admin/users?q=${username}`)).body.items.find(
      (u: any) => u.username === username,
    ).id;
  }
});
