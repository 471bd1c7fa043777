import { getClocksService } from './clocks.module';
import {
  DAY_TYPE_LABELS,
  DAY_TYPES,
  type DayType,
  type HolidayNotice,
  isValidIsoDate,
  isWeekend,
  validateNotice,
  weekdayName,
} from '@onestop/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { appendAudit } from '../../platform/audit';
import { actorOf } from '../../platform/auth';
import { AppError, errorResponses, errorSchema, errors } from '../../platform/errors';
import { bumpCalendarRevision, type CalendarService, NATIONAL, writeNoticeDays } from './calendar.service';
import { isoDate } from './clocks.schema';

const entry = z.object({ date: z.string().max(20), name: z.string().trim().max(40) });
const noticeBody = z.strictObject({
  source: z.string().trim().min(1, '请填写通知来源（文件名称及发布日期）').max(200),
  holidays: z.array(entry).max(120),
  makeupWorkdays: z.array(entry).max(30),
  /** The version being replaced (optimistic lock); absent when entering a new year. */
  version: z.number().int().optional(),
});
const yearParam = z.object({ year: z.coerce.number().int().min(1949, '年度无效').max(9999, '年度无效') });
const overrideBody = z.strictObject({
  region: z.string().regex(/^\d{6}$/, '地区应为6位行政区划代码'),
  date: isoDate,
  type: z.enum(DAY_TYPES as [DayType, ...DayType[]]),
  name: z.string().trim().max(40).nullable().optional(),
});
const noticeEntry = z.object({ date: z.string(), name: z.string() });
const yearSummary = z.object({
  year: z.number(),
  source: z.string().describe('通知来源（文件名称及发布日期）'),
  holidays: z.number().describe('放假日数'),
  makeupWorkdays: z.number().describe('调休上班日数'),
  overrides: z.number().describe('地方调整日数'),
  version: z.number(),
  enteredBy: z.string(),
  enteredAt: z.string(),
});
const dayRow = z.object({
  date: z.string(),
  type: z.enum(DAY_TYPES as [DayType, ...DayType[]]),
  typeLabel: z.string(),
  name: z.string().nullable(),
});
const responses = { ...errorResponses, 422: errorSchema };

