// Over 400 lines: one test per arbitration step document, each standing alone.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pdftotext, squash, writeTemp } from '../src/modules/documents/render/testing/poppler';
import { addArbitrator, application, seedCalendars } from './arbitration.support';
import { newMatter, type Places, places } from './cases.support';
import { download, runJobs } from './documents.support';
import { type Client, signedIn, useTestServer } from './harness';
import { cn, dayFromNow, setToday, slot } from './procedure.support';

/**
 * Issue #13 item 3: the arbitration documents each step issues from its own flow — 仲裁庭组成通知书,
 * 延期开庭通知书, 庭审笔录, 先予执行裁决书, 部分裁决书, 回避决定书, 裁决书补正决定书 — and the internal
 * 立案审批表 / 仲裁结案审批表, approved by the approver's own action on their 工作台.
 */
describe('arbitration step documents', () => {
  const env = useTestServer({
    LOG_LEVEL: 'error',
    STORAGE_DIR: mkdtempSync(join(tmpdir(), 'onestop-h13a-')),
  });
  let p: Places;
  let clerk: Client;
  let liqiang: Client;
  let director: Client;
  let zhangmin: Client;
  let wang: Client;
  const ids: Record<string, string> = {};
  let rooms: string[];

  beforeAll(async () => {
    p = await places(env);
    clerk = await signedIn(env, 'clerk');
    liqiang = await signedIn(env, 'liqiang');
    director = await signedIn(env, 'director');
    zhangmin = await signedIn(env, 'zhangmin');
    await seedCalendars(env);
    ids.wang = await addArbitrator(env, 'h13a_wang', '王立仁');
    ids.zhao = await addArbitrator(env, 'h13a_zhao', '赵德明');
    ids.qian = await addArbitrator(env, 'h13a_qian', '钱学文');
    wang = await signedIn(env, 'h13a_wang');
    const db = env.server.app.ctx.database.db;
    const u = await db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', 'liqiang')
      .executeTakeFirstOrThrow();
    ids.liqiang = u.id;
    rooms = (await clerk.get(`/api/arbitration/calendar?from=${dayFromNow(0)}&days=7`)).body.rooms.map(
      (r: { id: string }) => r.id,
    );
  });

  afterEach(() => setToday(env, null));

  const ok = (r: { status: number; body: unknown }) => {
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body as any;
  };

  const pdfText = async (id: string) => {
    await runJobs(env);
    const pdf = await download(clerk, `/api/documents/${id}/pdf`);
    expect(pdf.status).toBe(200);
    // Page numbers (—1—) sit between a page's last line and the next page's first: drop them.
    return squash(pdftotext(writeTemp(`h13a-${id}.pdf`, pdf.data))).replace(/—\d+—/g, '');
  };

  /** An accepted and served case with both periods waived in writing; its worker and 案号. */
  async function acceptedCase(worker: string) {
    const m = await newMatter(clerk, p.zengdu, { worker });
    const body = await application(clerk, { id: m.id, claims: [m.claims[0]!] });
    const caseId = body.case.caseId as string;
    ok(await director.post(`/api/arbitration/cases/${caseId}/accept`, {}));
    ok(await liqiang.post(`/api/arbitration/cases/${caseId}/serve-respondent`, {}));
    for (const [kind, summary] of [
      ['defence_waiver', '被申请人书面声明放弃答辩期'],
      ['evidence_waiver', '双方当事人书面声明放弃举证期限'],
    ]) {
      ok(await liqiang.post(`/api/arbitration/cases/${caseId}/records`, { kind, summary }));
    }
    const view = ok(await clerk.get(`/api/arbitration/cases/${caseId}`));
    return { caseId, number: view.number as string };
  }

  /** Three arbitrators (王立仁 presiding) and the clerk 李强. */
  async function composed(worker: string) {
    const c = await acceptedCase(worker);
    const t = ok(
      await liqiang.post(`/api/arbitration/cases/${c.caseId}/tribunal`, {
        arbitratorIds: [ids.wang, ids.zhao, ids.qian],
        presidingId: ids.wang,
        clerkId: ids.liqiang,
      }),
    );
    return { ...c, documents: t.documents as { type: string; id: string; number: string }[] };
  }

  /** Composed, a hearing on day `offset` (own day per test: the arbitrators are shared), and held. */
  async function held(worker: string, offset: number) {
    const c = await composed(worker);
    const day = dayFromNow(offset);
    ok(await liqiang.post(`/api/arbitration/cases/${c.caseId}/hearings`, { roomId: rooms[0], ...slot(day) }));
    setToday(env, day);
    const h = ok(
      await wang.post(`/api/arbitration/cases/${c.caseId}/steps`, {
        step: 'hold_hearing',
        summary: '双方到庭，进行了举证质证和辩论',
        attendees: [`申请人${worker}到庭`, '被申请人委托代理人孙明到庭'],
        statements: [
          { speaker: '首席仲裁员', text: '现在开庭，当事人是否申请回避？' },
          { speaker: '申请人', text: '不申请回避，请求支付拖欠工资。' },
        ],
      }),
    );
    return { ...c, day, hearingRecord: h.documents[0] as { type: string; id: string; number: string } };
  }

  it('composing the tribunal issues a 仲裁庭组成通知书 to each party, naming the members and the right to recusal', async () => {
    const c = await composed('郑组庭');
    expect(c.documents.map((d) => d.type)).toEqual([
      'tribunal_composition_notice',
      'tribunal_composition_notice',
    ]);
    expect(c.documents[0]!.number).toMatch(/^随劳人仲组字〔\d{4}〕第\d+号$/);
    const text = await pdfText(c.documents[0]!.id);
    expect(text).toContain('仲裁庭组成通知书');
    expect(text).toContain(squash(`案号：${c.number}`));
    expect(text).toContain('首席仲裁员：王立仁');
    expect(text.indexOf('首席仲裁员：王立仁')).toBeLessThan(text.indexOf('仲裁员：赵德明'));
    expect(text).toContain('书记员：李强');
    expect(text).toContain('有权以口头或者书面方式提出回避申请');
    expect(text).toContain('第三十二条');
  });

  it('postponing a hearing issues a 延期开庭通知书 with the reason, the original and the new date', async () => {
    const c = await composed('郑延期');
    const first = dayFromNow(20);
    const next = dayFromNow(24);
    const h = ok(
      await liqiang.post(`/api/arbitration/cases/${c.caseId}/hearings`, { roomId: rooms[1], ...slot(first) }),
    );
    const r = ok(
      await wang.post(`/api/arbitration/hearings/${h.hearingId}/postpone`, {
        reason: '被申请人的委托代理人同日另有庭审',
        requestedBy: '被申请人',
        requestedOn: dayFromNow(1),
        ...slot(next, '14:00', '16:00'),
      }),
    );
    expect(r.documents.map((d: any) => d.type)).toEqual(['postponement_notice', 'postponement_notice']);
    const text = await pdfText(r.documents[1].id);
    expect(text).toContain('延期开庭通知书');
    expect(text).toContain(`原定于${cn(first)}9时00分开庭审理`);
    expect(text).toContain(`被申请人于${cn(dayFromNow(1))}提出延期开庭申请`);
    expect(text).toContain('因被申请人的委托代理人同日另有庭审');
    expect(text).toContain(`${cn(next)}14时00分`);
    expect(text).toContain('第三十五条');
  });

  it('holding the hearing issues the 庭审笔录: attendees, statements, the right to correction and the signatures', async () => {
    const c = await held('郑笔录', 8);
    expect(c.hearingRecord.type).toBe('hearing_record');
    const text = await pdfText(c.hearingRecord.id);
    expect(text).toContain('庭审笔录');
    expect(text).toContain('申请人郑笔录到庭；被申请人委托代理人孙明到庭');
    expect(text).toContain('首席仲裁员：现在开庭，当事人是否申请回避？');
    expect(text).toContain('申请人：不申请回避，请求支付拖欠工资。');
    expect(text).toContain('有权申请补正');
    expect(text).toContain('书记员：李强');
    expect(text).toContain('申请人（签名或者盖章）');
    expect(text).toContain(`${cn(c.day)}9时00分`);
  });

  it('先予执行 needs its items and issues the 先予执行裁决书 with the amount, enforcement and remedy', async () => {
    const c = await held('郑先予', 9);
    const step = {
      step: 'order_advance_execution',
      summary: '被申请人对欠薪事实无异议，申请人无其他收入来源',
      rightsClear: true,
      seriousHardship: true,
    };
    const bare = await wang.post(`/api/arbitration/cases/${c.caseId}/steps`, step);
    expect([bare.status, bare.body.code]).toEqual([422, 'ADVANCE_ITEMS_REQUIRED']);
    const r = ok(
      await wang.post(`/api/arbitration/cases/${c.caseId}/steps`, {
        ...step,
        applicationDate: c.day,
        items: [{ text: '支付申请人拖欠工资', amountFen: 1_250_000 }],
        performDays: 5,
      }),
    );
    expect(r.documents.map((d: any) => d.type)).toEqual(['advance_execution_award']);
    expect(r.case.state).toBe('hearing');
    const text = await pdfText(r.documents[0].id);
    expect(text).toContain('先予执行裁决书');
    expect(text).toContain(
      '被申请人自本裁决书送达之日起五日内支付申请人拖欠工资，金额12,500.00元（大写：壹万贰仟伍佰元整）',
    );
    expect(text).toContain('可以不提供担保');
    expect(text).toContain('移送人民法院执行');
    expect(text).toContain('人民法院不予受理');
  });

  it('a partial award decides the clear part first; the hearing goes on', async () => {
    const c = await held('郑先行', 10);
    const body = {
      facts: '申请人2025年9月至12月工资未发放，被申请人无异议。',
      reasons: '该部分事实已经清楚，用人单位应当按时足额支付劳动报酬。',
      remaining: '支付经济补偿',
      items: [{ text: '被申请人支付申请人拖欠工资12500元', claimType: 'unpaid_wages', amountFen: 1_250_000 }],
    };
    const unclear = await wang.post(`/api/arbitration/cases/${c.caseId}/partial-award`, {
      ...body,
      partOfFactsClear: false,
    });
    expect([unclear.status, unclear.body.code]).toEqual([422, 'WORKFLOW_GUARD_FAILED']);
    const r = ok(
      await wang.post(`/api/arbitration/cases/${c.caseId}/partial-award`, {
        ...body,
        partOfFactsClear: true,
      }),
    );
    expect(r.documents.map((d: any) => d.type)).toEqual(['partial_award']);
    expect(r.documents[0].number).toMatch(/^随劳人仲先裁字〔\d{4}〕第\d+号$/);
    expect(r.case.state).toBe('hearing');
    const text = await pdfText(r.documents[0].id);
    expect(text).toContain('部分裁决书');
    expect(text).toContain('第四十三条第二款');
    expect(text).toContain(
      '（终局）第1项：被申请人支付申请人拖欠工资12,500.00元，金额12,500.00元（大写：壹万贰仟伍佰元整）',
    );
    expect(text).toContain('申请人的其他仲裁请求（支付经济补偿），仲裁庭继续审理，另行裁决');
    expect(text).toContain('首席仲裁员：王立仁');
  });

  it('a recusal is decided by the chair (leader post) by a 回避决定书; granted, the member leaves the tribunal', async () => {
    const c = await composed('郑回避');
    const body = {
      targetUserId: ids.zhao,
      requesterName: '被申请人',
      requestedOn: dayFromNow(0),
      ground: '仲裁员赵德明系申请人的表兄',
      decision: 'granted',
      reasons: '仲裁员赵德明与申请人系近亲属，属于应当回避的情形',
    };
    const byClerk = await liqiang.post(`/api/arbitration/cases/${c.caseId}/recusal`, body);
    expect([byClerk.status, byClerk.body.code]).toEqual([403, 'RECUSAL_DECIDER_REQUIRED']);
    const refused = ok(
      await director.post(`/api/arbitration/cases/${c.caseId}/recusal`, {
        ...body,
        targetUserId: ids.wang,
        requesterName: '申请人',
        ground: '首席仲裁员王立仁曾在其他案件中代理被申请人',
        decision: 'refused',
        reasons: '王立仁未曾代理被申请人，不存在应当回避的情形',
      }),
    );
    expect(refused.documents.map((d: any) => d.type)).toEqual(['recusal_decision']);
    expect(refused.case.tribunal.map((t: any) => t.name)).toContain('王立仁');
    expect(await pdfText(refused.documents[0].id)).toContain(
      '驳回回避申请，首席仲裁员王立仁继续参与本案的审理',
    );
    const r = ok(await director.post(`/api/arbitration/cases/${c.caseId}/recusal`, body));
    expect(r.case.tribunal.map((t: any) => t.name).sort()).toEqual(['李强', '王立仁', '钱学文'].sort());
    const text = await pdfText(r.documents[0].id);
    expect(text).toContain('回避决定书');
    expect(text).toContain(
      `被申请人于${cn(dayFromNow(0))}以“仲裁员赵德明系申请人的表兄”为由，申请本案仲裁员赵德明回避`,
    );
    expect(text).toContain('经吴建国决定如下：准许回避，仲裁员赵德明不再参与本案的审理');
    expect(text).toContain('第三十三条');
  });

  it('an award correction names the award and quotes the original and the corrected text', async () => {
    const c = await held('郑补正', 11);
    ok(
      await wang.post(`/api/arbitration/cases/${c.caseId}/records`, {
        kind: 'mediation_attempt',
        summary: '庭审中组织调解，被申请人不同意',
      }),
    );
    const a = ok(
      await wang.post(`/api/arbitration/cases/${c.caseId}/award`, {
        facts: '申请人于2025年9月至12月在被申请人处工作，工资未发放。',
        reasons: '用人单位应当按时足额支付劳动报酬。',
        mediationAttempted: true,
        items: [{ text: '被申请人支付申请人工资12500元', claimType: 'unpaid_wages', amountFen: 1_250_000 }],
      }),
    );
    const award = a.documents[0];
    const wrong = await wang.post(`/api/arbitration/cases/${c.caseId}/award-correction`, {
      awardDocumentId: c.hearingRecord.id,
      errorKind: '文字错误',
      corrections: [{ location: '第一页', original: '甲', corrected: '乙' }],
    });
    expect([wrong.status, wrong.body.code]).toEqual([422, 'NOT_AN_AWARD']);
    const r = ok(
      await wang.post(`/api/arbitration/cases/${c.caseId}/award-correction`, {
        awardDocumentId: award.id,
        errorKind: '文字错误',
        corrections: [
          { location: '“本委查明”部分第一行', original: '2025年9月至12月', corrected: '2025年9月至11月' },
        ],
      }),
    );
    expect(r.documents.map((d: any) => d.type)).toEqual(['award_correction_decision']);
    const text = await pdfText(r.documents[0].id);
    expect(text).toContain('裁决书补正决定书');
    expect(text).toContain(squash(`本委于${cn(c.day)}作出${award.number}裁决书`));
    expect(text).toContain('“本委查明”部分第一行“2025年9月至12月”补正为“2025年9月至11月”');
    expect(text).toContain('第五十四条');
    // The award stays in force: it is not superseded.
    const doc = ok(await clerk.get(`/api/documents/${award.id}`));
    expect(doc.state).toBe('issued');
  });

  it('a 立案审批表 is approved only by a leader other than the requester, by their own action on their 工作台', async () => {
    const c = await acceptedCase('郑立案');
    const req = ok(
      await liqiang.post(`/api/arbitration/cases/${c.caseId}/filing-approval`, {
        opinion: '申请人主体适格，请求明确，属于本委受理范围，建议受理',
      }),
    );
    const again = await liqiang.post(`/api/arbitration/cases/${c.caseId}/filing-approval`, {
      opinion: '再次报批',
    });
    expect([again.status, again.body.code]).toEqual([409, 'APPROVAL_PENDING']);
    const mine = ok(await liqiang.get('/api/approvals/pending'));
    expect(mine.items.some((x: any) => x.id === req.approvalId)).toBe(false);
    const pending = ok(await director.get('/api/approvals/pending'));
    const item = pending.items.find((x: any) => x.id === req.approvalId);
    expect(item).toMatchObject({ label: '立案审批', state: 'pending', requestedByName: '李强', version: 1 });
    const self = await liqiang.post(`/api/approvals/${item.id}/decide`, {
      approve: true,
      comment: '同意',
      version: 1,
    });
    expect([self.status, self.body.code]).toEqual([403, 'APPROVAL_SELF']);
    const noPost = await zhangmin.post(`/api/approvals/${item.id}/decide`, {
      approve: true,
      comment: '同意',
      version: 1,
    });
    expect([noPost.status, noPost.body.code]).toEqual([403, 'APPROVAL_POST_REQUIRED']);
    const stale = await director.post(`/api/approvals/${item.id}/decide`, {
      approve: true,
      comment: '同意',
      version: 9,
    });
    expect([stale.status, stale.body.code]).toEqual([409, 'CONFLICT']);
    const done = ok(
      await director.post(`/api/approvals/${item.id}/decide`, {
        approve: true,
        comment: '同意受理',
        version: 1,
      }),
    );
    expect(done).toMatchObject({
      state: 'approved',
      decidedByName: '吴建国',
      comment: '同意受理',
      version: 2,
    });
    const twice = await director.post(`/api/approvals/${item.id}/decide`, {
      approve: true,
      comment: '同意',
      version: 2,
    });
    expect([twice.status, twice.body.code]).toEqual([409, 'APPROVAL_DECIDED']);
    const text = await pdfText(done.documentId);
    expect(text).toContain('立案审批表');
    expect(text).toContain(squash(`同意受理。（审批人：吴建国，${cn(dayFromNow(0))}）`));
    expect(text).toContain('（承办人：李强');
    expect(text).not.toContain('验证码');
    const listed = ok(await clerk.get(`/api/arbitration/cases/${c.caseId}/approvals`));
    expect(listed.items.map((x: any) => [x.kind, x.state, x.decidedByName])).toEqual([
      ['arbitration_filing', 'approved', '吴建国'],
    ]);
  });

  it('a 结案审批 is asked only once the case is decided; rejected, no form is issued', async () => {
    const c = await acceptedCase('郑结案');
    const early = await liqiang.post(`/api/arbitration/cases/${c.caseId}/closing-approval`, {
      opinion: '建议结案',
      outcome: '裁决结案',
    });
    expect([early.status, early.body.code]).toEqual([409, 'CLOSING_NOT_NOW']);
    ok(
      await wang.post(`/api/arbitration/cases/${c.caseId}/steps`, {
        step: 'withdraw',
        summary: '申请人与被申请人达成和解，申请撤回',
        withdrawalApplicationFiled: true,
      }),
    );
    const req = ok(
      await liqiang.post(`/api/arbitration/cases/${c.caseId}/closing-approval`, {
        opinion: '准予撤回决定书已送达，案卷材料齐全，建议结案归档',
        outcome: '撤回结案',
      }),
    );
    const rejected = ok(
      await director.post(`/api/approvals/${req.approvalId}/decide`, {
        approve: false,
        comment: '送达回证未归档，请补齐后再报',
        version: 1,
      }),
    );
    expect(rejected).toMatchObject({ state: 'rejected', documentId: null });
    const again = ok(
      await liqiang.post(`/api/arbitration/cases/${c.caseId}/closing-approval`, {
        opinion: '送达回证已归档，建议结案归档',
        outcome: '撤回结案',
      }),
    );
    const done = ok(
      await director.post(`/api/approvals/${again.approvalId}/decide`, {
        approve: true,
        comment: '同意结案',
        version: 1,
      }),
    );
    const text = await pdfText(done.documentId);
    expect(text).toContain('仲裁结案审批表');
    expect(text).toContain('撤回结案');
    expect(text).toContain(squash(`同意结案。（审批人：吴建国，${cn(dayFromNow(0))}）`));
  });
});
