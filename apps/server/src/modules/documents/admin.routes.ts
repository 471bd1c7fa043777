import { readFile } from 'node:fs/promises';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { multipartFile } from './documents.schema';
import type { DB } from '../../db/schema';
import { appendAudit } from '../../platform/audit';
import { actorOf } from '../../platform/auth';
import { sha256Hex } from '../../platform/crypto';
import { AppError, errorResponses, errors } from '../../platform/errors';
import { fileResponse, MEDIA } from '../../platform/openapi-content';
import {
  discardSpooled,
  LocalFileStore,
  type SpooledUpload,
  spoolUpload,
  UploadTooLargeError,
} from '../../platform/storage';
import { titleOf } from './documents.fields';
import { isPatternType, patternProblems } from './documents.numbering';
import { idParam, patternBody, patternSchema, patternUpdateBody } from './documents.schema';

export const SEAL_LIMIT = 2 * 1024 * 1024;
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** PNG by its bytes (signature + IHDR first), not by the name or the declared type. */
export function isPng(data: Buffer): boolean {
  return (
    data.length > 33 &&
    data.subarray(0, 8).equals(PNG_MAGIC) &&
    data.subarray(12, 16).toString('latin1') === 'IHDR'
  );
}

/** Admin: issuer seals (PNG placed over the date of issued documents) and 文号 patterns. */
export const documentsAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;
  const auth = 'admin.orgs' as const;
  const tags = ['系统管理：印章与文号'];

  app.post(
    '/admin/organizations/:id/seal',
    {
      config: { auth },
      schema: {
        tags,
        summary: '上传机构电子印章（PNG，透明背景，不超过 2 MB）',
        ...multipartFile('印章图片（PNG，不超过 2 MB）'),
        params: idParam,
        response: {
          200: z.object({ organizationId: z.string(), sha256: z.string(), bytes: z.number() }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      if (!req.isMultipart()) throw new AppError(415, 'MULTIPART_REQUIRED', '请以表单方式上传印章图片');
      const file = await req.file({ limits: { fileSize: SEAL_LIMIT, files: 1 } });
      if (!file) throw new AppError(400, 'FILE_REQUIRED', '请选择印章图片');
      // Streamed to a temporary file (size limit, PNG sniffed from the first bytes), then read back:
      // the seal itself (≤ 2 MB) is kept in the database.
      let spooled: SpooledUpload;
      try {
        spooled = await spoolUpload(
          file.file,
          new LocalFileStore(app.ctx.config.storageDir).tempDir,
          SEAL_LIMIT,
        );
      } catch (err) {
        if (err instanceof UploadTooLargeError)
          throw new AppError(413, 'SEAL_TOO_LARGE', '印章图片不能超过 2 MB');
        throw err;
      }
      let png: Buffer;
      try {
        if (!isPng(spooled.head)) throw new AppError(415, 'SEAL_NOT_PNG', '印章图片必须是 PNG 格式');
        png = await readFile(spooled.tmpPath);
      } finally {
        await discardSpooled([spooled]);
      }
      const sha256 = sha256Hex(png);
      await db.transaction().execute(async (trx) => {
        const org = await trx
          .selectFrom('organization')
          .select(['name'])
          .where('id', '=', req.params.id)
          .executeTakeFirst();
        if (!org) throw errors.notFound('机构');
        const before = await trx
          .selectFrom('organization_seal')
          .select('sha256')
          .where('organization_id', '=', req.params.id)
          .executeTakeFirst();
        const values = { png, sha256, uploaded_by: req.auth?.userId ?? null, uploaded_at: new Date() };
        await trx
          .insertInto('organization_seal')
          .values({ organization_id: req.params.id, ...values })
          .onConflict((oc) => oc.column('organization_id').doUpdateSet(values))
          .execute();
        await appendAudit(trx, actorOf(req, auth), {
          action: 'organization.seal.upload',
          entityType: 'organization',
          entityId: req.params.id,
          summary: `${before ? '更换' : '上传'}${org.name}电子印章`,
          before: before ? { sha256: before.sha256 } : undefined,
          after: { sha256, bytes: png.length },
        });
      });
      return { organizationId: req.params.id, sha256, bytes: png.length };
    },
  );

  app.get(
    '/admin/organizations/:id/seal',
    {
      config: { auth },
      schema: {
        tags,
        summary: '预览机构电子印章',
        params: idParam,
        response: { 200: fileResponse('印章图片（PNG）', MEDIA.png), ...errorResponses },
      },
    },
    async (req, reply) => {
      const seal = await db
        .selectFrom('organization_seal')
        .select(['png', 'sha256'])
        .where('organization_id', '=', req.params.id)
        .executeTakeFirst();
      if (!seal) throw errors.notFound('印章');
      return reply
        .header('content-type', 'image/png')
        .header('cache-control', 'private, no-store')
        .header('x-seal-sha256', seal.sha256)
        .send(Buffer.from(seal.png));
    },
  );

  const patternQuery = (exec: Kysely<DB> | Transaction<DB> = db) =>
    exec
      .selectFrom('document_number_pattern as p')
      .innerJoin('organization as o', 'o.id', 'p.issuer_org_id')
      .selectAll('p')
      .select('o.name as issuer_name')
      .orderBy('o.sort')
      .orderBy('p.type');
  type PatternRow = Awaited<ReturnType<ReturnType<typeof patternQuery>['executeTakeFirstOrThrow']>>;
  const present = (p: PatternRow) => ({
    id: p.id,
    issuerOrgId: p.issuer_org_id,
    issuerName: p.issuer_name,
    type: p.type,
    typeTitle: p.type === '*' ? '（默认）' : titleOf(p.type),
    pattern: p.pattern,
    basis: p.basis,
    version: p.version,
  });
  const checkPattern = (pattern: string) => {
    const problems = patternProblems(pattern);
    if (problems.length)
      throw new AppError(400, 'NUMBER_PATTERN_INVALID', `文号格式不正确：${problems.join('；')}`, {
        problems,
      });
  };

  app.get(
    '/admin/document-number-patterns',
    {
      config: { auth },
      schema: {
        tags,
        summary: '文号格式（按发文机关和文书类型）',
        response: { 200: z.object({ items: z.array(patternSchema) }), ...errorResponses },
      },
    },
    async () => ({ items: (await patternQuery().execute()).map(present) }),
  );

  app.post(
    '/admin/document-number-patterns',
    {
      config: { auth },
      schema: {
        tags,
        summary: '新增文号格式',
        body: patternBody,
        response: { 201: patternSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const b = req.body;
      if (!isPatternType(b.type))
        throw new AppError(400, 'DOCUMENT_TYPE_UNKNOWN', `不支持的文书类型：${b.type}`);
      checkPattern(b.pattern);
      const id = await db.transaction().execute(async (trx) => {
        const dup = await trx
          .selectFrom('document_number_pattern')
          .select('id')
          .where('issuer_org_id', '=', b.issuerOrgId)
          .where('type', '=', b.type)
          .executeTakeFirst();
        if (dup) throw errors.duplicate('该发文机关已配置此类文书的文号格式');
        const row = await trx
          .insertInto('document_number_pattern')
          .values({
            issuer_org_id: b.issuerOrgId,
            type: b.type,
            pattern: b.pattern,
            basis: b.basis,
            updated_at: new Date(),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await appendAudit(trx, actorOf(req, auth), {
          action: 'document_number_pattern.create',
          entityType: 'document_number_pattern',
          entityId: row.id,
          summary: `新增文号格式 ${b.pattern}`,
          after: b,
        });
        return row.id;
      });
      return reply
        .status(201)
        .send(present(await patternQuery().where('p.id', '=', id).executeTakeFirstOrThrow()));
    },
  );

  app.patch(
    '/admin/document-number-patterns/:id',
    {
      config: { auth },
      schema: {
        tags,
        summary: '修改文号格式（乐观锁）',
        params: idParam,
        body: patternUpdateBody,
        response: { 200: patternSchema, ...errorResponses },
      },
    },
    async (req) => {
      checkPattern(req.body.pattern);
      await db.transaction().execute(async (trx) => {
        const before = await patternQuery(trx).where('p.id', '=', req.params.id).executeTakeFirst();
        if (!before) throw errors.notFound('文号格式');
        const r = await trx
          .updateTable('document_number_pattern')
          .set((eb) => ({
            pattern: req.body.pattern,
            basis: req.body.basis,
            version: eb('version', '+', 1),
            updated_at: new Date(),
          }))
          .where('id', '=', req.params.id)
          .where('version', '=', req.body.version)
          .returning('id')
          .executeTakeFirst();
        if (!r) throw errors.conflict(present(before));
        await appendAudit(trx, actorOf(req, auth), {
          action: 'document_number_pattern.update',
          entityType: 'document_number_pattern',
          entityId: req.params.id,
          summary: `修改文号格式 ${before.pattern} → ${req.body.pattern}`,
          before: { pattern: before.pattern, basis: before.basis },
          after: { pattern: req.body.pattern, basis: req.body.basis },
        });
      });
      return present(await patternQuery().where('p.id', '=', req.params.id).executeTakeFirstOrThrow());
    },
  );
};
