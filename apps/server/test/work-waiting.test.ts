import { beforeAll, describe, expect, it } from 'vitest';
import { application, seedCalendars } from './arbitration.support';
import { newMatter, places } from './cases.support';
import { signedIn, useTestServer } from './harness';
import { residentId } from './intake-fixtures';
import { PortalClient } from './portal.support';

/**
 * 我经办、待他人办理 (GET /api/work/waiting): the window clerk who took in a same-day application sees it
 * waiting on the arbitrator's acceptance (《劳动争议调解仲裁法》第二十九条; the center's same-day promise),
 * with the nearest time limit; those who can act do not see it there (it is on their to-do list).
 */
describe('cases I took in that wait on someone else', () => {
  const env = useTestServer({ LOG_LEVEL: 'error', STORAGE_DIR: `/tmp/onestop-waiting-${process.pid}` });
  beforeAll(async () => {
    await seedCalendars(env);
  });

  let seq = 0;
  async function sameDayApplication() {
    const clerk = await signedIn(env, 'clerk');
    const p = await places(env);
    const idNumber = residentId('19850315', 300 + seq++, '421303');
    const m = await newMatter(clerk, p.zengdu, { idNumber });
    const body = await application(clerk, { id: m.id, claims: [m.claims[0]!] });
    const sameDay = body.case.clocks.find((k: any) => k.ruleId === 'center.same-day-acceptance');
    return {
      clerk,
      matterId: m.id,
      idNumber,
      caseId: body.case.caseId as string,
      number: body.case.number as string,
      sameDay,
    };
  }

  it('the clerk sees the application waiting on the arbitrator’s acceptance, due the same day', async () => {
    const { clerk, caseId, number, sameDay } = await sameDayApplication();
    expect(sameDay.status).toBe('running');
    const r = await clerk.get('/api/work/waiting');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const item = r.body.items.find((i: any) => i.id === caseId);
    expect(item).toMatchObject({
      kind: 'case',
      number,
      track: 'arbitration',
      status: 'received',
      dueDate: sameDay.dueDate,
      dueRule: '欠薪、工伤、重大集体争议当日受理',
      assigneeName: null,
      link: `/cases/${caseId}`,
      waitingOn: {
        roles: [
          { code: 'arbitrator', label: '仲裁员' },
          { code: 'leader', label: '领导' },
        ],
        steps: ['受理立案'],
        text: '仲裁员、领导：受理立案',
        answersClock: true,
      },
    });
    // Not the clerk's own to-do: the clerk cannot decide acceptance.
    const mine = await clerk.get('/api/work/queue?queue=mine');
    expect(mine.body.items.map((i: any) => i.id)).not.toContain(caseId);
  });

  it('the arbitrator, who can act, does not see it as waiting on others', async () => {
    const { caseId } = await sameDayApplication();
    const zhangmin = await signedIn(env, 'zhangmin');
    const r = await zhangmin.get('/api/work/waiting');
    expect(r.status).toBe(200);
    expect(r.body.items.map((i: any) => i.id)).not.toContain(caseId);
  });

  it('after acceptance the clerk sees whom the case waits on next', async () => {
    const { clerk, caseId } = await sameDayApplication();
    const zhangmin = await signedIn(env, 'zhangmin');
    const accepted = await zhangmin.post(`/api/arbitration/cases/${caseId}/accept`, {});
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    const r = await clerk.get('/api/work/waiting');
    const item = r.body.items.find((i: any) => i.id === caseId);
    const copy = accepted.body.case.clocks.find((k: any) => k.ruleId === 'arbitration.service-to-respondent');
    expect(copy?.status, JSON.stringify(accepted.body.case.clocks)).toBe('running');
    // 《劳动争议调解仲裁法》第三十条: the copy of the application goes to the respondent within five days (counted in working days).
    expect(item).toMatchObject({
      status: 'accepted',
      dueDate: copy.dueDate,
      dueRule: '向被申请人送达仲裁申请书副本',
      waitingOn: {
        roles: [
          { code: 'arbitrator', label: '仲裁员' },
          { code: 'tribunal_clerk', label: '书记员' },
          { code: 'leader', label: '领导' },
        ],
        steps: ['向被申请人送达', '撤销案件'],
        text: '仲裁员、书记员、领导：向被申请人送达／撤销案件',
        answersClock: true,
      },
    });
  });

  it('the worker’s phone shows the next step, who takes it and the statutory date', async () => {
    const { clerk, matterId, idNumber, number, sameDay } = await sameDayApplication();
    const code = (await clerk.get(`/api/portal/staff/matters/${matterId}/query-code`)).body.queryCode;
    const phone = new PortalClient(env.url);
    const signed = await phone.post('/api/portal/auth/query', {
      queryCode: code,
      idLast6: idNumber.slice(-6),
    });
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    const d = await phone.get(`/api/portal/matters/${matterId}`);
    expect(d.status).toBe(200);
    expect(d.body.cases).toEqual([
      {
        track: 'arbitration',
        trackLabel: '仲裁',
        number,
        stateLabel: '已收件',
        closed: false,
        next: {
          steps: ['受理立案'],
          by: '仲裁员',
          dueDate: sameDay.dueDate,
          dueRule: '欠薪、工伤、重大集体争议当日受理',
        },
      },
    ]);
  });
});
