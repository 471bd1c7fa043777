// Over 400 lines: the one approval workflow of both tracks (arbitration and inspection: request, decide, the approval forms) kept together so its rules are read in one place; split by step when a third kind of approval comes.
import type { Generated, Kysely, Transaction } from 'kysely';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../db/schema';
import { type Actor, appendAudit } from '../../platform/audit';
import type { AuthContext } from '../../platform/auth';
import { businessToday } from '../../platform/time';
import { AppError, errors } from '../../platform/errors';
import { appendEvent } from '../../platform/scope';
import {
  APPROVAL_FORMS,
  type ApprovalForm,
  type ApprovalFormKind,
  isApprovalFormKind,
  mayApproveForm,
} from '@onestop/domain';
import { activeRolesIn, jurisdictionChain } from './cases.access';
import type { JsonDefaulted as Json, Timestamp } from '../../db/column-types';

/**
 * Approvals by the approver's own action (issue #13 item 1) — one mechanism and one table
 * (`approval_request`, migrations 0046 and 0071) for every track: a handler asks; the request waits on
 * the 工作台 "待我审批" of the users holding the approving post in the subject's jurisdiction; one of
 * them (never the requester) approves or refuses it in the app. What each kind is (its form, label,
 * approving post, basis, the step it gates, the default opinion) is declared in the domain
 * (APPROVAL_FORMS); a track registers only what approval does (registerApprovalKind):
 * - `issue`: the approval issues the internal form (审批表) in the deciding transaction, and the gated
 *   step follows later (arbitration 立案审批 / 结案审批: the step's guard reads the approved row);
 * - `run`: the approval carries out the gated step as the approver (inspection 立案, 延长办案期限,
 *   撤销立案, 结案): the step runs in its own transaction, issues the form with the approver's name and
 *   the date of that action, and marks the request approved there (`markApproved`). A holder of the
 *   approving post who takes such a step directly approves by that same action (`markApproved`
 *   without a request writes an approved row).
 */

export interface ApprovalRequestTable {
  id: Generated<string>;
  kind: string;
  subject_type: 'case' | 'matter';
  subject_id: string;
  subject_label: string;
  jurisdiction_id: string;
  approver_role: string;
  summary: string;
  payload: Json;
  state: Generated<'pending' | 'approved' | 'rejected'>;
  requested_by: string;
  requested_by_name: string;
  requested_at: Timestamp;
  /** Business date of the request (migration 0071) */
  requested_on: string;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: Timestamp | null;
  decided_on: string | null;
  decision_comment: string | null;
  document_id: string | null;
  version: Generated<number>;
}

export interface ApprovalTables {
  approval_request: ApprovalRequestTable;
}

type Trx = Transaction<DB>;
type Exec = Kysely<DB> | Trx;
type Auth = Pick<AuthContext, 'grants' | 'userId'>;

export interface ApprovalRow {
  id: string;
  kind: string;
  subject_type: 'case' | 'matter';
  subject_id: string;
  subject_label: string;
  jurisdiction_id: string;
  approver_role: string;
  summary: string;
  payload: unknown;
  state: 'pending' | 'approved' | 'rejected';
  requested_by: string;
  requested_by_name: string;
  requested_at: Date;
  requested_on: string;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: Date | null;
  decided_on: string | null;
  decision_comment: string | null;
  document_id: string | null;
  version: number;
}

export interface ApprovalDecision {
  approverName: string;
  approvedDate: string;
  comment: string;
}

/** A pending request being carried out by its approver (passed into the gated step). */
export interface GivenApproval {
  id: string;
  requestedBy: string;
  requestedByName: string;
  requestedOn: string;
  opinion: string;
}

/** Issues the internal form in the deciding transaction; returns the document id. */
export type ApprovalFormIssuer = (
  ctx: AppContext,
  trx: Trx,
  actor: Actor,
  row: ApprovalRow,
  d: ApprovalDecision,
) => Promise<string>;

/** Carries out the gated step as the approver (its own transaction, which calls markApproved). */
export type ApprovalStepRunner = (
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  row: ApprovalRow,
  given: GivenApproval,
) => Promise<unknown>;

export type ApprovalHandler = { issue: ApprovalFormIssuer } | { run: ApprovalStepRunner };

export type ApprovalKind = ApprovalForm & { handler: ApprovalHandler };

const HANDLERS = new Map<ApprovalFormKind, ApprovalHandler>();

export function registerApprovalKind(kind: ApprovalFormKind, handler: ApprovalHandler): void {
  HANDLERS.set(kind, handler);
}

