import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth';
import { errorResponses, errorSchema } from '../../platform/errors';
import { fileResponse, MEDIA, multipartBody } from '../../platform/openapi-content';
import { readDb } from '../../platform/read-pool';
import { downloadEvidence, EVIDENCE_MAX_BYTES, EVIDENCE_MAX_FILES, uploadEvidence } from './evidence.service';
import { type FileStore, LocalFileStore } from '../../platform/storage';
import { loadMatterDetail } from './matters.presenter';
import { searchMatters } from './matters.repository';
import { matterClocks, matterClocksResponse, matterDocuments, matterDocumentsResponse } from './records';
import {
  evidenceSchema,
  idParam,
  listQuery,
  listResponse,
  matterDetailSchema,
  mergeBody,
  patchBody,
} from './matters.schema';
import { mergeMatters, patchMatter } from './matters.service';
import { assertMatterInScope, scopeOf } from '../../platform/scope';
import { sendInlineFile } from '../../platform/files';

export interface MattersRoutesOptions {
  storage?: FileStore;
}

/** The master record (维权事项): search, detail, edits, triage, merge, evidence. */
export const mattersRoutes: FastifyPluginAsyncZod<MattersRoutesOptions> = async (app, opts) => {
  const { db } = app.ctx.database;
  const ctx = app.ctx;
  const storage = opts.storage ?? new LocalFileStore(ctx.config.storageDir);
  const tags = ['维权事项'];
  // Registered here only: multipart bodies are accepted by the evidence upload, nowhere else.
  await app.register(multipart, {
    limits: { fileSize: EVIDENCE_MAX_BYTES, files: EVIDENCE_MAX_FILES, fields: 5, fieldSize: 2000 },
  });

  app.get(
    '/matters',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary: '维权事项检索：姓名/单位名称模糊查询，证件号码/电话/信用代码精确查询，事项编号',
        querystring: listQuery,
        response: { 200: listResponse, ...errorResponses },
      },
    },
    async (req) => {
      const reader = readDb(req); // the replica when configured (platform/read-pool.ts)
      const scope = await scopeOf(reader, req.auth!, 'matter.read');
      return searchMatters(reader, ctx.cipher, req.query, scope);
    },
  );

  app.get(
    '/matters/:id',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary: '维权事项详情（当事人信息脱敏；含诉求、证据、分流、时间线与当前用户可执行的操作）',
        params: idParam,
        response: { 200: matterDetailSchema, ...errorResponses },
      },
    },
    async (req) => {
      await assertMatterInScope(db, req.auth!, req.params.id);
      const intakeScope = await scopeOf(db, req.auth!, 'intake.create');
      return loadMatterDetail(db, ctx.cipher, req.params.id, req.auth!, intakeScope);
    },
  );

  app.get(
    '/matters/:id/clocks',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary: '维权事项的全部法定期限：事项本身及其各程序案件（调解、仲裁、监察等），按到期日排列',
        params: idParam,
        response: { 200: matterClocksResponse, ...errorResponses },
      },
    },
    async (req) => {
      await assertMatterInScope(db, req.auth!, req.params.id);
      return matterClocks(ctx, req.auth!, req.params.id);
    },
  );

  app.get(
    '/matters/:id/documents',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary: '维权事项的全部文书：事项本身及其各程序案件的文书，含签发与送达情况',
        params: idParam,
        response: { 200: matterDocumentsResponse, ...errorResponses },
      },
    },
    async (req) => {
      await assertMatterInScope(db, req.auth!, req.params.id);
      return matterDocuments(db, req.params.id);
    },
  );

  app.patch(
    '/matters/:id',
    {
      config: { auth: 'intake.create' },
      schema: {
        tags,
        summary: '修改维权事项（乐观锁：版本不符返回 409 及最新内容）',
        params: idParam,
        body: patchBody,
        response: { 200: matterDetailSchema, ...errorResponses },
      },
    },
    async (req) => patchMatter(ctx, req.auth!, actorOf(req, 'intake.create'), req.params.id, req.body),
  );

  app.post(
    '/matters/:id/merge',
    {
      config: { auth: 'intake.create' },
      schema: {
        tags,
        summary: '合并重复事项：另一事项的诉求、证据、当事人并入本事项，另一事项标记为已合并',
        params: idParam,
        body: mergeBody,
        response: { 200: matterDetailSchema, ...errorResponses },
      },
    },
    async (req) => mergeMatters(ctx, req.auth!, actorOf(req, 'intake.create'), req.params.id, req.body),
  );

  app.post(
    '/matters/:id/evidence',
    {
      config: { auth: 'intake.create' },
      schema: {
        tags,
        summary:
          '上传证据（multipart/form-data，字段 file，可多个；PDF/JPEG/PNG，按文件内容识别，每件≤10 MB）',
        params: idParam,
        ...multipartBody('multipart/form-data：字段 file（可多个），可选字段 description', {
          file: {
            kind: 'files',
            description: '证据文件（PDF、JPEG 或 PNG，每件不超过 10 MB）',
            required: true,
          },
          description: { kind: 'text', description: '证据说明（最多 500 字）' },
        }),
        response: { 201: z.object({ items: z.array(evidenceSchema) }), 413: errorSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const items = await uploadEvidence(ctx, storage, req, req.params.id);
      return reply.status(201).send({ items });
    },
  );

  app.get(
    '/evidence/:id/file',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary: '下载证据文件（每次查看记入审计日志）',
        params: idParam,
        response: {
          200: fileResponse('证据文件', MEDIA.pdf, MEDIA.jpeg, MEDIA.png),
          ...errorResponses,
        },
      },
    },
    async (req, reply) => sendInlineFile(reply, await downloadEvidence(ctx, storage, req, req.params.id)),
  );
};
