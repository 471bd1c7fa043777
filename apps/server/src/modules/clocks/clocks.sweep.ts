import { findRule, isDomainError, reminderSchedule, type WorkCalendar } from '@onestop/domain';
import type { FastifyBaseLogger } from 'fastify';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';
import { appendAudit } from '../../platform/audit';
import { enqueueNotifications, type NewNotification } from '../notifications';
import type { CalendarService } from './calendar.service';
import { subjectLabel } from './clocks.labels';
import { systemActor } from '../../platform/system';

/** The periodic clock sweep marking due clocks missed (the system acts, with this reason). */
const MISS_SWEEP = systemActor('期限巡检');

export interface SweepDeps {
  db: Kysely<DB>;
  calendars: CalendarService;
  log: FastifyBaseLogger;
}

export interface SweepOptions {
  today: string;
  /** Rows per batch (one short transaction each). */
  batchSize?: number;
  /** Bound per call; the rest waits for the next tick. */
  maxBatches?: number;
}

export interface SweepResult {
  missed: number;
  escalations: number;
  reminders: number;
}

interface MissedRow {
  id: string;
  subject_type: string;
  subject_id: string;
  subject_label: string | null;
  rule_id: string;
  due_date: string;
  basis: string;
  jurisdiction_id: string | null;
  responsible_name: string | null;
}

interface Leaders {
  cityIds: Set<string>;
  byJurisdiction: Map<string, string[]>;
}

async function loadLeaders(db: Kysely<DB>): Promise<Leaders> {
  const rows = await db
    .selectFrom('user_role as ur')
    .innerJoin('app_user as u', 'u.id', 'ur.user_id')
    .select(['ur.user_id', 'ur.jurisdiction_id'])
    .where('ur.role', '=', 'leader')
    .where('u.active', '=', true)
    .execute();
  const cities = await db.selectFrom('jurisdiction').select('id').where('level', '=', 'city').execute();
  const byJurisdiction = new Map<string, string[]>();
  for (const r of rows)
    byJurisdiction.set(r.jurisdiction_id, [...(byJurisdiction.get(r.jurisdiction_id) ?? []), r.user_id]);
  return { cityIds: new Set(cities.map((c) => c.id)), byJurisdiction };
}

/** Leaders of the clock's jurisdiction and of the city. */
function leadersFor(leaders: Leaders, jurisdictionId: string | null): string[] {
  const ids = new Set<string>();
  for (const j of [jurisdictionId, ...leaders.cityIds]) {
    if (j) for (const u of leaders.byJurisdiction.get(j) ?? []) ids.add(u);
  }
  return [...ids];
}

/**
 * Marks running clocks past due as missed and escalates them to the leaders, in batches claimed with
 * FOR UPDATE SKIP LOCKED (each batch: the update, its clock_event rows, the notifications and one audit
 * record in one transaction), so concurrent sweeps on several instances never process a clock twice.
 */
async function markMissed(deps: SweepDeps, opts: Required<SweepOptions>, result: SweepResult) {
  const { db } = deps;
  let leaders: Leaders | null = null;
  for (let batch = 0; batch < opts.maxBatches; batch++) {
    leaders ??= await loadLeaders(db);
    const l = leaders;
    const n = await db.transaction().execute(async (trx) => {
      const r = await sql<MissedRow>`
        WITH due AS (
          SELECT id FROM clock
           WHERE status IN ('running', 'extended') AND due_date < ${opts.today}
           ORDER BY due_date, id
           LIMIT ${opts.batchSize}
           FOR UPDATE SKIP LOCKED)
        UPDATE clock c SET status = 'missed', version = c.version + 1, updated_at = now()
          FROM due WHERE c.id = due.id
        RETURNING c.id, c.subject_type, c.subject_id, c.subject_label, c.rule_id, c.due_date, c.basis,
                  c.jurisdiction_id,
                  (SELECT display_name FROM app_user u WHERE u.id = c.responsible_user_id) AS responsible_name`.execute(
        trx,
      );
      const rows = r.rows;
      if (!rows.length) return 0;
      await trx
        .insertInto('clock_event')
        .values(
          rows.map((c) => ({
            clock_id: c.id,
            event: 'miss',
            actor: MISS_SWEEP.name,
            actor_id: null,
            reason: '期限届满未办结',
            payload: JSON.stringify({ due: c.due_date, today: opts.today }),
          })),
        )
        .execute();
      const messages: NewNotification[] = rows.flatMap((c) =>
        leadersFor(l, c.jurisdiction_id).map((leaderId) => ({
          recipientUserId: leaderId,
          template: 'clock.missed' as const,
          params: {
            subject: subjectLabel(c.subject_type, c.subject_label),
            rule: findRule(c.rule_id)?.name ?? c.rule_id,
            due: c.due_date,
            basis: c.basis,
            responsible: c.responsible_name ?? '未指定',
          },
          subjectType: c.subject_type,
          subjectId: c.subject_id,
          dedupeKey: `missed:${c.id}:${c.due_date}:${leaderId}`,
        })),
      );
      result.escalations += await enqueueNotifications(trx, messages);
      await appendAudit(trx, MISS_SWEEP, {
        action: 'clock.miss',
        entityType: 'clock',
        entityId: rows.length === 1 ? rows[0]!.id : null,
        summary: `期限巡检：${rows.length}个期限届满未办结，已标记逾期并上报督办`,
        after: { today: opts.today, clockIds: rows.map((c) => c.id) },
      });
      return rows.length;
    });
    result.missed += n;
    if (n < opts.batchSize) break;
  }
}

