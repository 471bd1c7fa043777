import { addYears, CLAIM_CATALOGUE, isClaimType, validateClaims } from '@onestop/domain';
import type { Selectable, Transaction } from 'kysely';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../db/schema';
import type { Actor } from '../../platform/audit';
import type { AuthContext } from '../../platform/auth';
import { AppError, errors } from '../../platform/errors';
import { applyTransitionInTrx, openCaseInTrx, StaleCase } from '../cases';
import type { TrackCaseTable } from '../cases';
import { appendEvent, scopeOf } from '../../platform/scope';
import { checkCreditCode, checkIdentity, checkPhone, upsertEmployer, upsertWorker } from '../parties';
import type { EmployerInput } from '../parties';
import { today } from './inspection.access';
import type { RegisterBody } from './inspection.schema';
import type { InspectionSource } from './inspection.tables';
import { claimsInOpenProcedure, createMatterRow } from '../matters';

type Trx = Transaction<DB>;
export type CaseRow = Selectable<TrackCaseTable>;

/** The labels of claim types, for documents and summaries. */
export function violationText(types: readonly string[]): string {
  return types.map((t) => (isClaimType(t) ? CLAIM_CATALOGUE[t].label : t)).join('、') || '劳动保障违法行为';
}

/**
 * One machine step plus the module's own writes, in ONE transaction (applyTransitionInTrx + `more`).
 * A stale version becomes 409 with the fresh case.
 */
export async function step<T>(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  c: CaseRow,
  event: string,
  input: {
    version?: number | undefined;
    reason?: string | undefined;
    payload?: Record<string, unknown>;
    /** Writes the step's preconditions read (e.g. the approval given by this very action) */
    before?: (trx: Trx) => Promise<void>;
  },
  more: (trx: Trx) => Promise<T>,
): Promise<T> {
  try {
    return await ctx.database.db.transaction().execute(async (trx) => {
      await input.before?.(trx);
      await applyTransitionInTrx(ctx, trx, auth, actor, c.id, event, {
        expectedVersion: input.version,
        reason: input.reason,
        payload: input.payload,
      });
      return more(trx);
    });
  } catch (err) {
    if (err instanceof StaleCase) {
      const fresh = await ctx.database.db
        .selectFrom('track_case')
        .selectAll()
        .where('id', '=', c.id)
        .executeTakeFirst();
      throw errors.conflict(fresh);
    }
    throw err;
  }
}

export interface NewInspectionMatter {
  source: InspectionSource;
  channel: RegisterBody['channel'];
  jurisdictionId: string;
  employerId: string;
  workerId: string | null;
  claims: RegisterBody['violations'];
  narrative: string;
  workerCount: number;
  violationEndedOn: string | null;
  campaignId?: string | null;
  supervisionFilingId?: string | null;
}

/**
 * The master record and the inspection case in the caller's transaction: the matter (numbered like every
 * matter), the employer (and, for a complaint, the complainant) as parties, the violations as claims, the
 * track case (acceptance clock T-I2 starts on the receipt day) and its inspection row. A reporter is never
 * a party of the matter (《劳动保障监察条例》第九条第三款).
 */
