// Over 400 lines on purpose: the prevention work (checklists, visits, findings) is being extended by another change; to be split by step once it settles.
import {
  CHECKLIST_GROUP_LABELS,
  CLAIM_CATALOGUE,
  CLOCK_STATUS_LABELS,
  type ClockStatus,
  type ChecklistGroup,
  businessDateTime,
  chineseDate,
  chineseDateTime,
  type ClaimType,
  DEFAULT_CHECKLIST,
  formatYuan,
  MEDIATION_ORG_KIND_INFO,
  MEDIATION_ORG_STATUS_LABELS,
  type MediationOrgKind,
  ORG_CASE_RESULT_LABELS,
  ORG_MEMBER_POSITION_LABELS,
  REASSESSMENT_RULE,
  assessmentResult,
  requireRule,
  validateCreditCode,
} from '@onestop/domain';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema';
import type { Actor } from '../../platform/audit';
import type { AuthContext } from '../../platform/auth';
import { businessToday } from '../../platform/time';
import type { AppContext } from '../../platform/context';
import { AppError, errors } from '../../platform/errors';
import { recordModuleChange } from '../../platform/module-events';
import { scopeOf } from '../../platform/scope';
import { getClocksService } from '../clocks';
import { identityHash } from '../parties';
import type {
  assessmentBody,
  caseBody,
  caseResultBody,
  listQuery,
  memberBody,
  registerBody,
  updateBody,
} from './prevention.schema';
import { REFERRAL_PURPOSE_LABELS } from './prevention.outreach.schema';

type Exec = Kysely<DB> | Transaction<DB>;

const MEDIATION_TABLE_ROWS: Record<string, string> = {
  enterprise_committee: '企业劳动争议调解委员会',
  street_township: '乡镇（街道）、村（社区）调解组织',
  other: '其他调解组织',
};

/** One row of the module's timeline per state change, with the audit entry (`prevention.<action>`). */
export function recordPreventionChange(
  trx: Transaction<DB>,
  actor: Actor,
  entity: { type: string; id: string; organizationId: string | null },
  action: string,
  summary: string,
  after?: unknown,
) {
  return recordModuleChange(trx, actor, 'prevention_event', entity, action, summary, after);
}

// ---------------------------------------------------------------------------------------------
// Access: staff with prevention.work in the organisation's jurisdiction; organisation mediators
// (org_case.record) only for organisations the register names them a member of.
// ---------------------------------------------------------------------------------------------

interface OrgRow {
  id: string;
  name: string;
  jurisdiction_id: string;
}

async function orgRow(db: Exec, id: string): Promise<OrgRow | undefined> {
  return db
    .selectFrom('prevention_org as p')
    .innerJoin('mediation_organization as o', 'o.id', 'p.organization_id')
    .select(['o.id', 'o.name', 'p.jurisdiction_id'])
    .where('p.organization_id', '=', id)
    .executeTakeFirst();
}

async function isMember(db: Exec, auth: AuthContext, organizationId: string): Promise<boolean> {
  if (!auth.permissions.has('org_case.record')) return false;
  const m = await db
    .selectFrom('prevention_org_member')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('user_id', '=', auth.userId)
    .where('active', '=', true)
    .executeTakeFirst();
  return !!m;
}

/** The organisation for a supervisor in its jurisdiction (404 outside: existence is not disclosed). */
export async function orgForSupervisor(db: Exec, auth: AuthContext, id: string): Promise<OrgRow> {
  const o = await orgRow(db, id);
  if (!o) throw errors.notFound('调解组织');
  if (!(await scopeOf(db, auth, 'prevention.work')).includes(o.jurisdiction_id))
    throw errors.notFound('调解组织');
  return o;
}

/**
 * The organisation whose ledger the user reads or writes: a supervisor of its jurisdiction reads, a
 * member mediator reads and writes. An organisation mediator of another organisation gets 403.
 */