interface ReminderRow {
  id: string;
  subject_type: string;
  subject_id: string;
  subject_label: string | null;
  rule_id: string;
  due_date: string;
  basis: string;
  jurisdiction_id: string | null;
  responsible_user_id: string;
}

/**
 * Reminds the responsible person two working days before the due date and on the due day. Only
 * clocks due within the reminder horizon whose reminder is not yet in the outbox are read; the
 * outbox's unique dedupe key makes concurrent sweeps enqueue each reminder once.
 */
async function remind(deps: SweepDeps, opts: Required<SweepOptions>, result: SweepResult) {
  const { db } = deps;
  const snap = await deps.calendars.snapshot(db);
  let horizon = opts.today;
  try {
    for (const cal of snap.all()) {
      const h = cal.addWorkingDays(opts.today, 2);
      if (h > horizon) horizon = h;
    }
  } catch (err) {
    if (!isDomainError(err)) throw err;
    deps.log.warn({ today: opts.today, err: err.message }, 'clock reminders skipped: calendar unknown');
    return;
  }
  let after: { due: string; id: string } | null = null;
  for (let batch = 0; batch < opts.maxBatches; batch++) {
    const cursor: { due: string; id: string } | null = after;
    const rows: ReminderRow[] = (
      await sql<ReminderRow>`
        SELECT c.id, c.subject_type, c.subject_id, c.subject_label, c.rule_id, c.due_date, c.basis,
               c.jurisdiction_id, c.responsible_user_id
          FROM clock c
         WHERE c.status IN ('running', 'extended') AND c.due_date >= ${opts.today} AND c.due_date <= ${horizon}
           AND c.responsible_user_id IS NOT NULL
           AND ${cursor ? sql`(c.due_date, c.id) > (${cursor.due}::date, ${cursor.id}::uuid)` : sql`true`}
           AND NOT EXISTS (
             SELECT 1 FROM notification n
              WHERE n.dedupe_key = 'reminder:' || c.id || ':' || c.due_date || ':'
                    || CASE WHEN c.due_date = ${opts.today}::date THEN 'due_today' ELSE 'due_soon' END || ':in_app')
         ORDER BY c.due_date, c.id
         LIMIT ${opts.batchSize}`.execute(db)
    ).rows;
    if (!rows.length) break;
    const messages: NewNotification[] = [];
    for (const c of rows) {
      const kind = reminderKind(snap.for(c.jurisdiction_id), c.due_date, opts.today);
      if (!kind) continue;
      messages.push({
        recipientUserId: c.responsible_user_id,
        template: kind === 'due_today' ? 'clock.due_today' : 'clock.due_soon',
        params: {
          subject: subjectLabel(c.subject_type, c.subject_label),
          rule: findRule(c.rule_id)?.name ?? c.rule_id,
          due: c.due_date,
          basis: c.basis,
        },
        subjectType: c.subject_type,
        subjectId: c.subject_id,
        dedupeKey: `reminder:${c.id}:${c.due_date}:${kind}`,
      });
    }
    result.reminders += await enqueueNotifications(db, messages);
    const last: ReminderRow = rows[rows.length - 1]!;
    after = { due: last.due_date, id: last.id };
    if (rows.length < opts.batchSize) break;
  }
}

/** 'due_today' on the due day, 'due_soon' from two working days before it, else null. */
export function reminderKind(cal: WorkCalendar, due: string, today: string): 'due_soon' | 'due_today' | null {
  if (today === due) return 'due_today';
  try {
    const [early] = reminderSchedule(due, cal);
    return early !== undefined && today >= early && today < due ? 'due_soon' : null;
  } catch {
    return null;
  }
}

/** One sweep: overdue clocks first (missed + escalation), then reminders. Bounded by maxBatches. */
export async function sweepClocks(deps: SweepDeps, options: SweepOptions): Promise<SweepResult> {
  const opts: Required<SweepOptions> = { batchSize: 500, maxBatches: 20, ...options };
  const result: SweepResult = { missed: 0, escalations: 0, reminders: 0 };
  await markMissed(deps, opts, result);
  await remind(deps, opts, result);
  return result;
}
