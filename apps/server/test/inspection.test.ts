// Over 400 lines: the inspection procedure from complaint to closure, one test per step, each standing alone.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  NotificationProvider,
  OutgoingMessage,
} from '../src/modules/notifications/notifications.providers';
import { registerSmsDelivery } from '../src/modules/notifications/notifications.service';
import { JobRunner } from '../src/platform/jobs';
import { newMatter, openCase, places } from './cases.support';
import { Client, signedInUsers, useTestServer } from './harness';
import { creditCode, residentId } from './intake-fixtures';
import { plusDays, setToday } from './procedure.support';

const env = useTestServer();
const as = signedInUsers(env);
afterEach(() => setToday(env, null));

/** Counts what would be sent; the first send of message `failOnce` fails (to prove the retry). */
class CountingProvider implements NotificationProvider {
  readonly name = 'counting';
  readonly sent: OutgoingMessage[] = [];
  constructor(private failOnce?: string) {}
  async send(msg: OutgoingMessage) {
    if (msg.id === this.failOnce) {
      this.failOnce = undefined;
      throw new Error('gateway down');
    }
    this.sent.push(msg);
    return { ref: `test:${msg.id}` };
  }
}

/** A worker of the job queue that delivers SMS through `provider`. */
function delivery(provider: NotificationProvider) {
  const app = env.server.app;
  const runner = new JobRunner(app.ctx.database.db, app.log);
  registerSmsDelivery(runner, { db: app.ctx.database.db, cipher: app.ctx.cipher, provider, log: app.log });
  return runner;
}

const REPORTER = '李秘密';
const REPORTER_PHONE = '13900001111';

function reportBody(jurisdictionId: string, over: Record<string, unknown> = {}) {
  return {
    source: 'report',
    channel: 'hotline_12333',
    jurisdictionId,
    reporter: { anonymous: false, name: REPORTER, phone: REPORTER_PHONE },
    employer: { name: '随州市好味道餐饮有限公司', creditCode: creditCode('MA4R0001'), industry: '餐饮业' },
    violations: [
      {
        type: 'minimum_wage',
        amountFen: 90_000,
        periodFrom: '2025-10-01',
        periodTo: '2025-12-31',
        facts: '服务员月工资1200元，低于当地最低工资标准',
      },
    ],
    violationEndedOn: '2025-12-31',
    narrative: '饭店服务员工资低于最低工资标准。',
    workerCount: 6,
    ...over,
  };
}

function complaintBody(jurisdictionId: string, over: Record<string, unknown> = {}) {
  return {
    source: 'complaint',
    channel: 'window',
    jurisdictionId,
    complainant: { name: '赵投诉', idType: 'resident_id', idNumber: residentId('19880808', 321) },
    employer: { name: '随州市诚信机械有限公司', creditCode: creditCode('MA4M0002') },
    violations: [{ type: 'working_hours', facts: '每天工作12小时，没有休息日' }],
    violationEndedOn: '2026-01-10',
    ...over,
  };
}

/** The 60 (+30) working-day investigation period runs into next year: its holiday notice must be loaded (test data). */
const NOTICE_2027 = {
  source: '国务院办公厅关于2027年部分节假日安排的通知（测试数据）',
  holidays: [
    { date: '2027-01-01', name: '元旦' },
    ...['02-05', '02-06', '02-07', '02-08', '02-09', '02-10', '02-11', '02-12', '02-13'].map((d) => ({
      date: `2027-${d}`,
      name: '春节',
    })),
    ...['10-01', '10-02', '10-03', '10-04', '10-05', '10-06', '10-07'].map((d) => ({
      date: `2027-${d}`,
      name: '国庆节',
    })),
  ],
  makeupWorkdays: [{ date: '2027-02-20', name: '春节调休上班' }],
};

async function mustOk(r: { status: number; body: any }, status = 200) {
  if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body;
}

/** The 负责人 (director) approves every pending request of the case by his own action. */
async function approveAll(c: { id: string; approvals: { id: string; state: string }[] }) {
  const director = await as('director');
  let last: any = null;
  for (const a of c.approvals.filter((x) => x.state === 'pending')) {
    last = await mustOk(
      await director.post(`/api/inspection/cases/${c.id}/approvals/${a.id}/decision`, { approve: true }),
    );
  }
  if (!last) throw new Error('no pending approval');
  return last as { case: any; result: any };
}

