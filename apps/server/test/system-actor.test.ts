import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/platform/audit-verify';
import { newMatter, places } from './cases.support';
import { runJobs } from './documents.support';
import { signedIn, useTestServer } from './harness';
import { agreementInTwoInstalments } from './obligations.support';
import { setToday } from './procedure.support';

/**
 * The system actor (platform/system.ts): what a job writes names the system and why it acted — on the
 * matter's timeline (actor 系统, actor_reason) and in the audit log (role 'system') — not a user and
 * not an empty identity.
 */
describe('the system actor', () => {
  const env = useTestServer({ LOG_LEVEL: 'error' });
  afterEach(() => setToday(env, null));

  it('a job (the hourly overdue sweep) records its timeline row and audit entry as 系统 with its reason', async () => {
    setToday(env, '2026-12-08');
    const p = await places(env);
    const a = await agreementInTwoInstalments(env, p, '系统甲');
    // The first instalment was due 2026-12-20: on the 21st the job runner's periodic sweep flags it.
    setToday(env, '2026-12-21');
    await runJobs(env);

    const db = env.server.app.ctx.database.db;
    const events = await db
      .selectFrom('matter_event')
      .select(['actor_id', 'actor_name', 'actor_reason', 'summary'])
      .where('matter_id', '=', a.matterId)
      .where('kind', '=', 'obligation_overdue')
      .execute();
    expect(events).toEqual([
      {
        actor_id: null,
        actor_name: '系统',
        actor_reason: '义务履行期限巡检',
        summary: `调解协议书${a.agreement.number}确定的拖欠工资（第1期）应于2026-12-20履行，尚欠4,000.00元，已逾期`,
      },
    ]);
    const audit = await db
      .selectFrom('audit_log')
      .select(['actor_id', 'actor_name', 'actor_role', 'actor_reason'])
      .where('action', '=', 'matter.obligation_overdue')
      .where('entity_id', '=', a.matterId)
      .execute();
    expect(audit).toEqual([
      { actor_id: null, actor_name: '系统', actor_role: 'system', actor_reason: '义务履行期限巡检' },
    ]);
    // The reason is part of the row's hash: the chain (older rows without one included) still verifies.
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, firstBadSeq: null });

    // The staff timeline shows who acted and why.
    const mediator = await signedIn(env, 'zhangmin');
    const detail = await mediator.get(`/api/matters/${a.matterId}`);
    expect(detail.status).toBe(200);
    const row = detail.body.timeline.find((e: { kind: string }) => e.kind === 'obligation_overdue');
    expect(row.actorName).toBe('系统（义务履行期限巡检）');
    // A person's row carries no reason: the mediator's own steps show the name alone.
    const own = detail.body.timeline.filter((e: { actorName: string }) => e.actorName.startsWith('系统'));
    expect(own.map((e: { kind: string }) => e.kind)).toEqual(['obligation_overdue']);
  });

  it('the database keeps a reason for the system only (a user row cannot carry one)', async () => {
    const db = env.server.app.ctx.database.db;
    const matter = await newMatter(await signedIn(env, 'clerk'), (await places(env)).zengdu);
    const user = await db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', 'zhangmin')
      .executeTakeFirstOrThrow();
    await expect(
      db
        .insertInto('matter_event')
        .values({
          matter_id: matter.id,
          actor_id: user.id,
          actor_name: '张敏',
          actor_reason: '不应有',
          kind: 'note',
          summary: '测试',
          payload: null,
        })
        .execute(),
    ).rejects.toThrow(/matter_event_actor_reason_system/);
  });
});
