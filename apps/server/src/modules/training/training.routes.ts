// Over 400 lines: every route of training and accreditation with its schema; to split with the training service.
import type { Permission } from '@onestop/domain';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth';
import { businessToday } from '../../platform/time';
import { errorResponses } from '../../platform/errors';
import { withIdempotency } from '../../platform/idempotency';
import {
  approve,
  createRound,
  criteria,
  listRounds,
  mark,
  nominableOrganizations,
  nominate,
  publicRounds,
  publish,
  roundDetail,
  score,
  startMarking,
  updateCriterion,
} from './gold.service';
import { hoursWorkbook } from './training.excel';
import { personRecord } from './training.record';
import {
  approveBody,
  attendanceBody,
  audienceParam,
  certificateListSchema,
  certificateSchema,
  courseBody,
  courseDetailSchema,
  courseListSchema,
  criteriaSchema,
  criterionBody,
  criterionParam,
  hoursReportSchema,
  idParam,
  markBody,
  nominationBody,
  peopleSchema,
  personParam,
  personRecordSchema,
  publicGoldSchema,
  renewBody,
  requirementBody,
  requirementListSchema,
  roundBody,
  roundListSchema,
  roundSchema,
  scoreBody,
  versionBody,
  yearQuery,
} from './training.schema';
import {
  courseDetail,
  createCourse,
  hoursReport,
  listCertificates,
  listCourses,
  peopleChoices,
  recordAttendance,
  recordScore,
  renewCertificate,
  requirements,
  updateRequirement,
} from './training.service';
import { fileResponse, MEDIA } from '../../platform/openapi-content';

/** The first of the route's permissions the user holds (the post recorded as acting). */
const held = (req: FastifyRequest, perms: Permission[]) => perms.find((p) => req.auth?.permissions.has(p));

const attachment = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;

/** Training records: the administrator (staff, part-time posts) and the prevention officers (mediators). */
const TRAINING: Permission[] = ['admin.users', 'prevention.work'];
/** Certificates are the administrator's (as in admin/users). */
const CERTS: Permission = 'admin.users';
/** 金牌 selection: the prevention officers run it, the leaders sit on the panel. */
const GOLD: Permission[] = ['prevention.work', 'leader.dashboard'];
/** The approving post: the director (领导) approves the result, as their own action. */
const APPROVER: Permission = 'leader.dashboard';

/**
 * Training and accreditation, and the yearly 金牌 selection (issue #19 items 5 and 6).
 */
