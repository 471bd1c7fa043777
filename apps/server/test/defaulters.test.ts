// Over 400 lines: the defaulter-list procedure from listing to removal, one test per step, each standing alone.
import { afterEach, describe, expect, it } from 'vitest';
import { earliestRemovalDate } from '@onestop/domain';
import { Client, signedIn, useTestServer } from './harness';
import { unpaidOrderCase } from './defaulters.support';
import { creditCode } from './intake-fixtures';
import { plusDays, setToday } from './procedure.support';

const env = useTestServer({ LOG_LEVEL: 'error' });
afterEach(() => setToday(env, null));

async function mustOk(r: { status: number; body: any }, status = 200) {
  if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body;
}

/** An inspection case with an order to pay 628,000.00元 not met (see defaulters.support.ts). */
const unpaidOrder = (n: number, comply = false) => unpaidOrderCase(env, n, comply);

const PROPOSAL = {
  ground: 'criminal_threshold',
  facts: '你单位拖欠42名农民工2026年8月至10月工资共计628,000.00元，经责令限期支付，逾期未支付。',
  responsiblePersons: '法定代表人赵建华',
};

const docFields = async (c: Client, id: string) => (await mustOk(await c.get(`/api/documents/${id}`))).fields;

describe('defaulter list procedure (issue #21 point 4)', () => {
  it('serves the grounds, the precondition and the periods as data with their basis', async () => {
    const clerk = await signedIn(env, 'clerk');
    const r = await mustOk(await clerk.get('/api/defaulters/rules'));
    expect(r.grounds.map((g: any) => [g.code, g.basis])).toEqual([
      [
        'criminal_threshold',
        '《拖欠农民工工资失信联合惩戒对象名单管理暂行办法》（人力资源社会保障部令第45号）第五条第一款第（一）项',
      ],
      [
        'serious_incident',
        '《拖欠农民工工资失信联合惩戒对象名单管理暂行办法》（人力资源社会保障部令第45号）第五条第一款第（二）项',
      ],
    ]);
    expect(r.periods).toMatchObject({ statementWorkingDays: 5, termYears: 3, removalMonths: 6 });
    // How far each period's citation was checked is data for the administrator, never document text.
    expect(r.periods.checks.map((c: any) => c.confidence)).toEqual(['U', 'V2', 'V2', 'U']);
    expect(r.periods.basis.filter((b: string) => b.includes('核对'))).toEqual([]);
    expect(r.precondition.label).toBe('经人力资源社会保障行政部门依法责令限期支付工资，逾期未支付');
  });

  it('refuses a proposal without an unpaid order (第五条), from outside the county or without the inspection post', async () => {
    const { caseId, chen, clerk, today } = await unpaidOrder(1, true);
    // The order was found complied at the check: its obligation is paid, with an event (issue #21).
    const db = env.server.app.ctx.database.db;
    const { matter_id } = await db
      .selectFrom('track_case')
      .select('matter_id')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    const paid = await mustOk(await chen.get(`/api/matters/${matter_id}/obligations`));
    expect(
      paid.items.map((o: any) => [
        o.source,
        o.amountFen,
        o.paidFen,
        o.statusLabel,
        o.payments.map((x: any) => [x.amountFen, x.paidOn, x.statusLabel, x.payerLabel, x.note]),
      ]),
    ).toEqual([
      [
        'order_to_correct',
        62_800_000,
        62_800_000,
        '已履行',
        [
          [
            62_800_000,
            today,
            '已确认',
            '义务人',
            expect.stringMatching(/^复查认定已按责令改正指令书.+改正$/),
          ],
        ],
      ],
    ]);
    const events = await db
      .selectFrom('matter_event')
      .select('summary')
      .where('matter_id', '=', matter_id)
      .where('kind', '=', 'obligation_paid_on_compliance')
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]!.summary).toMatch(
      new RegExp(
        `^复查认定用人单位已按责令改正指令书.+〔\\d{4}〕第\\d+号改正：拖欠工资628,000\\.00元记为已付（${today}），已付628,000\\.00元／应付628,000\\.00元（《劳动保障监察条例》第十八条、第二十六条）$`,
      ),
    );
    const url = `/api/inspection/cases/${caseId}/defaulter-proposals`;
    expect((await new Client(env.url).post(url, PROPOSAL)).status).toBe(401);
    expect((await chen.post(url, { ...PROPOSAL, ground: 'other' })).status).toBe(400);
    expect((await clerk.post(url, PROPOSAL)).status).toBe(403);
    const gs = await (await signedIn(env, 'gsinspector')).post(url, PROPOSAL);
    expect(gs.status).toBe(404);
    const r = await chen.post(url, PROPOSAL);
    expect([r.status, r.body.code]).toEqual([422, 'DEFAULTER_PRECONDITION']);
    expect(r.body.message).toContain('第五条第一款');
  });

  it('proposal → statement → decision → publication → early removal, each with its document and clock', async () => {
    const { caseId, chen, director, clerk, employer, today } = await unpaidOrder(2);
    const proposed = await mustOk(
      await chen.post(`/api/inspection/cases/${caseId}/defaulter-proposals`, PROPOSAL),
      201,
    );
    const id = proposed.id as string;
    expect(proposed).toMatchObject({
      employerName: employer,
      state: 'proposed',
      stateLabel: '拟列入（已告知）',
      owedFen: 62_800_000,
      groundLabel: '克扣、无故拖欠农民工工资达到认定拒不支付劳动报酬罪数额标准',
      actions: { statement: true, decide: false, publish: false, requestRemoval: false, remove: false },
    });
    const notice = proposed.steps[0].document;
    expect(notice.number).toMatch(/^随人社监失告字〔\d{4}〕第\d+号$/);
    expect(notice.title).toBe('拟列入拖欠农民工工资失信联合惩戒对象名单告知书');
    const statementClock = proposed.clocks[0];
    expect(statementClock).toMatchObject({
      ruleId: 'defaulter.statement',
      name: '失信名单陈述、申辩期限',
      triggerDate: today,
      status: 'running',
    });
    const nf = await docFields(chen, notice.id);
    expect(nf).toMatchObject({
      employerName: employer,
      responsiblePersons: '法定代表人赵建华',
      owedAmount: 628000,
      statementDays: 5,
      statementDeadline: statementClock.dueDate,
    });
    const again = await chen.post(`/api/inspection/cases/${caseId}/defaulter-proposals`, PROPOSAL);
    expect([again.status, again.body.code]).toEqual([409, 'DEFAULTER_OPEN']);

    // Objection within the period.
    const late = await chen.post(`/api/defaulters/${id}/statement`, {
      statement: '迟到的申辩',
      receivedOn: plusDays(statementClock.dueDate, 1),
      version: proposed.version,
    });
    expect(late.status).toBe(400); // a date after today
    const stated = await mustOk(
      await chen.post(`/api/defaulters/${id}/statement`, {
        statement: '建设单位未按期拨付工程款，公司并非恶意拖欠，请求暂缓列入。',
        receivedOn: today,
        version: proposed.version,
      }),
    );
    expect(stated.state).toBe('statement_received');
    expect(stated.steps[1].document.number).toMatch(/^随人社监失辩字〔\d{4}〕第\d+号$/);
    expect(stated.clocks.map((c: any) => [c.ruleId, c.status])).toEqual([
      ['defaulter.statement', 'met'],
      ['defaulter.decision', 'running'],
    ]);

    // Decision by the approving post only.
    const byInspector = await chen.post(`/api/defaulters/${id}/decision`, {
      list: true,
      version: stated.version,
    });
    expect([byInspector.status, byInspector.body.code]).toEqual([403, 'DEFAULTER_APPROVER_REQUIRED']);
    expect(
      (await clerk.post(`/api/defaulters/${id}/decision`, { list: true, version: stated.version })).status,
    ).toBe(403);
    const stale = await director.post(`/api/defaulters/${id}/decision`, { list: true, version: 1 });
    expect([stale.status, stale.body.code]).toEqual([409, 'CONFLICT']);
    const decided = await mustOk(
      await director.post(`/api/defaulters/${id}/decision`, {
        list: true,
        reviewOpinion: '建设单位拨款问题不影响用人单位支付工资的义务，申辩理由不成立，不予采纳。',
        version: stated.version,
      }),
    );
    const endsOn = `${Number(today.slice(0, 4)) + 3}${today.slice(4)}`;
    expect(decided).toMatchObject({ state: 'listed', decidedOn: today, endsOn, publishedOn: null });
    const decision = decided.steps[2].document;
    expect(decision.number).toMatch(/^随人社监失决字〔\d{4}〕第\d+号$/);
    expect(await docFields(director, decision.id)).toMatchObject({
      noticeNumber: notice.number,
      decidedDate: today,
      endsDate: endsOn,
      approver: '吴建国',
      statementSummary:
        '你单位提出了陈述、申辩。经复核：建设单位拨款问题不影响用人单位支付工资的义务，申辩理由不成立，不予采纳。',
    });
    expect(decided.clocks.map((c: any) => [c.ruleId, c.status])).toEqual([
      ['defaulter.statement', 'met'],
      ['defaulter.decision', 'met'],
      ['defaulter.publication', 'running'],
    ]);
    // Not public before publication.
    const before = await mustOk(await new Client(env.url).get('/api/public/defaulters'));
    expect(before.items.map((x: any) => x.id)).not.toContain(id);

    const published = await mustOk(
      await chen.post(`/api/defaulters/${id}/publication`, { version: decided.version }),
    );
    expect(published).toMatchObject({ state: 'published', publishedOn: today });
    expect(published.steps[3].document.number).toMatch(/^随人社监失公字〔\d{4}〕第\d+号$/);
    const term = published.clocks.find((c: any) => c.ruleId === 'defaulter.listing-term');
    expect(term).toMatchObject({ triggerDate: today, dueDate: endsOn, status: 'running' });
    const list = await mustOk(await new Client(env.url).get('/api/public/defaulters'));
    expect(list.items.find((x: any) => x.id === id)).toEqual({
      id,
      employerName: employer,
      creditCode: creditCode('MA4D0002'),
      responsiblePersons: '法定代表人赵建华',
      groundLabel: '克扣、无故拖欠农民工工资达到认定拒不支付劳动报酬罪数额标准',
      decidedOn: today,
      endsOn,
      publishedOn: today,
      organ: '随州市劳动保障监察支队',
    });

    // The employer's risk profile shows the state.
    const profile = await mustOk(await chen.get(`/api/employers/${published.employerPartyId}/profile`));
    expect(profile.defaulterListings).toEqual([
      { id, state: 'published', stateLabel: '已列入并公开', decidedOn: today, endsOn, removedOn: null },
    ]);

    // Early removal: six months after the payment, with a credit commitment.
    const paidOn = plusDays(today, 2);
    const earliest = earliestRemovalDate(paidOn);
    expect(earliest.slice(5, 7)).toBe(String(((Number(paidOn.slice(5, 7)) + 5) % 12) + 1).padStart(2, '0'));
    // 陈刚's inspector card expires on 2027-04-30: 张敏 (曾都区, valid to 2029) receives the application.
    const zhang = await signedIn(env, 'zhangmin');
    setToday(env, plusDays(earliest, -1));
    const early = await zhang.post(`/api/defaulters/${id}/removal-application`, {
      paidOn,
      appliedOn: plusDays(earliest, -1),
      commitment: '今后按时足额支付农民工工资，不再拖欠。',
      version: published.version,
    });
    expect([early.status, early.body.code]).toEqual([422, 'DEFAULTER_REMOVAL_TOO_EARLY']);
    setToday(env, earliest);
    const applied = await mustOk(
      await zhang.post(`/api/defaulters/${id}/removal-application`, {
        paidOn,
        appliedOn: earliest,
        commitment: '今后按时足额支付农民工工资，不再拖欠。',
        version: published.version,
      }),
    );
    expect(applied.state).toBe('removal_requested');
    expect(applied.steps[4].document.number).toMatch(/^随人社监失申字〔\d{4}〕第\d+号$/);
    expect(applied.clocks.at(-1)).toMatchObject({
      ruleId: 'defaulter.removal-review',
      triggerDate: earliest,
      status: 'running',
    });
    const removed = await mustOk(
      await director.post(`/api/defaulters/${id}/removal`, { approve: true, version: applied.version }),
    );
    expect(removed).toMatchObject({ state: 'removed', removedOn: earliest, stateLabel: '已提前移出' });
    const removal = removed.steps[5].document;
    expect(removal.number).toMatch(/^随人社监失移字〔\d{4}〕第\d+号$/);
    expect(await docFields(director, removal.id)).toMatchObject({
      decisionNumber: decision.number,
      paidDate: paidOn,
      commitment: '今后按时足额支付农民工工资，不再拖欠。',
      removedDate: earliest,
      approver: '吴建国',
    });
    expect(removed.clocks.map((c: any) => [c.ruleId, c.status])).toEqual([
      ['defaulter.statement', 'met'],
      ['defaulter.decision', 'met'],
      ['defaulter.publication', 'met'],
      ['defaulter.listing-term', 'met'],
      ['defaulter.removal-review', 'met'],
    ]);
    expect(removed.steps.map((s: any) => s.document.title)).toEqual([
      '拟列入拖欠农民工工资失信联合惩戒对象名单告知书',
      '陈述申辩记录',
      '列入拖欠农民工工资失信联合惩戒对象名单决定书',
      '拖欠农民工工资失信联合惩戒对象名单公告',
      '提前移出失信联合惩戒对象名单申请受理通知书',
      '提前移出拖欠农民工工资失信联合惩戒对象名单决定书',
    ]);
    const after = await mustOk(await new Client(env.url).get('/api/public/defaulters'));
    expect(after.items.map((x: any) => x.id)).not.toContain(id);
    const timeline = (await mustOk(await zhang.get(`/api/matters/${removed.matterId}`))).timeline.map(
      (e: any) => e.kind,
    );
    expect(timeline).toEqual(
      expect.arrayContaining([
        'defaulter_propose',
        'defaulter_statement',
        'defaulter_decide',
        'defaulter_publish',
        'defaulter_request_removal',
        'defaulter_remove',
      ]),
    );
  });

  it('without a statement the decision waits for the end of the period; a refusal to list needs reasons', async () => {
    const { caseId, chen, director, today } = await unpaidOrder(3);
    const proposed = await mustOk(
      await chen.post(`/api/inspection/cases/${caseId}/defaulter-proposals`, {
        ...PROPOSAL,
        owedFen: 100_000_00,
      }),
      201,
    );
    expect(proposed.owedFen).toBe(10_000_000);
    const due = proposed.clocks[0].dueDate as string;
    const early = await director.post(`/api/defaulters/${proposed.id}/decision`, {
      list: true,
      version: proposed.version,
    });
    expect([early.status, early.body.code, early.body.message]).toEqual([
      422,
      'DEFAULTER_STATEMENT_PERIOD_RUNNING',
      `陈述、申辩期限至${due}届满；期限内未收到陈述、申辩的，期满后方可作出决定`,
    ]);
    setToday(env, plusDays(due, 1));
    const noReason = await director.post(`/api/defaulters/${proposed.id}/decision`, {
      list: false,
      version: proposed.version,
    });
    expect([noReason.status, noReason.body.code]).toEqual([400, 'DEFAULTER_OPINION_REQUIRED']);
    const late = await chen.post(`/api/defaulters/${proposed.id}/statement`, {
      statement: '逾期的申辩',
      receivedOn: plusDays(due, 1),
      version: proposed.version,
    });
    expect([late.status, late.body.code]).toEqual([422, 'DEFAULTER_STATEMENT_LATE']);
    const refused = await mustOk(
      await director.post(`/api/defaulters/${proposed.id}/decision`, {
        list: false,
        reviewOpinion: '用人单位已在决定前足额支付。',
        version: proposed.version,
      }),
    );
    expect(refused).toMatchObject({
      state: 'decided_not_listed',
      stateLabel: '决定不予列入',
      decidedOn: plusDays(due, 1),
      endsOn: null,
    });
    expect(refused.clocks.map((c: any) => [c.ruleId, c.status])).toEqual([['defaulter.statement', 'met']]);
    expect(today < due).toBe(true);
    // 不予列入决定书: its own document with the reasons of the review.
    const last = refused.steps.at(-1);
    expect([last.step, last.label, last.stateAfter, last.document.title]).toEqual([
      'decide',
      '作出不予列入决定',
      'decided_not_listed',
      '不予列入拖欠农民工工资失信联合惩戒对象名单决定书',
    ]);
    expect(last.document.number).toMatch(/^随人社监失不字〔\d{4}〕第\d+号$/);
    expect(await docFields(director, last.document.id)).toMatchObject({
      noticeNumber: proposed.steps[0].document.number,
      reasons: '用人单位已在决定前足额支付。',
      decidedDate: plusDays(due, 1),
      approver: '吴建国',
    });
  });

  it('an early removal refused keeps the listing, with its decision; at the end of the term the listing leaves by itself, with its notice', async () => {
    const { caseId, chen, director, today } = await unpaidOrder(4);
    const admin = await signedIn(env, 'admin');
    const zhang = await signedIn(env, 'zhangmin');
    const proposed = await mustOk(
      await chen.post(`/api/inspection/cases/${caseId}/defaulter-proposals`, PROPOSAL),
      201,
    );
    const id = proposed.id as string;
    const due = proposed.clocks[0].dueDate as string;
    const decisionDay = plusDays(due, 1);
    setToday(env, decisionDay);
    const decided = await mustOk(
      await director.post(`/api/defaulters/${id}/decision`, {
        list: true,
        reviewOpinion: '',
        version: proposed.version,
      }),
    );
    const published = await mustOk(
      await chen.post(`/api/defaulters/${id}/publication`, { version: decided.version }),
    );
    expect(published.endsOn).toBe(decided.endsOn);
    const endsOn = decided.endsOn as string;
    // Paid seven months before the application; the application is refused (wages still owed).
    const appliedOn = plusDays(decisionDay, 220);
    setToday(env, appliedOn);
    const applied = await mustOk(
      await zhang.post(`/api/defaulters/${id}/removal-application`, {
        paidOn: plusDays(today, 5),
        appliedOn,
        commitment: '今后按时足额支付农民工工资。',
        version: published.version,
      }),
    );
    const noReason = await director.post(`/api/defaulters/${id}/removal`, {
      approve: false,
      opinion: ' ',
      version: applied.version,
    });
    expect([noReason.status, noReason.body.code]).toEqual([400, 'DEFAULTER_OPINION_REQUIRED']);
    const refused = await mustOk(
      await director.post(`/api/defaulters/${id}/removal`, {
        approve: false,
        opinion: '经核实尚有3名农民工的工资共计18,000.00元未支付，不属于已足额支付。',
        version: applied.version,
      }),
    );
    expect([refused.state, refused.stateLabel, refused.removedOn]).toEqual([
      'published',
      '已列入并公开',
      null,
    ]);
    const refusal = refused.steps.at(-1);
    expect([refusal.step, refusal.label, refusal.document.title]).toEqual([
      'remove',
      '作出不予提前移出决定',
      '不予提前移出拖欠农民工工资失信联合惩戒对象名单决定书',
    ]);
    expect(refusal.document.number).toMatch(/^随人社监失驳字〔\d{4}〕第\d+号$/);
    expect(await docFields(director, refusal.document.id)).toMatchObject({
      decisionNumber: decided.steps.at(-1).document.number,
      appliedDate: appliedOn,
      reasons: '经核实尚有3名农民工的工资共计18,000.00元未支付，不属于已足额支付。',
      decidedDate: appliedOn,
      endsDate: endsOn,
      approver: '吴建国',
    });
    expect(refused.clocks.find((c: any) => c.ruleId === 'defaulter.removal-review').status).toBe('met');
    expect(
      (await mustOk(await new Client(env.url).get('/api/public/defaulters'))).items.map((x: any) => x.id),
    ).toContain(id);

    // The last day of the term: still listed. The day after: the job moves it, once.
    setToday(env, endsOn);
    await mustOk(await admin.post('/api/admin/defaulters/expire', {}));
    expect((await mustOk(await director.get(`/api/defaulters/${id}`))).state).toBe('published');
    const next = plusDays(endsOn, 1);
    setToday(env, next);
    const ran = await mustOk(await admin.post('/api/admin/defaulters/expire', {}));
    expect(ran.removed).toBeGreaterThanOrEqual(1);
    const expired = await mustOk(await director.get(`/api/defaulters/${id}`));
    expect([expired.state, expired.stateLabel, expired.removedOn]).toEqual(['expired', '列入期满移出', next]);
    const notice = expired.steps.at(-1);
    expect([notice.step, notice.label, notice.actorName, notice.document.title]).toEqual([
      'expire',
      '列入期限届满移出',
      '系统',
      '列入期限届满移出拖欠农民工工资失信联合惩戒对象名单通知书',
    ]);
    expect(notice.document.number).toMatch(/^随人社监失满字〔\d{4}〕第\d+号$/);
    expect(await docFields(director, notice.document.id)).toMatchObject({
      decisionNumber: decided.steps.at(-1).document.number,
      decidedDate: decisionDay,
      endsDate: endsOn,
      removedDate: next,
    });
    expect(expired.clocks.find((c: any) => c.ruleId === 'defaulter.listing-term').status).toBe('met');
    expect(
      (await mustOk(await new Client(env.url).get('/api/public/defaulters'))).items.map((x: any) => x.id),
    ).not.toContain(id);
    const timeline = (await mustOk(await director.get(`/api/matters/${expired.matterId}`))).timeline;
    expect(timeline.filter((e: any) => e.kind === 'defaulter_expire').map((e: any) => e.summary)).toEqual([
      `失信联合惩戒名单：列入期限届满移出，签发${notice.document.number}（列入期满移出）`,
    ]);
    const again = await mustOk(await admin.post('/api/admin/defaulters/expire', {}));
    expect(again.removed).toBe(0);
    const forbidden = await director.post('/api/admin/defaulters/expire', {});
    expect(forbidden.status).toBe(403);
  });
});
