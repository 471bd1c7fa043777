import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addArbitrator, application, seedCalendars } from './arbitration.support';
import { newMatter, type Places, places } from './cases.support';
import { runJobs } from './documents.support';
import { type Client, signedIn, useTestServer } from './harness';
import { creditCode, residentId } from './intake-fixtures';
import { cn, dayFromNow, plusDays, setToday, slot as daySlot } from './procedure.support';

const env = useTestServer({ LOG_LEVEL: 'error', STORAGE_DIR: `/tmp/onestop-guards-${process.pid}` });
const DEFENCE_BASIS =
  '《劳动争议调解仲裁法》第三十条第二款；《劳动人事争议仲裁办案规则》第五十八条（经被申请人同意可以缩短或者取消答辩期）';
const HEARING_BASIS = '《劳动争议调解仲裁法》第三十五条、第三十九条';

let p: Places;
let clerk: Client;
let liqiang: Client;
let director: Client;
let wang: Client;
let wangId: string;
let rooms: string[];

beforeAll(async () => {
  p = await places(env);
  clerk = await signedIn(env, 'clerk');
  liqiang = await signedIn(env, 'liqiang');
  director = await signedIn(env, 'director');
  await seedCalendars(env);
  wangId = await addArbitrator(env, 'pg_wang', '王守程');
  wang = await signedIn(env, 'pg_wang');
  const cal = (await clerk.get(`/api/arbitration/calendar?from=${dayFromNow(0)}&days=7`)).body;
  rooms = cal.rooms.map((r: any) => r.id);
});

afterEach(() => setToday(env, null));

async function ok(r: { status: number; body: any }, status = 200) {
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  return r.body;
}

let roomTurn = 0;
let hour = 8;
/** Each hearing its own hour: the sole arbitrator of every case here is never double-booked. */
const slot = (iso: string) => {
  hour += 1;
  return daySlot(iso, `${String(hour).padStart(2, '0')}:00`, `${String(hour).padStart(2, '0')}:50`);
};
/** Accepted (with the given 举证期限), served, sole arbitrator: the defence period (T-A7) runs. */
async function servedCase(evidenceDeadline: string) {
  const m = await newMatter(clerk, p.zengdu);
  const caseId = (await application(clerk, { id: m.id, claims: [m.claims[0]!] })).case.caseId as string;
  await ok(await director.post(`/api/arbitration/cases/${caseId}/accept`, { evidenceDeadline }));
  await ok(await liqiang.post(`/api/arbitration/cases/${caseId}/serve-respondent`, {}));
  // A sole arbitrator needs 简易处理 (调解仲裁法第三十一条).
  await ok(
    await liqiang.post(`/api/arbitration/cases/${caseId}/simplified`, {
      apply: true,
      reason: '欠薪事实清楚',
    }),
  );
  const view = await ok(
    await liqiang.post(`/api/arbitration/cases/${caseId}/tribunal`, { arbitratorIds: [wangId] }),
  );
  const defenceDue = view.case.clocks.find((k: any) => k.ruleId === 'arbitration.defence').dueDate as string;
  // Each case its own room, so hearings of different tests never collide.
  const roomId = rooms[roomTurn++ % rooms.length]!;
  return { caseId, defenceDue, roomId };
}

const waive = (caseId: string, kind: 'defence_waiver' | 'evidence_waiver', summary: string) =>
  liqiang.post(`/api/arbitration/cases/${caseId}/records`, { kind, summary });

/** A case whose hearing is set `days` ahead on the respondent's written waiver of the defence period. */
async function scheduledCase(days: number) {
  const c = await servedCase(dayFromNow(2));
  await ok(await waive(c.caseId, 'defence_waiver', '被申请人书面声明放弃答辩期（附声明书）'));
  const hearingDate = dayFromNow(days);
  const h = await ok(
    await liqiang.post(`/api/arbitration/cases/${c.caseId}/hearings`, {
      roomId: c.roomId,
      ...slot(hearingDate),
    }),
  );
  return { ...c, hearingDate, hearing: h };
}

