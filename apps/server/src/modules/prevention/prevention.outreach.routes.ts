import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/auth';
import { businessToday } from '../../platform/time';
import { errorResponses, errorSchema } from '../../platform/errors';
import type { FileStore } from '../../platform/storage';
import { sendInlineFile } from '../../platform/files';
import { downloadVisitPhoto, uploadVisitPhotos } from './prevention.outreach.photos';
import {
  cancelBody,
  issueMatterBody,
  issueResultSchema,
  issueSupervisionBody,
  photoListSchema,
  recordBody,
  referralBody,
  staffListSchema,
  visitBody,
  visitListQuery,
  visitListSchema,
  visitSchema,
} from './prevention.outreach.schema';
import {
  cancelVisit,
  createVisit,
  issueToMatter,
  issueToSupervision,
  listVisits,
  outreachStaff,
  presentIssue,
  presentVisit,
  recordVisit,
  visitForStaff,
} from './prevention.outreach.service';
import { referCase } from './prevention.referral';
import { createdResponder } from './prevention.routes.support';
import { idParam, orgCaseSchema } from './prevention.schema';
import { presentCases } from './prevention.service';
import { fileResponse, MEDIA, multipartBody } from '../../platform/openapi-content';

type App = Parameters<FastifyPluginAsyncZod>[0];

/**
 * Outreach (issue #19 item 4): planned and done visits to enterprises (走访) and 普法 sessions, their
 * photos, and the issues found, each turned into a matter or a supervision item in one step; and the
 * referral of a ledger case to the center (item 3). Registered inside the prevention plugin (its
 * multipart parser serves the photo upload).
 */
