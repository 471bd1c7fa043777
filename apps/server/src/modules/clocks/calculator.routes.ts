import {
  CLOCK_RULES,
  CLOCK_TRACK_LABELS,
  CLOCK_UNIT_LABELS,
  type ClockRule,
  computeDue,
  findRule,
  isValidIsoDate,
} from '@onestop/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, errorResponses, errorSchema } from '../../platform/errors';
import type { CalendarService } from './calendar.service';
import { domainSync } from './clocks.errors';
import { addWorkingDaysQuery, calculateQuery, calculationSchema, ruleSchema } from './clocks.schema';

/** Public tools: generous for people, a brake for scripts. */
const rateLimit = { max: 300, timeWindow: '1 minute' };
const responses = { ...errorResponses, 422: errorSchema, 429: errorSchema };

export function presentRule(r: ClockRule) {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    track: r.track,
    trackLabel: CLOCK_TRACK_LABELS[r.track],
    trigger: r.trigger.description,
    duration: r.duration,
    unit: r.unit,
    unitLabel: CLOCK_UNIT_LABELS[r.unit],
    basis: r.basis,
    unitNote: r.unitNote ?? null,
    extendable: r.extension !== undefined,
    suspendable: r.suspendable,
  };
}

function checkDate(value: string, field: string) {
  if (!isValidIsoDate(value)) {
    throw new AppError(400, 'DATE_INVALID', `${field}“${value}”不是有效日期（应为 YYYY-MM-DD）`);
  }
}

/** The public deadline calculator (no sign-in): rule catalogue, due date, working-day arithmetic. */
export function calculatorRoutes(calendars: CalendarService): FastifyPluginAsyncZod {
  return async (app) => {
    const { db } = app.ctx.database;
    const tags = ['期限计算（公开）'];

    app.get(
      '/clocks/rules',
      {
        config: { auth: 'public', rateLimit },
        schema: {
          tags,
          summary: '法定期限规则目录（含法律依据）',
          response: { 200: z.object({ items: z.array(ruleSchema) }), ...responses },
        },
      },
      async () => ({ items: CLOCK_RULES.map(presentRule) }),
    );

    app.get(
      '/clocks/calculate',
      {
        config: { auth: 'public', rateLimit },
        schema: {
          tags,
          summary: '按期限规则与工作日历计算到期日',
          description: '缺少该年度工作日历时返回 422 CALENDAR_UNKNOWN，绝不按“仅周末休息”估算。',
          querystring: calculateQuery,
          response: { 200: calculationSchema, ...responses },
        },
      },
      async (req) => {
        const { rule: ruleKey, from } = req.query;
        // The id is canonical; the catalogue code (e.g. 'T-A3') is accepted when it names one rule.
        const byCode = CLOCK_RULES.filter((r) => r.code === ruleKey);
        const rule = findRule(ruleKey) ?? (byCode.length === 1 ? byCode[0] : undefined);
        if (!rule)
          throw new AppError(400, 'CLOCK_RULE_UNKNOWN', `期限规则“${ruleKey}”不存在`, { rule: ruleKey });
        checkDate(from, '起算日期');
        const snap = await calendars.snapshot(db);
        const c = domainSync(() => computeDue(rule, from, snap.national));
        return {
          ruleId: c.ruleId,
          due: c.due,
          basis: c.basis,
          explanation: c.explanation,
          calendarVersion: c.calendarVersion,
        };
      },
    );

    app.get(
      '/calendar/add-working-days',
      {
        config: { auth: 'public', rateLimit },
        schema: {
          tags,
          summary: '工作日推算：自某日起（不含当日）第 N 个工作日',
          querystring: addWorkingDaysQuery,
          response: {
            200: z.object({
              from: z.string(),
              days: z.number(),
              date: z.string(),
              calendarVersion: z.string(),
            }),
            ...responses,
          },
        },
      },
      async (req) => {
        const { from, days } = req.query;
        checkDate(from, '起算日期');
        const snap = await calendars.snapshot(db);
        const date = domainSync(() => snap.national.addWorkingDays(from, days));
        return { from, days, date, calendarVersion: snap.national.version };
      },
    );
  };
}
