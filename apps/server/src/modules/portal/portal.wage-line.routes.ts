import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, errorSchema, errors } from '../../platform/errors';
import { workerLedgerSchema, workerView } from '../wage-groups';
import { membershipOf } from './portal.access';
import { matterParam } from './portal.schema';
import { requirePortal } from './portal.session';

/**
 * A worker's own line of a group wage ledger (issue #21 point 3): the group's totals and his or her
 * own lines, never another worker's. 404 for anyone else, and for a matter without a ledger line.
 */
export const portalWageLineRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;
  app.get(
    '/matters/:id/wage-line',
    {
      config: { auth: 'public', portal: 'session' },
      schema: {
        tags: ['当事人门户'],
        summary: '我的欠薪台账：本人的欠薪和支付情况，及群体合计',
        params: matterParam,
        response: { 200: workerLedgerSchema, ...errorResponses, 429: errorSchema },
      },
    },
    async (req) => {
      const m = await membershipOf(db, requirePortal(req), req.params.id);
      if (m.role !== 'worker') throw errors.notFound('欠薪台账');
      const view = await workerView(db, m.matterId, m.partyId);
      if (!view) throw errors.notFound('欠薪台账');
      return view;
    },
  );
};
