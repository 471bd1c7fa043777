// Over 400 lines on purpose: the route table of statistics (tables, analysis, exports, publication) with their schemas.
import { STAT_TABLES } from '@onestop/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth';
import { businessToday } from '../../platform/time';
import { errorResponses } from '../../platform/errors';
import { isoDate } from '../../platform/schema-types';
import { analysis } from './statistics.analysis';
import { refreshStatFacts } from './statistics.facts';
import { publicFigures, publishableRows, readPublication, writePublication } from './statistics.publication';
import { tableWorkbook } from './statistics.excel';
import { tablePdf } from './statistics.pdf';
import { drillCsv, drillDown, tableFor } from './statistics.service';
import { fileResponse, MEDIA } from '../../platform/openapi-content';

const tags = ['统计报表'];

/** How often the job runner brings the statistical facts up to date. */
const STAT_REFRESH_EVERY_MS = 5 * 60_000;

const periodQuery = {
  kind: z.enum(['month', 'quarter', 'year', 'custom'], {
    message: '统计期类型只能是 month、quarter、year 或 custom',
  }),
  year: z.coerce.number({ message: '统计年份须为数字' }).int('统计年份须为整数').optional(),
  quarter: z.coerce.number({ message: '季度须为数字' }).int('季度须为整数').optional(),
  month: z.coerce.number({ message: '月份须为数字' }).int('月份须为整数').optional(),
  from: isoDate().optional(),
  to: isoDate().optional(),
  jurisdictionId: z.uuid('辖区编号格式不正确').optional(),
};
const tableQuery = z.strictObject(periodQuery);
const exportQuery = z.strictObject({
  ...periodQuery,
  filledBy: z.string().trim().min(1, '请填写填表人').max(50, '填表人不超过50个字').optional(),
});
const drillQuery = z.strictObject({
  ...periodQuery,
  column: z.string().min(1, '请指定栏目').max(64, '栏目编号过长'),
});
const codeParam = z.strictObject({ code: z.string().min(1).max(40, '报表编号过长') });
const cellParam = z.strictObject({
  code: z.string().min(1).max(40, '报表编号过长'),
  row: z.string().min(1).max(10, '指标代码过长'),
});

const cellSchema = z.object({ value: z.number().nullable(), text: z.string(), drillable: z.boolean() });
const tableSchema = z.object({
  code: z.string(),
  title: z.string(),
  formNumber: z.string(),
  basis: z.string(),
  periodLabel: z.string(),
  reportingUnit: z.string(),
  period: z.object({ from: z.string(), to: z.string() }),
  columns: z.array(z.object({ key: z.string(), label: z.string() })),
  rows: z.array(
    z.object({
      code: z.string(),
      label: z.string(),
      indent: z.number().int(),
      unit: z.string(),
      rule: z.string(),
      unavailable: z.string().nullable().describe('无数据来源的原因；此时单元格显示“无数据来源”，不填0'),
      cells: z.array(cellSchema),
    }),
  ),
  warnings: z.array(
    z.object({
      check: z.string(),
      label: z.string(),
      column: z.string(),
      left: z.number(),
      right: z.number(),
      message: z.string(),
    }),
  ),
});
const drillSchema = z.object({
  row: z.object({ code: z.string(), label: z.string(), unit: z.string() }),
  column: z.string(),
  items: z.array(
    z.object({
      caseId: z.string(),
      caseNumber: z.string(),
      matterId: z.string(),
      matterNumber: z.string(),
      isMatter: z.boolean().describe('false：调解组织台账案件（没有维权事项页）'),
      jurisdiction: z.string(),
      registeredOn: z.string(),
      acceptedOn: z.string().nullable(),
      closedOn: z.string().nullable(),
      value: z.number(),
    }),
  ),
});
const count = z.number().int();
const analysisSchema = z.object({
  periodLabel: z.string(),
  trend: z.array(z.object({ month: z.string(), received: count, accepted: count, closed: count })),
  channels: z.array(z.object({ channel: z.string(), label: z.string(), count })),
  causes: z.array(z.object({ cause: z.string(), label: z.string(), count })),
  settlement: z.object({
    disposed: count,
    settled: count,
    share: z.number().nullable().describe('调解优先：未经裁决即解决的事项占本期处理完毕事项的百分比'),
  }),
  timeToClose: z.array(
    z.object({
      track: z.string(),
      label: z.string(),
      closed: count,
      medianDays: z.number().nullable(),
      maxDays: z.number().nullable(),
      bands: z.array(z.object({ label: z.string(), count })).describe('办结用时分布（自然日分段）'),
    }),
  ),
  overdueByUnit: z.array(z.object({ unit: z.string(), count })),
  satisfaction: z.object({
    ratings: count,
    average: z.number().nullable().describe('平均分（1—5分）'),
    satisfiedShare: z.number().nullable().describe('满意率：4分、5分占全部评价的百分比'),
    byScore: z.array(z.object({ score: z.number().int(), count })),
  }),
  workload: z.array(
    z.object({
      name: z.string(),
      posts: z.array(z.string()).describe('岗位'),
      open: count.describe('当前在办案件'),
      closedInPeriod: count.describe('本期结案'),
    }),
  ),
  topEmployers: z.array(
    z.object({
      employer: z.string(),
      matters: count,
      claimedFen: z.number().int().describe('请求金额（分）'),
    }),
  ),
});

