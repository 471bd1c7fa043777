import type { FastifyPluginAsync } from 'fastify';
import { jurisdictionLetterRoutes } from './intake.letter.routes';
import { intakeRoutes } from './intake.routes';

/** Intake (登记 and triage): registered once in app.ts under /api. */
export const intakeModule: FastifyPluginAsync = async (app) => {
  await app.register(intakeRoutes);
  await app.register(jurisdictionLetterRoutes);
};
