// Over 400 lines on purpose: the route table of the petition procedure (one route per step, each with its schema).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context';
import { STEP_DOCUMENTS, stepWithDocument } from './petitions.documents';
import { actorOf, type AuthContext } from '../../platform/auth';
import { errorResponses, errorSchema, errors } from '../../platform/errors';
import { StaleCase } from '../cases';
import { stateLabel } from '../cases';
import { appendEvent, assertMatterInScope, scopeOf } from '../../platform/scope';
import { loadPetition } from './petitions.presenter';
import {
  acceptBody,
  CATEGORY_LABELS,
  classifyBody,
  decideBody,
  explainBody,
  FORM_LABELS,
  idParam,
  listQuery,
  negotiationBody,
  petitionListSchema,
  petitionResultSchema,
  petitionSchema,
  registerBody,
  resolveBody,
  stepBody,
  stepParams,
  transferBody,
} from './petitions.schema';
import { addRecord, petitionRow } from './petitions.records';
import {
  acceptPetition,
  decidePetition,
  explainPetition,
  registerPetition,
  resolvePetition,
  step,
  stepPayload,
  transferPetition,
} from './petitions.service';

const PERM = 'petition.work' as const;

/** A stale case version becomes 409 with the fresh petition (read after the rollback). */
async function fresh<T>(ctx: AppContext, auth: AuthContext, id: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof StaleCase) throw errors.conflict(await loadPetition(ctx, id, auth));
    throw err;
  }
}

const RESULT = { 200: petitionResultSchema, 422: errorSchema, ...errorResponses };
const NEGOTIATION_RESULTS = { continuing: '继续协商', agreed: '达成一致', failed: '协商不成' } as const;

/** Petitions (信访, 《信访工作条例》): registration, classification, early intervention, 导入 (《信访工作条例》第三十一条), 释明, handling. */
/** The columns of a petition list row (queue and matter page alike). */
const LIST_COLUMNS = [
  'p.id',
  'p.matter_id',
  'm.number as matter_number',
  'c.number',
  'c.state',
  'p.petitioner_name',
  'p.request',
  'p.form',
  'p.created_at',
] as const;

function listItem(r: {
  id: string;
  matter_id: string;
  matter_number: string;
  number: string;
  state: string;
  petitioner_name: string;
  request: string;
  form: keyof typeof FORM_LABELS;
  created_at: Date | string;
}) {
  return {
    id: r.id,
    matterId: r.matter_id,
    matterNumber: r.matter_number,
    caseNumber: r.number,
    state: r.state,
    stateLabel: stateLabel('petition', r.state),
    petitionerName: r.petitioner_name,
    request: r.request,
    formLabel: FORM_LABELS[r.form],
    createdAt: new Date(r.created_at).toISOString(),
  };
}