export async function registerOutreachRoutes(app: App, storage: FileStore) {
  const ctx = app.ctx;
  const { db } = ctx.database;
  const tags = ['调解组织建设'];
  const created = createdResponder(db);

  app.get(
    '/prevention/outreach-staff',
    {
      config: { auth: 'prevention.work' },
      schema: {
        tags,
        summary: '可参加走访、普法宣传的工作人员（本人辖区在岗人员，本人在前）',
        response: { 200: staffListSchema, ...errorResponses },
      },
    },
    async (req) => ({ items: await outreachStaff(db, req.auth!) }),
  );

  app.get(
    '/prevention/visits',
    {
      config: { auth: 'prevention.work' },
      schema: {
        tags,
        summary: '走访与普法宣传（本人辖区；计划中的在前）',
        querystring: visitListQuery,
        response: { 200: visitListSchema, ...errorResponses },
      },
    },
    async (req) => ({ items: await listVisits(db, req.auth!, req.query) }),
  );

  app.post(
    '/prevention/visits',
    {
      config: { auth: 'prevention.work' },
      schema: {
        tags,
        summary: '安排走访企业或普法宣传（人员、地点、日期、主题）',
        description: '支持 Idempotency-Key 请求头：网络重试时返回首次结果，不会重复安排。',
        body: visitBody,
        response: { 201: visitSchema, ...errorResponses },
      },
    },
    async (req, reply) =>
      created(
        req,
        reply,
        'prevention.visit',
        () =>
          createVisit(ctx, req.auth!, actorOf(req, 'prevention.work'), req.body, businessToday(ctx.config)),
        (id) => presentVisit(db, id),
      ),
  );

  app.get(
    '/prevention/visits/:id',
    {
      config: { auth: 'prevention.work' },
      schema: {
        tags,
        summary: '走访或普法宣传详情：人员、参加名单、照片、发现的问题及其去向',
        params: idParam,
        response: { 200: visitSchema, ...errorResponses },
      },
    },
    async (req) => {
      await visitForStaff(db, req.auth!, req.params.id);
      return presentVisit(db, req.params.id);
    },
  );

  app.post(
    '/prevention/visits/:id/record',
    {
      config: { auth: 'prevention.work' },
      schema: {
        tags,
        summary: '登记走访或普法宣传情况：日期、主题、参加人数与名单、发现的问题（乐观锁 version）',
        params: idParam,
        body: recordBody,
        response: { 200: visitSchema, ...errorResponses },
      },
    },
    async (req) => {
      await recordVisit(
        ctx,
        req.auth!,
        actorOf(req, 'prevention.work'),
        req.params.id,
        req.body,
        businessToday(ctx.config),
      );
      return presentVisit(db, req.params.id);
    },
  );

  app.post(
    '/prevention/visits/:id/cancel',
    {
      config: { auth: 'prevention.work' },
      schema: {
        tags,
        summary: '取消计划中的走访或普法宣传（写明原因；乐观锁 version）',
        params: idParam,
        body: cancelBody,
        response: { 200: visitSchema, ...errorResponses },
      },
    },
    async (req) => {
      await cancelVisit(ctx, req.auth!, actorOf(req, 'prevention.work'), req.params.id, req.body);
      return presentVisit(db, req.params.id);
    },
  );

  app.post(
    '/prevention/visits/:id/photos',
    {
      config: { auth: 'prevention.work' },
      schema: {
        tags,
        summary: '上传走访或普法宣传照片（multipart：一个或多个 file；JPEG、PNG、PDF，每个不超过10 MB）',
        params: idParam,
        ...multipartBody('multipart/form-data，字段 file（一个或多个文件）', {
          file: {
            kind: 'files',
            description: '照片或文件（JPEG、PNG、PDF，每个不超过10 MB）',
            required: true,
          },
        }),
        response: { 201: photoListSchema, 413: errorSchema, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send({ items: await uploadVisitPhotos(ctx, storage, req, req.params.id) }),
  );

  app.get(
    '/prevention/visit-photos/:id/file',
    {
      config: { auth: 'prevention.work' },
      schema: {
        tags,
        summary: '查看走访照片（记入审计）',
        params: idParam,
        response: {
          200: fileResponse('文件内容（按上传时识别的类型）', MEDIA.pdf, MEDIA.jpeg, MEDIA.png),
          ...errorResponses,
        },
      },
    },
    async (req, reply) => sendInlineFile(reply, await downloadVisitPhoto(ctx, storage, req, req.params.id)),
  );

  const issueResult = async (issueId: string) => {
    const row = await db
      .selectFrom('prevention_visit_issue')
      .select('visit_id')
      .where('id', '=', issueId)
      .executeTakeFirstOrThrow();
    const issue = await presentIssue(db, row.visit_id, issueId);
    return {
      issue,
      visitId: row.visit_id,
      matter: issue.matter,
      supervisionFilingId: issue.supervisionFilingId,
    };
  };

  app.post(
    '/prevention/visit-issues/:id/matter',
    {
      config: { auth: 'prevention.work' },
      schema: {
        tags,
        summary:
          '发现的问题转为维权事项（经一窗受理登记，进入中心待分流队列；劳动者、被走访单位、问题作为诉求）',
        description: '支持 Idempotency-Key 请求头。',
        params: idParam,
        body: issueMatterBody,
        response: { 201: issueResultSchema, 422: errorSchema, ...errorResponses },
      },
    },
    async (req, reply) =>
      created(
        req,
        reply,
        'prevention.issue.matter',
        async () =>
          (await issueToMatter(ctx, req.auth!, actorOf(req, 'prevention.work'), req.params.id, req.body))
            .matterId,
        () => issueResult(req.params.id),
      ),
  );

  app.post(
    '/prevention/visit-issues/:id/supervision',
    {
      config: { auth: 'prevention.work' },
      schema: {
        tags,
        summary: '发现的问题转为劳动关系监管事项（走访发现问题，监察员可据此立案检查）',
        description: '支持 Idempotency-Key 请求头。',
        params: idParam,
        body: issueSupervisionBody,
        response: { 201: issueResultSchema, 422: errorSchema, ...errorResponses },
      },
    },
    async (req, reply) =>
      created(
        req,
        reply,
        'prevention.issue.supervision',
        async () =>
          (await issueToSupervision(ctx, req.auth!, actorOf(req, 'prevention.work'), req.params.id, req.body))
            .filingId,
        () => issueResult(req.params.id),
      ),
  );

  app.post(
    '/prevention/org-cases/:id/referral',
    {
      config: { auth: 'org_case.record' },
      schema: {
        tags,
        summary:
          '台账案件转送中心：转中心调处（调解中的案件），或达成协议的案件申请仲裁审查、司法确认（经一窗受理登记为维权事项，进入待分流队列）',
        description: '支持 Idempotency-Key 请求头。',
        params: idParam,
        body: referralBody,
        response: { 201: orgCaseSchema, ...errorResponses },
      },
    },
    async (req, reply) =>
      created(
        req,
        reply,
        'prevention.referral',
        () =>
          referCase(
            ctx,
            req.auth!,
            actorOf(req, 'org_case.record'),
            req.params.id,
            req.body,
            businessToday(ctx.config),
          ),
        async () => (await presentCases(db, { id: req.params.id }))[0]!,
      ),
  );
}
