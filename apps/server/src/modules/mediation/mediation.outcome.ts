import { chineseDate, type Instalment, instalmentProblem } from '@onestop/domain';
import type { z } from 'zod';
import { createObligations } from '../obligations';
import type { AppContext } from '../../platform/context';
import type { Actor } from '../../platform/audit';
import type { AuthContext } from '../../platform/auth';
import { businessToday } from '../../platform/time';
import { AppError } from '../../platform/errors';
import { enqueueJob } from '../../platform/jobs';
import { getDocumentsService } from '../documents';
import { appendEvent } from '../../platform/scope';
import { sendClaimsToArbitration } from './mediation.arbitration';
import { mediationIssuer } from './mediation.issuer';
import {
  assertDesk,
  assertVersion,
  currentState,
  loadCase,
  matterParties,
  openClaims,
  step,
  type Trx,
  yuanText,
} from './mediation.common';
import { BASIS, claimTypeLabel, itemOutcome, paymentOrderEligible } from './mediation.rules';
import type { agreementBody, closeBody, performanceBody } from './mediation.schema';

export const PERFORMANCE_JOB = 'mediation.performance-due';

/**
 * A session on the spot (当场调解) when none is running: schedule + hold, both legal steps of the
 * machine, so that the window can sign an agreement in one action.
 */
async function ensureInSession(
  ctx: AppContext,
  trx: Trx,
  auth: AuthContext,
  actor: Actor,
  caseId: string,
  record: string | undefined,
) {
  let { state } = await currentState(trx, caseId);
  if (state === 'registered' || state === 'proposal_sent') {
    await step(ctx, trx, auth, actor, caseId, 'schedule_session', {
      reason: '当场调解',
      payload: { bothPartiesConsent: true },
    });
    await trx
      .insertInto('mediation_session')
      .values({
        case_id: caseId,
        starts_at: new Date(),
        room: '窗口当场调解',
        mediators: JSON.stringify([{ name: actor.name, agency: 'hrss' }]),
        participants: JSON.stringify([]),
        record: record ?? null,
        status: 'held',
        created_by: actor.id,
        updated_at: new Date(),
      })
      .execute();
    state = 'session_scheduled';
  }
  if (state === 'session_scheduled') {
    await step(ctx, trx, auth, actor, caseId, 'hold_session');
    await trx
      .updateTable('mediation_session')
      .set({ status: 'held', ...(record ? { record } : {}), updated_at: new Date() })
      .where('case_id', '=', caseId)
      .where('status', '=', 'scheduled')
      .execute();
  }
}

/**
 * The 调解协议书 on the items both sides accepted (signed; performance date; reminder on that date);
 * the items either side rejected go to arbitration WITHOUT retyping (same claims and amounts).
 */