describe('arbitration procedure guards (409 PRECONDITION_UNMET)', () => {
  it('no hearing before the defence period ends; the earliest date is the day after it', async () => {
    const { caseId, defenceDue, roomId } = await servedCase(dayFromNow(3));
    const view = (await clerk.get(`/api/arbitration/cases/${caseId}`)).body;
    expect(view.procedure.earliestHearingDate).toBe(plusDays(defenceDue, 1));
    const early = await liqiang.post(`/api/arbitration/cases/${caseId}/hearings`, {
      roomId,
      ...slot(defenceDue),
    });
    expect([early.status, early.body.code]).toEqual([409, 'PRECONDITION_UNMET']);
    expect(early.body.details).toMatchObject({
      guard: 'arbitration.hearing-after-defence-period',
      message: `被申请人答辩期至${cn(defenceDue)}届满，开庭日期不得早于${cn(plusDays(defenceDue, 1))}；被申请人书面放弃答辩期的除外`,
      earliestDate: plusDays(defenceDue, 1),
      basis: DEFENCE_BASIS,
    });
    expect((await clerk.get(`/api/arbitration/cases/${caseId}`)).body.state).toBe('answer_period');
    const h = await liqiang.post(`/api/arbitration/cases/${caseId}/hearings`, {
      roomId,
      ...slot(plusDays(defenceDue, 1)),
    });
    expect(h.status, JSON.stringify(h.body)).toBe(200);
    expect(h.body.case.state).toBe('hearing_scheduled');
  });

  it('no hearing before the evidence period ends unless the parties waived it in writing', async () => {
    const evidenceDue = dayFromNow(40);
    const { caseId, defenceDue, roomId } = await servedCase(evidenceDue);
    const date = plusDays(defenceDue, 1);
    const early = await liqiang.post(`/api/arbitration/cases/${caseId}/hearings`, { roomId, ...slot(date) });
    expect([early.status, early.body.code]).toEqual([409, 'PRECONDITION_UNMET']);
    expect(early.body.details).toMatchObject({
      guard: 'arbitration.hearing-after-evidence-period',
      earliestDate: plusDays(evidenceDue, 1),
      basis: '《劳动人事争议仲裁办案规则》第十五条（举证期限）',
    });
    await ok(await waive(caseId, 'evidence_waiver', '双方当事人当庭书面表示放弃剩余举证期限'));
    await ok(await liqiang.post(`/api/arbitration/cases/${caseId}/hearings`, { roomId, ...slot(date) }));
  });

  it('a written waiver of the defence period lets the hearing come earlier (notice still 5 days)', async () => {
    const { caseId, roomId } = await servedCase(dayFromNow(3));
    const before = await liqiang.post(`/api/arbitration/cases/${caseId}/hearings`, {
      roomId,
      ...slot(dayFromNow(6)),
    });
    expect(before.body.details?.guard).toBe('arbitration.hearing-after-defence-period');
    await ok(await waive(caseId, 'defence_waiver', '被申请人书面声明放弃答辩期'));
    const view = (await clerk.get(`/api/arbitration/cases/${caseId}`)).body;
    expect(view.records.find((r: any) => r.kind === 'defence_waiver').summary).toBe(
      '被申请人书面声明放弃答辩期',
    );
    await ok(
      await liqiang.post(`/api/arbitration/cases/${caseId}/hearings`, { roomId, ...slot(dayFromNow(6)) }),
    );
  });

  it('no hearing record, hearing or award before the hearing date; the page says so first', async () => {
    const { caseId, hearingDate } = await scheduledCase(6);
    const view = (await wang.get(`/api/arbitration/cases/${caseId}`)).body;
    const award = view.procedure.upcoming.find((s: any) => s.event === 'award');
    expect(award).toMatchObject({ label: '作出裁决', allowed: false });
    expect(award.unmet[0]).toEqual({
      guard: 'arbitration.hearing-date-reached',
      message: `开庭日期为${cn(hearingDate)}，开庭日之前不得办理；最早可于${cn(hearingDate)}办理`,
      earliestDate: hearingDate,
      basis: HEARING_BASIS,
    });
    expect(view.availableEvents.find((e: any) => e.event === 'hold_hearing')).toMatchObject({
      allowed: false,
    });

    const hold = { step: 'hold_hearing', summary: '双方到庭' };
    const early = await wang.post(`/api/arbitration/cases/${caseId}/steps`, hold);
    expect([early.status, early.body.code, early.body.details.earliestDate]).toEqual([
      409,
      'PRECONDITION_UNMET',
      hearingDate,
    ]);
    const record = await wang.post(`/api/arbitration/cases/${caseId}/records`, {
      kind: 'hearing_record',
      summary: '进行了审理',
    });
    expect([record.status, record.body.code]).toEqual([409, 'PRECONDITION_UNMET']);
    // The generic transition route cannot hold a hearing at all: it is a legal act, done only through
    // its own form (and there the guard applies).
    const generic = await wang.post(`/api/cases/${caseId}/transitions`, {
      event: 'hold_hearing',
      version: view.version,
    });
    expect([generic.status, generic.body.code]).toEqual([409, 'CASE_EVENT_IS_ACT']);

    setToday(env, hearingDate);
    await ok(await wang.post(`/api/arbitration/cases/${caseId}/steps`, hold));
    await ok(
      await wang.post(`/api/arbitration/cases/${caseId}/records`, {
        kind: 'mediation_attempt',
        summary: '调解不成',
      }),
    );
    const awarded = await ok(
      await wang.post(`/api/arbitration/cases/${caseId}/award`, {
        facts: '申请人在被申请人处工作，工资未发放。',
        reasons: '用人单位应当按时足额支付劳动报酬。',
        mediationAttempted: true,
        items: [{ text: '支付拖欠工资', claimType: 'unpaid_wages', amountFen: 500_000 }],
      }),
    );
    expect(awarded.case.state).toBe('awarded');
  });

  it('按撤回 only on or after the hearing date and with proven service of the notice', async () => {
    const { caseId, hearingDate, hearing } = await scheduledCase(7);
    const noShow = { step: 'applicant_no_show', summary: '申请人无正当理由拒不到庭' };
    const early = await wang.post(`/api/arbitration/cases/${caseId}/steps`, noShow);
    expect(early.body.details).toMatchObject({
      guard: 'arbitration.hearing-date-reached',
      earliestDate: hearingDate,
    });
    setToday(env, hearingDate);
    const unproven = await wang.post(`/api/arbitration/cases/${caseId}/steps`, noShow);
    expect([unproven.status, unproven.body.code]).toEqual([409, 'PRECONDITION_UNMET']);
    expect(unproven.body.details).toMatchObject({
      guard: 'arbitration.hearing-notice-served',
      earliestDate: null,
    });
    const view = (await clerk.get(`/api/arbitration/cases/${caseId}`)).body;
    const applicant = view.parties.find((x: any) => x.role === 'worker').name as string;
    const notice = hearing.documents.find((x: any) => x.type === 'hearing_notice');
    await runJobs(env);
    const svc = await ok(
      await liqiang.post(`/api/documents/${notice.id}/service`, {
        recipient: applicant,
        recipientRole: '申请人',
        method: 'in_person',
        place: '随州市劳动人事争议仲裁院立案窗口',
      }),
      201,
    );
    const s0 = svc.services[0];
    await ok(
      await liqiang.post(`/api/documents/${notice.id}/service/${s0.id}/result`, {
        outcome: 'served',
        servedAt: new Date().toISOString(),
        signer: applicant,
        rowVersion: s0.rowVersion,
      }),
    );
    const done = await ok(await wang.post(`/api/arbitration/cases/${caseId}/steps`, noShow));
    expect(done.case.state).toBe('deemed_withdrawn');
  }, 180_000);
});

