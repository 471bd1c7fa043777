import type { FastifyPluginAsync } from 'fastify';
import { OVERDUE_SWEEP, sweepOverdue } from './obligations.followup';
import { obligationsLeaderRoutes } from './obligations.leader';
import { obligationsRoutes } from './obligations.routes';

/** Obligations and their payments (registered under /api in app.ts). */
export const obligationsModule: FastifyPluginAsync = async (app) => {
  const { ctx } = app;
  // Hourly: obligations past their due date turn red and the responsible handler is alerted once.
  ctx.jobs.every(OVERDUE_SWEEP, 3600_000, async () => {
    await sweepOverdue(ctx);
  });
  await app.register(obligationsRoutes);
  await app.register(obligationsLeaderRoutes);
};