export async function concludeAgreement(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  caseId: string,
  body: z.infer<typeof agreementBody>,
) {
  const { db } = ctx.database;
  return db.transaction().execute(async (trx) => {
    const { c, m } = await loadCase(trx, caseId);
    assertVersion(c, body.version);
    await assertDesk(trx, auth, c.jurisdiction_id);
    const today = businessToday(ctx.config);
    if (body.performanceDate < today) {
      throw new AppError(400, 'PERFORMANCE_DATE_PAST', '履行期限不能早于今天', { field: 'performanceDate' });
    }
    const items = await trx
      .selectFrom('mediation_proposal_item')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('sort')
      .execute();
    const claims = await openClaims(trx, caseId);
    const withOutcome = items
      .filter((i) => claims.some((cl) => cl.id === i.claim_id))
      .map((i) => ({
        ...i,
        outcome: itemOutcome(i.worker_reply, i.employer_reply),
        claim: claims.find((cl) => cl.id === i.claim_id)!,
      }));
    if (!withOutcome.length)
      throw new AppError(422, 'MEDIATION_NO_PROPOSAL', '尚未提出调解建议，不能签订调解协议');
    const open = withOutcome.filter((i) => i.outcome === 'open');
    if (open.length) {
      throw new AppError(
        422,
        'MEDIATION_REPLIES_PENDING',
        `尚有${open.length}项建议未经双方答复：${open.map((i) => claimTypeLabel(i.claim)).join('、')}`,
      );
    }
    const agreed = withOutcome.filter((i) => i.outcome === 'agreed');
    const refused = withOutcome.filter((i) => i.outcome === 'refused');
    if (!agreed.length)
      throw new AppError(422, 'MEDIATION_NOTHING_AGREED', '没有双方均同意的事项，请登记调解不成');

    const schedule = instalmentsByItem(agreed, body.instalments, today);
    await ensureInSession(ctx, trx, auth, actor, caseId, body.sessionRecord);
    const event = refused.length ? 'agree_partially' : 'agree';
    await step(ctx, trx, auth, actor, caseId, event, {
      reason: `履行期限${body.performanceDate}`,
      payload: { itemsTotal: withOutcome.length, itemsAgreed: agreed.length, agreementSigned: body.signed },
    });
    const { workers, employers } = await matterParties(trx, c.matter_id);
    const terms = [
      ...agreed.map(
        (i) =>
          // '乙方向甲方支付拖欠工资（2026年8月）人民币4,500.00元': the label's own 支付 is not repeated.
          `乙方向甲方支付${claimTypeLabel(i.claim).replace(/^支付/, '')}人民币${yuanText(i.proposed_fen)}${instalmentText(schedule.get(i.claim_id))}`,
      ),
      ...body.extraTerms,
      ...(refused.length
        ? [
            `其余请求事项（${refused.map((i) => claimTypeLabel(i.claim)).join('、')}）未达成一致，由甲方依法申请仲裁`,
          ]
        : []),
    ];
    const issuer = await mediationIssuer(ctx, trx, actor, caseId);
    const doc = await getDocumentsService(ctx).createAndIssue(trx, actor, {
      subjectType: 'case',
      subjectId: caseId,
      type: 'mediation_agreement',
      fields: {
        workerName: workers.map((w) => w.name).join('、'),
        employerName: employers.map((e) => e.name).join('、'),
        matter: withOutcome.map((i) => claimTypeLabel(i.claim)).join('、'),
        terms,
        performanceDeadline: body.performanceDate,
        mediatorName: m.mediator_name ?? actor.name,
        organizationName: issuer.name,
      },
      issuerOrgId: issuer.id,
      userOrgId: auth.organizationId,
    });
    // Each agreed payment item becomes an obligation followed until paid (issue #21).
    await createObligations(ctx, trx, actor, {
      matterId: c.matter_id,
      caseId,
      source: 'mediation_agreement',
      sourceDocumentId: doc.id,
      sourceLabel: `调解协议书${doc.number}`,
      effectiveDate: today,
      responsibleUserId: m.mediator_user_id ?? actor.id,
      items: agreed.map((i) => ({
        item: claimTypeLabel(i.claim),
        claimType: i.claim.type,
        amountFen: i.proposed_fen,
        dueDate: body.performanceDate,
        instalments: schedule.get(i.claim_id) ?? [],
      })),
    });
    let arbitration: { id: string; number: string } | null = null;
    if (refused.length) {
      arbitration = await sendClaimsToArbitration(ctx, trx, auth, actor, {
        matterId: c.matter_id,
        claimIds: refused.map((i) => i.claim_id),
        fromCaseId: caseId,
        reason: '调解未达成一致的事项',
      });
    }
    await trx
      .updateTable('mediation_case')
      .set((eb) => ({
        agreement_document_id: doc.id,
        agreement_signed_at: new Date(),
        performance_date: body.performanceDate,
        ...(arbitration && { arbitration_case_id: arbitration.id }),
        version: eb('version', '+', 1),
        updated_at: new Date(),
      }))
      .where('case_id', '=', caseId)
      .execute();
    // Reminder on the performance date (the sweep of notifications delivers it to the mediator).
    await enqueueJob(
      trx,
      PERFORMANCE_JOB,
      { caseId },
      {
        dedupeKey: `${PERFORMANCE_JOB}:${caseId}:${body.performanceDate}`,
        runAt: new Date(`${body.performanceDate}T01:00:00Z`),
      },
    );
    const total = agreed.reduce((s, i) => s + i.proposed_fen, 0);
    await appendEvent(
      trx,
      actor,
      c.matter_id,
      'mediation_agreement',
      `${c.number}：签订调解协议书 ${doc.number}（${agreed.length}项，合计${yuanText(total)}，履行期限${body.performanceDate}）${BASIS.agreement}`,
      { caseId, documentId: doc.id, arbitrationCaseId: arbitration?.id ?? null },
    );
    return { document: doc, arbitration, agreedItems: agreed.length, refusedItems: refused.length };
  });
}

