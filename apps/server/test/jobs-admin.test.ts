import { describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/database';
import { migrate } from '../src/db/migrate';
import { LoggingProvider } from '../src/modules/notifications/notifications.providers';
import {
  enqueueNotifications,
  registerSmsDelivery,
} from '../src/modules/notifications/notifications.service';
import { enqueueJob, JobRunner } from '../src/platform/jobs';
import { claimInstallationMode, InstallationModeError } from '../src/seed/installation';
import { Client, signedIn, useTestServer } from './harness';

const env = useTestServer({ LOG_LEVEL: 'error' });

/** A dead job: its handler failed on its only attempt. */
async function deadJob(kind: string) {
  const { db } = env.server.database;
  await enqueueJob(db, kind, { n: 1 }, { maxAttempts: 1, dedupeKey: `${kind}:dead` });
  const runner = new JobRunner(db, env.server.app.log);
  runner.register(kind, async () => {
    throw new Error('模板缺失：13912345678');
  });
  expect(await runner.runOnce()).toBe(1);
  return db.selectFrom('job').selectAll().where('kind', '=', kind).executeTakeFirstOrThrow();
}

describe('the job queue for administrators', () => {
  it('lists dead jobs (401 → 403 → 200) and retries one once, with an audit record', async () => {
    const admin = await signedIn(env, 'admin');
    const failedBefore = (await admin.get('/api/admin/jobs?state=failed')).body.counts.failed as number;
    const job = await deadJob('test.dead');
    expect(job).toMatchObject({ state: 'failed', attempts: 1 });
    expect((await new Client(env.url).get('/api/admin/jobs')).status).toBe(401);
    const clerk = await signedIn(env, 'clerk');
    expect((await clerk.get('/api/admin/jobs')).status).toBe(403);
    expect((await clerk.post(`/api/admin/jobs/${job.id}/retry`, {})).status).toBe(403);

    const list = await admin.get('/api/admin/jobs?state=failed');
    expect(list.status).toBe(200);
    expect(list.body.counts.failed).toBe(failedBefore + 1);
    const item = list.body.items.find((i: { id: number }) => i.id === Number(job.id));
    expect(item).toMatchObject({
      kind: 'test.dead',
      state: 'failed',
      stateLabel: '失败（已停止重试）',
      attempts: 1,
      maxAttempts: 1,
      lastError: '模板缺失：139****5678',
    });
    expect((await admin.get('/api/admin/jobs?state=lost')).status).toBe(400);
    expect((await admin.post('/api/admin/jobs/999999/retry', {})).body.code).toBe('NOT_FOUND');

    const retried = await admin.post(`/api/admin/jobs/${job.id}/retry`, {});
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ id: Number(job.id), state: 'pending', attempts: 0 });
    const again = await admin.post(`/api/admin/jobs/${job.id}/retry`, {});
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('JOB_NOT_FAILED');
    const audit = await admin.get(`/api/admin/audit?action=job.retry&entityId=${job.id}`);
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0].summary).toBe(`重试失败的后台任务 test.dead（#${job.id}）`);

    const { db } = env.server.database;
    const runner = new JobRunner(db, env.server.app.log);
    let runs = 0;
    runner.register('test.dead', async () => {
      runs++;
    });
    expect(await runner.runOnce()).toBe(1);
    expect(await runner.runOnce()).toBe(0);
    expect(runs).toBe(1);
    const done = await db.selectFrom('job').selectAll().where('id', '=', job.id).executeTakeFirstOrThrow();
    expect(done).toMatchObject({ state: 'done', attempts: 1, last_error: null });
  });

  it('runs a periodic task once per period across two instances', async () => {
    const { db } = env.server.database;
    let calls = 0;
    const runners = [0, 1].map(() => {
      const r = new JobRunner(db, env.server.app.log);
      r.every('test.hourly', 3600_000, async () => {
        calls++;
      });
      return r;
    });
    await Promise.all(runners.map((r) => r.runOnce()));
    expect(calls).toBe(1);
    const other = new JobRunner(db, env.server.app.log);
    other.every('test.hourly', 3600_000, async () => {
      calls++;
    });
    await other.runOnce();
    expect(calls).toBe(1);
    const admin = await signedIn(env, 'admin');
    const list = await admin.get('/api/admin/jobs');
    const schedule = list.body.schedules.find((s: { name: string }) => s.name === 'test.hourly');
    expect(schedule).toMatchObject({ name: 'test.hourly', lastError: null });
    expect(schedule.lastRunAt).not.toBeNull();
  });
});

describe('SMS without a provider', () => {
  it('are logged, not sent, and the leaders are alerted', async () => {
    const { app, database } = env.server;
    const { db } = database;
    const zm = await db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', 'zhangmin')
      .executeTakeFirstOrThrow();
    await db.transaction().execute((trx) =>
      enqueueNotifications(trx, [
        {
          recipientUserId: zm.id,
          template: 'clock.due_soon',
          params: {},
          dedupeKey: 'test:logged',
          channels: ['sms'],
        },
      ]),
    );
    const runner = new JobRunner(db, app.log);
    registerSmsDelivery(runner, {
      db,
      cipher: app.ctx.cipher,
      provider: new LoggingProvider(app.log),
      log: app.log,
    });
    expect(await runner.runOnce()).toBe(1);
    const row = await db
      .selectFrom('notification')
      .selectAll()
      .where('dedupe_key', '=', 'test:logged:sms')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      state: 'logged',
      sent_at: null,
      last_error: '未配置短信服务，短信仅写入日志，未送达',
    });

    const director = await signedIn(env, 'director');
    const alerts = await director.get('/api/alerts');
    const alert = alerts.body.items.find((a: { kind: string }) => a.kind === 'sms_not_delivered');
    expect(alert).toMatchObject({
      kind: 'sms_not_delivered',
      summary: '未配置短信服务：短信只写入日志，未送达收件人（期限提醒、当事人通知须另行告知）',
      count: 1,
      jurisdictionName: '随州市',
    });
  });
});

describe('demo and production installations', () => {
  it('a demo database cannot be started as production', async () => {
    await expect(claimInstallationMode(env.server.database.db, 'production')).rejects.toThrow(
      InstallationModeError,
    );
    await expect(claimInstallationMode(env.server.database.db, 'production')).rejects.toThrow(
      /此数据库是演示数据库/,
    );
    await expect(claimInstallationMode(env.server.database.db, 'demo')).resolves.toBeUndefined();
  });

  it('a new installation gets no demo rows and, once production, refuses the demo', async () => {
    const database = await openDatabase({ pgliteDir: 'memory://', poolMax: 2, databaseUrl: undefined });
    try {
      await migrate(database.pool);
      const orgs = await database.db.selectFrom('mediation_organization').select('id').execute();
      expect(orgs).toEqual([]);
      await claimInstallationMode(database.db, 'production');
      await expect(claimInstallationMode(database.db, 'demo')).rejects.toThrow(
        /拒绝以演示模式（DEMO_MODE=true）启动/,
      );
    } finally {
      await database.close();
    }
  });
});
