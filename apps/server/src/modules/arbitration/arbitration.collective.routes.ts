import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { changeClaims, issueCollectiveNotice, recordConsent } from './arbitration.collective';
import { act, caseStep } from './arbitration.http';
import { claimsChangeBody, consentBody, simplifiedNoticeBody, versionBody } from './arbitration.schema';
import { issueSimplifiedNotice } from './arbitration.simplified';

/** Collective variant (representatives' consents, one-time notice), claim changes, simplified notice. */
export const collectiveRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.ctx;
  app.post(
    '/arbitration/cases/:caseId/consents',
    caseStep(
      '登记被代表劳动者的书面同意（集体争议代表人变更、放弃请求，承认对方请求，接受调解或撤回申请前须取得）',
      consentBody,
    ),
    async (req) =>
      act(ctx, req, req.params.caseId, (trx, auth, actor) =>
        recordConsent(ctx, trx, auth, actor, req.params.caseId, req.body),
      ),
  );

  app.post(
    '/arbitration/cases/:caseId/claims-change',
    caseStep(
      '变更或放弃仲裁请求（集体争议须被代表劳动者书面同意；变更请求的，审理期限自受理变更之日起重新计算）',
      claimsChangeBody,
    ),
    async (req) =>
      act(ctx, req, req.params.caseId, (trx, auth, actor) =>
        changeClaims(ctx, trx, auth, actor, req.params.caseId, req.body),
      ),
  );

  app.post(
    '/arbitration/cases/:caseId/collective-notice',
    caseStep(
      '集体争议一次性告知：仲裁庭组成人员、答辩期、举证期限、开庭时间和地点（受理后五日内，办案规则第六十三条）',
      versionBody,
    ),
    async (req) =>
      act(ctx, req, req.params.caseId, (trx, auth, actor) =>
        issueCollectiveNotice(ctx, trx, auth, actor, req.params.caseId, req.body),
      ),
  );

  app.post(
    '/arbitration/cases/:caseId/simplified-notice',
    caseStep(
      '简易处理通知：出具简易处理通知书并以短信（或电话）送达当事人；经被申请人同意可以缩短或取消答辩期',
      simplifiedNoticeBody,
    ),
    async (req) =>
      act(ctx, req, req.params.caseId, (trx, auth, actor) =>
        issueSimplifiedNotice(ctx, trx, auth, actor, req.params.caseId, req.body),
      ),
  );
};
