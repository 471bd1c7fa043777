import { INSPECTION_APPROVALS, type InspectionApprovalKind, mayApprove } from '@onestop/domain';
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../db/schema';
import { type Actor, appendAudit } from '../../platform/audit';
import type { AuthContext } from '../../platform/auth';
import { AppError, errors } from '../../platform/errors';
import { appendEvent } from '../../platform/scope';
import { loadInspectionCase, requireState, rolesOnCase, today } from './inspection.access';
import type { approvalDecisionBody, approvalRequestBody } from './inspection.schema';
import type { CaseRow } from './inspection.service';
import { type ApprovalKind, APPROVAL_KINDS } from './inspection.tables';

type Exec = Kysely<DB> | Transaction<DB>;
type Trx = Transaction<DB>;

/**
 * Approvals by the approver's own action (issue #13): a handling inspector asks (延长办案期限, 撤销立案,
 * 结案); the request waits on the work list of the users holding the approving post (负责人) in the
 * case's jurisdiction; the approver approves in the app, which runs the step and issues the 审批表 with
 * the approver's name and the date of that action. A user holding the post who takes the step directly
 * approves by that same action. Generic over `kind` so other tracks can share the shape.
 */

/** A pending approval being carried out by its approver (passed into the step). */
export interface GivenApproval {
  id: string;
  requestedBy: string;
  requestedByName: string;
  requestedOn: string;
  opinion: string;
}

/** The request of a pending approval as stored (validated by approvalRequestBody). */
export type ApprovalRequest = z.infer<typeof approvalRequestBody>;

const STATES: Record<InspectionApprovalKind, readonly string[]> = {
  extension: ['investigating'],
  revocation: ['investigating', 'pre_decision'],
  closing: ['ordered', 'penalized', 'case_withdrawn', 'investigation_ended'],
};

export const DEFAULT_OPINIONS: Record<InspectionApprovalKind, string> = {
  extension: '同意延长办案期限三十个工作日。',
  revocation: '同意撤销立案。',
  closing: '同意结案。',
};

/** Whether the user holds the approving post of `kind` in the case's jurisdiction. */
export async function holdsApprovingPost(
  exec: Exec,
  auth: AuthContext,
  c: { jurisdiction_id: string },
  kind: InspectionApprovalKind,
) {
  return mayApprove(kind, await rolesOnCase(exec, auth, c.jurisdiction_id));
}

async function displayName(exec: Exec, userId: string) {
  return (
    await exec.selectFrom('app_user').select('display_name').where('id', '=', userId).executeTakeFirst()
  )?.display_name;
}

/** A handling inspector (or another decider) asks for an approval: 422/409 when the step cannot follow. */
export async function requestApproval(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  c: CaseRow,
  body: ApprovalRequest,
  extended: boolean,
) {
  const kind = body.kind;
  const rule = INSPECTION_APPROVALS[kind];
  requireState(c, STATES[kind], `报请${rule.label}`);
  if (kind === 'extension' && extended)
    throw new AppError(
      422,
      'ALREADY_EXTENDED',
      '办案期限只能延长一次（三十个工作日）（《劳动保障监察条例》第十七条）',
    );
  if (kind === 'revocation' && body.revocation === 'withdrawal' && !body.evidenceOfCorrection)
    throw new AppError(422, 'CORRECTION_EVIDENCE_REQUIRED', '撤销立案须载明已改正的证据（如工资补发凭证）');
  if (kind === 'revocation' && body.revocation === 'investigation_end' && c.state !== 'investigating')
    requireState(c, ['investigating'], '报请终结调查');
  if (kind === 'closing' && !body.resultText)
    throw new AppError(400, 'RESULT_TEXT_REQUIRED', '请填写处理结果', { field: 'resultText' });
  if (kind !== 'closing' && !body.reason)
    throw new AppError(400, 'REASON_REQUIRED', '请填写报批理由', { field: 'reason' });
  const day = today(ctx);
  return ctx.database.db.transaction().execute(async (trx) => {
    const open = await trx
      .selectFrom('inspection_approval')
      .select('id')
      .where('case_id', '=', c.id)
      .where('kind', '=', kind)
      .where('state', '=', 'pending')
      .executeTakeFirst();
    if (open)
      throw new AppError(409, 'APPROVAL_PENDING', `本案已有待审批的${rule.label}报批，请等待审批`, {
        approvalId: open.id,
      });
    const row = await trx
      .insertInto('inspection_approval')
      .values({
        case_id: c.id,
        kind,
        approver_role: rule.approverRoles.join(','),
        request: JSON.stringify(body),
        requested_by: auth.userId,
        requested_on: day,
      })
      .returning(['id', 'state'])
      .executeTakeFirstOrThrow();
    const summary = `监察案件 ${c.number}：报请${rule.label}，待负责人审批`;
    await appendEvent(trx, actor, c.matter_id, 'inspection_approval_requested', summary, {
      caseId: c.id,
      approvalId: row.id,
    });
    await appendAudit(trx, actor, {
      action: `inspection.approval.request.${kind}`,
      entityType: 'case',
      entityId: c.id,
      summary,
      after: { approvalId: row.id, kind },
    });
    return { approvalId: row.id, kind, state: row.state };
  });
}