export const trainingRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.ctx;
  const { db } = ctx.database;
  const tags = ['培训与评选'];
  const thisYear = () => Number(businessToday(ctx.config).slice(0, 4));

  // --- requirements ------------------------------------------------------------------------------

  app.get(
    '/training/requirements',
    {
      config: { auth: TRAINING },
      schema: {
        tags,
        summary: '各类人员年度培训学时要求及依据（本局可修改）',
        response: { 200: requirementListSchema, ...errorResponses },
      },
    },
    async () => ({ items: await requirements(db) }),
  );

  app.put(
    '/training/requirements/:audience',
    {
      config: { auth: CERTS },
      schema: {
        tags,
        summary: '修改某类人员的年度培训学时要求（乐观锁 version）',
        params: audienceParam,
        body: requirementBody,
        response: { 200: requirementListSchema, ...errorResponses },
      },
    },
    async (req) => {
      await updateRequirement(db, actorOf(req, CERTS), req.params.audience, req.body);
      return { items: await requirements(db) };
    },
  );

  // --- courses and attendance --------------------------------------------------------------------

  app.get(
    '/training/courses',
    {
      config: { auth: TRAINING },
      schema: {
        tags,
        summary: '培训课程（按年度）',
        querystring: yearQuery,
        response: { 200: courseListSchema, ...errorResponses },
      },
    },
    async (req) => ({ items: await listCourses(db, req.query.year) }),
  );

  app.post(
    '/training/courses',
    {
      config: { auth: TRAINING },
      schema: {
        tags,
        summary: '登记培训课程（主题、学时、授课人、日期、地点、培训对象、考核合格分数）',
        description: '支持 Idempotency-Key 请求头：网络重试时返回首次结果，不会重复登记。',
        body: courseBody,
        response: { 201: courseDetailSchema, ...errorResponses },
      },
    },
    async (req, reply) =>
      withIdempotency(
        db,
        req,
        reply,
        'training.course',
        async () => {
          const id = await createCourse(ctx, actorOf(req, held(req, TRAINING)), req.auth!.userId, req.body);
          return { status: 201, body: await courseDetail(db, id) };
        },
        async (id) => ({ status: 201, body: await courseDetail(db, id as string) }),
      ),
  );

  app.get(
    '/training/courses/:id',
    {
      config: { auth: TRAINING },
      schema: {
        tags,
        summary: '培训课程及出勤、考核情况',
        params: idParam,
        response: { 200: courseDetailSchema, ...errorResponses },
      },
    },
    async (req) => courseDetail(db, req.params.id),
  );

  app.post(
    '/training/courses/:id/attendance',
    {
      config: { auth: TRAINING },
      schema: {
        tags,
        summary: '登记出勤（工作人员或调解组织成员；同一人不重复登记）',
        params: idParam,
        body: attendanceBody,
        response: { 200: courseDetailSchema, ...errorResponses },
      },
    },
    async (req) => {
      await recordAttendance(
        ctx,
        actorOf(req, held(req, TRAINING)),
        req.auth!.userId,
        req.params.id,
        req.body,
      );
      return courseDetail(db, req.params.id);
    },
  );

  app.post(
    '/training/attendance/:id/score',
    {
      config: { auth: TRAINING },
      schema: {
        tags,
        summary: '登记考核成绩（按课程合格分数判定合格，不合格不计学时）',
        params: idParam,
        body: scoreBody,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      await recordScore(ctx, actorOf(req, held(req, TRAINING)), req.params.id, req.body);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/training/people',
    {
      config: { auth: TRAINING },
      schema: {
        tags,
        summary: '可登记出勤的人员（工作人员、兼职人员、调解组织成员）',
        response: { 200: peopleSchema, ...errorResponses },
      },
    },
    async () => ({ items: await peopleChoices(db) }),
  );

  app.get(
    '/training/people/:kind/:id',
    {
      config: { auth: TRAINING },
      schema: {
        tags,
        summary: '个人培训档案（年度学时、课程、证件）及调解成效（成功率、协议履行、办结用时）',
        params: personParam,
        querystring: yearQuery,
        response: { 200: personRecordSchema, ...errorResponses },
      },
    },
    async (req) => personRecord(ctx, req.params.kind, req.params.id, req.query.year ?? thisYear()),
  );

  app.get(
    '/training/hours',
    {
      config: { auth: TRAINING },
      schema: {
        tags,
        summary: '年度培训学时统计（每人已完成学时与应完成学时）',
        querystring: yearQuery,
        response: { 200: hoursReportSchema, ...errorResponses },
      },
    },
    async (req) => {
      const year = req.query.year ?? thisYear();
      return { year, items: await hoursReport(db, year) };
    },
  );

  app.get(
    '/training/export/hours.xlsx',
    {
      config: { auth: TRAINING },
      schema: {
        tags,
        summary: '导出年度培训学时统计表（Excel）',
        querystring: yearQuery,
        response: { 200: fileResponse('Excel 工作簿', MEDIA.xlsx), ...errorResponses },
      },
    },
    async (req, reply) => {
      const year = req.query.year ?? thisYear();
      const rows = await hoursReport(db, year);
      return reply
        .type(MEDIA.xlsx)
        .header('content-disposition', attachment(`${year}年度培训学时统计表.xlsx`))
        .send(await hoursWorkbook(year, rows));
    },
  );

  // --- certificates ------------------------------------------------------------------------------

  app.get(
    '/training/certificates',
    {
      config: { auth: CERTS },
      schema: {
        tags,
        summary: '证件及有效期、年度培训学时、到期提醒',
        response: { 200: certificateListSchema, ...errorResponses },
      },
    },
    async () => ({ items: await listCertificates(ctx) }),
  );

  app.post(
    '/training/certificates/:id/renew',
    {
      config: { auth: CERTS },
      schema: {
        tags,
        summary: '换证（须完成本年度培训学时，否则 409 并列明尚缺学时）',
        params: idParam,
        body: renewBody,
        response: { 200: certificateSchema, ...errorResponses },
      },
    },
    async (req) => {
      await renewCertificate(ctx, actorOf(req, CERTS), req.auth!.userId, req.params.id, req.body);
      const items = await listCertificates(ctx);
      return items.find((c) => c.id === req.params.id)!;
    },
  );

  // --- 金牌 selection -----------------------------------------------------------------------------

  app.get(
    '/gold-medal/criteria',
    {
      config: { auth: GOLD },
      schema: {
        tags,
        summary: '金牌评选标准与权重（本局可修改；新的评选按修改后的标准）',
        response: { 200: criteriaSchema, ...errorResponses },
      },
    },
    async () => ({ items: await criteria(db) }),
  );

  app.put(
    '/gold-medal/criteria/:code',
    {
      config: { auth: APPROVER },
      schema: {
        tags,
        summary: '修改金牌评选标准（名称、权重、满分件数或每件扣分、依据）',
        params: criterionParam,
        body: criterionBody,
        response: { 200: criteriaSchema, ...errorResponses },
      },
    },
    async (req) => {
      await updateCriterion(db, actorOf(req, APPROVER), req.params.code, req.body);
      return { items: await criteria(db) };
    },
  );

  app.get(
    '/gold-medal/organizations',
    {
      config: { auth: GOLD },
      schema: {
        tags,
        summary: '可推荐参评的调解组织（名录中正常运行的）',
        response: {
          200: z
            .object({
              items: z.array(z.object({ id: z.string(), name: z.string(), jurisdictionName: z.string() })),
            })
            .meta({ id: 'GoldOrganizations' }),
          ...errorResponses,
        },
      },
    },
    async () => ({ items: await nominableOrganizations(db) }),
  );

  app.get(
    '/gold-medal/rounds',
    {
      config: { auth: GOLD },
      schema: { tags, summary: '年度金牌评选', response: { 200: roundListSchema, ...errorResponses } },
    },
    async () => ({ items: await listRounds(db) }),
  );

  app.post(
    '/gold-medal/rounds',
    {
      config: { auth: GOLD },
      schema: {
        tags,
        summary: '开始年度金牌评选（每年一次；评选标准按当前标准固定）',
        body: roundBody,
        response: { 201: roundSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const id = await createRound(db, actorOf(req, held(req, GOLD)), req.auth!.userId, req.body);
      reply.status(201);
      return roundDetail(db, id, ctx.config.tzOffsetMinutes);
    },
  );

  app.get(
    '/gold-medal/rounds/:id',
    {
      config: { auth: GOLD },
      schema: {
        tags,
        summary: '评选详情：推荐对象、评审组评分、计分明细、审批',
        params: idParam,
        response: { 200: roundSchema, ...errorResponses },
      },
    },
    async (req) => roundDetail(db, req.params.id, ctx.config.tzOffsetMinutes),
  );

  app.post(
    '/gold-medal/rounds/:id/nominations',
    {
      config: { auth: GOLD },
      schema: {
        tags,
        summary: '推荐金牌调解组织或金牌调解员',
        params: idParam,
        body: nominationBody,
        response: { 201: roundSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      await nominate(db, actorOf(req, held(req, GOLD)), req.auth!.userId, req.params.id, req.body);
      reply.status(201);
      return roundDetail(db, req.params.id, ctx.config.tzOffsetMinutes);
    },
  );

  app.post(
    '/gold-medal/rounds/:id/marking',
    {
      config: { auth: GOLD },
      schema: {
        tags,
        summary: '停止推荐，开始评审组打分',
        params: idParam,
        body: versionBody,
        response: { 200: roundSchema, ...errorResponses },
      },
    },
    async (req) => {
      await startMarking(db, actorOf(req, held(req, GOLD)), req.params.id, req.body);
      return roundDetail(db, req.params.id, ctx.config.tzOffsetMinutes);
    },
  );

  app.put(
    '/gold-medal/nominations/:id/mark',
    {
      config: { auth: GOLD },
      schema: {
        tags,
        summary: '评审组成员本人评分（0至100分，可修改本人评分）',
        params: idParam,
        body: markBody,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      await mark(db, actorOf(req, held(req, GOLD)), req.auth!, req.params.id, req.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/gold-medal/rounds/:id/score',
    {
      config: { auth: GOLD },
      schema: {
        tags,
        summary: '按评选标准计分（年度办案记录加评审组评分）',
        params: idParam,
        body: versionBody,
        response: { 200: roundSchema, ...errorResponses },
      },
    },
    async (req) => {
      await score(ctx, actorOf(req, held(req, GOLD)), req.params.id, req.body);
      return roundDetail(db, req.params.id, ctx.config.tzOffsetMinutes);
    },
  );

  app.post(
    '/gold-medal/rounds/:id/approve',
    {
      config: { auth: APPROVER },
      schema: {
        tags,
        summary: '领导审批评选结果（评定对象）',
        params: idParam,
        body: approveBody,
        response: { 200: roundSchema, ...errorResponses },
      },
    },
    async (req) => {
      await approve(db, actorOf(req, APPROVER), req.auth!, req.params.id, req.body);
      return roundDetail(db, req.params.id, ctx.config.tzOffsetMinutes);
    },
  );

  app.post(
    '/gold-medal/rounds/:id/publish',
    {
      config: { auth: GOLD },
      schema: {
        tags,
        summary: '在门户公布已审批的评选结果',
        params: idParam,
        body: versionBody,
        response: { 200: roundSchema, ...errorResponses },
      },
    },
    async (req) => {
      await publish(db, actorOf(req, held(req, GOLD)), req.params.id, req.body);
      return roundDetail(db, req.params.id, ctx.config.tzOffsetMinutes);
    },
  );

  app.get(
    '/public/gold-medal',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: '公开的金牌调解组织和金牌调解员名单',
        response: { 200: publicGoldSchema, ...errorResponses },
      },
    },
    async () => ({
      basis: '本局金牌调解组织和金牌调解员评选办法；经中心领导审批后公布',
      rounds: await publicRounds(db, ctx.config.tzOffsetMinutes),
    }),
  );
};