describe('inspection procedure guards (409 PRECONDITION_UNMET)', () => {
  let chen: Client;
  let inspectors: string[];
  let n = 0;
  beforeAll(async () => {
    chen = await signedIn(env, 'inspector');
    const zhang = await signedIn(env, 'zhangmin');
    const me = async (c: Client) => (await c.get('/api/auth/me')).body.user?.id;
    inspectors = [await me(chen), await me(zhang)];
  });

  async function proposedCase(fineFen: number, workerCount = 3) {
    n += 1;
    const r = await ok(
      await clerk.post('/api/inspection/cases', {
        source: 'complaint',
        channel: 'window',
        jurisdictionId: p.zengdu,
        complainant: { name: `守程${n}`, idType: 'resident_id', idNumber: residentId('19910101', 600 + n) },
        employer: { name: `随州市守程测试${n}有限公司`, creditCode: creditCode(`MA4J000${n}`) },
        violations: [{ type: 'working_hours', facts: '每天工作12小时' }],
        violationEndedOn: '2026-01-10',
      }),
      201,
    );
    const id = r.caseId as string;
    await ok(
      // The 负责人 accepts: taking the step is the 立案审批 (立案审批表 issued by his own action).
      await director.post(`/api/inspection/cases/${id}/acceptance`, { decision: 'accepted' }),
    );
    await ok(await director.post(`/api/inspection/cases/${id}/inspectors`, { userIds: inspectors }));
    await ok(await chen.post(`/api/inspection/cases/${id}/investigation/start`, {}));
    const proposed = await ok(
      await chen.post(`/api/inspection/cases/${id}/penalty`, {
        ruleCode: 'illegal_overtime',
        workerCount,
        fineFen,
        facts: '安排三名劳动者每日工作12小时',
      }),
    );
    return {
      id,
      deadline: proposed.result.hearingDeadline as string,
      base: `/api/inspection/cases/${id}/penalty`,
    };
  }

  it('no penalty decision while the 5-working-day hearing-request window is open', async () => {
    const { id, deadline, base } = await proposedCase(90_000);
    const view = (await director.get(`/api/inspection/cases/${id}`)).body;
    const decide = view.events.find((e: any) => e.event === 'decide_penalty');
    expect(decide).toMatchObject({ allowed: false });
    expect(decide.unmet[0]).toEqual({
      guard: 'inspection.hearing-window-closed',
      message: `当事人要求听证的期限至${cn(deadline)}届满，期限内不得作出行政处罚决定；最早可于${cn(plusDays(deadline, 1))}作出`,
      earliestDate: plusDays(deadline, 1),
      basis: '《中华人民共和国行政处罚法》第六十三条、第六十四条第（一）项',
    });
    const early = await director.post(`${base}/decision`, {});
    expect([early.status, early.body.code, early.body.details.earliestDate]).toEqual([
      409,
      'PRECONDITION_UNMET',
      plusDays(deadline, 1),
    ]);
    // The old body flags are gone: claiming a hearing is a 400, not a way around the guard.
    expect(
      (await director.post(`${base}/decision`, { hearingRequested: true, hearingHeld: true })).status,
    ).toBe(400);
    setToday(env, plusDays(deadline, 1));
    const decided = await ok(await director.post(`${base}/decision`, {}));
    expect(decided.case.state).toBe('penalized');
  });

  it('after a hearing request, no decision without a recorded hearing', async () => {
    const { deadline, base } = await proposedCase(90_000);
    await ok(await chen.post(`${base}/hearing-request`, {}));
    setToday(env, plusDays(deadline, 1));
    const refused = await director.post(`${base}/decision`, {});
    expect([refused.status, refused.body.code]).toEqual([409, 'PRECONDITION_UNMET']);
    expect(refused.body.details).toMatchObject({
      guard: 'inspection.requested-hearing-held',
      message: '当事人已要求听证，须安排并举行听证、记录听证笔录后方可作出决定',
      earliestDate: null,
      basis: '《中华人民共和国行政处罚法》第六十四条、第六十五条',
    });
  });

  it('a 法制审核 before a decision at or above the threshold', async () => {
    const { deadline, base } = await proposedCase(1_500_000, 40);
    setToday(env, plusDays(deadline, 1));
    const refused = await director.post(`${base}/decision`, {});
    expect(refused.body.details).toMatchObject({
      guard: 'inspection.legal-review',
      message: '罚款数额达到法制审核标准（10,000.00元），作出决定前须经法制审核',
      earliestDate: null,
      basis: expect.stringContaining('《中华人民共和国行政处罚法》第五十八条'),
    });
    await ok(
      await chen.post(`${base}/legal-review`, {
        reviewer: '王法制',
        opinion: '事实清楚，证据确凿，适用依据正确，程序合法',
        reviewedOn: plusDays(deadline, 1),
        conclusion: 'approved',
      }),
    );
    const decided = await ok(await director.post(`${base}/decision`, {}));
    expect(decided.case.state).toBe('penalized');
  });
});
