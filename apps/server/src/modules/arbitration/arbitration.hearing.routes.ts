import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, errorSchema, errors } from '../../platform/errors';
import { activeRolesIn, assertCaseVisible, grantsOfUser, jurisdictionChain } from '../cases';
import { barredStaff } from '../cases';
import { scopeOf } from '../../platform/scope';
import {
  closeCase,
  determineFinality,
  extendAward,
  makeAward,
  mediationStatement,
  resumeCase,
  serveAward,
  simpleStep,
  suspendCase,
} from './arbitration.conduct';
import { act, audited, caseStep } from './arbitration.http';
import { assertArbitrationStep } from './arbitration.procedure';
import { settingNumber } from './arbitration.runtime';
import {
  awardBody,
  calendarQuery,
  caseParam,
  closeBody,
  determineBody,
  extendBody,
  hearingBody,
  hearingParam,
  mediationBody,
  postponeBody,
  recordBody,
  resumeBody,
  stepBody,
  suspendBody,
  tribunalBody,
} from './arbitration.schema';
import {
  arbitratorsSchema,
  calendarSchema,
  determineSchema,
  stepResultSchema,
} from './arbitration.responses';
import { addRecord } from './arbitration.steps';
import { calendar } from './arbitration.presenter';
import {
  assertArbitrationStaff,
  composeTribunal,
  postponeHearing,
  scheduleHearing,
} from './arbitration.tribunal';
import { dayStart, businessToday } from '../../platform/time';

const tags = ['仲裁'];
const ok = { 200: stepResultSchema, 422: errorSchema, ...errorResponses };

