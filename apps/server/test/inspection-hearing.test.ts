import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { places } from './cases.support';
import { Client, signedInUsers, useTestServer } from './harness';
import { creditCode, residentId } from './intake-fixtures';
import { plusDays, setToday } from './procedure.support';

const env = useTestServer();
const as = signedInUsers(env);
afterEach(() => setToday(env, null));

async function mustOk(r: { status: number; body: any }, status = 200) {
  if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body;
}

/** 行政处罚法 Art. 64 (hearing) and Art. 58 (legal review) before a penalty decision. */
describe('inspection penalty: hearing and legal review', () => {
  let chen: Client;
  let director: Client;
  let clerk: Client;
  let jurisdiction: string;
  let inspectors: string[];

  async function proposedCase(n: number, fineFen: number) {
    const r = await mustOk(
      await clerk.post('/api/inspection/cases', {
        source: 'complaint',
        channel: 'window',
        jurisdictionId: jurisdiction,
        complainant: {
          name: `听证${n}`,
          idType: 'resident_id',
          idNumber: residentId('19900101', 400 + n),
        },
        employer: { name: `随州市听证测试${n}有限公司`, creditCode: creditCode(`MA4H000${n}`) },
        violations: [{ type: 'working_hours', facts: '每天工作12小时' }],
        violationEndedOn: '2026-01-10',
      }),
      201,
    );
    const id = r.caseId as string;
    await mustOk(
      // The 负责人 accepts: taking the step is the 立案审批 (立案审批表 issued by his own action).
      await director.post(`/api/inspection/cases/${id}/acceptance`, { decision: 'accepted' }),
    );
    await mustOk(await director.post(`/api/inspection/cases/${id}/inspectors`, { userIds: inspectors }));
    await mustOk(await chen.post(`/api/inspection/cases/${id}/investigation/start`, {}));
    const proposed = await mustOk(
      await chen.post(`/api/inspection/cases/${id}/penalty`, {
        ruleCode: 'illegal_overtime',
        workerCount: 3,
        fineFen,
        facts: '安排三名劳动者每日工作12小时',
      }),
    );
    return { id, proposed };
  }

  // Every test signs its users in itself: any single test runs alone (`-t`).
  beforeEach(async () => {
    const p = await places(env);
    jurisdiction = p.zengdu;
    clerk = await as('clerk');
    chen = await as('inspector');
    director = await as('director');
    const zhang = await as('zhangmin');
    const me = async (c: Client) => (await c.get('/api/auth/me')).body.user.id as string;
    inspectors = [await me(chen), await me(zhang)];
  });

  it('records the hearing request, schedules ≥7 working days later with a 听证通知书, refuses the decision until held', async () => {
    const { id, proposed } = await proposedCase(1, 90_000);
    const base = `/api/inspection/cases/${id}/penalty`;
    // The case page shows each step: the 5-working-day request window and the earliest hearing date.
    expect(proposed.case.penalty).toMatchObject({
      fineFen: 90_000,
      hearingDeadline: proposed.result.hearingDeadline,
      hearingWindowOpen: true,
      hearing: null,
      legalReview: null,
      legalReviewRequired: false,
      decided: false,
      actions: { requestHearing: true, scheduleHearing: false, recordHearing: false, legalReview: true },
    });
    expect(proposed.case.penalty.earliestHearingDate > proposed.result.hearingDeadline).toBe(true);
    expect((await new Client(env.url).post(`${base}/hearing-request`, {})).status).toBe(401);
    expect((await chen.post(`${base}/hearing-request`, { extra: 1 })).status).toBe(400);
    const petition = await as('petition');
    expect((await petition.post(`${base}/hearing-request`, {})).status).toBe(403);
    // Before the request: nothing to schedule.
    expect((await chen.post(`${base}/hearing`, schedule('2099-01-05'))).status).toBe(409);

    const late = await chen.post(`${base}/hearing-request`, { requestedOn: '2099-01-01' });
    expect(late.status).toBe(400);
    const requested = await mustOk(await chen.post(`${base}/hearing-request`, {}));
    expect(requested.case.penalty.hearing).toMatchObject({ scheduled: null, held: null });
    expect(requested.case.penalty.actions).toMatchObject({ requestHearing: false, scheduleHearing: true });
    expect((await chen.post(`${base}/hearing-request`, {})).status).toBe(409);

    // The decision is refused while the requested hearing is not held, whatever the body claims.
    // The body cannot claim a hearing any more (400); the record decides.
    expect(
      (await director.post(`${base}/decision`, { hearingRequested: true, hearingHeld: true })).status,
    ).toBe(400);
    const refused = await director.post(`${base}/decision`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('PRECONDITION_UNMET');
    expect(refused.body.details.guard).toBe('inspection.requested-hearing-held');

    const tooSoon = await chen.post(`${base}/hearing`, schedule(proposed.result.hearingDeadline));
    expect(tooSoon.status).toBe(422);
    expect(tooSoon.body.code).toBe('HEARING_NOTICE_TOO_SHORT');
    expect(tooSoon.body.message).toContain('七个工作日');
    const earliest = tooSoon.body.details.earliest as string;
    expect(earliest).toBe(requested.case.penalty.earliestHearingDate);
    const scheduled = await mustOk(await chen.post(`${base}/hearing`, schedule(earliest)));
    expect(scheduled.case.penalty.hearing.scheduled).toMatchObject({
      hearingDate: earliest,
      place: '市人社局第一听证室',
    });
    expect(scheduled.case.penalty.actions.recordHearing).toBe(true);
    const doc = scheduled.case.documents.find((d: any) => d.type === 'hearing_notice_penalty');
    expect(doc?.number).toMatch(/^随人社监听字/);
    const notice = await mustOk(await chen.get(`/api/documents/${doc.id}`));
    expect(notice.fields).toMatchObject({
      employerName: '随州市听证测试1有限公司',
      hearingDate: earliest,
      hearingOfficer: '王法制',
      legalBasis: expect.stringContaining('第六十四条'),
    });
    expect(notice.fields.rights).toEqual([
      '认为听证主持人与本案有直接利害关系或者其他关系可能影响公正执法的，有权申请回避',
      '可以亲自参加听证，也可以委托一至二人代理',
      '有权进行申辩和质证',
      '听证笔录应当交你单位审核无误后签字或者盖章',
    ]);

    // Cannot record a hearing before its day; the hearing day comes (test clock), then it is held.
    const day = earliest;
    const held = { transcript: '当事人陈述：已整改。', hearingOfficer: '王法制', heldOn: day };
    expect((await chen.post(`${base}/hearing/record`, held)).status).toBe(400);
    setToday(env, day);
    const { db } = env.server.app.ctx.database;
    const row = await db
      .selectFrom('inspection_outcome')
      .select(['id'])
      .where('case_id', '=', id)
      .where('kind', '=', 'penalty')
      .executeTakeFirstOrThrow();
    const recorded = await mustOk(
      await chen.post(`${base}/hearing/record`, { ...held, opinion: '维持拟处罚意见' }),
    );
    expect(recorded.result.hearing.held.transcript).toContain('已整改');
    expect(recorded.case.penalty.hearing.held).toMatchObject({ heldOn: day, opinion: '维持拟处罚意见' });
    expect(recorded.case.penalty.actions).toMatchObject({ scheduleHearing: false, recordHearing: false });
    // The 听证笔录 is issued with the hearing (《行政处罚法》第六十四条第（八）项).
    const recordDoc = recorded.case.documents.find((d: any) => d.type === 'penalty_hearing_record');
    expect(recordDoc.number).toMatch(/^随人社监听录字〔\d{4}〕第\d+号$/);
    expect((await mustOk(await chen.get(`/api/documents/${recordDoc.id}`))).fields).toEqual({
      employerName: '随州市听证测试1有限公司',
      heldOn: day,
      hearingTime: '上午9时30分',
      place: '市人社局第一听证室',
      hearingOfficer: '王法制',
      recorder: '陈刚',
      investigators: '陈刚、张敏',
      attendees: '随州市听证测试1有限公司的法定代表人或者委托代理人',
      transcript: '当事人陈述：已整改。',
      opinion: '维持拟处罚意见',
    });

    const decided = await mustOk(await director.post(`${base}/decision`, {}));
    expect(decided.case.state).toBe('penalized');
    expect(decided.case.penalty).toMatchObject({
      decided: true,
      actions: { requestHearing: false, scheduleHearing: false, recordHearing: false, legalReview: false },
    });
    const outcome = await db
      .selectFrom('inspection_outcome')
      .select('hearing_requested')
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(outcome.hearing_requested).toBe(true);
  });

  /** The 法制审核 threshold in `setting` (1,000.00元 here: test data), as each test that needs it sets it. */
  async function legalReviewFrom(fen: number) {
    await env.server.app.ctx.database.db
      .insertInto('setting')
      .values({
        key: 'inspection.penalty.legal_review_min_fen',
        value: JSON.stringify(fen),
        label: '须经法制审核的罚款数额（分）',
        basis: '《中华人民共和国行政处罚法》第五十八条（测试数据）',
      } as any)
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(fen) } as any))
      .execute();
  }

  it('requires a legal review at or above the threshold in `setting`', async () => {
    await legalReviewFrom(100_000);
    const below = await proposedCase(2, 90_000);
    // The hearing-request window passes without a request: the party was heard.
    setToday(env, plusDays(below.proposed.result.hearingDeadline, 1));
    await mustOk(await director.post(`/api/inspection/cases/${below.id}/penalty/decision`, {}));
    setToday(env, null);

    const { id, proposed } = await proposedCase(3, 150_000);
    const base = `/api/inspection/cases/${id}/penalty`;
    setToday(env, plusDays(proposed.result.hearingDeadline, 1));
    const refused = await director.post(`${base}/decision`, {});
    expect(refused.status).toBe(409);
    expect([refused.body.code, refused.body.details.guard]).toEqual([
      'PRECONDITION_UNMET',
      'inspection.legal-review',
    ]);
    expect(refused.body.message).toContain('第五十八条');
    expect((await chen.post(`${base}/legal-review`, { reviewer: '' })).status).toBe(400);
    await mustOk(
      await chen.post(`${base}/legal-review`, {
        reviewer: '法制科 刘审核',
        opinion: '事实清楚，证据确凿，适用依据正确，程序合法，同意。',
        reviewedOn: '2026-01-01',
      }),
    );
    const decided = await mustOk(await director.post(`${base}/decision`, {}));
    expect(decided.case.state).toBe('penalized');
    expect(decided.case.penalty.legalReview).toMatchObject({
      conclusion: 'approved',
      conclusionLabel: '同意',
    });
  });

  it('a legal review that does not pass blocks the decision until a new review passes; closing issues the 结案审批表', async () => {
    await legalReviewFrom(100_000);
    const { id, proposed } = await proposedCase(4, 150_000);
    const base = `/api/inspection/cases/${id}/penalty`;
    setToday(env, plusDays(proposed.result.hearingDeadline, 1));
    const before = (await chen.get(`/api/inspection/cases/${id}`)).body;
    expect(before.penalty).toMatchObject({ legalReviewRequired: true, legalReviewMinFen: 100_000 });
    expect(before.penalty.legalReviewBasis).toContain('第五十八条');
    const review = {
      reviewer: '法制科 刘审核',
      opinion: '证据不足以认定三人均超时加班，请补充考勤记录。',
      reviewedOn: '2026-01-01',
    };
    const bad = await chen.post(`${base}/legal-review`, { ...review, conclusion: 'maybe' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/[\u4e00-\u9fa5]/);
    expect((await clerk.post(`${base}/legal-review`, review)).status).toBe(403);
    const rejected = await mustOk(
      await chen.post(`${base}/legal-review`, { ...review, conclusion: 'rejected' }),
    );
    expect(rejected.case.penalty.legalReview).toMatchObject({
      conclusion: 'rejected',
      conclusionLabel: '不同意作出处罚决定',
    });
    const refused = await director.post(`${base}/decision`, {});
    expect(refused.status).toBe(409);
    expect([refused.body.code, refused.body.details.guard]).toEqual([
      'PRECONDITION_UNMET',
      'inspection.legal-review',
    ]);
    expect(refused.body.message).toContain('不得作出行政处罚决定');
    await mustOk(
      await chen.post(`${base}/legal-review`, {
        ...review,
        opinion: '已补充考勤记录，事实清楚，同意。',
        conclusion: 'approved',
      }),
    );
    await mustOk(await director.post(`${base}/decision`, {}));

    // 结案 after the decision: the 结案审批表 (internal) with the fine, the inspectors and the approver.
    const close = `/api/inspection/cases/${id}/close`;
    expect((await new Client(env.url).post(close, { resultText: '已处罚' })).status).toBe(401);
    // No typed approver (issue #13): the approver is whoever approves by his own action.
    expect((await chen.post(close, { resultText: '已处罚', approver: '吴建国' })).status).toBe(400);
    expect((await clerk.post(close, { resultText: '已处罚' })).status).toBe(403);
    const asked = await mustOk(
      await chen.post(close, {
        resultText: '已对用人单位作出罚款1500元的行政处罚',
        channel: 'phone',
        opinion: '处罚决定已送达，罚款已缴纳，建议结案。',
      }),
    );
    expect(asked.case.state).toBe('penalized');
    const pending = asked.case.approvals.find((a: any) => a.state === 'pending');
    expect(pending).toMatchObject({ kind: 'closing', label: '结案', requestedBy: '陈刚', canDecide: false });
    const closed = await mustOk(
      await director.post(`/api/inspection/cases/${id}/approvals/${pending.id}/decision`, { approve: true }),
    );
    expect(closed.case.state).toBe('closed');
    expect(closed.result.result.documents).toHaveLength(2);
    expect(closed.case.documents.map((d: any) => d.type).slice(-2)).toEqual([
      'inspection_closing_approval',
      'inspection_result_notice',
    ]);
    const form = closed.case.documents.find((d: any) => d.type === 'inspection_closing_approval');
    expect(form.number).toMatch(/^随人社监结字/);
    const approval = await mustOk(await chen.get(`/api/documents/${form.id}`));
    expect(approval.fields).toMatchObject({
      caseNumber: closed.case.number,
      complainant: '听证4',
      employerName: '随州市听证测试4有限公司',
      fine: 1500,
      amountRecovered: 0,
      facts: '安排三名劳动者每日工作12小时',
      opinion: '处罚决定已送达，罚款已缴纳，建议结案。',
      approver: '吴建国',
    });
    expect(approval.fields.handling.join('\n')).toContain('罚款1,500元');
    const audit = await env.server.app.ctx.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['inspection.penalty.legal_review']));
  });
});

describe('migration 0015: the 结案审批表 文号 pattern on a database seeded before it', () => {
  it('adds the row for the seeded inspection issuer only, once', async () => {
    const { db } = env.server.app.ctx.database;
    const file = path.resolve(
      path.dirname(fileURLToPath(import.meta.url)),
      '../src/db/migrations/0015_inspection_closing_approval_number.sql',
    );
    const migration = sql.raw(readFileSync(file, 'utf8'));
    await db
      .deleteFrom('document_number_pattern')
      .where('type', '=', 'inspection_closing_approval')
      .execute();
    await migration.execute(db);
    await migration.execute(db);
    const rows = await db
      .selectFrom('document_number_pattern as p')
      .innerJoin('organization as o', 'o.id', 'p.issuer_org_id')
      .select(['o.name', 'p.pattern'])
      .where('p.type', '=', 'inspection_closing_approval')
      .execute();
    expect(rows).toEqual([{ name: '随州市劳动保障监察支队', pattern: '随人社监结字〔{year}〕第{seq}号' }]);
  });
});

function schedule(hearingDate: string) {
  return { hearingDate, hearingTime: '上午9时30分', place: '市人社局第一听证室', hearingOfficer: '王法制' };
}
