import type { FastifyPluginAsync } from 'fastify';
import { campaignRoutes } from './campaign.routes';
import { inspectionRoutes } from './inspection.routes';

/** Labor inspection and campaigns: registered once in app.ts under /api. */
export const inspectionModule: FastifyPluginAsync = async (app) => {
  await app.register(inspectionRoutes);
  await app.register(campaignRoutes);
};
