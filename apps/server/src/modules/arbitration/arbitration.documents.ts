// Over 400 lines on purpose: the document data of every arbitration step in one place, so a template and its facts are read side by side.
import { APPROVAL_FORMS, CLAIM_CATALOGUE, chineseDate, isClaimType } from '@onestop/domain';
import type { AppContext } from '../../platform/context';
import type { Actor } from '../../platform/audit';
import type { AuthContext } from '../../platform/auth';
import { businessToday, dateOf } from '../../platform/time';
import { AppError, errors } from '../../platform/errors';
import { type ApprovalFormIssuer, type ApprovalRow, registerApprovalKind, requestApproval } from '../cases';
import { activeRolesIn, jurisdictionChain } from '../cases';
import { type ApplicationData, documentNames, loadApplication } from './arbitration.data';
import { localDateTime, type Trx } from './arbitration.runtime';
import { addRecord, type IssuedDoc, issueFor, transitionCase } from './arbitration.steps';

// The arbitration documents the steps of the proceedings issue (issue #13, item 3). Each function runs
// inside the step's transaction; the step's route appends the audit entry (act/audited).

type Auth = Pick<AuthContext, 'grants' | 'userId'>;

const SEAT_ORDER = ['sole', 'presiding', 'member', 'clerk'];

async function seats(trx: Trx, caseId: string) {
  const rows = await trx
    .selectFrom('tribunal_member as t')
    .innerJoin('app_user as u', 'u.id', 't.user_id')
    .select(['t.user_id', 't.role', 'u.display_name'])
    .where('t.case_id', '=', caseId)
    .execute();
  rows.sort((a, b) => SEAT_ORDER.indexOf(a.role) - SEAT_ORDER.indexOf(b.role));
  const sitting = rows.filter((r) => r.role !== 'clerk');
  return {
    rows,
    presiding: sitting[0],
    members: sitting.slice(1),
    arbitrators: sitting.map((r) => r.display_name),
    clerk: rows.find((r) => r.role === 'clerk')?.display_name,
  };
}

async function acceptedDateOf(ctx: AppContext, trx: Trx, caseId: string): Promise<string> {
  const doc = await trx
    .selectFrom('document')
    .select('issued_date')
    .where('subject_type', '=', 'case')
    .where('subject_id', '=', caseId)
    .where('type', '=', 'acceptance_notice')
    .where('number', 'is not', null)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  return doc?.issued_date ?? businessToday(ctx.config);
}

/** Each party (collective: one notice to all, 办案规则第六十三条). */
function addressees(d: ApplicationData): string[] {
  const names = documentNames(d);
  return d.matter.collective
    ? [`${names.applicantName}、${names.respondentName}`]
    : [...names.workers.map((w) => w.name), ...names.employers.map((e) => e.name)];
}

const claimTexts = (d: ApplicationData) =>
  d.claims.map((c) => `${c.label}${c.amountFen ? `${(c.amountFen / 100).toFixed(2)}元` : ''}`);

async function assertArbitrationPost(trx: Trx, auth: Auth, jurisdictionId: string) {
  const roles = activeRolesIn(auth.grants, await jurisdictionChain(trx, jurisdictionId));
  if (!roles.some((r) => r === 'arbitrator' || r === 'tribunal_clerk' || r === 'leader')) {
    throw errors.forbidden('您在该辖区没有仲裁员、书记员或领导岗位');
  }
}

/** 仲裁庭组成通知书 to each party once the tribunal is composed (调解仲裁法第三十二条). */
export async function tribunalCompositionNotices(
  ctx: AppContext,
  trx: Trx,
  actor: Actor,
  caseId: string,
): Promise<IssuedDoc[]> {
  const d = await loadApplication(trx, caseId);
  const names = documentNames(d);
  const t = await seats(trx, caseId);
  if (!t.presiding) return [];
  const acceptedDate = await acceptedDateOf(ctx, trx, caseId);
  const docs: IssuedDoc[] = [];
  for (const addresseeName of addressees(d)) {
    docs.push(
      await issueFor(ctx, trx, actor, caseId, 'tribunal_composition_notice', {
        addresseeName,
        applicantName: names.applicantName,
        respondentName: names.respondentName,
        caseCause: names.caseCause,
        acceptedDate,
        presidingArbitrator: t.presiding.display_name,
        arbitrators: t.members.map((m) => m.display_name),
        ...(t.clerk && { clerk: t.clerk }),
      }),
    );
  }
  return docs;
}

