import type { AppContext } from '../../platform/context';
import { type Actor, appendAudit } from '../../platform/audit';
import type { AuthContext } from '../../platform/auth';
import { businessToday } from '../../platform/time';
import { AppError, errors } from '../../platform/errors';
import { appendEvent } from '../../platform/scope';
import { activeRolesIn, grantsOfUser, jurisdictionChain, roleLabels } from './cases.access';
import { StaleCase } from './cases.service';
import { canAssignAs, TRACKS } from './cases.tracks';
import { barredStaff, recusalRequired } from './recusal.service';

/**
 * Assigns a case to a member of staff (承办人). The assigner works the track (or leads) in the case's
 * jurisdiction; the assignee holds an ACTIVE handling post there (an expired 仲裁员证 does not count);
 * staff who must step aside (回避) are refused with 409 RECUSAL_REQUIRED naming the reason.
 */
export async function assignCase(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  caseId: string,
  input: { userId: string; version: number },
) {
  const { db } = ctx.database;
  const c = await db.selectFrom('track_case').selectAll().where('id', '=', caseId).executeTakeFirst();
  if (!c) throw errors.notFound('案件');
  if (c.version !== input.version) throw new StaleCase(caseId);
  const spec = TRACKS[c.track];
  if (c.closed) throw new AppError(409, 'CASE_CLOSED', `案件 ${c.number} 已办结，不能再分配承办人`);
  const chain = await jurisdictionChain(db, c.jurisdiction_id);
  const mine = activeRolesIn(auth.grants, chain);
  if (!mine.some((r) => canAssignAs(c.track, r))) {
    throw errors.forbidden(`您在该辖区没有分配${spec.label}案件的岗位`);
  }
  const assignee = await grantsOfUser(db, input.userId, businessToday(ctx.config));
  if (!assignee?.user.active) throw errors.notFound('承办人');
  const theirs = activeRolesIn(assignee.grants, chain);
  if (!theirs.some((r) => spec.handlers.includes(r))) {
    throw new AppError(
      422,
      'ASSIGNEE_NOT_QUALIFIED',
      `${assignee.user.display_name}在该辖区没有有效的${roleLabels(spec.handlers)}岗位（证件过期或被吊销的岗位不能承办案件）`,
    );
  }
  const barred = (await barredStaff(db, c)).find((b) => b.userId === input.userId);
  if (barred) throw recusalRequired(barred);

  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('track_case')
      .set((eb) => ({
        assignee_user_id: input.userId,
        version: eb('version', '+', 1),
        updated_at: new Date(),
      }))
      .where('id', '=', c.id)
      .where('version', '=', input.version)
      .where('closed', '=', false)
      .returning('version')
      .executeTakeFirst();
    if (!updated) throw new StaleCase(c.id);
    // Re-checked inside the transaction: a mediation step taken meanwhile could create a new bar.
    const late = (await barredStaff(trx, c)).find((b) => b.userId === input.userId);
    if (late) throw recusalRequired(late);
    const last = await trx
      .selectFrom('case_event')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('case_id', '=', c.id)
      .executeTakeFirst();
    await trx
      .insertInto('case_event')
      .values({
        case_id: c.id,
        seq: Number(last?.seq ?? 0) + 1,
        from_state: c.state,
        to_state: c.state,
        event: 'assign',
        actor_id: actor.id,
        actor_name: actor.name,
        role: actor.role,
        reason: null,
        payload: JSON.stringify({ assigneeUserId: input.userId, previousUserId: c.assignee_user_id }),
      })
      .execute();
    await trx
      .updateTable('clock')
      .set({ responsible_user_id: input.userId })
      .where('subject_type', '=', 'case')
      .where('subject_id', '=', c.id)
      .where('status', 'in', ['running', 'suspended', 'extended'])
      .execute();
    const summary = `${spec.label}案件 ${c.number}：承办人为${assignee.user.display_name}`;
    await appendEvent(trx, actor, c.matter_id, 'case_assigned', summary, {
      caseId: c.id,
      userId: input.userId,
    });
    await appendAudit(trx, actor, {
      action: 'case.assign',
      entityType: 'case',
      entityId: c.id,
      summary,
      before: { assigneeUserId: c.assignee_user_id },
      after: { assigneeUserId: input.userId },
    });
  });
}
