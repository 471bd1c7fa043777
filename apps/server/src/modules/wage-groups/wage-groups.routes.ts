import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/auth';
import { businessToday } from '../../platform/time';
import { appendAudit } from '../../platform/audit';
import { errorResponses, errorSchema } from '../../platform/errors';
import { assertMatterInScope, scopeOf } from '../../platform/scope';
import { ledgerWorkbook, readLedgerSheet, templateWorkbook } from './wage-groups.excel';
import {
  createBody,
  idParam,
  importBody,
  importResultSchema,
  lineParam,
  paymentBody,
  piiSchema,
  wageGroupListSchema,
  wageGroupSchema,
} from './wage-groups.schema';
import {
  createGroup,
  importRows,
  linePii,
  listGroups,
  loadGroup,
  presentGroup,
  recordPayment,
  WRITE_PERMISSIONS,
  writableGroup,
} from './wage-groups.service';
import { fileResponse, MEDIA } from '../../platform/openapi-content';

const tags = ['群体欠薪台账'];
const R = { ...errorResponses, 422: errorSchema };

function attachment(name: string): string {
  const safe = name.replace(/[\\/:*?"<>|\s]+/g, '_');
  return `attachment; filename="ledger.xlsx"; filename*=UTF-8''${encodeURIComponent(`${safe}.xlsx`)}`;
}

/**
 * Group wage arrears (issue #21 point 3): a group matter's per-worker ledger — import from Excel
 * (all rows or, on explicit choice, the good rows only), payments by employer, general contractor,
 * wage deposit or emergency fund, export, and the unmasked view of one worker (pii.view, audited).
 */
export const wageGroupsRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.ctx;
  const { db } = ctx.database;

  app.get(
    '/wage-groups',
    {
      config: { auth: 'matter.read' },
      schema: { tags, summary: '群体欠薪台账列表（本人辖区）', response: { 200: wageGroupListSchema, ...R } },
    },
    async (req) => ({ items: await listGroups(db, await scopeOf(db, req.auth!, 'matter.read')) }),
  );

  app.get(
    '/wage-groups/template.xlsx',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary: '下载欠薪台账导入模板',
        response: { 200: fileResponse('Excel 工作簿', MEDIA.xlsx), ...R },
      },
    },
    async (_req, reply) =>
      reply
        .type(MEDIA.xlsx)
        .header('content-disposition', attachment('欠薪台账导入模板'))
        .send(await templateWorkbook()),
  );

  app.post(
    '/wage-groups',
    {
      config: { auth: [...WRITE_PERMISSIONS] },
      schema: {
        tags,
        summary: '为维权事项建立群体欠薪台账（标记为集体事项）',
        body: createBody,
        response: { 201: wageGroupSchema, ...R },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const id = await db.transaction().execute((trx) => createGroup(trx, req.auth!, actor, req.body));
      reply.status(201);
      return presentGroup(db, ctx, await loadGroup(db, req.auth!, id));
    },
  );

  app.get(
    '/wage-groups/:id',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary: '群体欠薪台账：合计与每名工人的情况（身份证号、电话已遮蔽）',
        params: idParam,
        response: { 200: wageGroupSchema, ...R },
      },
    },
    async (req) => presentGroup(db, ctx, await loadGroup(db, req.auth!, req.params.id)),
  );

  app.get(
    '/matters/:id/wage-group',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary: '维权事项的群体欠薪台账',
        params: idParam,
        response: { 200: wageGroupSchema.nullable(), ...R },
      },
    },
    async (req) => {
      const g = await db
        .selectFrom('wage_group')
        .select('id')
        .where('matter_id', '=', req.params.id)
        .executeTakeFirst();
      if (!g) {
        // The matter itself must be visible: otherwise 404 as for any matter route.
        await assertMatterInScope(db, req.auth!, req.params.id);
        return null;
      }
      return presentGroup(db, ctx, await loadGroup(db, req.auth!, g.id));
    },
  );

  app.post(
    '/wage-groups/:id/import',
    {
      config: { auth: [...WRITE_PERMISSIONS] },
      schema: {
        tags,
        summary: '从 Excel 导入欠薪台账：逐行校验，有错误时不导入任何一行（或明确选择只导入无误的行）',
        params: idParam,
        body: importBody,
        response: { 200: importResultSchema, ...R },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const raw = await readLedgerSheet(Buffer.from(req.body.file, 'base64'));
      const today = businessToday(ctx.config);
      const r = await db.transaction().execute(async (trx) => {
        const { group } = await writableGroup(trx, req.auth!, req.params.id);
        return importRows(trx, ctx, actor, group, raw, req.body.goodRowsOnly ?? false, today);
      });
      return { ...r, group: await presentGroup(db, ctx, await loadGroup(db, req.auth!, req.params.id)) };
    },
  );

  app.post(
    '/wage-groups/:id/lines/:lineId/payments',
    {
      config: { auth: [...WRITE_PERMISSIONS] },
      schema: {
        tags,
        summary: '记录工资支付（用人单位、总包代发、工资保证金或应急周转金），可部分支付',
        params: lineParam,
        body: paymentBody,
        response: { 201: wageGroupSchema, ...R },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const today = businessToday(ctx.config);
      await db.transaction().execute(async (trx) => {
        const { group } = await writableGroup(trx, req.auth!, req.params.id);
        await recordPayment(trx, actor, group, req.params.lineId, req.body, today);
      });
      reply.status(201);
      return presentGroup(db, ctx, await loadGroup(db, req.auth!, req.params.id));
    },
  );

  app.get(
    '/wage-groups/:id/lines/:lineId/pii',
    {
      config: { auth: 'pii.view' },
      schema: {
        tags,
        summary: '查看工人完整身份证号码和电话（记录审计）',
        params: lineParam,
        response: { 200: piiSchema, ...R },
      },
    },
    async (req) => {
      const group = await loadGroup(db, req.auth!, req.params.id);
      const pii = await linePii(db, ctx, group, req.params.lineId);
      await db.transaction().execute((trx) =>
        appendAudit(trx, actorOf(req, 'pii.view'), {
          action: 'wage_line.pii.view',
          entityType: 'wage_line',
          entityId: req.params.lineId,
          summary: `查看群体欠薪台账工人${pii.name}的完整个人信息`,
        }),
      );
      return pii;
    },
  );

  app.get(
    '/wage-groups/:id/ledger.xlsx',
    {
      config: { auth: 'matter.read' },
      schema: {
        tags,
        summary: '导出欠薪台账 Excel（身份证号遮蔽，记录审计）',
        params: idParam,
        response: { 200: fileResponse('Excel 工作簿', MEDIA.xlsx), ...R },
      },
    },
    async (req, reply) => {
      const group = await loadGroup(db, req.auth!, req.params.id);
      const view = await presentGroup(db, ctx, group);
      await db.transaction().execute((trx) =>
        appendAudit(trx, actorOf(req), {
          action: 'wage_group.export',
          entityType: 'wage_group',
          entityId: group.id,
          summary: `导出群体欠薪台账“${group.name}”（${view.lines.length}行）`,
        }),
      );
      const buf = await ledgerWorkbook(
        group.name,
        view.lines.map((l) => ({ ...l, idMasked: l.idNumberMasked })),
        view.totals,
        businessToday(ctx.config),
      );
      return reply
        .type(MEDIA.xlsx)
        .header('content-disposition', attachment(`${group.name}欠薪台账`))
        .header('cache-control', 'private, no-store')
        .send(buf);
    },
  );
};
