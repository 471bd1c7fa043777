import { beforeAll, describe, expect, it } from 'vitest';
import { newMatter, type Places, places } from './cases.support';
import { download, runJobs } from './documents.support';
import { Client, signedIn, useTestServer } from './harness';
import { intakeBody } from './intake-fixtures';

/** The 2027 arrangement as an administrator would enter it (test data modelled on earlier notices). */
export const NOTICE_2027 = {
  source: '国务院办公厅关于2027年部分节假日安排的通知（测试数据）',
  holidays: [
    { date: '2027-01-01', name: '元旦' },
    ...['02-05', '02-06', '02-07', '02-08', '02-09', '02-10', '02-11', '02-12', '02-13'].map((d) => ({
      date: `2027-${d}`,
      name: '春节',
    })),
  ],
  makeupWorkdays: [{ date: '2027-02-20', name: '春节调休上班' }],
};

/** What a 复查/复核意见书 states (required by the review steps, which issue it). */
const REVIEW = {
  facts: '经复查，单位已支付一次性伤残补助金',
  opinion: '维持原处理意见',
  legalBasis: '《工伤保险条例》第三十七条',
};

describe('petitions (信访)', () => {
  const env = useTestServer({ LOG_LEVEL: 'error' });
  let p: Places;
  let clerk: Client;
  let officer: Client;

  beforeAll(async () => {
    p = await places(env);
    clerk = await signedIn(env, 'clerk');
    officer = await signedIn(env, 'petition');
    // Handling periods run into next year: the administrator has entered its holiday arrangement.
    const admin = await signedIn(env, 'admin');
    expect((await admin.request('PUT', '/api/admin/calendar/years/2027', NOTICE_2027)).status).toBeLessThan(
      300,
    );
  });

  const fresh = (over: Record<string, unknown> = {}) => {
    const { channel: _c, requestKind: _r, ...intake } = intakeBody(p.zengdu) as Record<string, unknown>;
    return {
      form: 'visit',
      intake,
      request: '要求用人单位支付拖欠的四个月工资',
      facts: '在工地做钢筋工，2025年9月至12月工资未发放，多次讨要未果',
      reasons: '家庭生活困难',
      ...over,
    };
  };

  it('registers a petition about unpaid wages, records the negotiation and transfers it to inspection (both timelines)', async () => {
    expect((await new Client(env.url).post('/api/petitions', fresh())).status).toBe(401);
    const bad = await officer.post('/api/petitions', { ...fresh(), request: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('请填写信访请求');
    expect((await clerk.post('/api/petitions', fresh())).status).toBe(403);

    const reg = await officer.post('/api/petitions', fresh());
    expect(reg.status, JSON.stringify(reg.body)).toBe(201);
    const pet = reg.body;
    expect(pet.case.number).toMatch(/^随信转〔\d{4}〕\d+号$/);
    expect(pet).toMatchObject({ petitionerName: '王建国', formLabel: '来访' });
    expect(pet.case.state).toBe('registered');
    expect(pet.clocks.map((c: any) => c.ruleId)).toContain('petition.reply');
    expect(pet.actions).toEqual(
      expect.arrayContaining(['negotiate', 'transfer', 'explain', 'accept', 'resolve', 'classify']),
    );

    const neg = await officer.post(`/api/petitions/${pet.id}/negotiations`, {
      occurredOn: '2026-11-20',
      content: '约谈用人单位负责人，单位称资金紧张，拒绝一次性支付',
      employerAttendee: '李大海',
      result: 'failed',
    });
    expect(neg.status).toBe(201);
    expect(neg.body.petition.records[0]).toMatchObject({ kind: 'negotiation', result: '协商不成' });

    const noReason = await officer.post(`/api/petitions/${pet.id}/transfer`, {
      target: 'inspection',
      reason: '',
    });
    expect(noReason.status).toBe(400);
    const t = await officer.post(`/api/petitions/${pet.id}/transfer`, {
      target: 'inspection',
      reason: '协商调处不成，请依法查处欠薪',
    });
    expect(t.status, JSON.stringify(t.body)).toBe(200);
    const after = t.body.petition;
    expect(after.case.state).toBe('channelled');
    expect(after.transfer).toMatchObject({
      state: 'pending',
      toOrgName: '随州市劳动保障监察支队',
      toTrack: 'inspection',
    });
    expect(after.transfer.slipDocumentId).toBeTruthy();
    expect(after.actions).toEqual([]);

    // The receiving side: the inspector's inbox, then the opened inspection case with the claims.
    const inspector = await signedIn(env, 'inspector');
    const inbox = (await inspector.get('/api/transfers?box=inbox')).body.items;
    const mine = inbox.find((x: any) => x.id === after.transfer.id);
    expect(mine).toBeTruthy();
    const acc = await inspector.post(`/api/transfers/${after.transfer.id}/accept`, {});
    expect(acc.status, JSON.stringify(acc.body)).toBe(200);
    const opened = (await inspector.get(`/api/cases/${acc.body.openedCaseId}`)).body;
    expect(opened.track).toBe('inspection');
    expect(opened.claims.length).toBe(1);

    const view = (await officer.get(`/api/petitions/${pet.id}`)).body;
    expect(view.transfer.state).toBe('accepted');
    expect(view.transfer.openedCaseNumber).toBe(acc.body.openedCaseNumber);
    const timeline = (await clerk.get(`/api/matters/${pet.matter.id}`)).body.timeline.map((e: any) => e.kind);
    expect(timeline).toEqual(
      expect.arrayContaining([
        'created',
        'petition_registered',
        'petition_negotiation',
        'transfer_sent',
        'case_transition',
        'transfer_accepted',
        'case_opened',
      ]),
    );
    expect(view.events.map((e: any) => e.event)).toEqual(['open', 'channel']);
  });

  it('explains the procedure to a petitioner unhappy with an arbitration award and issues the printable 释明告知书', async () => {
    const m = await newMatter(clerk, p.zengdu);
    const reg = await officer.post('/api/petitions', {
      matterId: m.id,
      form: 'visit',
      request: '不服仲裁裁决，要求重新处理',
      facts: '仲裁委员会裁决支持部分工资，本人认为加班费计算错误',
      disputedConclusion: 'arbitration',
      conclusionRef: '随劳人仲裁字〔2026〕第8号',
    });
    expect(reg.status, JSON.stringify(reg.body)).toBe(201);
    const noCourt = await officer.post(`/api/petitions/${reg.body.id}/explain`, {
      explanation: '已说明',
      court: '',
    });
    expect(noCourt.status).toBe(400);
    const r = await officer.post(`/api/petitions/${reg.body.id}/explain`, {
      explanation:
        '仲裁裁决已依法作出，信访程序不能改变裁决结论；你可以在收到裁决书之日起十五日内向人民法院起诉。',
      court: '随州市曾都区人民法院',
      version: reg.body.case.version,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.petition.case.state).toBe('explained');
    expect(r.body.document).toMatchObject({ type: 'explanation_record', title: '释明告知书' });
    expect(r.body.document.number).toMatch(/^随信文字〔\d{4}〕\d+号$/);
    expect(r.body.petition.records[0]).toMatchObject({
      kind: 'explanation',
      result: '引导通过司法途径解决：随州市曾都区人民法院',
    });
    expect(r.body.petition.clocks).toEqual([]);
    await runJobs(env);
    const doc = (await officer.get(`/api/documents/${r.body.document.id}`)).body;
    expect(doc.state).toBe('issued');
    const pdf = await download(officer, `/api/documents/${r.body.document.id}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.data.subarray(0, 5).toString()).toBe('%PDF-');
    const timeline = (await clerk.get(`/api/matters/${m.id}`)).body.timeline;
    expect(timeline.some((e: any) => e.kind === 'document_issued' && e.summary.includes('释明告知书'))).toBe(
      true,
    );
  });

  it('ordinary handling: 受理告知书 (15 days), 处理意见书 (60 days, +30 once), review and re-review within 30 days', async () => {
    const reg = (
      await officer.post(
        '/api/petitions',
        fresh({ request: '要求落实工伤职工生活补助', facts: '工伤九级，单位未落实补助' }),
      )
    ).body;
    const acc = await officer.post(`/api/petitions/${reg.id}/accept`, {});
    expect(acc.status, JSON.stringify(acc.body)).toBe(200);
    expect(acc.body.document.type).toBe('petition_acceptance');
    expect(acc.body.petition.clocks.map((c: any) => c.ruleId)).toEqual(['petition.handling']);

    const director = await signedIn(env, 'director');
    const ext = await director.post(`/api/petitions/${reg.id}/steps/extend`, {
      extensionReason: '需调取工伤认定档案',
    });
    expect(ext.status, JSON.stringify(ext.body)).toBe(200);
    const twice = await director.post(`/api/petitions/${reg.id}/steps/extend`, {
      extensionReason: '再次延长',
    });
    expect(twice.status).toBe(422);
    expect(twice.body.message).toContain('只能延长一次');
    expect(
      (await officer.post(`/api/petitions/${reg.id}/steps/extend`, { extensionReason: 'x' })).status,
    ).toBe(403);

    const dec = await officer.post(`/api/petitions/${reg.id}/decide`, {
      facts: '经核实，单位已支付一次性伤残补助金',
      opinion: '生活补助诉求缺乏政策依据，已向信访人解释',
      outcome: 'explain',
      legalBasis: '《工伤保险条例》第三十七条',
    });
    expect(dec.status, JSON.stringify(dec.body)).toBe(200);
    expect(dec.body.document.type).toBe('petition_opinion');
    expect(dec.body.petition.clocks.map((c: any) => c.ruleId)).toEqual(['petition.review-request']);

    const today = new Date(Date.now() + 8 * 3600_000);
    const daysAgo = (n: number) => new Date(today.getTime() - n * 86400_000).toISOString().slice(0, 10);
    const late = await officer.post(`/api/petitions/${reg.id}/steps/request_review`, {
      replyReceivedOn: daysAgo(40),
    });
    expect(late.status).toBe(422);
    expect(late.body.message).toContain('三十日内');
    const rv = await officer.post(`/api/petitions/${reg.id}/steps/request_review`, {
      replyReceivedOn: daysAgo(3),
    });
    expect(rv.status).toBe(200);
    expect(rv.body.petition.clocks.map((c: any) => c.ruleId)).toEqual(['petition.review-reply']);
    expect(
      (await officer.post(`/api/petitions/${reg.id}/steps/issue_review`, REVIEW)).body.petition.case.state,
    ).toBe('reviewed');
    const rr = await officer.post(`/api/petitions/${reg.id}/steps/request_re_review`, {
      replyReceivedOn: daysAgo(1),
    });
    expect(rr.body.petition.clocks.map((c: any) => c.ruleId)).toEqual(['petition.re-review-reply']);
    const fin = await officer.post(`/api/petitions/${reg.id}/steps/issue_re_review`, REVIEW);
    expect(fin.body.petition.case.state).toBe('final');
    expect(fin.body.petition.clocks).toEqual([]);
  });

  it('early intervention succeeds: the settlement is recorded and the petition settled; classification', async () => {
    const reg = (await officer.post('/api/petitions', fresh())).body;
    const stale = await officer.post(`/api/petitions/${reg.id}/resolve`, {
      occurredOn: '2026-11-25',
      terms: '单位于12月10日前支付全部工资',
      agreementSigned: true,
      version: 99,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.details.current.id).toBe(reg.id);
    const r = await officer.post(`/api/petitions/${reg.id}/resolve`, {
      occurredOn: '2026-11-25',
      terms: '单位于12月10日前支付全部工资',
      agreementSigned: true,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.petition.case.state).toBe('settled');
    expect(r.body.petition.records.at(-1)).toMatchObject({ kind: 'settlement', result: '已和解' });

    const sug = (await officer.post('/api/petitions', fresh({ request: '建议设立夜间咨询窗口' }))).body;
    const c = await officer.post(`/api/petitions/${sug.id}/classify`, { category: 'suggestion' });
    expect(c.status).toBe(200);
    expect(c.body.petition).toMatchObject({ categoryLabel: '建议意见类' });
    expect(c.body.petition.case.state).toBe('under_study');
    const list = (await officer.get('/api/petitions?open=true')).body.items.map((x: any) => x.id);
    expect(list).toContain(sug.id);
    expect(list).not.toContain(reg.id);
  });
});
