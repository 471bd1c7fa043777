import { actForm } from '@onestop/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context';
import { actorOf, type AuthContext } from '../../platform/auth';
import { businessToday } from '../../platform/time';
import { AppError, errorResponses, errorSchema, errors } from '../../platform/errors';
import { assertMatterInScope } from '../../platform/scope';
import {
  activeRolesIn,
  assertCaseVisible,
  grantsOfUser,
  jurisdictionChain,
  roleLabels,
} from './cases.access';
import { assignCase } from './cases.assign';
import { listMatterCases, loadCaseDetail } from './cases.presenter';
import {
  assigneesSchema,
  assignBody,
  caseDetailSchema,
  caseListSchema,
  caseResultSchema,
  conflictBody,
  conflictSchema,
  idParam,
  openCaseBody,
  transitionBody,
} from './cases.schema';
import { applyTransition, openCaseInTrx, StaleCase } from './cases.service';
import { CASE_TRACKS } from './cases.tables';
import { TRACKS } from './cases.tracks';
import { barredStaff, declareConflict, listConflicts } from './recusal.service';

/** A stale version becomes 409 with the fresh case, read after the rollback. */
async function withFresh<T>(ctx: AppContext, auth: AuthContext, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof StaleCase)
      throw errors.conflict(await loadCaseDetail(ctx.database.db, err.caseId, auth));
    throw err;
  }
}

