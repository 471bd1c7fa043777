// Over 400 lines: a tribunal-to-award journey in six tests, each building its own case (factories).
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runJobs } from './documents.support';
import { addArbitrator, application, approved, seedCalendars } from './arbitration.support';
import { newMatter, openCase, type Places, places } from './cases.support';
import { type Client, signedIn, useTestServer } from './harness';
import { setToday } from './procedure.support';

const day = (offset: number) =>
  new Date(Date.now() + 8 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
const at = (offset: number, hm: string) => `${day(offset)}T${hm}:00+08:00`;

describe('arbitration: tribunal, hearings, conduct, award', () => {
  const env = useTestServer({ LOG_LEVEL: 'error', STORAGE_DIR: `/tmp/onestop-arbh-${process.pid}` });
  let p: Places;
  let clerk: Client;
  let zhangmin: Client;
  let liqiang: Client;
  let director: Client;
  const arb: Record<string, { id: string; client: Client }> = {};
  let ids: Record<string, string>;

  async function acceptedCase(claims?: unknown[]) {
    const m = await newMatter(clerk, p.zengdu, claims ? { claims } : {});
    const body = await application(clerk, { id: m.id, claims: [m.claims[0]!] });
    const caseId = body.case.caseId;
    const acc = await director.post(`/api/arbitration/cases/${caseId}/accept`, {});
    expect(acc.status, JSON.stringify(acc.body)).toBe(200);
    const served = await liqiang.post(`/api/arbitration/cases/${caseId}/serve-respondent`, {});
    expect(served.status, JSON.stringify(served.body)).toBe(200);
    await waivePeriods(caseId);
    return { m, caseId };
  }

  /** Written waivers of the defence and evidence periods: a hearing may then come within days. */
  async function waivePeriods(caseId: string) {
    for (const [kind, summary] of [
      ['defence_waiver', '被申请人书面声明放弃答辩期'],
      ['evidence_waiver', '双方当事人书面声明放弃举证期限'],
    ]) {
      const r = await liqiang.post(`/api/arbitration/cases/${caseId}/records`, { kind, summary });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
  }

  /** The two claims of a wage matter; the first goes to arbitration. */
  const WAGE_CLAIMS = [
    {
      type: 'unpaid_wages',
      amountFen: 1_250_000,
      periodFrom: '2025-09-01',
      periodTo: '2025-12-31',
      facts: '拖欠四个月工资',
    },
    {
      type: 'overtime_pay',
      amountFen: 300_000,
      periodFrom: '2025-09-01',
      periodTo: '2025-12-31',
      facts: '加班费未付',
    },
  ];

  /** The hearing rooms of the commission's calendar (at least two: the tests book both). */
  async function hearingRooms(): Promise<string[]> {
    const cal = (await clerk.get(`/api/arbitration/calendar?from=${day(0)}&days=14`)).body;
    const roomIds = cal.rooms.map((r: any) => r.id as string);
    expect(roomIds.length).toBeGreaterThanOrEqual(2);
    return roomIds;
  }

  /**
   * An accepted wage case (first claim), served, both periods waived, 简易处理 with 王仲裁 as sole
   * arbitrator and 李强 as clerk: ready for a hearing.
   */
  async function caseWithTribunal(): Promise<string> {
    const m = await newMatter(clerk, p.zengdu, { claims: WAGE_CLAIMS });
    const body = await application(clerk, { id: m.id, claims: [m.claims[0]!] });
    const caseId = body.case.caseId as string;
    expect((await director.post(`/api/arbitration/cases/${caseId}/accept`, {})).status).toBe(200);
    expect((await liqiang.post(`/api/arbitration/cases/${caseId}/serve-respondent`, {})).status).toBe(200);
    await waivePeriods(caseId);
    const simple = await liqiang.post(`/api/arbitration/cases/${caseId}/simplified`, {
      apply: true,
      reason: '欠薪事实清楚',
    });
    expect(simple.status, JSON.stringify(simple.body)).toBe(200);
    const t = await liqiang.post(`/api/arbitration/cases/${caseId}/tribunal`, {
      arbitratorIds: [ids.arb_wang],
      clerkId: ids.liqiang,
    });
    expect(t.status, JSON.stringify(t.body)).toBe(200);
    return caseId;
  }

  /** A hearing of `caseId` in `roomId` on day `offset` (from, to: 'HH:MM'); its notices issued. */
  async function scheduled(caseId: string, roomId: string, offset: number, from: string, to: string) {
    const h = await liqiang.post(`/api/arbitration/cases/${caseId}/hearings`, {
      roomId,
      startsAt: at(offset, from),
      endsAt: at(offset, to),
    });
    expect(h.status, JSON.stringify(h.body)).toBe(200);
    return h.body;
  }

  afterEach(() => setToday(env, null));

  beforeAll(async () => {
    p = await places(env);
    clerk = await signedIn(env, 'clerk');
    zhangmin = await signedIn(env, 'zhangmin');
    liqiang = await signedIn(env, 'liqiang');
    director = await signedIn(env, 'director');
    await seedCalendars(env);
    arb.arb_wang = {
      id: await addArbitrator(env, 'arb_wang', '王仲裁'),
      client: await signedIn(env, 'arb_wang'),
    };
    arb.arb_zhao = {
      id: await addArbitrator(env, 'arb_zhao', '赵仲裁'),
      client: await signedIn(env, 'arb_zhao'),
    };
    arb.arb_qian = {
      id: await addArbitrator(env, 'arb_qian', '钱仲裁'),
      client: await signedIn(env, 'arb_qian'),
    };
    const db = env.server.app.ctx.database.db;
    ids = Object.fromEntries(
      (await db.selectFrom('app_user').select(['id', 'username']).execute()).map((u) => [u.username, u.id]),
    );
  });

  it('composes the tribunal: expired certificate and the matter mediator are refused', async () => {
    const m = await newMatter(clerk, p.zengdu, { claims: WAGE_CLAIMS });
    // Claim 2 goes to mediation with 张敏 as mediator.
    const med = await openCase(clerk, m.id, 'mediation', [m.claims[1]!.id]);
    expect(med.status, JSON.stringify(med.body)).toBe(201);
    const asg = await zhangmin.post(`/api/cases/${med.body.case.id}/assign`, {
      userId: ids.zhangmin,
      version: med.body.case.version,
    });
    expect(asg.status, JSON.stringify(asg.body)).toBe(200);
    const body = await application(clerk, { id: m.id, claims: [m.claims[0]!] });
    const case1 = body.case.caseId;
    expect((await director.post(`/api/arbitration/cases/${case1}/accept`, {})).status).toBe(200);
    expect((await liqiang.post(`/api/arbitration/cases/${case1}/serve-respondent`, {})).status).toBe(200);
    await waivePeriods(case1);

    const list = (await liqiang.get(`/api/arbitration/cases/${case1}/arbitrators`)).body.items;
    expect(list.find((x: any) => x.userId === ids.liqiang).certificateInvalid).toBe(true);
    expect(list.find((x: any) => x.userId === ids.zhangmin).barred).toContain('调解');

    const simple = await liqiang.post(`/api/arbitration/cases/${case1}/simplified`, {
      apply: true,
      reason: '欠薪事实清楚',
    });
    expect(simple.status, JSON.stringify(simple.body)).toBe(200);
    const expired = await liqiang.post(`/api/arbitration/cases/${case1}/tribunal`, {
      arbitratorIds: [ids.liqiang],
    });
    expect([expired.status, expired.body.code]).toEqual([422, 'ARBITRATOR_NOT_QUALIFIED']);
    expect(expired.body.message).toContain('有效期');
    const mediator = await liqiang.post(`/api/arbitration/cases/${case1}/tribunal`, {
      arbitratorIds: [ids.zhangmin],
    });
    expect([mediator.status, mediator.body.code]).toEqual([409, 'RECUSAL_REQUIRED']);
    const two = await liqiang.post(`/api/arbitration/cases/${case1}/tribunal`, {
      arbitratorIds: [ids.arb_wang, ids.arb_zhao],
    });
    expect([two.status, two.body.code]).toEqual([422, 'TRIBUNAL_SIZE']);
    const ok = await liqiang.post(`/api/arbitration/cases/${case1}/tribunal`, {
      arbitratorIds: [ids.arb_wang],
      clerkId: ids.liqiang,
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.case.tribunal.map((t: any) => t.role).sort()).toEqual(['clerk', 'sole']);
  });

  it('schedules hearings: notice < 5 days refused; room or arbitrator double booking refused', async () => {
    const case1 = await caseWithTribunal();
    const roomIds = await hearingRooms();
    const short = await liqiang.post(`/api/arbitration/cases/${case1}/hearings`, {
      roomId: roomIds[0],
      startsAt: at(3, '09:00'),
      endsAt: at(3, '11:00'),
    });
    expect([short.status, short.body.code]).toEqual([409, 'PRECONDITION_UNMET']);
    expect(short.body.details).toMatchObject({
      guard: 'arbitration.hearing-notice-period',
      earliestDate: day(5),
      basis: '《劳动争议调解仲裁法》第三十五条；《劳动人事争议仲裁办案规则》第三十八条',
    });
    const h1 = await liqiang.post(`/api/arbitration/cases/${case1}/hearings`, {
      roomId: roomIds[0],
      startsAt: at(8, '09:00'),
      endsAt: at(8, '11:00'),
    });
    expect(h1.status, JSON.stringify(h1.body)).toBe(200);
    expect(h1.body.case.state).toBe('hearing_scheduled');
    expect(h1.body.documents.map((d: any) => d.type)).toEqual(['hearing_notice', 'hearing_notice']);

    const { caseId: case2 } = await acceptedCase();
    await liqiang.post(`/api/arbitration/cases/${case2}/simplified`, { apply: true, reason: '标的额较小' });
    await liqiang.post(`/api/arbitration/cases/${case2}/tribunal`, { arbitratorIds: [ids.arb_wang] });
    const room = await liqiang.post(`/api/arbitration/cases/${case2}/hearings`, {
      roomId: roomIds[0],
      startsAt: at(8, '10:00'),
      endsAt: at(8, '12:00'),
    });
    expect([room.status, room.body.code]).toEqual([409, 'HEARING_CONFLICT']);
    expect(room.body.message).toContain('第一仲裁庭');
    const person = await liqiang.post(`/api/arbitration/cases/${case2}/hearings`, {
      roomId: roomIds[1],
      startsAt: at(8, '10:00'),
      endsAt: at(8, '12:00'),
    });
    expect([person.status, person.body.code]).toEqual([409, 'HEARING_CONFLICT']);
    expect(person.body.message).toContain('王仲裁');
    await liqiang.post(`/api/arbitration/cases/${case2}/tribunal`, { arbitratorIds: [ids.arb_zhao] });
    const free = await liqiang.post(`/api/arbitration/cases/${case2}/hearings`, {
      roomId: roomIds[1],
      startsAt: at(8, '10:00'),
      endsAt: at(8, '12:00'),
    });
    expect(free.status, JSON.stringify(free.body)).toBe(200);
  });

  it("a postponement requested later than 3 days before the hearing is the commission's decision", async () => {
    const case1 = await caseWithTribunal();
    const [room] = await hearingRooms();
    // Day 8 in the afternoon: the morning is another test's (each test books its own slot).
    await scheduled(case1, room!, 8, '14:00', '16:00');
    const view = (await clerk.get(`/api/arbitration/cases/${case1}`)).body;
    const hearing = view.hearings.find((h: any) => h.state === 'scheduled');
    // 调解仲裁法第三十五条: a late request is not forbidden; whether to postpone is decided here.
    const late = await arb.arb_wang!.client.post(`/api/arbitration/hearings/${hearing.id}/postpone`, {
      reason: '代理人另有庭审',
      requestedOn: day(6),
      startsAt: at(10, '09:00'),
      endsAt: at(10, '11:00'),
    });
    expect(late.status, JSON.stringify(late.body)).toBe(200);
    expect(late.body.case.hearings.map((h: any) => h.state).sort()).toEqual(['postponed', 'scheduled']);
  });

  it('suspends and resumes the award clock with the ground; extension needs an approver, once', async () => {
    const { caseId } = await acceptedCase();
    const byArbitrator = await zhangmin.post(`/api/arbitration/cases/${caseId}/suspend`, {
      ground: 'awaiting_injury_or_appraisal',
    });
    expect(byArbitrator.status).toBe(403);
    const s = await director.post(`/api/arbitration/cases/${caseId}/suspend`, {
      ground: 'awaiting_injury_or_appraisal',
      detail: '等待工伤认定结论',
    });
    expect(s.status, JSON.stringify(s.body)).toBe(200);
    expect(s.body.case.clocks.find((k: any) => k.ruleId === 'arbitration.award').status).toBe('suspended');
    expect(s.body.case.records.at(-1).summary).toContain('工伤认定');
    const r = await director.post(`/api/arbitration/cases/${caseId}/resume`, {
      reason: '工伤认定结论已作出',
    });
    expect(r.status).toBe(200);
    const award = r.body.case.clocks.find((k: any) => k.ruleId === 'arbitration.award');
    expect(award.status).toBe('running');
    const before = award.dueDate;
    const tooLong = await director.post(`/api/arbitration/cases/${caseId}/extend`, {
      approver: '仲裁委主任',
      reason: '案情复杂',
      days: 20,
    });
    expect(tooLong.status).toBe(400);
    const e = await director.post(`/api/arbitration/cases/${caseId}/extend`, {
      approver: '仲裁委主任 吴建国',
      reason: '案情复杂，需鉴定',
      days: 15,
    });
    expect(e.status, JSON.stringify(e.body)).toBe(200);
    const extended = e.body.case.clocks.find((k: any) => k.ruleId === 'arbitration.award');
    expect(extended.extensionApprover).toBe('仲裁委主任 吴建国');
    expect(extended.dueDate > before).toBe(true);
    const again = await director.post(`/api/arbitration/cases/${caseId}/extend`, {
      approver: '仲裁委主任',
      reason: '再次延长',
      days: 5,
    });
    expect(again.status).toBe(422);
  });

  it('awards per item final / non-final in separate documents, then closes with a satisfaction request', async () => {
    const det = await clerk.post('/api/arbitration/determine', {
      items: [
        { text: '支付拖欠工资', claimType: 'unpaid_wages', amountFen: 1_250_000 },
        { text: '支付经济补偿', claimType: 'economic_compensation', amountFen: 3_000_000 },
        { text: '安排补休', claimType: 'leave' },
      ],
    });
    expect(det.status).toBe(200);
    expect(det.body.items.map((i: any) => i.finality)).toEqual(['final', 'non_final', 'final']);

    const wang = arb.arb_wang!.client;
    const case1 = await caseWithTribunal();
    const [room] = await hearingRooms();
    await scheduled(case1, room!, 11, '09:00', '11:00');
    // The hearing day comes: only then is the hearing held and the award made.
    setToday(env, day(11));
    const held = await wang.post(`/api/arbitration/cases/${case1}/steps`, {
      step: 'hold_hearing',
      summary: '双方到庭，进行了举证质证和辩论',
    });
    expect(held.status, JSON.stringify(held.body)).toBe(200);
    const noMediation = await wang.post(`/api/arbitration/cases/${case1}/award`, {
      facts: '申请人在被申请人处工作',
      reasons: '被申请人应支付工资',
      mediationAttempted: false,
      items: [{ text: '支付拖欠工资', claimType: 'unpaid_wages', amountFen: 1_250_000 }],
    });
    expect(noMediation.status).toBe(422);
    await wang.post(`/api/arbitration/cases/${case1}/records`, {
      kind: 'mediation_attempt',
      summary: '庭审中组织调解，被申请人不同意',
    });
    const award = await wang.post(`/api/arbitration/cases/${case1}/award`, {
      facts: '申请人于2025年9月至12月在被申请人处工作，工资未发放。',
      reasons: '用人单位应当按时足额支付劳动报酬。',
      mediationAttempted: false,
      items: [
        {
          text: '被申请人支付申请人2025年9月至12月工资12500元',
          claimType: 'unpaid_wages',
          amountFen: 1_250_000,
        },
        {
          text: '被申请人支付申请人经济补偿30000元',
          claimType: 'economic_compensation',
          amountFen: 3_000_000,
        },
      ],
    });
    expect(award.status, JSON.stringify(award.body)).toBe(200);
    expect(award.body.case.state).toBe('awarded');
    expect(award.body.documents.map((d: any) => d.type)).toEqual(['award', 'award']);
    expect(award.body.items.map((i: any) => i.finality)).toEqual(['final', 'non_final']);
    const served = await liqiang.post(`/api/arbitration/cases/${case1}/serve-award`, {});
    expect(served.status, JSON.stringify(served.body)).toBe(200);
    const rules = served.body.case.clocks.map((k: any) => k.ruleId);
    expect(rules).toEqual(
      expect.arrayContaining([
        'arbitration.non-final-award.suit',
        'arbitration.final-award.employer-set-aside',
      ]),
    );
    await approved(liqiang, director, case1, 'closing', { outcome: '裁决结案', amountFen: 4_250_000 });
    const closed = await liqiang.post(`/api/arbitration/cases/${case1}/close`, {
      outcome: '裁决结案',
      amountFen: 4_250_000,
    });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body.case.closed).toBe(true);
    expect(closed.body.satisfactionRequests).toHaveLength(1);
    const db = env.server.app.ctx.database.db;
    const sr = await db.selectFrom('satisfaction_request').selectAll().where('case_id', '=', case1).execute();
    expect(sr[0]?.message).toContain('满意度');
    // …and the invitation is queued as an SMS to the worker.
    const sms = await db
      .selectFrom('party_notice')
      .select(['channel', 'state', 'body', 'party_id'])
      .where('subject_id', '=', case1)
      .where('template', '=', 'arbitration.satisfaction')
      .execute();
    expect(sms).toHaveLength(1);
    expect(sms[0]).toMatchObject({ channel: 'sms', state: 'pending', party_id: sr[0]!.party_id });
    expect(sms[0]!.body).toContain(sr[0]!.token);
  });
  it('treats a no-show applicant as withdrawn only when the written hearing notice is proven served', async () => {
    const { caseId } = await acceptedCase();
    const roomIds = await hearingRooms();
    // 简易处理 with a sole arbitrator: notices may go by SMS, but an SMS is no proof of service.
    await liqiang.post(`/api/arbitration/cases/${caseId}/simplified`, { apply: true, reason: '标的额较小' });
    const t = await liqiang.post(`/api/arbitration/cases/${caseId}/tribunal`, {
      arbitratorIds: [ids.arb_qian],
    });
    expect(t.status, JSON.stringify(t.body)).toBe(200);
    const h = await liqiang.post(`/api/arbitration/cases/${caseId}/hearings`, {
      roomId: roomIds[1],
      startsAt: at(12, '14:00'),
      endsAt: at(12, '16:00'),
    });
    expect(h.status, JSON.stringify(h.body)).toBe(200);
    const qian = arb.arb_qian!.client;
    const noShow = {
      step: 'applicant_no_show',
      summary: '申请人无正当理由拒不到庭',
      hearingNoticeServed: true,
    };
    // Not before the hearing date, and then only with proof of service.
    const early = await qian.post(`/api/arbitration/cases/${caseId}/steps`, noShow);
    expect([early.status, early.body.details?.guard]).toEqual([409, 'arbitration.hearing-date-reached']);
    setToday(env, day(12));
    // Staff saying "served" is not proof: nothing recorded on the notice yet.
    const refused = await qian.post(`/api/arbitration/cases/${caseId}/steps`, noShow);
    expect([refused.status, refused.body.code]).toEqual([409, 'PRECONDITION_UNMET']);
    expect(refused.body.details.guard).toBe('arbitration.hearing-notice-served');
    const view = (await clerk.get(`/api/arbitration/cases/${caseId}`)).body;
    expect(view.state).toBe('hearing_scheduled');
    const applicant = view.parties.find((x: any) => x.role === 'worker').name as string;
    const notice = h.body.documents.find((x: any) => x.type === 'hearing_notice');
    await runJobs(env); // the notice is rendered before it can be served
    const svc = await liqiang.post(`/api/documents/${notice.id}/service`, {
      recipient: applicant,
      recipientRole: '申请人',
      method: 'in_person',
      place: '随州市劳动人事争议仲裁院立案窗口',
    });
    expect(svc.status, JSON.stringify(svc.body)).toBe(201);
    const s0 = svc.body.services[0];
    const signed = await liqiang.post(`/api/documents/${notice.id}/service/${s0.id}/result`, {
      outcome: 'served',
      servedAt: new Date().toISOString(),
      signer: applicant,
      rowVersion: s0.rowVersion,
    });
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    const ok = await qian.post(`/api/arbitration/cases/${caseId}/steps`, noShow);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.case.state).toBe('deemed_withdrawn');
    // The 按撤回仲裁申请处理决定书 states the proof of service it rests on.
    expect(ok.body.documents.map((x: any) => x.type)).toEqual(['deemed_withdrawal_decision']);
    expect(ok.body.documents[0].number).toMatch(/^随劳人仲按撤字〔\d{4}〕第\d+号$/);
    const decision = (await clerk.get(`/api/documents/${ok.body.documents[0].id}`)).body;
    expect(decision.fields.serviceProof).toContain(`直接送达，${applicant}签收`);
    expect(ok.body.case.hearings.every((x: any) => x.state !== 'scheduled')).toBe(true);
    // runJobs renders every document of the file's cases (each tribunal now also issues its 仲裁庭组成通知书).
  }, 180_000);
});