export async function orgForLedger(db: Exec, auth: AuthContext, id: string, write: boolean): Promise<OrgRow> {
  const o = await orgRow(db, id);
  if (!o) throw errors.notFound('调解组织');
  if (await isMember(db, auth, id)) return o;
  if (!write && (await scopeOf(db, auth, 'prevention.work')).includes(o.jurisdiction_id)) return o;
  if (auth.permissions.has('org_case.record'))
    throw new AppError(403, 'ORG_NOT_MEMBER', '您不是该调解组织的调解员，只能登记本组织的案件');
  if (write && auth.permissions.has('prevention.work'))
    throw new AppError(403, 'ORG_CASE_MEMBERS_ONLY', '案件台账由调解组织的调解员登记');
  throw errors.notFound('调解组织');
}

// ---------------------------------------------------------------------------------------------
// Presenting
// ---------------------------------------------------------------------------------------------

function standardOf(a: { passed: boolean; assessed_on: string; reassess_due: string } | undefined) {
  if (!a) {
    return {
      state: 'never' as const,
      label: '未评估',
      lastAssessedOn: null,
      reassessDue: null,
      reassessDueText: null,
    };
  }
  return {
    state: a.passed ? ('passed' as const) : ('failed' as const),
    label: a.passed ? '达标' : '未达标',
    lastAssessedOn: a.assessed_on,
    reassessDue: a.reassess_due,
    reassessDueText: chineseDate(a.reassess_due),
  };
}

export async function presentOrganizations(db: Exec, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('prevention_org as p')
    .innerJoin('mediation_organization as o', 'o.id', 'p.organization_id')
    .innerJoin('jurisdiction as j', 'j.id', 'p.jurisdiction_id')
    .leftJoin('party as e', 'e.id', 'p.employer_party_id')
    .leftJoin('prevention_assessment as a', 'a.id', 'p.last_assessment_id')
    .select([
      'o.id',
      'o.name',
      'o.kind',
      'o.address',
      'o.contact_person',
      'p.jurisdiction_id',
      'j.name as jurisdiction_name',
      'p.founded_on',
      'p.status',
      'p.credit_code',
      'p.employer_party_id',
      'e.name as employer_name',
      'p.version',
      'a.passed',
      'a.assessed_on',
      'a.reassess_due',
    ])
    .where('p.organization_id', 'in', ids)
    .execute();
  const members = await db
    .selectFrom('prevention_org_member as m')
    .leftJoin('app_user as u', 'u.id', 'm.user_id')
    .select(['m.id', 'm.organization_id', 'm.name', 'm.position', 'u.username'])
    .where('m.organization_id', 'in', ids)
    .where('m.active', '=', true)
    .orderBy(sql`array_position(array['chair', 'member', 'mediator'], m.position)`)
    .orderBy('m.created_at')
    .orderBy('m.name')
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids
    .map((id) => byId.get(id))
    .filter((r) => r !== undefined)
    .map((r) => {
      const info = MEDIATION_ORG_KIND_INFO[r.kind as MediationOrgKind];
      return {
        id: r.id,
        name: r.name,
        kind: r.kind,
        kindLabel: info.label,
        statisticsRow: MEDIATION_TABLE_ROWS[info.body] ?? '其他调解组织',
        jurisdiction: { id: r.jurisdiction_id, name: r.jurisdiction_name },
        foundedOn: r.founded_on,
        foundedOnText: chineseDate(r.founded_on),
        status: r.status,
        statusLabel: MEDIATION_ORG_STATUS_LABELS[r.status],
        address: r.address,
        contactPerson: r.contact_person,
        creditCode: r.credit_code,
        employer:
          r.employer_party_id && r.employer_name ? { id: r.employer_party_id, name: r.employer_name } : null,
        members: members
          .filter((m) => m.organization_id === r.id)
          .map((m) => ({
            id: m.id,
            name: m.name,
            position: m.position,
            positionLabel: ORG_MEMBER_POSITION_LABELS[m.position],
            username: m.username ?? null,
          })),
        standard: standardOf(
          r.passed === null || r.assessed_on === null || r.reassess_due === null
            ? undefined
            : { passed: r.passed, assessed_on: r.assessed_on, reassess_due: r.reassess_due },
        ),
        version: r.version,
      };
    });
}

