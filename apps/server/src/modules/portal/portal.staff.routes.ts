import { CREDENTIAL_RULES } from '@onestop/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appendAudit } from '../../platform/audit';
import { actorOf } from '../../platform/auth';
import { AppError, errorResponses, errors } from '../../platform/errors';
import { assertMatterInScope, scopeOf } from '../../platform/scope';
import { ensureQueryCode } from './portal.apply.service';
import { matterForAny } from './portal.representative';
import { findPersonalData } from './portal.pii';
import {
  matterParam,
  messageBody,
  modelCaseBody,
  okResponse,
  portalConsentListSchema,
  portalSubmissionListSchema,
  staffMessageBody,
} from './portal.schema';

const tags = ['当事人门户（工作人员）'];

/** Staff side of the portal: 查询码 for receipts, consents, messages, questions and reports, typical cases. */
export const portalStaffRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;

  app.get(
    '/staff/matters/:id/query-code',
    {
      // The code opens the matter as its worker: only the staff who hand out receipts read it, audited.
      config: { auth: CREDENTIAL_RULES.queryCode.permissions },
      schema: {
        tags,
        summary: '事项的查询码（打印在收件回执上；没有时生成）。仅窗口和各业务办案人员可查看，每次查看留痕',
        params: matterParam,
        response: { 200: z.object({ queryCode: z.string() }), ...errorResponses },
      },
    },
    async (req) => {
      const auth = req.auth!;
      const perms = CREDENTIAL_RULES.queryCode.permissions;
      const m = await matterForAny(db, auth, req.params.id, perms, CREDENTIAL_RULES.queryCode.label);
      const queryCode = await ensureQueryCode(db, m.id);
      await db.transaction().execute((trx) =>
        appendAudit(
          trx,
          actorOf(
            req,
            perms.find((p) => auth.permissions.has(p)),
          ),
          {
            action: 'matter.query_code.view',
            entityType: 'matter',
            entityId: m.id,
            summary: `查看事项查询码（${m.number}）`,
          },
        ),
      );
      return { queryCode };
    },
  );

  app.get(
    '/staff/matters/:id/consents',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary: '当事人在门户作出的同意（调解、电子送达），含确认编号（登记电子送达时填写）',
        params: matterParam,
        response: { 200: portalConsentListSchema, ...errorResponses },
      },
    },
    async (req) => {
      await assertMatterInScope(db, req.auth!, req.params.id);
      const rows = await db
        .selectFrom('portal_consent as c')
        .innerJoin('party as p', 'p.id', 'c.party_id')
        .select([
          'c.ref',
          'c.kind',
          'c.given',
          'c.channel',
          'c.text_shown',
          'c.created_at',
          'p.id as party_id',
          'p.name',
        ])
        .where('c.matter_id', '=', req.params.id)
        .orderBy('c.created_at')
        .execute();
      return {
        items: rows.map((r) => ({
          ref: r.ref,
          kind: r.kind,
          given: r.given,
          channel: r.channel,
          text: r.text_shown,
          partyId: r.party_id,
          partyName: r.name,
          at: new Date(r.created_at).toISOString(),
        })),
      };
    },
  );

  app.post(
    '/staff/matters/:id/messages',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary: '给当事人留言（当事人在门户查看）',
        params: matterParam,
        body: staffMessageBody,
        response: { 201: okResponse, ...errorResponses },
      },
    },
    async (req, reply) => {
      await assertMatterInScope(db, req.auth!, req.params.id);
      const mp = await db
        .selectFrom('matter_party')
        .select('party_id')
        .where('matter_id', '=', req.params.id)
        .where('party_id', '=', req.body.partyId)
        .executeTakeFirst();
      if (!mp) throw errors.notFound('当事人');
      const actor = actorOf(req, 'matter.read');
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('portal_message')
          .values({
            matter_id: req.params.id,
            party_id: req.body.partyId,
            direction: 'to_party',
            body: req.body.body,
            staff_user_id: actor.id,
            staff_name: actor.name,
          })
          .execute();
        await appendAudit(trx, actor, {
          action: 'portal.message.send',
          entityType: 'matter',
          entityId: req.params.id,
          summary: '给当事人留言（门户）',
        });
      });
      return reply.status(201).send({ ok: true });
    },
  );

  app.get(
    '/staff/submissions',
    {
      config: { auth: 'authenticated' },
      schema: {
        tags,
        summary: '门户收到的咨询留言（窗口受理员）和匿名举报（监察员）',
        querystring: z.strictObject({ kind: z.enum(['question', 'report']) }),
        response: { 200: portalSubmissionListSchema, ...errorResponses },
      },
    },
    async (req) => {
      const perm = req.query.kind === 'report' ? 'inspection.work' : 'intake.create';
      if (!req.auth!.permissions.has(perm)) throw errors.forbidden();
      const scope = await scopeOf(db, req.auth!, perm);
      const rows = await db
        .selectFrom('portal_submission')
        .select([
          'id',
          'subject',
          'body',
          'employer_name',
          'employer_address',
          'state',
          'created_at',
          'jurisdiction_id',
        ])
        .where('kind', '=', req.query.kind)
        .where((eb) =>
          eb.or([
            eb('jurisdiction_id', 'is', null),
            ...(scope.length ? [eb('jurisdiction_id', 'in', scope)] : []),
          ]),
        )
        .orderBy('created_at', 'desc')
        .limit(200)
        .execute();
      return {
        items: rows.map((r) => ({
          id: r.id,
          subject: r.subject,
          body: r.body,
          employerName: r.employer_name,
          employerAddress: r.employer_address,
          state: r.state,
          createdAt: new Date(r.created_at).toISOString(),
        })),
      };
    },
  );

  app.post(
    '/staff/submissions/:id/reply',
    {
      config: { auth: 'intake.create' },
      schema: {
        tags,
        summary: '回复网上咨询',
        params: matterParam,
        body: messageBody,
        response: { 201: okResponse, ...errorResponses },
      },
    },
    async (req, reply) => {
      const s = await db
        .selectFrom('portal_submission')
        .select(['id', 'kind'])
        .where('id', '=', req.params.id)
        .executeTakeFirst();
      if (s?.kind !== 'question') throw errors.notFound('咨询留言');
      const actor = actorOf(req, 'intake.create');
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('portal_message')
          .values({
            submission_id: s.id,
            direction: 'to_party',
            body: req.body.body,
            staff_user_id: actor.id,
            staff_name: actor.name,
          })
          .execute();
        await trx
          .updateTable('portal_submission')
          .set({ state: 'answered' })
          .where('id', '=', s.id)
          .execute();
        await appendAudit(trx, actor, {
          action: 'portal.question.reply',
          entityType: 'portal_submission',
          entityId: s.id,
          summary: '回复网上咨询',
        });
      });
      return reply.status(201).send({ ok: true });
    },
  );

  app.post(
    '/staff/model-cases',
    {
      config: { auth: 'authenticated' },
      schema: {
        tags,
        summary: '发布典型案例（领导或管理员；文字中不得出现身份证号码、电话号码）',
        body: modelCaseBody,
        response: { 201: z.object({ id: z.string() }), ...errorResponses },
      },
    },
    async (req, reply) => {
      const perms = req.auth!.permissions;
      const perm = perms.has('leader.dashboard')
        ? 'leader.dashboard'
        : perms.has('admin.users')
          ? 'admin.users'
          : null;
      if (!perm) throw errors.forbidden('只有领导或管理员可以发布典型案例');
      const found = findPersonalData(`${req.body.title}\n${req.body.summary}\n${req.body.outcome}`);
      if (found.length) {
        throw new AppError(400, 'MODEL_CASE_PERSONAL_DATA', `案例中含有${found.join('、')}，请脱敏后再发布`, {
          found,
        });
      }
      const actor = actorOf(req, perm);
      const id = await db.transaction().execute(async (trx) => {
        const r = await trx
          .insertInto('model_case')
          .values({ ...req.body, published_by: actor.id, published_by_name: actor.name })
          .returning('id')
          .executeTakeFirstOrThrow();
        await appendAudit(trx, actor, {
          action: 'model_case.publish',
          entityType: 'model_case',
          entityId: r.id,
          summary: `发布典型案例：${req.body.title}`,
        });
        return r.id;
      });
      return reply.status(201).send({ id });
    },
  );
};
