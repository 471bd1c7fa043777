import { daysBetween, type Permission } from '@onestop/domain';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../db/schema';
import { type Actor, appendAudit } from '../../platform/audit';
import type { AuthContext } from '../../platform/auth';
import { businessToday } from '../../platform/time';
import { AppError } from '../../platform/errors';
import { applyTransition, applyTransitionInTrx, openCaseInTrx, workflowToHttp } from '../cases';
import { issueDecision } from './legal-aid.decision';
import { getClocksService } from '../clocks';
import { OPEN_STATUSES } from '../clocks';
import { getDocumentsService } from '../documents';
import { appendEvent } from '../../platform/scope';
import type { ReferralView } from './legal-aid.presenter';
import type { referBody } from './legal-aid.schema';
import { screenMatter } from './legal-aid.screening';

/** Anyone handling the matter may refer: agencies must tell parties they may apply (《法律援助法》第三十五条). */
export const REFERRER_PERMISSIONS: readonly Permission[] = [
  'intake.create',
  'legal_aid.work',
  'petition.work',
  'mediation.work',
  'arbitration.work',
  'arbitration.clerk',
  'inspection.work',
];

export function referrerPermission(auth: AuthContext): Permission | undefined {
  return REFERRER_PERMISSIONS.find((p) => auth.permissions.has(p));
}

const DECISION_LABELS = {
  granted: '决定给予法律援助',
  refused: '决定不予法律援助',
  provisional: '先行提供法律援助',
} as const;

/**
 * Refers a matter to the legal-aid center: the screening (《法律援助法》第三十一条、第四十二条、第四十四条) at this moment, a legal_aid case
 * (linked to no claim: legal aid runs beside the claim's procedure, 《劳动保障监察条例》第二十一条第二款 is not engaged) whose
 * decision clock (7 days, T-L1) runs from today, the 转介函 issued by the center, the timeline.
 */
