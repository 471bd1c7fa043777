// Over 400 lines: courses, attendance, scores, certificates and reminders; to split certificates from courses.
import {
  assessmentPassed,
  CERTIFICATE_AUDIENCE,
  CERTIFICATE_REMINDER_RULE,
  CERTIFICATE_TYPES,
  type CertificateType,
  chineseDate,
  creditedHours,
  hoursState,
  ROLES,
  requiredHours,
  TRAINING_AUDIENCE_LABELS,
  type TrainingAudience,
} from '@onestop/domain';
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema';
import { type Actor, type AuditEntry, appendAudit } from '../../platform/audit';
import { invalidateSessionCache } from '../../platform/auth';
import { businessToday } from '../../platform/time';
import type { AppContext } from '../../platform/context';
import { AppError, errors } from '../../platform/errors';
import { recordModuleChange } from '../../platform/module-events';
import { getClocksService } from '../clocks';
import type { attendanceBody, courseBody, renewBody, requirementBody, scoreBody } from './training.schema';
import { systemActor } from '../../platform/system';

export type Exec = Kysely<DB> | Transaction<DB>;

/** One row of the module's timeline per state change, with the audit entry (`training.<action>`). */
export function recordTrainingChange(
  trx: Transaction<DB>,
  actor: Actor,
  entity: { type: string; id: string },
  action: string,
  summary: string,
  after?: unknown,
) {
  return recordModuleChange(trx, actor, 'training_event', entity, action, summary, after);
}

/** [start, end) of a calendar year in the business time zone, as instants. */
export function yearBounds(year: number, tzOffsetMinutes: number): [Date, Date] {
  const at = (y: number) => new Date(Date.UTC(y, 0, 1) - tzOffsetMinutes * 60_000);
  return [at(year), at(year + 1)];
}

// ---------------------------------------------------------------------------------------------
// Requirements (hours per year per group, as data)
// ---------------------------------------------------------------------------------------------

export async function requirements(db: Exec) {
  const rows = await db.selectFrom('training_requirement').selectAll().execute();
  const order = Object.keys(TRAINING_AUDIENCE_LABELS);
  return rows
    .sort((a, b) => order.indexOf(a.audience) - order.indexOf(b.audience))
    .map((r) => ({
      audience: r.audience as TrainingAudience,
      audienceLabel: TRAINING_AUDIENCE_LABELS[r.audience as TrainingAudience],
      minHours: r.min_hours,
      basis: r.basis,
      version: r.version,
    }));
}

/**
 * Changes one row of this module's data (a training requirement, a gold criterion) under optimistic
 * locking: 404 when it is gone, 409 with the current version when another change came first; the
 * audit entry (`audit`, given the row as it was) in the same transaction.
 */
export async function updateVersionedRow<Row extends { version: number }>(
  db: Kysely<DB>,
  actor: Actor,
  what: string,
  load: (trx: Transaction<DB>) => Promise<Row | undefined>,
  update: (trx: Transaction<DB>, before: Row) => Promise<unknown>,
  audit: (before: Row) => AuditEntry,
) {
  await db.transaction().execute(async (trx) => {
    const before = await load(trx);
    if (!before) throw errors.notFound(what);
    if (!(await update(trx, before))) throw errors.conflict({ version: before.version });
    await appendAudit(trx, actor, audit(before));
  });
}