export async function createInspectionCase(
  ctx: AppContext,
  trx: Trx,
  auth: AuthContext,
  actor: Actor,
  m: NewInspectionMatter,
) {
  const day = today(ctx);
  const year = Number(day.slice(0, 4));
  const kind = m.source === 'complaint' ? 'complaint' : 'report';
  const matter = await createMatterRow(trx, year, {
    channel: m.source === 'complaint' || m.source === 'report' ? m.channel : 'other_transfer',
    request_kind: kind,
    narrative: m.narrative,
    jurisdiction_id: m.jurisdictionId,
    responsible_user_id: auth.userId,
    created_by: auth.userId,
    worker_count: m.workerCount,
    priority_flags: m.claims.some((c) => isClaimType(c.type) && CLAIM_CATALOGUE[c.type].wageArrears)
      ? ['wage_arrears']
      : [],
  });
  const { number } = matter;
  await trx
    .insertInto('matter_party')
    .values([
      ...(m.workerId
        ? [{ matter_id: matter.id, party_id: m.workerId, role: 'worker' as const, sort: 0 }]
        : []),
      { matter_id: matter.id, party_id: m.employerId, role: 'employer' as const, sort: 0 },
    ])
    .execute();
  const claims = m.claims.length
    ? await trx
        .insertInto('matter_claim')
        .values(
          m.claims.map((c, i) => ({
            matter_id: matter.id,
            type: c.type,
            amount_fen: c.amountFen ?? null,
            period_from: c.periodFrom ?? null,
            period_to: c.periodTo ?? null,
            facts: c.facts,
            track: 'inspection' as const,
            sort: i,
          })),
        )
        .returning('id')
        .execute()
    : [];
  const label = {
    complaint: '监察投诉',
    report: '监察举报',
    ex_officio: '依职权检查',
    campaign: '专项检查',
    supervision: '监管发现',
  }[m.source];
  await appendEvent(trx, actor, matter.id, 'created', `${label}登记（${number}）`, {
    source: m.source,
    claims: m.claims.map((c) => c.type),
  });
  const opened = await openCaseInTrx(
    ctx,
    trx,
    auth,
    actor,
    matter.id,
    { track: 'inspection', claimIds: claims.map((c) => c.id) },
    { checkOpener: true },
  );
  await trx
    .insertInto('inspection_case')
    .values({
      case_id: opened.id,
      source: m.source,
      employer_party_id: m.employerId,
      violation_ended_on: m.violationEndedOn,
      received_on: day,
      campaign_id: m.campaignId ?? null,
      supervision_filing_id: m.supervisionFilingId ?? null,
      decision: null,
      decision_reason: null,
      referral_to: null,
      decided_at: null,
      decided_by: null,
      filed_on: null,
    })
    .execute();
  return { matterId: matter.id, matterNumber: number, caseId: opened.id, caseNumber: opened.number };
}

export async function employerParty(ctx: AppContext, trx: Trx, e: EmployerInput, path = 'employer') {
  return (await upsertEmployer(trx, ctx.cipher, e, path)).id;
}

/** 投诉 / 举报 registered at the window or by an inspector (S3 Art. 9; S4 Art. 17). */
export async function registerComplaint(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  body: RegisterBody,
) {
  const { db } = ctx.database;
  const day = today(ctx);
  const issues = validateClaims(body.violations, day);
  const first = issues[0];
  if (first)
    throw new AppError(400, first.code, `第${first.index + 1}项违法事项：${first.message}`, {
      field: `violations.${first.index}.${first.field}`,
    });
  if (body.source === 'complaint' && !body.complainant) {
    throw new AppError(400, 'COMPLAINANT_REQUIRED', '投诉须登记投诉人（本人权益，实名）', {
      field: 'complainant',
    });
  }
  if (body.source === 'report' && !body.reporter) {
    throw new AppError(400, 'REPORTER_REQUIRED', '请选择匿名举报或登记举报人', { field: 'reporter' });
  }
  const r = body.source === 'report' ? body.reporter! : null;
  if (r && !r.anonymous && !r.name)
    throw new AppError(400, 'REPORTER_NAME_REQUIRED', '实名举报须填写举报人姓名', { field: 'reporter.name' });
  if (r?.phone) checkPhone(r.phone, 'reporter.phone');
  if (r?.idNumber) checkIdentity('resident_id', r.idNumber, day, 'reporter.idNumber');
  if (body.complainant)
    checkIdentity(body.complainant.idType, body.complainant.idNumber, day, 'complainant.idNumber');
  if (body.employer.creditCode) checkCreditCode(body.employer.creditCode, 'employer.creditCode');
  if (body.violationEndedOn && body.violationEndedOn > day) {
    throw new AppError(400, 'DATE_IN_FUTURE', '违法行为终了日期不能晚于今天', { field: 'violationEndedOn' });
  }
  const scope = [
    ...(await scopeOf(db, auth, 'inspection.work')),
    ...(await scopeOf(db, auth, 'intake.create')),
  ];
  if (!scope.includes(body.jurisdictionId))
    throw new AppError(403, 'JURISDICTION_FORBIDDEN', '您没有在所选辖区登记投诉举报的权限');

  return db.transaction().execute(async (trx) => {
    const employerId = await employerParty(ctx, trx, body.employer);
    const workerId = body.complainant
      ? (await upsertWorker(trx, ctx.cipher, body.complainant, day, 'complainant')).id
      : null;
    const created = await createInspectionCase(ctx, trx, auth, actor, {
      source: body.source,
      channel: body.channel,
      jurisdictionId: body.jurisdictionId,
      employerId,
      workerId,
      claims: body.violations,
      narrative: body.narrative,
      workerCount: body.workerCount ?? 1,
      violationEndedOn: body.violationEndedOn ?? null,
    });
    if (r) {
      const enc = (v: string | undefined) => (v ? ctx.cipher.encrypt(v) : null);
      await trx
        .insertInto('inspection_reporter')
        .values({
          case_id: created.caseId,
          anonymous: r.anonymous,
          name_enc: r.anonymous ? null : enc(r.name),
          phone_enc: enc(r.phone),
          id_number_enc: r.anonymous ? null : enc(r.idNumber),
          address_enc: r.anonymous ? null : enc(r.address),
          reward_requested: r.rewardRequested ?? false,
        })
        .execute();
    }
    return created;
  });
}