export function approvalKind(kind: string): ApprovalKind {
  const handler = isApprovalFormKind(kind) ? HANDLERS.get(kind) : undefined;
  if (!handler || !isApprovalFormKind(kind))
    throw new AppError(409, 'APPROVAL_KIND_UNKNOWN', `未知的审批事项：${kind}`);
  return { ...APPROVAL_FORMS[kind], handler };
}

const label = (kind: string) => (isApprovalFormKind(kind) ? APPROVAL_FORMS[kind].label : kind);

async function matterOf(exec: Exec, row: { subject_type: string; subject_id: string }) {
  if (row.subject_type === 'matter') return row.subject_id;
  return (
    await exec
      .selectFrom('track_case')
      .select('matter_id')
      .where('id', '=', row.subject_id)
      .executeTakeFirst()
  )?.matter_id;
}

/** Asks for an approval (one pending request of a kind per subject: 409 APPROVAL_PENDING otherwise). */
export async function requestApproval(
  trx: Trx,
  actor: Actor,
  input: {
    kind: string;
    subjectType: 'case' | 'matter';
    subjectId: string;
    subjectLabel: string;
    jurisdictionId: string;
    summary: string;
    payload: Record<string, unknown>;
    requestedOn: string;
  },
): Promise<string> {
  const def = approvalKind(input.kind);
  if (!actor.id) throw errors.forbidden();
  const pending = await trx
    .selectFrom('approval_request')
    .select('id')
    .where('kind', '=', input.kind)
    .where('subject_id', '=', input.subjectId)
    .where('state', '=', 'pending')
    .executeTakeFirst();
  if (pending) {
    throw new AppError(409, 'APPROVAL_PENDING', `该案件的${def.label}已在等待审批，请勿重复报批`, {
      approvalId: pending.id,
    });
  }
  const row = await trx
    .insertInto('approval_request')
    .values({
      kind: input.kind,
      subject_type: input.subjectType,
      subject_id: input.subjectId,
      subject_label: input.subjectLabel,
      jurisdiction_id: input.jurisdictionId,
      approver_role: def.approverRoles.join(','),
      summary: input.summary,
      payload: JSON.stringify(input.payload),
      requested_by: actor.id,
      requested_by_name: actor.name,
      requested_on: input.requestedOn,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const summary = `${input.subjectLabel}：报请${def.label}，待审批`;
  const matterId = await matterOf(trx, { subject_type: input.subjectType, subject_id: input.subjectId });
  if (matterId)
    await appendEvent(trx, actor, matterId, 'approval_requested', summary, {
      approvalId: row.id,
      kind: input.kind,
    });
  await appendAudit(trx, actor, {
    action: 'approval.request',
    entityType: input.subjectType,
    entityId: input.subjectId,
    summary: `报请${def.label}：${input.summary}`,
    after: { approvalId: row.id, kind: input.kind },
  });
  return row.id;
}

/** Whether the user holds the approving post of `kind` in the jurisdiction (or one above it). */
export async function holdsApprovingPost(exec: Exec, auth: Auth, kind: string, jurisdictionId: string) {
  if (!isApprovalFormKind(kind)) return false;
  const chain = await jurisdictionChain(exec, jurisdictionId);
  return mayApproveForm(kind, activeRolesIn(auth.grants, chain));
}

export function presentApproval(row: ApprovalRow) {
  return {
    id: row.id,
    kind: row.kind,
    label: label(row.kind),
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    subjectLabel: row.subject_label,
    summary: row.summary,
    state: row.state,
    requestedByName: row.requested_by_name,
    requestedAt: row.requested_at.toISOString(),
    requestedOn: row.requested_on,
    decidedByName: row.decided_by_name,
    decidedAt: row.decided_at ? row.decided_at.toISOString() : null,
    decidedOn: row.decided_on,
    comment: row.decision_comment,
    documentId: row.document_id,
    version: row.version,
  };
}

/**
 * The pending requests this user may decide (the 工作台 "待我审批", every track), oldest first;
 * never their own. With the case's track (for the link) where the subject is a case.
 */
export async function pendingFor(exec: Exec, auth: Auth) {
  if (!auth.grants.some((g) => g.active)) return [];
  const rows = (await exec
    .selectFrom('approval_request')
    .selectAll()
    .where('state', '=', 'pending')
    .where('requested_by', '<>', auth.userId)
    .orderBy('requested_at')
    .limit(500)
    .execute()) as ApprovalRow[];
  const mine = [];
  for (const r of rows) if (await holdsApprovingPost(exec, auth, r.kind, r.jurisdiction_id)) mine.push(r);
  const caseIds = mine.filter((r) => r.subject_type === 'case').map((r) => r.subject_id);
  const tracks = new Map(
    caseIds.length
      ? (
          await exec.selectFrom('track_case').select(['id', 'track']).where('id', 'in', caseIds).execute()
        ).map((c) => [c.id, c.track as string])
      : [],
  );
  return mine.map((r) => ({ ...presentApproval(r), track: tracks.get(r.subject_id) ?? null }));
}

/** The requests of one subject (for its page), newest first. */
export async function approvalRowsOf(exec: Exec, subjectId: string, order: 'asc' | 'desc' = 'desc') {
  return (await exec
    .selectFrom('approval_request')
    .selectAll()
    .where('subject_id', '=', subjectId)
    .orderBy('requested_at', order)
    .execute()) as ApprovalRow[];
}

export async function approvalsOf(exec: Exec, subjectId: string) {
  return (await approvalRowsOf(exec, subjectId)).map(presentApproval);
}

/** Which kinds of this subject were approved (for the procedure guards). */
export async function approvedKinds(exec: Exec, subjectId: string, kinds: readonly string[]) {
  if (!kinds.length) return new Set<string>();
  const rows = await exec
    .selectFrom('approval_request')
    .select('kind')
    .distinct()
    .where('subject_id', '=', subjectId)
    .where('state', '=', 'approved')
    .where('kind', 'in', [...kinds])
    .execute();
  return new Set(rows.map((r) => r.kind));
}

/**
 * Records the approval inside the gated step's transaction (a `run` kind): the pending request becomes
 * approved by the acting user, or — the approver taking the step directly — an approved row is written.
 * Zero rows updated → the request was decided meanwhile (409 APPROVAL_DECIDED).
 */
export async function markApproved(
  trx: Trx,
  auth: Pick<AuthContext, 'userId'>,
  actor: Actor,
  v: {
    kind: ApprovalFormKind;
    subjectType: 'case' | 'matter';
    subjectId: string;
    subjectLabel: string;
    jurisdictionId: string;
    day: string;
    given: GivenApproval | undefined;
    request: unknown;
    summary: string;
    documentId: string | null;
  },
): Promise<string> {
  const def = APPROVAL_FORMS[v.kind];
  let id: string;
  if (v.given) {
    const done = await trx
      .updateTable('approval_request')
      .set((eb) => ({
        state: 'approved',
        decided_by: auth.userId,
        decided_by_name: actor.name,
        decided_on: v.day,
        decided_at: new Date(),
        decision_comment: v.given!.opinion,
        document_id: v.documentId,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', v.given.id)
      .where('state', '=', 'pending')
      .returning('id')
      .executeTakeFirst();
    if (!done) throw new AppError(409, 'APPROVAL_DECIDED', '该审批事项已处理，请刷新后查看');
    id = done.id;
  } else {
    const row = await trx
      .insertInto('approval_request')
      .values({
        kind: v.kind,
        subject_type: v.subjectType,
        subject_id: v.subjectId,
        subject_label: v.subjectLabel,
        jurisdiction_id: v.jurisdictionId,
        approver_role: def.approverRoles.join(','),
        summary: v.summary,
        payload: JSON.stringify(v.request ?? {}),
        state: 'approved',
        requested_by: auth.userId,
        requested_by_name: actor.name,
        requested_on: v.day,
        decided_by: auth.userId,
        decided_by_name: actor.name,
        decided_on: v.day,
        decided_at: new Date(),
        decision_comment: def.defaultOpinion,
        document_id: v.documentId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    id = row.id;
  }
  await appendAudit(trx, actor, {
    action: 'approval.approve',
    entityType: v.subjectType,
    entityId: v.subjectId,
    summary: `批准${def.label}${v.given ? '' : '（审批人本人办理）'}：${v.summary}`,
    after: { approvalId: id, documentId: v.documentId },
  });
  return id;
}

/** Attaches the form issued after the approval was recorded (a step that numbers it later). */
export async function attachApprovalDocument(trx: Trx, approvalId: string, documentId: string) {
  await trx
    .updateTable('approval_request')
    .set({ document_id: documentId })
    .where('id', '=', approvalId)
    .execute();
}

async function load(exec: Exec, id: string) {
  return (await exec.selectFrom('approval_request').selectAll().where('id', '=', id).executeTakeFirst()) as
    | ApprovalRow
    | undefined;
}

/**
 * The approver's own action: approve or refuse. Only a holder of the approving post in the
 * jurisdiction (403 APPROVAL_POST_REQUIRED), never the requester (403 APPROVAL_SELF); a refusal needs
 * an opinion (400 OPINION_REQUIRED); concurrency by version. Approve → the kind issues its form with
 * this user's name and today's date (`issue`), or carries out the gated step as this user (`run`).
 */
export async function decideApproval(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  id: string,
  input: { approve: boolean; comment?: string | undefined; version?: number | undefined },
  subjectId?: string,
): Promise<{ approval: ReturnType<typeof presentApproval>; result: unknown }> {
  const { db } = ctx.database;
  const row = await load(db, id);
  if (!row || (subjectId !== undefined && row.subject_id !== subjectId)) throw errors.notFound('审批事项');
  const def = approvalKind(row.kind);
  if (row.state !== 'pending') throw new AppError(409, 'APPROVAL_DECIDED', '该审批事项已处理，请刷新后查看');
  if (input.version !== undefined && row.version !== input.version)
    throw errors.conflict(presentApproval(row));
  if (row.requested_by === auth.userId) {
    throw new AppError(403, 'APPROVAL_SELF', `报批人不能审批自己报请的事项（${def.basis}）`);
  }
  if (!(await holdsApprovingPost(db, auth, row.kind, row.jurisdiction_id))) {
    throw new AppError(
      403,
      'APPROVAL_POST_REQUIRED',
      `${def.label}须由持有审批岗位的人员本人审批，您在该辖区没有审批岗位（${def.basis}）`,
    );
  }
  const comment = input.comment?.trim() ?? '';
  const day = businessToday(ctx.config);
  if (!input.approve) {
    if (!comment)
      throw new AppError(400, 'OPINION_REQUIRED', '不同意的，请填写审批意见', { field: 'comment' });
    const updated = await db.transaction().execute(async (trx) => {
      const done = await trx
        .updateTable('approval_request')
        .set({
          state: 'rejected',
          decided_by: auth.userId,
          decided_by_name: actor.name,
          decided_at: new Date(),
          decided_on: day,
          decision_comment: comment,
          version: row.version + 1,
        })
        .where('id', '=', id)
        .where('version', '=', row.version)
        .where('state', '=', 'pending')
        .returningAll()
        .executeTakeFirst();
      if (!done) throw errors.conflict(presentApproval(row));
      const summary = `${row.subject_label}：${actor.name}不同意${def.label}：${comment}`;
      const matterId = await matterOf(trx, row);
      if (matterId) await appendEvent(trx, actor, matterId, 'approval_rejected', summary, { approvalId: id });
      await appendAudit(trx, actor, {
        action: 'approval.reject',
        entityType: row.subject_type,
        entityId: row.subject_id,
        summary,
        after: { approvalId: id },
      });
      return done as ApprovalRow;
    });
    return { approval: presentApproval(updated), result: null };
  }
  const opinion = comment || def.defaultOpinion;
  const handler = def.handler;
  if ('run' in handler) {
    const result = await handler.run(ctx, auth, actor, row, {
      id: row.id,
      requestedBy: row.requested_by,
      requestedByName: row.requested_by_name,
      requestedOn: row.requested_on,
      opinion,
    });
    return { approval: presentApproval((await load(db, id))!), result };
  }
  const updated = await db.transaction().execute(async (trx) => {
    const documentId = await handler.issue(ctx, trx, actor, row, {
      approverName: actor.name,
      approvedDate: day,
      comment: opinion,
    });
    const done = await trx
      .updateTable('approval_request')
      .set({
        state: 'approved',
        decided_by: auth.userId,
        decided_by_name: actor.name,
        decided_at: new Date(),
        decided_on: day,
        decision_comment: opinion,
        document_id: documentId,
        version: row.version + 1,
      })
      .where('id', '=', id)
      .where('version', '=', row.version)
      .where('state', '=', 'pending')
      .returningAll()
      .executeTakeFirst();
    if (!done) throw errors.conflict(presentApproval(row));
    await appendAudit(trx, actor, {
      action: 'approval.approve',
      entityType: row.subject_type,
      entityId: row.subject_id,
      summary: `批准${def.label}：${opinion}`,
      after: { approvalId: id, documentId },
    });
    return done as ApprovalRow;
  });
  return { approval: presentApproval(updated), result: null };
}
