import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';
import { type Actor, appendAudit } from '../../platform/audit';
import type { AuthContext } from '../../platform/auth';
import { AppError } from '../../platform/errors';
import { stateLabel } from '../cases';
import { scopeOf } from '../../platform/scope';
import { enqueueNotifications } from '../notifications';
import { SAME_DAY_LABELS } from './arbitration.review';
import type { SameDayCategory } from './arbitration.tables';
import { SAME_DAY_RULE } from './arbitration.service';

type Exec = Kysely<DB>;

export interface PendingSameDay {
  caseId: string;
  number: string;
  state: string;
  stateLabel: string;
  category: SameDayCategory | null;
  categoryLabel: string;
  dueDate: string;
  matterId: string;
  jurisdictionId: string;
}

const BASIS = '随人社函〔2023〕36号：拖欠工资、工伤、重大集体争议符合受理条件的当日出具并送达《受理通知书》';

/** Same-day cases (欠薪、工伤、重大集体争议) still without a decision on `date`, in the user's scope. */
export async function pendingSameDay(db: Exec, auth: AuthContext, date: string): Promise<PendingSameDay[]> {
  const scope = await scopeOf(db, auth, 'matter.read');
  if (!scope.length) return [];
  const rows = await db
    .selectFrom('clock as k')
    .innerJoin('track_case as tc', 'tc.id', 'k.subject_id')
    .leftJoin('arbitration_application as a', 'a.case_id', 'tc.id')
    .select([
      'tc.id',
      'tc.number',
      'tc.state',
      'tc.matter_id',
      'tc.jurisdiction_id',
      'k.due_date',
      'a.same_day_category',
    ])
    .where('k.subject_type', '=', 'case')
    .where('k.rule_id', '=', SAME_DAY_RULE)
    .where('k.status', 'in', ['running', 'suspended', 'extended'])
    // Received on or before the day (a rest-day receipt is due on the next working day, but counts here).
    .where((eb) => eb.or([eb('k.trigger_date', '<=', date), eb('k.due_date', '<=', date)]))
    .where('tc.jurisdiction_id', 'in', scope)
    .orderBy('k.due_date')
    .orderBy('tc.number')
    .execute();
  return rows.map((r) => ({
    caseId: r.id,
    number: r.number,
    state: r.state,
    stateLabel: stateLabel('arbitration', r.state),
    category: r.same_day_category,
    categoryLabel: r.same_day_category ? SAME_DAY_LABELS[r.same_day_category] : '当日受理',
    dueDate: r.due_date,
    matterId: r.matter_id,
    jurisdictionId: r.jurisdiction_id,
  }));
}

/**
 * Closes the window's day. Refused (409 SAME_DAY_PENDING, listing them) while a same-day case is still
 * pending; the leaders of the case's jurisdiction (and above) get an alert (in-app and SMS).
 */
export async function closeDay(db: Exec, auth: AuthContext, actor: Actor, date: string) {
  const pending = await pendingSameDay(db, auth, date);
  const scope = await scopeOf(db, auth, 'matter.read');
  return db.transaction().execute(async (trx) => {
    if (pending.length) {
      const leaders = await sql<{ user_id: string; jurisdiction_id: string }>`
        SELECT DISTINCT ur.user_id, ur.jurisdiction_id FROM user_role ur
          JOIN app_user u ON u.id = ur.user_id AND u.active
         WHERE ur.role = 'leader'`.execute(trx);
      const notes = [];
      for (const p of pending) {
        const chain = await sql<{ id: string }>`
          WITH RECURSIVE up AS (
            SELECT id, parent_id FROM jurisdiction WHERE id = ${p.jurisdictionId}
            UNION SELECT j.id, j.parent_id FROM jurisdiction j JOIN up ON j.id = up.parent_id)
          SELECT id FROM up`.execute(trx);
        const ids = chain.rows.map((r) => r.id);
        for (const l of leaders.rows.filter((x) => ids.includes(x.jurisdiction_id))) {
          notes.push({
            recipientUserId: l.user_id,
            template: 'clock.missed' as const,
            params: {
              subject: `${p.categoryLabel}仲裁案件 ${p.number}`,
              rule: '当日出具受理通知书',
              due: p.dueDate,
              basis: BASIS,
              responsible: actor.name,
            },
            subjectType: 'case',
            subjectId: p.caseId,
            dedupeKey: `arbitration.same-day:${p.caseId}:${date}`,
          });
        }
      }
      await enqueueNotifications(trx, notes);
      await appendAudit(trx, actor, {
        action: 'arbitration.day_close.refused',
        entityType: 'arbitration_day',
        entityId: null,
        summary: `${date} 日结被拒：${pending.length}件当日受理案件尚未处理（${pending.map((p) => p.number).join('、')}）`,
        after: { date, pending: pending.map((p) => p.caseId) },
      });
      return { refused: true as const, pending };
    }
    for (const j of scope) {
      await trx
        .insertInto('arbitration_day_close')
        .values({ jurisdiction_id: j, day: date, closed_by: actor.id })
        .onConflict((oc) => oc.columns(['jurisdiction_id', 'day']).doNothing())
        .execute();
    }
    await appendAudit(trx, actor, {
      action: 'arbitration.day_close',
      entityType: 'arbitration_day',
      entityId: null,
      summary: `${date} 仲裁窗口日结：当日受理案件均已处理`,
      after: { date },
    });
    return { refused: false as const, pending: [] };
  });
}

export function samePendingError(pending: PendingSameDay[]): AppError {
  return new AppError(
    409,
    'SAME_DAY_PENDING',
    `尚有${pending.length}件欠薪、工伤或重大集体争议案件未当日出具受理通知书，不能日结：${pending.map((p) => `${p.number}（${p.categoryLabel}，${p.stateLabel}）`).join('；')}`,
    { pending },
  );
}
