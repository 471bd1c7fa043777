import { afterEach, describe, expect, it } from 'vitest';
import { places } from './cases.support';
import { Client, signedIn, useTestServer } from './harness';
import { creditCode, residentId } from './intake-fixtures';
import { dayFromNow, plusDays, setToday } from './procedure.support';

/**
 * Issue #13 item 3 (inspection): each missing document issued from its flow step — 询问通知书 (request),
 * 询问笔录 / 现场检查笔录 (records), 延长办案期限审批表 and 撤销立案审批表 (approvals by the 负责人's own
 * action), 加付赔偿金决定书 (order check), 案件移送书 (transfer). Every test opens its own case.
 */
const env = useTestServer();
afterEach(() => setToday(env, null));

async function mustOk(r: { status: number; body: any }, status = 200) {
  if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body;
}

const me = async (c: Client) => (await c.get('/api/auth/me')).body.user.id as string;

/** A complaint accepted, two inspectors assigned (陈刚 lead, 张敏), the investigation started. */
async function investigating(n: number) {
  const p = await places(env);
  const clerk = await signedIn(env, 'clerk');
  const chen = await signedIn(env, 'inspector');
  const zhang = await signedIn(env, 'zhangmin');
  const director = await signedIn(env, 'director');
  const r = await mustOk(
    await clerk.post('/api/inspection/cases', {
      source: 'complaint',
      channel: 'window',
      jurisdictionId: p.zengdu,
      complainant: { name: `文书${n}`, idType: 'resident_id', idNumber: residentId('19900101', 600 + n) },
      employer: { name: `随州市文书测试${n}有限公司`, creditCode: creditCode(`MA4W000${n}`) },
      violations: [{ type: 'unpaid_wages', amountFen: 1_560_000, facts: '拖欠2026年8月至10月工资' }],
      violationEndedOn: '2026-10-31',
    }),
    201,
  );
  const id = r.caseId as string;
  await mustOk(
    // The 负责人 accepts: taking the step is the 立案审批 (立案审批表 issued by his own action).
    await director.post(`/api/inspection/cases/${id}/acceptance`, { decision: 'accepted' }),
  );
  const ids = { chen: await me(chen), zhang: await me(zhang) };
  await mustOk(
    await director.post(`/api/inspection/cases/${id}/inspectors`, { userIds: [ids.chen, ids.zhang] }),
  );
  await mustOk(await chen.post(`/api/inspection/cases/${id}/investigation/start`, {}));
  return { id, chen, director, clerk, ids, employer: `随州市文书测试${n}有限公司` };
}

const fieldsOf = async (c: Client, docId: string) =>
  (await mustOk(await c.get(`/api/documents/${docId}`))).fields;

