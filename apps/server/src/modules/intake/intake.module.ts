import type { FastifyPluginAsync } from 'fastify';
import { leaderRoutes } from '../leader/leader.routes';
import { alertsRoutes } from '../matters/alerts.routes';
import { type MattersRoutesOptions, mattersRoutes } from '../matters/matters.routes';
import { partiesRoutes } from '../parties/parties.routes';
import { jurisdictionLetterRoutes } from './intake.letter.routes';
import { intakeRoutes } from './intake.routes';

/** Intake, parties, matters and alerts: registered once in app.ts under /api. */
export const intakeModule: FastifyPluginAsync<MattersRoutesOptions> = async (app, opts) => {
  await app.register(partiesRoutes, { prefix: '/parties' });
  await app.register(intakeRoutes);
  await app.register(jurisdictionLetterRoutes);
  await app.register(mattersRoutes, opts.storage ? { storage: opts.storage } : {});
  await app.register(alertsRoutes);
  await app.register(leaderRoutes);
};