/** 延期开庭通知书 to each party: the original date, the reason, the new date and place. */
export async function postponementNotices(
  ctx: AppContext,
  trx: Trx,
  actor: Actor,
  caseId: string,
  input: {
    originalAt: Date;
    newAt: Date;
    roomId: string;
    reason: string;
    requestedBy?: string | undefined;
    requestedOn?: string | undefined;
  },
): Promise<IssuedDoc[]> {
  const d = await loadApplication(trx, caseId);
  const names = documentNames(d);
  const room = await trx
    .selectFrom('hearing_room')
    .select(['name', 'location'])
    .where('id', '=', input.roomId)
    .executeTakeFirstOrThrow();
  const docs: IssuedDoc[] = [];
  for (const addresseeName of addressees(d)) {
    docs.push(
      await issueFor(ctx, trx, actor, caseId, 'postponement_notice', {
        addresseeName,
        applicantName: names.applicantName,
        respondentName: names.respondentName,
        caseCause: names.caseCause,
        originalHearingAt: localDateTime(ctx, input.originalAt),
        reason: input.reason,
        newHearingAt: localDateTime(ctx, input.newAt),
        hearingPlace: `${room.name}（${room.location}）`,
        ...(input.requestedBy && {
          requestedBy: `${input.requestedBy}${input.requestedOn ? `于${chineseDate(input.requestedOn)}` : ''}提出延期开庭申请`,
        }),
      }),
    );
  }
  return docs;
}

export interface HearingRecordInput {
  summary: string;
  attendees?: string[] | undefined;
  statements?: { speaker: string; text: string }[] | undefined;
  /** The parties' handwritten signatures (online room, issue #20), printed beside their lines. */
  signatureImages?: { role: 'worker' | 'employer'; png: string }[] | undefined;
  /** Parties who refused to sign, with why (调解仲裁法第四十条). */
  refusals?: { role: 'worker' | 'employer'; reason: string }[] | undefined;
}

/** 庭审笔录 of the hearing being held (调解仲裁法第四十条): attendees, statements, signatures. */
export async function hearingRecordDocument(
  ctx: AppContext,
  trx: Trx,
  actor: Actor,
  caseId: string,
  input: HearingRecordInput,
): Promise<IssuedDoc> {
  const d = await loadApplication(trx, caseId);
  const names = documentNames(d);
  const t = await seats(trx, caseId);
  if (!t.arbitrators.length) throw new AppError(422, 'TRIBUNAL_REQUIRED', '尚未组成仲裁庭');
  const hearing = await trx
    .selectFrom('hearing as h')
    .innerJoin('hearing_room as r', 'r.id', 'h.room_id')
    .select(['h.starts_at', 'r.name', 'r.location'])
    .where('h.case_id', '=', caseId)
    .where('h.state', '=', 'scheduled')
    .orderBy('h.starts_at', 'desc')
    .executeTakeFirst();
  const attendees = input.attendees?.length
    ? input.attendees
    : [`申请人：${names.applicantName}`, `被申请人：${names.respondentName}`];
  const statements = input.statements?.length
    ? input.statements
    : [{ speaker: '庭审情况', text: input.summary }];
  return issueFor(ctx, trx, actor, caseId, 'hearing_record', {
    applicantName: names.applicantName,
    respondentName: names.respondentName,
    caseCause: names.caseCause,
    hearingAt: localDateTime(ctx, hearing?.starts_at ?? new Date()),
    hearingPlace: hearing ? `${hearing.name}（${hearing.location}）` : '本委仲裁庭',
    attendees,
    statements,
    arbitrators: t.arbitrators,
    clerk: t.clerk ?? actor.name,
    ...(input.signatureImages?.length ? { signatureImages: input.signatureImages } : {}),
    ...(input.refusals?.length ? { refusals: input.refusals } : {}),
  });
}

