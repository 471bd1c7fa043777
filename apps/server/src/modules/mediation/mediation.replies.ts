import type { z } from 'zod';
import type { AppContext } from '../../platform/context';
import { type Actor, appendAudit } from '../../platform/audit';
import type { AuthContext } from '../../platform/auth';
import { AppError } from '../../platform/errors';
import { appendEvent } from '../../platform/scope';
import { assertDesk, loadCase, step } from './mediation.common';
import type { repliesBody } from './mediation.schema';

/**
 * Records one side's replies item by item (staff at the window or by phone now; the worker / employer
 * portal calls the same function later with channel 'portal').
 */
export async function recordProposalReplies(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  caseId: string,
  body: z.infer<typeof repliesBody>,
) {
  const { db } = ctx.database;
  return db.transaction().execute(async (trx) => {
    const { c } = await loadCase(trx, caseId);
    await assertDesk(trx, auth, c.jurisdiction_id);
    if (!['proposal_sent', 'session_scheduled', 'in_session'].includes(c.state)) {
      throw new AppError(409, 'MEDIATION_NO_PROPOSAL', '当前状态下不能登记对调解建议书的答复');
    }
    const items = await trx
      .selectFrom('mediation_proposal_item')
      .selectAll()
      .where('case_id', '=', caseId)
      .execute();
    const now = new Date();
    for (const r of body.replies) {
      const item = items.find((i) => i.claim_id === r.claimId);
      if (!item)
        throw new AppError(400, 'CLAIM_NOT_IN_PROPOSAL', '答复的事项不在调解建议书中', {
          claimId: r.claimId,
        });
      const reply = r.accepted ? ('accepted' as const) : ('rejected' as const);
      const notes = [
        ...((item.reply_notes as unknown[]) ?? []),
        { side: body.side, reply, note: r.note ?? null, at: now, by: actor.name, channel: body.channel },
      ];
      await trx
        .updateTable('mediation_proposal_item')
        .set(
          body.side === 'worker'
            ? { worker_reply: reply, worker_replied_at: now, reply_notes: JSON.stringify(notes) }
            : { employer_reply: reply, employer_replied_at: now, reply_notes: JSON.stringify(notes) },
        )
        .where('case_id', '=', caseId)
        .where('claim_id', '=', r.claimId)
        .execute();
    }
    if (body.side === 'employer') {
      await trx
        .updateTable('mediation_case')
        .set({
          employer_consent: JSON.stringify({
            given: true,
            at: now,
            recordedBy: actor.name,
            channel: body.channel,
          }),
        })
        .where('case_id', '=', caseId)
        .where('employer_consent', 'is', null)
        .execute();
    }
    const accepted = body.replies.filter((r) => r.accepted).length;
    const summary = `${body.side === 'worker' ? '劳动者' : '用人单位'}答复调解建议：同意${accepted}项，不同意${body.replies.length - accepted}项`;
    if (c.state === 'proposal_sent') {
      await step(ctx, trx, auth, actor, caseId, 'record_reply', {
        reason: summary,
        payload: { side: body.side, replies: body.replies },
      });
    } else {
      await appendEvent(trx, actor, c.matter_id, 'mediation_reply', `${c.number}：${summary}`, {
        caseId,
        side: body.side,
      });
      await appendAudit(trx, actor, {
        action: 'mediation.reply',
        entityType: 'case',
        entityId: caseId,
        summary,
        after: body,
      });
    }
    return { accepted, rejected: body.replies.length - accepted };
  });
}
