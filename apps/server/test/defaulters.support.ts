import { places } from './cases.support';
import { type Client, signedIn, type TestEnv } from './harness';
import { creditCode, residentId } from './intake-fixtures';
import { dayFromNow, plusDays, setToday } from './procedure.support';

async function mustOk(r: { status: number; body: any }, status = 200) {
  if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body;
}

const me = async (c: Client) =>
  (await c.get('/api/auth/me')).body.user?.id ?? (await c.get('/api/auth/me')).body.id;

/**
 * An inspection case of wage arrears under investigation, with an order to pay 628,000.00元 by
 * `deadline` that the employer did not meet (《名单办法》第五条第一款). Today is the day after the deadline.
 */
export async function unpaidOrderCase(env: TestEnv, n: number, comply = false) {
  const p = await places(env);
  const clerk = await signedIn(env, 'clerk');
  const chen = await signedIn(env, 'inspector');
  const zhang = await signedIn(env, 'zhangmin');
  const director = await signedIn(env, 'director');
  const employer = `随州市失信测试${n}建筑劳务有限公司`;
  const r = await mustOk(
    await clerk.post('/api/inspection/cases', {
      source: 'complaint',
      channel: 'window',
      jurisdictionId: p.zengdu,
      complainant: { name: `失信${n}`, idType: 'resident_id', idNumber: residentId('19900101', 700 + n) },
      employer: { name: employer, creditCode: creditCode(`MA4D000${n}`) },
      violations: [
        { type: 'unpaid_wages', amountFen: 62_800_000, facts: '拖欠42名农民工2026年8月至10月工资' },
      ],
      violationEndedOn: '2026-10-31',
    }),
    201,
  );
  const id = r.caseId as string;
  await mustOk(
    // The 负责人 accepts: taking the step is the 立案审批 (立案审批表 issued by his own action).
    await director.post(`/api/inspection/cases/${id}/acceptance`, { decision: 'accepted' }),
  );
  await mustOk(
    await director.post(`/api/inspection/cases/${id}/inspectors`, {
      userIds: [await me(chen), await me(zhang)],
    }),
  );
  await mustOk(await chen.post(`/api/inspection/cases/${id}/investigation/start`, {}));
  const deadline = dayFromNow(3);
  const ordered = await mustOk(
    await chen.post(`/api/inspection/cases/${id}/orders`, {
      violations: '拖欠42名农民工工资628,000.00元',
      legalBasis: '《劳动保障监察条例》第二十六条',
      corrections: ['支付拖欠的工资'],
      deadline,
      wagesOwedFen: 62_800_000,
    }),
  );
  const outcomeId = ordered.result.outcomeId as string;
  setToday(env, plusDays(deadline, 1));
  await mustOk(
    await chen.post(`/api/inspection/cases/${id}/orders/${outcomeId}/check`, {
      complied: comply,
      ...(comply ? {} : { compensationRatePercent: 50, compensationDeadline: plusDays(deadline, 15) }),
    }),
  );
  return { caseId: id, chen, director, clerk, employer, today: plusDays(deadline, 1) };
}
