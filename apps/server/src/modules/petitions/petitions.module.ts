import type { FastifyPluginAsync } from 'fastify';
import { petitionsRoutes } from './petitions.routes';

/** Petitions (信访): registered once in app.ts under /api. */
export const petitionsModule: FastifyPluginAsync = async (app) => {
  await app.register(petitionsRoutes);
};
