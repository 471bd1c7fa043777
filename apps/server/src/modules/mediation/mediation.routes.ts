import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context';
import { actorOf, type AuthContext } from '../../platform/auth';
import { errorResponses, errorSchema, errors } from '../../platform/errors';
import { assertCaseVisible } from '../cases';
import { StaleCase } from '../cases';
import { assertMatterInScope } from '../../platform/scope';
import { closeWithoutAgreement, concludeAgreement, recordPerformance } from './mediation.outcome';
import { loadMatterMediation, loadMediationDetail } from './mediation.presenter';
import {
  agreementBody,
  caseParam,
  closeBody,
  followupBody,
  followupParam,
  followupResultBody,
  matterParam,
  mediationDetailSchema,
  mediationOverviewSchema,
  performanceBody,
  proposalBody,
  recordBody,
  referralBody,
  repliesBody,
  sessionBody,
  sessionParam,
  startBody,
} from './mediation.schema';
import { recordProposalReplies } from './mediation.replies';
import { saveProposal, startMediation } from './mediation.service';
import {
  decideReferral,
  fileFollowup,
  recordFollowupResult,
  recordSession,
  scheduleSession,
} from './mediation.sessions';

const PERM = 'matter.read' as const;

/** A stale version becomes 409 with the fresh detail, read after the rollback. */
async function withFresh<T>(ctx: AppContext, auth: AuthContext, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof StaleCase)
      throw errors.conflict(await loadMediationDetail(ctx.database.db, err.caseId, auth));
    throw err;
  }
}

const detailResponse = { 200: mediationDetailSchema, 422: errorSchema, ...errorResponses };

/** Mediation first (调解优先): consent, who mediates, 调解建议书 item by item, sessions, outcomes. */
export const mediationRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.ctx;
  const { db } = ctx.database;
  const tags = ['调解'];

  app.get(
    '/matters/:id/mediation',
    {
      config: { auth: PERM },
      schema: {
        tags,
        summary: '事项的调解概况：同意记录、由谁调解（小额简单标准）、调解案件',
        params: matterParam,
        response: { 200: mediationOverviewSchema, ...errorResponses },
      },
    },
    async (req) => {
      await assertMatterInScope(db, req.auth!, req.params.id);
      return loadMatterMediation(db, req.params.id, req.auth!);
    },
  );

  app.post(
    '/matters/:id/mediation',
    {
      config: { auth: PERM },
      schema: {
        tags,
        summary:
          '记录劳动者是否同意调解（何人、何时、何种方式）：同意则开立调解案件（中心调解或转交调解组织），不同意则直接转入仲裁立案',
        params: matterParam,
        body: startBody,
        response: {
          201: z.object({
            outcome: z.enum(['mediation', 'arbitration']),
            caseId: z.string(),
            number: z.string(),
          }),
          422: errorSchema,
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      await assertMatterInScope(db, req.auth!, req.params.id);
      const r = await startMediation(ctx, req.auth!, actorOf(req, 'mediation.work'), req.params.id, req.body);
      return reply.status(201).send(r);
    },
  );

  app.get(
    '/mediation/cases/:caseId',
    {
      config: { auth: PERM },
      schema: {
        tags,
        summary: '调解案件详情与可执行的操作',
        params: caseParam,
        response: { 200: mediationDetailSchema, ...errorResponses },
      },
    },
    async (req) => {
      await assertCaseVisible(db, req.auth!, req.params.caseId);
      return loadMediationDetail(db, req.params.caseId, req.auth!);
    },
  );

  /** Registers one POST on a case that returns the fresh detail. */
  function post<B extends z.ZodType>(
    path: string,
    summary: string,
    body: B,
    run: (
      auth: AuthContext,
      req: { params: Record<string, string>; body: z.infer<B> },
      actor: ReturnType<typeof actorOf>,
    ) => Promise<unknown>,
    params: z.ZodType = caseParam,
  ) {
    app.post(
      `/mediation/cases/:caseId${path}`,
      { config: { auth: PERM }, schema: { tags, summary, params, body, response: detailResponse } },
      async (req) => {
        const auth = req.auth!;
        const p = req.params as Record<string, string>;
        await assertCaseVisible(db, auth, p.caseId!);
        await withFresh(ctx, auth, () =>
          run(auth, { params: p, body: req.body as z.infer<B> }, actorOf(req, 'mediation.work')),
        );
        return loadMediationDetail(db, p.caseId!, auth);
      },
    );
  }

  post(
    '/proposal',
    '制发调解建议书：逐项建议金额与理由（可用计算器），向双方送达，载明答复期限与调解员联系方式',
    proposalBody,
    (auth, r, actor) => saveProposal(ctx, auth, actor, r.params.caseId!, r.body),
  );
  post('/replies', '登记一方对调解建议的逐项答复（同意 / 不同意）', repliesBody, (auth, r, actor) =>
    recordProposalReplies(ctx, auth, actor, r.params.caseId!, r.body),
  );
  post(
    '/sessions',
    '安排调解（可联合调解：人社 + 工会 + 法院），调解室、时间、参加人',
    sessionBody,
    (auth, r, actor) => scheduleSession(ctx, auth, actor, r.params.caseId!, r.body),
  );
  post(
    '/sessions/:sessionId/record',
    '记录调解笔录（开始调解）',
    recordBody,
    (auth, r, actor) => recordSession(ctx, auth, actor, r.params.caseId!, r.params.sessionId!, r.body),
    sessionParam,
  );
  post(
    '/agreement',
    '签订调解协议书：双方均同意的事项写入协议，其余事项以原诉求转入仲裁',
    agreementBody,
    (auth, r, actor) => concludeAgreement(ctx, auth, actor, r.params.caseId!, r.body),
  );
  post(
    '/close',
    '调解不成 / 未到场 / 对方拒绝 / 期满 / 撤回；除撤回外以原诉求转入仲裁',
    closeBody,
    (auth, r, actor) => closeWithoutAgreement(ctx, auth, actor, r.params.caseId!, r.body),
  );
  post(
    '/performance',
    '登记协议履行情况；未履行的：工资等事项告知申请支付令并登记诉调对接，其他事项转仲裁',
    performanceBody,
    (auth, r, actor) => recordPerformance(ctx, auth, actor, r.params.caseId!, r.body),
  );
  post('/followups', '登记申请仲裁审查（15日内）或司法确认（30日内）', followupBody, (auth, r, actor) =>
    fileFollowup(ctx, auth, actor, r.params.caseId!, r.body),
  );
  post(
    '/followups/:followupId/result',
    '登记仲裁审查或司法确认的结果',
    followupResultBody,
    (auth, r, actor) =>
      recordFollowupResult(ctx, auth, actor, r.params.caseId!, r.params.followupId!, r.body),
    followupParam,
  );
  post('/referral', '调解组织接收或退回转交', referralBody, (auth, r, actor) =>
    decideReferral(ctx, auth, actor, r.params.caseId!, r.body),
  );
};
