import { beforeAll, describe, expect, it } from 'vitest';
import { addArbitrator, application, approved, seedCalendars } from './arbitration.support';
import { newMatter, type Places, places } from './cases.support';
import { type Client, signedIn, useTestServer } from './harness';

const FILING_BASIS =
  '《劳动人事争议仲裁办案规则》第三十条；《劳动争议调解仲裁法》第七条、第十九条（仲裁委员会决定受理集体劳动争议）；《劳动人事争议仲裁办案规则》第三十条、第三十一条；仲裁文书样式 立案（组庭）审批表';
const CLOSING_BASIS =
  '《劳动人事争议仲裁办案规则》第二十一条至第二十四条（结案归档）；仲裁文书样式 结案审批表';

/**
 * Issue #13 (approvals gate the act): the 立案审批 gates acceptance where the commission requires it
 * (the jurisdiction's policy, as data), the 结案审批 gates closing; refused → 409 PRECONDITION_UNMET
 * naming the missing approval and its article.
 */
describe('approval forms gate the arbitration act', () => {
  const env = useTestServer({ LOG_LEVEL: 'error', STORAGE_DIR: `/tmp/onestop-apg-${process.pid}` });
  let p: Places;
  let clerk: Client;
  let liqiang: Client;
  let director: Client;
  let wang: Client;

  beforeAll(async () => {
    p = await places(env);
    clerk = await signedIn(env, 'clerk');
    liqiang = await signedIn(env, 'liqiang');
    director = await signedIn(env, 'director');
    await seedCalendars(env);
    await addArbitrator(env, 'apg_wang', '王审批');
    wang = await signedIn(env, 'apg_wang');
  });

  async function appliedCase(worker: string) {
    const m = await newMatter(clerk, p.zengdu, { worker });
    const body = await application(clerk, { id: m.id, claims: [m.claims[0]!] });
    return body.case.caseId as string;
  }

  /** Sets the filing-approval policy of the case's commission (a setting per jurisdiction code). */
  async function policy(caseId: string, value: string | null) {
    const db = env.server.app.ctx.database.db;
    const j = await db
      .selectFrom('track_case as c')
      .innerJoin('jurisdiction as j', 'j.id', 'c.jurisdiction_id')
      .select('j.code')
      .where('c.id', '=', caseId)
      .executeTakeFirstOrThrow();
    const key = `arbitration.filing_approval.${j.code}`;
    await db.deleteFrom('setting').where('key', '=', key).execute();
    if (value !== null) {
      await db
        .insertInto('setting')
        .values({
          key,
          value: JSON.stringify(value),
          label: '立案审批范围',
          basis: '《劳动人事争议仲裁办案规则》第三十条',
          updated_at: new Date(),
        })
        .execute();
    }
  }

  it('a commission requiring the 立案审批 for all cases refuses acceptance until the approver approves', async () => {
    const caseId = await appliedCase('甲审批');
    await policy(caseId, 'all');
    try {
      const refused = await director.post(`/api/arbitration/cases/${caseId}/accept`, {});
      expect([refused.status, refused.body.code]).toEqual([409, 'PRECONDITION_UNMET']);
      expect(refused.body.message).toBe(
        `本案须经立案审批，立案审批表尚未经负责人批准，不能受理；请先报请立案审批（${FILING_BASIS}）`,
      );
      expect(refused.body.details).toMatchObject({
        guard: 'arbitration.filing-approved',
        earliestDate: null,
        basis: FILING_BASIS,
      });
      const view = await clerk.get(`/api/arbitration/cases/${caseId}`);
      expect(view.body.state).toBe('received');
      await approved(liqiang, director, caseId, 'filing');
      const accepted = await director.post(`/api/arbitration/cases/${caseId}/accept`, {});
      expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
      expect(accepted.body.case.state).toBe('accepted');
    } finally {
      await policy(caseId, null);
    }
  });

  it('by default an individual case is accepted without a 立案审批', async () => {
    const caseId = await appliedCase('乙审批');
    const accepted = await director.post(`/api/arbitration/cases/${caseId}/accept`, {});
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.case.state).toBe('accepted');
  });

  it('a decided case is closed only after the 结案审批; the closing form names the approver', async () => {
    const caseId = await appliedCase('丙审批');
    expect((await director.post(`/api/arbitration/cases/${caseId}/accept`, {})).status).toBe(200);
    expect((await liqiang.post(`/api/arbitration/cases/${caseId}/serve-respondent`, {})).status).toBe(200);
    const w = await wang.post(`/api/arbitration/cases/${caseId}/steps`, {
      step: 'withdraw',
      summary: '申请人与被申请人达成和解，申请撤回',
      withdrawalApplicationFiled: true,
    });
    expect(w.status, JSON.stringify(w.body)).toBe(200);
    const refused = await liqiang.post(`/api/arbitration/cases/${caseId}/close`, { outcome: '撤回结案' });
    expect([refused.status, refused.body.code]).toEqual([409, 'PRECONDITION_UNMET']);
    expect(refused.body.message).toBe(
      `结案审批表尚未经负责人批准，不能结案；请先报请结案审批（${CLOSING_BASIS}）`,
    );
    expect(refused.body.details.guard).toBe('arbitration.closing-approved');
    const still = await clerk.get(`/api/arbitration/cases/${caseId}`);
    expect(still.body.closed).toBe(false);
    const formId = await approved(liqiang, director, caseId, 'closing', { outcome: '撤回结案' });
    expect(formId).toMatch(/^[0-9a-f-]{36}$/);
    const closed = await liqiang.post(`/api/arbitration/cases/${caseId}/close`, { outcome: '撤回结案' });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body.case.closed).toBe(true);
  });
});