describe('labor inspection (W-06)', () => {
  let p: Awaited<ReturnType<typeof places>>;
  let clerk: Client;
  let chen: Client; // 陈刚, inspector (city)
  let zhang: Client; // 张敏, mediator + inspector (曾都区) + arbitrator
  let li: Client; // 李强, arbitrator (expired card) + tribunal clerk
  let director: Client;
  let ids: Record<string, string>;

  // Every test signs its own users in and builds the cases it needs (factories below): any single
  // test runs alone (`-t`).
  beforeEach(async () => {
    p = await places(env);
    const admin = await as('admin');
    // The 2027 notice is loaded once per database; a second PUT finds it there (409).
    const put = await admin.request('PUT', '/api/admin/calendar/years/2027', NOTICE_2027);
    if (put.status !== 200 && put.status !== 409) throw new Error(`calendar 2027: ${put.status}`);
    clerk = await as('clerk');
    chen = await as('inspector');
    zhang = await as('zhangmin');
    li = await as('liqiang');
    director = await as('director');
    const me = async (c: Client) => (await c.get('/api/auth/me')).body.user.id as string;
    ids = { chen: await me(chen), zhang: await me(zhang) };
  });

  /** The named report about the restaurant, registered by the clerk (state `registered`). */
  async function registeredRestaurant() {
    return (await mustOk(await clerk.post('/api/inspection/cases', reportBody(p.zengdu)), 201)).case;
  }

  /** … with 陈刚 assigned by the 负责人. */
  async function assignedRestaurant() {
    const c = await registeredRestaurant();
    await mustOk(await director.post(`/api/inspection/cases/${c.id}/inspectors`, { userIds: [ids.chen] }));
    return c;
  }

  /** … accepted and 立案 the same day (state `filed`). */
  async function filedRestaurant() {
    const c = await assignedRestaurant();
    return (
      await mustOk(await director.post(`/api/inspection/cases/${c.id}/acceptance`, { decision: 'accepted' }))
    ).case;
  }

  /** … investigated by two inspectors (records taken), the period extended by the 负责人. */
  async function investigatedRestaurant() {
    const c = await filedRestaurant();
    const base = `/api/inspection/cases/${c.id}`;
    await mustOk(
      await director.post(`${base}/inspectors`, { userIds: [ids.chen, ids.zhang], leadUserId: ids.chen }),
    );
    await mustOk(await chen.post(`${base}/investigation/start`, {}));
    await mustOk(
      await chen.post(`${base}/records`, {
        kind: 'onsite',
        title: '现场检查工资表',
        content: '查阅2025年10-12月工资表，6名服务员月工资1200元',
        place: '好味道餐饮店堂',
        occurredOn: c.receivedOn,
        inspectorIds: [ids.chen, ids.zhang],
      }),
    );
    await mustOk(await director.post(`${base}/extension`, { reason: '涉及人数多，需调取银行流水' }));
    return c;
  }

  it('walks 401 → 400 → 403 on registration', async () => {
    expect((await new Client(env.url).post('/api/inspection/cases', reportBody(p.zengdu))).status).toBe(401);
    const bad = await clerk.post('/api/inspection/cases', { ...reportBody(p.zengdu), extra: 1 });
    expect(bad.status).toBe(400);
    const petition = await as('petition');
    expect((await petition.post('/api/inspection/cases', reportBody(p.zengdu))).status).toBe(403);
  });

  it('registers a report about a restaurant below the minimum wage; the reporter is hidden from the clerk and arbitrators', async () => {
    const restaurant = await registeredRestaurant();
    expect(restaurant.state).toBe('registered');
    expect(restaurant.clocks.find((k: any) => k.ruleId === 'inspection.acceptance')?.status).toBe('running');
    expect(restaurant.reporter.withheld).toBe(true);
    for (const c of [clerk, li, zhang, chen]) {
      const d = await c.get(`/api/inspection/cases/${restaurant.id}`);
      expect(d.status).toBe(200);
      expect(JSON.stringify(d.body)).not.toContain(REPORTER);
      expect(JSON.stringify(d.body)).not.toContain(REPORTER_PHONE);
    }
    for (const path of [
      `/api/matters/${restaurant.matterId}`,
      `/api/cases/${restaurant.id}`,
      `/api/matters?q=${encodeURIComponent(REPORTER)}`,
    ]) {
      const d = await clerk.get(path);
      expect(JSON.stringify(d.body)).not.toContain(REPORTER);
      expect(JSON.stringify((await li.get(path)).body)).not.toContain(REPORTER);
    }
  });

  it('only the assigned inspector sees the reporter', async () => {
    const restaurant = await registeredRestaurant();
    expect(
      (await clerk.post(`/api/inspection/cases/${restaurant.id}/inspectors`, { userIds: [ids.chen] })).status,
    ).toBe(403);
    await mustOk(
      await director.post(`/api/inspection/cases/${restaurant.id}/inspectors`, { userIds: [ids.chen] }),
    );
    const seen = await mustOk(await chen.get(`/api/inspection/cases/${restaurant.id}`));
    expect(seen.reporter).toMatchObject({ withheld: false, name: REPORTER, phone: REPORTER_PHONE });
    for (const c of [clerk, li, zhang]) {
      expect(JSON.stringify((await c.get(`/api/inspection/cases/${restaurant.id}`)).body)).not.toContain(
        REPORTER,
      );
    }
  });

  it('accepts within the clock and 立案 the same day after the 负责人 approves the 立案审批; illegal and unauthorised steps are refused', async () => {
    const restaurant = await assignedRestaurant();
    const base = `/api/inspection/cases/${restaurant.id}`;
    const byClerk = await clerk.post(`${base}/acceptance`, { decision: 'accepted' });
    expect(byClerk.status).toBe(403);
    expect((await chen.post(`${base}/close`, { resultText: 'x' })).status).toBe(409);
    // 立案 waits for the 负责人's 立案审批: the inspector is refused, and the page says why before he tries.
    const refused = await chen.post(`${base}/acceptance`, { decision: 'accepted' });
    expect([refused.status, refused.body.code, refused.body.details.guard]).toEqual([
      409,
      'PRECONDITION_UNMET',
      'inspection.filing-approved',
    ]);
    expect(refused.body.message).toBe(
      '本案立案须经劳动保障行政部门负责人审批，立案审批表尚未批准，不能立案；请先报请立案审批（《劳动保障监察条例》第十四条第二款；《关于实施〈劳动保障监察条例〉若干规定》第十八条第一款（立案审批表报负责人批准））',
    );
    const page = await mustOk(await chen.get(base));
    expect(page.events.find((e: any) => e.event === 'accept')).toMatchObject({
      allowed: false,
      unmet: [expect.objectContaining({ guard: 'inspection.filing-approved', earliestDate: null })],
    });
    expect(page.actions.requestFiling).toBe(true);
    const asked = await mustOk(
      await chen.post(`${base}/approvals`, { kind: 'filing', reason: '涉嫌低于最低工资标准支付工资' }),
    );
    const approvalId = asked.result.pendingApproval.approvalId as string;
    expect(asked.case.state).toBe('registered');
    expect(asked.case.actions.requestFiling).toBe(false);
    // The 工作台 "待我审批" of the director lists it (one list for every track), never the requester's.
    expect(
      (await mustOk(await chen.get('/api/approvals/pending'))).items.map((a: any) => a.id),
    ).not.toContain(approvalId);
    const listed = (await mustOk(await director.get('/api/approvals/pending'))).items.find(
      (a: any) => a.id === approvalId,
    );
    expect(listed).toMatchObject({
      kind: 'inspection_filing',
      label: '立案审批',
      track: 'inspection',
      subjectId: restaurant.id,
      requestedByName: '陈刚',
      summary: '涉嫌低于最低工资标准支付工资',
    });
    const self = await chen.post(`/api/approvals/${approvalId}/decide`, { approve: true, version: 1 });
    expect([self.status, self.body.code]).toEqual([403, 'APPROVAL_SELF']);
    const noPost = await zhang.post(`/api/approvals/${approvalId}/decide`, { approve: true, version: 1 });
    expect([noPost.status, noPost.body.code]).toEqual([403, 'APPROVAL_POST_REQUIRED']);
    // Approving on the 工作台 carries out the 立案 as the director: the 立案审批表 names him and today.
    const decided = await mustOk(
      await director.post(`/api/approvals/${approvalId}/decide`, { approve: true, version: 1 }),
    );
    expect(decided).toMatchObject({ state: 'approved', decidedByName: '吴建国', comment: '同意立案。' });
    const c = await mustOk(await chen.get(base));
    expect(c.state).toBe('filed');
    expect(c.filedOn).toBe(c.receivedOn);
    expect(c.clocks.find((k: any) => k.ruleId === 'inspection.acceptance')?.status).toBe('met');
    expect(c.clocks.find((k: any) => k.ruleId === 'inspection.investigation')?.status).toBe('running');
    const form = c.documents.find((d: any) => d.type === 'inspection_filing_approval');
    expect(form.number).toMatch(/^随人社监立批字〔\d{4}〕第\d+号$/);
    expect(decided.documentId).toBe(form.id);
    const fields = (await mustOk(await director.get(`/api/documents/${form.id}`))).fields;
    expect(fields).toMatchObject({
      caseNumber: c.number,
      source: '举报',
      requestedBy: '陈刚',
      approver: '吴建国',
      approvalDate: c.receivedOn,
      filedDate: c.receivedOn,
      opinion: '同意立案。',
      inspectors: '陈刚（主办）',
    });
    expect(JSON.stringify(fields)).not.toContain(REPORTER);
    expect(c.approvals).toEqual([
      expect.objectContaining({
        kind: 'filing',
        state: 'approved',
        decidedBy: '吴建国',
        documentId: form.id,
      }),
    ]);
    const doc = c.documents.find((d: any) => d.type === 'inspection_acceptance');
    expect(doc?.number).toBeTruthy();
    const full = await mustOk(await chen.get(`/api/documents/${doc.id}`));
    expect(JSON.stringify(full)).not.toContain(REPORTER);
    // Accepting twice is an illegal transition.
    expect((await director.post(`${base}/acceptance`, { decision: 'accepted' })).status).toBe(409);
  });

  it('an inspection body that does not require the 立案审批 (setting) lets the inspector 立案; the generic route obeys the same guard', async () => {
    const db = env.server.app.ctx.database.db;
    const { code } = await db
      .selectFrom('jurisdiction')
      .select('code')
      .where('id', '=', p.zengdu)
      .executeTakeFirstOrThrow();
    const key = `inspection.filing_approval.${code}`;
    const gated = await assignedRestaurant();
    const { version } = await mustOk(await chen.get(`/api/inspection/cases/${gated.id}`));
    const generic = await chen.post(`/api/cases/${gated.id}/transitions`, { event: 'accept', version });
    expect([generic.status, generic.body.code]).toEqual([409, 'PRECONDITION_UNMET']);
    await db
      .insertInto('setting')
      .values({
        key,
        value: JSON.stringify('none'),
        label: '监察立案审批范围',
        basis: '《劳动保障监察条例》第十四条第二款',
        updated_at: new Date(),
      })
      .execute();
    try {
      const c = await assignedRestaurant();
      const r = await mustOk(
        await chen.post(`/api/inspection/cases/${c.id}/acceptance`, { decision: 'accepted' }),
      );
      expect(r.case.state).toBe('filed');
      expect(r.case.documents.map((d: any) => d.type)).toEqual(['inspection_acceptance']);
      expect(r.case.approvals).toEqual([]);
    } finally {
      await db.deleteFrom('setting').where('key', '=', key).execute();
    }
  });

  it('investigates with two inspectors, records, a document request, the extension by the head', async () => {
    const restaurant = await filedRestaurant();
    const one = await chen.post(`/api/inspection/cases/${restaurant.id}/investigation/start`, {});
    expect(one.status).toBe(422);
    await mustOk(
      await director.post(`/api/inspection/cases/${restaurant.id}/inspectors`, {
        userIds: [ids.chen, ids.zhang],
        leadUserId: ids.chen,
      }),
    );
    const started = await mustOk(
      await chen.post(`/api/inspection/cases/${restaurant.id}/investigation/start`, {}),
    );
    expect(started.case.state).toBe('investigating');
    const solo = await chen.post(`/api/inspection/cases/${restaurant.id}/records`, {
      kind: 'onsite',
      title: '现场检查',
      inspectorIds: [ids.chen],
    });
    expect(solo.status).toBe(422);
    await mustOk(
      await chen.post(`/api/inspection/cases/${restaurant.id}/records`, {
        kind: 'onsite',
        title: '现场检查工资表',
        content: '查阅2025年10-12月工资表，6名服务员月工资1200元',
        place: '好味道餐饮店堂',
        occurredOn: restaurant.receivedOn,
        inspectorIds: [ids.chen, ids.zhang],
      }),
    );
    await mustOk(
      await chen.post(`/api/inspection/cases/${restaurant.id}/records`, {
        kind: 'inquiry',
        title: '询问店长',
        interviewee: '店长',
        place: '随州市劳动保障监察支队询问室',
        inspectorIds: [ids.chen, ids.zhang],
      }),
    );
    const req = await mustOk(
      await chen.post(`/api/inspection/cases/${restaurant.id}/requests`, {
        materials: ['工资支付记录', '劳动合同'],
        deadline: '2099-01-10',
      }),
    );
    expect(req.case.requests).toHaveLength(1);
    expect(
      (await clerk.post(`/api/inspection/cases/${restaurant.id}/records`, { kind: 'evidence', title: 'x' }))
        .status,
    ).toBe(403);
    const mw = await mustOk(
      await chen.get('/api/supervision/minimum-wage?areaCode=421303&monthlyFen=120000'),
    );
    expect(mw.below).toBe(true);
    expect(mw.shortfallFen).toBe(mw.monthlyFen - 120_000);
    expect(
      (
        await chen.post(`/api/inspection/cases/${restaurant.id}/extension`, {
          reason: '复杂',
        })
      ).status,
    ).toBe(403);
    const ext = await mustOk(
      await director.post(`/api/inspection/cases/${restaurant.id}/extension`, {
        reason: '涉及人数多，需调取银行流水',
      }),
    );
    expect(ext.case.extended).toBe(true);
    expect(ext.case.clocks.find((k: any) => k.ruleId === 'inspection.investigation')?.status).toBe(
      'extended',
    );
    expect(
      (
        await director.post(`/api/inspection/cases/${restaurant.id}/extension`, {
          reason: '再延',
        })
      ).status,
    ).toBe(422);
  });

  it('the employer corrects: 撤销立案 with the 撤销立案决定书, then the result is told', async () => {
    const restaurant = await investigatedRestaurant();
    expect(
      (await chen.post(`/api/inspection/cases/${restaurant.id}/withdrawal`, { reason: '已补发' })).status,
    ).toBe(422);
    const asked = await mustOk(
      await chen.post(`/api/inspection/cases/${restaurant.id}/withdrawal`, {
        reason: '违法行为轻微，已主动补足差额',
        evidenceOfCorrection: '2026年1月补发6名服务员差额共5400元，银行回单在卷',
      }),
    );
    // The inspector's 撤销立案 is a request: the 负责人 approves by his own action.
    expect(asked.case.state).toBe('investigating');
    const w = await approveAll(asked.case);
    expect(w.case.state).toBe('case_withdrawn');
    const doc = w.case.documents.find((d: any) => d.type === 'case_withdrawal');
    expect(doc?.number).toBeTruthy();
    const full = await mustOk(await chen.get(`/api/documents/${doc.id}`));
    expect(full.fields?.reasonCode ?? JSON.stringify(full)).toContain('minor_corrected');
    const closed = await approveAll(
      (
        await mustOk(
          await chen.post(`/api/inspection/cases/${restaurant.id}/close`, {
            resultText: '用人单位已补足差额，撤销立案',
            channel: 'sms',
          }),
        )
      ).case,
    );
    expect(closed.case.state).toBe('closed');
    expect(closed.case.outcomes.map((o: any) => o.kind)).toEqual(['withdrawal', 'result_notice']);
    // 结案审批表: internal form with its own 文号; the named reporter is not printed on it.
    const form = closed.case.documents.find((d: any) => d.type === 'inspection_closing_approval');
    expect(form?.title).toBe('结案审批表');
    expect(form?.number).toMatch(/^随人社监结字〔\d{4}〕第\d+号$/);
    const approval = await mustOk(await chen.get(`/api/documents/${form.id}`));
    expect(approval.fields).toMatchObject({
      caseNumber: closed.case.number,
      approver: '吴建国',
      source: '举报',
      complainant: '举报人（身份依法保密）',
      employerName: closed.case.employer.name,
      fine: 0,
      approvalDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      opinion: expect.stringContaining('撤销立案'),
    });
    expect(approval.fields.facts).toContain('已改正');
    expect(approval.fields.handling.join('；')).toContain('用人单位已补足差额，撤销立案');
    expect(approval.fields.inspectors).toContain('（主办）');
    expect(JSON.stringify(approval)).not.toContain(REPORTER);
    expect(JSON.stringify(approval)).not.toContain(REPORTER_PHONE);
    // The named reporter is told by SMS at the phone of the report (delivered by the job queue).
    const notice = await env.server.app.ctx.database.db
      .selectFrom('party_notice')
      .select(['id'])
      .where('subject_id', '=', restaurant.id)
      .executeTakeFirstOrThrow();
    const provider = new CountingProvider();
    await delivery(provider).runOnce();
    expect(provider.sent.filter((m) => m.id === notice.id).map((m) => m.to)).toEqual([REPORTER_PHONE]);
  });

  it('a complaint that proves untrue ends the investigation (终结调查); a fine outside the range is refused', async () => {
    const r = await mustOk(await clerk.post('/api/inspection/cases', complaintBody(p.zengdu)), 201);
    const id = r.caseId;
    await mustOk(
      // The 负责人 accepts: taking the step is the 立案审批 (立案审批表 issued by his own action).
      await director.post(`/api/inspection/cases/${id}/acceptance`, { decision: 'accepted' }),
    );
    await mustOk(
      await director.post(`/api/inspection/cases/${id}/inspectors`, { userIds: [ids.chen, ids.zhang] }),
    );
    await mustOk(await chen.post(`/api/inspection/cases/${id}/investigation/start`, {}));
    const fine = await chen.post(`/api/inspection/cases/${id}/penalty`, {
      ruleCode: 'illegal_overtime',
      workerCount: 3,
      fineFen: 200_000,
      facts: '违法延长工作时间',
    });
    expect(fine.status).toBe(422);
    expect(fine.body.code).toBe('PENALTY_OUT_OF_RANGE');
    const end = await approveAll(
      (
        await mustOk(
          await chen.post(`/api/inspection/cases/${id}/investigation-end`, {
            reason: '考勤记录与监控显示每日工作8小时，投诉内容不实',
          }),
        )
      ).case,
    );
    expect(end.case.state).toBe('investigation_ended');
    const doc = end.case.documents.find((d: any) => d.type === 'case_withdrawal');
    const full = await mustOk(await chen.get(`/api/documents/${doc.id}`));
    expect(JSON.stringify(full)).toContain('not_established');
    expect(
      (await chen.post(`/api/inspection/cases/${id}/withdrawal`, { reason: 'x', evidenceOfCorrection: 'y' }))
        .status,
    ).toBe(409);
  });

  it('penalty path: 行政处罚告知书, 行政处罚决定书 after the hearing, the result told to the complainant by SMS', async () => {
    const phone = '13712345678';
    const r = await mustOk(
      await clerk.post(
        '/api/inspection/cases',
        complaintBody(p.zengdu, {
          complainant: {
            name: '孙加班',
            idType: 'resident_id',
            idNumber: residentId('19910303', 789),
            phone,
          },
          employer: { name: '随州市远航电子有限公司', creditCode: creditCode('MA4P0003') },
        }),
      ),
      201,
    );
    const id = r.caseId;
    await mustOk(
      // The 负责人 accepts: taking the step is the 立案审批 (立案审批表 issued by his own action).
      await director.post(`/api/inspection/cases/${id}/acceptance`, { decision: 'accepted' }),
    );
    await mustOk(
      await director.post(`/api/inspection/cases/${id}/inspectors`, { userIds: [ids.chen, ids.zhang] }),
    );
    await mustOk(await chen.post(`/api/inspection/cases/${id}/investigation/start`, {}));
    const proposed = await mustOk(
      await chen.post(`/api/inspection/cases/${id}/penalty`, {
        ruleCode: 'illegal_overtime',
        workerCount: 3,
        fineFen: 90_000,
        facts: '安排三名劳动者每日工作12小时，每月延长工作时间超过三十六小时',
      }),
    );
    expect(proposed.case.state).toBe('pre_decision');
    const noticeDoc = proposed.case.documents.find((d: any) => d.type === 'penalty_notice');
    expect(noticeDoc?.number).toMatch(/^随人社监罚告字/);
    const notice = await mustOk(await chen.get(`/api/documents/${noticeDoc.id}`));
    expect(notice.fields).toMatchObject({
      hearingDeadline: proposed.result.hearingDeadline,
      legalBasis: expect.stringContaining('第二十五条'),
      proposedPenalty: expect.stringContaining('900'),
    });
    // Not heard yet (window open, no hearing): refused.
    const early = await director.post(`/api/inspection/cases/${id}/penalty/decision`, {});
    expect([early.status, early.body.details?.guard]).toEqual([409, 'inspection.hearing-window-closed']);
    // The five working days pass without a hearing request: the decision may follow.
    setToday(env, plusDays(proposed.result.hearingDeadline, 1));
    const decided = await mustOk(
      await director.post(`/api/inspection/cases/${id}/penalty/decision`, {
        evidence: ['考勤记录复印件'],
      }),
    );
    expect(decided.case.state).toBe('penalized');
    const decisionDoc = decided.case.documents.find((d: any) => d.type === 'penalty_decision');
    expect(decisionDoc?.number).toMatch(/^随人社监罚字/);
    const decision = await mustOk(await chen.get(`/api/documents/${decisionDoc.id}`));
    expect(decision.fields.employerName).toBe('随州市远航电子有限公司');
    expect(decision.fields.evidence).toContain('考勤记录复印件');
    expect(decision.fields.performanceDeadline).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const closed = await approveAll(
      (
        await mustOk(
          await chen.post(`/api/inspection/cases/${id}/close`, {
            resultText: '已对用人单位作出罚款900元的行政处罚',
            channel: 'sms',
          }),
        )
      ).case,
    );
    expect(closed.case.state).toBe('closed');
    const resultDoc = closed.case.documents.find((d: any) => d.type === 'inspection_result_notice');
    expect(resultDoc?.number).toBeTruthy();
    const form = closed.case.documents.find((d: any) => d.type === 'inspection_closing_approval');
    const approval = await mustOk(await chen.get(`/api/documents/${form.id}`));
    expect(approval.fields).toMatchObject({
      complainant: '孙加班',
      source: '投诉',
      fine: 900,
      amountRecovered: 0,
      facts: '安排三名劳动者每日工作12小时，每月延长工作时间超过三十六小时',
      opinion: expect.stringContaining('行政处罚决定'),
    });
    expect(approval.fields.cause).toBeTruthy();
    const { db } = env.server.app.ctx.database;
    const row = await db
      .selectFrom('party_notice')
      .selectAll()
      .where('subject_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ channel: 'sms', state: 'pending', document_id: resultDoc.id });
    expect(row.body).toContain(resultDoc.number);
    expect(JSON.stringify(row)).not.toContain(phone);
    // The case page lists the party notices (inspection.work holders only), recipient masked.
    const listed = await mustOk(await chen.get(`/api/inspection/cases/${id}/notices`));
    expect(listed.items).toEqual([
      expect.objectContaining({ id: row.id, channel: 'sms', state: 'pending', sentAt: null }),
    ]);
    expect(JSON.stringify(listed)).not.toContain('孙加班');
    expect(JSON.stringify(listed)).not.toContain(phone);
    expect((await clerk.get(`/api/inspection/cases/${id}/notices`)).status).toBe(403);

    // Delivered by the job queue through the provider, with retries like the staff SMS.
    const provider = new CountingProvider(row.id);
    const worker = delivery(provider);
    await worker.runOnce();
    expect(
      await db.selectFrom('party_notice').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow(),
    ).toMatchObject({ state: 'pending', attempts: 1, last_error: 'gateway down' });
    await db
      .updateTable('job')
      .set({ run_at: new Date(0) })
      .where('dedupe_key', '=', `sms:party_notice:${row.id}`)
      .execute();
    await worker.runOnce();
    const mine = provider.sent.filter((m) => m.id === row.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.to).toBe(phone);
    expect(mine[0]!.body).toContain('已对用人单位作出罚款900元的行政处罚');
    expect(
      await db.selectFrom('party_notice').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow(),
    ).toMatchObject({ state: 'sent', attempts: 2, provider_ref: `test:${row.id}` });
    await worker.runOnce();
    expect(provider.sent.filter((m) => m.id === row.id)).toHaveLength(1);
  });

  it('an anonymous report: the result is recorded as 无法告知（匿名）', async () => {
    const r = await mustOk(
      await clerk.post(
        '/api/inspection/cases',
        reportBody(p.zengdu, {
          reporter: { anonymous: true },
          employer: { name: '随州市匿名被举报有限公司', creditCode: creditCode('MA4N0004') },
        }),
      ),
      201,
    );
    const id = r.caseId;
    await mustOk(
      // The 负责人 accepts: taking the step is the 立案审批 (立案审批表 issued by his own action).
      await director.post(`/api/inspection/cases/${id}/acceptance`, { decision: 'accepted' }),
    );
    await mustOk(
      await director.post(`/api/inspection/cases/${id}/inspectors`, { userIds: [ids.chen, ids.zhang] }),
    );
    await mustOk(await chen.post(`/api/inspection/cases/${id}/investigation/start`, {}));
    await approveAll(
      (
        await mustOk(
          await chen.post(`/api/inspection/cases/${id}/investigation-end`, {
            reason: '经核查工资不低于最低工资标准',
          }),
        )
      ).case,
    );
    const closed = await approveAll(
      (
        await mustOk(
          await chen.post(`/api/inspection/cases/${id}/close`, { resultText: '举报内容不实，终结调查' }),
        )
      ).case,
    );
    expect(closed.case.documents.map((d: any) => d.type)).not.toContain('inspection_result_notice');
    const form = closed.case.documents.find((d: any) => d.type === 'inspection_closing_approval');
    const approval = await mustOk(await chen.get(`/api/documents/${form.id}`));
    expect(approval.fields).toMatchObject({ complainant: '匿名举报', source: '举报' });
    expect(approval.fields.opinion).toContain('终结调查');
    const row = await env.server.app.ctx.database.db
      .selectFrom('party_notice')
      .selectAll()
      .where('subject_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ channel: 'none', state: 'recorded', recipient_label: '无法告知（匿名）' });
    expect(closed.case.outcomes.at(-1).summary).toContain('无法告知（匿名）');
  });

  it('refuses a complaint about a matter already in arbitration, with a referral', async () => {
    const idNumber = residentId('19900202', 456);
    const code = creditCode('MA4C1234');
    const m = await newMatter(clerk, p.zengdu, { idNumber, worker: '钱仲裁' });
    const arb = await openCase(clerk, m.id, 'arbitration', [m.claims[0]!.id]);
    expect(arb.status).toBe(201);
    const r = await mustOk(
      await clerk.post(
        '/api/inspection/cases',
        complaintBody(p.zengdu, {
          complainant: { name: '钱仲裁', idType: 'resident_id', idNumber },
          employer: { name: '随州市鸿运建筑劳务有限公司', creditCode: code },
          violations: [{ type: 'unpaid_wages', amountFen: 1_250_000, facts: '拖欠四个月工资' }],
        }),
      ),
      201,
    );
    const refused = await chen.post(`/api/inspection/cases/${r.caseId}/acceptance`, { decision: 'accepted' });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('DISPUTE_PROCEDURE_OPEN');
    const informed = await mustOk(
      await clerk.post(`/api/inspection/cases/${r.caseId}/acceptance`, { decision: 'dispute_procedure' }),
    );
    expect(informed.case.state).toBe('informed');
    expect(informed.case.referralTo).toContain(arb.body.case.number);
    expect(informed.case.documents.map((d: any) => d.type)).toEqual(['inspection_rejection']);
  });

  it('refuses a complaint older than two years (《劳动保障监察条例》第二十条)', async () => {
    const r = await mustOk(
      await clerk.post('/api/inspection/cases', complaintBody(p.zengdu, { violationEndedOn: '2022-01-31' })),
      201,
    );
    expect(
      (await chen.post(`/api/inspection/cases/${r.caseId}/acceptance`, { decision: 'accepted' })).body.code,
    ).toBe('INSPECTION_TIME_BARRED');
    const rej = await mustOk(
      await chen.post(`/api/inspection/cases/${r.caseId}/acceptance`, { decision: 'time_barred' }),
    );
    expect(rej.case.state).toBe('not_accepted');
  });
});
