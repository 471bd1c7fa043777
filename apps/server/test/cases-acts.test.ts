import { beforeAll, describe, expect, it } from 'vitest';
import { newMatter, openCase, type Places, places } from './cases.support';
import { type Client, signedIn, useTestServer } from './harness';

describe('acts: a generic transition never stands for a legal act', () => {
  const env = useTestServer({ LOG_LEVEL: 'error' });
  let p: Places;
  let clerk: Client;
  let zhang: Client;

  beforeAll(async () => {
    p = await places(env);
    clerk = await signedIn(env, 'clerk');
    zhang = await signedIn(env, 'zhangmin');
  });

  it('refuses “送达调解建议书” as a bare status change (409 CASE_EVENT_IS_ACT) and writes nothing', async () => {
    const m = await newMatter(clerk, p.zengdu);
    const med = (await openCase(clerk, m.id, 'mediation', [m.claims[0]!.id])).body.case;
    const view = (await zhang.get(`/api/cases/${med.id}`)).body;
    const send = view.availableEvents.find((a: any) => a.event === 'send_proposal');
    expect(send.actForm).toBe('调解建议书（逐项建议金额与理由）');
    const refused = await zhang.post(`/api/cases/${med.id}/transitions`, {
      event: 'send_proposal',
      version: med.version,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('CASE_EVENT_IS_ACT');
    expect(refused.body.message).toBe(
      '“送达调解建议书”须出具文书，不能只改状态：请通过“调解建议书（逐项建议金额与理由）”办理',
    );
    const after = (await zhang.get(`/api/cases/${med.id}`)).body;
    expect(after.state).toBe('registered');
    expect(after.version).toBe(med.version);
    expect(after.events.map((e: any) => e.event)).toEqual(['open']);
  });

  it('refuses 补正完成 on the generic API: the arbitration form re-runs the review', async () => {
    const m = await newMatter(clerk, p.zengdu);
    const arb = (await openCase(clerk, m.id, 'arbitration', [m.claims[0]!.id])).body.case;
    const r = await zhang.post(`/api/cases/${arb.id}/transitions`, {
      event: 'correct',
      version: arb.version,
    });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('CASE_EVENT_IS_ACT');
    expect(r.body.details).toEqual({ event: 'correct', form: '补正完成并重新初审' });
  });

  it('still runs plain steps (a consultation answered) through the generic API', async () => {
    const m = await newMatter(clerk, p.zengdu);
    const c = (await openCase(clerk, m.id, 'consultation', [m.claims[0]!.id])).body.case;
    const view = (await clerk.get(`/api/cases/${c.id}`)).body;
    expect(view.availableEvents.every((a: any) => a.actForm === null)).toBe(true);
    const r = await clerk.post(`/api/cases/${c.id}/transitions`, {
      event: 'answer',
      version: c.version,
      reason: '已当面解答',
    });
    expect(r.status).toBe(200);
    expect(r.body.case.state).toBe('answered');
  });
});
