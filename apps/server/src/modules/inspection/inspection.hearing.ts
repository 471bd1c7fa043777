import { chineseDate } from '@onestop/domain';
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../db/schema';
import { type Actor, appendAudit } from '../../platform/audit';
import type { AuthContext } from '../../platform/auth';
import { AppError } from '../../platform/errors';
import { clocksRuntime } from '../clocks';
import { loadInspectionCase, requireState, today } from './inspection.access';
import { assertDecider, employerName, issue } from './inspection.outcomes';
import {
  type hearingRecordBody,
  type hearingRequestBody,
  type hearingScheduleBody,
  LEGAL_REVIEW_CONCLUSIONS,
  type legalReviewBody,
} from './inspection.schema';
import type { CaseRow } from './inspection.service';
import { readSettingWithBasis } from '../../platform/settings';

type Exec = Kysely<DB> | Transaction<DB>;

/** The hearing and legal review of a proposed penalty, kept in the penalty outcome's details. */
export interface PenaltyHearing {
  requestedOn: string;
  scheduled?: {
    hearingDate: string;
    hearingTime: string;
    place: string;
    hearingOfficer: string;
    noticeDocumentId: string;
  };
  held?: {
    heldOn: string;
    hearingOfficer: string;
    transcript: string;
    /** 听证主持人意见 (the hearing's outcome), when recorded. */
    opinion?: string;
    recorder?: string;
    attendees?: string;
    recordedBy: string;
    /** The 听证笔录 issued (absent on hearings recorded before issue #13). */
    documentId?: string;
  };
}

export interface LegalReview {
  reviewer: string;
  opinion: string;
  reviewedOn: string;
  /** Absent on reviews recorded before the conclusion existed: read as 'approved'. */
  conclusion?: keyof typeof LEGAL_REVIEW_CONCLUSIONS;
  recordedBy: string;
}

export interface PenaltyDetails {
  facts?: string;
  label?: string;
  basis?: string;
  hearing?: PenaltyHearing;
  legalReview?: LegalReview;
  [k: string]: unknown;
}

export const HEARING_MIN_NOTICE_WORKING_DAYS = 7;
const HEARING_BASIS = '《中华人民共和国行政处罚法》第六十四条';
export const LEGAL_REVIEW_SETTING = 'inspection.penalty.legal_review_min_fen';
/** Used when the setting row is absent: 1万元 (the province may set its own in `setting`). */
export const LEGAL_REVIEW_DEFAULT_MIN_FEN = 1_000_000;

