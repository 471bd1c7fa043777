import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../db/schema';
import { sha256Hex } from '../../platform/crypto';
import { documentsAdminRoutes } from './admin.routes';
import { LocalFileStore } from '../../platform/storage';
import { documentsRoutes } from './documents.routes';
import { DEFAULT_PATTERNS, seedNumberPatterns } from './documents.numbering';
import { renderDocumentJob } from './documents.render-job';
import { DocumentsService, RENDER_JOB } from './documents.service';
import { sampleSealPng } from './render/index';
import { serviceRoutes } from './service.routes';
import { VERIFY_FILE_LIMIT, verifyRoutes } from './verify.routes';

const services = new WeakMap<AppContext, DocumentsService>();

/**
 * The documents service of this app, for other modules:
 *   const docs = getDocumentsService(app.ctx);
 *   await db.transaction().execute(async (trx) => {
 *     ...their own writes...
 *     const { number, shortCode } = await docs.createAndIssue(trx, actorOf(req, perm), { subjectType: 'matter', … });
 *   });
 * The sealed PDF is rendered by the 'document.render' job after the commit.
 */
export function getDocumentsService(ctx: AppContext): DocumentsService {
  let service = services.get(ctx);
  if (!service) {
    service = new DocumentsService({
      db: ctx.database.db,
      config: ctx.config,
      storage: new LocalFileStore(ctx.config.storageDir),
      cipher: ctx.cipher,
    });
    services.set(ctx, service);
  }
  return service;
}

/** Demo mode: a stand-in seal for every organisation that has a number pattern and no seal yet. */
async function seedDemoSeals(db: Kysely<DB>): Promise<void> {
  const names = [...new Set(DEFAULT_PATTERNS.map((p) => p.organization))];
  const orgs = await db.selectFrom('organization').select('id').where('name', 'in', names).execute();
  if (!orgs.length) return;
  const png = sampleSealPng();
  await db
    .insertInto('organization_seal')
    .values(
      orgs.map((o) => ({
        organization_id: o.id,
        png,
        sha256: sha256Hex(png),
        uploaded_by: null,
        uploaded_at: new Date(),
      })),
    )
    .onConflict((oc) => oc.column('organization_id').doNothing())
    .execute();
}

/** Registered under /api: documents, service, public verification, seals and number patterns. */
export const documentsModule: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const service = getDocumentsService(ctx);
  await seedNumberPatterns(ctx.database.db);
  if (ctx.config.demoMode) await seedDemoSeals(ctx.database.db);
  ctx.jobs.register(RENDER_JOB, async (payload) => {
    await renderDocumentJob(
      { db: ctx.database.db, config: ctx.config, storage: service.storage, cipher: ctx.cipher },
      String(payload.documentId),
      Number(payload.rowVersion),
    );
  });

  await app.register(multipart, { limits: { fileSize: VERIFY_FILE_LIMIT, files: 1, fields: 5, parts: 6 } });
  await app.register(documentsRoutes(service));
  await app.register(serviceRoutes);
  await app.register(verifyRoutes);
  await app.register(documentsAdminRoutes);
};
