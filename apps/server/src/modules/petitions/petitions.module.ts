import type { FastifyPluginAsync } from 'fastify';
import { consultationRoutes } from '../consultation/consultation.routes';
import { courtRoutes } from '../court/court.routes';
import { knowledgeRoutes } from '../knowledge/knowledge.routes';
import { legalAidRoutes } from '../legal-aid/legal-aid.routes';
import { petitionsRoutes } from './petitions.routes';

/** Issue 8: consultation and knowledge base, petitions, legal aid, court docking (registered once under /api). */
export const petitionsModule: FastifyPluginAsync = async (app) => {
  await app.register(knowledgeRoutes);
  await app.register(consultationRoutes);
  await app.register(petitionsRoutes);
  await app.register(legalAidRoutes);
  await app.register(courtRoutes);
};
