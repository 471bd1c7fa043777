import multipart from '@fastify/multipart';
import type { FastifyPluginAsync } from 'fastify';
import { EVIDENCE_MAX_BYTES } from '../matters';
import { LocalFileStore } from '../../platform/storage';
import { providerFromConfig } from '../notifications';
import { portalApplyRoutes } from './portal.apply.routes';
import { portalAuthRoutes } from './portal.auth.routes';
import { portalFollowRoutes } from './portal.follow.routes';
import { pruneAttempts } from './portal.limits';
import { portalPublicRoutes } from './portal.public.routes';
import { registerPortalSession } from './portal.session';
import { portalRepresentativeRoutes } from './portal.representative';
import { representativeCodeEnricher } from './portal.representative-code';
import { registerIssueEnricher } from '../documents';
import { portalStaffRoutes } from './portal.staff.routes';
import { portalWageLineRoutes } from './portal.wage-line.routes';
import { portalObligationsRoutes } from './portal.obligations.routes';

/** The worker's and employer's own door (/m/ in the browser, /api/portal here). Registered once in app.ts. */
export const portalModule: FastifyPluginAsync = async (app) => {
  const { ctx } = app;
  const { db } = ctx.database;
  registerPortalSession(app, db);
  // The 应诉通知书 carries the employer's 单位代表码 (portal.representative-code.ts).
  registerIssueEnricher('notice_to_respond', representativeCodeEnricher);
  // Encapsulated here: multipart bodies reach only the portal's upload route.
  await app.register(multipart, { limits: { fileSize: EVIDENCE_MAX_BYTES, files: 1, fields: 2, parts: 3 } });
  // Evidence files in the same content-addressed store as the window's uploads.
  const storage = new LocalFileStore(ctx.config.storageDir);
  ctx.jobs.every('portal.prune', 3600_000, () => pruneAttempts(db));
  await app.register(portalAuthRoutes(providerFromConfig(ctx.config, app.log)));
  await app.register(portalPublicRoutes);
  await app.register(portalApplyRoutes(storage));
  await app.register(portalFollowRoutes);
  await app.register(portalStaffRoutes);
  await app.register(portalRepresentativeRoutes);
  await app.register(portalWageLineRoutes);
  await app.register(portalObligationsRoutes);
};
