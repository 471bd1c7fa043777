import type { AppContext } from '../../platform/context';
import type { Actor } from '../../platform/audit';
import type { AuthContext } from '../../platform/auth';
import { dateOf } from '../../platform/time';
import { AppError } from '../../platform/errors';
import { applyTransitionInTrx, workflowToHttp } from '../cases';
import { getDocumentsService } from '../documents';
import { appendEvent } from '../../platform/scope';
import { kickRender, type PetitionRow } from './petitions.records';

/**
 * The documents petition steps issue (issue #13), each in the same transaction as its step:
 * 导入 → 不予受理告知书 (条例第三十一条), 检举控告转送 → 转送告知书 (第三十条), 延期 → 延期办理告知书
 * (第三十四条), 复查 → 复查意见书 (第三十五条), 复核 → 复核意见书 (第三十六条).
 */
export const STEP_DOCUMENTS: Readonly<Record<string, string>> = {
  channel: 'petition_rejection_notice',
  forward_accusation: 'petition_forward_notice',
  extend: 'petition_extension_notice',
  issue_review: 'petition_review_opinion',
  issue_re_review: 'petition_re_review_opinion',
};

/** Days of the petition handling period and its one extension (《信访工作条例》第三十四条). */
export const HANDLING_DAYS = 60;
export const EXTENSION_DAYS = 30;

export interface StepDocumentInput {
  reason?: string | undefined;
  receivingOrgan?: string | undefined;
  extensionReason?: string | undefined;
  channel?: string | undefined;
  facts?: string | undefined;
  opinion?: string | undefined;
  legalBasis?: string | undefined;
}

const addDays = (iso: string, days: number) => {
  const t = new Date(`${iso}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
};

function required(value: string | undefined, field: string, label: string): string {
  if (!value?.trim())
    throw new AppError(400, 'PETITION_DOCUMENT_FIELD_REQUIRED', `请填写${label}`, { field });
  return value.trim();
}

/**
 * One petition step and the document it issues, in one transaction (the step's clocks, timeline and
 * audit come from the cases engine; the document's 文号 from the petition office's patterns).
 */
export async function stepWithDocument(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  p: PetitionRow,
  event: string,
  input: { version?: number | undefined; reason?: string | undefined; payload?: Record<string, unknown> },
  body: StepDocumentInput,
) {
  const type = STEP_DOCUMENTS[event];
  const { db } = ctx.database;
  const issued = await db.transaction().execute(async (trx) => {
    const c = await trx
      .selectFrom('track_case as c')
      .innerJoin('matter as m', 'm.id', 'c.matter_id')
      .select(['c.number', 'm.received_at'])
      .where('c.id', '=', p.case_id)
      .executeTakeFirstOrThrow();
    const common = {
      petitionerName: p.petitioner_name,
      caseNumber: c.number,
      receivedDate: dateOf(ctx.config, new Date(c.received_at)),
      request: p.request,
    };
    let fields: Record<string, unknown> | undefined;
    if (type === 'petition_rejection_notice') {
      fields = {
        ...common,
        reason: required(body.reason, 'reason', '不予受理理由'),
        channel: required(body.channel, 'channel', '应当提出的途径'),
      };
    } else if (type === 'petition_forward_notice') {
      fields = { ...common, receivingOrgan: required(body.receivingOrgan, 'receivingOrgan', '接收机关') };
    } else if (type === 'petition_extension_notice') {
      const accepted = await trx
        .selectFrom('case_event')
        .select('at')
        .where('case_id', '=', p.case_id)
        .where('event', '=', 'accept')
        .orderBy('seq', 'desc')
        .executeTakeFirst();
      const acceptedDate = dateOf(ctx.config, accepted ? new Date(accepted.at) : new Date());
      const originalDeadline = addDays(acceptedDate, HANDLING_DAYS);
      fields = {
        ...common,
        acceptedDate,
        originalDeadline,
        newDeadline: addDays(originalDeadline, EXTENSION_DAYS),
        extensionReason: required(body.extensionReason ?? body.reason, 'extensionReason', '延期理由'),
      };
    } else if (type === 'petition_review_opinion' || type === 'petition_re_review_opinion') {
      const reviewedType =
        type === 'petition_review_opinion' ? 'petition_opinion' : 'petition_review_opinion';
      const reviewed = await trx
        .selectFrom('document')
        .select(['title', 'number'])
        .where('subject_id', '=', p.matter_id)
        .where('type', '=', reviewedType)
        .where('number', 'is not', null)
        .orderBy('created_at', 'desc')
        .executeTakeFirst();
      fields = {
        ...common,
        reviewedOpinion: reviewed ? `${reviewed.number}《${reviewed.title}》` : '原处理意见',
        facts: required(body.facts, 'facts', '查明的事实'),
        opinion: required(body.opinion, 'opinion', '意见'),
        legalBasis: required(body.legalBasis, 'legalBasis', '依据'),
      };
    }
    try {
      await applyTransitionInTrx(ctx, trx, auth, actor, p.case_id, event, {
        expectedVersion: input.version,
        reason: input.reason,
        payload: input.payload,
      });
    } catch (err) {
      throw workflowToHttp(err);
    }
    if (!type || !fields) return undefined;
    const doc = await getDocumentsService(ctx).createAndIssue(trx, actor, {
      subjectType: 'matter',
      subjectId: p.matter_id,
      type,
      fields,
      issuerOrgId: p.organization_id,
    });
    const title = (
      await trx.selectFrom('document').select('title').where('id', '=', doc.id).executeTakeFirstOrThrow()
    ).title;
    await appendEvent(trx, actor, p.matter_id, 'document_issued', `签发${title} ${doc.number}`, {
      documentId: doc.id,
      petitionId: p.id,
    });
    return { id: doc.id, type, title, number: doc.number, state: 'pending' };
  });
  kickRender(ctx);
  return issued;
}