export async function latestPenalty(exec: Exec, caseId: string) {
  return exec
    .selectFrom('inspection_outcome')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('kind', '=', 'penalty')
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

/** 法制审核 threshold (《行政处罚法》第五十八条): from `setting`, with its basis. */
export async function legalReviewThreshold(exec: Exec): Promise<{ minFen: number; basis: string }> {
  const { value, basis } = await readSettingWithBasis(exec, LEGAL_REVIEW_SETTING);
  return { minFen: value, basis };
}

async function openPenalty(ctx: AppContext, auth: AuthContext, caseId: string) {
  const { c } = await loadInspectionCase(ctx.database.db, auth, caseId);
  requireState(c, ['pre_decision'], '处理听证或法制审核');
  await assertDecider(ctx, auth, c);
  const p = await latestPenalty(ctx.database.db, c.id);
  if (!p) throw new AppError(409, 'NO_PENALTY_PROPOSED', '尚未告知拟处罚');
  const details = (p.details ?? {}) as PenaltyDetails;
  return { c, p, details };
}

async function saveDetails(
  trx: Transaction<DB>,
  actor: Actor,
  c: CaseRow,
  outcomeId: string,
  details: PenaltyDetails,
  audit: { action: string; summary: string },
  extra: { hearing_requested?: boolean } = {},
) {
  await trx
    .updateTable('inspection_outcome')
    .set({ details: JSON.stringify(details), ...extra })
    .where('id', '=', outcomeId)
    .execute();
  await appendAudit(trx, actor, { ...audit, entityType: 'case', entityId: c.id });
}

/** 当事人要求听证: within five working days of the 行政处罚告知书 (Art. 64 ¶1(1)). */
export async function requestHearing(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  caseId: string,
  body: z.infer<typeof hearingRequestBody>,
) {
  const { c, p, details } = await openPenalty(ctx, auth, caseId);
  const day = today(ctx);
  const requestedOn = body.requestedOn ?? day;
  if (requestedOn > day)
    throw new AppError(400, 'DATE_IN_FUTURE', '申请日期不能晚于今天', { field: 'requestedOn' });
  if (details.hearing) throw new AppError(409, 'HEARING_ALREADY_REQUESTED', '当事人已要求听证');
  if (p.hearing_deadline && requestedOn > p.hearing_deadline) {
    throw new AppError(
      422,
      'HEARING_REQUEST_LATE',
      `听证申请期限已于${p.hearing_deadline}届满，逾期未提出视为放弃听证权利（${HEARING_BASIS}）`,
    );
  }
  const next: PenaltyDetails = { ...details, hearing: { requestedOn } };
  await ctx.database.db.transaction().execute((trx) =>
    saveDetails(
      trx,
      actor,
      c,
      p.id,
      next,
      {
        action: 'inspection.penalty.hearing_request',
        summary: `${c.number}：当事人于${requestedOn}要求听证`,
      },
      { hearing_requested: true },
    ),
  );
  return { outcomeId: p.id, hearing: next.hearing };
}

/** 听证通知书, at least seven working days before the hearing (Art. 64 ¶1(2)). */
export async function scheduleHearing(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  caseId: string,
  body: z.infer<typeof hearingScheduleBody>,
) {
  const { c, p, details } = await openPenalty(ctx, auth, caseId);
  if (!details.hearing) throw new AppError(409, 'HEARING_NOT_REQUESTED', '当事人未要求听证，不能安排听证');
  if (details.hearing.held) throw new AppError(409, 'HEARING_ALREADY_HELD', '听证已经举行');
  const day = today(ctx);
  return ctx.database.db.transaction().execute(async (trx) => {
    const calendar = (await clocksRuntime(ctx).calendars.snapshot(trx)).for(c.jurisdiction_id);
    const earliest = calendar.addWorkingDays(day, HEARING_MIN_NOTICE_WORKING_DAYS);
    if (body.hearingDate < earliest) {
      throw new AppError(
        422,
        'HEARING_NOTICE_TOO_SHORT',
        `应当在举行听证的七个工作日前通知当事人，听证日期不得早于${chineseDate(earliest)}（${HEARING_BASIS}）`,
        { field: 'hearingDate', earliest },
      );
    }
    const doc = await issue(ctx, trx, actor, auth, c, 'hearing_notice_penalty', {
      employerName: await employerName(trx, c),
      hearingDate: body.hearingDate,
      hearingTime: body.hearingTime,
      place: body.place,
      hearingOfficer: body.hearingOfficer,
      rights: [
        '认为听证主持人与本案有直接利害关系或者其他关系可能影响公正执法的，有权申请回避',
        '可以亲自参加听证，也可以委托一至二人代理',
        '有权进行申辩和质证',
        '听证笔录应当交你单位审核无误后签字或者盖章',
      ],
      legalBasis: HEARING_BASIS,
    });
    const next: PenaltyDetails = {
      ...details,
      hearing: { ...details.hearing!, scheduled: { ...body, noticeDocumentId: doc.id } },
    };
    await saveDetails(trx, actor, c, p.id, next, {
      action: 'inspection.penalty.hearing_schedule',
      summary: `${c.number}：定于${body.hearingDate}${body.hearingTime}在${body.place}举行听证`,
    });
    return { outcomeId: p.id, hearing: next.hearing, documents: [doc] };
  });
}

/** 听证笔录 (Art. 64 ¶1(8)): the hearing is held; the decision may follow. */
export async function recordHearing(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  caseId: string,
  body: z.infer<typeof hearingRecordBody>,
) {
  const { c, p, details } = await openPenalty(ctx, auth, caseId);
  const h = details.hearing;
  if (!h?.scheduled) throw new AppError(409, 'HEARING_NOT_SCHEDULED', '尚未安排听证，不能登记听证笔录');
  if (h.held) throw new AppError(409, 'HEARING_ALREADY_HELD', '听证已经举行');
  if (body.heldOn > today(ctx))
    throw new AppError(400, 'DATE_IN_FUTURE', '听证日期不能晚于今天', { field: 'heldOn' });
  if (body.heldOn < h.scheduled.hearingDate) {
    throw new AppError(
      422,
      'HEARING_BEFORE_SCHEDULE',
      `听证日期不得早于通知的日期${chineseDate(h.scheduled.hearingDate)}`,
      {
        field: 'heldOn',
      },
    );
  }
  const investigators = await ctx.database.db
    .selectFrom('inspection_inspector as ii')
    .innerJoin('app_user as u', 'u.id', 'ii.user_id')
    .select('u.display_name')
    .where('ii.case_id', '=', c.id)
    .where('ii.removed_at', 'is', null)
    .orderBy('ii.lead', 'desc')
    .orderBy('ii.assigned_at')
    .execute();
  return ctx.database.db.transaction().execute(async (trx) => {
    // 听证笔录 (《行政处罚法》第六十四条第（八）项): what the decision is made on (第六十五条).
    const employer = await employerName(trx, c);
    const doc = await issue(ctx, trx, actor, auth, c, 'penalty_hearing_record', {
      employerName: employer,
      heldOn: body.heldOn,
      hearingTime: h.scheduled!.hearingTime,
      place: h.scheduled!.place,
      hearingOfficer: body.hearingOfficer,
      recorder: body.recorder ?? actor.name,
      investigators: investigators.map((i) => i.display_name).join('、') || '（未指派）',
      attendees: body.attendees ?? `${employer}的法定代表人或者委托代理人`,
      transcript: body.transcript,
      ...(body.opinion ? { opinion: body.opinion } : {}),
    });
    const next: PenaltyDetails = {
      ...details,
      hearing: { ...h, held: { ...body, recordedBy: auth.userId, documentId: doc.id } },
    };
    await saveDetails(trx, actor, c, p.id, next, {
      action: 'inspection.penalty.hearing_record',
      summary: `${c.number}：${body.heldOn}举行听证（主持人${body.hearingOfficer}），登记听证笔录`,
    });
    return { outcomeId: p.id, hearing: next.hearing, documents: [doc] };
  });
}

/** 法制审核 before the decision (Art. 58). */
export async function recordLegalReview(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  caseId: string,
  body: z.infer<typeof legalReviewBody>,
) {
  const { c, p, details } = await openPenalty(ctx, auth, caseId);
  if (body.reviewedOn > today(ctx))
    throw new AppError(400, 'DATE_IN_FUTURE', '审核日期不能晚于今天', { field: 'reviewedOn' });
  const next: PenaltyDetails = { ...details, legalReview: { ...body, recordedBy: auth.userId } };
  await ctx.database.db.transaction().execute((trx) =>
    saveDetails(trx, actor, c, p.id, next, {
      action: 'inspection.penalty.legal_review',
      summary: `${c.number}：法制审核（${body.reviewer}，${body.reviewedOn}）：${LEGAL_REVIEW_CONCLUSIONS[body.conclusion]}`,
    }),
  );
  return { outcomeId: p.id, legalReview: next.legalReview };
}

/**
 * The proposed penalty's hearing and legal review as the case page shows them: each step's status,
 * the deadlines (hearing request within 5 WD; hearing notice at least 7 WD ahead), the legal-review
 * threshold and the documents issued. Null when no penalty was proposed.
 */
export async function penaltyView(ctx: AppContext, exec: Exec, c: CaseRow, decider: boolean) {
  const p = await latestPenalty(exec, c.id);
  if (!p) return null;
  const details = (p.details ?? {}) as PenaltyDetails;
  const day = today(ctx);
  const open = c.state === 'pre_decision';
  const t = await legalReviewThreshold(exec);
  const h = details.hearing;
  const windowOpen = p.hearing_deadline !== null && day <= p.hearing_deadline;
  const calendar = (await clocksRuntime(ctx).calendars.snapshot(exec)).for(c.jurisdiction_id);
  const fineFen = Number(p.fine_fen ?? 0);
  const review = details.legalReview;
  return {
    outcomeId: p.id,
    fineFen,
    label: details.label ?? null,
    basis: details.basis ?? null,
    noticeDocumentId: (details.noticeDocumentId as string | undefined) ?? null,
    decided: p.document_id !== null && p.document_id !== details.noticeDocumentId,
    today: day,
    hearingDeadline: p.hearing_deadline,
    hearingWindowOpen: windowOpen,
    hearing: h
      ? {
          requestedOn: h.requestedOn,
          scheduled: h.scheduled ?? null,
          held: h.held
            ? {
                heldOn: h.held.heldOn,
                hearingOfficer: h.held.hearingOfficer,
                transcript: h.held.transcript,
                opinion: h.held.opinion ?? null,
              }
            : null,
        }
      : null,
    earliestHearingDate: calendar.addWorkingDays(day, HEARING_MIN_NOTICE_WORKING_DAYS),
    legalReview: review
      ? {
          reviewer: review.reviewer,
          opinion: review.opinion,
          reviewedOn: review.reviewedOn,
          conclusion: review.conclusion ?? 'approved',
          conclusionLabel: LEGAL_REVIEW_CONCLUSIONS[review.conclusion ?? 'approved'],
        }
      : null,
    legalReviewRequired: fineFen >= t.minFen,
    legalReviewMinFen: t.minFen,
    legalReviewBasis: t.basis,
    actions: {
      requestHearing: open && decider && !h,
      scheduleHearing: open && decider && !!h && !h.held,
      recordHearing: open && decider && !!h?.scheduled && !h.held,
      legalReview: open && decider,
    },
  };
}