/** The instalments agreed per item (调解协议书 terms): amounts add up to the item, dates increasing. */
function instalmentsByItem(
  agreed: readonly { claim_id: string; proposed_fen: number }[],
  instalments: z.infer<typeof agreementBody>['instalments'],
  today: string,
): Map<string, Instalment[]> {
  const byItem = new Map<string, Instalment[]>();
  for (const i of instalments) {
    if (!agreed.some((a) => a.claim_id === i.claimId)) {
      throw new AppError(400, 'INSTALMENT_ITEM_UNKNOWN', '分期履行的事项不在双方同意的事项中', {
        field: 'instalments',
      });
    }
    if (i.dueDate < today) {
      throw new AppError(400, 'INSTALMENT_DATE_PAST', '分期履行日期不能早于今天', { field: 'instalments' });
    }
    byItem.set(i.claimId, [...(byItem.get(i.claimId) ?? []), { amountFen: i.amountFen, dueDate: i.dueDate }]);
  }
  for (const a of agreed) {
    const problem = instalmentProblem(a.proposed_fen, byItem.get(a.claim_id) ?? []);
    if (problem) throw new AppError(400, 'INSTALMENTS_INVALID', problem, { field: 'instalments' });
  }
  return byItem;
}

function instalmentText(schedule: readonly Instalment[] | undefined): string {
  if (!schedule?.length) return '';
  return `，分${schedule.length}期履行：${schedule
    .map((s, n) => `第${n + 1}期于${chineseDate(s.dueDate)}前支付${yuanText(s.amountFen)}`)
    .join('，')}`;
}

const CLOSE_LABELS = {
  fail: '调解不成',
  no_show: '当事人未到场',
  respondent_refuses: '用人单位不同意调解',
  period_expired: '调解期满未达成协议',
  withdraw: '申请人撤回调解申请',
} as const;

