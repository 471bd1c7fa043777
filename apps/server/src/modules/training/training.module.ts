import type { FastifyPluginAsync } from 'fastify';
import { trainingRoutes } from './training.routes';
import { ensureReminders } from './training.service';

export const CERTIFICATE_REMINDER_SWEEP = 'training.certificate-reminders';

/** Training, accreditation and 金牌 selection (registered under /api in app.ts). */
export const trainingModule: FastifyPluginAsync = async (app) => {
  const { ctx } = app;
  // Every six hours: certificates entering the reminder window get their renewal clock.
  ctx.jobs.every(CERTIFICATE_REMINDER_SWEEP, 6 * 3600_000, async () => {
    await ensureReminders(ctx);
  });
  await app.register(trainingRoutes);
};