export interface AdvanceExecutionInput {
  summary: string;
  applicationDate?: string | undefined;
  items?: { text: string; amountFen: number }[] | undefined;
  performDays?: number | undefined;
}

/** The claim types 先予执行 may serve (调解仲裁法第四十四条第一款). */
const ADVANCE_CATEGORIES = new Set(['remuneration', 'injury_medical', 'economic_compensation', 'damages']);

/** Checked before the step: the items and the kind of case (422 with the article otherwise). */
export async function assertAdvanceExecution(trx: Trx, caseId: string, input: AdvanceExecutionInput) {
  if (!input.items?.length) {
    throw new AppError(
      422,
      'ADVANCE_ITEMS_REQUIRED',
      '请逐项填写先予执行的内容和金额（《劳动争议调解仲裁法》第四十四条）',
    );
  }
  const d = await loadApplication(trx, caseId);
  const eligible = d.claims.some(
    (c) => isClaimType(c.type) && ADVANCE_CATEGORIES.has(CLAIM_CATALOGUE[c.type].finalAwardCategory ?? ''),
  );
  if (!eligible) {
    throw new AppError(
      422,
      'ADVANCE_NOT_ELIGIBLE',
      '先予执行仅适用于追索劳动报酬、工伤医疗费、经济补偿或者赔偿金的案件（《劳动争议调解仲裁法》第四十四条第一款）',
    );
  }
}

/** 先予执行裁决书 (调解仲裁法第四十四条): conditions, items with amounts, enforcement and remedy. */
export async function advanceExecutionDocument(
  ctx: AppContext,
  trx: Trx,
  actor: Actor,
  caseId: string,
  input: AdvanceExecutionInput,
): Promise<IssuedDoc> {
  const d = await loadApplication(trx, caseId);
  const names = documentNames(d);
  const t = await seats(trx, caseId);
  if (!t.arbitrators.length) throw new AppError(422, 'TRIBUNAL_REQUIRED', '尚未组成仲裁庭');
  return issueFor(ctx, trx, actor, caseId, 'advance_execution_award', {
    applicantName: names.applicantName,
    respondentName: names.respondentName,
    caseCause: names.caseCause,
    applicationDate: input.applicationDate ?? businessToday(ctx.config),
    grounds: input.summary,
    items: (input.items ?? []).map((i) => ({ text: i.text, amount: i.amountFen / 100 })),
    performDays: input.performDays ?? 5,
    arbitrators: t.arbitrators,
    ...(t.clerk && { clerk: t.clerk }),
  });
}

/**
 * 部分裁决（先行裁决）: part of the facts is clear (调解仲裁法第四十三条第二款); the machine's partial_award
 * step (from the hearing) and one 部分裁决书 with the items' finality decided by the caller.
 */
