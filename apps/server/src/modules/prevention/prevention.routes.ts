// Over 400 lines on purpose: the prevention routes with their zod schemas; being extended by another change, to be split with the service.
import multipart from '@fastify/multipart';
import { CHECKLIST_GROUP_LABELS, type ChecklistGroup } from '@onestop/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appendAudit } from '../../platform/audit';
import { actorOf } from '../../platform/auth';
import { businessToday } from '../../platform/time';
import { errorResponses, errorSchema, errors } from '../../platform/errors';
import { type FileStore, LocalFileStore } from '../../platform/storage';
import { sendInlineFile } from '../../platform/files';
import {
  downloadAssessmentEvidence,
  PREVENTION_EVIDENCE_MAX_BYTES,
  uploadAssessmentEvidence,
} from './prevention.evidence';
import { assessmentsWorkbook, registerWorkbook } from './prevention.excel';
import { registerOutreachRoutes } from './prevention.outreach.routes';
import { createdResponder, sendXlsx } from './prevention.routes.support';
import {
  assessmentBody,
  assessmentSchema,
  caseBody,
  caseResultBody,
  checklistSchema,
  checklistUpdateBody,
  evidenceListSchema,
  idParam,
  listQuery,
  memberBody,
  myOrganizationsSchema,
  organizationDetailSchema,
  organizationListSchema,
  orgCaseListSchema,
  orgCaseSchema,
  registerBody,
  updateBody,
} from './prevention.schema';
import {
  addMember,
  assess,
  checklistInForce,
  closeCase,
  listOrganizations,
  myOrganizations,
  orgForLedger,
  orgForSupervisor,
  presentAssessments,
  presentCases,
  presentDetail,
  recordCase,
  registerOrganization,
  updateOrganization,
} from './prevention.service';
import { fileResponse, MEDIA, multipartBody } from '../../platform/openapi-content';

export interface PreventionRoutesOptions {
  storage?: FileStore;
}

/**
 * Prevention (issue #19): the register of mediation organisations, the 六有五统一 assessment with
 * evidence and the re-assessment clock, and the organisations' own case ledger (which the mediation
 * statistics table counts by type of body).
 */