/** Admin: the working-day calendar (annual State Council notices and regional overrides). */
export function calendarAdminRoutes(calendars: CalendarService): FastifyPluginAsyncZod {
  return async (app) => {
    const { db } = app.ctx.database;
    const tags = ['系统管理：工作日历'];
    const auth = 'admin.calendar' as const;

    app.get(
      '/years',
      {
        config: { auth },
        schema: {
          tags,
          summary: '已录入的年度放假安排',
          response: { 200: z.object({ items: z.array(yearSummary) }), ...responses },
        },
      },
      async () => {
        const rows = await db
          .selectFrom('calendar_notice')
          .selectAll()
          .where('region', '=', NATIONAL)
          .orderBy('year')
          .execute();
        const overrides = await sql<{ year: number; n: number }>`
          SELECT extract(year FROM date)::int AS year, count(*)::int AS n FROM calendar_day
           WHERE region <> ${NATIONAL} GROUP BY 1`.execute(db);
        const byYear = new Map(overrides.rows.map((r) => [r.year, r.n]));
        return {
          items: rows.map((r) => ({
            year: r.year,
            source: r.source,
            holidays: (r.holidays as unknown[]).length,
            makeupWorkdays: (r.makeup_workdays as unknown[]).length,
            overrides: byYear.get(r.year) ?? 0,
            version: r.version,
            enteredBy: r.entered_by,
            enteredAt: new Date(r.entered_at).toISOString(),
          })),
        };
      },
    );

    app.get(
      '/years/:year',
      {
        config: { auth },
        schema: {
          tags,
          summary: '某年度的放假安排与逐日日历（可按地区叠加地方调整）',
          params: yearParam,
          querystring: z.object({ region: z.string().max(20).optional() }),
          response: {
            200: z.object({
              notice: z.object({
                year: z.number(),
                source: z.string(),
                holidays: z.array(noticeEntry),
                makeupWorkdays: z.array(noticeEntry),
                version: z.number(),
              }),
              calendarVersion: z.string(),
              days: z.array(dayRow),
            }),
            ...responses,
          },
        },
      },
      async (req) => {
        const { year } = req.params;
        const notice = await db
          .selectFrom('calendar_notice')
          .selectAll()
          .where('region', '=', NATIONAL)
          .where('year', '=', year)
          .executeTakeFirst();
        if (!notice)
          throw new AppError(
            422,
            'CALENDAR_UNKNOWN',
            `缺少${year}年的工作日历，请管理员先录入该年度放假安排`,
            { year },
          );
        const snap = await calendars.snapshot(db);
        const cal = snap.forRegion(req.query.region ?? NATIONAL);
        return {
          notice: {
            year,
            source: notice.source,
            // jsonb written by PUT /years/:year from noticeBody (validated by validateNotice).
            holidays: notice.holidays as z.infer<typeof noticeEntry>[],
            makeupWorkdays: notice.makeup_workdays as z.infer<typeof noticeEntry>[],
            version: notice.version,
          },
          calendarVersion: cal.version,
          days: cal
            .range(`${year}-01-01`, `${year}-12-31`)
            .map((d) => ({ ...d, typeLabel: DAY_TYPE_LABELS[d.type] })),
        };
      },
    );

    app.put(
      '/years/:year',
      {
        config: { auth },
        schema: {
          tags,
          summary: '录入或替换某年度放假安排（国务院办公厅通知），展开为逐日日历',
          params: yearParam,
          body: noticeBody,
          response: {
            200: z.object({ year: z.number(), days: z.number(), version: z.number() }),
            ...responses,
          },
        },
      },
      async (req) => {
        const { year } = req.params;
        const b = req.body;
        const notice: HolidayNotice = {
          year,
          source: b.source,
          holidays: b.holidays,
          makeupWorkdays: b.makeupWorkdays,
        };
        const problems = validateNotice(notice);
        if (problems.length) {
          throw new AppError(400, 'CALENDAR_NOTICE_INVALID', problems[0]!, { errors: problems });
        }
        const actor = actorOf(req, auth);
        const result = await db.transaction().execute(async (trx) => {
          const before = await trx
            .selectFrom('calendar_notice')
            .selectAll()
            .where('region', '=', NATIONAL)
            .where('year', '=', year)
            .forUpdate()
            .executeTakeFirst();
          if (before && b.version !== undefined && b.version !== before.version) {
            throw errors.conflict(
              { year, version: before.version },
              `${year}年放假安排已被他人修改，请刷新后重试`,
            );
          }
          if (before && b.version === undefined) {
            throw new AppError(
              409,
              'CALENDAR_YEAR_EXISTS',
              `${year}年放假安排已存在；替换时请提交当前版本号`,
              { version: before.version },
            );
          }
          const version = (before?.version ?? 0) + 1;
          const values = {
            source: b.source,
            holidays: JSON.stringify(b.holidays),
            makeup_workdays: JSON.stringify(b.makeupWorkdays),
            version,
            entered_by: actor.name,
            entered_at: new Date(),
          };
          await trx
            .insertInto('calendar_notice')
            .values({ region: NATIONAL, year, ...values })
            .onConflict((oc) => oc.columns(['region', 'year']).doUpdateSet(values))
            .execute();
          const days = await writeNoticeDays(trx, notice);
          await bumpCalendarRevision(trx);
          await appendAudit(trx, actor, {
            action: before ? 'calendar.notice.replace' : 'calendar.notice.create',
            entityType: 'calendar_notice',
            entityId: String(year),
            summary: `${before ? '替换' : '录入'}${year}年放假安排：${b.source}（放假${b.holidays.length}天，调休上班${b.makeupWorkdays.length}天）`,
            before: before
              ? { source: before.source, holidays: before.holidays, makeupWorkdays: before.makeup_workdays }
              : undefined,
            after: { source: b.source, holidays: b.holidays, makeupWorkdays: b.makeupWorkdays },
          });
          return { year, days, version };
        });
        calendars.invalidate();
        // Clocks that ran on a provisional date waiting for this year are recomputed now; when an entered
        // year is replaced (a correction), every open clock whose period touches it is recomputed too.
        await db.transaction().execute(async (trx) => {
          const clocks = getClocksService(app.ctx);
          await clocks.recomputePending(trx, year, actor);
          if (result.version > 1) await clocks.recomputeAffected(trx, year, actor);
        });
        return result;
      },
    );

    const overrideSchema = z.object({
      region: z.string(),
      regionName: z.string().nullable(),
      date: z.string(),
      type: z.enum(DAY_TYPES as [DayType, ...DayType[]]),
      typeLabel: z.string(),
      name: z.string().nullable(),
    });

    app.get(
      '/overrides',
      {
        config: { auth },
        schema: {
          tags,
          summary: '地方调整（如少数民族节日）',
          querystring: z.object({ region: z.string().max(20).optional() }),
          response: { 200: z.object({ items: z.array(overrideSchema) }), ...responses },
        },
      },
      async (req) => {
        let q = db
          .selectFrom('calendar_day as d')
          .leftJoin('jurisdiction as j', 'j.code', 'd.region')
          .select(['d.region', 'j.name as region_name', 'd.date', 'd.day_type', 'd.name'])
          .where('d.region', '<>', NATIONAL);
        if (req.query.region) q = q.where('d.region', '=', req.query.region);
        const rows = await q.orderBy('d.date').orderBy('d.region').execute();
        return {
          items: rows.map((r) => ({
            region: r.region,
            regionName: r.region_name,
            date: r.date,
            type: r.day_type,
            typeLabel: DAY_TYPE_LABELS[r.day_type],
            name: r.name,
          })),
        };
      },
    );

    app.put(
      '/overrides',
      {
        config: { auth },
        schema: {
          tags,
          summary: '新增或修改一天的地方调整',
          body: overrideBody,
          response: { 200: overrideSchema, ...responses },
        },
      },
      async (req) => {
        const b = req.body;
        if (!isValidIsoDate(b.date)) throw new AppError(400, 'DATE_INVALID', `日期“${b.date}”不是有效日期`);
        const weekend = isWeekend(b.date);
        if ((b.type === 'weekend' || b.type === 'makeup_workday') && !weekend) {
          throw new AppError(
            400,
            'CALENDAR_DATA_INVALID',
            `${b.date} 是${weekdayName(b.date)}，不能标为${DAY_TYPE_LABELS[b.type]}`,
          );
        }
        if (b.type === 'workday' && weekend) {
          throw new AppError(
            400,
            'CALENDAR_DATA_INVALID',
            `${b.date} 是${weekdayName(b.date)}，上班应标为调休上班日`,
          );
        }
        const j = await db
          .selectFrom('jurisdiction')
          .select(['code', 'name'])
          .where('code', '=', b.region)
          .executeTakeFirst();
        if (!j) throw new AppError(400, 'JURISDICTION_NOT_FOUND', `地区代码 ${b.region} 不存在`);
        const year = Number(b.date.slice(0, 4));
        const known = await db
          .selectFrom('calendar_notice')
          .select('year')
          .where('region', '=', NATIONAL)
          .where('year', '=', year)
          .executeTakeFirst();
        if (!known)
          throw new AppError(422, 'CALENDAR_UNKNOWN', `缺少${year}年的工作日历，请先录入该年度放假安排`, {
            year,
          });
        const name = b.name?.trim() || null;
        await db.transaction().execute(async (trx) => {
          await trx
            .insertInto('calendar_day')
            .values({ region: b.region, date: b.date, day_type: b.type, name, notice_source: '地方调整' })
            .onConflict((oc) => oc.columns(['region', 'date']).doUpdateSet({ day_type: b.type, name }))
            .execute();
          await bumpCalendarRevision(trx);
          await appendAudit(trx, actorOf(req, auth), {
            action: 'calendar.override.put',
            entityType: 'calendar_day',
            entityId: `${b.region}:${b.date}`,
            summary: `${j.name} ${b.date} 调整为${DAY_TYPE_LABELS[b.type]}${name ? `（${name}）` : ''}`,
            after: { ...b, name },
          });
        });
        calendars.invalidate();
        return {
          region: b.region,
          regionName: j.name,
          date: b.date,
          type: b.type,
          typeLabel: DAY_TYPE_LABELS[b.type],
          name,
        };
      },
    );

    app.delete(
      '/overrides/:region/:date',
      {
        config: { auth },
        schema: {
          tags,
          summary: '删除一天的地方调整（恢复全国日历）',
          params: z.object({ region: z.string().regex(/^\d{6}$/, '地区应为6位行政区划代码'), date: isoDate }),
          response: { 204: z.null(), ...responses },
        },
      },
      async (req, reply) => {
        const { region, date } = req.params;
        await db.transaction().execute(async (trx) => {
          const r = await trx
            .deleteFrom('calendar_day')
            .where('region', '=', region)
            .where('date', '=', date)
            .returning('day_type')
            .executeTakeFirst();
          if (!r) throw errors.notFound('地方调整');
          await bumpCalendarRevision(trx);
          await appendAudit(trx, actorOf(req, auth), {
            action: 'calendar.override.delete',
            entityType: 'calendar_day',
            entityId: `${region}:${date}`,
            summary: `删除地方调整 ${region} ${date}`,
            before: { type: r.day_type },
          });
        });
        calendars.invalidate();
        return reply.status(204).send(null);
      },
    );
  };
}
