import { z } from 'zod';
import { isoDate as calendarDate } from '../../platform/schema-types';
import { jsonValue } from '../../platform/openapi-content';

export const isoDate = calendarDate();
export const idParam = z.object({ id: z.string().uuid('编号格式不正确') });
const reason = z.string().trim().min(1, '请填写理由').max(500, '理由不能超过500字');

export const ruleSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  track: z.string(),
  trackLabel: z.string(),
  trigger: z.string(),
  duration: z.number(),
  unit: z.string(),
  unitLabel: z.string(),
  basis: z.string(),
  unitNote: z.string().nullable(),
  extendable: z.boolean(),
  suspendable: z.boolean(),
});

export const calculateQuery = z.object({
  rule: z.string().min(1, '请选择期限规则').max(100),
  from: isoDate,
});

export const calculationSchema = z.object({
  ruleId: z.string(),
  due: z.string(),
  basis: z.string(),
  explanation: z.string(),
  calendarVersion: z.string(),
});

export const addWorkingDaysQuery = z.object({
  from: isoDate,
  days: z.coerce.number().int('天数须为整数').min(-366, '天数不能小于-366').max(366, '天数不能大于366'),
});

export const subjectQuery = z.object({
  subjectType: z.string().min(1).max(40),
  subjectId: z.string().uuid('编号格式不正确'),
});

const person = z.object({ id: z.string(), name: z.string() }).nullable();

export const clockSchema = z.object({
  id: z.string(),
  subjectType: z.string(),
  subjectId: z.string(),
  subjectLabel: z.string(),
  ruleId: z.string(),
  code: z.string(),
  name: z.string(),
  track: z.string(),
  basis: z.string(),
  explanation: z.string(),
  triggerDate: z.string(),
  dueDate: z.string(),
  originalDueDate: z.string(),
  status: z.string(),
  statusLabel: z.string().describe('状态；已办结的期限写明办结的行为，如“已办结：受理立案”'),
  outcome: z.string().nullable().describe('办结期限的行为（如 受理立案、通知补正、准予撤回）；未办结为 null'),
  urgency: z.enum(['normal', 'due_soon', 'overdue']),
  remainingWorkingDays: z.number().nullable(),
  calendarVersion: z.string(),
  calendarPendingYear: z.number().nullable().describe('到期日为暂定值时，缺少工作日历的年份；录入后自动重算'),
  suspendedSince: z.string().nullable(),
  suspendedDays: z.number(),
  responsible: person,
  organization: person,
  extended: z.boolean(),
  extension: z.object({ approver: z.string(), reason: z.string() }).nullable(),
  actions: z.object({ suspend: z.boolean(), resume: z.boolean(), extend: z.boolean(), restart: z.boolean() }),
  version: z.number(),
});

export const suspendBody = z.strictObject({ reason, date: isoDate.optional() });
export const resumeBody = z.strictObject({ reason: reason.optional(), date: isoDate.optional() });
export const extendBody = z.strictObject({
  approver: z.string().trim().min(1, '请填写批准人').max(100),
  reason,
});
export const restartBody = z.strictObject({ triggerDate: isoDate, reason });

export const eventSchema = z.object({
  id: z.number(),
  event: z.string(),
  eventLabel: z.string(),
  actor: z.string(),
  at: z.string(),
  reason: z.string().nullable(),
  /** What the step recorded (e.g. the suspension's days, the restart's trigger date): the writer's shape. */
  payload: jsonValue,
});

const overviewItem = clockSchema.pick({
  id: true,
  subjectType: true,
  subjectId: true,
  subjectLabel: true,
  ruleId: true,
  name: true,
  basis: true,
  dueDate: true,
  calendarPendingYear: true,
  status: true,
  statusLabel: true,
  urgency: true,
  remainingWorkingDays: true,
});

export const overviewSchema = z.object({
  today: z.string(),
  totals: z.object({ overdue: z.number(), dueSoon: z.number() }),
  groups: z.array(
    z.object({
      organization: person,
      overdue: z.number(),
      dueSoon: z.number(),
      people: z.array(
        z.object({
          responsible: person,
          overdue: z.number(),
          dueSoon: z.number(),
          items: z.array(overviewItem),
        }),
      ),
    }),
  ),
});
