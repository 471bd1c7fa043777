// Over 400 lines: outreach (plans, visits, photos, 普法 sessions, issues turned into matters) in one service; to split into visits and sessions.
import { CLAIM_CATALOGUE, type ClaimType, chineseDate, validateCreditCode } from '@onestop/domain';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema';
import type { Actor } from '../../platform/audit';
import type { AuthContext } from '../../platform/auth';
import type { AppContext } from '../../platform/context';
import { AppError, errors } from '../../platform/errors';
import { appendEvent, scopeOf } from '../../platform/scope';
import { createIntake } from '../intake';
import { identityHash, upsertEmployer } from '../parties';
import { fileOutreachFinding } from '../supervision';
import type {
  cancelBody,
  issueMatterBody,
  issueSupervisionBody,
  recordBody,
  visitBody,
  visitListQuery,
} from './prevention.outreach.schema';
import { ISSUE_STATE_LABELS, VISIT_KIND_LABELS, VISIT_STATUS_LABELS } from './prevention.outreach.schema';
import { recordPreventionChange } from './prevention.service';
import type { IssueState, VisitKind, VisitStatus } from './prevention.tables';

type Exec = Kysely<DB> | Transaction<DB>;

/** Posts whose holders go on visits and 普法 sessions (offered as companions on the form). */
const OUTREACH_ROLES = [
  'prevention_officer',
  'mediator',
  'inspector',
  'intake_clerk',
  'union_liaison',
] as const;

const claimLabel = (t: string | null) => (t ? (CLAIM_CATALOGUE[t as ClaimType]?.label ?? t) : null);

/** The single-window grant for the one createIntake call, in the jurisdiction already checked by the caller. */
export function windowIn(auth: AuthContext, jurisdictionId: string): AuthContext {
  return {
    ...auth,
    grants: [...auth.grants, { role: 'intake_clerk', active: true, jurisdictionIds: [jurisdictionId] }],
  };
}

// ---------------------------------------------------------------------------------------------
// Presenting
// ---------------------------------------------------------------------------------------------

