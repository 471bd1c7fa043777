import { describe, expect, it } from 'vitest';
import { places } from './cases.support';
import { signedIn, useTestServer } from './harness';
import { creditCode } from './intake-fixtures';

const env = useTestServer();

/** Cases opened ex officio start the 60-working-day period, which runs into next year (test holiday data). */
const NOTICE_2027 = {
  source: '国务院办公厅关于2027年部分节假日安排的通知（测试数据）',
  holidays: [{ date: '2027-01-01', name: '元旦' }],
  makeupWorkdays: [],
};

function inDays(n: number): string {
  return new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
}

async function mustOk(r: { status: number; body: any }, status = 200) {
  if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body;
}

describe('labor-relations supervision, campaigns, employer profile', () => {
  it('flags a mass layoff and the dispatch cap; a finding opens an ex-officio case', async () => {
    const p = await places(env);
    const admin = await signedIn(env, 'admin');
    expect([200, 409]).toContain(
      (await admin.request('PUT', '/api/admin/calendar/years/2027', NOTICE_2027)).status,
    );
    const chen = await signedIn(env, 'inspector');
    const employer = { name: '随州市永固汽车零部件有限公司', creditCode: creditCode('MA4L0003') };
    const layoff = await mustOk(
      await chen.post('/api/supervision/filings', {
        kind: 'layoff',
        employer,
        jurisdictionId: p.city,
        data: {
          totalEmployees: 150,
          layoffCount: 16,
          noticeDate: inDays(1),
          plannedDate: inDays(15),
          unionOpinionHeard: false,
        },
      }),
      201,
    );
    expect((layoff.data as any).result.procedureRequired).toBe(true);
    expect(layoff.flags.map((f: any) => f.code)).toEqual(['LAYOFF_NOTICE_SHORT', 'LAYOFF_UNION_OPINION']);
    const dispatch = await mustOk(
      await chen.post('/api/supervision/check', {
        kind: 'dispatch',
        employer,
        jurisdictionId: p.city,
        data: {
          contractEmployees: 180,
          dispatchedWorkers: 25,
          agencyName: '某派遣公司',
          agencyLicenceNo: '鄂派2024001',
        },
      }),
    );
    expect(dispatch.result.maxAllowed).toBe(20);
    expect(dispatch.flags[0].code).toBe('DISPATCH_CAP_EXCEEDED');
    const opened = await mustOk(await chen.post(`/api/supervision/filings/${layoff.id}/case`, {}), 201);
    const c = await mustOk(await chen.get(`/api/inspection/cases/${opened.caseId}`));
    expect(c.state).toBe('filed');
    expect(c.source).toBe('supervision');
    const clerk = await signedIn(env, 'clerk');
    const valid = {
      kind: 'layoff',
      employer,
      jurisdictionId: p.city,
      data: {
        totalEmployees: 10,
        layoffCount: 1,
        noticeDate: inDays(1),
        plannedDate: inDays(40),
        unionOpinionHeard: true,
      },
    };
    expect((await clerk.post('/api/supervision/filings', valid)).status).toBe(403);
  });

  it('a campaign opens one case per employer; the employer profile shows the risk factors', async () => {
    const p = await places(env);
    const chen = await signedIn(env, 'inspector');
    const code = creditCode('MA4K0004');
    const r = await mustOk(
      await chen.post('/api/inspection/campaigns', {
        name: '2026年春节前根治欠薪专项检查',
        topic: '工资支付情况',
        jurisdictionId: p.city,
        startsOn: '2026-01-05',
        endsOn: '2026-02-10',
        employers: [{ name: '随州市建工集团', creditCode: code }, { name: '随州市桥梁工程有限公司' }],
      }),
      201,
    );
    expect(r.cases).toHaveLength(2);
    const d = await mustOk(await chen.get(`/api/inspection/campaigns/${r.id}`));
    expect(d.employers.every((e: any) => e.state === 'filed')).toBe(true);
    const profile = await mustOk(await chen.get(`/api/employers/by-code/${code}`));
    expect(profile.cases).toHaveLength(1);
    // The case's state in Chinese, from the inspection machine.
    expect([profile.cases[0].track, profile.cases[0].state, profile.cases[0].stateLabel]).toEqual([
      'inspection',
      'filed',
      '已立案',
    ]);
    expect(profile.risk.factors.find((f: any) => f.code === 'inspections').count).toBe(1);
    const risk = await mustOk(await chen.get('/api/employers/risk'));
    // The campaign's employer is on the risk list with the score its profile gives.
    const listed = risk.items.find((i: any) => i.id === profile.employer.id);
    expect([listed?.creditCode, listed?.score, listed?.level]).toEqual([
      code,
      profile.risk.score,
      profile.risk.level,
    ]);
  });
});
