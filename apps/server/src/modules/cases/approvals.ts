import type { Generated, Kysely, Transaction } from 'kysely';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../db/schema';
import { type Actor, appendAudit } from '../../platform/audit';
import { type AuthContext, todayIso } from '../../platform/auth';
import { AppError, errors } from '../../platform/errors';
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
 * Approvals by the approver's own action (issue #13 item 1): a handler asks; the request waits on the
 * 工作台 of the users holding the approving post in the subject's jurisdiction; one of them (never the
 * requester) approves or rejects it in the app. On approval the kind's handler issues its internal
 * form (审批表) with the approver's name and the date of that action — never a typed name.
 * What each kind is (its form, label, approving post, basis, the step it gates) is declared in the
 * domain (APPROVAL_FORMS); a track registers only what approval does (registerApprovalKind); the
 * table is migration 0046.
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
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: Timestamp | null;
  decision_comment: string | null;
  document_id: string | null;
  version: Generated<number>;
}

export interface ApprovalTables {
  approval_request: ApprovalRequestTable;
}

type Trx = Transaction<DB>;
type Exec = Kysely<DB> | Trx;

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
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: Date | null;
  decision_comment: string | null;
  document_id: string | null;
  version: number;
}

export interface ApprovalDecision {
  approverName: string;
  approvedDate: string;
  comment: string;
}

/** What approval does: issues the internal form in the deciding transaction; returns the document id. */
export type ApprovalHandler = (
  ctx: AppContext,
  trx: Trx,
  actor: Actor,
  row: ApprovalRow,
  d: ApprovalDecision,
) => Promise<string>;

export type ApprovalKind = ApprovalForm & { onApproved: ApprovalHandler };

const HANDLERS = new Map<ApprovalFormKind, ApprovalHandler>();

export function registerApprovalKind(kind: ApprovalFormKind, onApproved: ApprovalHandler): void {
  HANDLERS.set(kind, onApproved);
}

export function approvalKind(kind: string): ApprovalKind {
  const onApproved = isApprovalFormKind(kind) ? HANDLERS.get(kind) : undefined;
  if (!onApproved || !isApprovalFormKind(kind))
    throw new AppError(409, 'APPROVAL_KIND_UNKNOWN', `未知的审批事项：${kind}`);
  return { ...APPROVAL_FORMS[kind], onApproved };
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
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await appendAudit(trx, actor, {
    action: 'approval.request',
    entityType: input.subjectType,
    entityId: input.subjectId,
    summary: `报请${def.label}：${input.summary}`,
    after: { approvalId: row.id, kind: input.kind },
  });
  return row.id;
}

/** Whether the user holds the approving post of the request in its jurisdiction. */
async function mayDecide(exec: Exec, auth: Pick<AuthContext, 'grants' | 'userId'>, row: ApprovalRow) {
  if (!isApprovalFormKind(row.kind)) return false;
  const chain = await jurisdictionChain(exec, row.jurisdiction_id);
  return mayApproveForm(row.kind, activeRolesIn(auth.grants, chain));
}

export function presentApproval(row: ApprovalRow) {
  return {
    id: row.id,
    kind: row.kind,
    label: isApprovalFormKind(row.kind) ? APPROVAL_FORMS[row.kind].label : row.kind,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    subjectLabel: row.subject_label,
    summary: row.summary,
    state: row.state,
    requestedByName: row.requested_by_name,
    requestedAt: row.requested_at.toISOString(),
    decidedByName: row.decided_by_name,
    decidedAt: row.decided_at ? row.decided_at.toISOString() : null,
    comment: row.decision_comment,
    documentId: row.document_id,
    version: row.version,
  };
}

/** The pending requests this user may decide (their 工作台), oldest first; never their own. */
export async function pendingFor(exec: Exec, auth: Pick<AuthContext, 'grants' | 'userId'>) {
  const rows = (await exec
    .selectFrom('approval_request')
    .selectAll()
    .where('state', '=', 'pending')
    .where('requested_by', '<>', auth.userId)
    .orderBy('requested_at')
    .limit(500)
    .execute()) as ApprovalRow[];
  const out = [];
  for (const r of rows) if (await mayDecide(exec, auth, r)) out.push(presentApproval(r));
  return out;
}

/** The requests of one subject (for its page), newest first. */
export async function approvalsOf(exec: Exec, subjectId: string) {
  const rows = (await exec
    .selectFrom('approval_request')
    .selectAll()
    .where('subject_id', '=', subjectId)
    .orderBy('requested_at', 'desc')
    .execute()) as ApprovalRow[];
  return rows.map(presentApproval);
}

/**
 * The approver's own action: approve (the kind issues its form with this user's name and today's
 * date) or reject with a comment. Only a holder of the approving post in the jurisdiction, never the
 * requester; concurrency by version.
 */
export async function decideApproval(
  ctx: AppContext,
  trx: Trx,
  auth: Pick<AuthContext, 'grants' | 'userId'>,
  actor: Actor,
  id: string,
  input: { approve: boolean; comment: string; version: number },
) {
  const row = (await trx
    .selectFrom('approval_request')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst()) as ApprovalRow | undefined;
  if (!row) throw errors.notFound('审批事项');
  const def = approvalKind(row.kind);
  if (row.state !== 'pending') throw new AppError(409, 'APPROVAL_DECIDED', '该审批事项已处理');
  if (row.version !== input.version) throw errors.conflict(presentApproval(row));
  if (row.requested_by === auth.userId) {
    throw new AppError(403, 'APPROVAL_SELF', `报批人不能审批自己报请的事项（${def.basis}）`);
  }
  if (!(await mayDecide(trx, auth, row))) {
    throw new AppError(
      403,
      'APPROVAL_POST_REQUIRED',
      `您在该辖区没有审批岗位，不能审批${def.label}（${def.basis}）`,
    );
  }
  const approvedDate = todayIso(ctx.config);
  let documentId: string | null = null;
  if (input.approve) {
    documentId = await def.onApproved(ctx, trx, actor, row, {
      approverName: actor.name,
      approvedDate,
      comment: input.comment,
    });
  }
  const updated = await trx
    .updateTable('approval_request')
    .set({
      state: input.approve ? 'approved' : 'rejected',
      decided_by: auth.userId,
      decided_by_name: actor.name,
      decided_at: new Date(),
      decision_comment: input.comment,
      document_id: documentId,
      version: row.version + 1,
    })
    .where('id', '=', id)
    .where('version', '=', row.version)
    .returningAll()
    .executeTakeFirst();
  if (!updated) throw errors.conflict(presentApproval(row));
  await appendAudit(trx, actor, {
    action: input.approve ? 'approval.approve' : 'approval.reject',
    entityType: row.subject_type,
    entityId: row.subject_id,
    summary: `${input.approve ? '批准' : '退回'}${def.label}：${input.comment}`,
    after: { approvalId: id, documentId },
  });
  return presentApproval(updated as ApprovalRow);
}
