import { beforeAll, describe, expect, it } from 'vitest';
import { newMatter, type Places, places } from './cases.support';
import { Client, signedIn, useTestServer } from './harness';
import { intakeBody } from './intake-fixtures';

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const shift = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86400_000).toISOString().slice(0, 10);

describe('legal aid (法律援助)', () => {
  const env = useTestServer({ LOG_LEVEL: 'error' });
  let p: Places;
  let clerk: Client;
  let aid: Client;

  beforeAll(async () => {
    p = await places(env);
    clerk = await signedIn(env, 'clerk');
    aid = await signedIn(env, 'legalaid');
  });

  it('refers a migrant worker’s wage matter without a means test; decision, lawyer and result reach the timeline', async () => {
    const m = await newMatter(clerk, p.zengdu, { migrant: true });
    const url = `/api/matters/${m.id}/legal-aid`;
    expect((await new Client(env.url).get(`${url}/screening`)).status).toBe(401);
    expect((await clerk.get(`${url}/screening?deadline=2026-13-01`)).status).toBe(400);
    const s = (await clerk.get(`${url}/screening`)).body;
    expect(s).toMatchObject({
      eligible: true,
      migrantWorker: true,
      meansTestExempt: true,
      claimTypes: ['unpaid_wages'],
    });
    expect(s.exemptionReason).toContain('第四十二条第（三）项');
    expect(s.basis).toContain('《法律援助法》');

    const court = await signedIn(env, 'court');
    expect((await court.post(url, {})).status).toBe(403);
    const r = await clerk.post(url, {});
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({
      meansTestExempt: true,
      economicHardship: null,
      decision: null,
      applicantName: expect.any(String),
    });
    expect(r.body.case.number).toMatch(/^随法援〔\d{4}〕\d+号$/);
    expect(r.body.referralDocument.number).toMatch(/^随人社维字〔\d{4}〕\d+号$/);
    expect(r.body.decisionDue! >= shift(today(), 7)).toBe(true);
    expect((await clerk.post(url, {})).body.code).toBe('LEGAL_AID_REFERRAL_OPEN');
    const ref = (await clerk.get(`/api/documents/${r.body.referralDocument.id}`)).body;
    expect(ref.title).toBe('法律援助转介函');

    expect((await aid.get('/api/legal-aid?open=true')).body.items.map((x: any) => x.id)).toContain(r.body.id);
    expect((await clerk.post(`/api/legal-aid/${r.body.id}/decision`, { decision: 'grant' })).status).toBe(
      403,
    );
    const g = await aid.post(`/api/legal-aid/${r.body.id}/decision`, {
      decision: 'grant',
      version: r.body.case.version,
    });
    expect(g.status, JSON.stringify(g.body)).toBe(200);
    expect(g.body).toMatchObject({ decision: 'granted', decidedOn: today(), economicHardship: null });
    expect(g.body.case.state).toBe('granted');
    expect(g.body.actions).toContain('lawyer');
    const l = await aid.post(`/api/legal-aid/${r.body.id}/lawyer`, {
      lawyerName: '陈静',
      lawFirm: '湖北楚天律师事务所',
    });
    expect(l.status).toBe(200);
    expect(l.body).toMatchObject({ lawyerName: '陈静', assignedOn: today(), assignedLate: false });
    expect(l.body.case.state).toBe('in_service');
    const done = await aid.post(`/api/legal-aid/${r.body.id}/result`, {
      result: '代理仲裁，裁决支付工资12,500元',
    });
    expect(done.body.case.state).toBe('closed');
    const kinds = (await clerk.get(`/api/matters/${m.id}`)).body.timeline.map((e: any) => e.kind);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'legal_aid_referred',
        'legal_aid_decided',
        'legal_aid_lawyer',
        'legal_aid_result',
      ]),
    );
  });

  it('a worker who is not a migrant worker must pass the means test; ineligible matters are not referred', async () => {
    const m = await newMatter(clerk, p.zengdu, { migrant: false });
    const s = (await clerk.get(`/api/matters/${m.id}/legal-aid/screening`)).body;
    expect(s.meansTestExempt).toBe(false);
    const r = (await clerk.post(`/api/matters/${m.id}/legal-aid`, {})).body;
    const refused = await aid.post(`/api/legal-aid/${r.id}/decision`, { decision: 'grant' });
    expect(refused.status).toBe(422);
    expect(refused.body.message).toContain('未核实经济困难状况');
    const g = await aid.post(`/api/legal-aid/${r.id}/decision`, {
      decision: 'grant',
      economicHardship: true,
    });
    expect(g.status).toBe(200);

    const other = await newMatter(clerk, p.zengdu, {
      claims: [{ type: 'dispatch', facts: '劳务派遣用工超过比例' }],
    });
    const no = await clerk.post(`/api/matters/${other.id}/legal-aid`, {});
    expect(no.status).toBe(422);
    expect(no.body.code).toBe('LEGAL_AID_NOT_ELIGIBLE');
  });

  it('flags urgent aid when seven days or fewer remain and allows provisional aid (先行援助)', async () => {
    // The arbitration limitation (one year from termination) ends in three days.
    const body = intakeBody(p.zengdu) as any;
    body.facts = { employmentEnd: shift(today(), 3 - 365), knewDate: shift(today(), 3 - 365) };
    const created = await clerk.post('/api/intake', body);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const s = (await clerk.get(`/api/matters/${created.body.id}/legal-aid/screening`)).body;
    expect(s.deadlineSource).toBe('arbitration_limitation');
    expect(s.daysLeft).toBeLessThanOrEqual(7);
    expect(s.urgent).toBe(true);

    const m = await newMatter(clerk, p.zengdu);
    const far = (await clerk.get(`/api/matters/${m.id}/legal-aid/screening?deadline=${shift(today(), 20)}`))
      .body;
    expect(far.urgent).toBe(false);
    const near = (await clerk.get(`/api/matters/${m.id}/legal-aid/screening?deadline=${shift(today(), 5)}`))
      .body;
    expect(near).toMatchObject({ urgent: true, daysLeft: 5, deadlineSource: 'entered' });
    expect(near.reason).toContain('先行提供法律援助');
    const r = (await clerk.post(`/api/matters/${m.id}/legal-aid`, { deadline: shift(today(), 5) })).body;
    expect(r).toMatchObject({ urgent: true, daysLeft: 5 });
    const pr = await aid.post(`/api/legal-aid/${r.id}/decision`, {
      decision: 'provisional',
      lawyerName: '刘洋',
      lawFirm: '随州市法律援助中心',
    });
    expect(pr.status, JSON.stringify(pr.body)).toBe(200);
    expect(pr.body).toMatchObject({ decision: 'provisional', lawyerName: '刘洋' });
    expect(pr.body.case.state).toBe('provisional_aid');
    const c = await aid.post(`/api/legal-aid/${r.id}/confirm`, {});
    expect(c.body.case.state).toBe('in_service');

    const later = await newMatter(clerk, p.zengdu);
    const notUrgent = (await clerk.post(`/api/matters/${later.id}/legal-aid`, {})).body;
    const refusedUrgent = await aid.post(`/api/legal-aid/${notUrgent.id}/decision`, {
      decision: 'provisional',
    });
    expect(refusedUrgent.status).toBe(422);
    expect(refusedUrgent.body.message).toContain('超过七日');
  });
});
