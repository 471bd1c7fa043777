import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../db/schema';
import type { Actor } from '../../platform/audit';
import type { AuthContext } from '../../platform/auth';
import { AppError } from '../../platform/errors';
import { enqueuePartyNotice } from '../notifications';
import { createTransfer } from '../transfers';
import { loadInspectionCase, requireState, today } from './inspection.access';
import { type GivenApproval, recordApproval } from './inspection.approvals';
import { issueClosingApproval } from './inspection.closing';
import { addOutcome, assertDecider, employerName, issue, lastOrder } from './inspection.outcomes';
import type { closeBody, referralBody } from './inspection.schema';
import { policeReferralTest, policeThresholds } from './inspection.rules';
import { type CaseRow, step } from './inspection.service';

type Trx = Transaction<DB>;

/**
 * Referrals: dispute items to mediation / arbitration (S3 Art. 21 ¶2; the case stays open), wage refusal
 * to the police when the §7.5 thresholds are met (S3 Art. 18 ¶2), or a transfer of the whole case.
 */
export async function refer(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  caseId: string,
  body: z.infer<typeof referralBody>,
) {
  const { db } = ctx.database;
  const { c, ext } = await loadInspectionCase(db, auth, caseId);
  await assertDecider(ctx, auth, c);
  if (body.kind === 'dispute') {
    requireState(c, ['filed', 'investigating', 'ordered'], '移交争议事项');
    if (!body.toTrack || !body.toOrgId)
      throw new AppError(400, 'REFERRAL_TARGET_REQUIRED', '请选择调解或仲裁及承办单位');
    const transferId = await createTransfer(ctx, auth, actor, c.matter_id, {
      toOrgId: body.toOrgId,
      toTrack: body.toTrack,
      caseId: c.id,
      claimIds: body.claimIds,
      reason: body.reason,
    });
    await db
      .transaction()
      .execute((trx) =>
        addOutcome(
          trx,
          auth,
          c,
          'dispute_referral',
          `争议事项转${body.toTrack === 'mediation' ? '调解' : '仲裁'}：${body.reason}`,
          { details: { transferId } },
        ),
      );
    return { transferId };
  }
  let authority = body.receivingAuthority;
  if (body.toOrgId)
    authority = (
      await db.selectFrom('organization').select('name').where('id', '=', body.toOrgId).executeTakeFirst()
    )?.name;
  if (!authority) throw new AppError(400, 'RECEIVING_AUTHORITY_REQUIRED', '请写明受移送机关');
  let police: ReturnType<typeof policeReferralTest> | null = null;
  const order = body.kind === 'police' ? await lastOrder(ctx, c.id) : undefined;
  if (body.kind === 'police') {
    requireState(c, ['ordered'], '移送公安机关');
    const o = order;
    police = policeReferralTest(await policeThresholds(db), {
      amountFen: Number(o?.amount_fen ?? 0),
      workerCount: o?.worker_count ?? 1,
      monthsOwed: Number((o?.details as { monthsOwed?: number } | null)?.monthsOwed ?? 0),
      deadlinePassed: !!o?.deadline && today(ctx) > o.deadline,
      complied: o?.complied ?? null,
    });
    if (!police.met)
      throw new AppError(
        422,
        'POLICE_THRESHOLD_NOT_MET',
        `不符合移送条件：${police.reasons.join('；')}`,
        police,
      );
  }
  const transferId =
    body.toOrgId && body.kind === 'transfer'
      ? await createTransfer(ctx, auth, actor, c.matter_id, {
          toOrgId: body.toOrgId,
          caseId: c.id,
          reason: body.reason,
        })
      : null;
  return step(
    ctx,
    auth,
    actor,
    c,
    'transfer',
    { version: body.version, reason: body.reason, payload: { receivingAuthority: authority } },
    async (trx) => {
      // 案件移送书 (条例第十八条第二款): to the police for wage refusal, or to the competent department.
      const docs = await trx
        .selectFrom('document')
        .select(['title', 'number'])
        .where('subject_type', '=', 'case')
        .where('subject_id', '=', c.id)
        .where('number', 'is not', null)
        .where('state', '!=', 'superseded')
        .orderBy('created_at')
        .execute();
      const matter = await trx
        .selectFrom('matter')
        .select('narrative')
        .where('id', '=', c.matter_id)
        .executeTakeFirstOrThrow();
      const doc = await issue(ctx, trx, actor, auth, c, 'case_transfer_letter', {
        receivingAuthority: authority,
        kind: body.kind === 'police' ? 'police' : 'transfer',
        employerName: await employerName(trx, c),
        filedDate: ext?.filed_on ?? ext?.received_on ?? today(ctx),
        facts:
          body.kind === 'police' && order
            ? `${order.summary}；经复查，逾期仍未支付`
            : matter.narrative.trim() || body.reason,
        reason: body.reason,
        materials: [
          ...docs.map((d) => `${d.title}${d.number ? `（${d.number}）` : ''}`),
          '调查询问笔录、现场检查笔录及有关证据材料',
        ],
        contact: actor.name,
      });
      const o = await addOutcome(
        trx,
        auth,
        c,
        body.kind === 'police' ? 'police_referral' : 'transfer',
        `移送${authority}：${body.reason}`,
        {
          document_id: doc.id,
          details: { transferId, police },
        },
      );
      return { outcomeId: o.id, transferId, documents: [doc] };
    },
  );
}

