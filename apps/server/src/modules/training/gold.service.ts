// Over 400 lines: 金牌 selection (criteria, nominations, scoring, decisions) as one procedure; to split criteria from nominations.
import {
  chineseDate,
  GOLD_NOMINEE_KIND_LABELS,
  GOLD_ROUND_STATUS_LABELS,
  type GoldCriterion,
  type GoldCriterionCode,
  type GoldNomineeKind,
  type GoldPart,
  type GoldRecord,
  type GoldRoundStatus,
  goldScore,
  hoursState,
  requiredHours,
  type StandardState,
} from '@onestop/domain';
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema';
import type { Actor } from '../../platform/audit';
import type { AuthContext } from '../../platform/auth';
import type { AppContext } from '../../platform/context';
import { AppError, errors } from '../../platform/errors';
import type {
  approveBody,
  criterionBody,
  markBody,
  nominationBody,
  roundBody,
  versionBody,
} from './training.schema';
import {
  audiencesOfRoles,
  type Exec,
  personHours,
  recordTrainingChange,
  requirements,
  updateVersionedRow,
  yearBounds,
} from './training.service';

// ---------------------------------------------------------------------------------------------
// A mediator's or an organisation's outcomes in a year (beside the training record, and the record
// the 金牌 score is computed from)
// ---------------------------------------------------------------------------------------------

const CLOSED_RESULTS = ['agreement', 'no_agreement', 'withdrawn'] as const;
const DAY_MS = 86_400_000;
const round1 = (x: number) => Math.round(x * 10) / 10;

export interface Outcomes {
  year: number;
  casesClosed: number;
  agreements: number;
  /** Percent, one decimal; null without a closed case. */
  successRate: number | null;
  agreementsFollowed: number;
  agreementsPerformed: number;
  performanceRate: number | null;
  avgDaysToClose: number | null;
  /** Where the figures come from, in Chinese. */
  sources: string[];
}

export async function outcomes(
  db: Exec,
  tzOffsetMinutes: number,
  who: { userId?: string | null; organizationId?: string | null },
  year: number,
): Promise<Outcomes> {
  const [from, to] = yearBounds(year, tzOffsetMinutes);
  const days: number[] = [];
  let casesClosed = 0;
  let agreements = 0;
  let followed = 0;
  let performed = 0;
  const sources: string[] = [];
  if (who.userId) {
    // Cases the user mediated at the center (mediation track), closed in the year.
    const center = await db
      .selectFrom('mediation_case as mc')
      .innerJoin('track_case as tc', 'tc.id', 'mc.case_id')
      .select(['mc.case_id', 'mc.agreement_signed_at', 'tc.opened_at', 'tc.closed_at'])
      .where('mc.mediator_user_id', '=', who.userId)
      .where('tc.closed', '=', true)
      .where('tc.closed_at', '>=', from)
      .where('tc.closed_at', '<', to)
      .execute();
    if (center.length) sources.push(`中心调解案件${center.length}件`);
    casesClosed += center.length;
    const signed = center.filter((c) => c.agreement_signed_at !== null);
    agreements += signed.length;
    for (const c of center)
      if (c.closed_at)
        days.push((new Date(c.closed_at).getTime() - new Date(c.opened_at).getTime()) / DAY_MS);
    if (signed.length) {
      const obligations = await db
        .selectFrom('obligation')
        .select(['case_id', 'status'])
        .where(
          'case_id',
          'in',
          signed.map((c) => c.case_id),
        )
        .where('source', '=', 'mediation_agreement')
        .execute();
      const byCase = new Map<string, string[]>();
      for (const o of obligations)
        if (o.case_id) byCase.set(o.case_id, [...(byCase.get(o.case_id) ?? []), o.status]);
      followed += byCase.size;
      performed += [...byCase.values()].filter((st) => st.every((s) => s === 'paid')).length;
    }
  }
  if (who.userId || who.organizationId) {
    // The organisations' own ledger (案件台账): cases the user recorded, or the organisation's cases.
    let q = db
      .selectFrom('prevention_org_case')
      .select(['result', 'received_on', 'closed_on'])
      .where('result', 'in', [...CLOSED_RESULTS])
      .where('closed_on', '>=', `${year}-01-01`)
      .where('closed_on', '<=', `${year}-12-31`);
    q = who.organizationId
      ? q.where('organization_id', '=', who.organizationId)
      : q.where('recorded_by', '=', who.userId!);
    const ledger = await q.execute();
    if (ledger.length) sources.push(`调解组织台账${ledger.length}件`);
    casesClosed += ledger.length;
    agreements += ledger.filter((c) => c.result === 'agreement').length;
    for (const c of ledger)
      if (c.closed_on)
        days.push(
          (Date.parse(`${c.closed_on}T00:00:00Z`) - Date.parse(`${c.received_on}T00:00:00Z`)) / DAY_MS,
        );
  }
  return {
    year,
    casesClosed,
    agreements,
    successRate: casesClosed ? round1((agreements / casesClosed) * 100) : null,
    agreementsFollowed: followed,
    agreementsPerformed: performed,
    performanceRate: followed ? round1((performed / followed) * 100) : null,
    avgDaysToClose: days.length ? round1(days.reduce((a, b) => a + b, 0) / days.length) : null,
    sources,
  };
}

