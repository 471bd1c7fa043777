import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config/env';
import { type Database, openDatabase } from '../src/db/database';
import { clocksRuntime, getClocksService, registerClockJobs } from '../src/modules/clocks/clocks.module';
import type {
  NotificationProvider,
  OutgoingMessage,
} from '../src/modules/notifications/notifications.providers';
import {
  enqueueNotifications,
  registerSmsDelivery,
} from '../src/modules/notifications/notifications.service';
import { SYSTEM_ACTOR } from '../src/platform/audit';
import { JobRunner } from '../src/platform/jobs';
import { startTestServer, type TestEnv } from './harness';

class CountingProvider implements NotificationProvider {
  readonly name = 'counting';
  constructor(
    private readonly sent: OutgoingMessage[],
    private readonly delayMs = 5,
  ) {}
  async send(msg: OutgoingMessage) {
    await new Promise((r) => setTimeout(r, this.delayMs));
    this.sent.push(msg);
    return { ref: `test:${msg.id}` };
  }
}

/**
 * Two server instances on one database run the sweep and the delivery at the same moment: every
 * reminder is enqueued once and sent once. On PostgreSQL the second instance is a second app with its
 * own pool on the same DATABASE_URL; on PGlite (one process) two job runners share the database.
 */
describe('reminders with two server instances on one database', () => {
  let env: TestEnv;
  let second: { app: FastifyInstance; database: Database } | null = null;

  beforeAll(async () => {
    env = await startTestServer();
    if (env.databaseUrl) {
      const config = loadConfig({
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        DEMO_MODE: 'true',
        JOBS_ENABLED: 'false',
        WEB_DIST: '/nonexistent',
        DATABASE_URL: env.databaseUrl,
      });
      const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: '', poolMax: 5 });
      second = { app: await buildApp({ config, database }), database };
    }
  });
  afterAll(async () => {
    if (second) {
      await second.app.close();
      await second.database.close();
    }
    await env?.server.close();
  });

  it('sends every reminder exactly once', async () => {
    const today = '2026-06-10';
    const { db } = env.server.database;
    const zm = await db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', 'zhangmin')
      .executeTakeFirstOrThrow();
    const svc = getClocksService(env.server.app.ctx);
    const triggers = ['2026-06-03', '2026-06-05', '2026-06-04', '2026-05-29'];
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < 40; i++) {
        await svc.start(
          trx,
          {
            subjectType: 'matter',
            subjectId: crypto.randomUUID(),
            ruleId: 'arbitration.acceptance',
            triggerDate: triggers[i % triggers.length]!,
            responsibleUserId: zm.id,
          },
          SYSTEM_ACTOR,
        );
      }
    });

    const sent: OutgoingMessage[] = [];
    const instances = [env.server.app, second?.app ?? env.server.app];
    const runners = instances.map((app) => {
      const runner = new JobRunner(app.ctx.database.db, app.log, { batch: 3 });
      registerClockJobs(runner, {
        db: app.ctx.database.db,
        calendars: clocksRuntime(app.ctx).calendars,
        cipher: app.ctx.cipher,
        provider: new CountingProvider(sent),
        log: app.log,
        today: () => today,
        sweepEveryMs: 0,
      });
      return runner;
    });
    for (let round = 0; round < 3; round++) await Promise.all(runners.map((r) => r.runOnce()));

    const rows = await db.selectFrom('notification').selectAll().where('channel', '=', 'sms').execute();
    const reminders = rows.filter((r) => r.template !== 'clock.missed');
    // 30 clocks due 6/10, 6/12, 6/11 (reminded) and 10 due 6/5 (missed, escalated to the director).
    expect(reminders).toHaveLength(30);
    expect(reminders.every((r) => r.state === 'sent')).toBe(true);
    const ids = sent.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(reminders.map((r) => r.id).sort());
    expect(sent[0]!.to).toBe('13872211002');
    // The director has no phone: escalation SMS fail permanently, the in-app copy is there.
    const escalations = rows.filter((r) => r.template === 'clock.missed');
    expect(escalations).toHaveLength(10);
    expect(escalations.every((r) => r.state === 'failed' && r.last_error?.includes('手机号'))).toBe(true);
    const events = await db
      .selectFrom('clock_event')
      .select('clock_id')
      .where('event', '=', 'miss')
      .execute();
    expect(events).toHaveLength(10);
  });

  it('retries a failed delivery with back-off', async () => {
    const { app } = env.server;
    const { db } = app.ctx.database;
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
          dedupeKey: 'test:retry',
          channels: ['sms'],
        },
      ]),
    );
    let calls = 0;
    const flaky: NotificationProvider = {
      name: 'flaky',
      async send() {
        calls++;
        if (calls === 1) throw new Error('gateway down');
        return { ref: 'ok' };
      },
    };
    // SMS are jobs of the one queue: the queue retries with back-off.
    const runner = new JobRunner(db, app.log);
    registerSmsDelivery(runner, { db, cipher: app.ctx.cipher, provider: flaky, log: app.log });
    expect(await runner.runOnce()).toBe(1);
    let row = await db
      .selectFrom('notification')
      .selectAll()
      .where('dedupe_key', '=', 'test:retry:sms')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ state: 'pending', attempts: 1, last_error: 'gateway down' });
    const job = await db
      .selectFrom('job')
      .selectAll()
      .where('dedupe_key', '=', `sms:notification:${row.id}`)
      .executeTakeFirstOrThrow();
    expect(job).toMatchObject({ state: 'pending', attempts: 1, last_error: 'gateway down' });
    expect(new Date(job.run_at).getTime()).toBeGreaterThan(Date.now() + 20_000);
    expect(await runner.runOnce()).toBe(0); // not due yet
    await db.updateTable('job').set({ run_at: new Date() }).where('id', '=', job.id).execute();
    expect(await runner.runOnce()).toBe(1);
    row = await db.selectFrom('notification').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ state: 'sent', attempts: 2, provider_ref: 'ok' });
  });
});
