import type { AppContext } from '../../platform/context';
import type { Actor } from '../../platform/audit';
import type { AuthContext } from '../../platform/auth';
import { businessToday } from '../../platform/time';
import { AppError } from '../../platform/errors';
import { getClocksService } from '../clocks';
import { documentNames } from './arbitration.data';
import { addCalendarDays, localDate, settingNumber, type Trx } from './arbitration.runtime';
import { reviewStored, SAME_DAY_RULE } from './arbitration.service';
import { addRecord, type IssuedDoc, issueFor, transitionCase } from './arbitration.steps';

/** 不予受理 reason codes of the 不予受理通知书 (办案规则第三十条第（一）至（三）项) → the machine's codes. */
export const REJECTION_CODES = {
  out_of_scope: 'outside_scope',
  no_clear_claim: 'unclear_claims',
  no_standing: 'no_standing',
} as const;
export type RejectionCode = keyof typeof REJECTION_CODES;

type Auth = Pick<AuthContext, 'grants'>;

/** Meets the center's same-day clock (the decision was made). No-op when none is running. */
async function meetSameDay(ctx: AppContext, trx: Trx, actor: Actor, caseId: string, reason: string) {
  const row = await trx
    .selectFrom('clock')
    .select('id')
    .where('subject_type', '=', 'case')
    .where('subject_id', '=', caseId)
    .where('rule_id', '=', SAME_DAY_RULE)
    .where('status', 'in', ['running', 'suspended', 'extended'])
    .executeTakeFirst();
  if (row) await getClocksService(ctx).meet(trx, row.id, actor, reason);
}

/**
 * 受理 (调解仲裁法第二十九条; 办案规则第三十条): the four conditions hold and the materials are complete →
 * the machine's 'accept' (award clock 《劳动争议调解仲裁法》第四十三条；《劳动人事争议仲裁办案规则》第四十五条 starts), the 受理通知书 issued at once; for wage arrears,
 * work injury and major collective disputes this is the same day (center policy) and meets that clock.
 */
export async function acceptApplication(
  ctx: AppContext,
  trx: Trx,
  auth: Auth,
  actor: Actor,
  caseId: string,
  input: { evidenceDeadline?: string | undefined; version?: number | undefined },
) {
  const { d, result } = await reviewStored(ctx, trx, caseId);
  if (!result.withinJurisdiction) {
    throw new AppError(
      422,
      'OUTSIDE_JURISDICTION',
      '该申请不属于本委管辖：应书面告知申请人向有管辖权的仲裁委员会申请（《劳动人事争议仲裁办案规则》第三十一条），不能受理',
    );
  }
  const receipt = await trx
    .selectFrom('document')
    .select('id')
    .where('subject_type', '=', 'case')
    .where('subject_id', '=', caseId)
    .where('type', '=', 'receipt')
    .where('number', 'is not', null)
    .executeTakeFirst();
  const today = businessToday(ctx.config);
  const evidenceDays = await settingNumber(trx, 'arbitration.evidence_days', 15);
  const evidenceDeadline = input.evidenceDeadline ?? addCalendarDays(today, evidenceDays);
  const step = await transitionCase(ctx, trx, auth, actor, caseId, 'accept', {
    expectedVersion: input.version,
    payload: {
      materialsComplete: result.complete && receipt !== undefined,
      acceptanceConditionsMet: result.conditionsMet,
      sameDayCategory: d.app.same_day_category,
    },
  });
  const names = documentNames(d);
  const notice = await issueFor(ctx, trx, actor, caseId, 'acceptance_notice', {
    applicantName: names.applicantName,
    respondentName: names.respondentName,
    caseCause: names.caseCause,
    submittedDate: localDate(ctx, d.app.received_at),
    evidenceDeadline,
  });
  await meetSameDay(ctx, trx, actor, caseId, '已当日出具受理通知书');
  return { step, documents: [notice] as IssuedDoc[], evidenceDeadline };
}

