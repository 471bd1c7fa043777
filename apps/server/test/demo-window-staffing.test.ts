import { describe, expect, it } from 'vitest';
import { newMatter, openCase, places } from './cases.support';
import { signedIn, useTestServer } from './harness';

/**
 * Issue 14 item 8: the demo staffs the prevention track (a 调解组织指导员, a committee in the 调解组织名录
 * with its mediator) and a second certified arbitrator; item 7: the 工作台 lists the cases waiting for
 * the user's post (待调解 for a mediator, 待受理 for an arbitrator), not only those assigned to them.
 */
describe('demo staffing of the window and the prevention track; 工作台 by post', () => {
  const env = useTestServer({ LOG_LEVEL: 'error' });

  it('the prevention officer sees the demo committee, whose mediator keeps its ledger', async () => {
    const officer = await signedIn(env, 'prevention');
    const orgs = await officer.get('/api/prevention/organizations');
    expect(orgs.status).toBe(200);
    const org = (orgs.body.items as any[]).find((o) => o.name === '曾都区东城街道劳动争议调解委员会');
    expect(org).toBeDefined();
    const mediator = await signedIn(env, 'orgmediator');
    const me = (await mediator.get('/api/auth/me')).body;
    expect(JSON.stringify(me)).toContain('马丽');
    const arbitrator = await signedIn(env, 'arbitrator');
    expect((await arbitrator.get('/api/work/arbitration')).status).toBe(200);
  });

  it('a registered mediation is 待调解 on every mediator’s 工作台 in its jurisdiction until taken up', async () => {
    const clerk = await signedIn(env, 'clerk');
    const p = await places(env);
    const m = await newMatter(clerk, p.zengdu, { worker: '待办甲' });
    const med = (await openCase(clerk, m.id, 'mediation', [m.claims[0]!.id])).body.case;
    const zhang = await signedIn(env, 'zhangmin');
    const mine = (await zhang.get('/api/work/queue?queue=mine')).body.items as any[];
    const item = mine.find((i) => i.id === med.id);
    expect(item).toMatchObject({ kind: 'mediation', track: 'mediation', link: `/matters/${m.id}` });
    expect(item.title.startsWith('待调解｜')).toBe(true);
    // Not a post of the clerk's: her list does not carry it.
    const clerkItems = (await clerk.get('/api/work/queue?queue=mine')).body.items as any[];
    expect(clerkItems.some((i) => i.id === med.id)).toBe(false);
  });
});
