import type { FastifyPluginAsync } from 'fastify';
import { transfersRoutes } from '../transfers/transfers.routes';
import { casesRoutes } from './cases.routes';

/** Track cases, 回避 and transfers: registered once in app.ts under /api. */
export const casesModule: FastifyPluginAsync = async (app) => {
  await app.register(casesRoutes);
  await app.register(transfersRoutes);
};
