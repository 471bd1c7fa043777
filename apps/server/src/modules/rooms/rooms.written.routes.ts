import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { todayIso } from '../../platform/auth';
import { errorResponses, errorSchema, errors } from '../../platform/errors';
import { caseParam } from '../arbitration';
import { submitWritten, type WrittenMember, writtenHearingView } from '../arbitration';
import { submitBody, writtenSchema } from '../arbitration';
import { myMemberships } from '../portal';
import { type PortalContext, requirePortal } from '../portal';

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
      return writtenHearingView(db, req.params.caseId, todayIso(ctx.config), me.role);
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
    async (req) =>
      submitWritten(
        ctx,
        await memberOf(req.params.caseId, requirePortal(req)),
        req.params.caseId,
        req.body,
        req.ip,
      ),
  );
};