export async function partialAward(
  ctx: AppContext,
  trx: Trx,
  auth: Auth,
  actor: Actor,
  caseId: string,
  input: {
    facts: string;
    reasons: string;
    remaining: string;
    partOfFactsClear: boolean;
    items: { text: string; finality: 'final' | 'non_final'; amountFen?: number | undefined }[];
  },
) {
  const d = await loadApplication(trx, caseId);
  await assertArbitrationPost(trx, auth, d.c.jurisdiction_id);
  const step = await transitionCase(ctx, trx, auth, actor, caseId, 'partial_award', {
    reason: input.reasons,
    payload: { partOfFactsClear: input.partOfFactsClear },
  });
  const names = documentNames(d);
  const t = await seats(trx, caseId);
  if (!t.arbitrators.length) throw new AppError(422, 'TRIBUNAL_REQUIRED', '尚未组成仲裁庭');
  const doc = await issueFor(ctx, trx, actor, caseId, 'partial_award', {
    applicantName: names.applicantName,
    respondentName: names.respondentName,
    caseCause: names.caseCause,
    claims: claimTexts(d),
    facts: input.facts,
    reasons: input.reasons,
    items: input.items.map((i) => ({
      text: i.text,
      finality: i.finality,
      ...(i.amountFen !== undefined && { amount: i.amountFen / 100 }),
    })),
    remaining: input.remaining,
    arbitrators: t.arbitrators,
    ...(t.clerk && { clerk: t.clerk }),
  });
  await addRecord(trx, actor, caseId, 'note', `先行裁决（部分裁决）：${doc.number}`, {
    documentId: doc.id,
    kind: 'partial_award',
  });
  return { step, documents: [doc] };
}

const ROLE_LABEL: Record<string, string> = {
  sole: '独任仲裁员',
  presiding: '首席仲裁员',
  member: '仲裁员',
  clerk: '书记员',
};
const RECUSAL_BASIS = '《劳动争议调解仲裁法》第三十三条；《劳动人事争议仲裁办案规则》第十一条、第十二条';

/**
 * 回避申请 and its decision (调解仲裁法第三十三条; 办案规则第十一条: decided within three days; 第十二条:
 * by the commission's chair or the head of the arbitration institute he authorises — here a user
 * holding the leader post in the case's jurisdiction, by their own action). Granted: the member leaves
 * the tribunal, which must be completed again (a new 仲裁庭组成通知书 follows from the tribunal step).
 */
export async function decideRecusal(
  ctx: AppContext,
  trx: Trx,
  auth: Auth,
  actor: Actor,
  caseId: string,
  input: {
    targetUserId: string;
    requesterName: string;
    requestedOn: string;
    ground: string;
    decision: 'granted' | 'refused';
    reasons: string;
  },
) {
  const d = await loadApplication(trx, caseId);
  if (d.c.closed) throw new AppError(409, 'CASE_CLOSED', '案件已结案');
  const roles = activeRolesIn(auth.grants, await jurisdictionChain(trx, d.c.jurisdiction_id));
  if (!roles.includes('leader')) {
    throw new AppError(
      403,
      'RECUSAL_DECIDER_REQUIRED',
      `仲裁员、书记员是否回避，由仲裁委员会主任或者其委托的仲裁院负责人决定（${RECUSAL_BASIS}）`,
    );
  }
  const today = businessToday(ctx.config);
  if (input.requestedOn > today) {
    throw new AppError(400, 'RECUSAL_DATE_INVALID', '回避申请日期不能晚于今天');
  }
  const seat = await trx
    .selectFrom('tribunal_member as t')
    .innerJoin('app_user as u', 'u.id', 't.user_id')
    .select(['t.role', 'u.display_name'])
    .where('t.case_id', '=', caseId)
    .where('t.user_id', '=', input.targetUserId)
    .executeTakeFirst();
  if (!seat)
    throw new AppError(422, 'RECUSAL_TARGET_NOT_MEMBER', '被申请回避的人员不是本案仲裁庭组成人员或书记员');
  if (input.targetUserId === auth.userId) {
    throw new AppError(403, 'RECUSAL_OWN_CASE', '被申请回避的人员不能决定本人是否回避');
  }
  const names = documentNames(d);
  const doc = await issueFor(ctx, trx, actor, caseId, 'recusal_decision', {
    applicantName: names.applicantName,
    respondentName: names.respondentName,
    caseCause: names.caseCause,
    requesterName: input.requesterName,
    requestedDate: input.requestedOn,
    targetName: seat.display_name,
    targetRole: ROLE_LABEL[seat.role] ?? '仲裁员',
    ground: input.ground,
    decision: input.decision,
    reasons: input.reasons,
    decidedBy: actor.name,
  });
  if (input.decision === 'granted') {
    await trx
      .deleteFrom('tribunal_member')
      .where('case_id', '=', caseId)
      .where('user_id', '=', input.targetUserId)
      .execute();
  }
  await addRecord(
    trx,
    actor,
    caseId,
    'note',
    `回避申请（${input.requesterName}申请${seat.display_name}回避）：${input.decision === 'granted' ? '准许回避' : '驳回申请'}（${doc.number}）`,
    { kind: 'recusal', documentId: doc.id, targetUserId: input.targetUserId, decision: input.decision },
  );
  return { documents: [doc] };
}