export async function presentAssessments(db: Exec, organizationId: string, onlyId?: string) {
  let q = db
    .selectFrom('prevention_assessment as a')
    .leftJoin('clock as c', 'c.id', 'a.clock_id')
    .selectAll('a')
    .select('c.status as clock_status')
    .where('a.organization_id', '=', organizationId)
    .orderBy('a.assessed_on', 'desc')
    .orderBy('a.created_at', 'desc');
  if (onlyId) q = q.where('a.id', '=', onlyId);
  const rows = await q.execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const items = await db
    .selectFrom('prevention_assessment_item')
    .selectAll()
    .where('assessment_id', 'in', ids)
    .orderBy('sort')
    .execute();
  const evidence = await db
    .selectFrom('prevention_evidence')
    .select(['id', 'assessment_id', 'item_code', 'file_name', 'content_type', 'size_bytes'])
    .where('assessment_id', 'in', ids)
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute();
  return rows.map((a) => {
    const rule = requireRule(a.reassess_rule);
    const mine = items.filter((i) => i.assessment_id === a.id);
    return {
      id: a.id,
      organizationId: a.organization_id,
      assessedOn: a.assessed_on,
      assessedOnText: chineseDate(a.assessed_on),
      assessorName: a.assessor_name,
      passed: a.passed,
      resultLabel: a.passed ? '达标' : `未达标（${a.failed_count}项不符合）`,
      failedCount: a.failed_count,
      failedItems: mine.filter((i) => !i.passed).map((i) => i.label),
      reassessRule: { id: rule.id, name: rule.name, basis: rule.basis },
      reassessDue: a.reassess_due,
      reassessDueText: chineseDate(a.reassess_due),
      clockId: a.clock_id,
      clockStatus: a.clock_status ?? null,
      clockStatusLabel: a.clock_status ? (CLOCK_STATUS_LABELS[a.clock_status as ClockStatus] ?? null) : null,
      note: a.note,
      items: mine.map((i) => ({
        code: i.code,
        group: i.grp,
        groupLabel: CHECKLIST_GROUP_LABELS[i.grp as ChecklistGroup] ?? i.grp,
        label: i.label,
        passed: i.passed,
        note: i.note,
        evidence: evidence
          .filter((e) => e.assessment_id === a.id && e.item_code === i.code)
          .map((e) => ({
            id: e.id,
            fileName: e.file_name,
            contentType: e.content_type,
            sizeBytes: e.size_bytes,
          })),
      })),
    };
  });
}

export async function presentDetail(db: Exec, id: string, tzOffsetMinutes: number) {
  const [org] = await presentOrganizations(db, [id]);
  if (!org) throw errors.notFound('调解组织');
  const events = await db
    .selectFrom('prevention_event')
    .select(['at', 'actor_name', 'summary'])
    .where('organization_id', '=', id)
    .orderBy('id', 'desc')
    .limit(50)
    .execute();
  return {
    ...org,
    assessments: await presentAssessments(db, id),
    events: events.map((e) => ({
      at: new Date(e.at).toISOString(),
      atText: chineseDateTime(businessDateTime(new Date(e.at), tzOffsetMinutes)),
      actorName: e.actor_name,
      summary: e.summary,
    })),
  };
}

export async function listOrganizations(db: Exec, auth: AuthContext, q: z.infer<typeof listQuery>) {
  const scope = await scopeOf(db, auth, 'prevention.work');
  if (scope.length === 0) return [];
  let s = db
    .selectFrom('prevention_org as p')
    .innerJoin('mediation_organization as o', 'o.id', 'p.organization_id')
    .leftJoin('prevention_assessment as a', 'a.id', 'p.last_assessment_id')
    .select('o.id')
    .where('p.jurisdiction_id', 'in', scope);
  if (q.kind) s = s.where('o.kind', '=', q.kind);
  if (q.jurisdictionId) s = s.where('p.jurisdiction_id', '=', q.jurisdictionId);
  if (q.shortfall === 'true')
    s = s
      .where('p.status', '=', 'active')
      .where((eb) => eb.or([eb('a.passed', 'is', null), eb('a.passed', '=', false)]));
  const rows = await s.orderBy('o.name').execute();
  return presentOrganizations(
    db,
    rows.map((r) => r.id),
  );
}

// ---------------------------------------------------------------------------------------------
// Register
// ---------------------------------------------------------------------------------------------