export async function presentVisits(db: Exec, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('prevention_visit as v')
    .innerJoin('jurisdiction as j', 'j.id', 'v.jurisdiction_id')
    .leftJoin('party as e', 'e.id', 'v.employer_party_id')
    .selectAll('v')
    .select(['j.name as jurisdiction_name', 'e.name as employer_name', 'e.credit_code as employer_code'])
    .where('v.id', 'in', ids)
    .execute();
  const staff = await db
    .selectFrom('prevention_visit_staff as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .select(['s.visit_id', 'u.id', 'u.display_name'])
    .where('s.visit_id', 'in', ids)
    .orderBy('s.sort')
    .execute();
  const photos = await db
    .selectFrom('prevention_visit_photo')
    .select(['id', 'visit_id', 'file_name', 'content_type', 'size_bytes'])
    .where('visit_id', 'in', ids)
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute();
  const issues = await db
    .selectFrom('prevention_visit_issue as i')
    .leftJoin('matter as m', 'm.id', 'i.matter_id')
    .selectAll('i')
    .select('m.number as matter_number')
    .where('i.visit_id', 'in', ids)
    .orderBy('i.seq')
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids
    .map((id) => byId.get(id))
    .filter((r) => r !== undefined)
    .map((v) => ({
      id: v.id,
      kind: v.kind,
      kindLabel: VISIT_KIND_LABELS[v.kind],
      status: v.status,
      statusLabel: VISIT_STATUS_LABELS[v.status],
      jurisdiction: { id: v.jurisdiction_id, name: v.jurisdiction_name },
      employer:
        v.employer_party_id && v.employer_name
          ? { id: v.employer_party_id, name: v.employer_name, creditCode: v.employer_code }
          : null,
      address: v.address,
      plannedOn: v.planned_on,
      plannedOnText: chineseDate(v.planned_on),
      doneOn: v.done_on,
      doneOnText: v.done_on ? chineseDate(v.done_on) : null,
      topics: v.topics,
      staff: staff.filter((s) => s.visit_id === v.id).map((s) => ({ id: s.id, name: s.display_name })),
      attendanceCount: v.attendance_count,
      attendees: v.attendees.map((a) => ({ name: a.name, position: a.position ?? null })),
      summary: v.summary,
      cancelReason: v.cancel_reason,
      photos: photos
        .filter((p) => p.visit_id === v.id)
        .map((p) => ({
          id: p.id,
          fileName: p.file_name,
          contentType: p.content_type,
          sizeBytes: p.size_bytes,
        })),
      issues: issues
        .filter((i) => i.visit_id === v.id)
        .map((i) => ({
          id: i.id,
          seq: i.seq,
          description: i.description,
          claimType: i.claim_type,
          claimTypeLabel: claimLabel(i.claim_type),
          workerCount: i.worker_count,
          state: i.state,
          stateLabel: ISSUE_STATE_LABELS[i.state],
          matter: i.matter_id && i.matter_number ? { id: i.matter_id, number: i.matter_number } : null,
          supervisionFilingId: i.supervision_filing_id,
          version: i.version,
        })),
      version: v.version,
    }));
}

export async function presentVisit(db: Exec, id: string) {
  const [v] = await presentVisits(db, [id]);
  if (!v) throw errors.notFound('走访记录');
  return v;
}

export async function listVisits(db: Exec, auth: AuthContext, q: z.infer<typeof visitListQuery>) {
  const scope = await scopeOf(db, auth, 'prevention.work');
  if (scope.length === 0) return [];
  let s = db.selectFrom('prevention_visit as v').select('v.id').where('v.jurisdiction_id', 'in', scope);
  if (q.status) s = s.where('v.status', '=', q.status);
  if (q.kind) s = s.where('v.kind', '=', q.kind);
  const day = sql<string>`coalesce(v.done_on, v.planned_on)`;
  if (q.from) s = s.where(day, '>=', q.from);
  if (q.to) s = s.where(day, '<=', q.to);
  const rows = await s
    .orderBy(sql`v.status = 'planned'`, 'desc')
    .orderBy(day, 'desc')
    .orderBy('v.created_at', 'desc')
    .limit(500)
    .execute();
  return (
    await presentVisits(
      db,
      rows.map((r) => r.id),
    )
  ).map(({ attendees: _a, photos, ...v }) => ({ ...v, photoCount: photos.length }));
}

/** The visit for a staff member of its jurisdiction (404 outside: existence is not disclosed). */
export async function visitForStaff(db: Exec, auth: AuthContext, id: string) {
  const v = await db.selectFrom('prevention_visit').selectAll().where('id', '=', id).executeTakeFirst();
  if (!v || !(await scopeOf(db, auth, 'prevention.work')).includes(v.jurisdiction_id))
    throw errors.notFound('走访记录');
  return v;
}

/** Staff who may be named on a visit: holders of an outreach post in the user's jurisdictions. */
export async function outreachStaff(db: Exec, auth: AuthContext) {
  const scope = await scopeOf(db, auth, 'prevention.work');
  if (scope.length === 0) return [];
  const rows = await db
    .selectFrom('app_user as u')
    .innerJoin('organization as o', 'o.id', 'u.organization_id')
    .select(['u.id', 'u.display_name', 'o.name as org_name'])
    .where('u.active', '=', true)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('user_role as r')
          .select('r.user_id')
          .whereRef('r.user_id', '=', 'u.id')
          .where('r.role', 'in', OUTREACH_ROLES)
          .where('r.jurisdiction_id', 'in', scope),
      ),
    )
    .orderBy(sql`u.id = ${auth.userId}`, 'desc')
    .orderBy('u.display_name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.display_name, organizationName: r.org_name }));
}

// ---------------------------------------------------------------------------------------------
// Plan, record, cancel
// ---------------------------------------------------------------------------------------------

async function checkStaff(db: Exec, auth: AuthContext, ids: readonly string[]): Promise<string[]> {
  const list = ids.length ? [...new Set(ids)] : [auth.userId];
  if (list.length !== (ids.length || 1))
    throw new AppError(400, 'VISIT_STAFF_TWICE', '同一工作人员不能重复填写', { field: 'staffIds' });
  const known = new Set((await outreachStaff(db, auth)).map((s) => s.id));
  const unknown = list.filter((id) => !known.has(id));
  if (unknown.length)
    throw new AppError(400, 'VISIT_STAFF_UNKNOWN', '参加人员须为本辖区在岗的工作人员', {
      field: 'staffIds',
      unknown,
    });
  return list;
}

async function setStaff(trx: Transaction<DB>, visitId: string, staff: readonly string[]) {
  await trx.deleteFrom('prevention_visit_staff').where('visit_id', '=', visitId).execute();
  await trx
    .insertInto('prevention_visit_staff')
    .values(staff.map((user_id, sort) => ({ visit_id: visitId, user_id, sort })))
    .execute();
}