/**
 * Records the approval inside the step's transaction: the pending request becomes approved by the
 * acting user, or (a direct step by the approver) an approved row is written. Zero rows updated → the
 * request was decided meanwhile (409).
 */
export async function recordApproval(
  trx: Trx,
  auth: AuthContext,
  v: {
    caseId: string;
    kind: ApprovalKind;
    day: string;
    given: GivenApproval | undefined;
    request: unknown;
    documentId: string;
  },
) {
  if (v.given) {
    const done = await trx
      .updateTable('inspection_approval')
      .set((eb) => ({
        state: 'approved',
        decided_by: auth.userId,
        decided_on: v.day,
        decided_at: new Date(),
        opinion: v.given!.opinion,
        document_id: v.documentId,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', v.given.id)
      .where('state', '=', 'pending')
      .returning('id')
      .executeTakeFirst();
    if (!done) throw new AppError(409, 'APPROVAL_DECIDED', '该报批已被审批，请刷新后查看');
    return done.id;
  }
  const row = await trx
    .insertInto('inspection_approval')
    .values({
      case_id: v.caseId,
      kind: v.kind,
      state: 'approved',
      approver_role: INSPECTION_APPROVALS[v.kind].approverRoles.join(','),
      request: JSON.stringify(v.request ?? {}),
      requested_by: auth.userId,
      requested_on: v.day,
      decided_by: auth.userId,
      decided_on: v.day,
      decided_at: new Date(),
      opinion: DEFAULT_OPINIONS[v.kind],
      document_id: v.documentId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Who asked and on which day, for the form: the pending request's, or the approver's own. */
export function requester(given: GivenApproval | undefined, actor: Actor, day: string) {
  return given
    ? { requestedBy: given.requestedByName, requestedDate: given.requestedOn, opinion: given.opinion }
    : { requestedBy: actor.name, requestedDate: day, opinion: '' };
}

/** The steps an approval carries out (wired by the routes to avoid an import cycle). */
export type ApprovalRunner = (
  kind: InspectionApprovalKind,
  request: ApprovalRequest,
  given: GivenApproval,
) => Promise<unknown>;

/**
 * The approver decides: only a user holding the approving post (403 otherwise). Approve → the step
 * runs as the approver and the 审批表 prints the approver's name and today's date; refuse → recorded
 * with the opinion, the case stays where it is.
 */
export async function decideApproval(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  caseId: string,
  approvalId: string,
  body: z.infer<typeof approvalDecisionBody>,
  run: ApprovalRunner,
) {
  const { db } = ctx.database;
  const { c } = await loadInspectionCase(db, auth, caseId);
  const a = await db
    .selectFrom('inspection_approval')
    .selectAll()
    .where('id', '=', approvalId)
    .where('case_id', '=', c.id)
    .executeTakeFirst();
  if (!a) throw errors.notFound('报批');
  const kind = a.kind as InspectionApprovalKind;
  const rule = INSPECTION_APPROVALS[kind];
  if (!(await holdsApprovingPost(db, auth, c, kind))) {
    throw new AppError(
      403,
      'APPROVER_POST_REQUIRED',
      `${rule.label}须由持有负责人岗位的人员本人审批（${rule.basis}）`,
    );
  }
  if (a.state !== 'pending') throw new AppError(409, 'APPROVAL_DECIDED', '该报批已被审批，请刷新后查看');
  if (body.version !== undefined && body.version !== a.version) throw errors.conflict({ version: a.version });
  const day = today(ctx);
  if (!body.approve) {
    if (!body.opinion)
      throw new AppError(400, 'OPINION_REQUIRED', '不同意的，请填写审批意见', { field: 'opinion' });
    await db.transaction().execute(async (trx) => {
      const done = await trx
        .updateTable('inspection_approval')
        .set((eb) => ({
          state: 'rejected',
          decided_by: auth.userId,
          decided_on: day,
          decided_at: new Date(),
          opinion: body.opinion!,
          version: eb('version', '+', 1),
        }))
        .where('id', '=', a.id)
        .where('state', '=', 'pending')
        .returning('id')
        .executeTakeFirst();
      if (!done) throw new AppError(409, 'APPROVAL_DECIDED', '该报批已被审批，请刷新后查看');
      const summary = `监察案件 ${c.number}：负责人不同意${rule.label}：${body.opinion}`;
      await appendEvent(trx, actor, c.matter_id, 'inspection_approval_rejected', summary, {
        caseId: c.id,
        approvalId: a.id,
      });
      await appendAudit(trx, actor, {
        action: `inspection.approval.reject.${kind}`,
        entityType: 'case',
        entityId: c.id,
        summary,
      });
    });
    return { approvalId: a.id, state: 'rejected' };
  }
  const given: GivenApproval = {
    id: a.id,
    requestedBy: a.requested_by,
    requestedByName: (await displayName(db, a.requested_by)) ?? '承办监察员',
    requestedOn: a.requested_on,
    opinion: body.opinion ?? DEFAULT_OPINIONS[kind],
  };
  const result = await run(kind, a.request as ApprovalRequest, given);
  return { approvalId: a.id, state: 'approved', result };
}

/** The case's approvals as the case page shows them, with whether this user may decide. */
export async function approvalsView(exec: Exec, auth: AuthContext, c: CaseRow) {
  const rows = await exec
    .selectFrom('inspection_approval as a')
    .innerJoin('app_user as r', 'r.id', 'a.requested_by')
    .leftJoin('app_user as d', 'd.id', 'a.decided_by')
    .select([
      'a.id',
      'a.kind',
      'a.state',
      'a.request',
      'a.requested_on',
      'a.decided_on',
      'a.opinion',
      'a.document_id',
      'a.version',
      'r.display_name as requested_by_name',
      'd.display_name as decided_by_name',
    ])
    .where('a.case_id', '=', c.id)
    .orderBy('a.requested_at')
    .execute();
  const roles = await rolesOnCase(exec, auth, c.jurisdiction_id);
  return rows.map((r) => {
    const kind = r.kind as InspectionApprovalKind;
    return {
      id: r.id,
      kind,
      label: INSPECTION_APPROVALS[kind].label,
      state: r.state,
      stateLabel: { pending: '待审批', approved: '已批准', rejected: '不同意' }[r.state],
      request: r.request,
      requestedBy: r.requested_by_name,
      requestedOn: r.requested_on,
      decidedBy: r.decided_by_name,
      decidedOn: r.decided_on,
      opinion: r.opinion,
      documentId: r.document_id,
      version: r.version,
      basis: INSPECTION_APPROVALS[kind].basis,
      canDecide: r.state === 'pending' && mayApprove(kind, roles),
    };
  });
}

/** Pending approvals the user may decide (工作台 我的待办), with what the work list shows. */
export async function pendingApprovalsFor(db: Kysely<DB>, auth: AuthContext) {
  if (!auth.grants.some((g) => g.active && g.role === 'leader')) return [];
  const rows = await db
    .selectFrom('inspection_approval as a')
    .innerJoin('track_case as c', 'c.id', 'a.case_id')
    .innerJoin('matter as m', 'm.id', 'c.matter_id')
    .innerJoin('jurisdiction as j', 'j.id', 'c.jurisdiction_id')
    .innerJoin('organization as o', 'o.id', 'c.organization_id')
    .innerJoin('app_user as u', 'u.id', 'a.requested_by')
    .select([
      'a.id',
      'a.kind',
      'a.requested_at',
      'c.id as case_id',
      'c.number',
      'c.state',
      'c.jurisdiction_id',
      'c.priority_flags',
      'm.id as matter_id',
      'm.number as matter_number',
      'j.name as jurisdiction_name',
      'o.name as organization_name',
      'u.display_name as requested_by_name',
    ])
    .where('a.state', '=', 'pending')
    .where('a.kind', 'in', [...APPROVAL_KINDS])
    .orderBy('a.requested_at')
    .limit(200)
    .execute();
  const out = [];
  for (const r of rows) {
    if (await holdsApprovingPost(db, auth, r, r.kind as InspectionApprovalKind)) out.push(r);
  }
  return out;
}
