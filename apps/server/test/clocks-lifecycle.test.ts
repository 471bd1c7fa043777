import { describe, expect, it } from 'vitest';
import { getClocksService } from '../src/modules/clocks/clocks.module';
import { sweepClocks } from '../src/modules/clocks/clocks.sweep';
import { SYSTEM_ACTOR } from '../src/platform/audit';
import { signedIn, useTestServer } from './harness';

describe('clocks on a subject: start, suspend, resume, extend, restart, sweep', () => {
  const env = useTestServer();

  async function users() {
    const admin = await signedIn(env, 'admin');
    const list = (await admin.get('/api/admin/users?limit=200')).body.items as any[];
    const by = (u: string) => list.find((x) => x.username === u);
    return { zhangmin: by('zhangmin'), director: by('director'), gsclerk: by('gsclerk') };
  }

  async function start(ruleId: string, triggerDate: string, extra: Record<string, unknown> = {}) {
    const subjectId = crypto.randomUUID();
    const row = await env.server.database.db
      .transaction()
      .execute((trx) =>
        getClocksService(env.server.app.ctx).start(
          trx,
          { subjectType: 'matter', subjectId, ruleId, triggerDate, ...extra },
          SYSTEM_ACTOR,
        ),
      );
    return { subjectId, row };
  }

  it('walks a 45-day award clock through its lifecycle', async () => {
    const u = await users();
    const { subjectId, row } = await start('arbitration.award', '2026-03-02', {
      responsibleUserId: u.zhangmin.id,
      organizationId: u.zhangmin.organizationId ?? u.zhangmin.organization?.id,
    });
    expect(row.due_date).toBe('2026-04-16');
    const zm = await signedIn(env, 'zhangmin');
    const list = await zm.get(`/api/clocks?subjectType=matter&subjectId=${subjectId}`);
    expect(list.status).toBe(200);
    const c = list.body.items[0];
    expect(c).toMatchObject({
      ruleId: 'arbitration.award',
      code: 'T-A15',
      triggerDate: '2026-03-02',
      dueDate: '2026-04-16',
      status: 'running',
      statusLabel: '计时中',
      extended: false,
      responsible: { id: u.zhangmin.id, name: '张敏' },
    });
    expect(c.basis).toContain('第四十三条');
    expect(c.actions).toEqual({ suspend: true, resume: false, extend: false, restart: true });

    const base = `/api/clocks/${row.id}`;
    expect((await zm.post(`${base}/suspend`, {})).status).toBe(400); // reason required
    let r = await zm.post(`${base}/suspend`, { reason: '等待工伤认定结论', date: '2026-03-10' });
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('suspended');
    r = await zm.post(`${base}/suspend`, { reason: '再次中止' });
    expect([r.status, r.body.code]).toEqual([409, 'CLOCK_ILLEGAL_TRANSITION']);
    r = await zm.post(`${base}/resume`, { reason: '已取得结论', date: '2026-03-20' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'running', suspendedDays: 10, dueDate: '2026-04-27' });

    // Extension: needs clock.extend, an approver and a reason.
    expect((await zm.post(`${base}/extend`, { approver: '仲裁委主任', reason: '案情复杂' })).status).toBe(
      403,
    );
    const dir = await signedIn(env, 'director');
    r = await dir.post(`${base}/extend`, { reason: '案情复杂' });
    expect([r.status, r.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    r = await dir.post(`${base}/extend`, { approver: '  ', reason: '案情复杂' });
    expect(r.status).toBe(400);
    r = await dir.post(`${base}/extend`, { approver: '仲裁委员会主任 吴建国', reason: '' });
    expect(r.status).toBe(400);
    r = await dir.post(`${base}/extend`, {
      approver: '仲裁委员会主任 吴建国',
      reason: '案情复杂，需补充鉴定',
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'extended', extended: true, dueDate: '2026-05-12' });
    expect(r.body.explanation).toContain('批准延长');
    r = await dir.post(`${base}/extend`, { approver: '主任', reason: '再延' });
    expect([r.status, r.body.code]).toEqual([409, 'CLOCK_ILLEGAL_TRANSITION']);

    r = await zm.post(`${base}/restart`, { triggerDate: '2026-04-01', reason: '申请人追加仲裁请求' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      status: 'running',
      extended: false,
      suspendedDays: 0,
      dueDate: '2026-05-18',
    });

    const events = await zm.get(`${base}/events`);
    expect(events.body.items.map((e: any) => e.event)).toEqual([
      'start',
      'suspend',
      'resume',
      'extend',
      'restart',
    ]);
    const audit = await (await signedIn(env, 'admin')).get(`/api/admin/audit?entityId=${row.id}`);
    expect(audit.status).toBe(200);

    // Met via subject + rule, from another module's transaction.
    const met = await env.server.database.db
      .transaction()
      .execute((trx) =>
        getClocksService(env.server.app.ctx).meet(
          trx,
          { subjectType: 'matter', subjectId, ruleId: 'arbitration.award' },
          SYSTEM_ACTOR,
        ),
      );
    expect(met.status).toBe('met');
    r = await zm.post(`${base}/resume`, {});
    expect([r.status, r.body.code]).toEqual([409, 'CLOCK_ILLEGAL_TRANSITION']);
  });

  it('refuses what the law does not allow and what the user may not do', async () => {
    const { row, subjectId } = await start('arbitration.acceptance', '2026-03-02');
    const zm = await signedIn(env, 'zhangmin');
    let r = await zm.post(`/api/clocks/${row.id}/suspend`, { reason: '中止' });
    expect([r.status, r.body.code]).toEqual([400, 'CLOCK_NOT_SUSPENDABLE']);
    const dir = await signedIn(env, 'director');
    r = await dir.post(`/api/clocks/${row.id}/extend`, { approver: '主任', reason: '复杂' });
    expect([r.status, r.body.code]).toEqual([400, 'CLOCK_EXTENSION_NOT_ALLOWED']);
    const gs = await signedIn(env, 'petition'); // 信访接待员: no arbitration post
    r = await gs.post(`/api/clocks/${row.id}/restart`, { triggerDate: '2026-03-03', reason: '补正' });
    expect(r.status).toBe(403);
    const legal = await signedIn(env, 'admin'); // no matter.read
    expect((await legal.get(`/api/clocks?subjectType=matter&subjectId=${subjectId}`)).status).toBe(403);
    await expect(start('no.such.rule', '2026-03-02')).rejects.toMatchObject({ code: 'CLOCK_RULE_UNKNOWN' });
    // A period reaching into a year without holiday data runs on a flagged provisional due date.
    const { row: provisional } = await start('arbitration.acceptance', '2027-03-02');
    expect(provisional).toMatchObject({ calendar_pending_year: 2027, due_date: '2027-03-07' });
    const dup = env.server.database.db
      .transaction()
      .execute((trx) =>
        getClocksService(env.server.app.ctx).start(
          trx,
          { subjectType: 'matter', subjectId, ruleId: 'arbitration.acceptance', triggerDate: '2026-03-02' },
          SYSTEM_ACTOR,
        ),
      );
    await expect(dup).rejects.toMatchObject({ status: 409, code: 'CLOCK_ALREADY_RUNNING' });
  });

  it('the sweep marks overdue clocks missed, escalates to leaders and reminds the responsible person', async () => {
    const u = await users();
    const today = '2026-06-10'; // Wednesday
    const late = await start('arbitration.acceptance', '2026-05-29', { responsibleUserId: u.zhangmin.id }); // due 6/5
    const soon = await start('arbitration.acceptance', '2026-06-05', { responsibleUserId: u.zhangmin.id }); // due 6/12
    const dueToday = await start('arbitration.acceptance', '2026-06-03', {
      responsibleUserId: u.zhangmin.id,
    }); // 6/10
    const later = await start('arbitration.acceptance', '2026-06-09', { responsibleUserId: u.zhangmin.id }); // 6/16
    expect([late.row.due_date, soon.row.due_date, dueToday.row.due_date, later.row.due_date]).toEqual([
      '2026-06-05',
      '2026-06-12',
      '2026-06-10',
      '2026-06-16',
    ]);
    const { app, database } = env.server;
    const deps = {
      db: database.db,
      calendars: (await import('../src/modules/clocks/clocks.module')).clocksRuntime(app.ctx).calendars,
      log: app.log,
    };
    const first = await sweepClocks(deps, { today });
    expect(first.missed).toBeGreaterThanOrEqual(1);
    const second = await sweepClocks(deps, { today });
    expect(second).toEqual({ missed: 0, escalations: 0, reminders: 0 });

    const zm = await signedIn(env, 'zhangmin');
    const lateView = (await zm.get(`/api/clocks?subjectType=matter&subjectId=${late.subjectId}`)).body
      .items[0];
    expect(lateView).toMatchObject({ status: 'missed', urgency: 'overdue' });
    const soonView = (await zm.get(`/api/clocks?subjectType=matter&subjectId=${soon.subjectId}`)).body
      .items[0];
    expect(soonView.status).toBe('running');

    const mine = (await zm.get('/api/notifications')).body;
    const bodies = mine.items.map((n: any) => n.body).join('\n');
    expect(bodies).toContain('将于2026-06-12到期');
    expect(bodies).toContain('今日（2026-06-10）到期');
    expect(bodies).not.toContain('2026-06-16');
    expect(mine.items[0].body).toMatch(/^【随州劳动维权】您负责的维权事项「决定是否受理仲裁申请」/);
    expect(mine.unread).toBeGreaterThanOrEqual(2);
    const read = await zm.post(`/api/notifications/${mine.items[0].id}/read`);
    expect(read.status).toBe(200);
    expect((await zm.get('/api/notifications')).body.unread).toBe(mine.unread - 1);

    const dir = await signedIn(env, 'director');
    const esc = (await dir.get('/api/notifications')).body.items.find(
      (n: any) => n.subjectId === late.subjectId,
    );
    expect(esc.body).toContain('已于2026-06-05到期未办结');
    expect(esc.body).toContain('责任人：张敏');
    expect((await dir.post(`/api/notifications/${mine.items[1].id}/read`)).status).toBe(404);

    const state = await zm.get(`/api/notifications?subjectType=matter&subjectId=${late.subjectId}`);
    expect(state.body.items.map((n: any) => `${n.channel}:${n.state}`).sort()).toEqual([
      'in_app:sent',
      'sms:pending',
    ]);
  });

  it('the leaders overview groups overdue and near-due clocks by organisation and person', async () => {
    const u = await users();
    const organizationId = u.zhangmin.organizationId ?? u.zhangmin.organization?.id;
    const dir = await signedIn(env, 'director');
    const before = (await dir.get('/api/clocks/overview')).body.totals;
    // Due 2026-06-05 and still running: overdue.
    const late = await start('arbitration.acceptance', '2026-05-29', {
      responsibleUserId: u.zhangmin.id,
      organizationId,
    });
    const r = await dir.get('/api/clocks/overview');
    expect(r.status).toBe(200);
    expect(r.body.totals).toEqual({ overdue: before.overdue + 1, dueSoon: before.dueSoon });
    const placed = r.body.groups.flatMap((g: any) =>
      g.people
        .filter((x: any) => x.items.some((i: any) => i.subjectId === late.subjectId))
        .map((x: any) => ({ organization: g.organization?.id, responsible: x.responsible })),
    );
    expect(placed).toEqual([
      { organization: organizationId, responsible: { id: u.zhangmin.id, name: '张敏' } },
    ]);
    const zm = await signedIn(env, 'zhangmin');
    expect((await zm.get('/api/clocks/overview')).status).toBe(403);
  });
});