/** Failure, no-show, refusal, expiry (→ arbitration pre-filled from the matter) or withdrawal. */
export async function closeWithoutAgreement(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  caseId: string,
  body: z.infer<typeof closeBody>,
) {
  const { db } = ctx.database;
  return db.transaction().execute(async (trx) => {
    const { c } = await loadCase(trx, caseId);
    assertVersion(c, body.version);
    await assertDesk(trx, auth, c.jurisdiction_id);
    const claimIds = (await openClaims(trx, caseId)).map((cl) => cl.id);
    const payload: Record<string, unknown> = {};
    if (body.outcome === 'fail') await ensureInSession(ctx, trx, auth, actor, caseId, body.reason);
    if (body.outcome === 'withdraw') payload.withdrawalReason = body.reason;
    if (body.outcome === 'period_expired') {
      const clock = await trx
        .selectFrom('clock')
        .select('trigger_date')
        .where('subject_type', '=', 'case')
        .where('subject_id', '=', caseId)
        .where('rule_id', '=', 'mediation.settlement')
        .orderBy('created_at', 'desc')
        .executeTakeFirst();
      const start = clock?.trigger_date ?? businessToday(ctx.config);
      payload.daysSinceReceipt = Math.round(
        (Date.parse(businessToday(ctx.config)) - Date.parse(start)) / 86_400_000,
      );
    }
    if (body.outcome === 'no_show') {
      await trx
        .updateTable('mediation_session')
        .set({ status: 'no_show', updated_at: new Date() })
        .where('case_id', '=', caseId)
        .where('status', '=', 'scheduled')
        .execute();
    }
    await step(ctx, trx, auth, actor, caseId, body.outcome, { reason: body.reason, payload });
    let arbitration: { id: string; number: string } | null = null;
    if (body.outcome !== 'withdraw' && body.toArbitration && claimIds.length) {
      arbitration = await sendClaimsToArbitration(ctx, trx, auth, actor, {
        matterId: c.matter_id,
        claimIds,
        reason: CLOSE_LABELS[body.outcome],
      });
      await trx
        .updateTable('mediation_case')
        .set((eb) => ({
          arbitration_case_id: arbitration!.id,
          version: eb('version', '+', 1),
          updated_at: new Date(),
        }))
        .where('case_id', '=', caseId)
        .execute();
    }
    return { arbitration };
  });
}

/**
 * Performance of the agreement. Not performed by the agreed date (《劳动争议调解仲裁法》第十六条): wage, work-injury medical fee,
 * economic compensation and damages items → 支付令 guidance with a court-docking record; any other item
 * → arbitration (《劳动争议调解仲裁法》第十五条、第十六条).
 */
export async function recordPerformance(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  caseId: string,
  body: z.infer<typeof performanceBody>,
) {
  const { db } = ctx.database;
  return db.transaction().execute(async (trx) => {
    const { c, m } = await loadCase(trx, caseId);
    assertVersion(c, body.version);
    await assertDesk(trx, auth, c.jurisdiction_id);
    if (body.performed) {
      await step(ctx, trx, auth, actor, caseId, 'perform', { ...(body.note ? { reason: body.note } : {}) });
      return { paymentOrder: null, arbitration: null };
    }
    const today = businessToday(ctx.config);
    const claims = await openClaims(trx, caseId);
    await step(ctx, trx, auth, actor, caseId, 'report_non_performance', {
      ...(body.note ? { reason: body.note } : {}),
      payload: { performanceDeadlinePassed: m.performance_date !== null && m.performance_date < today },
    });
    const orderable = claims.filter((cl) => paymentOrderEligible(cl.type));
    const others = claims.filter((cl) => !paymentOrderEligible(cl.type));
    let paymentOrder: string | null = null;
    if (orderable.length) {
      const row = await trx
        .insertInto('mediation_followup')
        .values({
          case_id: caseId,
          kind: 'payment_order',
          body: body.court ?? '随州市曾都区人民法院',
          claim_ids: orderable.map((cl) => cl.id),
          filed_on: today,
          note: `凭调解协议书向人民法院申请支付令（${BASIS.paymentOrder}）；法院终结督促程序的，可以就调解协议直接起诉`,
          created_by: actor.id,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      paymentOrder = row.id;
      await appendEvent(
        trx,
        actor,
        c.matter_id,
        'mediation_payment_order',
        `${c.number}：调解协议未履行，告知劳动者就${orderable.map((cl) => claimTypeLabel(cl)).join('、')}申请支付令，已登记诉调对接`,
        { caseId, followupId: row.id },
      );
    }
    let arbitration: { id: string; number: string } | null = null;
    if (others.length) {
      arbitration = await sendClaimsToArbitration(ctx, trx, auth, actor, {
        matterId: c.matter_id,
        claimIds: others.map((cl) => cl.id),
        reason: '调解协议未履行（《劳动争议调解仲裁法》第十五条）',
      });
    }
    return { paymentOrder, arbitration };
  });
}