export const petitionsRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.ctx;
  const { db } = ctx.database;
  const tags = ['信访'];

  app.post(
    '/petitions',
    {
      config: { auth: PERM },
      schema: {
        tags,
        summary:
          '信访登记（来信、来访、来电、网上）：信访人、请求、事实、理由；开立信访案件并开始15日告知期限',
        body: registerBody,
        response: { 201: petitionSchema, 422: errorSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const id = await registerPetition(ctx, req.auth!, actorOf(req, PERM), req.body);
      return reply.status(201).send(await loadPetition(ctx, id, req.auth!));
    },
  );

  app.get(
    '/petitions',
    {
      config: { auth: PERM },
      schema: {
        tags,
        summary: '信访事项列表（本人辖区）',
        querystring: listQuery,
        response: { 200: petitionListSchema, ...errorResponses },
      },
    },
    async (req) => {
      const scope = await scopeOf(db, req.auth!, PERM);
      if (!scope.length) return { items: [] };
      let q = db
        .selectFrom('petition as p')
        .innerJoin('track_case as c', 'c.id', 'p.case_id')
        .innerJoin('matter as m', 'm.id', 'p.matter_id')
        .select(LIST_COLUMNS)
        .where('c.jurisdiction_id', 'in', scope);
      if (req.query.state) q = q.where('c.state', '=', req.query.state);
      if (req.query.open) q = q.where('c.closed', '=', req.query.open !== 'true');
      const rows = await q.orderBy('p.created_at', 'desc').limit(req.query.limit).execute();
      return {
        items: rows.map(listItem),
      };
    },
  );

  app.get(
    '/matters/:id/petitions',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary: '事项的信访记录',
        params: idParam,
        response: { 200: petitionListSchema, ...errorResponses },
      },
    },
    async (req) => {
      await assertMatterInScope(db, req.auth!, req.params.id);
      const rows = await db
        .selectFrom('petition as p')
        .innerJoin('track_case as c', 'c.id', 'p.case_id')
        .innerJoin('matter as m', 'm.id', 'p.matter_id')
        .select(LIST_COLUMNS)
        .where('p.matter_id', '=', req.params.id)
        .orderBy('p.created_at')
        .execute();
      return {
        items: rows.map(listItem),
      };
    },
  );

  app.get(
    '/petitions/:id',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary: '信访事项详情：状态、记录、文书、期限与可执行的操作',
        params: idParam,
        response: { 200: petitionSchema, ...errorResponses },
      },
    },
    async (req) => {
      await petitionRow(ctx, req.auth!, req.params.id);
      return loadPetition(ctx, req.params.id, req.auth!);
    },
  );

  app.post(
    '/petitions/:id/classify',
    {
      config: { auth: PERM },
      schema: {
        tags,
        summary: '分类：建议意见类、检举控告类、申诉求决类（《信访工作条例》第二十九条至第三十一条）',
        params: idParam,
        body: classifyBody,
        response: RESULT,
      },
    },
    async (req) => {
      const auth = req.auth!;
      const actor = actorOf(req, PERM);
      const p = await petitionRow(ctx, auth, req.params.id);
      if (p.state !== 'registered') throw errors.validation(null, '只有已登记的信访事项可以分类');
      await fresh(ctx, auth, p.id, async () => {
        if (req.body.category === 'suggestion')
          await step(ctx, auth, actor, p, 'classify_as_suggestion', { version: req.body.version });
      });
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('petition')
          .set((eb) => ({
            category: req.body.category,
            version: eb('version', '+', 1),
            updated_at: new Date(),
          }))
          .where('id', '=', p.id)
          .execute();
        await appendEvent(
          trx,
          actor,
          p.matter_id,
          'petition_classified',
          `信访事项分类：${CATEGORY_LABELS[req.body.category]}`,
          { petitionId: p.id },
        );
      });
      return { petition: await loadPetition(ctx, p.id, auth) };
    },
  );

  app.post(
    '/petitions/:id/negotiations',
    {
      config: { auth: PERM },
      schema: {
        tags,
        summary: '前期介入：与用人单位协商调处的记录',
        params: idParam,
        body: negotiationBody,
        response: { 201: petitionResultSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const p = await petitionRow(ctx, req.auth!, req.params.id);
      if (p.state !== 'registered' && p.state !== 'accepted')
        throw errors.validation(null, '该信访事项已办结，不能再记录协商');
      const b = req.body;
      const content = b.employerAttendee ? `用人单位参加人：${b.employerAttendee}。${b.content}` : b.content;
      await addRecord(
        ctx,
        actorOf(req, PERM),
        p,
        { kind: 'negotiation', occurredOn: b.occurredOn, content, result: NEGOTIATION_RESULTS[b.result] },
        `前期介入协商调处（${NEGOTIATION_RESULTS[b.result]}）：${Array.from(b.content).slice(0, 40).join('')}`,
      );
      return reply.status(201).send({ petition: await loadPetition(ctx, p.id, req.auth!) });
    },
  );

  app.post(
    '/petitions/:id/resolve',
    {
      config: { auth: PERM },
      schema: {
        tags,
        summary: '协商调处达成和解：记录和解协议，信访事项办结（《信访工作条例》第三十三条）',
        params: idParam,
        body: resolveBody,
        response: RESULT,
      },
    },
    async (req) => {
      const p = await petitionRow(ctx, req.auth!, req.params.id);
      await fresh(ctx, req.auth!, p.id, () =>
        resolvePetition(ctx, req.auth!, actorOf(req, PERM), p, req.body),
      );
      return { petition: await loadPetition(ctx, p.id, req.auth!) };
    },
  );

  app.post(
    '/petitions/:id/transfer',
    {
      config: { auth: PERM },
      schema: {
        tags,
        summary: '调处不成，导入劳动保障监察或劳动仲裁：生成转办单，转办出现在双方时间线',
        params: idParam,
        body: transferBody,
        response: RESULT,
      },
    },
    async (req) => {
      const p = await petitionRow(ctx, req.auth!, req.params.id);
      const document = await fresh(ctx, req.auth!, p.id, () =>
        transferPetition(ctx, req.auth!, actorOf(req, PERM), p, req.body),
      );
      return { petition: await loadPetition(ctx, p.id, req.auth!), document: document ?? null };
    },
  );

  app.post(
    '/petitions/:id/explain',
    {
      config: { auth: PERM },
      schema: {
        tags,
        summary:
          '对不服监察、仲裁结论者释法明理，告知诉权并引导司法途径，签发释明告知书（《信访工作条例》第二十二条第二款）',
        params: idParam,
        body: explainBody,
        response: RESULT,
      },
    },
    async (req) => {
      const p = await petitionRow(ctx, req.auth!, req.params.id);
      const document = await fresh(ctx, req.auth!, p.id, () =>
        explainPetition(ctx, req.auth!, actorOf(req, PERM), p, req.body),
      );
      return { petition: await loadPetition(ctx, p.id, req.auth!), document };
    },
  );

  app.post(
    '/petitions/:id/accept',
    {
      config: { auth: PERM },
      schema: {
        tags,
        summary: '受理（申诉求决类其他事项）：签发受理告知书，开始60日办理期限（T-P4）',
        params: idParam,
        body: acceptBody,
        response: RESULT,
      },
    },
    async (req) => {
      const p = await petitionRow(ctx, req.auth!, req.params.id);
      const document = await fresh(ctx, req.auth!, p.id, () =>
        acceptPetition(ctx, req.auth!, actorOf(req, PERM), p, req.body.version),
      );
      return { petition: await loadPetition(ctx, p.id, req.auth!), document };
    },
  );

  app.post(
    '/petitions/:id/decide',
    {
      config: { auth: PERM },
      schema: {
        tags,
        summary: '出具信访处理意见书；开始30日复查申请期限（T-P5）',
        params: idParam,
        body: decideBody,
        response: RESULT,
      },
    },
    async (req) => {
      const p = await petitionRow(ctx, req.auth!, req.params.id);
      const document = await fresh(ctx, req.auth!, p.id, () =>
        decidePetition(ctx, req.auth!, actorOf(req, PERM), p, req.body),
      );
      return { petition: await loadPetition(ctx, p.id, req.auth!), document };
    },
  );

  app.post(
    '/petitions/:id/steps/:event',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary:
          '其他办理步骤：答复、转送检举控告、延期（领导）、复查、复核（须在收到答复之日起30日内）、办结、报告重大紧急事项',
        params: stepParams,
        body: stepBody,
        response: RESULT,
      },
    },
    async (req) => {
      const auth = req.auth!;
      const actor = actorOf(req, auth.permissions.has(PERM) ? PERM : 'matter.read');
      const p = await petitionRow(ctx, auth, req.params.id);
      const { event } = req.params;
      const payload = await stepPayload(ctx, p, event, req.body, actor);
      const reason = event === 'extend' ? (req.body.extensionReason ?? req.body.reason) : req.body.reason;
      const document = await fresh(ctx, auth, p.id, async () =>
        event in STEP_DOCUMENTS
          ? stepWithDocument(
              ctx,
              auth,
              actor,
              p,
              event,
              { version: req.body.version, reason, payload },
              req.body,
            )
          : void (await step(ctx, auth, actor, p, event, { version: req.body.version, reason, payload })),
      );
      return { petition: await loadPetition(ctx, p.id, auth), document: document ?? null };
    },
  );
};