/** Track cases (案件): open for claims of a matter, view, transitions by the declared machines, assignment, 回避. */
export const casesRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.ctx;
  const { db } = ctx.database;
  const tags = ['案件'];

  app.get(
    '/matters/:id/cases',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary: '维权事项的各程序案件，及当前用户可开立的程序',
        params: idParam,
        response: { 200: caseListSchema, ...errorResponses },
      },
    },
    async (req) => {
      const m = await assertMatterInScope(db, req.auth!, req.params.id);
      const roles = activeRolesIn(req.auth!.grants, await jurisdictionChain(db, m.jurisdiction_id));
      return {
        items: await listMatterCases(db, m.id),
        tracks: CASE_TRACKS.map((t) => ({
          track: t,
          label: TRACKS[t].label,
          canOpen: TRACKS[t].machine !== null && roles.some((r) => TRACKS[t].openers.includes(r)),
        })),
      };
    },
  );

  app.post(
    '/matters/:id/cases',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary: '为事项的诉求开立程序案件（案号按年连续不断号；同一诉求不得同时进入两个程序，否则 409）',
        params: idParam,
        body: openCaseBody,
        response: { 201: caseResultSchema, 422: errorSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const auth = req.auth!;
      await assertMatterInScope(db, auth, req.params.id);
      const spec = TRACKS[req.body.track];
      const opened = await db.transaction().execute((trx) =>
        openCaseInTrx(ctx, trx, auth, actorOf(req, spec.permission), req.params.id, req.body, {
          checkOpener: true,
        }),
      );
      const detail = await loadCaseDetail(db, opened.id, auth);
      return reply.status(201).send({ case: detail, documents: opened.documents, clocks: opened.clocks });
    },
  );

  app.get(
    '/cases/:id',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary: '案件详情：状态、时间线、期限、应回避人员及当前用户可执行的操作',
        params: idParam,
        response: { 200: caseDetailSchema, ...errorResponses },
      },
    },
    async (req) => {
      await assertCaseVisible(db, req.auth!, req.params.id);
      return loadCaseDetail(db, req.params.id, req.auth!);
    },
  );

  app.post(
    '/cases/:id/transitions',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary:
          '案件状态转换（按状态机）：须出具文书的办案行为只能通过其表单办理（409 CASE_EVENT_IS_ACT），非法转换 409，岗位无权 403，条件不满足 422（中文理由），版本不符 409 并返回最新案件',
        params: idParam,
        body: transitionBody,
        response: { 200: caseResultSchema, 422: errorSchema, ...errorResponses },
      },
    },
    async (req) => {
      const auth = req.auth!;
      const c = await assertCaseVisible(db, auth, req.params.id);
      const { event, version, reason, payload } = req.body;
      const machine = TRACKS[c.track].machine;
      const form = machine ? actForm(machine, event) : null;
      if (machine && form) {
        // A legal act (a document with its contents) is never a bare status change.
        const label = (machine.events as Record<string, string>)[event] ?? event;
        throw new AppError(
          409,
          'CASE_EVENT_IS_ACT',
          `“${label}”须出具文书，不能只改状态：请通过“${form}”办理`,
          { event, form },
        );
      }
      const r = await withFresh(ctx, auth, () =>
        applyTransition(ctx, auth, actorOf(req, TRACKS[c.track].permission), c.id, event, {
          expectedVersion: version,
          reason,
          payload,
        }),
      );
      return { case: await loadCaseDetail(db, c.id, auth), documents: r.documents, clocks: r.clocks };
    },
  );

  app.post(
    '/cases/:id/assign',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary: '分配承办人（须持有效岗位；应当回避者 409 RECUSAL_REQUIRED 并说明理由）',
        params: idParam,
        body: assignBody,
        response: { 200: caseDetailSchema, 422: errorSchema, ...errorResponses },
      },
    },
    async (req) => {
      const auth = req.auth!;
      const c = await assertCaseVisible(db, auth, req.params.id);
      await withFresh(ctx, auth, () =>
        assignCase(ctx, auth, actorOf(req, TRACKS[c.track].permission), c.id, req.body),
      );
      return loadCaseDetail(db, c.id, auth);
    },
  );

  app.get(
    '/cases/:id/assignees',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary: '可承办本案的人员（有效岗位），并标出应当回避者',
        params: idParam,
        response: { 200: assigneesSchema, ...errorResponses },
      },
    },
    async (req) => {
      const c = await assertCaseVisible(db, req.auth!, req.params.id);
      const spec = TRACKS[c.track];
      const chain = await jurisdictionChain(db, c.jurisdiction_id);
      const candidates = await db
        .selectFrom('user_role as ur')
        .innerJoin('app_user as u', 'u.id', 'ur.user_id')
        .select('u.id')
        .distinct()
        .where('ur.role', 'in', [...spec.handlers])
        .where('ur.jurisdiction_id', 'in', chain)
        .where('u.active', '=', true)
        .execute();
      const barred = await barredStaff(db, c);
      const today = businessToday(ctx.config);
      const items = [];
      for (const { id } of candidates) {
        const g = await grantsOfUser(db, id, today);
        if (!g) continue;
        const roles = activeRolesIn(g.grants, chain).filter((r) => spec.handlers.includes(r));
        if (!roles.length) continue;
        items.push({
          id,
          name: g.user.display_name,
          roles: roleLabels(roles),
          barred: barred.find((b) => b.userId === id) ?? null,
        });
      }
      items.sort(
        (a, b) => Number(a.barred !== null) - Number(b.barred !== null) || a.name.localeCompare(b.name, 'zh'),
      );
      return { items };
    },
  );

  app.get(
    '/me/conflicts',
    {
      config: { auth: 'authenticated' },
      schema: {
        tags,
        summary: '本人申报的与当事人的关系（回避）',
        response: { 200: z.object({ items: z.array(conflictSchema) }), ...errorResponses },
      },
    },
    async (req) => ({ items: await listConflicts(db, req.auth!.userId) }),
  );

  app.post(
    '/me/conflicts',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary: '申报与当事人的关系：此后不得承办涉及该当事人的任何案件（《劳动争议调解仲裁法》第三十三条）',
        body: conflictBody,
        response: { 201: conflictSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const r = await declareConflict(db, actorOf(req, 'matter.read'), req.auth!.userId, req.body);
      return reply.status(201).send(r);
    },
  );
};