/** Tribunal, hearing calendar, conduct of the case, award and closure. */
export const hearingRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.ctx;
  const { db } = ctx.database;
  const post = <B extends z.ZodTypeAny>(path: string, summary: string, body: B) => ({
    path,
    opts: caseStep(summary, body),
  });

  app.get(
    '/arbitration/cases/:caseId/arbitrators',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary: '可选仲裁员：本案辖区持有效仲裁员证的人员，并标明应回避者',
        params: caseParam,
        response: { 200: arbitratorsSchema, ...errorResponses },
      },
    },
    async (req) => {
      const c = await assertCaseVisible(db, req.auth!, req.params.caseId);
      const chain = await jurisdictionChain(db, c.jurisdiction_id);
      const users = await db
        .selectFrom('user_role')
        .select('user_id')
        .distinct()
        .where('role', 'in', ['arbitrator', 'tribunal_clerk'])
        .where('jurisdiction_id', 'in', chain)
        .execute();
      const barred = await barredStaff(db, c);
      const today = businessToday(ctx.config);
      const items = [];
      for (const u of users) {
        const g = await grantsOfUser(db, u.user_id, today);
        if (!g?.user.active) continue;
        const roles = activeRolesIn(g.grants, chain);
        const holds = g.grants.some(
          (x) => x.role === 'arbitrator' && x.jurisdictionIds.some((j) => chain.includes(j)),
        );
        const bar = barred.find((b) => b.userId === u.user_id);
        items.push({
          userId: u.user_id,
          name: g.user.display_name,
          arbitrator: roles.includes('arbitrator'),
          certificateInvalid: holds && !roles.includes('arbitrator'),
          clerk: roles.includes('tribunal_clerk'),
          barred: bar ? `${bar.reason}（${bar.basis}）` : null,
        });
      }
      return { items };
    },
  );

  const t = post(
    '/arbitration/cases/:caseId/tribunal',
    '组成仲裁庭（一名或三名仲裁员，集体争议三名；须持有效仲裁员证；应回避者不得担任）',
    tribunalBody,
  );
  app.post(t.path, t.opts, async (req) =>
    act(ctx, req, req.params.caseId, (trx, auth, actor) =>
      composeTribunal(ctx, trx, auth, actor, req.params.caseId, req.body),
    ),
  );

  app.get(
    '/arbitration/calendar',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary: '仲裁庭室日历（庭室 × 日期）',
        querystring: calendarQuery,
        response: {
          200: calendarSchema,
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const scope = await scopeOf(db, req.auth!, 'matter.read');
      const chain = new Set<string>();
      for (const j of scope) for (const x of await jurisdictionChain(db, j)) chain.add(x);
      const from = dayStart(app.ctx.config, req.query.from);
      const to = new Date(from.getTime() + req.query.days * 86_400_000);
      return calendar(db, [...chain], from, to);
    },
  );

  const h = post(
    '/arbitration/cases/:caseId/hearings',
    '排期开庭并出具开庭通知书（开庭五日前；庭室或仲裁员时间冲突 409 HEARING_CONFLICT）',
    hearingBody,
  );
  app.post(h.path, h.opts, async (req) =>
    act(ctx, req, req.params.caseId, (trx, auth, actor) =>
      scheduleHearing(ctx, trx, auth, actor, req.params.caseId, req.body),
    ),
  );

  app.post(
    '/arbitration/hearings/:hearingId/postpone',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary: '延期开庭（开庭三日前提出）并重新排期',
        params: hearingParam,
        body: postponeBody,
        response: ok,
      },
    },
    async (req) => {
      const hr = await db
        .selectFrom('hearing')
        .select('case_id')
        .where('id', '=', req.params.hearingId)
        .executeTakeFirst();
      if (!hr) throw errors.notFound('开庭安排');
      return act(ctx, req, hr.case_id, (trx, auth, actor) =>
        postponeHearing(ctx, trx, auth, actor, req.params.hearingId, req.body),
      );
    },
  );

  const r = post(
    '/arbitration/cases/:caseId/records',
    '登记证据、庭审笔录、调解记录、缺席等案件记录',
    recordBody,
  );
  // Records are written by the case's arbitration staff (仲裁员, 书记员) or a leader, in its jurisdiction.
  const recordAuth = ['arbitration.work', 'arbitration.clerk', 'leader.dashboard'] as const;
  app.post(r.path, { ...r.opts, config: { auth: recordAuth } }, async (req) =>
    act(ctx, req, req.params.caseId, async (trx, auth, actor) => {
      const c = await trx
        .selectFrom('track_case')
        .select('jurisdiction_id')
        .where('id', '=', req.params.caseId)
        .executeTakeFirstOrThrow();
      await assertArbitrationStaff(trx, auth, c.jurisdiction_id);
      // A 庭审笔录 is only entered once the hearing date has come (procedure guard).
      if (req.body.kind === 'hearing_record')
        await assertArbitrationStep(ctx, trx, req.params.caseId, 'record_hearing');
      const row = await addRecord(trx, actor, req.params.caseId, req.body.kind, req.body.summary);
      await audited(trx, actor, `arbitration.record.${req.body.kind}`, req.params.caseId, req.body.summary);
      return { recordId: row.id };
    }),
  );

  const s = post('/arbitration/cases/:caseId/steps', '撤回、按撤回处理、收到答辩、开庭、先予执行', stepBody);
  app.post(s.path, s.opts, async (req) =>
    act(ctx, req, req.params.caseId, (trx, auth, actor) => {
      const { step, summary, attendees, statements, applicationDate, items, performDays, ...payload } =
        req.body;
      return simpleStep(ctx, trx, auth, actor, req.params.caseId, step, {
        summary,
        payload,
        hearing: { attendees, statements },
        advance: { applicationDate, items, performDays },
      });
    }),
  );

  const su = post('/arbitration/cases/:caseId/suspend', '中止审理（审限中止计算，须经批准）', suspendBody);
  app.post(su.path, su.opts, async (req) =>
    act(ctx, req, req.params.caseId, (trx, auth, actor) =>
      suspendCase(ctx, trx, auth, actor, req.params.caseId, req.body),
    ),
  );
  const re = post('/arbitration/cases/:caseId/resume', '恢复审理（审限继续计算）', resumeBody);
  app.post(re.path, re.opts, async (req) =>
    act(ctx, req, req.params.caseId, (trx, auth, actor) =>
      resumeCase(ctx, trx, auth, actor, req.params.caseId, req.body),
    ),
  );
  const ex = post(
    '/arbitration/cases/:caseId/extend',
    '延长审理期限（不超过十五日，须批准人及理由）',
    extendBody,
  );
  app.post(ex.path, ex.opts, async (req) =>
    act(ctx, req, req.params.caseId, (trx, auth, actor) =>
      extendAward(ctx, trx, auth, actor, req.params.caseId, req.body),
    ),
  );
  const me = post(
    '/arbitration/cases/:caseId/mediation-statement',
    '仲裁中调解成功，出具仲裁调解书',
    mediationBody,
  );
  app.post(me.path, me.opts, async (req) =>
    act(ctx, req, req.params.caseId, (trx, auth, actor) =>
      mediationStatement(ctx, trx, auth, actor, req.params.caseId, req.body),
    ),
  );

  app.post(
    '/arbitration/determine',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary: '逐项判断终局或非终局（十二个月当地月最低工资标准，调解仲裁法第四十七条）',
        body: determineBody,
        response: {
          200: determineSchema,
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const mw = await db
        .transaction()
        .execute((trx) => settingNumber(trx, 'arbitration.monthly_minimum_wage_fen', 200000));
      return { minimumWageFen: mw, items: determineFinality(req.body.items, mw) };
    },
  );

  const aw = post(
    '/arbitration/cases/:caseId/award',
    '作出裁决：逐项终局/非终局，两类并存时分别制作裁决书',
    awardBody,
  );
  app.post(aw.path, aw.opts, async (req) =>
    act(ctx, req, req.params.caseId, (trx, auth, actor) =>
      makeAward(ctx, trx, auth, actor, req.params.caseId, req.body),
    ),
  );
  const sa = post(
    '/arbitration/cases/:caseId/serve-award',
    '裁决书送达（起诉、申请撤销期限开始）',
    z.strictObject({}),
  );
  app.post(sa.path, sa.opts, async (req) =>
    act(ctx, req, req.params.caseId, (trx, auth, actor) =>
      serveAward(ctx, trx, auth, actor, req.params.caseId),
    ),
  );
  const cl = post(
    '/arbitration/cases/:caseId/close',
    '结案（结案方式与金额），向劳动者发起满意度评价',
    closeBody,
  );
  app.post(cl.path, cl.opts, async (req) =>
    act(ctx, req, req.params.caseId, (trx, auth, actor) =>
      closeCase(ctx, trx, auth, actor, req.params.caseId, req.body),
    ),
  );
};
