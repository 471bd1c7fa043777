import {
  INSPECTION_APPROVALS,
  INSPECTION_FORM_KIND,
  type InspectionApprovalKind,
  inspectionApprovalKey,
  mayApprove,
} from '@onestop/domain';
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../db/schema';
import type { Actor } from '../../platform/audit';
import type { AuthContext } from '../../platform/auth';
import { AppError } from '../../platform/errors';
import {
  approvalRowsOf,
  decideApproval as decideCommon,
  type GivenApproval,
  markApproved,
  requestApproval as requestCommon,
} from '../cases';
import { loadInspectionCase, requireState, rolesOnCase, today } from './inspection.access';
import type { approvalDecisionBody, approvalRequestBody } from './inspection.schema';
import type { CaseRow } from './inspection.service';
import type { StepOutcome } from './inspection.responses';

type Exec = Kysely<DB> | Transaction<DB>;
type Trx = Transaction<DB>;

export type { GivenApproval };

/**
 * The inspection approvals (立案审批, 延长办案期限, 撤销立案, 结案) on the one approval mechanism
 * (cases/approvals.ts, table approval_request): a handling inspector asks; the request waits on the
 * 工作台 "待我审批" of the users holding the approving post (负责人) in the case's jurisdiction; the
 * approver approves in the app, which carries out the step as the approver and issues the 审批表 with
 * the approver's name and the date of that action. A user holding the post who takes the step
 * directly approves by that same action. The inspection routes keep their own paths
 * (/inspection/cases/:id/approvals…); the 工作台 decides through /approvals/:id/decide — both end in
 * the same service.
 */

/** The request of a pending approval as stored (validated by approvalRequestBody). */
export type ApprovalRequest = z.infer<typeof approvalRequestBody>;

const STATES: Record<InspectionApprovalKind, readonly string[]> = {
  filing: ['registered'],
  extension: ['investigating'],
  revocation: ['investigating', 'pre_decision'],
  closing: ['ordered', 'penalized', 'case_withdrawn', 'investigation_ended'],
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

async function employerName(exec: Exec, caseId: string) {
  return (
    await exec
      .selectFrom('inspection_case as ic')
      .innerJoin('party as p', 'p.id', 'ic.employer_party_id')
      .select('p.name')
      .where('ic.case_id', '=', caseId)
      .executeTakeFirst()
  )?.name;
}

async function subjectLabel(exec: Exec, c: { id: string; number: string }) {
  const employer = await employerName(exec, c.id);
  return employer ? `${c.number} ${employer}` : c.number;
}

/** What the request says (the reason, or the result for 结案); the label is shown beside it. */
function requestSummary(kind: InspectionApprovalKind, body: Partial<ApprovalRequest>) {
  return (kind === 'closing' ? body.resultText : body.reason) || INSPECTION_APPROVALS[kind].label;
}

/** A handling inspector (or another decider) asks for an approval: 422/409 when the step cannot follow. */
export async function requestApproval(
  ctx: AppContext,
  _auth: AuthContext,
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
  const { db } = ctx.database;
  const label = await subjectLabel(db, c);
  return db.transaction().execute(async (trx) => {
    const approvalId = await requestCommon(trx, actor, {
      kind: INSPECTION_FORM_KIND[kind],
      subjectType: 'case',
      subjectId: c.id,
      subjectLabel: label,
      jurisdictionId: c.jurisdiction_id,
      summary: requestSummary(kind, body),
      payload: body,
      requestedOn: today(ctx),
    });
    return { approvalId, kind, state: 'pending' as const };
  });
}

/**
 * Records the approval inside the step's transaction: the pending request becomes approved by the
 * acting user, or (a direct step by the approver) an approved row is written.
 */
export async function recordApproval(
  trx: Trx,
  auth: AuthContext,
  actor: Actor,
  v: {
    caseId: string;
    kind: InspectionApprovalKind;
    day: string;
    given: GivenApproval | undefined;
    request: unknown;
    documentId: string | null;
  },
) {
  const c = await trx
    .selectFrom('track_case')
    .select(['id', 'number', 'jurisdiction_id'])
    .where('id', '=', v.caseId)
    .executeTakeFirstOrThrow();
  return markApproved(trx, auth, actor, {
    kind: INSPECTION_FORM_KIND[v.kind],
    subjectType: 'case',
    subjectId: c.id,
    subjectLabel: await subjectLabel(trx, c),
    jurisdictionId: c.jurisdiction_id,
    day: v.day,
    given: v.given,
    request: v.request,
    summary: requestSummary(v.kind, (v.request ?? {}) as Partial<ApprovalRequest>),
    documentId: v.documentId,
  });
}

/** Who asked and on which day, for the form: the pending request's, or the approver's own. */
export function requester(given: GivenApproval | undefined, actor: Actor, day: string) {
  return given
    ? { requestedBy: given.requestedByName, requestedDate: given.requestedOn, opinion: given.opinion }
    : { requestedBy: actor.name, requestedDate: day, opinion: '' };
}

/** The steps an approval carries out (registered by the inspection plugin). */
export type ApprovalRunner = (
  kind: InspectionApprovalKind,
  request: ApprovalRequest,
  given: GivenApproval,
) => Promise<unknown>;

/**
 * The approver decides on the case page (the same service as the 工作台): only a user holding the
 * approving post, by his or her own action. Approve → the step runs as the approver and the 审批表
 * prints the approver's name and today's date; refuse → recorded with the opinion, the case stays.
 */
export async function decideApproval(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  caseId: string,
  approvalId: string,
  body: z.infer<typeof approvalDecisionBody>,
) {
  const { c } = await loadInspectionCase(ctx.database.db, auth, caseId);
  const out = await decideCommon(
    ctx,
    auth,
    actor,
    approvalId,
    { approve: body.approve, comment: body.opinion, version: body.version },
    c.id,
  );
  // The step the approval carried out answers as the step itself would (inspection.responses.ts).
  const result = out.result as StepOutcome['result'];
  return { approvalId, state: out.approval.state, ...(body.approve && { result }) };
}

/** The case's approvals as the case page shows them, with whether this user may decide. */
export async function approvalsView(exec: Exec, auth: AuthContext, c: CaseRow) {
  const rows = (await approvalRowsOf(exec, c.id, 'asc')).flatMap((r) => {
    const kind = inspectionApprovalKey(r.kind);
    return kind ? [{ r, kind }] : [];
  });
  const roles = await rolesOnCase(exec, auth, c.jurisdiction_id);
  return rows.map(({ r, kind }) => ({
    id: r.id,
    kind,
    label: INSPECTION_APPROVALS[kind].label,
    state: r.state,
    stateLabel: { pending: '待审批', approved: '已批准', rejected: '不同意' }[r.state],
    request: r.payload as Partial<ApprovalRequest>,
    requestedBy: r.requested_by_name,
    requestedOn: r.requested_on,
    decidedBy: r.decided_by_name,
    decidedOn: r.decided_on,
    opinion: r.decision_comment,
    documentId: r.document_id,
    version: r.version,
    basis: INSPECTION_APPROVALS[kind].basis,
    canDecide: r.state === 'pending' && r.requested_by !== auth.userId && mayApprove(kind, roles),
  }));
}