function contentDisposition(name: string, ext: 'xlsx' | 'csv' | 'pdf'): string {
  const safe = name.replace(/[\\/:*?"<>|\s]+/g, '_');
  return `attachment; filename="statistics.${ext}"; filename*=UTF-8''${encodeURIComponent(`${safe}.${ext}`)}`;
}

/**
 * Statistics (统计报表): the statutory tables computed from the master record for any period and the
 * jurisdictions the user may see, each number's matters, the Excel form, and the leaders' analysis.
 */
export const statisticsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.ctx.database;
  const config = app.ctx.config;
  // Keeps the stored facts current between requests (each read also refreshes what is left).
  app.ctx.jobs.every('statistics.refresh', STAT_REFRESH_EVERY_MS, async () => {
    await refreshStatFacts(db, config.tzOffsetMinutes);
  });

  app.get(
    '/statistics/tables',
    {
      config: { auth: 'statistics.view' },
      schema: {
        tags,
        summary: '统计报表目录：各表的指标、计量单位、统计口径与依据（无数据来源的指标写明原因）',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                code: z.string(),
                title: z.string(),
                formNumber: z.string(),
                basis: z.string(),
                rows: z.array(
                  z.object({
                    code: z.string(),
                    label: z.string(),
                    unit: z.string(),
                    rule: z.string(),
                    unavailable: z.string().nullable(),
                  }),
                ),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async () => ({
      items: STAT_TABLES.map((t) => ({
        code: t.code,
        title: t.title,
        formNumber: t.formNumber,
        basis: t.basis,
        rows: t.rows.map((r) => ({
          code: r.code,
          label: r.label,
          unit: r.unit,
          rule: r.kind === 'unavailable' ? '' : r.rule,
          unavailable: r.kind === 'unavailable' ? r.reason : null,
        })),
      })),
    }),
  );

  app.get(
    '/statistics/tables/:code',
    {
      config: { auth: 'statistics.view' },
      schema: {
        tags,
        summary: '按统计期与辖区计算一张统计报表（合计、市本级、各县市区），附表内校核提示',
        params: codeParam,
        querystring: tableQuery,
        response: { 200: tableSchema, ...errorResponses },
      },
    },
    async (req) => (await tableFor(db, config, req.auth!, req.params.code, req.query)).answer,
  );

  app.get(
    '/statistics/tables/:code/cells/:row',
    {
      config: { auth: 'statistics.view' },
      schema: {
        tags,
        summary: '一个统计数字背后的案件与事项清单（钻取）',
        params: cellParam,
        querystring: drillQuery,
        response: { 200: drillSchema, ...errorResponses },
      },
    },
    async (req) =>
      drillDown(db, config, req.auth!, req.params.code, req.params.row, req.query.column, req.query),
  );

  app.get(
    '/statistics/tables/:code/cells/:row/csv',
    {
      config: { auth: 'statistics.view' },
      schema: {
        tags,
        summary: '钻取清单导出 CSV（UTF-8）',
        params: cellParam,
        querystring: drillQuery,
        response: { 200: z.string().describe('text/csv'), ...errorResponses },
      },
    },
    async (req, reply) => {
      const d = await drillDown(
        db,
        config,
        req.auth!,
        req.params.code,
        req.params.row,
        req.query.column,
        req.query,
      );
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', contentDisposition(`${d.row.label}_${d.column}`, 'csv'))
        .header('cache-control', 'private, no-store')
        .send(drillCsv(d));
    },
  );

  app.get(
    '/statistics/tables/:code/xlsx',
    {
      config: { auth: 'statistics.view' },
      schema: {
        tags,
        summary: '按报表格式导出 Excel（合并表头、填报单位、统计期、计量单位、填表人与报出日期）',
        params: codeParam,
        querystring: exportQuery,
        response: {
          200: fileResponse('报表 Excel', MEDIA.xlsx),
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      const { answer } = await tableFor(db, config, req.auth!, req.params.code, req.query);
      const filledBy = req.query.filledBy ?? req.auth!.displayName;
      const buf = await tableWorkbook(answer, filledBy, businessToday(config));
      return reply
        .type(MEDIA.xlsx)
        .header('content-disposition', contentDisposition(`${answer.title}_${answer.periodLabel}`, 'xlsx'))
        .header('cache-control', 'private, no-store')
        .send(buf);
    },
  );

  app.get(
    '/statistics/tables/:code/pdf',
    {
      config: { auth: 'statistics.view' },
      schema: {
        tags,
        summary: '报表打印（PDF，A4横向，表头逐页重复）',
        params: codeParam,
        querystring: exportQuery,
        response: { 200: fileResponse('报表 PDF', MEDIA.pdf), ...errorResponses },
      },
    },
    async (req, reply) => {
      const { answer } = await tableFor(db, config, req.auth!, req.params.code, req.query);
      const filledBy = req.query.filledBy ?? req.auth!.displayName;
      const buf = await tablePdf(answer, filledBy, businessToday(config));
      return reply
        .type('application/pdf')
        .header('content-disposition', contentDisposition(`${answer.title}_${answer.periodLabel}`, 'pdf'))
        .header('cache-control', 'private, no-store')
        .send(buf);
    },
  );

  app.get(
    '/statistics/analysis',
    {
      config: { auth: 'statistics.view' },
      schema: {
        tags,
        summary: '领导分析：按月趋势、受理渠道、争议类型、调解优先占比、各业务线办结用时、各单位逾期期限',
        querystring: tableQuery,
        response: { 200: analysisSchema, ...errorResponses },
      },
    },
    async (req) => {
      const t = await tableFor(db, config, req.auth!, 'arbitration', req.query, true);
      const scope = [...new Set(t.columns.flatMap((c) => c.jurisdictionIds))];
      return {
        periodLabel: t.period.label,
        ...(await analysis(db, scope, t.facts, t.period, businessToday(config), config.tzOffsetMinutes)),
      };
    },
  );

  const publicationRow = z.object({ table: z.string().max(40), row: z.string().max(8) });
  const publicationSchema = z.object({
    enabled: z.boolean().describe('是否在门户公开'),
    rows: z.array(publicationRow).describe('公开的指标（报表代码与行代码）'),
    version: z.number().int(),
    candidates: z.array(
      z.object({
        table: z.string(),
        tableTitle: z.string(),
        row: z.string(),
        label: z.string(),
        unit: z.string(),
      }),
    ),
  });
  const publicationOut = async () => ({ ...(await readPublication(db)), candidates: publishableRows() });

  app.get(
    '/statistics/publication',
    {
      config: { auth: 'statistics.view' },
      schema: {
        tags,
        summary: '门户公开的统计数据：开关与指标',
        response: { 200: publicationSchema, ...errorResponses },
      },
    },
    publicationOut,
  );

  app.put(
    '/statistics/publication',
    {
      config: { auth: 'statistics.view' },
      schema: {
        tags,
        summary: '设置门户公开的统计数据（乐观锁：version）',
        body: z.object({
          enabled: z.boolean({ message: '请选择是否公开' }),
          rows: z.array(publicationRow).max(40, { message: '公开指标最多40项' }),
          version: z.number({ message: '缺少版本号，请刷新后重试' }).int(),
        }),
        response: { 200: publicationSchema, ...errorResponses },
      },
    },
    async (req) => {
      await db
        .transaction()
        .execute((trx) =>
          writePublication(
            trx,
            actorOf(req, 'statistics.view'),
            { enabled: req.body.enabled, rows: req.body.rows },
            req.body.version,
          ),
        );
      return publicationOut();
    },
  );

  app.get(
    '/public/statistics',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['当事人门户（公开）'],
        summary: '公开的统计数据（上一完整季度、全市合计；少于5的数字显示为“<5”）',
        response: {
          200: z.object({
            published: z.boolean(),
            periodLabel: z.string().nullable(),
            items: z.array(
              z.object({ table: z.string(), label: z.string(), unit: z.string(), text: z.string() }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (_req, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return publicFigures(db, config.tzOffsetMinutes, businessToday(config));
    },
  );
};