export interface OpenProceeding {
  track: string;
  number: string;
  organization: string;
  claimType: string;
}

/**
 * one claim, one open procedure (《劳动保障监察条例》第二十一条第二款): open mediation / arbitration cases of the same worker and
 * employer on the same claim type.
 */
export async function openDisputeProceedings(
  exec: Trx | AppContext['database']['db'],
  caseId: string,
): Promise<OpenProceeding[]> {
  const c = await exec
    .selectFrom('track_case')
    .select(['matter_id'])
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  const parties = await exec
    .selectFrom('matter_party')
    .select(['party_id', 'role'])
    .where('matter_id', '=', c.matter_id)
    .execute();
  const workers = parties.filter((p) => p.role === 'worker').map((p) => p.party_id);
  const employers = parties.filter((p) => p.role === 'employer').map((p) => p.party_id);
  const types = (
    await exec
      .selectFrom('case_claim as cc')
      .innerJoin('matter_claim as mc', 'mc.id', 'cc.claim_id')
      .select('mc.type')
      .where('cc.case_id', '=', caseId)
      .execute()
  ).map((r) => r.type);
  if (!workers.length || !employers.length || !types.length) return [];
  const rows = await claimsInOpenProcedure(exec)
    .innerJoin('organization as o', 'o.id', 'tc.organization_id')
    .select(['tc.track', 'tc.number', 'o.name as organization', 'mc.type as claimType'])
    .where('tc.track', 'in', ['mediation', 'arbitration'])
    .where('tc.closed', '=', false)
    .where('mc.type', 'in', types)
    .where('tc.matter_id', '!=', c.matter_id)
    .where((eb) =>
      eb.and([
        eb.exists(
          eb
            .selectFrom('matter_party as w')
            .select('w.party_id')
            .whereRef('w.matter_id', '=', 'tc.matter_id')
            .where('w.role', '=', 'worker')
            .where('w.party_id', 'in', workers),
        ),
        eb.exists(
          eb
            .selectFrom('matter_party as e')
            .select('e.party_id')
            .whereRef('e.matter_id', '=', 'tc.matter_id')
            .where('e.role', '=', 'employer')
            .where('e.party_id', 'in', employers),
        ),
      ]),
    )
    .execute();
  return rows;
}

/** T-I1 (《劳动保障监察条例》第二十条): the violation ended more than two years before it was reported. */
export function olderThanTwoYears(violationEndedOn: string | null, receivedOn: string): boolean {
  return violationEndedOn !== null && addYears(violationEndedOn, 2) < receivedOn;
}
