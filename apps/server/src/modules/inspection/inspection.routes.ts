// Over 400 lines on purpose: the route table of the inspection procedure (one route per step, each with its schema); the logic lives in the phase files.
import { INSPECTION_FORM_KIND, maskName, maskPhone, type Permission } from '@onestop/domain';
import { registerApprovalKind } from '../cases';
import { registerProcedureCheck } from '../cases';
import { inspectionProcedureCheck } from './inspection.procedure';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type AuthContext, actorOf } from '../../platform/auth';
import type { Actor } from '../../platform/audit';
import { AppError, errorResponses, errorSchema, errors } from '../../platform/errors';
import { assertMatterInScope, scopeOf } from '../../platform/scope';
import { decideAcceptance } from './inspection.acceptance';
import {
  type ApprovalRequest,
  type ApprovalRunner,
  decideApproval,
  holdsApprovingPost,
  requestApproval,
} from './inspection.approvals';
import { APPROVAL_KINDS } from './inspection.tables';
import { loadInspectionCase, rolesOnCase } from './inspection.access';
import {
  addRecord,
  addRequest,
  assignInspectors,
  completeTask,
  extendInvestigation,
  requestReceived,
  startInvestigation,
} from './inspection.investigation';
import { recordHearing, recordLegalReview, requestHearing, scheduleHearing } from './inspection.hearing';
import {
  assertDecider,
  checkOrder,
  closeOut,
  decidePenalty,
  orderCorrection,
  proposePenalty,
} from './inspection.outcomes';
import { closeCase, refer } from './inspection.referrals';
import { listInspectionCases, loadInspectionDetail } from './inspection.presenter';
import {
  actionResultSchema,
  inspectionCaseSchema,
  inspectionCasesSchema,
  inspectionListSchema,
  noticesSchema,
  penaltyRulesSchema,
  registeredSchema,
  type StepOutcome,
} from './inspection.responses';
import {
  acceptanceBody,
  approvalDecisionBody,
  approvalParam,
  approvalRequestBody,
  checkBody,
  closeBody,
  closeOutBody,
  decidePenaltyBody,
  hearingRecordBody,
  hearingRequestBody,
  hearingScheduleBody,
  legalReviewBody,
  extendBody,
  idParam,
  inspectorsBody,
  listQuery,
  orderBody,
  outcomeParam,
  penaltyBody,
  recordBody,
  referralBody,
  registerBody,
  requestBody,
} from './inspection.schema';
import { registerComplaint } from './inspection.service';

const tags = ['劳动保障监察'];

/** A phone is masked as such; a role prefix (投诉人/举报人) is kept and the name after it masked. */
function maskRecipient(label: string): string {
  if (/^\d{7,}$/.test(label)) return maskPhone(label);
  const m = /^(投诉人|举报人|用人单位)(.*)$/.exec(label);
  if (m) return m[2] ? `${m[1]}${maskName(m[2])}` : m[1]!;
  return maskName(label);
}
const PERM: Permission = 'inspection.work';
const versionBody = z.strictObject({ version: z.number().int().min(1).optional() });
const recordParam = z.strictObject({ id: z.uuid('编号格式不正确'), recordId: z.uuid('编号格式不正确') });

type Ctx = { auth: AuthContext; actor: Actor };
const who = (req: FastifyRequest): Ctx => ({ auth: req.auth!, actor: actorOf(req, PERM) });

/**
 * Labor inspection (《劳动保障监察条例》；《关于实施〈劳动保障监察条例〉若干规定》): complaints and reports, the acceptance decision, the investigation and its
 * outcomes. Every step goes through the inspection machine (cases module); the reporter's identity is
 * never part of these responses except for the case's handling inspectors.
 */