export const preventionRoutes: FastifyPluginAsyncZod<PreventionRoutesOptions> = async (app, opts) => {
  const ctx = app.ctx;
  const { db } = ctx.database;
  const storage = opts.storage ?? new LocalFileStore(ctx.config.storageDir);
  const tags = ['调解组织建设'];
  // Multipart bodies only for the uploads of this plugin (assessment evidence, visit photos).
  await app.register(multipart, {
    limits: { fileSize: PREVENTION_EVIDENCE_MAX_BYTES, files: 10, fields: 3, fieldSize: 100 },
  });

  const presentChecklist = async (all: boolean) => ({
    items: (await checklistInForce(db, all)).map((c) => ({
      code: c.code,
      group: c.grp,
      groupLabel: CHECKLIST_GROUP_LABELS[c.grp as ChecklistGroup],
      label: c.label,
      guidance: c.guidance,
      basis: c.basis,
      sort: c.sort,
      active: c.active,
      version: c.version,
    })),
  });

  const created = createdResponder(db);

  // Outreach (走访、普法) and referrals from the ledger: prevention.outreach.routes.ts.
  await registerOutreachRoutes(app, storage);

  app.get(
    '/prevention/checklist',
    {
      config: { auth: ['prevention.work', 'admin.orgs'] },
      schema: {
        tags,
        summary: '现行六有五统一评估标准（本局可配置；无全国统一文本）',
        querystring: z.strictObject({ all: z.enum(['true', 'false']).optional() }),
        response: { 200: checklistSchema, ...errorResponses },
      },
    },
    async (req) => presentChecklist(req.query.all === 'true'),
  );

  app.put(
    '/prevention/checklist/:code',
    {
      config: { auth: 'admin.orgs' },
      schema: {
        tags,
        summary: '修改六有五统一评估项目（名称、要点、依据、是否启用；乐观锁 version）',
        params: z.strictObject({ code: z.string().regex(/^[a-z_]{2,30}$/, '项目代码不正确') }),
        body: checklistUpdateBody,
        response: { 200: checklistSchema, ...errorResponses },
      },
    },
    async (req) => {
      await db.transaction().execute(async (trx) => {
        const before = await trx
          .selectFrom('prevention_checklist_item')
          .selectAll()
          .where('code', '=', req.params.code)
          .executeTakeFirst();
        if (!before) throw errors.notFound('评估项目');
        const { version, ...body } = req.body;
        const r = await trx
          .updateTable('prevention_checklist_item')
          .set((eb) => ({
            label: body.label,
            guidance: body.guidance ?? '',
            basis: body.basis,
            active: body.active,
            version: eb('version', '+', 1),
          }))
          .where('code', '=', req.params.code)
          .where('version', '=', version)
          .returning('code')
          .executeTakeFirst();
        if (!r) throw errors.conflict({ version: before.version });
        await appendAudit(trx, actorOf(req, 'admin.orgs'), {
          action: 'prevention.checklist.update',
          entityType: 'prevention_checklist_item',
          entityId: null,
          summary: `修改六有五统一评估项目“${before.label}”`,
          before,
          after: req.body,
        });
      });
      return presentChecklist(true);
    },
  );

  app.get(
    '/prevention/organizations',
    {
      config: { auth: 'prevention.work' },
      schema: {
        tags,
        summary: '调解组织名录（本人辖区）；shortfall=true 为六有五统一未达标清单',
        querystring: listQuery,
        response: { 200: organizationListSchema, ...errorResponses },
      },
    },
    async (req) => ({ items: await listOrganizations(db, req.auth!, req.query) }),
  );

  app.post(
    '/prevention/organizations',
    {
      config: { auth: 'prevention.work' },
      schema: {
        tags,
        summary: '登记调解组织（企业调委会按统一社会信用代码关联用人单位）及其成员',
        description: '支持 Idempotency-Key 请求头：网络重试时返回首次结果，不会重复登记。',
        body: registerBody,
        response: { 201: organizationDetailSchema, ...errorResponses },
      },
    },
    async (req, reply) =>
      created(
        req,
        reply,
        'prevention.register',
        () => registerOrganization(ctx, req.auth!, actorOf(req, 'prevention.work'), req.body),
        (id) => presentDetail(db, id, ctx.config.tzOffsetMinutes),
      ),
  );

  app.get(
    '/prevention/organizations/:id',
    {
      config: { auth: 'prevention.work' },
      schema: {
        tags,
        summary: '调解组织详情：成员、六有五统一评估记录、办理记录',
        params: idParam,
        response: { 200: organizationDetailSchema, ...errorResponses },
      },
    },
    async (req) => {
      await orgForSupervisor(db, req.auth!, req.params.id);
      return presentDetail(db, req.params.id, ctx.config.tzOffsetMinutes);
    },
  );

  app.patch(
    '/prevention/organizations/:id',
    {
      config: { auth: 'prevention.work' },
      schema: {
        tags,
        summary: '修改调解组织状态、地址、联系人（乐观锁 version）',
        params: idParam,
        body: updateBody,
        response: { 200: organizationDetailSchema, ...errorResponses },
      },
    },
    async (req) => {
      await updateOrganization(ctx, req.auth!, actorOf(req, 'prevention.work'), req.params.id, req.body);
      return presentDetail(db, req.params.id, ctx.config.tzOffsetMinutes);
    },
  );

  app.post(
    '/prevention/organizations/:id/members',
    {
      config: { auth: 'prevention.work' },
      schema: {
        tags,
        summary: '增加调解组织成员（可关联持“调解组织调解员”岗位的账号）',
        params: idParam,
        body: memberBody,
        response: { 201: organizationDetailSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      await addMember(ctx, req.auth!, actorOf(req, 'prevention.work'), req.params.id, req.body);
      return reply.status(201).send(await presentDetail(db, req.params.id, ctx.config.tzOffsetMinutes));
    },
  );

  app.post(
    '/prevention/organizations/:id/assessments',
    {
      config: { auth: 'prevention.work' },
      schema: {
        tags,
        summary: '六有五统一评估：逐项评定，不符合项须写明问题；按结果启动整改复评（30日）或年度复评期限',
        description: '支持 Idempotency-Key 请求头。',
        params: idParam,
        body: assessmentBody,
        response: { 201: assessmentSchema, ...errorResponses },
      },
    },
    async (req, reply) =>
      created(
        req,
        reply,
        'prevention.assess',
        () => assess(ctx, req.auth!, actorOf(req, 'prevention.work'), req.params.id, req.body),
        async (aid) => (await presentAssessments(db, req.params.id, aid))[0]!,
      ),
  );

  app.post(
    '/prevention/assessments/:id/evidence',
    {
      config: { auth: 'prevention.work' },
      schema: {
        tags,
        summary:
          '上传评估项目的证明照片或文件（multipart：字段 itemCode 与 file；PDF、JPEG、PNG，每个不超过10 MB）',
        params: idParam,
        ...multipartBody('multipart/form-data，字段 itemCode（评估项目代码）与 file（一个或多个文件）', {
          itemCode: { kind: 'text', description: '评估项目代码（先于文件发送）', required: true },
          file: {
            kind: 'files',
            description: '证明照片或文件（PDF、JPEG、PNG，每个不超过10 MB）',
            required: true,
          },
        }),
        response: { 201: evidenceListSchema, 413: errorSchema, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send({ items: await uploadAssessmentEvidence(ctx, storage, req, req.params.id) }),
  );

  app.get(
    '/prevention/evidence/:id/file',
    {
      config: { auth: 'prevention.work' },
      schema: {
        tags,
        summary: '查看评估证明材料（记入审计）',
        params: idParam,
        response: {
          200: fileResponse('文件内容（按上传时识别的类型）', MEDIA.pdf, MEDIA.jpeg, MEDIA.png),
          ...errorResponses,
        },
      },
    },
    async (req, reply) =>
      sendInlineFile(reply, await downloadAssessmentEvidence(ctx, storage, req, req.params.id)),
  );

  app.get(
    '/prevention/my-organizations',
    {
      config: { auth: 'org_case.record' },
      schema: {
        tags,
        summary: '本人所在的调解组织（调解组织调解员）',
        response: { 200: myOrganizationsSchema, ...errorResponses },
      },
    },
    async (req) => ({ items: await myOrganizations(db, req.auth!) }),
  );

  app.get(
    '/prevention/organizations/:id/cases',
    {
      config: { auth: ['org_case.record', 'prevention.work'] },
      schema: {
        tags,
        summary: '调解组织案件台账（本组织调解员，或辖区指导员查阅）',
        params: idParam,
        response: { 200: orgCaseListSchema, ...errorResponses },
      },
    },
    async (req) => {
      await orgForLedger(db, req.auth!, req.params.id, false);
      return { items: await presentCases(db, { organizationId: req.params.id }) };
    },
  );

  app.post(
    '/prevention/organizations/:id/cases',
    {
      config: { auth: 'org_case.record' },
      schema: {
        tags,
        summary: '登记本组织受理的调解案件（只能登记本人所在调解组织的案件）',
        description: '支持 Idempotency-Key 请求头。',
        params: idParam,
        body: caseBody,
        response: { 201: orgCaseSchema, ...errorResponses },
      },
    },
    async (req, reply) =>
      created(
        req,
        reply,
        'prevention.case',
        () =>
          recordCase(
            ctx,
            req.auth!,
            actorOf(req, 'org_case.record'),
            req.params.id,
            req.body,
            businessToday(ctx.config),
          ),
        async (cid) => (await presentCases(db, { id: cid }))[0]!,
      ),
  );

  app.post(
    '/prevention/org-cases/:id/result',
    {
      config: { auth: 'org_case.record' },
      schema: {
        tags,
        summary: '登记台账案件的调解结果：达成协议（含协议金额）、未达成协议、撤回（乐观锁 version）',
        params: idParam,
        body: caseResultBody,
        response: { 200: orgCaseSchema, ...errorResponses },
      },
    },
    async (req) => {
      await closeCase(
        ctx,
        req.auth!,
        actorOf(req, 'org_case.record'),
        req.params.id,
        req.body,
        businessToday(ctx.config),
      );
      return (await presentCases(db, { id: req.params.id }))[0]!;
    },
  );

  app.get(
    '/prevention/export/register.xlsx',
    {
      config: { auth: 'prevention.work' },
      schema: {
        tags,
        summary: '导出调解组织名录（Excel）',
        querystring: listQuery,
        response: { 200: fileResponse('Excel 工作簿', MEDIA.xlsx), ...errorResponses },
      },
    },
    async (req, reply) => {
      const orgs = await listOrganizations(db, req.auth!, req.query);
      return sendXlsx(reply, '劳动争议调解组织名录.xlsx', await registerWorkbook(orgs));
    },
  );

  app.get(
    '/prevention/export/assessments.xlsx',
    {
      config: { auth: 'prevention.work' },
      schema: {
        tags,
        summary: '导出六有五统一评估结果（Excel，每次评估一行）',
        querystring: listQuery,
        response: { 200: fileResponse('Excel 工作簿', MEDIA.xlsx), ...errorResponses },
      },
    },
    async (req, reply) => {
      const orgs = await listOrganizations(db, req.auth!, req.query);
      const rows = [];
      for (const org of orgs)
        for (const assessment of await presentAssessments(db, org.id)) rows.push({ org, assessment });
      const labels = (await checklistInForce(db, true)).map((c) => c.label);
      return sendXlsx(reply, '调解组织六有五统一评估结果.xlsx', await assessmentsWorkbook(rows, labels));
    },
  );
};