/** 不予受理 with the reason category and the remedy (may sue in court: 调解仲裁法第二十九条). */
export async function rejectApplication(
  ctx: AppContext,
  trx: Trx,
  auth: Auth,
  actor: Actor,
  caseId: string,
  input: { reasonCode: RejectionCode; reasons: string; version?: number | undefined },
) {
  const { d } = await reviewStored(ctx, trx, caseId);
  const step = await transitionCase(ctx, trx, auth, actor, caseId, 'reject', {
    expectedVersion: input.version,
    reason: input.reasons,
    payload: { rejectionReason: REJECTION_CODES[input.reasonCode] },
  });
  const names = documentNames(d);
  const doc = await issueFor(ctx, trx, actor, caseId, 'rejection_notice', {
    applicantName: names.applicantName,
    receivedDate: localDate(ctx, d.app.received_at),
    reasonCode: input.reasonCode,
    reasons: input.reasons,
  });
  await trx
    .updateTable('arbitration_application')
    .set({ rejection_reason: input.reasonCode, updated_at: new Date() })
    .where('case_id', '=', caseId)
    .execute();
  await meetSameDay(ctx, trx, actor, caseId, '已作出不予受理决定');
  return { step, documents: [doc] };
}

/**
 * Outside this commission's jurisdiction: NOT a 不予受理通知书 but a written explanation naming the
 * commission to apply to, within five days (办案规则第三十一条; 《劳动争议调解仲裁法》第二十一条；《劳动保障监察条例》第十三条).
 */
export async function redirectApplication(
  ctx: AppContext,
  trx: Trx,
  auth: Auth,
  actor: Actor,
  caseId: string,
  input: { competentCommission: string; explanation?: string | undefined; version?: number | undefined },
) {
  const { d } = await reviewStored(ctx, trx, caseId);
  const names = documentNames(d);
  const explanation =
    input.explanation?.trim() ||
    `${names.applicantName}：你于${localDate(ctx, d.app.received_at)}提交的与${names.respondentName}${names.caseCause}争议仲裁申请，经审查，劳动合同履行地（${d.app.performance_place ?? '未填写'}）和用人单位所在地（${d.app.employer_domicile ?? '未填写'}）均不在本委管辖范围内。根据《中华人民共和国劳动争议调解仲裁法》第二十一条和《劳动人事争议仲裁办案规则》第三十一条的规定，请你向${input.competentCommission}申请仲裁。本告知不是不予受理决定。`;
  const step = await transitionCase(ctx, trx, auth, actor, caseId, 'redirect', {
    expectedVersion: input.version,
    reason: `告知向${input.competentCommission}申请`,
    payload: { competentCommission: input.competentCommission, referTo: input.competentCommission },
  });
  await trx
    .updateTable('arbitration_application')
    .set({
      competent_commission: input.competentCommission,
      redirect_explanation: explanation,
      updated_at: new Date(),
    })
    .where('case_id', '=', caseId)
    .execute();
  await meetSameDay(ctx, trx, actor, caseId, '已书面告知有管辖权的仲裁委员会');
  return { step, documents: [] as IssuedDoc[], explanation };
}

/**
 * 应诉通知书 + a copy of the application to each respondent within five days of acceptance; the defence
 * period (10 days, T-A7) starts (调解仲裁法第三十条).
 */
export async function serveRespondent(
  ctx: AppContext,
  trx: Trx,
  auth: Auth,
  actor: Actor,
  caseId: string,
  input: { evidenceDeadline?: string | undefined; version?: number | undefined },
) {
  const { d } = await reviewStored(ctx, trx, caseId);
  const names = documentNames(d);
  const evidenceDays = await settingNumber(trx, 'arbitration.evidence_days', 15);
  const evidenceDeadline = input.evidenceDeadline ?? addCalendarDays(businessToday(ctx.config), evidenceDays);
  const step = await transitionCase(ctx, trx, auth, actor, caseId, 'serve_respondent', {
    expectedVersion: input.version,
  });
  const documents: IssuedDoc[] = [];
  for (const e of names.employers) {
    documents.push(
      await issueFor(ctx, trx, actor, caseId, 'notice_to_respond', {
        respondentName: e.name,
        applicantName: names.applicantName,
        caseCause: names.caseCause,
        defenceDays: 10,
        evidenceDeadline,
      }),
    );
  }
  await addRecord(
    trx,
    actor,
    caseId,
    'note',
    `向被申请人送达应诉通知书及仲裁申请书副本（${names.respondentName}）`,
    {
      documents: documents.map((x) => x.id),
    },
  );
  return { step, documents };
}
