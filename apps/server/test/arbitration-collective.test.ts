import { afterEach, describe, expect, it } from 'vitest';
import { application, approved, COMPLETE, useArbitrationSetup } from './arbitration.support';
import { useTestServer } from './harness';
import { creditCode, intakeBody, residentId } from './intake-fixtures';
import { setToday } from './procedure.support';

/**
 * Collective disputes (《劳动人事争议仲裁办案规则》第五十六条至第六十七条, 《劳动人事争议仲裁办案规则》第六十三条; 办案规则第六十二条至第六十七条): the one-time notice of all key
 * dates within five days of acceptance; the represented workers' written consent before the
 * representatives dispose of their rights; the tripartite tribunal of collective-contract disputes.
 */
describe('arbitration: collective variant', () => {
  const env = useTestServer({ LOG_LEVEL: 'error', STORAGE_DIR: `/tmp/onestop-arbc-${process.pid}` });
  afterEach(() => setToday(env, null));
  const s = useArbitrationSetup(env, {
    users: ['clerk', 'director', 'liqiang', 'zhangmin'],
    arbitrators: { arb_c_1: '甲仲裁', arb_c_2: '乙仲裁', arb_c_3: '丙仲裁' },
  });

  const withReps = {
    materials: [
      ...COMPLETE.materials,
      { kind: 'representatives', title: '代表人推选书及全体申请人名单', form: '原件', pages: 2 },
    ],
  };

  async function collectiveCase(seed: number, facts: Record<string, unknown> = {}) {
    const workers = Array.from({ length: 10 }, (_, i) => ({
      name: `工友${seed}-${i}`,
      idType: 'resident_id',
      idNumber: residentId('19900505', seed + i),
      phone: '13871234567',
      address: '湖北省随州市曾都区交通大道100号',
      representative: i < 3,
    }));
    const r = await s.clerk.post(
      '/api/intake',
      intakeBody(s.p.zengdu, {
        workers,
        employers: [
          {
            name: `随州市集体电子${seed}有限公司`,
            creditCode: creditCode(`MA4E${String(seed).padStart(4, '0')}`),
            legalRepresentative: '赵厂长',
            address: '随州市曾都区擂鼓墩大道9号',
          },
        ],
        ...(Object.keys(facts).length && { facts }),
      }),
    );
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const ok = await application(s.clerk, r.body, withReps);
    expect(ok.complete, JSON.stringify(ok.missingItems)).toBe(true);
    const caseId = ok.case.caseId as string;
    // The city commission's collective cases are accepted after the 立案审批 (approval forms).
    await approved(s.liqiang, s.director, caseId, 'filing');
    const acc = await s.director.post(`/api/arbitration/cases/${caseId}/accept`, {});
    expect(acc.status, JSON.stringify(acc.body)).toBe(200);
    return { caseId, view: acc.body.case };
  }

  /**
   * A collective case with its tribunal set, the respondent served, both periods waived in writing and
   * a hearing scheduled ten days ahead (afternoon, so it never clashes with another test's morning).
   */
  async function collectiveCaseWithHearing(seed: number): Promise<string> {
    const { caseId } = await collectiveCase(seed);
    const t = await s.liqiang.post(`/api/arbitration/cases/${caseId}/tribunal`, {
      arbitratorIds: [s.ids.arb_c_1, s.ids.arb_c_2, s.ids.arb_c_3],
      presidingId: s.ids.arb_c_2,
      clerkId: s.ids.liqiang,
    });
    expect(t.status, JSON.stringify(t.body)).toBe(200);
    expect((await s.liqiang.post(`/api/arbitration/cases/${caseId}/serve-respondent`, {})).status).toBe(200);
    for (const [kind, summary] of [
      ['defence_waiver', '被申请人书面声明放弃答辩期'],
      ['evidence_waiver', '双方当事人书面声明放弃举证期限'],
    ]) {
      const w = await s.liqiang.post(`/api/arbitration/cases/${caseId}/records`, { kind, summary });
      expect(w.status, JSON.stringify(w.body)).toBe(200);
    }
    const cal = (
      await s.clerk.get(`/api/arbitration/calendar?from=${new Date().toISOString().slice(0, 10)}&days=14`)
    ).body;
    const d = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const h = await s.liqiang.post(`/api/arbitration/cases/${caseId}/hearings`, {
      roomId: cal.rooms[0].id,
      startsAt: `${d}T14:00:00+08:00`,
      endsAt: `${d}T16:00:00+08:00`,
    });
    expect(h.status, JSON.stringify(h.body)).toBe(200);
    return caseId;
  }

  it('T-A17: one notice of tribunal, defence, evidence and hearing, offered once tribunal and hearing are set', async () => {
    const c = await collectiveCase(700);
    const caseId = c.caseId;
    const clock = c.view.clocks.find((k: any) => k.ruleId === 'arbitration.collective.notice');
    expect(clock?.status).toBe('running');
    expect(c.view.collectiveNotice).toMatchObject({ tribunalSet: false, hearingSet: false, canIssue: false });
    const path = `/api/arbitration/cases/${caseId}/collective-notice`;
    const anon = await env.server.app.inject({ method: 'POST', url: path, payload: {} });
    expect(anon.statusCode).toBe(401);
    expect((await s.liqiang.post(path, { extra: 1 })).status).toBe(400);
    expect((await s.clerk.post(path, {})).status).toBe(403);
    const early = await s.liqiang.post(path, {});
    expect([early.status, early.body.code]).toEqual([422, 'TRIBUNAL_REQUIRED']);

    const t = await s.liqiang.post(`/api/arbitration/cases/${caseId}/tribunal`, {
      arbitratorIds: [s.ids.arb_c_1, s.ids.arb_c_2, s.ids.arb_c_3],
      presidingId: s.ids.arb_c_2,
      clerkId: s.ids.liqiang,
    });
    expect(t.status, JSON.stringify(t.body)).toBe(200);
    const noHearing = await s.liqiang.post(path, {});
    expect([noHearing.status, noHearing.body.code]).toEqual([422, 'HEARING_REQUIRED']);
    expect((await s.liqiang.post(`/api/arbitration/cases/${caseId}/serve-respondent`, {})).status).toBe(200);
    // The parties waived the defence and evidence periods in writing: the hearing may come in 10 days.
    for (const [kind, summary] of [
      ['defence_waiver', '被申请人书面声明放弃答辩期'],
      ['evidence_waiver', '双方当事人书面声明放弃举证期限'],
    ]) {
      const w = await s.liqiang.post(`/api/arbitration/cases/${caseId}/records`, { kind, summary });
      expect(w.status, JSON.stringify(w.body)).toBe(200);
    }
    const cal = (
      await s.clerk.get(`/api/arbitration/calendar?from=${new Date().toISOString().slice(0, 10)}&days=14`)
    ).body;
    const d = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const h = await s.liqiang.post(`/api/arbitration/cases/${caseId}/hearings`, {
      roomId: cal.rooms[0].id,
      startsAt: `${d}T09:00:00+08:00`,
      endsAt: `${d}T11:00:00+08:00`,
    });
    expect(h.status, JSON.stringify(h.body)).toBe(200);
    expect(h.body.case.collectiveNotice.canIssue).toBe(true);

    const stale = await s.liqiang.post(path, { version: h.body.case.version - 1 });
    expect(stale.status).toBe(409);
    const ok = await s.liqiang.post(path, { version: h.body.case.version });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.documents.map((x: any) => x.type)).toEqual(['collective_notice']);
    const doc = (await s.clerk.get(`/api/documents/${ok.body.documents[0].id}`)).body;
    expect(doc.title).toBe('集体劳动人事争议仲裁告知书');
    expect(doc.fields.presidingArbitrator).toBe('乙仲裁');
    expect(doc.fields.arbitrators).toEqual(['甲仲裁', '丙仲裁']);
    expect(doc.fields.defencePeriod).toContain('十日');
    expect(doc.fields.evidenceDeadline).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(doc.fields.hearingAt).toBe(`${d}T09:00`);
    expect(doc.fields.hearingPlace).toContain(cal.rooms[0].name);
    expect(doc.fields.applicantName).toContain('代表人：工友700-0、工友700-1、工友700-2');
    const met = ok.body.case.clocks.find((k: any) => k.ruleId === 'arbitration.collective.notice');
    expect(met.status).toBe('met');
    expect(ok.body.case.collectiveNotice).toMatchObject({ canIssue: false, clockStatus: 'met' });
    const again = await s.liqiang.post(path, {});
    expect([again.status, again.body.code]).toEqual([409, 'COLLECTIVE_NOTICE_ISSUED']);
  });

  it('representatives cannot abandon claims, settle or withdraw without the represented workers’ written consent', async () => {
    const caseId = await collectiveCaseWithHearing(720);
    const view = (await s.liqiang.get(`/api/arbitration/cases/${caseId}`)).body;
    expect(view.representedWorkers).toHaveLength(7);
    const claimId = view.claims[0].claimId;
    const abandon = await s.liqiang.post(`/api/arbitration/cases/${caseId}/claims-change`, {
      action: 'change_claims',
      changes: [{ claimId, amountFen: 900_000 }],
      reason: '核减金额',
    });
    expect([abandon.status, abandon.body.code]).toEqual([422, 'REPRESENTED_CONSENT_MISSING']);
    expect(abandon.body.message).toContain('变更仲裁请求');
    expect(abandon.body.details.missing).toHaveLength(7);

    const consentPath = `/api/arbitration/cases/${caseId}/consents`;
    const anon = await env.server.app.inject({
      method: 'POST',
      url: consentPath,
      payload: { act: 'withdraw', partyIds: [claimId], signedOn: '2026-01-05', documentRef: '同意书' },
    });
    expect(anon.statusCode).toBe(401);
    expect((await s.liqiang.post(consentPath, { act: 'withdraw' })).status).toBe(400);
    const rep = view.parties.find((x: any) => x.name === '工友720-0');
    const bad = await s.liqiang.post(consentPath, {
      act: 'withdraw',
      partyIds: [rep.partyId],
      signedOn: '2026-01-05',
      documentRef: '同意书',
    });
    expect([bad.status, bad.body.code]).toEqual([422, 'CONSENT_PARTY_INVALID']);
    const represented = view.representedWorkers.map((w: any) => w.partyId);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const change = await s.liqiang.post(consentPath, {
      act: 'change_claims',
      partyIds: represented,
      signedOn: today,
      documentRef: '全体劳动者同意变更请求书（附件3）',
    });
    expect(change.status, JSON.stringify(change.body)).toBe(200);
    const changed = await s.liqiang.post(`/api/arbitration/cases/${caseId}/claims-change`, {
      action: 'change_claims',
      changes: [{ claimId, amountFen: 900_000 }],
      reason: '核减金额',
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.case.claims[0].amountFen).toBe(900_000);
    expect(changed.body.case.records.some((r: any) => r.kind === 'restart')).toBe(true);

    // The hearing day comes (test clock): only then is the hearing held.
    const hearingDay = view.hearings.find((x: any) => x.state === 'scheduled').startsAt as string;
    setToday(env, new Date(new Date(hearingDay).getTime() + 8 * 3600_000).toISOString().slice(0, 10));
    const held = await s.zhangmin.post(`/api/arbitration/cases/${caseId}/steps`, {
      step: 'hold_hearing',
      summary: '开庭',
    });
    // zhangmin does not sit on this tribunal but holds an arbitrator post; the machine allows arbitrators.
    expect(held.status, JSON.stringify(held.body)).toBe(200);
    const settle = await s.zhangmin.post(`/api/arbitration/cases/${caseId}/mediation-statement`, {
      agreedTerms: ['被申请人支付工资9000元'],
      bothPartiesSigned: true,
    });
    expect([settle.status, settle.body.code]).toEqual([422, 'REPRESENTED_CONSENT_MISSING']);
    expect(settle.body.message).toContain('接受调解');

    const some = represented.slice(0, 5);
    const partial = await s.liqiang.post(consentPath, {
      act: 'withdraw',
      partyIds: some,
      signedOn: today,
      documentRef: '撤回仲裁申请同意书（附件5）',
    });
    expect(partial.status).toBe(200);
    const w1 = await s.zhangmin.post(`/api/arbitration/cases/${caseId}/steps`, {
      step: 'withdraw',
      summary: '已达成和解',
      withdrawalApplicationFiled: true,
    });
    expect([w1.status, w1.body.code]).toEqual([422, 'REPRESENTED_CONSENT_MISSING']);
    expect(w1.body.details.missing.map((m: any) => m.name)).toEqual(['工友720-8', '工友720-9']);
    expect(w1.body.message).toContain('工友720-8、工友720-9');
    const rest = await s.liqiang.post(consentPath, {
      act: 'withdraw',
      partyIds: represented.slice(5),
      signedOn: today,
      documentRef: '撤回仲裁申请同意书（附件6）',
    });
    expect(rest.status).toBe(200);
    expect(rest.body.case.consents).toHaveLength(3);
    const w2 = await s.zhangmin.post(`/api/arbitration/cases/${caseId}/steps`, {
      step: 'withdraw',
      summary: '已达成和解',
      withdrawalApplicationFiled: true,
    });
    expect(w2.status, JSON.stringify(w2.body)).toBe(200);
    const doc = (await s.clerk.get(`/api/documents/${w2.body.documents[0].id}`)).body;
    expect(doc.fields.consents).toHaveLength(2);
    expect(doc.fields.consents[1]).toContain('附件6');
    const db = env.server.app.ctx.database.db;
    const audit = await db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', caseId)
      .where('action', '=', 'arbitration.consent.record')
      .execute();
    expect(audit).toHaveLength(3);
  });

  it('collective-contract disputes: tripartite tribunal (labour administration, union, enterprise)', async () => {
    const { caseId: cc, view } = await collectiveCase(800, { collectiveContract: true });
    expect(view.collectiveContract).toBe(true);
    const path = `/api/arbitration/cases/${cc}/tribunal`;
    const three = [s.ids.arb_c_1, s.ids.arb_c_2, s.ids.arb_c_3] as string[];
    const none = await s.liqiang.post(path, { arbitratorIds: three });
    expect([none.status, none.body.code]).toEqual([422, 'TRIBUNAL_TRIPARTITE']);
    expect(none.body.message).toContain('三方原则');
    const dup = await s.liqiang.post(path, {
      arbitratorIds: three,
      sides: { [three[0]!]: 'labour_administration', [three[1]!]: 'trade_union', [three[2]!]: 'trade_union' },
    });
    expect([dup.status, dup.body.code]).toEqual([422, 'TRIBUNAL_TRIPARTITE']);
    expect(dup.body.message).toContain('尚缺：企业方面代表');
    const badSide = await s.liqiang.post(path, {
      arbitratorIds: three,
      sides: { [three[0]!]: 'government' },
    });
    expect(badSide.status).toBe(400);
    const ok = await s.liqiang.post(path, {
      arbitratorIds: three,
      presidingId: three[0],
      sides: { [three[0]!]: 'labour_administration', [three[1]!]: 'trade_union', [three[2]!]: 'enterprise' },
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(Object.fromEntries(ok.body.case.tribunal.map((t: any) => [t.name, t.side]))).toEqual({
      甲仲裁: 'labour_administration',
      乙仲裁: 'trade_union',
      丙仲裁: 'enterprise',
    });
    expect(ok.body.case.records.at(-1).summary).toContain('工会代表');
  });
});
