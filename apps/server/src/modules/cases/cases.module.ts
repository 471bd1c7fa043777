import type { FastifyPluginAsync } from 'fastify';
import { casesRoutes } from './cases.routes';

/** Track cases and 回避: registered once in app.ts under /api (transfers are their own module). */
export const casesModule: FastifyPluginAsync = async (app) => {
  await app.register(casesRoutes);
};