async function staffNames(trx: Transaction<DB>, ids: readonly string[]) {
  const rows = await trx
    .selectFrom('app_user')
    .select(['id', 'display_name'])
    .where('id', 'in', ids)
    .execute();
  return ids.map((id) => rows.find((r) => r.id === id)?.display_name ?? '').join('、');
}

/** The employer of an enterprise visit: the party on file by credit code, else a new one. */
async function visitEmployer(ctx: AppContext, trx: Transaction<DB>, name: string, code: string) {
  const existing = await trx
    .selectFrom('party')
    .select(['id', 'name'])
    .where('identity_hash', '=', identityHash(ctx.cipher, 'employer', code))
    .executeTakeFirst();
  if (existing) return existing;
  const created = await upsertEmployer(trx, ctx.cipher, { name, creditCode: code }, 'employer');
  return { id: created.id, name };
}

export async function createVisit(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  body: z.infer<typeof visitBody>,
  today: string,
): Promise<string> {
  const { db } = ctx.database;
  if (!(await scopeOf(db, auth, 'prevention.work')).includes(body.jurisdictionId))
    throw new AppError(403, 'JURISDICTION_FORBIDDEN', '您没有在所选辖区安排走访的权限', {
      field: 'jurisdictionId',
    });
  let code: string | null = null;
  if (body.creditCode) {
    const v = validateCreditCode(body.creditCode);
    if (!v.ok) throw new AppError(400, 'CREDIT_CODE_INVALID', v.message, { field: 'creditCode' });
    code = body.creditCode;
  }
  if (body.kind === 'enterprise_visit' && (!code || !body.employerName))
    throw new AppError(400, 'VISIT_EMPLOYER_REQUIRED', '走访企业须填写用人单位名称和统一社会信用代码', {
      field: code ? 'employerName' : 'creditCode',
    });
  if (code && !body.employerName)
    throw new AppError(400, 'VISIT_EMPLOYER_REQUIRED', '请填写用人单位名称', { field: 'employerName' });
  // A visit already made is planned and recorded at once (a past date is fine); one before last year
  // is a typing mistake.
  if (Number(today.slice(0, 4)) - Number(body.plannedOn.slice(0, 4)) > 1)
    throw new AppError(400, 'VISIT_DATE_INVALID', '计划日期不能早于去年', { field: 'plannedOn' });
  const staff = await checkStaff(db, auth, body.staffIds);
  return db.transaction().execute(async (trx) => {
    const employer =
      code && body.employerName ? await visitEmployer(ctx, trx, body.employerName, code) : null;
    const v = await trx
      .insertInto('prevention_visit')
      .values({
        kind: body.kind,
        jurisdiction_id: body.jurisdictionId,
        employer_party_id: employer?.id ?? null,
        address: body.address,
        planned_on: body.plannedOn,
        done_on: null,
        topics: body.topics,
        attendance_count: null,
        attendees: '[]',
        summary: null,
        cancel_reason: null,
        created_by: auth.userId,
        updated_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await setStaff(trx, v.id, staff);
    const where = employer ? `${employer.name}（${body.address}）` : body.address;
    await recordPreventionChange(
      trx,
      actor,
      { type: 'prevention_visit', id: v.id, organizationId: null },
      'visit.plan',
      `安排${VISIT_KIND_LABELS[body.kind]}：${chineseDate(body.plannedOn)}，${where}，人员${await staffNames(trx, staff)}`,
      body,
    );
    return v.id;
  });
}

export async function recordVisit(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  id: string,
  body: z.infer<typeof recordBody>,
  today: string,
) {
  const { db } = ctx.database;
  const v = await visitForStaff(db, auth, id);
  if (v.status !== 'planned')
    throw new AppError(409, 'VISIT_NOT_PLANNED', `该走访${VISIT_STATUS_LABELS[v.status]}，不能再登记情况`);
  if (body.doneOn > today)
    throw new AppError(400, 'DATE_IN_FUTURE', '走访日期不能晚于今天', { field: 'doneOn' });
  if (body.attendees.length > body.attendanceCount)
    throw new AppError(
      400,
      'ATTENDANCE_COUNT_LOW',
      `参加人数不能少于名单人数（${body.attendees.length}人）`,
      {
        field: 'attendanceCount',
      },
    );
  const staff = body.staffIds ? await checkStaff(db, auth, body.staffIds) : null;
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('prevention_visit')
      .set((eb) => ({
        status: 'done' as VisitStatus,
        done_on: body.doneOn,
        topics: body.topics,
        attendance_count: body.attendanceCount,
        attendees: JSON.stringify(body.attendees),
        summary: body.summary ?? null,
        version: eb('version', '+', 1),
        updated_at: new Date(),
      }))
      .where('id', '=', id)
      .where('version', '=', body.version)
      .where('status', '=', 'planned')
      .returning('id')
      .executeTakeFirst();
    if (!updated) throw errors.conflict({ version: v.version });
    if (staff) await setStaff(trx, id, staff);
    if (body.issues.length)
      await trx
        .insertInto('prevention_visit_issue')
        .values(
          body.issues.map((i, n) => ({
            visit_id: id,
            seq: n + 1,
            description: i.description,
            claim_type: i.claimType ?? null,
            worker_count: i.workerCount ?? null,
            matter_id: null,
            supervision_filing_id: null,
            updated_at: new Date(),
          })),
        )
        .execute();
    const issues = body.issues.length ? `，发现问题${body.issues.length}项` : '，未发现问题';
    await recordPreventionChange(
      trx,
      actor,
      { type: 'prevention_visit', id, organizationId: null },
      'visit.record',
      `登记${VISIT_KIND_LABELS[v.kind as VisitKind]}情况：${chineseDate(body.doneOn)}，${body.attendanceCount}人参加，主题${body.topics.join('、')}${issues}`,
      body,
    );
  });
}