/**
 * 裁决书补正决定书 (办案规则第五十四条): names the award (文号, date) and quotes the original and the
 * corrected text. The award stays in force (the decision is part of it), unlike a 更正 of the system's
 * own documents, which supersedes the corrected one.
 */
export async function correctAward(
  ctx: AppContext,
  trx: Trx,
  auth: Auth,
  actor: Actor,
  caseId: string,
  input: {
    awardDocumentId: string;
    errorKind: string;
    corrections: { location: string; original: string; corrected: string }[];
  },
) {
  const d = await loadApplication(trx, caseId);
  await assertArbitrationPost(trx, auth, d.c.jurisdiction_id);
  const award = await trx
    .selectFrom('document')
    .select(['id', 'type', 'number', 'issued_date', 'subject_id'])
    .where('id', '=', input.awardDocumentId)
    .executeTakeFirst();
  if (!award || award.subject_id !== caseId) throw errors.notFound('本案裁决书');
  if (!['award', 'partial_award', 'advance_execution_award'].includes(award.type)) {
    throw new AppError(422, 'NOT_AN_AWARD', '只能补正本案的裁决书');
  }
  if (!award.number || !award.issued_date) {
    throw new AppError(409, 'AWARD_NOT_ISSUED', '该裁决书尚未签发，请直接修改草稿');
  }
  const names = documentNames(d);
  const t = await seats(trx, caseId);
  if (!t.arbitrators.length) throw new AppError(422, 'TRIBUNAL_REQUIRED', '尚未组成仲裁庭');
  const doc = await issueFor(ctx, trx, actor, caseId, 'award_correction_decision', {
    applicantName: names.applicantName,
    respondentName: names.respondentName,
    caseCause: names.caseCause,
    awardNumber: award.number,
    awardDate: award.issued_date,
    errorKind: input.errorKind,
    corrections: input.corrections,
    arbitrators: t.arbitrators,
    ...(t.clerk && { clerk: t.clerk }),
  });
  await addRecord(trx, actor, caseId, 'note', `裁决书补正：${award.number}（${doc.number}）`, {
    kind: 'award_correction',
    documentId: doc.id,
    awardDocumentId: award.id,
  });
  return { documents: [doc] };
}

// --- Internal approval forms (审批表), approved by the approver's own action (cases/approvals.ts) ----

export const CLOSABLE_STATES = [
  'mediated',
  'withdrawn',
  'deemed_withdrawn',
  'revoked',
  'terminated',
  'award_served',
];

interface FilingPayload {
  handlerOpinion: string;
  requestedDate: string;
}
interface ClosingPayload extends FilingPayload {
  outcome: string;
  amountFen?: number | null;
}

/**
 * Approval issues the kind's form (APPROVAL_FORMS[kind].form): the case's names, the kind's own
 * fields, then the handler's request and the approver's decision; a case record names it.
 */