/**
 * 结案: the 结案审批表 (internal, 《劳动保障监察条例》；《关于实施〈劳动保障监察条例〉若干规定》 CLOSED) and the result told to the complainant
 * (《保障农民工工资支付条例》第十条第三款), in one transaction with the machine step and the approval
 * (the acting user holds the approving post: a pending request approved, or the approver's own step).
 */
export async function closeCase(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  caseId: string,
  body: z.infer<typeof closeBody>,
  given?: GivenApproval,
) {
  const { db } = ctx.database;
  const { c, ext } = await loadInspectionCase(db, auth, caseId);
  await assertDecider(ctx, auth, c);
  const order = c.state === 'ordered' ? await lastOrder(ctx, c.id) : undefined;
  const payload = c.state === 'ordered' ? { complied: order?.complied === true } : {};
  return step(
    ctx,
    auth,
    actor,
    c,
    'close',
    { version: body.version, reason: '结案', payload },
    async (trx) => {
      const anonymous =
        (
          await trx
            .selectFrom('inspection_reporter')
            .select('anonymous')
            .where('case_id', '=', c.id)
            .executeTakeFirst()
        )?.anonymous ?? false;
      const to =
        ext?.source === 'complaint'
          ? '投诉人'
          : ext?.source === 'report'
            ? anonymous
              ? '匿名举报人（无法告知，存档）'
              : '举报人'
            : '无（依职权检查）';
      const closing = await issueClosingApproval(ctx, trx, actor, auth, c, {
        resultText: body.resultText,
        facts: body.facts,
        opinion: body.opinion,
        source: ext?.source ?? null,
        anonymous,
        filedOn: ext?.filed_on ?? null,
        receivedOn: ext?.received_on ?? null,
      });
      await recordApproval(trx, auth, actor, {
        caseId: c.id,
        kind: 'closing',
        day: today(ctx),
        given,
        request: { kind: 'closing', ...body },
        documentId: closing.document.id,
      });
      const told = await tellResult(ctx, trx, actor, auth, c, {
        source: ext?.source ?? null,
        anonymous,
        receivedOn: ext?.received_on ?? today(ctx),
        resultText: body.resultText,
        channel: body.channel,
      });
      const o = await addOutcome(
        trx,
        auth,
        c,
        'result_notice',
        `处理结果告知${told?.recipientLabel ?? to}：${body.resultText}`,
        {
          ...(told?.document && { document_id: told.document.id }),
          details: {
            channel: body.channel,
            to,
            anonymous,
            partyNoticeId: told?.noticeId ?? null,
            closingApprovalDocumentId: closing.document.id,
          },
        },
      );
      return {
        outcomeId: o.id,
        documents: [closing.document, ...(told?.document ? [told.document] : [])],
      };
    },
  );
}

export const ANONYMOUS_RECIPIENT = '无法告知（匿名）';

/**
 * Tells the complainant (or a named reporter) the result (《保障农民工工资支付条例》第十条第三款): the
 * 投诉处理结果告知书 and a party notice — an SMS to the phone on the party record (decrypted only when
 * sent), or a record of the telephone / mail / in-person notice. Anonymous reporters: recorded as
 * "无法告知（匿名）". Cases opened ex officio have nobody to tell.
 */
async function tellResult(
  ctx: AppContext,
  trx: Trx,
  actor: Actor,
  auth: AuthContext,
  c: CaseRow,
  v: {
    source: string | null;
    anonymous: boolean;
    receivedOn: string;
    resultText: string;
    channel: 'sms' | 'phone' | 'mail' | 'in_person';
  },
) {
  if (v.source !== 'complaint' && v.source !== 'report') return null;
  const employer = await employerName(trx, c);
  const params = { employer, number: c.number, result: v.resultText, document: '无' };
  const base = { subjectType: 'case', subjectId: c.id, template: 'inspection.result' as const };
  if (v.source === 'report' && v.anonymous) {
    const noticeId = await enqueuePartyNotice(trx, {
      ...base,
      recipientLabel: ANONYMOUS_RECIPIENT,
      channel: 'none',
      params,
      dedupeKey: `inspection.result:${c.id}`,
      createdBy: auth.userId,
    });
    return { recipientLabel: ANONYMOUS_RECIPIENT, noticeId, document: null };
  }
  const complainant =
    v.source === 'complaint'
      ? await trx
          .selectFrom('matter_party as mp')
          .innerJoin('party as p', 'p.id', 'mp.party_id')
          .select(['p.id', 'p.name'])
          .where('mp.matter_id', '=', c.matter_id)
          .where('mp.role', '=', 'worker')
          .orderBy('mp.sort')
          .executeTakeFirst()
      : undefined;
  const recipientLabel = v.source === 'complaint' ? `投诉人${complainant?.name ?? ''}` : '举报人';
  const document = await issue(ctx, trx, actor, auth, c, 'inspection_result_notice', {
    complainantName: complainant?.name ?? '举报人（身份依法保密）',
    employerName: employer,
    complaintDate: v.receivedOn,
    caseNumber: c.number,
    result: v.resultText,
  });
  const noticeId = await enqueuePartyNotice(trx, {
    ...base,
    partyId: complainant?.id ?? null,
    reporterCaseId: v.source === 'report' ? c.id : null,
    recipientLabel,
    channel: v.channel,
    params: { ...params, document: document.number ?? '另行送达' },
    documentId: document.id,
    dedupeKey: `inspection.result:${c.id}`,
    createdBy: auth.userId,
  });
  return { recipientLabel, noticeId, document };
}