async function standardOf(db: Exec, organizationId: string | null): Promise<StandardState> {
  if (!organizationId) return 'not_applicable';
  const r = await db
    .selectFrom('prevention_org as p')
    .leftJoin('prevention_assessment as a', 'a.id', 'p.last_assessment_id')
    .select('a.passed')
    .where('p.organization_id', '=', organizationId)
    .executeTakeFirst();
  if (!r || r.passed === null) return 'never';
  return r.passed ? 'passed' : 'failed';
}

// ---------------------------------------------------------------------------------------------
// Criteria (as data)
// ---------------------------------------------------------------------------------------------

export async function criteria(db: Exec) {
  const rows = await db.selectFrom('gold_criterion').selectAll().orderBy('sort').execute();
  return rows.map((c) => ({
    code: c.code as GoldCriterionCode,
    label: c.label,
    weight: c.weight,
    target: c.target,
    basis: c.basis,
    version: c.version,
  }));
}

export async function updateCriterion(
  db: Kysely<DB>,
  actor: Actor,
  code: GoldCriterionCode,
  body: z.infer<typeof criterionBody>,
) {
  await updateVersionedRow(
    db,
    actor,
    '评选标准',
    (trx) => trx.selectFrom('gold_criterion').selectAll().where('code', '=', code).executeTakeFirst(),
    (trx) => {
      if ((code === 'cases_handled' || code === 'complaints') && !body.target)
        throw new AppError(400, 'TARGET_REQUIRED', '该项须填写满分件数或每件扣分', { field: 'target' });
      return trx
        .updateTable('gold_criterion')
        .set((eb) => ({
          label: body.label,
          weight: body.weight,
          target: body.target ?? null,
          basis: body.basis,
          version: eb('version', '+', 1),
        }))
        .where('code', '=', code)
        .where('version', '=', body.version)
        .returning('code')
        .executeTakeFirst();
    },
    (before) => ({
      action: 'gold.criterion.update',
      entityType: 'gold_criterion',
      entityId: null,
      summary: `修改金牌评选标准“${before.label}”：权重${before.weight}改为${body.weight}`,
      before,
      after: body,
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Rounds
// ---------------------------------------------------------------------------------------------

type RoundRow = Awaited<ReturnType<typeof roundRow>>;

async function roundRow(db: Exec, id: string) {
  const r = await db.selectFrom('gold_round').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw errors.notFound('评选');
  return r;
}

function requireStatus(r: { status: GoldRoundStatus }, allowed: GoldRoundStatus[], action: string) {
  if (!allowed.includes(r.status))
    throw new AppError(
      409,
      'ROUND_STATE',
      `评选当前为“${GOLD_ROUND_STATUS_LABELS[r.status]}”，不能${action}`,
      { status: r.status },
    );
}

/** Moves a round to its next status under the version check (409 on a concurrent change). */
async function moveRound(
  trx: Transaction<DB>,
  r: RoundRow,
  version: number,
  to: GoldRoundStatus,
  extra: Partial<{
    scored_at: Date;
    approved_by: string;
    approved_by_name: string;
    approved_at: Date;
    approval_note: string | null;
    published_at: Date;
  }> = {},
) {
  const u = await trx
    .updateTable('gold_round')
    .set((eb) => ({ status: to, ...extra, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', r.id)
    .where('version', '=', version)
    .where('status', '=', r.status)
    .returning('id')
    .executeTakeFirst();
  if (!u) throw errors.conflict({ version: r.version, status: r.status });
}

export async function listRounds(db: Exec) {
  const rows = await db.selectFrom('gold_round').selectAll().orderBy('year', 'desc').execute();
  const counts = rows.length
    ? await db
        .selectFrom('gold_nomination')
        .select(['round_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where(
          'round_id',
          'in',
          rows.map((r) => r.id),
        )
        .groupBy('round_id')
        .execute()
    : [];
  return rows.map((r) => ({
    id: r.id,
    year: r.year,
    title: r.title,
    status: r.status,
    statusLabel: GOLD_ROUND_STATUS_LABELS[r.status],
    nominationCount: Number(counts.find((c) => c.round_id === r.id)?.n ?? 0),
    version: r.version,
  }));
}

export async function roundDetail(db: Exec, id: string, tzOffsetMinutes: number) {
  const r = await roundRow(db, id);
  const noms = await db
    .selectFrom('gold_nomination')
    .selectAll()
    .where('round_id', '=', id)
    .orderBy('score_centi', (ob) => ob.desc().nullsLast())
    .orderBy('created_at')
    .execute();
  const marks = noms.length
    ? await db
        .selectFrom('gold_mark')
        .selectAll()
        .where(
          'nomination_id',
          'in',
          noms.map((n) => n.id),
        )
        .orderBy('created_at')
        .execute()
    : [];
  const dateText = (d: Date | null) =>
    d
      ? chineseDate(new Date(new Date(d).getTime() + tzOffsetMinutes * 60_000).toISOString().slice(0, 10))
      : null;
  return {
    id: r.id,
    year: r.year,
    title: r.title,
    status: r.status,
    statusLabel: GOLD_ROUND_STATUS_LABELS[r.status],
    criteria: r.criteria as GoldCriterion[],
    approvedByName: r.approved_by_name,
    approvedOnText: dateText(r.approved_at),
    approvalNote: r.approval_note,
    publishedOnText: dateText(r.published_at),
    version: r.version,
    nominations: noms.map((n) => ({
      id: n.id,
      kind: n.kind,
      kindLabel: GOLD_NOMINEE_KIND_LABELS[n.kind],
      nominee: {
        organizationId: n.organization_id,
        userId: n.user_id,
        memberId: n.member_id,
      },
      name: n.nominee_name,
      affiliation: n.affiliation,
      reason: n.reason,
      complaints: n.complaints,
      marks: marks
        .filter((m) => m.nomination_id === n.id)
        .map((m) => ({
          panelistId: m.panelist_id,
          panelistName: m.panelist_name,
          mark: m.mark,
          comment: m.comment,
        })),
      score: n.score_centi === null ? null : n.score_centi / 100,
      parts: (n.parts as GoldPart[] | null) ?? null,
      awarded: n.awarded,
      version: n.version,
    })),
  };
}

export async function createRound(
  db: Kysely<DB>,
  actor: Actor,
  userId: string,
  body: z.infer<typeof roundBody>,
) {
  const current = await criteria(db);
  if (current.reduce((s, c) => s + c.weight, 0) === 0)
    throw new AppError(409, 'CRITERIA_EMPTY', '评选标准的权重合计为零，请先设置评选标准');
  return db.transaction().execute(async (trx) => {
    const dup = await trx
      .selectFrom('gold_round')
      .select('id')
      .where('year', '=', body.year)
      .executeTakeFirst();
    if (dup) throw errors.duplicate(`${body.year}年度评选已经开始`, { field: 'year', id: dup.id });
    const r = await trx
      .insertInto('gold_round')
      .values({
        year: body.year,
        title: body.title,
        criteria: JSON.stringify(
          current.map(({ code, label, weight, target, basis }) => ({ code, label, weight, target, basis })),
        ),
        scored_at: null,
        approved_by: null,
        approved_by_name: null,
        approved_at: null,
        approval_note: null,
        published_at: null,
        created_by: userId,
        updated_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordTrainingChange(
      trx,
      actor,
      { type: 'gold_round', id: r.id },
      'gold.round.open',
      `开始${body.year}年度“${body.title}”`,
      body,
    );
    return r.id;
  });
}

async function nomineeOf(db: Exec, body: z.infer<typeof nominationBody>) {
  if (body.kind === 'organization') {
    if (!body.organizationId || body.userId || body.memberId)
      throw new AppError(400, 'NOMINEE_INVALID', '推荐金牌调解组织须选择一个调解组织', {
        field: 'organizationId',
      });
    const o = await db
      .selectFrom('prevention_org as p')
      .innerJoin('mediation_organization as o', 'o.id', 'p.organization_id')
      .innerJoin('jurisdiction as j', 'j.id', 'p.jurisdiction_id')
      .select(['o.id', 'o.name', 'j.name as jurisdiction_name'])
      .where('p.organization_id', '=', body.organizationId)
      .executeTakeFirst();
    if (!o) throw new AppError(400, 'NOMINEE_UNKNOWN', '所选调解组织不在名录中', { field: 'organizationId' });
    return { name: o.name, affiliation: o.jurisdiction_name };
  }
  if (body.organizationId || (body.userId ? 1 : 0) + (body.memberId ? 1 : 0) !== 1)
    throw new AppError(400, 'NOMINEE_INVALID', '推荐金牌调解员须选择一名调解员', { field: 'userId' });
  if (body.userId) {
    const u = await db
      .selectFrom('app_user as u')
      .innerJoin('organization as o', 'o.id', 'u.organization_id')
      .select(['u.display_name', 'o.name as org_name'])
      .where('u.id', '=', body.userId)
      .where('u.active', '=', true)
      .executeTakeFirst();
    if (!u) throw new AppError(400, 'NOMINEE_UNKNOWN', '所选调解员不存在或已停用', { field: 'userId' });
    const member = await db
      .selectFrom('prevention_org_member as m')
      .innerJoin('mediation_organization as o', 'o.id', 'm.organization_id')
      .select('o.name')
      .where('m.user_id', '=', body.userId)
      .where('m.active', '=', true)
      .executeTakeFirst();
    return { name: u.display_name, affiliation: member?.name ?? u.org_name };
  }
  const m = await db
    .selectFrom('prevention_org_member as m')
    .innerJoin('mediation_organization as o', 'o.id', 'm.organization_id')
    .select(['m.name', 'm.user_id', 'o.name as org_name'])
    .where('m.id', '=', body.memberId!)
    .where('m.active', '=', true)
    .executeTakeFirst();
  if (!m) throw new AppError(400, 'NOMINEE_UNKNOWN', '所选调解员不存在或已停用', { field: 'memberId' });
  if (m.user_id)
    throw new AppError(400, 'NOMINEE_HAS_ACCOUNT', '该调解员有登录账号，请按账号推荐', { field: 'memberId' });
  return { name: m.name, affiliation: m.org_name };
}

export async function nominate(
  db: Kysely<DB>,
  actor: Actor,
  userId: string,
  roundId: string,
  body: z.infer<typeof nominationBody>,
): Promise<string> {
  const r = await roundRow(db, roundId);
  requireStatus(r, ['open'], '再接受推荐');
  const who = await nomineeOf(db, body);
  return db.transaction().execute(async (trx) => {
    const col = body.kind === 'organization' ? 'organization_id' : body.userId ? 'user_id' : 'member_id';
    const val = body.organizationId ?? body.userId ?? body.memberId!;
    const dup = await trx
      .selectFrom('gold_nomination')
      .select('id')
      .where('round_id', '=', roundId)
      .where(col, '=', val)
      .executeTakeFirst();
    if (dup) throw errors.duplicate(`${who.name}已被推荐`, { id: dup.id });
    const n = await trx
      .insertInto('gold_nomination')
      .values({
        round_id: roundId,
        kind: body.kind,
        organization_id: body.organizationId ?? null,
        user_id: body.userId ?? null,
        member_id: body.memberId ?? null,
        nominee_name: who.name,
        affiliation: who.affiliation,
        reason: body.reason,
        complaints: body.complaints,
        score_centi: null,
        nominated_by: userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordTrainingChange(
      trx,
      actor,
      { type: 'gold_round', id: roundId },
      'gold.nominate',
      `推荐${who.name}参评${GOLD_NOMINEE_KIND_LABELS[body.kind as GoldNomineeKind]}`,
      body,
    );
    return n.id;
  });
}

export async function startMarking(
  db: Kysely<DB>,
  actor: Actor,
  roundId: string,
  body: z.infer<typeof versionBody>,
) {
  const r = await roundRow(db, roundId);
  requireStatus(r, ['open'], '开始评审');
  const n = await db
    .selectFrom('gold_nomination')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('round_id', '=', roundId)
    .executeTakeFirstOrThrow();
  if (Number(n.n) === 0) throw new AppError(409, 'NO_NOMINATIONS', '尚无推荐对象，不能开始评审');
  await db.transaction().execute(async (trx) => {
    await moveRound(trx, r, body.version, 'marking');
    await recordTrainingChange(
      trx,
      actor,
      { type: 'gold_round', id: roundId },
      'gold.marking',
      `${r.year}年度评选停止推荐，开始评审打分`,
    );
  });
}

export async function mark(
  db: Kysely<DB>,
  actor: Actor,
  auth: AuthContext,
  nominationId: string,
  body: z.infer<typeof markBody>,
) {
  const n = await db
    .selectFrom('gold_nomination')
    .selectAll()
    .where('id', '=', nominationId)
    .executeTakeFirst();
  if (!n) throw errors.notFound('推荐对象');
  const r = await roundRow(db, n.round_id);
  requireStatus(r, ['marking'], '评分');
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('gold_mark')
      .values({
        nomination_id: nominationId,
        panelist_id: auth.userId,
        panelist_name: auth.displayName,
        mark: body.mark,
        comment: body.comment ?? null,
        updated_at: new Date(),
      })
      .onConflict((oc) =>
        oc.columns(['nomination_id', 'panelist_id']).doUpdateSet({
          mark: body.mark,
          comment: body.comment ?? null,
          updated_at: new Date(),
        }),
      )
      .execute();
    await recordTrainingChange(
      trx,
      actor,
      { type: 'gold_round', id: n.round_id },
      'gold.mark',
      `${auth.displayName}为${n.nominee_name}评分${body.mark}分`,
      body,
    );
  });
}

/** The record of one nominee for the round's year (what the score is computed from, besides the marks). */
export async function recordOf(
  db: Exec,
  tzOffsetMinutes: number,
  n: {
    kind: string;
    organization_id: string | null;
    user_id: string | null;
    member_id: string | null;
    complaints: number;
  },
  year: number,
  panelMarks: number[],
): Promise<GoldRecord & { outcomes: Outcomes }> {
  const reqs = await requirements(db);
  if (n.kind === 'organization') {
    const out = await outcomes(db, tzOffsetMinutes, { organizationId: n.organization_id }, year);
    const members = await db
      .selectFrom('prevention_org_member')
      .select(['id', 'user_id'])
      .where('organization_id', '=', n.organization_id!)
      .where('active', '=', true)
      .execute();
    const min = requiredHours(['org_mediator'], reqs);
    let meeting = 0;
    for (const m of members) {
      const done = await personHours(db, { userId: m.user_id, memberIds: [m.id] }, year);
      if (hoursState(done, min).met) meeting++;
    }
    return {
      casesClosed: out.casesClosed,
      agreements: out.agreements,
      agreementsFollowed: out.agreementsFollowed,
      agreementsPerformed: out.agreementsPerformed,
      complaints: n.complaints,
      training: { done: meeting, required: members.length },
      standard: await standardOf(db, n.organization_id),
      panelMarks,
      outcomes: out,
    };
  }
  const member = n.member_id
    ? await db
        .selectFrom('prevention_org_member')
        .select(['id', 'organization_id'])
        .where('id', '=', n.member_id)
        .executeTakeFirstOrThrow()
    : await db
        .selectFrom('prevention_org_member')
        .select(['id', 'organization_id'])
        .where('user_id', '=', n.user_id!)
        .where('active', '=', true)
        .executeTakeFirst();
  const out = await outcomes(db, tzOffsetMinutes, { userId: n.user_id }, year);
  const roles = n.user_id
    ? (await db.selectFrom('user_role').select('role').where('user_id', '=', n.user_id).execute()).map(
        (x) => x.role,
      )
    : [];
  const audiences = n.user_id ? audiencesOfRoles(roles) : [];
  if (member && !audiences.includes('org_mediator')) audiences.push('org_mediator');
  const done = await personHours(db, { userId: n.user_id, memberIds: member ? [member.id] : [] }, year);
  return {
    casesClosed: out.casesClosed,
    agreements: out.agreements,
    agreementsFollowed: out.agreementsFollowed,
    agreementsPerformed: out.agreementsPerformed,
    complaints: n.complaints,
    training: { done, required: requiredHours(audiences, reqs) },
    standard: await standardOf(db, member?.organization_id ?? null),
    panelMarks,
    outcomes: out,
  };
}

export async function score(
  ctx: AppContext,
  actor: Actor,
  roundId: string,
  body: z.infer<typeof versionBody>,
) {
  const { db } = ctx.database;
  const r = await roundRow(db, roundId);
  requireStatus(r, ['marking'], '计分');
  const noms = await db.selectFrom('gold_nomination').selectAll().where('round_id', '=', roundId).execute();
  const marks = await db
    .selectFrom('gold_mark')
    .select(['nomination_id', 'mark'])
    .where(
      'nomination_id',
      'in',
      noms.map((n) => n.id),
    )
    .execute();
  const unmarked = noms.filter((n) => !marks.some((m) => m.nomination_id === n.id));
  if (unmarked.length)
    throw new AppError(
      409,
      'MARKS_MISSING',
      `以下推荐对象尚无评审组评分：${unmarked.map((n) => n.nominee_name).join('、')}`,
      { nominationIds: unmarked.map((n) => n.id) },
    );
  const crit = r.criteria as GoldCriterion[];
  const results: {
    n: (typeof noms)[number];
    rec: GoldRecord & { outcomes: Outcomes };
    total: number;
    parts: GoldPart[];
  }[] = [];
  for (const n of noms) {
    const rec = await recordOf(
      db,
      ctx.config.tzOffsetMinutes,
      n,
      r.year,
      marks.filter((m) => m.nomination_id === n.id).map((m) => m.mark),
    );
    results.push({ n, rec, ...goldScore(crit, rec) });
  }
  await db.transaction().execute(async (trx) => {
    await moveRound(trx, r, body.version, 'scored', { scored_at: new Date() });
    for (const x of results)
      await trx
        .updateTable('gold_nomination')
        .set((eb) => ({
          record: JSON.stringify(x.rec),
          parts: JSON.stringify(x.parts),
          score_centi: Math.round(x.total * 100),
          version: eb('version', '+', 1),
        }))
        .where('id', '=', x.n.id)
        .execute();
    await recordTrainingChange(
      trx,
      actor,
      { type: 'gold_round', id: roundId },
      'gold.score',
      `${r.year}年度评选计分：${results.map((x) => `${x.n.nominee_name}${x.total}分`).join('，')}`,
    );
  });
}

export async function approve(
  db: Kysely<DB>,
  actor: Actor,
  auth: AuthContext,
  roundId: string,
  body: z.infer<typeof approveBody>,
) {
  const r = await roundRow(db, roundId);
  requireStatus(r, ['scored'], '审批');
  const noms = await db
    .selectFrom('gold_nomination')
    .select(['id', 'nominee_name'])
    .where('round_id', '=', roundId)
    .execute();
  const ids = new Set(body.awardedIds);
  const unknown = body.awardedIds.filter((id) => !noms.some((n) => n.id === id));
  if (unknown.length || ids.size !== body.awardedIds.length)
    throw new AppError(400, 'AWARDED_UNKNOWN', '评定对象须是本次评选的推荐对象，且不能重复', {
      field: 'awardedIds',
    });
  await db.transaction().execute(async (trx) => {
    await moveRound(trx, r, body.version, 'approved', {
      approved_by: auth.userId,
      approved_by_name: auth.displayName,
      approved_at: new Date(),
      approval_note: body.note ?? null,
    });
    await trx
      .updateTable('gold_nomination')
      .set((eb) => ({ awarded: false, version: eb('version', '+', 1) }))
      .where('round_id', '=', roundId)
      .execute();
    await trx
      .updateTable('gold_nomination')
      .set({ awarded: true })
      .where('round_id', '=', roundId)
      .where('id', 'in', [...ids])
      .execute();
    await recordTrainingChange(
      trx,
      actor,
      { type: 'gold_round', id: roundId },
      'gold.approve',
      `${auth.displayName}审批${r.year}年度评选结果，评定：${noms
        .filter((n) => ids.has(n.id))
        .map((n) => n.nominee_name)
        .join('、')}`,
      body,
    );
  });
}

export async function publish(
  db: Kysely<DB>,
  actor: Actor,
  roundId: string,
  body: z.infer<typeof versionBody>,
) {
  const r = await roundRow(db, roundId);
  requireStatus(r, ['approved'], '公布');
  await db.transaction().execute(async (trx) => {
    await moveRound(trx, r, body.version, 'published', { published_at: new Date() });
    await recordTrainingChange(
      trx,
      actor,
      { type: 'gold_round', id: roundId },
      'gold.publish',
      `在门户公布${r.year}年度“${r.title}”结果`,
    );
  });
}

/** The listed organisations that may be nominated (the register of prevention, city-wide). */
export async function nominableOrganizations(db: Exec) {
  const rows = await db
    .selectFrom('prevention_org as p')
    .innerJoin('mediation_organization as o', 'o.id', 'p.organization_id')
    .innerJoin('jurisdiction as j', 'j.id', 'p.jurisdiction_id')
    .select(['o.id', 'o.name', 'j.name as jurisdiction_name'])
    .where('p.status', '=', 'active')
    .orderBy('o.name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, jurisdictionName: r.jurisdiction_name }));
}

/** The published rounds and their awardees (the portal page). */
export async function publicRounds(db: Exec, tzOffsetMinutes: number) {
  const rounds = await db
    .selectFrom('gold_round')
    .selectAll()
    .where('status', '=', 'published')
    .orderBy('year', 'desc')
    .execute();
  const noms = rounds.length
    ? await db
        .selectFrom('gold_nomination')
        .select(['id', 'round_id', 'kind', 'nominee_name', 'affiliation', 'score_centi'])
        .where(
          'round_id',
          'in',
          rounds.map((r) => r.id),
        )
        .where('awarded', '=', true)
        .orderBy('kind', 'desc')
        .orderBy('score_centi', 'desc')
        .execute()
    : [];
  return rounds.map((r) => ({
    year: r.year,
    title: r.title,
    publishedOnText: chineseDate(
      new Date(new Date(r.published_at!).getTime() + tzOffsetMinutes * 60_000).toISOString().slice(0, 10),
    ),
    awardees: noms
      .filter((n) => n.round_id === r.id)
      .map((n) => ({
        id: n.id,
        kind: n.kind,
        kindLabel: GOLD_NOMINEE_KIND_LABELS[n.kind],
        name: n.nominee_name,
        affiliation: n.affiliation,
        score: n.score_centi === null ? null : n.score_centi / 100,
      })),
  }));
}
