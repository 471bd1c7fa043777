import { chineseDate, hoursState, requiredHours, TRAINING_AUDIENCE_LABELS } from '@onestop/domain';
import type { AppContext } from '../../platform/context';
import { errors } from '../../platform/errors';
import { outcomes } from './gold.service';
import {
  audiencesOfRoles,
  listCertificates,
  type PersonKind,
  personHours,
  requirements,
} from './training.service';

/** A person's training record for a year with, beside it, their outcomes as a mediator. */
export async function personRecord(ctx: AppContext, kind: PersonKind, id: string, year: number) {
  const { db } = ctx.database;
  let name: string;
  let affiliation: string;
  let userId: string | null = null;
  let memberIds: string[];
  let audiences: ReturnType<typeof audiencesOfRoles>;
  if (kind === 'user') {
    const u = await db
      .selectFrom('app_user as u')
      .innerJoin('organization as o', 'o.id', 'u.organization_id')
      .select(['u.id', 'u.display_name', 'o.name as org_name'])
      .where('u.id', '=', id)
      .executeTakeFirst();
    if (!u) throw errors.notFound('人员');
    const members = await db
      .selectFrom('prevention_org_member as m')
      .innerJoin('mediation_organization as o', 'o.id', 'm.organization_id')
      .select(['m.id', 'o.name'])
      .where('m.user_id', '=', id)
      .execute();
    const roles = await db.selectFrom('user_role').select('role').where('user_id', '=', id).execute();
    audiences = audiencesOfRoles(roles.map((r) => r.role));
    if (members.length && !audiences.includes('org_mediator')) audiences.push('org_mediator');
    name = u.display_name;
    affiliation = members.length ? members.map((m) => m.name).join('、') : u.org_name;
    userId = id;
    memberIds = members.map((m) => m.id);
  } else {
    const m = await db
      .selectFrom('prevention_org_member as m')
      .innerJoin('mediation_organization as o', 'o.id', 'm.organization_id')
      .select(['m.id', 'm.name', 'm.user_id', 'o.name as org_name'])
      .where('m.id', '=', id)
      .executeTakeFirst();
    if (!m) throw errors.notFound('人员');
    name = m.name;
    affiliation = m.org_name;
    userId = m.user_id;
    memberIds = [m.id];
    audiences = ['org_mediator'];
  }
  const reqs = await requirements(db);
  const done = await personHours(db, { userId, memberIds }, year);
  let q = db
    .selectFrom('training_attendance as a')
    .innerJoin('training_course as c', 'c.id', 'a.course_id')
    .select(['c.id', 'c.title', 'c.held_on', 'c.hours', 'c.pass_mark', 'a.passed'])
    .where('c.held_on', '>=', `${year}-01-01`)
    .where('c.held_on', '<=', `${year}-12-31`);
  q = q.where((eb) =>
    eb.or([
      ...(userId ? [eb('a.user_id', '=', userId)] : []),
      ...(memberIds.length ? [eb('a.member_id', 'in', memberIds)] : []),
    ]),
  );
  const courses = await q.orderBy('c.held_on').execute();
  return {
    kind,
    id,
    name,
    affiliation,
    audienceLabels: audiences.map((a) => TRAINING_AUDIENCE_LABELS[a]),
    year,
    hours: hoursState(done, requiredHours(audiences, reqs)),
    courses: courses.map((c) => ({
      courseId: c.id,
      title: c.title,
      heldOnText: chineseDate(c.held_on),
      hours: c.hours,
      hoursCredited: c.passed === false ? 0 : c.hours,
      resultLabel:
        c.passed === null ? (c.pass_mark === null ? '不考核' : '待考核') : c.passed ? '合格' : '不合格',
    })),
    certificates: userId ? await listCertificates(ctx, userId) : [],
    outcomes: await outcomes(db, ctx.config.tzOffsetMinutes, { userId }, year),
  };
}