async function memberUser(db: Exec, username: string | undefined, field: string) {
  if (!username) return null;
  const u = await db
    .selectFrom('app_user')
    .select(['id', 'active'])
    .where('username', '=', username)
    .executeTakeFirst();
  if (!u?.active)
    throw new AppError(400, 'MEMBER_USER_UNKNOWN', `登录名“${username}”不存在或已停用`, { field });
  const role = await db
    .selectFrom('user_role')
    .select('role')
    .where('user_id', '=', u.id)
    .where('role', '=', 'org_mediator')
    .executeTakeFirst();
  if (!role)
    throw new AppError(
      400,
      'MEMBER_USER_ROLE',
      `账号“${username}”没有“调解组织调解员”岗位，请先由系统管理员授予`,
      { field },
    );
  return u.id;
}

async function insertMember(
  trx: Transaction<DB>,
  organizationId: string,
  m: z.infer<typeof memberBody>,
  field: string,
) {
  const userId = await memberUser(trx, m.username, field);
  if (userId) {
    const dup = await trx
      .selectFrom('prevention_org_member')
      .select('id')
      .where('organization_id', '=', organizationId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (dup) throw errors.duplicate(`账号“${m.username}”已是本组织成员`, { field });
  }
  return trx
    .insertInto('prevention_org_member')
    .values({ organization_id: organizationId, name: m.name, position: m.position, user_id: userId })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function registerOrganization(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  body: z.infer<typeof registerBody>,
): Promise<string> {
  const { db } = ctx.database;
  if (!(await scopeOf(db, auth, 'prevention.work')).includes(body.jurisdictionId))
    throw new AppError(403, 'JURISDICTION_FORBIDDEN', '您没有在所选辖区登记调解组织的权限', {
      field: 'jurisdictionId',
    });
  let creditCode: string | null = null;
  if (body.creditCode) {
    const v = validateCreditCode(body.creditCode);
    if (!v.ok) throw new AppError(400, 'CREDIT_CODE_INVALID', v.message, { field: 'creditCode' });
    creditCode = body.creditCode;
  }
  if (body.kind === 'enterprise_committee' && !creditCode)
    throw new AppError(
      400,
      'CREDIT_CODE_REQUIRED',
      '企业劳动争议调解委员会须填写所在企业的统一社会信用代码',
      {
        field: 'creditCode',
      },
    );
  const jurisdiction = await db
    .selectFrom('jurisdiction')
    .select(['code'])
    .where('id', '=', body.jurisdictionId)
    .executeTakeFirstOrThrow();
  const employer = creditCode
    ? await db
        .selectFrom('party')
        .select('id')
        .where('identity_hash', '=', identityHash(ctx.cipher, 'employer', creditCode))
        .executeTakeFirst()
    : undefined;
  return db.transaction().execute(async (trx) => {
    const dup = await trx
      .selectFrom('mediation_organization')
      .select('id')
      .where('name', '=', body.name)
      .executeTakeFirst();
    if (dup) throw errors.duplicate('同名调解组织已在名录中', { field: 'name' });
    const o = await trx
      .insertInto('mediation_organization')
      .values({
        name: body.name,
        kind: body.kind,
        jurisdiction_code: jurisdiction.code,
        address: body.address,
        contact_person: body.contactPerson ?? null,
        phone: null,
        active: true,
        updated_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('prevention_org')
      .values({
        organization_id: o.id,
        jurisdiction_id: body.jurisdictionId,
        founded_on: body.foundedOn,
        credit_code: creditCode,
        employer_party_id: employer?.id ?? null,
        last_assessment_id: null,
        created_by: auth.userId,
        updated_at: new Date(),
      })
      .execute();
    for (const [i, m] of body.members.entries()) await insertMember(trx, o.id, m, `members.${i}.username`);
    const label = MEDIATION_ORG_KIND_INFO[body.kind].label;
    await recordPreventionChange(
      trx,
      actor,
      { type: 'mediation_organization', id: o.id, organizationId: o.id },
      'register',
      `登记调解组织“${body.name}”（${label}，成员${body.members.length}人）`,
      { ...body, creditCode },
    );
    return o.id;
  });
}

export async function updateOrganization(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  id: string,
  body: z.infer<typeof updateBody>,
) {
  const { db } = ctx.database;
  const o = await orgForSupervisor(db, auth, id);
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('prevention_org')
      .selectAll()
      .where('organization_id', '=', id)
      .executeTakeFirstOrThrow();
    const updated = await trx
      .updateTable('prevention_org')
      .set((eb) => ({
        ...(body.status && { status: body.status }),
        version: eb('version', '+', 1),
        updated_at: new Date(),
      }))
      .where('organization_id', '=', id)
      .where('version', '=', body.version)
      .returning('version')
      .executeTakeFirst();
    if (!updated) throw errors.conflict({ version: before.version });
    if (body.address !== undefined || body.contactPerson !== undefined || body.status) {
      await trx
        .updateTable('mediation_organization')
        .set({
          ...(body.address !== undefined && { address: body.address || null }),
          ...(body.contactPerson !== undefined && { contact_person: body.contactPerson || null }),
          ...(body.status && { active: body.status === 'active' }),
          updated_at: new Date(),
        })
        .where('id', '=', id)
        .execute();
    }
    const changes = [
      body.status && `状态改为${MEDIATION_ORG_STATUS_LABELS[body.status]}`,
      body.address !== undefined && '修改地址',
      body.contactPerson !== undefined && '修改联系人',
    ].filter(Boolean);
    await recordPreventionChange(
      trx,
      actor,
      { type: 'mediation_organization', id, organizationId: id },
      'update',
      `修改调解组织“${o.name}”：${changes.join('、') || '无变化'}`,
      body,
    );
  });
}

export async function addMember(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  id: string,
  body: z.infer<typeof memberBody>,
) {
  const { db } = ctx.database;
  const o = await orgForSupervisor(db, auth, id);
  await db.transaction().execute(async (trx) => {
    const m = await insertMember(trx, id, body, 'username');
    await recordPreventionChange(
      trx,
      actor,
      { type: 'prevention_org_member', id: m.id, organizationId: id },
      'member.add',
      `“${o.name}”增加成员${body.name}（${ORG_MEMBER_POSITION_LABELS[body.position]}）`,
      body,
    );
  });
}

// ---------------------------------------------------------------------------------------------
// 六有五统一 assessment
// ---------------------------------------------------------------------------------------------

export async function checklistInForce(db: Exec, all = false) {
  let q = db.selectFrom('prevention_checklist_item').selectAll().orderBy('sort').orderBy('code');
  if (!all) q = q.where('active', '=', true);
  return q.execute();
}

export async function assess(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  id: string,
  body: z.infer<typeof assessmentBody>,
): Promise<string> {
  const { db } = ctx.database;
  const o = await orgForSupervisor(db, auth, id);
  if (body.assessedOn > businessToday(ctx.config))
    throw new AppError(400, 'DATE_IN_FUTURE', '评估日期不能晚于今天', { field: 'assessedOn' });
  const checklist = await checklistInForce(db);
  const given = new Map(body.items.map((i) => [i.code, i]));
  if (given.size !== body.items.length)
    throw new AppError(400, 'ASSESSMENT_ITEM_TWICE', '同一评估项目不能填写两次', { field: 'items' });
  const unknown = body.items.find((i) => !checklist.some((c) => c.code === i.code));
  if (unknown)
    throw new AppError(400, 'ASSESSMENT_ITEM_UNKNOWN', `评估项目“${unknown.code}”不在现行六有五统一标准中`, {
      field: 'items',
    });
  const missing = checklist.filter((c) => !given.has(c.code));
  if (missing.length)
    throw new AppError(
      400,
      'ASSESSMENT_INCOMPLETE',
      `请逐项评估，尚未填写：${missing.map((m) => m.label).join('、')}`,
      { field: 'items', missing: missing.map((m) => m.code) },
    );
  const failing = body.items.filter((i) => !i.passed && !i.note);
  if (failing.length) {
    const labels = failing.map((f) => checklist.find((c) => c.code === f.code)!.label);
    throw new AppError(400, 'ASSESSMENT_NOTE_REQUIRED', `不符合的项目须写明问题：${labels.join('、')}`, {
      field: 'items',
    });
  }
  const result = assessmentResult(body.items);
  const ruleId = result.passed ? REASSESSMENT_RULE.passed : REASSESSMENT_RULE.failed;
  const rule = requireRule(ruleId);
  return db.transaction().execute(async (trx) => {
    const a = await trx
      .insertInto('prevention_assessment')
      .values({
        organization_id: id,
        jurisdiction_id: o.jurisdiction_id,
        assessed_on: body.assessedOn,
        assessor_id: auth.userId,
        assessor_name: auth.displayName,
        passed: result.passed,
        failed_count: result.failed,
        reassess_rule: ruleId,
        reassess_due: body.assessedOn,
        clock_id: null,
        note: body.note ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('prevention_assessment_item')
      .values(
        checklist.map((c) => ({
          assessment_id: a.id,
          code: c.code,
          grp: c.grp,
          label: c.label,
          passed: given.get(c.code)!.passed,
          note: given.get(c.code)!.note ?? null,
          sort: c.sort,
        })),
      )
      .execute();
    // A newer assessment replaces the open re-assessment clock of the organisation.
    const clocks = getClocksService(ctx);
    const open = await trx
      .selectFrom('clock')
      .select('id')
      .where('subject_type', '=', 'mediation_organization')
      .where('subject_id', '=', id)
      .where('status', 'in', ['running', 'suspended', 'extended'])
      .execute();
    for (const c of open) await clocks.meet(trx, c.id, actor, '已重新评估');
    const clock = await clocks.start(
      trx,
      {
        subjectType: 'mediation_organization',
        subjectId: id,
        subjectLabel: `${o.name}（${rule.name}）`,
        ruleId,
        triggerDate: body.assessedOn,
        responsibleUserId: auth.userId,
        jurisdictionId: o.jurisdiction_id,
      },
      actor,
    );
    await trx
      .updateTable('prevention_assessment')
      .set({ reassess_due: clock.due_date, clock_id: clock.id })
      .where('id', '=', a.id)
      .execute();
    await trx
      .updateTable('prevention_org')
      .set((eb) => ({ last_assessment_id: a.id, version: eb('version', '+', 1), updated_at: new Date() }))
      .where('organization_id', '=', id)
      .execute();
    const failedLabels = checklist.filter((c) => !given.get(c.code)!.passed).map((c) => c.label);
    await recordPreventionChange(
      trx,
      actor,
      { type: 'prevention_assessment', id: a.id, organizationId: id },
      'assess',
      `六有五统一评估“${o.name}”：${result.passed ? '达标' : `未达标（${failedLabels.join('、')}）`}，${rule.name}期限至${chineseDate(clock.due_date)}`,
      body,
    );
    return a.id;
  });
}

// ---------------------------------------------------------------------------------------------
// Case ledger (案件台账)
// ---------------------------------------------------------------------------------------------

export async function presentCases(db: Exec, where: { organizationId?: string; id?: string }) {
  let q = db
    .selectFrom('prevention_org_case as c')
    .innerJoin('mediation_organization as o', 'o.id', 'c.organization_id')
    .leftJoin('matter as m', 'm.id', 'c.matter_id')
    .selectAll('c')
    .select(['o.name as org_name', 'm.number as matter_number']);
  if (where.organizationId) q = q.where('c.organization_id', '=', where.organizationId);
  if (where.id) q = q.where('c.id', '=', where.id);
  const rows = await q.orderBy('c.seq', 'desc').execute();
  return rows.map((c) => ({
    id: c.id,
    organizationId: c.organization_id,
    organizationName: c.org_name,
    number: `台账第${c.seq}号`,
    applicantName: c.applicant_name,
    respondentName: c.respondent_name,
    claimType: c.claim_type,
    claimTypeLabel: CLAIM_CATALOGUE[c.claim_type as ClaimType]?.label ?? c.claim_type,
    summary: c.summary,
    receivedOn: c.received_on,
    receivedOnText: chineseDate(c.received_on),
    result: c.result,
    resultLabel: ORG_CASE_RESULT_LABELS[c.result],
    closedOn: c.closed_on,
    closedOnText: c.closed_on ? chineseDate(c.closed_on) : null,
    amountFen: Number(c.amount_fen),
    amountText: formatYuan(Number(c.amount_fen)),
    referral:
      c.referral_purpose && c.matter_id && c.matter_number
        ? {
            purpose: c.referral_purpose,
            purposeLabel: REFERRAL_PURPOSE_LABELS[c.referral_purpose],
            matter: { id: c.matter_id, number: c.matter_number },
          }
        : null,
    version: c.version,
  }));
}

export async function recordCase(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  organizationId: string,
  body: z.infer<typeof caseBody>,
  today: string,
): Promise<string> {
  const { db } = ctx.database;
  const o = await orgForLedger(db, auth, organizationId, true);
  if (body.receivedOn > today)
    throw new AppError(400, 'DATE_IN_FUTURE', '收到调解申请之日不能晚于今天', { field: 'receivedOn' });
  return db.transaction().execute(async (trx) => {
    // Lock the organisation row: ledger numbers are consecutive per organisation.
    await trx
      .selectFrom('prevention_org')
      .select('organization_id')
      .where('organization_id', '=', organizationId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const last = await trx
      .selectFrom('prevention_org_case')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('organization_id', '=', organizationId)
      .executeTakeFirst();
    const seq = Number(last?.seq ?? 0) + 1;
    const c = await trx
      .insertInto('prevention_org_case')
      .values({
        organization_id: organizationId,
        jurisdiction_id: o.jurisdiction_id,
        seq,
        applicant_name: body.applicantName,
        respondent_name: body.respondentName,
        claim_type: body.claimType,
        summary: body.summary,
        received_on: body.receivedOn,
        closed_on: null,
        matter_id: null,
        recorded_by: auth.userId,
        updated_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordPreventionChange(
      trx,
      actor,
      { type: 'prevention_org_case', id: c.id, organizationId },
      'case.record',
      `“${o.name}”登记台账第${seq}号：${body.applicantName}与${body.respondentName}`,
      body,
    );
    return c.id;
  });
}

export async function closeCase(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  caseId: string,
  body: z.infer<typeof caseResultBody>,
  today: string,
) {
  const { db } = ctx.database;
  const c = await db
    .selectFrom('prevention_org_case')
    .selectAll()
    .where('id', '=', caseId)
    .executeTakeFirst();
  if (!c) throw errors.notFound('台账案件');
  const o = await orgForLedger(db, auth, c.organization_id, true);
  if (c.result !== 'pending')
    throw new AppError(
      409,
      'ORG_CASE_CLOSED',
      `该案件已结案（${ORG_CASE_RESULT_LABELS[c.result]}），不能再次登记结果`,
    );
  if (body.closedOn < c.received_on || body.closedOn > today)
    throw new AppError(400, 'CLOSED_ON_INVALID', '结案日期须在收到申请之日至今天之间', { field: 'closedOn' });
  if (body.result !== 'agreement' && body.amountFen > 0)
    throw new AppError(400, 'AMOUNT_ONLY_FOR_AGREEMENT', '只有达成调解协议的案件才填写协议金额', {
      field: 'amountFen',
    });
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('prevention_org_case')
      .set((eb) => ({
        result: body.result,
        closed_on: body.closedOn,
        amount_fen: body.result === 'agreement' ? body.amountFen : 0,
        version: eb('version', '+', 1),
        updated_at: new Date(),
      }))
      .where('id', '=', caseId)
      .where('version', '=', body.version)
      .where('result', '=', 'pending')
      .returning('id')
      .executeTakeFirst();
    if (!updated) throw errors.conflict({ version: c.version });
    const amount = body.result === 'agreement' ? `，协议金额${formatYuan(body.amountFen)}` : '';
    await recordPreventionChange(
      trx,
      actor,
      { type: 'prevention_org_case', id: caseId, organizationId: c.organization_id },
      'case.close',
      `“${o.name}”台账第${c.seq}号结案：${ORG_CASE_RESULT_LABELS[body.result]}${amount}`,
      body,
    );
  });
}

export async function myOrganizations(db: Exec, auth: AuthContext) {
  const rows = await db
    .selectFrom('prevention_org_member as m')
    .innerJoin('mediation_organization as o', 'o.id', 'm.organization_id')
    .select(['o.id', 'o.name', 'o.kind'])
    .where('m.user_id', '=', auth.userId)
    .where('m.active', '=', true)
    .orderBy('o.name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kindLabel: MEDIATION_ORG_KIND_INFO[r.kind as MediationOrgKind].label,
  }));
}

/** The defaults of the checklist (packages/domain), shown beside the table the bureau edits. */
export const CHECKLIST_DEFAULTS = DEFAULT_CHECKLIST;
