// Over 400 lines on purpose: the clock engine on the database (start, suspend, extend, stop, recompute) is one state machine over the clock row.
import {
  addDays,
  addMonths,
  addYears,
  CalendarUnknownError,
  type ClockEvent,
  type ClockRule,
  CLOCK_EVENT_LABELS,
  computeDue,
  daysBetween,
  type ExtensionApproval,
  isValidIsoDate,
  requireRule,
  transitionClock,
  validateExtension,
  type WorkCalendar,
} from '@onestop/domain';
import type { Selectable, Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { type Actor, appendAudit } from '../../platform/audit';
import { AppError, errors } from '../../platform/errors';
import type { CalendarService, CalendarSnapshot } from './calendar.service';
import { domainSync } from './clocks.errors';
import type { ClockTable } from './clocks.tables';

export type ClockRow = Selectable<ClockTable>;

export interface StartClockInput {
  subjectType: string;
  subjectId: string;
  /** Shown in reminders, e.g. the case number '随劳人仲案字〔2026〕第15号'. */
  subjectLabel?: string | null;
  ruleId: string;
  triggerDate: string;
  responsibleUserId?: string | null;
  organizationId?: string | null;
  jurisdictionId?: string | null;
}

/** A clock by id, or the open clock of a subject for a rule. */
export type ClockTarget = string | { subjectType: string; subjectId: string; ruleId: string };

export const OPEN_STATUSES = ['running', 'suspended', 'extended'] as const;

function requireDate(value: string, field: string): string {
  if (!isValidIsoDate(value)) {
    throw new AppError(400, 'DATE_INVALID', `${field}“${value}”不是有效日期（应为 YYYY-MM-DD）`);
  }
  return value;
}

/**
 * Legal clocks of any subject (matter, case, petition…). Every method runs inside the CALLER's
 * transaction: a conditional update (version check), one clock_event row and one audit record.
 * Errors are AppErrors (CLOCK_RULE_UNKNOWN 400, CALENDAR_UNKNOWN 422, CLOCK_ILLEGAL_TRANSITION 409…).
 */
export class ClocksService {
  constructor(
    readonly calendars: CalendarService,
    private readonly today: () => string,
  ) {}

  private async calendarFor(trx: Transaction<DB>, jurisdictionId: string | null): Promise<WorkCalendar> {
    const snap: CalendarSnapshot = await this.calendars.snapshot(trx);
    return snap.for(jurisdictionId);
  }

  async start(trx: Transaction<DB>, input: StartClockInput, actor: Actor): Promise<ClockRow> {
    const rule = domainSync(() => requireRule(input.ruleId));
    requireDate(input.triggerDate, '起算日期');
    const open = await trx
      .selectFrom('clock')
      .select('id')
      .where('subject_type', '=', input.subjectType)
      .where('subject_id', '=', input.subjectId)
      .where('rule_id', '=', rule.id)
      .where('status', 'in', OPEN_STATUSES)
      .executeTakeFirst();
    if (open) {
      throw new AppError(409, 'CLOCK_ALREADY_RUNNING', `该事项的“${rule.name}”期限已在计时中`, {
        clockId: open.id,
      });
    }
    const calendar = await this.calendarFor(trx, input.jurisdictionId ?? null);
    const c = computeOrProvisional(rule, input.triggerDate, calendar, 0, null);
    const row = await trx
      .insertInto('clock')
      .values({
        subject_type: input.subjectType,
        subject_id: input.subjectId,
        subject_label: input.subjectLabel ?? null,
        rule_id: rule.id,
        trigger_date: input.triggerDate,
        due_date: c.due,
        original_due_date: c.originalDue,
        calendar_version: c.calendarVersion,
        calendar_pending_year: c.pendingYear,
        suspended_since: null,
        extension_approver: null,
        extension_reason: null,
        responsible_user_id: input.responsibleUserId ?? null,
        organization_id: input.organizationId ?? null,
        jurisdiction_id: input.jurisdictionId ?? null,
        basis: c.basis,
        explanation: c.explanation,
        updated_at: new Date(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await this.record(
      trx,
      row,
      'start',
      actor,
      null,
      { trigger: c.trigger, due: c.due },
      c.pendingYear
        ? `开始计时，暂定到期日${c.due}（${c.pendingYear}年工作日历待录入）`
        : `开始计时，到期日${c.due}`,
    );
    return row;
  }

  /**
   * Recomputes the open clocks that waited for `year`'s calendar (called after an administrator
   * enters that year's notice). Clocks still reaching into another unknown year stay provisional.
   */
  async recomputePending(trx: Transaction<DB>, year: number, actor: Actor): Promise<number> {
    const rows = await trx
      .selectFrom('clock')
      .selectAll()
      .where('calendar_pending_year', '=', year)
      .where('status', 'in', OPEN_STATUSES)
      .forUpdate()
      .execute();
    for (const row of rows) {
      await this.recalculate(
        trx,
        row,
        actor,
        `录入${year}年工作日历`,
        (due) => `按${year}年工作日历重新计算，到期日${due}`,
      );
    }
    return rows.length;
  }

  /**
   * Recomputes the open clocks whose period touches `year` after an administrator REPLACED that year's
   * notice (a correction of the holiday data): a due date computed on the old notice would be wrong.
   * Only clocks whose due date changes get a 'recalculate' event.
   */
  async recomputeAffected(trx: Transaction<DB>, year: number, actor: Actor): Promise<number> {
    const rows = await trx
      .selectFrom('clock')
      .selectAll()
      .where('status', 'in', OPEN_STATUSES)
      .where('trigger_date', '<=', `${year}-12-31`)
      .where('due_date', '>=', `${year}-01-01`)
      .forUpdate()
      .execute();
    let changed = 0;
    for (const row of rows) {
      const updated = await this.recalculate(
        trx,
        row,
        actor,
        `更正${year}年工作日历`,
        (due) => `按更正后的${year}年工作日历重新计算，到期日由${row.due_date}改为${due}`,
        { onlyIfChanged: true },
      );
      if (updated) changed++;
    }
    return changed;
  }

  /** Recomputes one open clock on the current calendar and records a 'recalculate' event. */
  private async recalculate(
    trx: Transaction<DB>,
    row: ClockRow,
    actor: Actor,
    reason: string,
    summary: (due: string) => string,
    opts: { onlyIfChanged?: boolean } = {},
  ): Promise<ClockRow | null> {
    const rule = domainSync(() => requireRule(row.rule_id));
    const cal = await this.calendarFor(trx, row.jurisdiction_id);
    const fields = this.recompute(
      effective(rule, row),
      row.trigger_date,
      cal,
      row.suspended_days,
      extensionOf(row),
    );
    const same =
      fields.due_date === row.due_date && fields.calendar_pending_year === row.calendar_pending_year;
    if (opts.onlyIfChanged && same) return null;
    const updated = await trx
      .updateTable('clock')
      .set((eb) => ({ ...fields, version: eb('version', '+', 1), updated_at: new Date() }))
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await this.record(
      trx,
      updated,
      'recalculate',
      actor,
      reason,
      { previousDue: row.due_date, due: updated.due_date },
      summary(updated.due_date),
    );
    return updated;
  }

  /**
   * Closes the clock in time. `outcome` records what was done (the act, e.g. 受理立案 or 通知补正) so the
   * clock never says 已按期完成 without saying what was completed; it defaults to the reason.
   */
  meet(
    trx: Transaction<DB>,
    target: ClockTarget,
    actor: Actor,
    reason?: string,
    outcome?: string,
  ): Promise<ClockRow> {
    return this.apply(trx, target, 'meet', actor, reason ?? null, async () => ({
      suspended_since: null,
      outcome: outcome ?? reason ?? null,
    }));
  }

  suspend(
    trx: Transaction<DB>,
    target: ClockTarget,
    input: { reason: string; date?: string },
    actor: Actor,
  ): Promise<ClockRow> {
    const date = requireDate(input.date ?? this.today(), '中止日期');
    return this.apply(trx, target, 'suspend', actor, input.reason, async (row, rule) => {
      if (!rule.suspendable) {
        throw new AppError(400, 'CLOCK_NOT_SUSPENDABLE', `“${rule.name}”不适用中止`, { ruleId: rule.id });
      }
      if (date < row.trigger_date) throw new AppError(400, 'DATE_INVALID', '中止日期不能早于起算日期');
      return { suspended_since: date };
    });
  }

  resume(
    trx: Transaction<DB>,
    target: ClockTarget,
    input: { reason?: string; date?: string },
    actor: Actor,
  ): Promise<ClockRow> {
    const date = requireDate(input.date ?? this.today(), '恢复日期');
    return this.apply(trx, target, 'resume', actor, input.reason ?? null, async (row, rule, cal) => {
      const since = row.suspended_since ?? date;
      if (date < since) throw new AppError(400, 'DATE_INVALID', '恢复日期不能早于中止日期');
      // Suspended days are counted in the rule's own kind of day (《劳动人事争议仲裁办案规则》第四十五条、第四十六条).
      const days = domainSync(() =>
        rule.unit === 'working_days' ? cal.workingDaysBetween(since, date) : daysBetween(since, date),
      );
      const suspendedDays = row.suspended_days + days;
      return {
        ...this.recompute(effective(rule, row), row.trigger_date, cal, suspendedDays, extensionOf(row)),
        suspended_since: null,
        suspended_days: suspendedDays,
      };
    });
  }

  extend(
    trx: Transaction<DB>,
    target: ClockTarget,
    input: ExtensionApproval,
    actor: Actor,
  ): Promise<ClockRow> {
    return this.apply(trx, target, 'extend', actor, input.reason, async (row, rule, cal) => {
      const invalid = validateExtension(rule, input);
      if (invalid) throw new AppError(400, invalid.code, invalid.message, invalid.details);
      const extension = { approver: input.approver.trim(), reason: input.reason.trim() };
      return {
        ...this.recompute(effective(rule, row), row.trigger_date, cal, row.suspended_days, extension),
        extension_approver: extension.approver,
        extension_reason: extension.reason,
      };
    });
  }

  restart(
    trx: Transaction<DB>,
    target: ClockTarget,
    newTrigger: string,
    reason: string,
    actor: Actor,
  ): Promise<ClockRow> {
    requireDate(newTrigger, '重新起算日期');
    return this.apply(trx, target, 'restart', actor, reason, async (_row, rule, cal) => ({
      ...this.recompute(rule, newTrigger, cal, 0, null),
      trigger_date: newTrigger,
      suspended_since: null,
      suspended_days: 0,
      extension_approver: null,
      extension_reason: null,
      // A restart gives the full period again (e.g. a new defence period after changed claims).
      shortened_duration: null,
      shortened_reason: null,
    }));
  }

  /**
   * Shortens the period with the consent of the party it protects (rule.shortening, e.g. the defence
   * period in 简易处理): the clock's due date is recomputed on the shorter duration. Cancelling the
   * period altogether is meeting the clock.
   */
  shorten(
    trx: Transaction<DB>,
    target: ClockTarget,
    input: { duration: number; reason: string },
    actor: Actor,
  ): Promise<ClockRow> {
    return this.apply(trx, target, 'shorten', actor, input.reason, async (row, rule, cal) => {
      if (!rule.shortening) {
        throw new AppError(400, 'CLOCK_NOT_SHORTENABLE', `“${rule.name}”不得缩短`, { ruleId: rule.id });
      }
      if (!Number.isInteger(input.duration) || input.duration < 1 || input.duration >= rule.duration) {
        throw new AppError(
          400,
          'CLOCK_SHORTENING_INVALID',
          `缩短后的期限须为1至${rule.duration - 1}${rule.unit === 'working_days' ? '个工作日' : '日'}（取消期限的，应作完成处理）`,
        );
      }
      const shortened = { ...rule, duration: input.duration };
      const fields = this.recompute(shortened, row.trigger_date, cal, row.suspended_days, extensionOf(row));
      return {
        ...fields,
        explanation: `${fields.explanation}；经${rule.shortening.consentOf}同意缩短为${input.duration}${rule.unit === 'working_days' ? '个工作日' : '日'}（${input.reason}；${rule.shortening.basis}）`,
        shortened_duration: input.duration,
        shortened_reason: input.reason,
      };
    });
  }

  private recompute(
    rule: ClockRule,
    trigger: string,
    cal: WorkCalendar,
    suspendedDays: number,
    extension: ExtensionApproval | null,
  ) {
    const c = computeOrProvisional(rule, trigger, cal, suspendedDays, extension);
    return {
      due_date: c.due,
      original_due_date: c.originalDue,
      calendar_version: c.calendarVersion,
      calendar_pending_year: c.pendingYear,
      explanation: c.explanation,
    };
  }

  async find(trx: Transaction<DB>, target: ClockTarget): Promise<ClockRow> {
    let q = trx.selectFrom('clock').selectAll();
    q =
      typeof target === 'string'
        ? q.where('id', '=', target)
        : q
            .where('subject_type', '=', target.subjectType)
            .where('subject_id', '=', target.subjectId)
            .where('rule_id', '=', target.ruleId)
            .where('status', 'in', OPEN_STATUSES);
    const row = await q.executeTakeFirst();
    if (!row) throw errors.notFound('期限');
    return row;
  }

  /** Loads the clock, checks the transition, updates it conditionally, records event + audit. */
  private async apply(
    trx: Transaction<DB>,
    target: ClockTarget,
    event: ClockEvent,
    actor: Actor,
    reason: string | null,
    change: (row: ClockRow, rule: ClockRule, cal: WorkCalendar) => Promise<Partial<ClockRow>>,
  ): Promise<ClockRow> {
    const row = await this.find(trx, target);
    const rule = domainSync(() => requireRule(row.rule_id));
    const next = domainSync(() =>
      transitionClock({ status: row.status, extended: row.extension_approver !== null }, event),
    );
    const cal = await this.calendarFor(trx, row.jurisdiction_id);
    const fields = await change(row, rule, cal);
    const updated = await trx
      .updateTable('clock')
      .set((eb) => ({
        ...fields,
        status: next.status,
        version: eb('version', '+', 1),
        updated_at: new Date(),
      }))
      .where('id', '=', row.id)
      .where('version', '=', row.version)
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw errors.conflict({ id: row.id });
    const payload = {
      from: row.status,
      to: updated.status,
      due: updated.due_date,
      previousDue: row.due_date,
    };
    const label = CLOCK_EVENT_LABELS[event];
    await this.record(trx, updated, event, actor, reason, payload, `${label}，到期日${updated.due_date}`);
    return updated;
  }

  private async record(
    trx: Transaction<DB>,
    row: ClockRow,
    event: ClockEvent | 'start' | 'recalculate',
    actor: Actor,
    reason: string | null,
    payload: Record<string, unknown>,
    summary: string,
  ) {
    await trx
      .insertInto('clock_event')
      .values({
        clock_id: row.id,
        event,
        actor: actor.name,
        actor_id: actor.id,
        reason,
        payload: JSON.stringify(payload),
      })
      .execute();
    const rule = domainSync(() => requireRule(row.rule_id));
    await appendAudit(trx, actor, {
      action: `clock.${event}`,
      entityType: 'clock',
      entityId: row.id,
      summary: `期限“${rule.name}”${summary}${reason ? `（理由：${reason}）` : ''}`,
      after: { ...payload, subjectType: row.subject_type, subjectId: row.subject_id, ruleId: row.rule_id },
    });
  }
}

/** The rule as it applies to this clock: with a consented shortening, the shorter duration. */
function effective(rule: ClockRule, row: ClockRow): ClockRule {
  return row.shortened_duration ? { ...rule, duration: row.shortened_duration } : rule;
}

function extensionOf(row: ClockRow): ExtensionApproval | null {
  return row.extension_approver
    ? { approver: row.extension_approver, reason: row.extension_reason ?? '' }
    : null;
}

/**
 * The due date by the calendar; when the period reaches into a year whose holiday notice is not
 * entered yet, a provisional date flagged as such: the earliest the period can end (every day counted
 * as a working day, no roll-over). That is the strict reading for the center's own obligations; the
 * clock is recomputed when the year is entered (recomputePending).
 */
export function computeOrProvisional(
  rule: ClockRule,
  trigger: string,
  cal: WorkCalendar,
  suspendedDays: number,
  extension: ExtensionApproval | null,
) {
  try {
    const c = computeDue(rule, trigger, cal, { suspendedDays, ...(extension ? { extension } : {}) });
    return { ...c, pendingYear: null as number | null };
  } catch (err) {
    if (!(err instanceof CalendarUnknownError))
      return domainSync(() => {
        throw err;
      });
    const sign = rule.direction === 'before' ? -1 : 1;
    const add = (date: string, n: number, unit: string) =>
      unit === 'months'
        ? addMonths(date, sign * n)
        : unit === 'years'
          ? addYears(date, sign * n)
          : unit === 'same_day'
            ? date
            : addDays(date, sign * n);
    const original = addDays(add(trigger, rule.duration, rule.unit), sign * suspendedDays);
    const due =
      extension && rule.extension ? add(original, rule.extension.duration, rule.extension.unit) : original;
    return {
      ruleId: rule.id,
      trigger,
      due,
      originalDue: original,
      basis: rule.basis,
      calendarVersion: `pending:${err.year}`,
      explanation: `${err.year}年工作日历尚未录入：暂按不晚于${due}计（每日均计入、不顺延，为最严格口径），录入该年度放假安排后自动重算`,
      extension: extension ?? null,
      pendingYear: err.year as number | null,
    };
  }
}
