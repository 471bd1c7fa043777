import type { FastifyPluginAsync } from 'fastify';
import { employersRoutes } from '../employers/employers.routes';
import { supervisionRoutes } from '../supervision/supervision.routes';
import { campaignRoutes } from './campaign.routes';
import { inspectionRoutes } from './inspection.routes';

/** Labor inspection, campaigns, labor-relations supervision and the employer profile: registered once in app.ts under /api. */
export const inspectionModule: FastifyPluginAsync = async (app) => {
  await app.register(inspectionRoutes);
  await app.register(campaignRoutes);
  await app.register(supervisionRoutes);
  await app.register(employersRoutes);
};