describe('inspection documents issued by their steps (issue #13)', () => {
  it('a request issues the 询问通知书; inquiry and on-site records issue their 笔录 with both inspectors', async () => {
    const { id, chen, ids, employer } = await investigating(1);
    const req = await mustOk(
      await chen.post(`/api/inspection/cases/${id}/requests`, {
        materials: ['工资支付记录', '劳动合同'],
        deadline: '2099-01-10',
        attendTime: '下午2时30分',
        place: '随州市劳动保障监察支队二楼询问室',
      }),
    );
    const notice = req.result.documents[0];
    expect(notice.number).toMatch(/^随人社监询字〔\d{4}〕第\d+号$/);
    expect(req.case.requests[0]).toMatchObject({ documentId: notice.id, attendTime: '下午2时30分' });
    expect(await fieldsOf(chen, notice.id)).toEqual({
      employerName: employer,
      matters: '涉嫌违反劳动保障法律、法规（涉及事项：支付拖欠工资）',
      attendDate: '2099-01-10',
      attendTime: '下午2时30分',
      place: '随州市劳动保障监察支队二楼询问室',
      materials: ['工资支付记录', '劳动合同'],
      contact: '陈刚、张敏',
    });

    const inquiry = {
      kind: 'inquiry',
      title: '询问财务负责人',
      content: '问：8月至10月工资是否发放？\n答：没有发放。',
      interviewee: '李会计，该公司财务负责人',
      occurredOn: '2026-11-23',
      startTime: '09:30',
      endTime: '10:40',
      inspectorIds: [ids.chen, ids.zhang],
    };
    const noPlace = await chen.post(`/api/inspection/cases/${id}/records`, inquiry);
    expect([noPlace.status, noPlace.body.code]).toEqual([400, 'PLACE_REQUIRED']);
    const rec = await mustOk(
      await chen.post(`/api/inspection/cases/${id}/records`, { ...inquiry, place: '监察支队询问室' }),
    );
    const record = rec.result.documents[0];
    expect(record.number).toMatch(/^随人社监询录字〔\d{4}〕第\d+号$/);
    const f = await fieldsOf(chen, record.id);
    expect(f).toMatchObject({
      startedAt: '2026-11-23T09:30',
      endedAt: '10时40分',
      place: '监察支队询问室',
      recorder: '张敏',
      interviewee: '李会计，该公司财务负责人',
      employerName: employer,
      content: '问：8月至10月工资是否发放？\n答：没有发放。',
    });
    expect(f.inspectors.map((x: any) => x.name)).toEqual(['陈刚', '张敏']);
    expect(
      f.inspectors.every((x: any) => typeof x.certificate === 'string' && x.certificate.length > 0),
    ).toBe(true);
    const onsite = await mustOk(
      await chen.post(`/api/inspection/cases/${id}/records`, {
        kind: 'onsite',
        title: '检查财务室',
        content: '调取工资表3页。',
        place: '该公司财务室',
        occurredOn: '2026-11-24',
        inspectorIds: [ids.chen, ids.zhang],
        recorderId: ids.chen,
      }),
    );
    expect(onsite.result.documents[0].number).toMatch(/^随人社监检录字〔\d{4}〕第\d+号$/);
    expect(await fieldsOf(chen, onsite.result.documents[0].id)).toMatchObject({
      startedAt: '2026-11-24',
      recorder: '陈刚',
      interviewee: '（无在场人）',
    });
    // Evidence entries issue no document.
    const ev = await mustOk(
      await chen.post(`/api/inspection/cases/${id}/records`, { kind: 'evidence', title: '银行流水' }),
    );
    expect(ev.result.documents).toEqual([]);
    // 笔录 are not publicly verifiable and never wait on the 待送达 list.
    const work = await mustOk(await chen.get('/api/work/queue?queue=mine'));
    expect(work.items.filter((i: any) => i.id === record.id)).toEqual([]);
  });

  it('延长办案期限: the inspector asks, the work list shows it to the 负责人, who approves; the form names him', async () => {
    const { id, chen, director, clerk } = await investigating(2);
    const url = `/api/inspection/cases/${id}/approvals`;
    expect((await new Client(env.url).post(url, { kind: 'extension', reason: 'x' })).status).toBe(401);
    expect((await chen.post(url, { kind: 'extension', reason: 'x', approver: '吴建国' })).status).toBe(400);
    expect((await clerk.post(url, { kind: 'extension', reason: 'x' })).status).toBe(403);
    const noReason = await chen.post(url, { kind: 'extension' });
    expect([noReason.status, noReason.body.code]).toEqual([400, 'REASON_REQUIRED']);
    const asked = await mustOk(
      await chen.post(url, { kind: 'extension', reason: '涉及劳动者多，需调取银行流水' }),
    );
    expect(asked.result.pendingApproval).toMatchObject({ kind: 'extension', state: 'pending' });
    expect(asked.case.extended).toBe(false);
    expect(asked.case.actions.requestExtension).toBe(false);
    const again = await chen.post(url, { kind: 'extension', reason: '再报' });
    expect([again.status, again.body.code]).toEqual([409, 'APPROVAL_PENDING']);
    // Requests are filed by inspection staff (inspection.work); the director approves.
    expect((await director.post(url, { kind: 'extension', reason: '自报' })).status).toBe(403);

    const approvalId = asked.result.pendingApproval.approvalId as string;
    const work = await mustOk(await director.get('/api/work/queue?queue=mine'));
    const item = work.items.find((i: any) => i.id === approvalId);
    expect(item).toMatchObject({
      kind: 'approval',
      statusLabel: '待审批',
      title: '待审批：延长办案期限（陈刚报批）',
      link: `/inspection/cases/${id}`,
    });
    const decide = `/api/inspection/cases/${id}/approvals/${approvalId}/decision`;
    // Never the requester; never a user without the approving post (one service for every track).
    const byInspector = await chen.post(decide, { approve: true });
    expect([byInspector.status, byInspector.body.code]).toEqual([403, 'APPROVAL_SELF']);
    expect(byInspector.body.message).toContain('第十七条');
    const zhang = await signedIn(env, 'zhangmin');
    const noPost = await zhang.post(decide, { approve: true });
    expect([noPost.status, noPost.body.code]).toEqual([403, 'APPROVAL_POST_REQUIRED']);
    // The director's 工作台 "待我审批" lists it with the arbitration approvals.
    const pending = await mustOk(await director.get('/api/approvals/pending'));
    expect(pending.items.find((a: any) => a.id === approvalId)).toMatchObject({
      kind: 'inspection_extension',
      label: '延长办案期限',
      track: 'inspection',
      requestedByName: '陈刚',
    });
    const done = await mustOk(await director.post(decide, { approve: true }));
    expect(done.case.extended).toBe(true);
    const form = done.result.result.documents[0];
    expect(form.number).toMatch(/^随人社监延字〔\d{4}〕第\d+号$/);
    const f = await fieldsOf(director, form.id);
    expect(f).toMatchObject({
      caseNumber: done.case.number,
      employerName: '随州市文书测试2有限公司',
      inspectors: '陈刚（主办）、张敏',
      requestedBy: '陈刚',
      requestedDate: asked.case.approvals[1].requestedOn,
      approver: '吴建国',
      approvalDate: asked.case.approvals[1].requestedOn,
      opinion: '同意延长办案期限三十个工作日。',
      reason: '涉及劳动者多，需调取银行流水',
    });
    expect(f.extendedDueDate > f.dueDate).toBe(true);
    // The 负责人's own 立案 (立案审批 by his action), then the extension he approved.
    expect(done.case.approvals).toEqual([
      expect.objectContaining({
        kind: 'filing',
        state: 'approved',
        requestedBy: '吴建国',
        decidedBy: '吴建国',
      }),
      expect.objectContaining({
        kind: 'extension',
        state: 'approved',
        stateLabel: '已批准',
        requestedBy: '陈刚',
        decidedBy: '吴建国',
        documentId: form.id,
        canDecide: false,
      }),
    ]);
    expect((await director.post(decide, { approve: true })).body.code).toBe('APPROVAL_DECIDED');
    const twice = await chen.post(url, { kind: 'extension', reason: '再延' });
    expect([twice.status, twice.body.code]).toEqual([422, 'ALREADY_EXTENDED']);
  });

  it('撤销立案: a refusal keeps the case open; the approval issues the 撤销立案审批表 with the 决定书', async () => {
    const { id, chen, director } = await investigating(3);
    // Never a bare status change through the generic route: the step issues the 审批表.
    const { version } = (await director.get(`/api/inspection/cases/${id}`)).body;
    const generic = await director.post(`/api/cases/${id}/transitions`, { event: 'withdraw_case', version });
    expect([generic.status, generic.body.code]).toEqual([409, 'CASE_EVENT_IS_ACT']);
    const asked = await mustOk(
      await chen.post(`/api/inspection/cases/${id}/withdrawal`, {
        reason: '违法行为轻微，已主动补发',
        evidenceOfCorrection: '2026年11月20日补发工资15,600.00元，银行回单在卷',
      }),
    );
    expect(asked.case.state).toBe('investigating');
    expect(asked.case.actions.withdraw).toBe(false);
    const first = asked.case.approvals.find((a: any) => a.kind === 'revocation');
    const decide = (aid: string) => `/api/inspection/cases/${id}/approvals/${aid}/decision`;
    const noOpinion = await director.post(decide(first.id), { approve: false });
    expect([noOpinion.status, noOpinion.body.code]).toEqual([400, 'OPINION_REQUIRED']);
    const refused = await mustOk(
      await director.post(decide(first.id), { approve: false, opinion: '补发凭证不全，请补充银行回单。' }),
    );
    expect(refused.case.state).toBe('investigating');
    expect(refused.case.approvals.find((a: any) => a.id === first.id)).toMatchObject({
      state: 'rejected',
      opinion: '补发凭证不全，请补充银行回单。',
      decidedBy: '吴建国',
    });
    expect(refused.case.documents.map((d: any) => d.type)).not.toContain('inspection_revocation_approval');

    const again = await mustOk(
      await chen.post(`/api/inspection/cases/${id}/withdrawal`, {
        reason: '违法行为轻微，已主动补发',
        evidenceOfCorrection: '银行回单二份在卷',
      }),
    );
    const second = again.case.approvals.find((a: any) => a.state === 'pending');
    const done = await mustOk(
      await director.post(decide(second.id), { approve: true, opinion: '同意撤销。' }),
    );
    expect(done.case.state).toBe('case_withdrawn');
    const types = done.case.documents.map((d: any) => d.type);
    expect(types.slice(-2)).toEqual(['inspection_revocation_approval', 'case_withdrawal']);
    const form = done.case.documents.find((d: any) => d.type === 'inspection_revocation_approval');
    expect(form.number).toMatch(/^随人社监撤批字〔\d{4}〕第\d+号$/);
    expect(await fieldsOf(director, form.id)).toMatchObject({
      reasonCode: 'minor_corrected',
      reasons: '违法行为轻微，已主动补发',
      evidenceOfCorrection: '银行回单二份在卷',
      requestedBy: '陈刚',
      approver: '吴建国',
      opinion: '同意撤销。',
    });
  });

  it('an unpaid order: the 加付赔偿金决定书 cites the order, the rate and the amount', async () => {
    const { id, chen, employer } = await investigating(4);
    const deadline = dayFromNow(3);
    const ordered = await mustOk(
      await chen.post(`/api/inspection/cases/${id}/orders`, {
        violations: '拖欠工资15,600.00元',
        legalBasis: '《劳动保障监察条例》第二十六条',
        corrections: ['支付拖欠的工资'],
        deadline,
        wagesOwedFen: 1_560_000,
      }),
    );
    const orderDoc = ordered.case.documents.find((d: any) => d.type === 'order_to_correct');
    const outcomeId = ordered.result.outcomeId as string;
    setToday(env, plusDays(deadline, 1));
    const checked = await mustOk(
      await chen.post(`/api/inspection/cases/${id}/orders/${outcomeId}/check`, {
        complied: false,
        compensationRatePercent: 50,
        compensationDeadline: plusDays(deadline, 15),
      }),
    );
    expect(checked.result.compensationFen).toBe(780_000);
    const doc = checked.case.documents.find((d: any) => d.type === 'compensation_order');
    expect(doc.number).toMatch(/^随人社监赔字〔\d{4}〕第\d+号$/);
    expect(await fieldsOf(chen, doc.id)).toEqual({
      employerName: employer,
      orderNumber: orderDoc.number,
      orderDeadline: deadline,
      workers: '劳动者文书4',
      amountOwed: 15600,
      ratePercent: 50,
      compensation: 7800,
      deadline: plusDays(deadline, 15),
      legalBasis: '《中华人民共和国劳动合同法》第八十五条、《劳动保障监察条例》第二十六条',
    });
  });

  it('a transfer to another authority issues the 案件移送书 listing the case documents', async () => {
    const { id, chen, employer } = await investigating(5);
    const req = await mustOk(
      await chen.post(`/api/inspection/cases/${id}/requests`, {
        materials: ['营业执照'],
        deadline: '2099-01-10',
      }),
    );
    const notice = req.result.documents[0];
    const moved = await mustOk(
      await chen.post(`/api/inspection/cases/${id}/referrals`, {
        kind: 'transfer',
        receivingAuthority: '随州市市场监督管理局',
        reason: '反映事项属于无照经营，不属于劳动保障监察事项',
      }),
    );
    expect(moved.case.state).toBe('transferred');
    const doc = moved.result.documents[0];
    expect(doc.number).toMatch(/^随人社监移字〔\d{4}〕第\d+号$/);
    const f = await fieldsOf(chen, doc.id);
    expect(f).toMatchObject({
      receivingAuthority: '随州市市场监督管理局',
      kind: 'transfer',
      employerName: employer,
      reason: '反映事项属于无照经营，不属于劳动保障监察事项',
      contact: '陈刚',
    });
    // Every numbered document of the case (立案审批表, 受理告知书, 询问通知书) and the records.
    expect(f.materials).toHaveLength(4);
    expect(f.materials[0]).toMatch(/^立案审批表（随人社监立批字〔\d{4}〕第\d+号）$/);
    expect(f.materials[1]).toMatch(/^劳动保障监察受理告知书（随人社监立字〔\d{4}〕第\d+号）$/);
    expect(f.materials.slice(2)).toEqual([
      `劳动保障监察询问通知书（${notice.number}）`,
      '调查询问笔录、现场检查笔录及有关证据材料',
    ]);
  });
});
