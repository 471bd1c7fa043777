import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../db/schema';
import { appendAudit } from '../../platform/audit';
import type { AuthContext } from '../../platform/auth';
import { AppError, errors } from '../../platform/errors';
import { appendEvent } from '../../platform/scope';
import { SYSTEM_USER_ID, systemAuth } from '../../platform/system';
import { recordProposalReplies } from '../mediation';
import type { Membership } from './portal.access';
import type { proposalReplyBody } from './portal.schema';
import { portalActor } from './portal.session';
import { claimLabel } from './portal.timeline';
import { servedDocuments } from './portal.follow.service';
import type { z } from 'zod';

interface ProposalItem {
  index: number;
  claimId: string | null;
  claim: string;
  proposedFen: number | null;
  reason: string;
  myAnswer: string | null;
}

/**
 * The mediation module's reply function takes a staff context. The portal passes the system's
 * (platform/system.ts) with the narrowest grant its checks accept: the window post (intake_clerk) in
 * that case's jurisdiction only, no user, no permission; the actor recorded is the party on the
 * portal (channel 'portal').
 */
function portalDesk(jurisdictionId: string): AuthContext {
  return systemAuth({
    reason: '当事人通过门户答复调解建议书',
    organizationId: SYSTEM_USER_ID,
    organizationName: '当事人门户',
    grants: [{ role: 'intake_clerk', active: true, jurisdictionIds: [jurisdictionId] }],
  });
}

/** The 调解建议书 served on this party, with its items (from the mediation case when there is one). */
export async function loadProposal(db: Kysely<DB>, m: Membership, documentId?: string) {
  const docs = (await servedDocuments(db, m)).filter((d) => d.type === 'mediation_proposal');
  const doc = documentId ? docs.find((d) => d.documentId === documentId) : docs[docs.length - 1];
  if (!doc) throw errors.notFound('调解建议书');
  const mc = await db
    .selectFrom('mediation_case as c')
    .innerJoin('track_case as t', 't.id', 'c.case_id')
    .select(['c.case_id', 't.jurisdiction_id', 't.state'])
    .where('c.proposal_document_id', '=', doc.documentId)
    .executeTakeFirst();
  let items: ProposalItem[];
  if (mc) {
    const rows = await db
      .selectFrom('mediation_proposal_item as i')
      .innerJoin('matter_claim as c', 'c.id', 'i.claim_id')
      .select(['i.claim_id', 'i.proposed_fen', 'i.reason', 'i.worker_reply', 'i.employer_reply', 'c.type'])
      .where('i.case_id', '=', mc.case_id)
      .orderBy('i.sort')
      .execute();
    items = rows.map((r, index) => {
      const mine = m.role === 'worker' ? r.worker_reply : r.employer_reply;
      return {
        index,
        claimId: r.claim_id,
        claim: claimLabel(r.type),
        proposedFen: Number(r.proposed_fen),
        reason: r.reason,
        myAnswer: mine === 'pending' ? null : mine === 'accepted' ? 'accept' : 'reject',
      };
    });
  } else {
    const d = await db
      .selectFrom('document')
      .select('fields')
      .where('id', '=', doc.documentId)
      .executeTakeFirstOrThrow();
    const claims = ((d.fields as { claims?: unknown }).claims ?? []) as {
      claim?: string;
      proposedAmount?: number;
      reason?: string;
    }[];
    const replies = await db
      .selectFrom('portal_proposal_reply')
      .select(['item_index', 'answer'])
      .where('document_id', '=', doc.documentId)
      .where('party_id', '=', m.partyId)
      .execute();
    items = claims.map((c, index) => ({
      index,
      claimId: null,
      claim: c.claim ?? `第${index + 1}项`,
      proposedFen: typeof c.proposedAmount === 'number' ? Math.round(c.proposedAmount * 100) : null,
      reason: c.reason ?? '',
      myAnswer: replies.find((r) => r.item_index === index)?.answer ?? null,
    }));
  }
  return { document: doc, caseId: mc?.case_id ?? null, jurisdictionId: mc?.jurisdiction_id ?? null, items };
}

/** Item-by-item answers: through the mediation module when the proposal belongs to a mediation case. */
export async function replyToProposal(
  ctx: AppContext,
  req: FastifyRequest,
  m: Membership,
  body: z.infer<typeof proposalReplyBody>,
) {
  const { db } = ctx.database;
  const p = await loadProposal(db, m, body.documentId);
  for (const it of body.items) {
    if (!p.items[it.index])
      throw new AppError(400, 'PROPOSAL_ITEM_UNKNOWN', `第${it.index + 1}项不在调解建议书中`);
    if (it.answer === 'counter' && it.counterAmountFen === undefined) {
      throw new AppError(400, 'COUNTER_AMOUNT_REQUIRED', `第${it.index + 1}项：请填写您能接受的金额`);
    }
  }
  const actor = portalActor(req, `${m.partyName}（网上）`);
  const note = (it: (typeof body.items)[number]) =>
    [
      it.answer === 'counter' ? `可接受金额${((it.counterAmountFen ?? 0) / 100).toFixed(2)}元` : null,
      it.comment,
    ]
      .filter(Boolean)
      .join('；') || undefined;
  await db.transaction().execute(async (trx) => {
    for (const it of body.items) {
      await trx
        .insertInto('portal_proposal_reply')
        .values({
          document_id: body.documentId,
          matter_id: m.matterId,
          party_id: m.partyId,
          item_index: it.index,
          answer: it.answer,
          counter_amount_fen: it.counterAmountFen ?? null,
          comment: it.comment ?? null,
        })
        .onConflict((oc) =>
          oc.columns(['document_id', 'party_id', 'item_index']).doUpdateSet({
            answer: it.answer,
            counter_amount_fen: it.counterAmountFen ?? null,
            comment: it.comment ?? null,
            created_at: new Date(),
          }),
        )
        .execute();
    }
    if (!p.caseId) {
      const accepted = body.items.filter((i) => i.answer === 'accept').length;
      await appendEvent(
        trx,
        actor,
        m.matterId,
        'portal_proposal_reply',
        `网上答复调解建议书：同意${accepted}项，不同意或另提金额${body.items.length - accepted}项`,
        {
          documentId: body.documentId,
          side: m.role,
        },
      );
      await appendAudit(trx, actor, {
        action: 'portal.proposal.reply',
        entityType: 'document',
        entityId: body.documentId,
        summary: `${m.partyName}网上答复调解建议书`,
        after: body,
      });
    }
  });
  if (p.caseId && p.jurisdictionId) {
    await recordProposalReplies(ctx, portalDesk(p.jurisdictionId), actor, p.caseId, {
      side: m.role,
      channel: 'portal',
      replies: body.items.map((it) => ({
        claimId: p.items[it.index]!.claimId!,
        accepted: it.answer === 'accept',
        ...(note(it) && { note: note(it) }),
      })),
    });
  }
  return loadProposal(db, m, body.documentId);
}
