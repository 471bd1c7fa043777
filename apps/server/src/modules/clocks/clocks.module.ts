import type { FastifyBaseLogger } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../db/schema';
import { businessToday } from '../../platform/time';
import type { FieldCipher } from '../../platform/crypto';
import type { JobRunner } from '../../platform/jobs';
import { type NotificationProvider, providerFromConfig } from '../notifications';
import { registerSmsDelivery } from '../notifications';
import { calculatorRoutes } from './calculator.routes';
import { calendarAdminRoutes } from './calendar.routes';
import { CalendarService } from './calendar.service';
import { clocksRoutes } from './clocks.routes';
import { ClocksService } from './clocks.service';
import { sweepClocks } from './clocks.sweep';

export interface ClocksRuntime {
  calendars: CalendarService;
  clocks: ClocksService;
}

const runtimes = new WeakMap<object, ClocksRuntime>();

/** One calendar cache and one ClocksService per application (shared with the other modules). */
export function clocksRuntime(ctx: AppContext): ClocksRuntime {
  let rt = runtimes.get(ctx);
  if (!rt) {
    const calendars = new CalendarService();
    rt = { calendars, clocks: new ClocksService(calendars, () => businessToday(ctx.config)) };
    runtimes.set(ctx, rt);
  }
  return rt;
}

/** For other modules: `getClocksService(app.ctx).start(trx, {...}, actor)` inside their transaction. */
export function getClocksService(ctx: AppContext): ClocksService {
  return clocksRuntime(ctx).clocks;
}

export const CLOCK_SWEEP_EVERY_MS = 60_000;

export interface ClockJobDeps {
  db: Kysely<DB>;
  calendars: CalendarService;
  cipher: FieldCipher;
  provider: NotificationProvider;
  log: FastifyBaseLogger;
  today: () => string;
  sweepEveryMs?: number;
}

/** The periodic sweep (missed + escalation + reminders) and the SMS delivery jobs of both outboxes. */
export function registerClockJobs(runner: JobRunner, deps: ClockJobDeps) {
  runner.every('clocks.sweep', deps.sweepEveryMs ?? CLOCK_SWEEP_EVERY_MS, async () => {
    const r = await sweepClocks(deps, { today: deps.today() });
    if (r.missed || r.reminders || r.escalations) deps.log.info(r, 'clock sweep');
  });
  registerSmsDelivery(runner, deps);
}

/** Legal clocks, the working-day calendar and their reminder jobs (registered under /api). */
export const clocksModule: FastifyPluginAsyncZod = async (app) => {
  const rt = clocksRuntime(app.ctx);
  const { config, database, cipher, jobs } = app.ctx;
  registerClockJobs(jobs, {
    db: database.db,
    calendars: rt.calendars,
    cipher,
    provider: providerFromConfig(config, app.log),
    log: app.log,
    today: () => businessToday(config),
  });
  await app.register(calculatorRoutes(rt.calendars));
  await app.register(clocksRoutes(rt), { prefix: '/clocks' });
  await app.register(calendarAdminRoutes(rt.calendars), { prefix: '/admin/calendar' });
};
