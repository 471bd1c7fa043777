import { beforeAll, describe, expect, it } from 'vitest';
import { newMatter, openCase, places } from './cases.support';
import { Client, signedIn, useTestServer } from './harness';
import { residentId } from './intake-fixtures';

describe('work queues', () => {
  const env = useTestServer({ LOG_LEVEL: 'error' });
  const idA = residentId('19780506', 321, '421303');
  let a: { id: string; number: string }; // wage arrears + migrant worker (priority), 曾都区
  let b: { id: string; number: string }; // annual leave pay, not priority, 曾都区
  let g: { id: string; number: string }; // 广水市
  let zhang: Client;

  beforeAll(async () => {
    const p = await places(env);
    const clerk = await signedIn(env, 'clerk');
    const gsclerk = await signedIn(env, 'gsclerk');
    zhang = await signedIn(env, 'zhangmin');
    const plain = [{ type: 'annual_leave_pay', amountFen: 300_000, facts: '2025年未休年休假工资' }];
    const mb = await newMatter(clerk, p.zengdu, {
      worker: '赵小满',
      employer: '随州市青山机械制造有限公司',
      claims: plain,
      migrant: false,
    });
    const ma = await newMatter(clerk, p.zengdu, { worker: '钱大勇', idNumber: idA });
    const mg = await newMatter(gsclerk, p.guangshui, { worker: '孙广水', claims: plain, migrant: false });
    // B opened first: the priority case must still come first.
    b = (await openCase(clerk, mb.id, 'mediation', [mb.claims[0]!.id])).body.case;
    a = (await openCase(clerk, ma.id, 'mediation', [ma.claims[0]!.id])).body.case;
    g = (await openCase(gsclerk, mg.id, 'mediation', [mg.claims[0]!.id])).body.case;
  });

  it('walks 401 → 400 → 403 → 200 and puts priority cases first, each with its nearest due date', async () => {
    expect((await new Client(env.url).get('/api/work/mediation')).status).toBe(401);
    expect((await zhang.get('/api/work/mediation?queue=everything')).status).toBe(400);
    expect((await zhang.get('/api/work/nowhere')).status).toBe(400);
    const petition = await signedIn(env, 'petition'); // 信访接待员: no arbitration post
    expect((await petition.get('/api/work/arbitration')).status).toBe(403);
    const r = await zhang.get('/api/work/mediation');
    expect(r.status).toBe(200);
    const ids = r.body.items.map((x: any) => x.id);
    expect(ids.indexOf(a.id)).toBeLessThan(ids.indexOf(b.id));
    const first = r.body.items[0];
    expect(first.id).toBe(a.id);
    expect(first.priority).toBe(true);
    expect(first.priorityFlags.map((f: any) => f.label)).toEqual(expect.arrayContaining(['欠薪', '农民工']));
    expect(first.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(first.statusLabel).toBe('已登记');
    expect(first.title).toContain('钱大勇');
    const onlyPriority = (await zhang.get('/api/work/mediation?priority=any')).body.items.map(
      (x: any) => x.id,
    );
    expect(onlyPriority).toContain(a.id);
    expect(onlyPriority).not.toContain(b.id);
    const wage = (await zhang.get('/api/work/mediation?priority=wage_arrears')).body.items.map(
      (x: any) => x.id,
    );
    expect(wage).toEqual([a.id]);
  });

  it('scopes by jurisdiction: gsclerk (广水市) does not see 曾都区 cases; the city mediator sees both', async () => {
    const gs = await signedIn(env, 'gsclerk');
    const mine = (await gs.get('/api/work/mediation')).body;
    expect(mine.items.map((x: any) => x.id)).toEqual([g.id]);
    expect(mine.scope.jurisdictions.map((j: any) => j.name)).toEqual(['广水市']);
    const all = (await zhang.get('/api/work/mediation')).body.items.map((x: any) => x.id);
    expect(all).toEqual(expect.arrayContaining([a.id, b.id, g.id]));
    const p = await places(env);
    const zengdu = (await zhang.get(`/api/work/mediation?jurisdictionId=${p.zengdu}`)).body.items.map(
      (x: any) => x.id,
    );
    expect(zengdu).not.toContain(g.id);
  });

  it('searches by party name (fuzzy), employer name, ID number (exact) and case or matter number', async () => {
    const byName = (await zhang.get(`/api/work/mediation?q=${encodeURIComponent('赵小满')}`)).body.items;
    expect(byName.map((x: any) => x.id)).toEqual([b.id]);
    const byEmployer = (await zhang.get(`/api/work/mediation?q=${encodeURIComponent('青山机械')}`)).body
      .items;
    expect(byEmployer.map((x: any) => x.id)).toEqual([b.id]);
    const byId = (await zhang.get(`/api/work/mediation?q=${idA}`)).body.items;
    expect(byId.map((x: any) => x.id)).toEqual([a.id]);
    const byNumber = (await zhang.get(`/api/work/mediation?q=${encodeURIComponent(b.number)}`)).body.items;
    expect(byNumber.map((x: any) => x.id)).toEqual([b.id]);
    const matterNumber = (await zhang.get(`/api/cases/${a.id}`)).body.matterNumber;
    const byMatter = (await zhang.get(`/api/work/mediation?q=${encodeURIComponent(matterNumber)}`)).body
      .items;
    expect(byMatter.map((x: any) => x.id)).toEqual([a.id]);
    const nobody = (await zhang.get(`/api/work/mediation?q=${encodeURIComponent('不存在的人')}`)).body.items;
    expect(nobody).toEqual([]);
  });

  it('my work, unassigned, organisation, status and due-date filters', async () => {
    const unassigned = (await zhang.get('/api/work/queue?queue=unassigned')).body.items.map((x: any) => x.id);
    expect(unassigned).toEqual(expect.arrayContaining([a.id, b.id]));
    const admin = await signedIn(env, 'admin');
    const zid = (await admin.get('/api/admin/users?q=zhangmin')).body.items.find(
      (u: any) => u.username === 'zhangmin',
    ).id;
    const fresh = (await zhang.get(`/api/cases/${a.id}`)).body;
    expect(
      (await zhang.post(`/api/cases/${a.id}/assign`, { userId: zid, version: fresh.version })).status,
    ).toBe(200);
    const mine = (await zhang.get('/api/work/queue')).body.items;
    // Her own cases, then what waits on her mediator post (待调解: registered, nobody assigned yet).
    const own = mine.filter((x: any) => x.kind === 'case');
    expect(own.map((x: any) => x.id)).toEqual([a.id]);
    expect(own[0].assigneeName).toBe('张敏');
    expect(mine.filter((x: any) => x.kind !== 'case').map((x: any) => x.kind)).toEqual(
      mine.filter((x: any) => x.kind !== 'case').map(() => 'mediation'),
    );
    expect((await zhang.get('/api/work/mediation?queue=mine')).body.items.map((x: any) => x.id)).toEqual([
      a.id,
    ]);
    const after = (await zhang.get('/api/work/queue?queue=unassigned')).body.items.map((x: any) => x.id);
    expect(after).not.toContain(a.id);
    expect(after).toContain(b.id);
    const org = (await zhang.get('/api/work/queue?queue=org')).body.items.map((x: any) => x.id);
    expect(org).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(org).not.toContain(g.id);
    expect((await zhang.get('/api/work/mediation?status=proposal_sent')).body.items).toEqual([]);
    expect((await zhang.get('/api/work/mediation?dueBefore=2000-01-01')).body.items).toEqual([]);
    expect(
      (await zhang.get('/api/work/mediation?dueBefore=2199-12-31')).body.items.length,
    ).toBeGreaterThanOrEqual(2);
    expect((await zhang.get('/api/work/queue?dueBefore=2026-13-01')).status).toBe(400);
    // The work areas themselves are unchanged.
    expect((await zhang.get('/api/work')).body.items.map((x: any) => x.track)).toEqual([
      'mediation',
      'arbitration',
      'inspection',
    ]);
  });
});
