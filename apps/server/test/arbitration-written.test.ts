import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phoneHash } from '../src/modules/parties/parties.service';
import { addArbitrator, application, seedCalendars } from './arbitration.support';
import { newMatter, type Places, places } from './cases.support';
import { type Client, signedIn, useTestServer } from './harness';
import { SmsGateway, signInByPhone, uploadFile } from './portal.support';

/**
 * 书面审理 (issue #20) of a simplified case (办案规则第六十条): ordered with both parties' agreement,
 * both sides submit statements and evidence online within the first period, then comments on the other
 * side's papers; no award before the periods end unless both sides submitted everything; the award
 * says the case was heard on the papers.
 */
const sms = new SmsGateway();
await sms.start();
const env = useTestServer({ LOG_LEVEL: 'error', SMS_PROVIDER: 'http', SMS_HTTP_URL: sms.url });
afterAll(() => sms.stop());

const AWARD = {
  facts: '申请人于2026年8月至10月在被申请人处工作，工资未发放。',
  reasons: '用人单位应当按时足额支付劳动报酬。',
  mediationAttempted: true,
  items: [
    { text: '被申请人支付申请人2026年8月至10月工资12500元', claimType: 'unpaid_wages', amountFen: 1_250_000 },
  ],
};

describe('arbitration: written hearing of a simplified case', () => {
  let p: Places;
  let clerk: Client;
  let director: Client;
  let liqiang: Client;
  let arbitrator: Client;
  let arbId: string;
  let n = 0;

  beforeAll(async () => {
    p = await places(env);
    clerk = await signedIn(env, 'clerk');
    director = await signedIn(env, 'director');
    liqiang = await signedIn(env, 'liqiang');
    await seedCalendars(env);
    arbId = await addArbitrator(env, 'arb_written', '书仲裁');
    arbitrator = await signedIn(env, 'arb_written');
  });

  /** An accepted case served on the respondent, with a sole arbitrator; both sides signed in on the portal. */
  async function servedCase(simplified: boolean) {
    n++;
    const m = await newMatter(clerk, p.zengdu, {
      worker: `书面工${n}`,
      employer: `随州市书面审理${n}有限公司`,
    });
    const app = await application(clerk, { id: m.id, claims: [m.claims[0]!] });
    const caseId = app.case.caseId as string;
    expect((await director.post(`/api/arbitration/cases/${caseId}/accept`, {})).status).toBe(200);
    expect((await liqiang.post(`/api/arbitration/cases/${caseId}/serve-respondent`, {})).status).toBe(200);
    // The respondent waived the defence period in writing (办案规则第五十八条): the award may come early.
    const waiver = await liqiang.post(`/api/arbitration/cases/${caseId}/records`, {
      kind: 'defence_waiver',
      summary: '被申请人书面声明放弃答辩期',
    });
    expect(waiver.status, JSON.stringify(waiver.body)).toBe(200);
    if (simplified) {
      const s = await liqiang.post(`/api/arbitration/cases/${caseId}/simplified`, {
        apply: true,
        reason: '欠薪事实清楚，标的额小',
      });
      expect(s.status, JSON.stringify(s.body)).toBe(200);
    }
    const t = await liqiang.post(`/api/arbitration/cases/${caseId}/tribunal`, {
      arbitratorIds: simplified ? [arbId] : [arbId, arbId, arbId],
    });
    if (simplified) expect(t.status, JSON.stringify(t.body)).toBe(200);
    const detail = (await clerk.get(`/api/matters/${m.id}`)).body;
    const workerPhone = `1370000${String(8000 + n)}`;
    const { ctx } = env.server.app;
    await ctx.database.db
      .updateTable('party')
      .set({ phone_enc: ctx.cipher.encrypt(workerPhone), phone_hash: phoneHash(ctx.cipher, workerPhone) })
      .where('id', '=', detail.workers[0].id)
      .execute();
    const rep = await clerk.post(`/api/portal/staff/matters/${m.id}/representative-code`, {
      partyId: detail.employers[0].id,
    });
    const employer = await signInByPhone(env, sms, `1360000${String(8000 + n)}`);
    expect((await employer.post('/api/portal/representation', { code: rep.body.code })).status).toBe(200);
    const worker = await signInByPhone(env, sms, workerPhone);
    return { matterId: m.id, caseId, worker, employer };
  }

  it('only a simplified case, with both parties agreeing; the periods come from the clock engine', async () => {
    const plain = await servedCase(false);
    const refused = await arbitrator.post(`/api/arbitration/cases/${plain.caseId}/written-hearing`, {
      bothPartiesAgreed: true,
    });
    expect([refused.status, refused.body.code]).toEqual([422, 'WRITTEN_HEARING_NOT_SIMPLIFIED']);

    const c = await servedCase(true);
    const path = `/api/arbitration/cases/${c.caseId}/written-hearing`;
    const noConsent = await arbitrator.post(path, { bothPartiesAgreed: false });
    expect(noConsent.status).toBe(422);
    expect(noConsent.body.message).toContain('书面审理须经双方当事人同意');
    const ordered = await arbitrator.post(path, { bothPartiesAgreed: true, note: '双方书面同意不开庭' });
    expect(ordered.status, JSON.stringify(ordered.body)).toBe(200);
    expect(ordered.body.case.state).toBe('hearing');
    const clocks = ordered.body.case.clocks as { ruleId: string; dueDate: string }[];
    const statementDue = clocks.find((k) => k.ruleId === 'arbitration.written-statement')!.dueDate;
    const replyDue = clocks.find((k) => k.ruleId === 'arbitration.written-reply')!.dueDate;
    expect(ordered.body.writtenHearing).toMatchObject({
      statementDue,
      replyDue,
      statementOpen: true,
      replyOpen: false,
      decidable: false,
      submissions: [],
    });
    expect(ordered.body.writtenHearing.basis).toContain('《劳动人事争议仲裁办案规则》第六十条');
    expect((await arbitrator.post(path, { bothPartiesAgreed: true })).body.code).toBe(
      'WRITTEN_HEARING_EXISTS',
    );
  });

  it('statements, then comments; no award before the periods end unless both sides submitted everything', async () => {
    const c = await servedCase(true);
    expect(
      (
        await arbitrator.post(`/api/arbitration/cases/${c.caseId}/written-hearing`, {
          bothPartiesAgreed: true,
        })
      ).status,
    ).toBe(200);
    const portal = `/api/portal/written-hearings/${c.caseId}`;
    const statement = { round: 'statement', text: '被申请人拖欠我8月至10月工资共12500元，有工资条为证。' };
    const first = await c.worker.post(`${portal}/submissions`, statement);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect((await c.worker.post(`${portal}/submissions`, statement)).body.code).toBe(
      'WRITTEN_ALREADY_SUBMITTED',
    );
    // Comments wait until both statements are in (or the first period has ended).
    const early = await c.worker.post(`${portal}/submissions`, {
      round: 'reply',
      text: '对被申请人的陈述有异议。',
    });
    expect([early.status, early.body.code]).toEqual([422, 'WRITTEN_REPLY_NOT_YET']);
    // The employer does not see the worker's statement before its own period closes.
    expect((await c.employer.get(portal)).body.submissions).toEqual([]);
    const award = `/api/arbitration/cases/${c.caseId}/award`;
    const tooEarly = await arbitrator.post(award, AWARD);
    expect([tooEarly.status, tooEarly.body.code]).toEqual([422, 'WRITTEN_HEARING_OPEN']);
    expect(tooEarly.body.message).toContain('第六十条');

    expect(
      (
        await c.employer.post(`${portal}/submissions`, {
          round: 'statement',
          text: '已支付8月工资，其余工资同意分期支付。',
        })
      ).status,
    ).toBe(200);
    const seen = (await c.worker.get(portal)).body;
    expect(seen.replyOpen).toBe(true);
    expect(seen.submissions.map((s: any) => `${s.roleLabel}:${s.roundLabel}`)).toEqual([
      '申请人:陈述意见和证据',
      '被申请人:陈述意见和证据',
    ]);
    expect(
      (
        await c.worker.post(`${portal}/submissions`, {
          round: 'reply',
          text: '8月工资未收到，不认可被申请人的陈述。',
        })
      ).status,
    ).toBe(200);
    expect((await arbitrator.post(award, AWARD)).body.code).toBe('WRITTEN_HEARING_OPEN');
    const last = await c.employer.post(`${portal}/submissions`, {
      round: 'reply',
      text: '对申请人的工资条真实性无异议。',
    });
    expect(last.body.decidable).toBe(true);

    const made = await arbitrator.post(award, AWARD);
    expect(made.status, JSON.stringify(made.body)).toBe(200);
    expect(made.body.case.state).toBe('awarded');
    const doc = (await arbitrator.get(`/api/documents/${made.body.documents[0].id}`)).body;
    expect(doc.fields.writtenHearing).toBe(
      '本案适用简易处理，经双方当事人同意，仲裁庭不开庭，依据双方在规定期限内在线提交的陈述意见、证据和质证意见进行了书面审理（《劳动人事争议仲裁办案规则》第六十条）',
    );
    const events = await env.server.app.ctx.database.db
      .selectFrom('matter_event')
      .select('kind')
      .where('matter_id', '=', c.matterId)
      .where('kind', 'in', ['written_hearing_ordered', 'written_submission'])
      .execute();
    expect(events.map((e) => e.kind)).toEqual([
      'written_hearing_ordered',
      'written_submission',
      'written_submission',
      'written_submission',
      'written_submission',
    ]);
  });

  it('after the periods end the tribunal decides on what was submitted; a late submission is refused', async () => {
    const c = await servedCase(true);
    expect(
      (
        await arbitrator.post(`/api/arbitration/cases/${c.caseId}/written-hearing`, {
          bothPartiesAgreed: true,
        })
      ).status,
    ).toBe(200);
    const portal = `/api/portal/written-hearings/${c.caseId}`;
    expect(
      (
        await c.worker.post(`${portal}/submissions`, {
          round: 'statement',
          text: '被申请人拖欠我工资共12500元。',
        })
      ).status,
    ).toBe(200);
    // Both periods have passed (the employer stayed silent).
    await env.server.app.ctx.database.db
      .updateTable('written_hearing')
      .set({ statement_due: '2026-01-05', reply_due: '2026-01-09' })
      .where('case_id', '=', c.caseId)
      .execute();
    const late = await c.employer.post(`${portal}/submissions`, {
      round: 'statement',
      text: '我方不同意申请人的请求。',
    });
    expect([late.status, late.body.code]).toEqual([422, 'WRITTEN_PERIOD_OVER']);
    expect(late.body.message).toBe('提交陈述意见和证据的期限已于2026年1月5日届满');
    const view = (await arbitrator.get(`/api/arbitration/cases/${c.caseId}/written-hearing`)).body;
    expect(view).toMatchObject({ decidable: true, blocking: null, statementOpen: false, replyOpen: false });
    const made = await arbitrator.post(`/api/arbitration/cases/${c.caseId}/award`, AWARD);
    expect(made.status, JSON.stringify(made.body)).toBe(200);
  });

  it('the portal lists the written hearing; a statement carries new files as the case evidence', async () => {
    const c = await servedCase(true);
    expect((await c.worker.get('/api/portal/written-hearings')).body.items).toEqual([]);
    const ordered = await arbitrator.post(`/api/arbitration/cases/${c.caseId}/written-hearing`, {
      bothPartiesAgreed: true,
    });
    const { statementDue, replyDue } = ordered.body.writtenHearing;
    const list = await c.worker.get('/api/portal/written-hearings');
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      {
        caseId: c.caseId,
        caseNumber: ordered.body.case.number,
        role: 'worker',
        roleLabel: '申请人',
        statementDue,
        replyDue,
        statementOpen: true,
        replyOpen: false,
        submitted: [],
      },
    ]);
    expect((await c.employer.get('/api/portal/written-hearings')).body.items[0].role).toBe('employer');
    const up = await uploadFile(
      c.worker,
      Buffer.from([0xff, 0xd8, 0xff, 0xe0, ...Array(64).fill(1)]),
      '工资条.jpg',
    );
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    const portal = `/api/portal/written-hearings/${c.caseId}`;
    const sent = await c.worker.post(`${portal}/submissions`, {
      round: 'statement',
      text: '被申请人拖欠我三个月工资，工资条附后。',
      uploadIds: [up.body.id],
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(sent.body.viewer).toBe('worker');
    expect(sent.body.submissions.map((s: any) => [s.roundLabel, s.evidence])).toEqual([
      ['陈述意见和证据', ['工资条.jpg']],
    ]);
    // The file is now the case's evidence (staff see it on the card); the upload cannot be used twice.
    const staff = (await arbitrator.get(`/api/arbitration/cases/${c.caseId}/written-hearing`)).body;
    expect([staff.viewer, staff.submissions[0].evidence]).toEqual([null, ['工资条.jpg']]);
    const evidence = await env.server.app.ctx.database.db
      .selectFrom('matter_evidence')
      .select(['file_name', 'description'])
      .where('matter_id', '=', c.matterId)
      .where('file_name', '=', '工资条.jpg')
      .execute();
    expect(evidence).toEqual([{ file_name: '工资条.jpg', description: '书面审理陈述意见所附证据' }]);
    expect((await c.worker.get('/api/portal/written-hearings')).body.items[0].submitted).toEqual([
      'statement',
    ]);
  });
});
