import { maskPhone } from '@onestop/domain';
import type { Kysely, Selectable } from 'kysely';
import type { z } from 'zod';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../db/schema';
import { type Actor, appendAudit } from '../../platform/audit';
import type { AuthContext } from '../../platform/auth';
import { AppError, errors } from '../../platform/errors';
import { createIntake } from '../intake';
import { appendEvent, assertMatterInScope, scopeOf } from '../../platform/scope';
import { checkPhone } from '../parties';
import { CONSULTATION_CHANNEL_LABELS, type convertBody, type logBody } from './consultation.schema';
import type { ConsultationTable } from './consultation.tables';

type Row = Selectable<ConsultationTable>;

export function presentConsultation(ctx: AppContext, r: Row, matterNumber: string | null) {
  return {
    id: r.id,
    matterId: r.matter_id,
    matterNumber,
    jurisdictionId: r.jurisdiction_id,
    channel: r.channel,
    channelLabel: CONSULTATION_CHANNEL_LABELS[r.channel],
    topic: r.topic,
    question: r.question,
    answer: r.answer,
    legalBasis: r.legal_basis,
    kbEntryId: r.kb_entry_id,
    visitorName: r.visitor_name,
    visitorPhone: r.visitor_phone_enc ? maskPhone(ctx.cipher.decrypt(r.visitor_phone_enc)) : null,
    staffName: r.staff_name,
    state: r.state,
    convertedMatterId: r.converted_matter_id,
    version: r.version,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

export async function loadConsultation(ctx: AppContext, id: string) {
  const r = await ctx.database.db
    .selectFrom('consultation as c')
    .leftJoin('matter as m', 'm.id', 'c.matter_id')
    .selectAll('c')
    .select('m.number as matter_number')
    .where('c.id', '=', id)
    .executeTakeFirst();
  if (!r) throw errors.notFound('咨询记录');
  return { row: r as Row, view: presentConsultation(ctx, r as Row, r.matter_number) };
}

/** Consultations are visible within the jurisdictions where the user may read matters. */
export async function assertConsultationVisible(db: Kysely<DB>, auth: AuthContext, jurisdictionId: string) {
  const scope = await scopeOf(db, auth, 'matter.read');
  if (!scope.includes(jurisdictionId)) throw errors.notFound('咨询记录');
}

/** 中心工作规则（先咨询后立案）: every question is logged, alone or on a matter (then on its timeline too). */
export async function logConsultation(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  body: z.infer<typeof logBody>,
) {
  const { db } = ctx.database;
  const scope = await scopeOf(db, auth, 'matter.read');
  if (!scope.includes(body.jurisdictionId)) {
    throw new AppError(403, 'JURISDICTION_FORBIDDEN', '您没有在所选辖区登记咨询的权限');
  }
  if (body.matterId) await assertMatterInScope(db, auth, body.matterId);
  if (body.visitorPhone) checkPhone(body.visitorPhone, 'visitorPhone');
  if (body.kbEntryId) {
    const kb = await db
      .selectFrom('kb_entry')
      .select('id')
      .where('id', '=', body.kbEntryId)
      .executeTakeFirst();
    if (!kb) throw new AppError(400, 'KB_ENTRY_NOT_FOUND', '引用的知识库条目不存在');
  }
  return db.transaction().execute(async (trx) => {
    const r = await trx
      .insertInto('consultation')
      .values({
        matter_id: body.matterId ?? null,
        jurisdiction_id: body.jurisdictionId,
        channel: body.channel,
        topic: body.topic,
        question: body.question,
        answer: body.answer,
        legal_basis: body.legalBasis,
        kb_entry_id: body.kbEntryId ?? null,
        visitor_name: body.visitorName || null,
        visitor_phone_enc: body.visitorPhone ? ctx.cipher.encrypt(body.visitorPhone) : null,
        staff_user_id: auth.userId,
        staff_name: actor.name,
        converted_matter_id: null,
        updated_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const summary = `咨询登记（${body.topic}）：${Array.from(body.question).slice(0, 40).join('')}`;
    if (body.matterId) {
      await appendEvent(trx, actor, body.matterId, 'consultation', summary, { consultationId: r.id });
    }
    await appendAudit(trx, actor, {
      action: 'consultation.create',
      entityType: 'consultation',
      entityId: r.id,
      summary,
      after: {
        topic: body.topic,
        channel: body.channel,
        matterId: body.matterId ?? null,
        kbEntryId: body.kbEntryId ?? null,
      },
    });
    return r.id;
  });
}

/**
 * Turns a consultation into a matter in one step: the single window's intake service (createIntake,
 * which checks the caller's intake scope) registers the matter, then the consultation points to it
 * and the new matter's timeline records where it came from.
 */
export async function convertConsultation(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  id: string,
  body: z.infer<typeof convertBody>,
) {
  const { db } = ctx.database;
  const { row, view } = await loadConsultation(ctx, id);
  await assertConsultationVisible(db, auth, row.jurisdiction_id);
  if (row.state === 'converted') {
    throw new AppError(409, 'CONSULTATION_CONVERTED', '该咨询已转为维权事项', {
      matterId: row.converted_matter_id,
    });
  }
  if (row.version !== body.version) throw errors.conflict(view);
  const { version: _v, jurisdictionId, ...intake } = body;
  const matterId = await createIntake(ctx, auth, actor, {
    ...intake,
    jurisdictionId: jurisdictionId ?? row.jurisdiction_id,
    narrative: intake.narrative || `（咨询转入）${row.question}`,
  });
  await db.transaction().execute(async (trx) => {
    const m = await trx
      .selectFrom('matter')
      .select('number')
      .where('id', '=', matterId)
      .executeTakeFirstOrThrow();
    const updated = await trx
      .updateTable('consultation')
      .set((eb) => ({
        state: 'converted',
        converted_matter_id: matterId,
        matter_id: row.matter_id ?? matterId,
        version: eb('version', '+', 1),
        updated_at: new Date(),
      }))
      .where('id', '=', id)
      .where('state', '=', 'answered')
      .returning('id')
      .executeTakeFirst();
    if (!updated) throw new AppError(409, 'CONSULTATION_CONVERTED', '该咨询已转为维权事项');
    const summary = `由咨询转为维权事项（${row.topic}：${Array.from(row.question).slice(0, 40).join('')}）`;
    await appendEvent(trx, actor, matterId, 'consultation_converted', summary, { consultationId: id });
    await appendAudit(trx, actor, {
      action: 'consultation.convert',
      entityType: 'consultation',
      entityId: id,
      summary: `${m.number}：${summary}`,
      after: { matterId },
    });
  });
  return matterId;
}