export async function cancelVisit(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  id: string,
  body: z.infer<typeof cancelBody>,
) {
  const { db } = ctx.database;
  const v = await visitForStaff(db, auth, id);
  if (v.status !== 'planned')
    throw new AppError(409, 'VISIT_NOT_PLANNED', `该走访${VISIT_STATUS_LABELS[v.status]}，不能取消`);
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('prevention_visit')
      .set((eb) => ({
        status: 'cancelled' as VisitStatus,
        cancel_reason: body.reason,
        version: eb('version', '+', 1),
        updated_at: new Date(),
      }))
      .where('id', '=', id)
      .where('version', '=', body.version)
      .where('status', '=', 'planned')
      .returning('id')
      .executeTakeFirst();
    if (!updated) throw errors.conflict({ version: v.version });
    await recordPreventionChange(
      trx,
      actor,
      { type: 'prevention_visit', id, organizationId: null },
      'visit.cancel',
      `取消${VISIT_KIND_LABELS[v.kind as VisitKind]}（原定${chineseDate(v.planned_on)}）：${body.reason}`,
      body,
    );
  });
}

// ---------------------------------------------------------------------------------------------
// A found issue becomes a matter or a supervision item, in one step, linked both ways
// ---------------------------------------------------------------------------------------------

async function issueForStaff(db: Exec, auth: AuthContext, issueId: string) {
  const issue = await db
    .selectFrom('prevention_visit_issue')
    .selectAll()
    .where('id', '=', issueId)
    .executeTakeFirst();
  if (!issue) throw errors.notFound('发现的问题');
  const visit = await visitForStaff(db, auth, issue.visit_id);
  if (issue.state !== 'open')
    throw new AppError(
      409,
      'ISSUE_ALREADY_HANDLED',
      `该问题${ISSUE_STATE_LABELS[issue.state as IssueState]}，不能再次转办`,
    );
  const employer = visit.employer_party_id
    ? await db
        .selectFrom('party')
        .select(['id', 'name', 'credit_code'])
        .where('id', '=', visit.employer_party_id)
        .executeTakeFirstOrThrow()
    : null;
  return { issue, visit, employer };
}

/**
 * The issue, its visit and employer, ready to convert into `target` (a matter or a supervision item):
 * the version the user saw (409 otherwise) and a visited employer (422 ISSUE_NO_EMPLOYER otherwise).
 */
async function convertibleIssue(
  db: Exec,
  auth: AuthContext,
  issueId: string,
  version: number,
  target: string,
) {
  const found = await issueForStaff(db, auth, issueId);
  if (found.issue.version !== version) throw errors.conflict({ version: found.issue.version });
  const { employer } = found;
  if (!employer)
    throw new AppError(422, 'ISSUE_NO_EMPLOYER', `该次普法宣传未登记用人单位，不能转为${target}`, {
      field: 'employer',
    });
  return { ...found, employer };
}

