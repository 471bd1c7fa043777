import type { FastifyPluginAsync } from 'fastify';
import { enqueueNotifications } from '../notifications';
import { calculatorRoutes } from './calculator.routes';
import { PERFORMANCE_JOB } from './mediation.outcome';
import { mediationRoutes } from './mediation.routes';
import { organizationsRoutes } from './organizations.routes';

/** Mediation first, the entitlement calculator and the mediation organisations (registered under /api). */
export const mediationModule: FastifyPluginAsync = async (app) => {
  const { db } = app.ctx.database;
  // On the agreed performance date: remind the mediator to confirm performance (《劳动争议调解仲裁法》第十六条 follow-up).
  app.ctx.jobs.register(PERFORMANCE_JOB, async (payload) => {
    const caseId = String(payload.caseId);
    const row = await db
      .selectFrom('mediation_case as m')
      .innerJoin('track_case as c', 'c.id', 'm.case_id')
      .select(['c.number', 'c.state', 'm.mediator_user_id', 'm.performance_date'])
      .where('m.case_id', '=', caseId)
      .executeTakeFirst();
    if (!row?.mediator_user_id || !row.performance_date) return;
    if (row.state !== 'agreed' && row.state !== 'partially_agreed') return;
    await enqueueNotifications(db, [
      {
        recipientUserId: row.mediator_user_id,
        template: 'clock.due_today',
        params: {
          subject: `调解案件${row.number}`,
          rule: '调解协议履行期限',
          due: row.performance_date,
          basis: '《劳动争议调解仲裁法》第十五条、第十六条',
        },
        subjectType: 'case',
        subjectId: caseId,
        dedupeKey: `${PERFORMANCE_JOB}:${caseId}:${row.performance_date}`,
      },
    ]);
  });
  await app.register(calculatorRoutes);
  await app.register(organizationsRoutes);
  await app.register(mediationRoutes);
};