export async function updateRequirement(
  db: Kysely<DB>,
  actor: Actor,
  audience: TrainingAudience,
  body: z.infer<typeof requirementBody>,
) {
  await updateVersionedRow(
    db,
    actor,
    '培训学时要求',
    (trx) =>
      trx.selectFrom('training_requirement').selectAll().where('audience', '=', audience).executeTakeFirst(),
    (trx) =>
      trx
        .updateTable('training_requirement')
        .set((eb) => ({ min_hours: body.minHours, basis: body.basis, version: eb('version', '+', 1) }))
        .where('audience', '=', audience)
        .where('version', '=', body.version)
        .returning('audience')
        .executeTakeFirst(),
    (before) => ({
      action: 'training.requirement.update',
      entityType: 'training_requirement',
      entityId: null,
      summary: `修改${TRAINING_AUDIENCE_LABELS[audience]}年度培训学时要求：${before.min_hours}学时改为${body.minHours}学时`,
      before,
      after: body,
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// People: staff users (their posts decide their groups) and members of listed organisations
// ---------------------------------------------------------------------------------------------

export type PersonKind = 'user' | 'member';

/** The training groups a user's posts put them in (an inactive post still obliges training). */
export function audiencesOfRoles(roles: readonly string[]): TrainingAudience[] {
  const out = new Set<TrainingAudience>();
  for (const r of roles) {
    if (r === 'arbitrator') out.add('part_time_arbitrator');
    else if (r === 'inspector') out.add('part_time_inspector');
    else if (r === 'org_mediator') out.add('org_mediator');
    else if (r !== 'sysadmin' && r in ROLES) out.add('staff');
  }
  return [...out];
}

interface Person {
  kind: PersonKind;
  id: string;
  name: string;
  affiliation: string;
  audiences: TrainingAudience[];
  /** For a member with a sign-in, the user whose attendance also counts. */
  userId: string | null;
  memberIds: string[];
}

async function people(db: Exec): Promise<Person[]> {
  const users = await db
    .selectFrom('app_user as u')
    .innerJoin('organization as o', 'o.id', 'u.organization_id')
    .select(['u.id', 'u.display_name', 'o.name as org_name'])
    .where('u.active', '=', true)
    .orderBy('u.username')
    .execute();
  const roles = await db.selectFrom('user_role').select(['user_id', 'role']).execute();
  const members = await db
    .selectFrom('prevention_org_member as m')
    .innerJoin('mediation_organization as o', 'o.id', 'm.organization_id')
    .select(['m.id', 'm.name', 'm.user_id', 'o.name as org_name'])
    .where('m.active', '=', true)
    .orderBy('o.name')
    .orderBy('m.name')
    .execute();
  const out: Person[] = [];
  for (const u of users) {
    const mine = members.filter((m) => m.user_id === u.id);
    const audiences = audiencesOfRoles(roles.filter((r) => r.user_id === u.id).map((r) => r.role));
    if (mine.length && !audiences.includes('org_mediator')) audiences.push('org_mediator');
    if (!audiences.length) continue;
    out.push({
      kind: 'user',
      id: u.id,
      name: u.display_name,
      affiliation: mine.length ? mine.map((m) => m.org_name).join('、') : u.org_name,
      audiences,
      userId: u.id,
      memberIds: mine.map((m) => m.id),
    });
  }
  for (const m of members) {
    if (m.user_id && out.some((p) => p.userId === m.user_id)) continue;
    out.push({
      kind: 'member',
      id: m.id,
      name: m.name,
      affiliation: m.org_name,
      audiences: ['org_mediator'],
      userId: null,
      memberIds: [m.id],
    });
  }
  return out;
}

/** Everyone who may be recorded as attending (the attendance form's choices). */
export async function peopleChoices(db: Exec) {
  return (await people(db)).map((p) => ({
    kind: p.kind,
    id: p.id,
    name: p.name,
    affiliation: p.affiliation,
    audienceLabels: p.audiences.map((a) => TRAINING_AUDIENCE_LABELS[a]),
  }));
}

interface AttRow {
  user_id: string | null;
  member_id: string | null;
  hours: number;
  passed: boolean | null;
  held_on: string;
}

async function attendanceInYear(db: Exec, year: number): Promise<AttRow[]> {
  return db
    .selectFrom('training_attendance as a')
    .innerJoin('training_course as c', 'c.id', 'a.course_id')
    .select(['a.user_id', 'a.member_id', 'c.hours', 'a.passed', 'c.held_on'])
    .where('c.held_on', '>=', `${year}-01-01`)
    .where('c.held_on', '<=', `${year}-12-31`)
    .execute();
}

function hoursOf(
  p: { userId: string | null; memberIds: readonly string[] },
  rows: readonly AttRow[],
): number {
  return creditedHours(
    rows.filter(
      (r) => (p.userId && r.user_id === p.userId) || (r.member_id && p.memberIds.includes(r.member_id)),
    ),
  );
}

/** Hours per person for a year against the minimum of their groups (the hours report). */
export async function hoursReport(db: Exec, year: number) {
  const [all, reqs, rows] = await Promise.all([people(db), requirements(db), attendanceInYear(db, year)]);
  return all.map((p) => {
    const state = hoursState(hoursOf(p, rows), requiredHours(p.audiences, reqs));
    return {
      kind: p.kind,
      id: p.id,
      name: p.name,
      affiliation: p.affiliation,
      audienceLabels: p.audiences.map((a) => TRAINING_AUDIENCE_LABELS[a]),
      ...state,
      statusLabel: state.met ? '已完成' : `尚缺${state.missing}学时`,
    };
  });
}

/** Hours a user or member completed in a year. */
export async function personHours(
  db: Exec,
  person: { userId: string | null; memberIds: readonly string[] },
  year: number,
) {
  return hoursOf(person, await attendanceInYear(db, year));
}

// ---------------------------------------------------------------------------------------------
// Courses and attendance
// ---------------------------------------------------------------------------------------------

export async function listCourses(db: Exec, year: number | undefined) {
  let q = db
    .selectFrom('training_course')
    .selectAll()
    .orderBy('held_on', 'desc')
    .orderBy('created_at', 'desc');
  if (year) q = q.where('held_on', '>=', `${year}-01-01`).where('held_on', '<=', `${year}-12-31`);
  const rows = await q.execute();
  const counts = rows.length
    ? await db
        .selectFrom('training_attendance')
        .select(['course_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where(
          'course_id',
          'in',
          rows.map((r) => r.id),
        )
        .groupBy('course_id')
        .execute()
    : [];
  return rows.map((c) => presentCourse(c, Number(counts.find((x) => x.course_id === c.id)?.n ?? 0)));
}

function presentCourse(
  c: {
    id: string;
    title: string;
    topic: string;
    hours: number;
    trainer: string;
    held_on: string;
    place: string;
    audiences: string[];
    pass_mark: number | null;
    version: number;
  },
  attendeeCount: number,
) {
  return {
    id: c.id,
    title: c.title,
    topic: c.topic,
    hours: c.hours,
    trainer: c.trainer,
    heldOn: c.held_on,
    heldOnText: chineseDate(c.held_on),
    place: c.place,
    audiences: c.audiences as TrainingAudience[],
    audienceLabels: c.audiences.map((a) => TRAINING_AUDIENCE_LABELS[a as TrainingAudience] ?? a),
    passMark: c.pass_mark,
    attendeeCount,
    version: c.version,
  };
}

export async function courseDetail(db: Exec, id: string) {
  const c = await db.selectFrom('training_course').selectAll().where('id', '=', id).executeTakeFirst();
  if (!c) throw errors.notFound('培训课程');
  const rows = await db
    .selectFrom('training_attendance as a')
    .leftJoin('prevention_org_member as m', 'm.id', 'a.member_id')
    .leftJoin('mediation_organization as o', 'o.id', 'm.organization_id')
    .leftJoin('app_user as u', 'u.id', 'a.user_id')
    .leftJoin('organization as uo', 'uo.id', 'u.organization_id')
    .select(['a.id', 'a.user_id', 'a.member_id', 'a.person_name', 'a.score', 'a.passed', 'a.version'])
    .select(['o.name as member_org', 'uo.name as user_org'])
    .where('a.course_id', '=', id)
    .orderBy('a.created_at')
    .orderBy('a.person_name')
    .execute();
  return {
    ...presentCourse(c, rows.length),
    attendance: rows.map((a) => ({
      id: a.id,
      person: { kind: (a.user_id ? 'user' : 'member') as PersonKind, id: (a.user_id ?? a.member_id)! },
      name: a.person_name,
      affiliation: a.member_org ?? a.user_org ?? '',
      score: a.score,
      passed: a.passed,
      hoursCredited: a.passed === false ? 0 : c.hours,
      resultLabel:
        a.passed === null ? (c.pass_mark === null ? '不考核' : '待考核') : a.passed ? '合格' : '不合格',
      version: a.version,
    })),
  };
}

export async function createCourse(
  ctx: AppContext,
  actor: Actor,
  userId: string,
  body: z.infer<typeof courseBody>,
): Promise<string> {
  const { db } = ctx.database;
  return db.transaction().execute(async (trx) => {
    const c = await trx
      .insertInto('training_course')
      .values({
        title: body.title,
        topic: body.topic,
        hours: body.hours,
        trainer: body.trainer,
        held_on: body.heldOn,
        place: body.place,
        audiences: [...new Set(body.audiences)],
        pass_mark: body.passMark ?? null,
        created_by: userId,
        updated_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordTrainingChange(
      trx,
      actor,
      { type: 'training_course', id: c.id },
      'course.create',
      `登记培训课程“${body.title}”（${chineseDate(body.heldOn)}，${body.hours}学时）`,
      body,
    );
    return c.id;
  });
}

export async function recordAttendance(
  ctx: AppContext,
  actor: Actor,
  userId: string,
  courseId: string,
  body: z.infer<typeof attendanceBody>,
) {
  const { db } = ctx.database;
  const course = await db
    .selectFrom('training_course')
    .selectAll()
    .where('id', '=', courseId)
    .executeTakeFirst();
  if (!course) throw errors.notFound('培训课程');
  if (course.held_on > businessToday(ctx.config))
    throw new AppError(
      409,
      'COURSE_NOT_HELD',
      `课程定于${chineseDate(course.held_on)}举办，举办后才能登记出勤`,
    );
  const all = await people(db);
  const chosen = body.people.map((ref, i) => {
    // A member with a sign-in is the same person as the user: attendance is kept under the user.
    const p =
      all.find((x) => x.kind === ref.kind && x.id === ref.id) ??
      (ref.kind === 'member' ? all.find((x) => x.memberIds.includes(ref.id)) : undefined);
    if (!p) throw new AppError(400, 'PERSON_UNKNOWN', '所选人员不存在或已停用', { field: `people.${i}` });
    return p;
  });
  const keys = chosen.map((p) => `${p.kind}:${p.id}`);
  if (new Set(keys).size !== keys.length)
    throw new AppError(400, 'PERSON_TWICE', '同一人员不能重复选择', { field: 'people' });
  await db.transaction().execute(async (trx) => {
    for (const p of chosen) {
      const dup = await trx
        .selectFrom('training_attendance')
        .select('id')
        .where('course_id', '=', courseId)
        .where(p.kind === 'user' ? 'user_id' : 'member_id', '=', p.id)
        .executeTakeFirst();
      if (dup) throw errors.duplicate(`${p.name}的出勤已登记`, { field: 'people' });
      await trx
        .insertInto('training_attendance')
        .values({
          course_id: courseId,
          user_id: p.kind === 'user' ? p.id : null,
          member_id: p.kind === 'member' ? p.id : null,
          person_name: p.name,
          score: null,
          passed: null,
          recorded_by: userId,
          updated_at: new Date(),
        })
        .execute();
    }
    await recordTrainingChange(
      trx,
      actor,
      { type: 'training_course', id: courseId },
      'attendance.record',
      `“${course.title}”登记出勤${chosen.length}人：${chosen.map((p) => p.name).join('、')}`,
      body,
    );
  });
}

export async function recordScore(
  ctx: AppContext,
  actor: Actor,
  attendanceId: string,
  body: z.infer<typeof scoreBody>,
) {
  const { db } = ctx.database;
  const a = await db
    .selectFrom('training_attendance as a')
    .innerJoin('training_course as c', 'c.id', 'a.course_id')
    .select(['a.id', 'a.version', 'a.person_name', 'a.course_id', 'c.title', 'c.pass_mark'])
    .where('a.id', '=', attendanceId)
    .executeTakeFirst();
  if (!a) throw errors.notFound('出勤记录');
  if (a.pass_mark === null)
    throw new AppError(409, 'COURSE_NOT_ASSESSED', `课程“${a.title}”不设考核，无需登记成绩`);
  const passed = assessmentPassed(body.score, a.pass_mark);
  await db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('training_attendance')
      .set((eb) => ({ score: body.score, passed, version: eb('version', '+', 1), updated_at: new Date() }))
      .where('id', '=', attendanceId)
      .where('version', '=', body.version)
      .returning('id')
      .executeTakeFirst();
    if (!r) throw errors.conflict({ version: a.version });
    await recordTrainingChange(
      trx,
      actor,
      { type: 'training_course', id: a.course_id },
      'assessment.record',
      `“${a.title}”考核：${a.person_name}${body.score}分，${passed ? '合格' : '不合格'}`,
      body,
    );
  });
}

// ---------------------------------------------------------------------------------------------
// Certificates: renewal only with the year's training done; reminders on the clock engine
// ---------------------------------------------------------------------------------------------

/** Certificates due for a reminder clock: expiring within this many days (the rule counts back 60). */
export const REMINDER_WINDOW_DAYS = 120;

function addDaysIso(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function certStatus(validTo: string, revoked: boolean, today: string) {
  if (revoked) return { status: 'revoked' as const, label: '已注销' };
  if (validTo < today) return { status: 'expired' as const, label: '已过期' };
  if (validTo <= addDaysIso(today, REMINDER_WINDOW_DAYS))
    return { status: 'expiring' as const, label: '即将到期' };
  return { status: 'valid' as const, label: '有效' };
}

export async function listCertificates(ctx: AppContext, userId?: string) {
  const { db } = ctx.database;
  const today = businessToday(ctx.config);
  const year = Number(today.slice(0, 4));
  let q = db
    .selectFrom('certificate as c')
    .innerJoin('app_user as u', 'u.id', 'c.user_id')
    .leftJoin('clock as k', (j) =>
      j
        .onRef('k.subject_id', '=', 'c.id')
        .on('k.subject_type', '=', 'certificate')
        .on('k.rule_id', '=', CERTIFICATE_REMINDER_RULE)
        .on('k.status', 'in', ['running', 'suspended', 'extended']),
    )
    .select([
      'c.id',
      'c.user_id',
      'c.type',
      'c.number',
      'c.issuer',
      'c.valid_from',
      'c.valid_to',
      'c.revoked',
      'u.display_name',
      'k.due_date as reminder_due',
    ])
    .orderBy('c.valid_to')
    .orderBy('c.number');
  if (userId) q = q.where('c.user_id', '=', userId);
  const rows = await q.execute();
  const [reqs, att] = await Promise.all([requirements(db), attendanceInYear(db, year)]);
  const members = await db
    .selectFrom('prevention_org_member')
    .select(['id', 'user_id'])
    .where('user_id', 'is not', null)
    .execute();
  return rows.map((c) => {
    const type = c.type as CertificateType;
    const audience = CERTIFICATE_AUDIENCE[type];
    const done = hoursOf(
      { userId: c.user_id, memberIds: members.filter((m) => m.user_id === c.user_id).map((m) => m.id) },
      att,
    );
    const hours = hoursState(done, reqs.find((r) => r.audience === audience)?.minHours ?? 0);
    const s = certStatus(c.valid_to, c.revoked, today);
    return {
      id: c.id,
      userId: c.user_id,
      holderName: c.display_name,
      type,
      typeLabel: CERTIFICATE_TYPES[type]?.label ?? c.type,
      number: c.number,
      issuer: c.issuer,
      validFrom: c.valid_from,
      validTo: c.valid_to,
      validToText: chineseDate(c.valid_to),
      status: s.status,
      statusLabel: s.label,
      trainingYear: year,
      hours,
      reminderDue: c.reminder_due ?? null,
      reminderDueText: c.reminder_due ? chineseDate(c.reminder_due) : null,
    };
  });
}

async function startReminder(
  ctx: AppContext,
  trx: Transaction<DB>,
  cert: { id: string; user_id: string; number: string; type: string; valid_to: string },
  actor: Actor,
) {
  const clocks = getClocksService(ctx);
  const label = CERTIFICATE_TYPES[cert.type as CertificateType]?.label ?? '证件';
  return clocks.start(
    trx,
    {
      subjectType: 'certificate',
      subjectId: cert.id,
      subjectLabel: `${label}${cert.number}换证`,
      ruleId: CERTIFICATE_REMINDER_RULE,
      triggerDate: cert.valid_to,
      responsibleUserId: cert.user_id,
    },
    actor,
  );
}

/** Starts the reminder clock of every valid certificate expiring within the window (the daily job). */
export async function ensureReminders(ctx: AppContext): Promise<number> {
  const { db } = ctx.database;
  const today = businessToday(ctx.config);
  const due = await db
    .selectFrom('certificate as c')
    .select(['c.id', 'c.user_id', 'c.number', 'c.type', 'c.valid_to'])
    .where('c.revoked', '=', false)
    .where('c.valid_to', '>=', today)
    .where('c.valid_to', '<=', addDaysIso(today, REMINDER_WINDOW_DAYS))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('clock as k')
            .select('k.id')
            .whereRef('k.subject_id', '=', 'c.id')
            .where('k.subject_type', '=', 'certificate')
            .where('k.rule_id', '=', CERTIFICATE_REMINDER_RULE)
            .where('k.trigger_date', '=', (eb) => eb.ref('c.valid_to')),
        ),
      ),
    )
    .execute();
  for (const c of due)
    await db.transaction().execute((trx) => startReminder(ctx, trx, c, systemActor('培训证书到期提醒巡检')));
  return due.length;
}

export async function renewCertificate(
  ctx: AppContext,
  actor: Actor,
  userId: string,
  id: string,
  body: z.infer<typeof renewBody>,
) {
  const { db } = ctx.database;
  const today = businessToday(ctx.config);
  const year = Number(today.slice(0, 4));
  const cert = await db.selectFrom('certificate').selectAll().where('id', '=', id).executeTakeFirst();
  if (!cert) throw errors.notFound('证件');
  if (cert.revoked) throw new AppError(409, 'CERTIFICATE_REVOKED', '证件已注销，不能换证');
  if (cert.valid_to !== body.currentValidTo) throw errors.conflict({ validTo: cert.valid_to });
  if (body.validTo <= cert.valid_to)
    throw new AppError(400, 'VALID_TO_NOT_LATER', '新的有效期须晚于现有效期', { field: 'validTo' });
  const type = cert.type as CertificateType;
  const audience = CERTIFICATE_AUDIENCE[type];
  const req = (await requirements(db)).find((r) => r.audience === audience);
  const memberIds = (
    await db.selectFrom('prevention_org_member').select('id').where('user_id', '=', cert.user_id).execute()
  ).map((m) => m.id);
  const hours = hoursState(
    await personHours(db, { userId: cert.user_id, memberIds }, year),
    req?.minHours ?? 0,
  );
  if (!hours.met)
    throw new AppError(
      409,
      'PRECONDITION_UNMET',
      `换证须完成${year}年度培训${hours.required}学时，已完成${hours.done}学时，尚缺${hours.missing}学时`,
      { year, requiredHours: hours.required, doneHours: hours.done, missingHours: hours.missing },
    );
  try {
    await db.transaction().execute(async (trx) => {
      const r = await trx
        .updateTable('certificate')
        .set({ valid_to: body.validTo })
        .where('id', '=', id)
        .where('valid_to', '=', body.currentValidTo)
        .where('revoked', '=', false)
        .returningAll()
        .executeTakeFirst();
      if (!r) throw errors.conflict({ validTo: cert.valid_to });
      await trx
        .insertInto('certificate_renewal')
        .values({
          certificate_id: id,
          previous_valid_to: cert.valid_to,
          new_valid_to: body.validTo,
          training_year: year,
          hours_done: hours.done,
          hours_required: hours.required,
          renewed_by: userId,
          renewed_by_name: actor.name,
        })
        .execute();
      // The reminder of the old end of validity is met; the next one runs against the new date.
      const clocks = getClocksService(ctx);
      const open = await trx
        .selectFrom('clock')
        .select('id')
        .where('subject_type', '=', 'certificate')
        .where('subject_id', '=', id)
        .where('rule_id', '=', CERTIFICATE_REMINDER_RULE)
        .where('status', 'in', ['running', 'suspended', 'extended'])
        .execute();
      for (const c of open) await clocks.meet(trx, c.id, actor, '已换证');
      await startReminder(ctx, trx, r, actor);
      const holder = await trx
        .selectFrom('app_user')
        .select('display_name')
        .where('id', '=', cert.user_id)
        .executeTakeFirstOrThrow();
      await recordTrainingChange(
        trx,
        actor,
        { type: 'certificate', id },
        'certificate.renew',
        `${holder.display_name}的${CERTIFICATE_TYPES[type].label}（${cert.number}）换证：有效期由${chineseDate(cert.valid_to)}延至${chineseDate(body.validTo)}（${year}年度培训${hours.done}学时，要求${hours.required}学时）`,
        body,
      );
    });
  } finally {
    // Posts that need the certificate become active (or stay so) at once.
    invalidateSessionCache();
  }
}