/** Marks the issue converted (version-checked) in the converting transaction; zero rows → 409. */
async function markIssue(
  trx: Transaction<DB>,
  issue: { id: string; version: number },
  version: number,
  link: { matter_id: string } | { supervision_filing_id: string },
) {
  const updated = await trx
    .updateTable('prevention_visit_issue')
    .set((eb) => ({
      ...link,
      state: ('matter_id' in link ? 'matter' : 'supervision') as IssueState,
      version: eb('version', '+', 1),
      updated_at: new Date(),
    }))
    .where('id', '=', issue.id)
    .where('version', '=', version)
    .where('state', '=', 'open')
    .returning('id')
    .executeTakeFirst();
  if (!updated) throw errors.conflict({ version: issue.version });
}

/**
 * The issue becomes a matter through the single window's intake (createIntake): the worker who raised
 * it, the visited employer, the issue as the claim; status 'registered', so it waits in the center's
 * intake queue (待分流) for triage. The issue row is linked in the same transaction.
 */
export async function issueToMatter(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  issueId: string,
  body: z.infer<typeof issueMatterBody>,
): Promise<{ visitId: string; matterId: string }> {
  const { db } = ctx.database;
  const { issue, visit, employer } = await convertibleIssue(db, auth, issueId, body.version, '维权事项');
  const claimType = body.claimType ?? issue.claim_type;
  if (!claimType)
    throw new AppError(400, 'ISSUE_CLAIM_TYPE_REQUIRED', '请选择诉求类别', { field: 'claimType' });
  const when = chineseDate(visit.done_on ?? visit.planned_on);
  const origin = `${VISIT_KIND_LABELS[visit.kind as VisitKind]}（${when}，${visit.address}）发现的问题${issue.seq}`;
  const matterId = await createIntake(
    ctx,
    windowIn(auth, visit.jurisdiction_id),
    actor,
    {
      channel: 'other_transfer',
      requestKind: 'application',
      jurisdictionId: visit.jurisdiction_id,
      workers: [body.worker],
      employers: [{ name: employer.name, ...(employer.credit_code && { creditCode: employer.credit_code }) }],
      claims: [
        {
          type: claimType,
          ...(body.amountFen !== undefined && { amountFen: body.amountFen }),
          facts: body.facts || issue.description,
        },
      ],
      narrative: `${origin}：${issue.description}`,
      facts: issue.worker_count ? { workerCount: issue.worker_count } : {},
    },
    async (trx, matter) => {
      // Nobody at the center holds it yet: the intake queue assigns it on triage.
      await trx
        .updateTable('matter')
        .set({ responsible_user_id: null })
        .where('id', '=', matter.id)
        .execute();
      await markIssue(trx, issue, body.version, { matter_id: matter.id });
      await appendEvent(trx, actor, matter.id, 'outreach_issue', `由${origin}转入`, {
        visitId: visit.id,
        issueId: issue.id,
      });
      await recordPreventionChange(
        trx,
        actor,
        { type: 'prevention_visit', id: visit.id, organizationId: null },
        'issue.matter',
        `问题${issue.seq}转为维权事项${matter.number}（待窗口分流）`,
        { issueId: issue.id, matterId: matter.id },
      );
    },
  );
  return { visitId: visit.id, matterId };
}

/** The issue becomes a supervision item (走访发现问题) of the visited employer, linked both ways. */
export async function issueToSupervision(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  issueId: string,
  body: z.infer<typeof issueSupervisionBody>,
): Promise<{ visitId: string; filingId: string }> {
  const { db } = ctx.database;
  const { issue, visit, employer } = await convertibleIssue(
    db,
    auth,
    issueId,
    body.version,
    '劳动关系监管事项',
  );
  return db.transaction().execute(async (trx) => {
    const filingId = await fileOutreachFinding(trx, auth, actor, {
      employerPartyId: employer.id,
      employerName: employer.name,
      jurisdictionId: visit.jurisdiction_id,
      visitId: visit.id,
      issueId: issue.id,
      description: issue.description,
      visitedOn: visit.done_on ?? visit.planned_on,
      note: body.note,
    });
    await markIssue(trx, issue, body.version, { supervision_filing_id: filingId });
    await recordPreventionChange(
      trx,
      actor,
      { type: 'prevention_visit', id: visit.id, organizationId: null },
      'issue.supervision',
      `问题${issue.seq}转为劳动关系监管事项（${employer.name}）`,
      { issueId: issue.id, filingId },
    );
    return { visitId: visit.id, filingId };
  });
}

/** One issue as presented (after a conversion). */
export async function presentIssue(db: Exec, visitId: string, issueId: string) {
  const v = await presentVisit(db, visitId);
  return v.issues.find((i) => i.id === issueId)!;
}
