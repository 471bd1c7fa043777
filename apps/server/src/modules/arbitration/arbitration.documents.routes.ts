import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { approvalsOf } from '../cases';
import { assertCaseVisible } from '../cases';
import { errorResponses } from '../../platform/errors';
import {
  correctAward,
  decideRecusal,
  partialAward,
  registerArbitrationApprovals,
  requestArbitrationApproval,
} from './arbitration.documents';
import { recordAgents } from './arbitration.agents';
import { determineFinality } from './arbitration.conduct';
import { act, audited, caseStep } from './arbitration.http';
import { approvalListSchema } from './arbitration.responses';
import { settingNumber } from './arbitration.runtime';
import {
  agentsBody,
  approvalRequestBody,
  awardCorrectionBody,
  caseParam,
  partialAwardBody,
  recusalBody,
} from './arbitration.schema';

/**
 * Steps that issue the arbitration documents of issue #13 item 3 from their flow: 部分裁决书 (先行裁决),
 * 回避决定书, 裁决书补正决定书, and the 立案 / 结案 approvals whose forms the approver's own action issues
 * (cases/approvals.ts). The 仲裁庭组成通知书, 延期开庭通知书, 庭审笔录 and 先予执行裁决书 come from the
 * tribunal, postpone and step routes.
 */
export const documentStepRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.ctx;
  const { db } = ctx.database;
  registerArbitrationApprovals();

  const pa = caseStep(
    '先行裁决（部分事实已经清楚，就该部分先行裁决，出具部分裁决书；调解仲裁法第四十三条第二款）',
    partialAwardBody,
  );
  app.post('/arbitration/cases/:caseId/partial-award', pa, async (req) =>
    act(ctx, req, req.params.caseId, async (trx, auth, actor) => {
      const mw = await settingNumber(trx, 'arbitration.monthly_minimum_wage_fen', 200000);
      const items = determineFinality(req.body.items, mw).map((i) => ({
        text: i.text,
        finality: i.finality,
        amountFen: i.amountFen,
      }));
      const out = await partialAward(ctx, trx, auth, actor, req.params.caseId, { ...req.body, items });
      await audited(trx, actor, 'arbitration.partial_award', req.params.caseId, out.documents[0]!.number);
      return out;
    }),
  );

  const rc = caseStep(
    '回避申请的决定（仲裁委员会主任或其委托的仲裁院负责人决定，出具回避决定书；调解仲裁法第三十三条）',
    recusalBody,
  );
  app.post('/arbitration/cases/:caseId/recusal', rc, async (req) =>
    act(ctx, req, req.params.caseId, async (trx, auth, actor) => {
      const out = await decideRecusal(ctx, trx, { ...auth }, actor, req.params.caseId, req.body);
      await audited(
        trx,
        actor,
        'arbitration.recusal',
        req.params.caseId,
        `${req.body.decision === 'granted' ? '准许回避' : '驳回回避申请'}（${out.documents[0]!.number}）`,
        req.body,
      );
      return out;
    }),
  );

  const ac = caseStep(
    '裁决书补正（文字、计算错误或遗漏事项，出具裁决书补正决定书；劳动人事争议仲裁办案规则第五十四条）',
    awardCorrectionBody,
  );
  app.post('/arbitration/cases/:caseId/award-correction', ac, async (req) =>
    act(ctx, req, req.params.caseId, async (trx, auth, actor) => {
      const out = await correctAward(ctx, trx, auth, actor, req.params.caseId, req.body);
      await audited(trx, actor, 'arbitration.award_correction', req.params.caseId, out.documents[0]!.number);
      return out;
    }),
  );

  const ag = caseStep(
    '登记当事人的委托代理人及代理权限（特别授权或一般授权，须已提交授权委托书；调解仲裁法第二十四条）；此后出具的裁决书、调解书等载明',
    agentsBody,
  );
  app.post('/arbitration/cases/:caseId/agents', ag, async (req) =>
    act(ctx, req, req.params.caseId, (trx, auth, actor) =>
      recordAgents(trx, auth, actor, req.params.caseId, req.body),
    ),
  );

  for (const [path, kind, summary] of [
    ['filing-approval', 'arbitration_filing', '报请立案审批（由领导在工作台审批，审批后生成立案审批表）'],
    [
      'closing-approval',
      'arbitration_closing',
      '报请结案审批（由领导在工作台审批，审批后生成仲裁结案审批表）',
    ],
  ] as const) {
    app.post(`/arbitration/cases/:caseId/${path}`, caseStep(summary, approvalRequestBody), async (req) =>
      act(ctx, req, req.params.caseId, (trx, auth, actor) =>
        requestArbitrationApproval(ctx, trx, auth, actor, req.params.caseId, kind, req.body),
      ),
    );
  }

  app.get(
    '/arbitration/cases/:caseId/approvals',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags: ['仲裁'],
        summary: '本案的审批事项（立案审批、结案审批）及其审批人、日期',
        params: caseParam,
        response: { 200: approvalListSchema, ...errorResponses },
      },
    },
    async (req) => {
      await assertCaseVisible(db, req.auth!, req.params.caseId);
      return { items: await approvalsOf(db, req.params.caseId) };
    },
  );
};
