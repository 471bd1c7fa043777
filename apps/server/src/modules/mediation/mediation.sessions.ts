import type { z } from 'zod';
import type { AppContext } from '../../platform/context';
import { type Actor, appendAudit } from '../../platform/audit';
import type { AuthContext } from '../../platform/auth';
import { AppError, errors } from '../../platform/errors';
import { getClocksService } from '../clocks';
import { OPEN_STATUSES } from '../clocks';
import { appendEvent } from '../../platform/scope';
import { assertDesk, assertVersion, loadCase, step } from './mediation.common';
import { BASIS } from './mediation.rules';
import type {
  followupBody,
  followupResultBody,
  recordBody,
  referralBody,
  sessionBody,
} from './mediation.schema';
import { chineseClockAt } from '../../platform/time';

const AGENCY_LABELS = { hrss: '人社', union: '工会', court: '法院', justice: '司法', other: '其他' } as const;

/** Schedules a session (joint: 人社 + 工会 + 法院 mediators) with room, time and participants. */
export async function scheduleSession(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  caseId: string,
  body: z.infer<typeof sessionBody>,
) {
  const { db } = ctx.database;
  return db.transaction().execute(async (trx) => {
    const { c, m } = await loadCase(trx, caseId);
    assertVersion(c, body.version);
    await assertDesk(trx, auth, c.jurisdiction_id);
    if (body.employerConsents && !m.employer_consent) {
      await trx
        .updateTable('mediation_case')
        .set({
          employer_consent: JSON.stringify({
            given: true,
            at: new Date(),
            recordedBy: actor.name,
            channel: 'session',
          }),
        })
        .where('case_id', '=', caseId)
        .execute();
    }
    const bothPartiesConsent = Boolean(m.employer_consent) || body.employerConsents === true;
    const event = c.state === 'in_session' ? 'adjourn' : 'schedule_session';
    const when = new Date(body.startsAt);
    const who = body.mediators.map((x) => `${x.name}（${AGENCY_LABELS[x.agency]}）`).join('、');
    await step(ctx, trx, auth, actor, caseId, event, {
      reason: `${chineseClockAt(ctx.config, when)} ${body.room}${body.joint ? '，联合调解' : ''}：${who}`,
      payload: { bothPartiesConsent },
    });
    const row = await trx
      .insertInto('mediation_session')
      .values({
        case_id: caseId,
        starts_at: when,
        room: body.room,
        joint: body.joint,
        mediators: JSON.stringify(body.mediators),
        participants: JSON.stringify(body.participants),
        record: null,
        status: 'scheduled',
        created_by: actor.id,
        updated_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: row.id };
  });
}

/** The session's record (笔录); holding a scheduled session moves the case into session. */
export async function recordSession(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  caseId: string,
  sessionId: string,
  body: z.infer<typeof recordBody>,
) {
  const { db } = ctx.database;
  return db.transaction().execute(async (trx) => {
    const { c } = await loadCase(trx, caseId);
    assertVersion(c, body.version);
    await assertDesk(trx, auth, c.jurisdiction_id);
    const s = await trx
      .selectFrom('mediation_session')
      .selectAll()
      .where('id', '=', sessionId)
      .where('case_id', '=', caseId)
      .executeTakeFirst();
    if (!s) throw errors.notFound('调解安排');
    if (s.status === 'no_show') throw new AppError(409, 'SESSION_NO_SHOW', '该次调解已登记当事人未到场');
    if (s.status === 'scheduled' && c.state === 'session_scheduled') {
      await step(ctx, trx, auth, actor, caseId, 'hold_session');
    }
    await trx
      .updateTable('mediation_session')
      .set({ record: body.record, status: 'held', updated_at: new Date() })
      .where('id', '=', sessionId)
      .execute();
    await appendAudit(trx, actor, {
      action: 'mediation.session.record',
      entityType: 'case',
      entityId: caseId,
      summary: `${c.number}：记录调解笔录`,
      after: { sessionId, length: body.record.length },
    });
    return { id: sessionId };
  });
}

const FILING_CLOCK = {
  arbitral_review: 'mediation.arbitral-review-filing',
  judicial_confirmation: 'mediation.judicial-confirmation-filing',
} as const;

/** 仲裁审查 (15 days) or 司法确认 (30 days) requested: the filing clock is met; the result follows. */
export async function fileFollowup(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  caseId: string,
  body: z.infer<typeof followupBody>,
) {
  const { db } = ctx.database;
  return db.transaction().execute(async (trx) => {
    const { c } = await loadCase(trx, caseId);
    await assertDesk(trx, auth, c.jurisdiction_id);
    if (!['agreed', 'partially_agreed', 'performed'].includes(c.state)) {
      throw new AppError(409, 'MEDIATION_NO_AGREEMENT', '达成调解协议后才能申请仲裁审查或司法确认');
    }
    const ruleId = FILING_CLOCK[body.kind];
    const clock = await trx
      .selectFrom('clock')
      .select(['id', 'due_date'])
      .where('subject_type', '=', 'case')
      .where('subject_id', '=', caseId)
      .where('rule_id', '=', ruleId)
      .where('status', 'in', OPEN_STATUSES)
      .executeTakeFirst();
    if (clock) await getClocksService(ctx).meet(trx, clock.id, actor, '已共同提出申请');
    const row = await trx
      .insertInto('mediation_followup')
      .values({
        case_id: caseId,
        kind: body.kind,
        body: body.body,
        filed_on: body.filedOn,
        created_by: actor.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const label = body.kind === 'arbitral_review' ? '仲裁审查' : '司法确认';
    const basis = body.kind === 'arbitral_review' ? BASIS.arbitralReview : BASIS.judicialConfirmation;
    await appendEvent(
      trx,
      actor,
      c.matter_id,
      'mediation_followup',
      `${c.number}：双方共同向${body.body}申请${label}（${basis}）`,
      {
        caseId,
        followupId: row.id,
      },
    );
    await appendAudit(trx, actor, {
      action: 'mediation.followup',
      entityType: 'case',
      entityId: caseId,
      summary: `${c.number}：申请${label}`,
      after: body,
    });
    return { id: row.id };
  });
}

export async function recordFollowupResult(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  caseId: string,
  followupId: string,
  body: z.infer<typeof followupResultBody>,
) {
  const { db } = ctx.database;
  return db.transaction().execute(async (trx) => {
    const { c } = await loadCase(trx, caseId);
    await assertDesk(trx, auth, c.jurisdiction_id);
    const f = await trx
      .selectFrom('mediation_followup')
      .selectAll()
      .where('id', '=', followupId)
      .where('case_id', '=', caseId)
      .executeTakeFirst();
    if (!f) throw errors.notFound('申请记录');
    const row = await trx
      .updateTable('mediation_followup')
      .set((eb) => ({
        result: body.result,
        result_on: body.resultOn,
        note: body.note ?? f.note,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', followupId)
      .where('version', '=', body.version)
      .returning('id')
      .executeTakeFirst();
    if (!row) throw errors.conflict({ id: f.id, version: f.version, result: f.result });
    const summary = `${c.number}：${f.body}${body.result === 'granted' ? '已确认' : '不予确认'}（${body.resultOn}）`;
    await appendEvent(trx, actor, c.matter_id, 'mediation_followup_result', summary, { caseId, followupId });
    await appendAudit(trx, actor, {
      action: 'mediation.followup.result',
      entityType: 'case',
      entityId: caseId,
      summary,
      after: body,
    });
    return { id: followupId };
  });
}

/** The listed organisation accepts the referral, or returns it (the center then mediates). */
export async function decideReferral(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  caseId: string,
  body: z.infer<typeof referralBody>,
) {
  const { db } = ctx.database;
  return db.transaction().execute(async (trx) => {
    const { c, m } = await loadCase(trx, caseId);
    assertVersion(c, body.version);
    await assertDesk(trx, auth, c.jurisdiction_id);
    if (m.referral_state !== 'pending') throw new AppError(409, 'REFERRAL_NOT_PENDING', '没有待接收的转交');
    await trx
      .updateTable('mediation_case')
      .set((eb) => ({
        referral_state: body.decision,
        referral_note: body.note ?? null,
        ...(body.decision === 'returned' && { handled_by: 'center' as const }),
        version: eb('version', '+', 1),
        updated_at: new Date(),
      }))
      .where('case_id', '=', caseId)
      .execute();
    const org = await trx
      .selectFrom('mediation_organization')
      .select('name')
      .where('id', '=', m.organization_id!)
      .executeTakeFirst();
    const summary = `${c.number}：${org?.name ?? '调解组织'}${body.decision === 'accepted' ? '接收转交' : '退回转交，改由中心调解'}${body.note ? `（${body.note}）` : ''}`;
    await appendEvent(trx, actor, c.matter_id, 'mediation_referral', summary, { caseId });
    await appendAudit(trx, actor, {
      action: 'mediation.referral',
      entityType: 'case',
      entityId: caseId,
      summary,
      after: body,
    });
    return { id: caseId };
  });
}