function approvalFormHandler(
  kind: 'arbitration_filing' | 'arbitration_closing',
  fields: (
    ctx: AppContext,
    trx: Trx,
    row: ApprovalRow,
    d: ApplicationData,
  ) => Promise<Record<string, unknown>>,
): ApprovalFormIssuer {
  const form = APPROVAL_FORMS[kind];
  return async (ctx, trx, actor, row, dec) => {
    const d = await loadApplication(trx, row.subject_id);
    const names = documentNames(d);
    const p = row.payload as FilingPayload;
    const doc = await issueFor(ctx, trx, actor, row.subject_id, form.form, {
      applicantName: names.applicantName,
      respondentName: names.respondentName,
      caseCause: names.caseCause,
      ...(await fields(ctx, trx, row, d)),
      handlerName: row.requested_by_name,
      handlerOpinion: p.handlerOpinion,
      requestedDate: p.requestedDate,
      approverName: dec.approverName,
      approverOpinion: dec.comment,
      approvedDate: dec.approvedDate,
    });
    await addRecord(
      trx,
      actor,
      row.subject_id,
      'note',
      `${form.label}：${dec.approverName}批准（${doc.number}）`,
      {
        kind: kind === 'arbitration_filing' ? 'filing_approval' : 'closing_approval',
        documentId: doc.id,
      },
    );
    return doc.id;
  };
}

export function registerArbitrationApprovals() {
  registerApprovalKind('arbitration_filing', {
    issue: approvalFormHandler('arbitration_filing', async (ctx, _trx, _row, d) => ({
      receivedDate: dateOf(ctx.config, d.matter.received_at),
      claims: claimTexts(d),
    })),
  });
  registerApprovalKind('arbitration_closing', {
    issue: approvalFormHandler('arbitration_closing', async (ctx, trx, row) => {
      const p = row.payload as ClosingPayload;
      return {
        acceptedDate: await acceptedDateOf(ctx, trx, row.subject_id),
        outcome: p.outcome,
        ...(typeof p.amountFen === 'number' && { amount: p.amountFen / 100 }),
        arbitrators: (await seats(trx, row.subject_id)).arbitrators,
      };
    }),
  });
}

/** The handler asks for the 立案 or 结案 approval; it waits on the approvers' 工作台. */
export async function requestArbitrationApproval(
  ctx: AppContext,
  trx: Trx,
  auth: Auth,
  actor: Actor,
  caseId: string,
  kind: 'arbitration_filing' | 'arbitration_closing',
  input: { opinion: string; outcome?: string | undefined; amountFen?: number | undefined },
) {
  const d = await loadApplication(trx, caseId);
  const roles = activeRolesIn(auth.grants, await jurisdictionChain(trx, d.c.jurisdiction_id));
  if (
    !roles.some((r) => r === 'arbitrator' || r === 'tribunal_clerk' || r === 'intake_clerk' || r === 'leader')
  ) {
    throw errors.forbidden('您在该辖区没有仲裁受理或办案岗位');
  }
  const names = documentNames(d);
  if (kind === 'arbitration_filing' && d.c.closed) {
    throw new AppError(409, 'CASE_CLOSED', '案件已结案');
  }
  if (kind === 'arbitration_closing') {
    if (!input.outcome) throw new AppError(400, 'OUTCOME_REQUIRED', '请填写结案方式');
    if (!CLOSABLE_STATES.includes(d.c.state) && !d.c.closed) {
      throw new AppError(
        409,
        'CLOSING_NOT_NOW',
        '案件尚未审结（调解书、撤回或按撤回处理决定书、裁决书送达等），不能报请结案审批',
      );
    }
  }
  const approvalId = await requestApproval(trx, actor, {
    kind,
    subjectType: 'case',
    subjectId: caseId,
    subjectLabel: `${d.c.number} ${names.applicantName}与${names.respondentName}${names.caseCause}争议`,
    jurisdictionId: d.c.jurisdiction_id,
    summary: kind === 'arbitration_closing' ? `${input.outcome}：${input.opinion}` : input.opinion,
    requestedOn: businessToday(ctx.config),
    payload: {
      handlerOpinion: input.opinion,
      requestedDate: businessToday(ctx.config),
      ...(kind === 'arbitration_closing' && { outcome: input.outcome, amountFen: input.amountFen ?? null }),
    },
  });
  return { approvalId };
}