export async function referMatter(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  matterId: string,
  body: z.infer<typeof referBody>,
): Promise<string> {
  const { db } = ctx.database;
  const today = businessToday(ctx.config);
  const s = await screenMatter(db, matterId, today, body.deadline);
  if (!s.eligible && !s.urgent && !body.urgentMeasureNeeded) {
    throw new AppError(422, 'LEGAL_AID_NOT_ELIGIBLE', `${s.reason}，不能转介法律援助`, { screening: s });
  }
  if (!s.applicantName)
    throw new AppError(422, 'LEGAL_AID_NO_APPLICANT', '事项未登记劳动者，不能转介法律援助');
  const open = await db
    .selectFrom('legal_aid_referral as r')
    .innerJoin('track_case as c', 'c.id', 'r.case_id')
    .select('c.number')
    .where('r.matter_id', '=', matterId)
    .where('c.closed', '=', false)
    .executeTakeFirst();
  if (open)
    throw new AppError(409, 'LEGAL_AID_REFERRAL_OPEN', `该事项已转介法律援助（${open.number}），尚在办理中`);
  return db.transaction().execute(async (trx) => {
    const opened = await openCaseInTrx(
      ctx,
      trx,
      auth,
      actor,
      matterId,
      { track: 'legal_aid', claimIds: [] },
      { checkOpener: false },
    );
    const clock = await trx
      .selectFrom('clock')
      .select(['id', 'trigger_date'])
      .where('subject_type', '=', 'case')
      .where('subject_id', '=', opened.id)
      .where('rule_id', '=', 'legal-aid.decision')
      .where('status', 'in', OPEN_STATUSES)
      .executeTakeFirst();
    if (clock && clock.trigger_date !== today) {
      await getClocksService(ctx).restart(trx, clock.id, today, '法律援助机构于转介之日收到申请', actor);
    }
    const c = await trx
      .selectFrom('track_case')
      .select('organization_id')
      .where('id', '=', opened.id)
      .executeTakeFirstOrThrow();
    const aidOrg = await trx
      .selectFrom('organization')
      .select(['name'])
      .where('id', '=', c.organization_id)
      .executeTakeFirstOrThrow();
    const center = await trx
      .selectFrom('organization')
      .select(['id', 'phone'])
      .where('agency', '=', 'hrss')
      .where('parent_id', 'is', null)
      .orderBy('sort')
      .executeTakeFirst();
    const reason = [s.reason, body.reason].filter(Boolean).join('；');
    const m = await trx
      .selectFrom('matter')
      .select('number')
      .where('id', '=', matterId)
      .executeTakeFirstOrThrow();
    const doc = await getDocumentsService(ctx).createAndIssue(trx, actor, {
      subjectType: 'matter',
      subjectId: matterId,
      type: 'legal_aid_referral',
      fields: {
        toAgency: aidOrg.name,
        applicantName: s.applicantName,
        matter: `${s.claimLabels.join('、') || '劳动争议'}（事项编号 ${m.number}）`,
        reason,
        contact: `${actor.name}${center?.phone ? ` ${center.phone}` : ''}`,
        urgent: s.urgent,
      },
      issuerOrgId: center?.id ?? auth.organizationId,
    });
    const row = await trx
      .insertInto('legal_aid_referral')
      .values({
        case_id: opened.id,
        matter_id: matterId,
        applicant_party_id: s.applicantPartyId,
        applicant_name: s.applicantName!,
        claim_types: s.claimTypes,
        means_test_exempt: s.meansTestExempt,
        exemption_reason: s.exemptionReason,
        economic_hardship: s.meansTestExempt ? null : (body.economicHardship ?? null),
        urgent: s.urgent || body.urgentMeasureNeeded === true,
        days_left: s.daysLeft,
        urgent_measure_needed: body.urgentMeasureNeeded ?? false,
        reason,
        referral_document_id: doc.id,
        decision: null,
        decided_on: null,
        refusal_reason: null,
        lawyer_name: null,
        law_firm: null,
        assigned_on: null,
        result: null,
        created_by: auth.userId,
        updated_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const flags = [
      s.meansTestExempt ? '免予核查经济困难' : '',
      s.urgent ? `紧急：剩余${s.daysLeft}日，可先行援助` : '',
    ].filter(Boolean);
    const summary = `转介法律援助（${opened.number}，转介函 ${doc.number}）${flags.length ? `：${flags.join('；')}` : ''}`;
    await appendEvent(trx, actor, matterId, 'legal_aid_referred', summary, {
      referralId: row.id,
      caseId: opened.id,
      documentId: doc.id,
    });
    await appendAudit(trx, actor, {
      action: 'legal_aid.refer',
      entityType: 'legal_aid_referral',
      entityId: row.id,
      summary: `${m.number}：${summary}`,
      after: { screening: s, documentNumber: doc.number },
    });
    return row.id;
  });
}

async function updateAndLog(
  ctx: AppContext,
  actor: Actor,
  r: ReferralView,
  set: Record<string, unknown>,
  kind: string,
  summary: string,
) {
  await ctx.database.db.transaction().execute((trx) => updateAndLogInTrx(trx, actor, r, set, kind, summary));
}

async function updateAndLogInTrx(
  trx: Transaction<DB>,
  actor: Actor,
  r: ReferralView,
  set: Record<string, unknown>,
  kind: string,
  summary: string,
) {
  await trx
    .updateTable('legal_aid_referral')
    .set((eb) => ({ ...set, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', r.id)
    .execute();
  await appendEvent(trx, actor, r.matter.id, kind, summary, { referralId: r.id });
  await appendAudit(trx, actor, {
    action: `legal_aid.${kind}`,
    entityType: 'legal_aid_referral',
    entityId: r.id,
    summary,
    after: set,
  });
}

/** The legal-aid center's decision within 7 days (T-L1; 《法律援助法》第四十三条、第四十四条). */
export async function decide(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  r: ReferralView,
  body: {
    decision: 'grant' | 'refuse' | 'provisional';
    refusalReason?: string | undefined;
    economicHardship?: boolean | undefined;
    lawyerName?: string | undefined;
    lawFirm?: string | undefined;
    version?: number | undefined;
  },
) {
  const today = businessToday(ctx.config);
  const hardship = body.economicHardship ?? r.economicHardship ?? undefined;
  const event =
    body.decision === 'grant' ? 'grant' : body.decision === 'refuse' ? 'refuse' : 'provide_urgent_aid';
  const payload: Record<string, unknown> =
    event === 'grant'
      ? {
          subjectMatterEligible: r.claimTypes.length > 0,
          meansTestExempt: r.meansTestExempt,
          ...(hardship !== undefined && { economicHardship: hardship }),
        }
      : event === 'refuse'
        ? { refusalReason: body.refusalReason ?? '' }
        : {
            ...(r.daysLeft !== null && { daysToDeadline: r.daysLeft }),
            urgentMeasureNeeded: r.urgentMeasureNeeded,
          };
  const decision =
    body.decision === 'grant' ? 'granted' : body.decision === 'refuse' ? 'refused' : 'provisional';
  const lawyer =
    decision === 'provisional' && body.lawyerName
      ? { lawyer_name: body.lawyerName, law_firm: body.lawFirm ?? null, assigned_on: today }
      : {};
  // The step, the record and its decision document (给予/不予法律援助决定书) in one transaction.
  await ctx.database.db.transaction().execute(async (trx) => {
    try {
      await applyTransitionInTrx(ctx, trx, auth, actor, r.case.id, event, {
        expectedVersion: body.version,
        reason: event === 'refuse' ? body.refusalReason : undefined,
        payload,
      });
    } catch (err) {
      throw workflowToHttp(err);
    }
    const document =
      decision === 'provisional'
        ? undefined
        : await issueDecision(ctx, trx, actor, r, decision, body, hardship);
    await updateAndLogInTrx(
      trx,
      actor,
      r,
      {
        decision,
        decided_on: today,
        refusal_reason: body.refusalReason ?? null,
        ...(hardship !== undefined && { economic_hardship: hardship }),
        ...lawyer,
      },
      'legal_aid_decided',
      `法律援助：${DECISION_LABELS[decision]}${decision === 'refused' ? `（理由：${body.refusalReason}）` : ''}${r.meansTestExempt && decision !== 'refused' ? '（免予核查经济困难状况）' : ''}${body.lawyerName && decision === 'provisional' ? `，指派${body.lawyerName}律师` : ''}${document ? `；签发${document.number}` : ''}`,
    );
  });
}

/** Lawyer assignment within 3 days of the decision (《法律援助法》第四十三条). */
export async function assignLawyer(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  r: ReferralView,
  body: { lawyerName: string; lawFirm: string; version?: number | undefined },
) {
  const today = businessToday(ctx.config);
  if (r.case.state === 'granted') {
    await applyTransition(ctx, auth, actor, r.case.id, 'assign_lawyer', {
      expectedVersion: body.version,
      payload: { lawyerName: body.lawyerName, lawFirm: body.lawFirm },
    });
  } else if (r.case.state !== 'provisional_aid' && r.case.state !== 'in_service') {
    throw new AppError(409, 'LEGAL_AID_NOT_GRANTED', '尚未决定给予法律援助，不能指派律师');
  }
  const late = r.decidedOn ? daysBetween(r.decidedOn, today) > 3 : false;
  await updateAndLog(
    ctx,
    actor,
    r,
    { lawyer_name: body.lawyerName, law_firm: body.lawFirm, assigned_on: today },
    'legal_aid_lawyer',
    `法律援助指派律师：${body.lawyerName}（${body.lawFirm}）${late ? '（超过决定之日起三日）' : ''}`,
  );
}

export async function confirmProvisional(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  r: ReferralView,
  body: { economicHardship?: boolean | undefined; version?: number | undefined },
) {
  const hardship = body.economicHardship ?? r.economicHardship ?? undefined;
  await applyTransition(ctx, auth, actor, r.case.id, 'confirm', {
    expectedVersion: body.version,
    payload: {
      subjectMatterEligible: r.claimTypes.length > 0,
      meansTestExempt: r.meansTestExempt,
      ...(hardship !== undefined && { economicHardship: hardship }),
    },
  });
  await updateAndLog(
    ctx,
    actor,
    r,
    { decision: 'granted', ...(hardship !== undefined && { economic_hardship: hardship }) },
    'legal_aid_confirmed',
    '先行援助补办手续，确认给予法律援助',
  );
}

export async function recordResult(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  r: ReferralView,
  body: { result: string; version?: number | undefined },
) {
  await applyTransition(ctx, auth, actor, r.case.id, 'close', {
    expectedVersion: body.version,
    reason: body.result,
  });
  await updateAndLog(
    ctx,
    actor,
    r,
    { result: body.result },
    'legal_aid_result',
    `法律援助结案：${body.result}`,
  );
}