export const inspectionRoutes: FastifyPluginAsyncZod = async (app) => {
  registerProcedureCheck('inspection', inspectionProcedureCheck);
  const ctx = app.ctx;
  const { db } = ctx.database;
  const detail = (req: FastifyRequest, id: string) =>
    loadInspectionDetail(ctx, req.auth!, actorOf(req, PERM), id);

  app.get(
    '/inspection/cases',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary: '监察案件队列（辖区内；mine=true 只看本人承办）',
        querystring: listQuery,
        response: { 200: inspectionListSchema, ...errorResponses },
      },
    },
    async (req) => ({
      items: await listInspectionCases(ctx, req.auth!, await scopeOf(db, req.auth!, 'matter.read'), {
        state: req.query.state,
        mine: req.query.mine === 'true',
      }),
    }),
  );

  app.post(
    '/inspection/cases',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary:
          '登记投诉（本人权益，实名）或举报（可匿名；举报人身份仅承办监察员可见），受理期限五个工作日开始计算',
        body: registerBody,
        response: { 201: registeredSchema, 422: errorSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const { auth, actor } = who(req);
      const r = await registerComplaint(ctx, auth, actor, req.body);
      return reply.status(201).send({ ...r, case: await detail(req, r.caseId) });
    },
  );

  app.get(
    '/inspection/cases/:id',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary: '监察案件详情（含行政处罚听证、法制审核进度）与当前用户可执行的操作',
        params: idParam,
        response: { 200: inspectionCaseSchema, ...errorResponses },
      },
    },
    async (req) => detail(req, req.params.id),
  );

  app.get(
    '/inspection/cases/:id/notices',
    {
      config: { auth: PERM },
      schema: {
        tags,
        summary: '本案向当事人发出的通知（渠道、状态、发送时间；收件人已脱敏）',
        params: idParam,
        response: { 200: noticesSchema, ...errorResponses },
      },
    },
    async (req) => {
      const { c } = await loadInspectionCase(db, req.auth!, req.params.id);
      const rows = await db
        .selectFrom('party_notice')
        .select(['id', 'channel', 'state', 'sent_at', 'recipient_label', 'template', 'created_at'])
        .where('subject_type', '=', 'case')
        .where('subject_id', '=', c.id)
        .orderBy('created_at')
        .execute();
      return {
        items: rows.map((r) => ({
          id: r.id,
          channel: r.channel,
          state: r.state,
          template: r.template,
          sentAt: r.sent_at ? r.sent_at.toISOString() : null,
          createdAt: r.created_at.toISOString(),
          recipient: maskRecipient(r.recipient_label),
        })),
      };
    },
  );

  app.get(
    '/inspection/matters/:id/cases',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary: '维权事项的监察案件',
        params: idParam,
        response: { 200: inspectionCasesSchema, ...errorResponses },
      },
    },
    async (req) => {
      const m = await assertMatterInScope(db, req.auth!, req.params.id);
      const rows = await db
        .selectFrom('track_case')
        .select('id')
        .where('matter_id', '=', m.id)
        .where('track', '=', 'inspection')
        .orderBy('opened_at')
        .execute();
      const items = [];
      for (const r of rows) items.push(await detail(req, r.id));
      return { items };
    },
  );

  const action = <B extends z.ZodType, P extends z.ZodType>(
    path: string,
    perm: Permission | 'matter.read',
    summary: string,
    params: P,
    body: B,
    // biome-ignore lint/suspicious/noConfusingVoidType: a step that answers nothing returns Promise<void>
    run: (c: Ctx, params: z.infer<P>, body: z.infer<B>) => Promise<StepOutcome | undefined | void>,
  ) =>
    app.post(
      path,
      {
        config: { auth: perm },
        schema: {
          tags,
          summary,
          params,
          body,
          response: { 200: actionResultSchema, 422: errorSchema, ...errorResponses },
        },
      },
      async (req) => {
        const p = req.params as z.infer<P> & { id: string };
        // A step that answers nothing (void) has no `result` in the answer.
        const result = (await run(who(req), p, req.body as z.infer<B>)) as StepOutcome | undefined;
        return { result, case: await detail(req, p.id) };
      },
    );

  action(
    '/inspection/cases/:id/acceptance',
    'matter.read',
    '受理决定：受理并当日立案（调查期限六十个工作日起算），或不予受理（超过二年 / 属争议程序或已在调解仲裁 / 不属本机关管辖 / 非监察事项转办）',
    idParam,
    acceptanceBody,
    (c, p, b) => decideAcceptance(ctx, c.auth, c.actor, p.id, b),
  );
  action(
    '/inspection/cases/:id/inspectors',
    'matter.read',
    '指派承办监察员（有效监察员证；应回避者 409）',
    idParam,
    inspectorsBody,
    (c, p, b) => assignInspectors(ctx, c.auth, c.actor, p.id, b),
  );
  action(
    '/inspection/cases/:id/investigation/start',
    PERM,
    '开始调查（须两名以上承办监察员）',
    idParam,
    versionBody,
    (c, p, b) => startInvestigation(ctx, c.auth, c.actor, p.id, b.version),
  );
  action(
    '/inspection/cases/:id/records',
    PERM,
    '登记现场检查笔录、询问笔录、证据或调查任务',
    idParam,
    recordBody,
    (c, p, b) => addRecord(ctx, c.auth, c.actor, p.id, b),
  );
  action(
    '/inspection/cases/:id/records/:recordId/done',
    PERM,
    '完成调查任务',
    recordParam,
    z.strictObject({}),
    (c, p) => completeTask(ctx, c.auth, c.actor, p.id, p.recordId),
  );
  action(
    '/inspection/cases/:id/requests',
    PERM,
    '要求用人单位限期提供材料（调查询问书）',
    idParam,
    requestBody,
    (c, p, b) => addRequest(ctx, c.auth, c.actor, p.id, b),
  );
  action(
    '/inspection/cases/:id/requests/:requestId/received',
    PERM,
    '用人单位已提供材料',
    z.strictObject({ id: z.uuid(), requestId: z.uuid() }),
    z.strictObject({}),
    (c, p) => requestReceived(ctx, c.auth, c.actor, p.id, p.requestId),
  );
  action(
    '/inspection/cases/:id/extension',
    'clock.extend',
    '延长办案期限三十个工作日（负责人本人办理即批准，签发延长办案期限审批表；只能一次）',
    idParam,
    extendBody,
    (c, p, b) => extendInvestigation(ctx, c.auth, c.actor, p.id, b),
  );
  action(
    '/inspection/cases/:id/orders',
    'matter.read',
    '责令改正 / 责令支付（限期，签发责令改正指令书）',
    idParam,
    orderBody,
    (c, p, b) => orderCorrection(ctx, c.auth, c.actor, p.id, b),
  );
  action(
    '/inspection/cases/:id/orders/:outcomeId/check',
    'matter.read',
    '复查改正情况；逾期未支付可责令加付赔偿金（50%–100%）',
    outcomeParam,
    checkBody,
    (c, p, b) => checkOrder(ctx, c.auth, c.actor, p.id, p.outcomeId, b),
  );
  action(
    '/inspection/cases/:id/penalty',
    'matter.read',
    '告知拟作出的行政处罚（罚款数额按法定幅度校验；听证申请期限五个工作日）',
    idParam,
    penaltyBody,
    (c, p, b) => proposePenalty(ctx, c.auth, c.actor, p.id, b),
  );
  action(
    '/inspection/cases/:id/penalty/hearing-request',
    'matter.read',
    '登记当事人的听证申请（告知后五个工作日内）',
    idParam,
    hearingRequestBody,
    (c, p, b) => requestHearing(ctx, c.auth, c.actor, p.id, b),
  );
  action(
    '/inspection/cases/:id/penalty/hearing',
    'matter.read',
    '安排听证并签发听证通知书（听证七个工作日前通知）',
    idParam,
    hearingScheduleBody,
    (c, p, b) => scheduleHearing(ctx, c.auth, c.actor, p.id, b),
  );
  action(
    '/inspection/cases/:id/penalty/hearing/record',
    'matter.read',
    '登记听证笔录（主持人、日期、听证结果）',
    idParam,
    hearingRecordBody,
    (c, p, b) => recordHearing(ctx, c.auth, c.actor, p.id, b),
  );
  action(
    '/inspection/cases/:id/penalty/legal-review',
    'matter.read',
    '登记法制审核意见及结论（达到标准的罚款决定前必须；结论为不同意的，不得作出处罚决定）',
    idParam,
    legalReviewBody,
    (c, p, b) => recordLegalReview(ctx, c.auth, c.actor, p.id, b),
  );
  action(
    '/inspection/cases/:id/penalty/decision',
    'matter.read',
    '作出行政处罚决定（负责人；须已保障陈述申辩和听证权利）',
    idParam,
    decidePenaltyBody,
    (c, p, b) => decidePenalty(ctx, c.auth, c.actor, p.id, b),
  );
  /**
   * A step that needs the 负责人's approval (issue #13): the user holding the approving post takes it
   * directly (approving by that action); anyone else files a request that waits on the approver's work
   * list (POST .../approvals/:approvalId/decision).
   */
  const approvalStep = async (
    c: Ctx,
    caseId: string,
    request: ApprovalRequest,
    // biome-ignore lint/suspicious/noConfusingVoidType: a step that answers nothing returns Promise<void>
    direct: () => Promise<StepOutcome | undefined | void>,
  ) => {
    const { c: row, ext } = await loadInspectionCase(db, c.auth, caseId);
    if (await holdsApprovingPost(db, c.auth, row, request.kind)) return direct();
    // 立案 is asked before any inspector is assigned: an inspector post in the jurisdiction suffices.
    if (request.kind === 'filing') {
      if (!(await rolesOnCase(db, c.auth, row.jurisdiction_id)).includes('inspector'))
        throw errors.forbidden('您在该辖区没有劳动保障监察员岗位，不能报请立案审批');
    } else await assertDecider(ctx, c.auth, row);
    return {
      pendingApproval: await requestApproval(ctx, c.auth, c.actor, row, request, ext?.extended ?? false),
    };
  };
  const runApproval =
    (c: Ctx, caseId: string): ApprovalRunner =>
    (kind, r, given) => {
      if (kind === 'filing')
        return decideAcceptance(
          ctx,
          c.auth,
          c.actor,
          caseId,
          { decision: 'accepted', ...(r.reason && { reason: r.reason }) },
          given,
        );
      if (kind === 'extension')
        return extendInvestigation(ctx, c.auth, c.actor, caseId, { reason: r.reason ?? '' }, given);
      if (kind === 'revocation')
        return closeOut(
          ctx,
          c.auth,
          c.actor,
          caseId,
          r.revocation,
          { reason: r.reason ?? '', evidenceOfCorrection: r.evidenceOfCorrection },
          given,
        );
      return closeCase(
        ctx,
        c.auth,
        c.actor,
        caseId,
        { resultText: r.resultText ?? '', channel: r.channel, facts: r.facts, opinion: r.opinion },
        given,
      );
    };
  // Approving on the 工作台 or the case page carries out the step as the approver (cases/approvals.ts).
  for (const kind of APPROVAL_KINDS) {
    registerApprovalKind(INSPECTION_FORM_KIND[kind], {
      run: (_ctx, auth, actor, row, given) =>
        runApproval({ auth, actor }, row.subject_id)(kind, row.payload as ApprovalRequest, given),
    });
  }

  action(
    '/inspection/cases/:id/withdrawal',
    'matter.read',
    '撤销立案（违法行为轻微且已改正）：负责人本人办理即批准并签发撤销立案审批表、撤销立案决定书；承办监察员办理为报请负责人审批',
    idParam,
    closeOutBody,
    (c, p, b) =>
      approvalStep(
        c,
        p.id,
        {
          kind: 'revocation',
          revocation: 'withdrawal',
          reason: b.reason,
          evidenceOfCorrection: b.evidenceOfCorrection,
          channel: 'sms',
        },
        () => closeOut(ctx, c.auth, c.actor, p.id, 'withdrawal', b),
      ),
  );
  action(
    '/inspection/cases/:id/investigation-end',
    'matter.read',
    '终结调查（投诉举报内容不实，违法事实不能成立，撤销立案）：负责人本人办理即批准；承办监察员办理为报请负责人审批',
    idParam,
    closeOutBody,
    (c, p, b) =>
      approvalStep(
        c,
        p.id,
        { kind: 'revocation', revocation: 'investigation_end', reason: b.reason, channel: 'sms' },
        () => closeOut(ctx, c.auth, c.actor, p.id, 'investigation_end', b),
      ),
  );
  action(
    '/inspection/cases/:id/approvals',
    PERM,
    '报请负责人审批：立案、延长办案期限、撤销立案、结案（审批表由负责人本人在系统中审批后签发）',
    idParam,
    approvalRequestBody,
    (c, p, b) =>
      approvalStep(c, p.id, b, async () => {
        throw new AppError(
          409,
          'APPROVER_ACTS_DIRECTLY',
          '您持有审批岗位，请直接办理该事项（本人办理即为审批）',
        );
      }),
  );
  action(
    '/inspection/cases/:id/approvals/:approvalId/decision',
    'matter.read',
    '负责人审批报批事项：同意即办理该步骤并签发审批表（载明审批人姓名和审批日期）；不同意须写明意见',
    approvalParam,
    approvalDecisionBody,
    (c, p, b) => decideApproval(ctx, c.auth, c.actor, p.id, p.approvalId, b),
  );
  action(
    '/inspection/cases/:id/referrals',
    'matter.read',
    '移送：争议事项转调解/仲裁；拒不支付劳动报酬移送公安（达到标准）；移送其他机关',
    idParam,
    referralBody,
    (c, p, b) => refer(ctx, c.auth, c.actor, p.id, b),
  );
  action(
    '/inspection/cases/:id/close',
    'matter.read',
    '结案：负责人本人办理即批准并签发结案审批表（内部审批文书）、告知投诉人举报人处理结果；承办监察员办理为报请负责人审批',
    idParam,
    closeBody,
    (c, p, b) =>
      approvalStep(
        c,
        p.id,
        {
          kind: 'closing',
          revocation: 'withdrawal',
          resultText: b.resultText,
          channel: b.channel,
          facts: b.facts,
          opinion: b.opinion,
        },
        () => closeCase(ctx, c.auth, c.actor, p.id, b),
      ),
  );

  app.get(
    '/inspection/penalty-rules',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary: '罚款幅度（数据表，附依据）',
        response: { 200: penaltyRulesSchema, ...errorResponses },
      },
    },
    async () => ({
      items: (await db.selectFrom('penalty_rule').selectAll().orderBy('code').execute()).map((r) => ({
        code: r.code,
        label: r.label,
        per: r.per,
        minFen: Number(r.min_fen),
        maxFen: Number(r.max_fen),
        basis: r.basis,
      })),
    }),
  );
};
