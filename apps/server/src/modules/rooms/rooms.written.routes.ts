import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { businessToday } from '../../platform/time';
import { errorResponses, errorSchema, errors } from '../../platform/errors';
import { caseParam } from '../arbitration';
import { submitWritten, type WrittenMember, writtenHearingView } from '../arbitration';
import { submitBody, writtenSchema } from '../arbitration';
import { attachUploadsAsEvidence, myMemberships } from '../portal';
import { type PortalContext, requireAccount, requirePortal } from '../portal';

/**
 * The parties' side of a written hearing (书面审理, issue #20) on the portal, beside the online rooms:
 * the worker (by phone) and the employer (through its 单位代表码) see the periods and submit.
 */
export const portalWrittenRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;
  const { db } = ctx.database;

  /** The party this portal user acts for in the case (404: existence is never disclosed). */
  async function memberOf(caseId: string, p: PortalContext): Promise<WrittenMember> {
    const c = await db
      .selectFrom('track_case')
      .select('matter_id')
      .where('id', '=', caseId)
      .executeTakeFirst();
    const me = c ? (await myMemberships(db, p, c.matter_id))[0] : undefined;
    if (!c || !me || (me.role !== 'worker' && me.role !== 'employer')) throw errors.notFound('书面审理');
    return { matterId: c.matter_id, partyId: me.partyId, partyName: me.partyName, role: me.role };
  }

  const portalResponses = { ...errorResponses, 422: errorSchema };
  app.get(
    '/portal/written-hearings',
    {
      config: { auth: 'public', portal: 'session' },
      schema: {
        tags: ['当事人门户'],
        summary: '我参加的书面审理（不开庭，在线提交意见）',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                caseId: z.string(),
                caseNumber: z.string(),
                role: z.enum(['worker', 'employer']),
                roleLabel: z.string(),
                statementDue: z.string(),
                replyDue: z.string(),
                statementOpen: z.boolean(),
                replyOpen: z.boolean(),
                submitted: z.array(z.enum(['statement', 'reply'])).describe('我方已提交的轮次'),
              }),
            ),
          }),
          ...portalResponses,
        },
      },
    },
    async (req) => {
      const mine = await myMemberships(db, requirePortal(req));
      const byMatter = new Map(mine.map((m) => [m.matterId, m]));
      if (!byMatter.size) return { items: [] };
      const rows = await db
        .selectFrom('written_hearing as w')
        .innerJoin('track_case as c', 'c.id', 'w.case_id')
        .select(['c.id', 'c.number', 'c.matter_id', 'w.ordered_at'])
        .where('c.matter_id', 'in', [...byMatter.keys()])
        .orderBy('w.ordered_at', 'desc')
        .execute();
      const today = businessToday(ctx.config);
      const items = [];
      for (const r of rows) {
        const me = byMatter.get(r.matter_id)!;
        if (me.role !== 'worker' && me.role !== 'employer') continue;
        const v = await writtenHearingView(db, r.id, today, me.role);
        items.push({
          caseId: r.id,
          caseNumber: r.number,
          role: me.role,
          roleLabel: me.role === 'worker' ? '申请人' : '被申请人',
          statementDue: v.statementDue,
          replyDue: v.replyDue,
          statementOpen: v.statementOpen,
          replyOpen: v.replyOpen,
          submitted: v.submissions.filter((x) => x.role === me.role).map((x) => x.round),
        });
      }
      return { items };
    },
  );

  app.get(
    '/portal/written-hearings/:caseId',
    {
      config: { auth: 'public', portal: 'session' },
      schema: {
        tags: ['当事人门户'],
        summary: '书面审理：期限和已提交的材料（对方的陈述在陈述期限届满后可见）',
        params: caseParam,
        response: { 200: writtenSchema, ...portalResponses },
      },
    },
    async (req) => {
      const me = await memberOf(req.params.caseId, requirePortal(req));
      return writtenHearingView(db, req.params.caseId, businessToday(ctx.config), me.role);
    },
  );

  app.post(
    '/portal/written-hearings/:caseId/submissions',
    {
      config: { auth: 'public', portal: 'session' },
      schema: {
        tags: ['当事人门户'],
        summary: '书面审理：在期限内在线提交陈述意见和证据，或对对方材料的质证意见（每轮一次）',
        params: caseParam,
        body: submitBody,
        response: { 200: writtenSchema, ...portalResponses },
      },
    },
    async (req) => {
      const me = await memberOf(req.params.caseId, requirePortal(req));
      const { uploadIds, ...body } = req.body;
      // New files need the phone sign-in that uploaded them (a query-code session cannot upload).
      const account = uploadIds.length ? requireAccount(req).accountId : null;
      return submitWritten(ctx, me, req.params.caseId, body, req.ip, (trx, actor) =>
        account
          ? attachUploadsAsEvidence(
              trx,
              actor,
              account,
              me.matterId,
              uploadIds,
              `书面审理${body.round === 'statement' ? '陈述意见' : '质证意见'}所附证据`,
            )
          : Promise.resolve([]),
      );
    },
  );
};
