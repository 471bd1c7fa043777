// Over 400 lines on purpose: the defaulter-list procedure (listing, prior notice, decision, publication, removal) as one service; left whole while the defaulters work (issue #21) is edited in it.
import {
  DEFAULTER_GROUNDS,
  DEFAULTER_PERIODS,
  DEFAULTER_STATES,
  DEFAULTER_STEPS,
  type DefaulterGround,
  type DefaulterState,
  type DefaulterStep,
  earliestRemovalDate,
  findRule,
  formatYuan,
  listingEndsOn,
  ORDER_PRECONDITION,
  plusDays,
  stepAllowed,
} from '@onestop/domain';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { type Actor, appendAudit } from '../../platform/audit';
import type { AuthContext } from '../../platform/auth';
import type { AppContext } from '../../platform/context';
import { AppError, errors } from '../../platform/errors';
import { appendEvent, assertCaseVisible, scopeOf } from '../../platform/scope';
import { getClocksService } from '../clocks';
import { computeOrProvisional, OPEN_STATUSES } from '../clocks';
import { getDocumentsService } from '../documents';
import { rolesOnCase } from '../inspection';
import type { DefaulterListingTable } from './defaulters.tables';
import { systemActor } from '../../platform/system';

/** The daily job that moves listings whose term has ended (the system acts, with this reason). */
const EXPIRY_SWEEP = systemActor('失信名单列入期限届满巡检');

type Exec = Kysely<DB> | Transaction<DB>;
export type ListingRow = Selectable<DefaulterListingTable>;

/** The post that decides on listing and early removal: the 负责人 of the labour inspection body. */
export const APPROVING_ROLES = ['leader'] as const;
const SUBJECT = 'defaulter_listing';

export const defaulterErrors = {
  notInspection: () => new AppError(422, 'DEFAULTER_NOT_INSPECTION', '失信名单只能由劳动保障监察案件提出'),
  noEmployer: () => new AppError(422, 'DEFAULTER_NO_EMPLOYER', '该监察案件没有登记用人单位'),
  precondition: () =>
    new AppError(
      422,
      'DEFAULTER_PRECONDITION',
      `该案件尚无“${ORDER_PRECONDITION.label}”的记录（${ORDER_PRECONDITION.basis}）：请先责令限期支付并复查`,
    ),
  open: () => new AppError(409, 'DEFAULTER_OPEN', '该用人单位在本案中已有进行中的失信名单程序'),
  step: (step: DefaulterStep, state: DefaulterState) =>
    new AppError(
      409,
      'DEFAULTER_STEP_NOT_ALLOWED',
      `当前状态为“${DEFAULTER_STATES[state]}”，不能${DEFAULTER_STEPS[step].label}`,
    ),
  approver: () => new AppError(403, 'DEFAULTER_APPROVER_REQUIRED', '列入和提前移出决定须由本机关负责人作出'),
  statementLate: (due: string) =>
    new AppError(422, 'DEFAULTER_STATEMENT_LATE', `陈述、申辩期限已于${due}届满，视为放弃陈述、申辩的权利`),
  periodRunning: (due: string) =>
    new AppError(
      422,
      'DEFAULTER_STATEMENT_PERIOD_RUNNING',
      `陈述、申辩期限至${due}届满；期限内未收到陈述、申辩的，期满后方可作出决定`,
    ),
  opinionRequired: () =>
    new AppError(400, 'DEFAULTER_OPINION_REQUIRED', '不予列入或不同意移出的，请填写理由'),
  removalTooEarly: (earliest: string) =>
    new AppError(
      422,
      'DEFAULTER_REMOVAL_TOO_EARLY',
      `自足额支付之日起满六个月（${earliest}）后方可申请提前移出（${DEFAULTER_PERIODS.earlyRemoval.basis}）`,
    ),
  futureDate: () => new AppError(400, 'DEFAULTER_DATE_FUTURE', '日期不能晚于今天'),
};

function kickRender(ctx: AppContext) {
  if (ctx.config.jobsEnabled) void ctx.jobs.runOnce().catch(() => undefined);
}

async function loadForUpdate(
  trx: Transaction<DB>,
  auth: AuthContext,
  id: string,
  permission: 'inspection.work' | 'matter.read' = 'inspection.work',
): Promise<ListingRow> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw errors.notFound('失信名单程序');
  const row = await trx
    .selectFrom('defaulter_listing')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw errors.notFound('失信名单程序');
  try {
    await assertCaseVisible(trx, auth, row.case_id, permission);
  } catch {
    throw errors.notFound('失信名单程序');
  }
  return row;
}

/** A listing the user may read (matter.read in its jurisdiction), else 404. */
export async function loadVisible(exec: Exec, auth: AuthContext, id: string): Promise<ListingRow> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw errors.notFound('失信名单程序');
  const row = await exec.selectFrom('defaulter_listing').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw errors.notFound('失信名单程序');
  try {
    await assertCaseVisible(exec, auth, row.case_id);
  } catch {
    throw errors.notFound('失信名单程序');
  }
  return row;
}

async function particulars(trx: Exec, l: ListingRow) {
  const employer = await trx
    .selectFrom('party')
    .select(['name'])
    .where('id', '=', l.employer_party_id)
    .executeTakeFirstOrThrow();
  const c = await trx
    .selectFrom('track_case')
    .select(['number'])
    .where('id', '=', l.case_id)
    .executeTakeFirstOrThrow();
  const g = DEFAULTER_GROUNDS[l.ground];
  return {
    employerName: employer.name,
    caseNumber: c.number,
    responsiblePersons: l.responsible_persons || '有关责任人员',
    facts: l.facts,
    ground: `${g.label}（${g.basis}）`,
    owedAmount: Number(l.owed_fen) / 100,
  };
}

async function documentOf(trx: Exec, listingId: string, step: DefaulterStep) {
  const s = await trx
    .selectFrom('defaulter_step as s')
    .innerJoin('document as d', 'd.id', 's.document_id')
    .select(['d.id', 'd.number'])
    .where('s.listing_id', '=', listingId)
    .where('s.step', '=', step)
    .orderBy('s.at', 'desc')
    .executeTakeFirst();
  return s ?? null;
}

/** Moves the listing (version check), issues the step's document, records the step, the timeline and the audit. */
async function takeStep(
  trx: Transaction<DB>,
  ctx: AppContext,
  actor: Actor,
  l: ListingRow,
  step: DefaulterStep,
  input: {
    version: number;
    to?: DefaulterState;
    set?: Partial<Pick<ListingRow, 'decided_on' | 'published_on' | 'ends_on' | 'removed_on'>>;
    fields?: Record<string, unknown> | null;
    note: string;
    clockTrigger: string;
    /** The step's negative outcome (不予列入, 不予提前移出): its own state and document (domain data). */
    refusal?: boolean;
  },
) {
  if (!stepAllowed(step, l.state)) throw defaulterErrors.step(step, l.state);
  if (l.version !== input.version) throw errors.conflict({ id: l.id, version: l.version, state: l.state });
  const def = DEFAULTER_STEPS[step];
  const refusal = input.refusal
    ? (def as { refusal?: { label: string; to: DefaulterState; document: string } }).refusal
    : undefined;
  const to = refusal?.to ?? input.to ?? def.to;
  const label = refusal?.label ?? def.label;
  const updated = await trx
    .updateTable('defaulter_listing')
    .set((eb) => ({ ...input.set, state: to, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', l.id)
    .where('version', '=', input.version)
    .returning('id')
    .executeTakeFirst();
  if (!updated) throw errors.conflict({ id: l.id });
  let doc: { id: string; number: string } | null = null;
  if (input.fields) {
    doc = await getDocumentsService(ctx).createAndIssue(trx, actor, {
      subjectType: 'matter',
      subjectId: l.matter_id,
      type: refusal?.document ?? def.document,
      fields: input.fields,
      issuerOrgId: l.organization_id,
    });
  }
  const clocks = getClocksService(ctx);
  if (def.meetsClock) await meetIfOpen(trx, ctx, actor, l.id, def.meetsClock, label);
  if (def.startsClock && to === def.to) {
    await clocks.start(
      trx,
      {
        subjectType: SUBJECT,
        subjectId: l.id,
        subjectLabel: `失信名单：${(await particulars(trx, l)).employerName}`,
        ruleId: def.startsClock,
        triggerDate: input.clockTrigger,
        organizationId: l.organization_id,
        jurisdictionId: l.jurisdiction_id,
      },
      actor,
    );
  }
  await trx
    .insertInto('defaulter_step')
    .values({
      listing_id: l.id,
      step,
      state_after: to,
      note: input.note,
      document_id: doc?.id ?? null,
      actor_id: actor.id,
      actor_name: actor.name,
    })
    .execute();
  const summary = `失信联合惩戒名单：${label}${doc ? `，签发${doc.number}` : ''}（${DEFAULTER_STATES[to]}）`;
  await appendEvent(trx, actor, l.matter_id, `defaulter_${step}`, summary, {
    listingId: l.id,
    documentId: doc?.id,
  });
  await appendAudit(trx, actor, {
    action: `defaulter.${step}`,
    entityType: 'defaulter_listing',
    entityId: l.id,
    summary,
    before: { state: l.state },
    after: { state: to, note: input.note },
  });
  return doc;
}

async function openClock(exec: Exec, listingId: string, ruleId: string) {
  return exec
    .selectFrom('clock')
    .select(['id', 'due_date', 'status'])
    .where('subject_type', '=', SUBJECT)
    .where('subject_id', '=', listingId)
    .where('rule_id', '=', ruleId)
    .where('status', 'in', OPEN_STATUSES)
    .executeTakeFirst();
}

async function meetIfOpen(
  trx: Transaction<DB>,
  ctx: AppContext,
  actor: Actor,
  listingId: string,
  ruleId: string,
  outcome: string,
) {
  const c = await openClock(trx, listingId, ruleId);
  if (c) await getClocksService(ctx).meet(trx, c.id, actor, outcome, outcome);
}

export interface ProposalInput {
  ground: DefaulterGround;
  facts: string;
  responsiblePersons: string;
  owedFen?: number | undefined;
}

/**
 * 提出拟列入 from an inspection case: the case must show an order to pay by a deadline that was not
 * met (第五条第一款); issues the 告知书 and starts the statement period.
 */
export async function propose(
  trx: Transaction<DB>,
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  caseId: string,
  input: ProposalInput,
  today: string,
) {
  const c = await assertCaseVisible(trx, auth, caseId, 'inspection.work');
  if (c.track !== 'inspection') throw defaulterErrors.notInspection();
  const ic = await trx
    .selectFrom('inspection_case')
    .select(['employer_party_id'])
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  if (!ic?.employer_party_id) throw defaulterErrors.noEmployer();
  const unpaid = await trx
    .selectFrom('inspection_outcome')
    .select(['amount_fen', 'deadline'])
    .where('case_id', '=', caseId)
    .where('kind', '=', 'order')
    .where('complied', '=', false)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  if (!unpaid) throw defaulterErrors.precondition();
  const open = await trx
    .selectFrom('defaulter_listing')
    .select('id')
    .where('employer_party_id', '=', ic.employer_party_id)
    .where('case_id', '=', caseId)
    .where('state', 'not in', ['decided_not_listed', 'removed', 'expired'])
    .executeTakeFirst();
  if (open) throw defaulterErrors.open();
  const owedFen = input.owedFen ?? Number(unpaid.amount_fen ?? 0);
  const row = await trx
    .insertInto('defaulter_listing')
    .values({
      employer_party_id: ic.employer_party_id,
      case_id: caseId,
      matter_id: c.matter_id,
      jurisdiction_id: c.jurisdiction_id,
      organization_id: c.organization_id,
      ground: input.ground,
      facts: input.facts,
      owed_fen: owedFen,
      responsible_persons: input.responsiblePersons,
      state: 'proposed',
      created_by: actor.id,
      updated_at: new Date(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  // The statement period runs from the notice (served with it, today).
  const calendarDue = await statementDue(trx, ctx, row, today);
  const fields = {
    ...(await particulars(trx, row)),
    statementDays: DEFAULTER_PERIODS.statement.workingDays,
    statementDeadline: calendarDue,
    periodBasis: DEFAULTER_PERIODS.statement.basis,
  };
  // The insert is the first state: record the step without a state change.
  const doc = await getDocumentsService(ctx).createAndIssue(trx, actor, {
    subjectType: 'matter',
    subjectId: row.matter_id,
    type: 'defaulter_notice',
    fields,
    issuerOrgId: row.organization_id,
  });
  await getClocksService(ctx).start(
    trx,
    {
      subjectType: SUBJECT,
      subjectId: row.id,
      subjectLabel: `失信名单：${fields.employerName}`,
      ruleId: 'defaulter.statement',
      triggerDate: today,
      organizationId: row.organization_id,
      jurisdictionId: row.jurisdiction_id,
    },
    actor,
  );
  await trx
    .insertInto('defaulter_step')
    .values({
      listing_id: row.id,
      step: 'propose',
      state_after: 'proposed',
      note: input.facts,
      document_id: doc.id,
      actor_id: actor.id,
      actor_name: actor.name,
    })
    .execute();
  const summary = `失信联合惩戒名单：提出拟列入${fields.employerName}（拖欠${formatYuan(owedFen)}），签发${doc.number}`;
  await appendEvent(trx, actor, row.matter_id, 'defaulter_propose', summary, {
    listingId: row.id,
    documentId: doc.id,
  });
  await appendAudit(trx, actor, {
    action: 'defaulter.propose',
    entityType: 'defaulter_listing',
    entityId: row.id,
    summary,
    after: { ...input, owedFen },
  });
  kickRender(ctx);
  return row.id;
}

/** The statement deadline as the clock engine computes it (same rule, same calendar). */
async function statementDue(trx: Transaction<DB>, ctx: AppContext, l: ListingRow, trigger: string) {
  const snap = await getClocksService(ctx).calendars.snapshot(trx);
  const rule = findRule('defaulter.statement')!;
  return computeOrProvisional(rule, trigger, snap.for(l.jurisdiction_id), 0, null).due;
}

export async function recordStatement(
  trx: Transaction<DB>,
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  id: string,
  input: { statement: string; receivedOn: string; version: number },
  today: string,
) {
  const l = await loadForUpdate(trx, auth, id);
  if (input.receivedOn > today) throw defaulterErrors.futureDate();
  if (!stepAllowed('statement', l.state)) throw defaulterErrors.step('statement', l.state);
  const clock = await openClock(trx, l.id, 'defaulter.statement');
  const due = clock?.due_date ?? null;
  if (!clock || (due && input.receivedOn > due)) throw defaulterErrors.statementLate(due ?? '');
  const notice = await documentOf(trx, l.id, 'propose');
  await takeStep(trx, ctx, actor, l, 'statement', {
    version: input.version,
    fields: {
      ...(await particulars(trx, l)),
      noticeNumber: notice?.number ?? '',
      receivedDate: input.receivedOn,
      statement: input.statement,
    },
    note: input.statement,
    clockTrigger: input.receivedOn,
  });
  kickRender(ctx);
}

async function assertApprover(exec: Exec, auth: AuthContext, l: ListingRow) {
  const roles = await rolesOnCase(exec, auth, l.jurisdiction_id);
  if (!APPROVING_ROLES.some((r) => roles.includes(r))) throw defaulterErrors.approver();
}

export async function decide(
  trx: Transaction<DB>,
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  id: string,
  input: { list: boolean; reviewOpinion: string; version: number },
  today: string,
) {
  const l = await loadForUpdate(trx, auth, id, 'matter.read');
  await assertApprover(trx, auth, l);
  if (!stepAllowed('decide', l.state)) throw defaulterErrors.step('decide', l.state);
  if (l.state === 'proposed') {
    // No statement received: only once the period has run out.
    const c = await openClock(trx, l.id, 'defaulter.statement');
    if (c && today <= c.due_date) throw defaulterErrors.periodRunning(c.due_date);
    if (c) await getClocksService(ctx).meet(trx, c.id, actor, '期满未陈述申辩', '期满未陈述、申辩');
  }
  const notice = await documentOf(trx, l.id, 'propose');
  if (!input.list) {
    if (!input.reviewOpinion.trim()) throw defaulterErrors.opinionRequired();
    // 不予列入决定书: the reasons of the review, the procedure ends.
    await takeStep(trx, ctx, actor, l, 'decide', {
      version: input.version,
      refusal: true,
      set: { decided_on: today },
      fields: {
        ...(await particulars(trx, l)),
        noticeNumber: notice?.number ?? '',
        reasons: input.reviewOpinion,
        decidedDate: today,
        approver: actor.name,
      },
      note: input.reviewOpinion,
      clockTrigger: today,
    });
    kickRender(ctx);
    return;
  }
  const endsOn = listingEndsOn(today);
  const statement =
    l.state === 'statement_received'
      ? `你单位提出了陈述、申辩。经复核：${input.reviewOpinion}`
      : `你单位在规定期限内未提出陈述、申辩。${input.reviewOpinion}`;
  await takeStep(trx, ctx, actor, l, 'decide', {
    version: input.version,
    set: { decided_on: today, ends_on: endsOn },
    fields: {
      ...(await particulars(trx, l)),
      noticeNumber: notice?.number ?? '',
      statementSummary: statement,
      decidedDate: today,
      endsDate: endsOn,
      approver: actor.name,
    },
    note: input.reviewOpinion,
    clockTrigger: today,
  });
  kickRender(ctx);
}

export async function publish(
  trx: Transaction<DB>,
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  id: string,
  input: { version: number },
  today: string,
) {
  const l = await loadForUpdate(trx, auth, id);
  const decision = await documentOf(trx, l.id, 'decide');
  const p = await particulars(trx, l);
  await takeStep(trx, ctx, actor, l, 'publish', {
    version: input.version,
    set: { published_on: today },
    fields: {
      employerName: p.employerName,
      responsiblePersons: p.responsiblePersons,
      decisionNumber: decision?.number ?? '',
      ground: DEFAULTER_GROUNDS[l.ground].label,
      decidedDate: l.decided_on ?? today,
      endsDate: l.ends_on ?? listingEndsOn(today),
    },
    note: '在一站式劳动保障维权平台公开名单中公开',
    // The three-year term runs from the decision (the decision states it).
    clockTrigger: l.decided_on ?? today,
  });
  kickRender(ctx);
}

export async function requestRemoval(
  trx: Transaction<DB>,
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  id: string,
  input: { paidOn: string; commitment: string; appliedOn: string; version: number },
  today: string,
) {
  const l = await loadForUpdate(trx, auth, id);
  if (input.paidOn > today || input.appliedOn > today) throw defaulterErrors.futureDate();
  if (!stepAllowed('request_removal', l.state)) throw defaulterErrors.step('request_removal', l.state);
  const earliest = earliestRemovalDate(input.paidOn);
  if (input.appliedOn < earliest) throw defaulterErrors.removalTooEarly(earliest);
  const decision = await documentOf(trx, l.id, 'decide');
  const snap = await getClocksService(ctx).calendars.snapshot(trx);
  const reviewDue = computeOrProvisional(
    findRule('defaulter.removal-review')!,
    input.appliedOn,
    snap.for(l.jurisdiction_id),
    0,
    null,
  ).due;
  await takeStep(trx, ctx, actor, l, 'request_removal', {
    version: input.version,
    fields: {
      employerName: (await particulars(trx, l)).employerName,
      decisionNumber: decision?.number ?? '',
      appliedDate: input.appliedOn,
      paidDate: input.paidOn,
      commitment: input.commitment,
      reviewDeadline: reviewDue,
    },
    note: `${input.paidOn}足额支付；守信承诺：${input.commitment}`,
    clockTrigger: input.appliedOn,
  });
  kickRender(ctx);
}

export async function decideRemoval(
  trx: Transaction<DB>,
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  id: string,
  input: { approve: boolean; opinion: string; version: number },
  today: string,
) {
  const l = await loadForUpdate(trx, auth, id, 'matter.read');
  await assertApprover(trx, auth, l);
  if (!stepAllowed('remove', l.state)) throw defaulterErrors.step('remove', l.state);
  if (!input.approve) {
    if (!input.opinion.trim()) throw defaulterErrors.opinionRequired();
    // 不予提前移出决定书: the reasons; the listing stays published until its term ends.
    const receipt = await trx
      .selectFrom('defaulter_step as s')
      .innerJoin('document as d', 'd.id', 's.document_id')
      .select(['d.fields'])
      .where('s.listing_id', '=', l.id)
      .where('s.step', '=', 'request_removal')
      .orderBy('s.at', 'desc')
      .executeTakeFirst();
    const appliedDate = (receipt?.fields as { appliedDate?: string } | undefined)?.appliedDate ?? today;
    const p = await particulars(trx, l);
    await takeStep(trx, ctx, actor, l, 'remove', {
      version: input.version,
      refusal: true,
      fields: {
        employerName: p.employerName,
        responsiblePersons: p.responsiblePersons,
        decisionNumber: (await documentOf(trx, l.id, 'decide'))?.number ?? '',
        appliedDate,
        reasons: input.opinion,
        decidedDate: today,
        endsDate: l.ends_on ?? listingEndsOn(l.decided_on ?? today),
        approver: actor.name,
      },
      note: `不同意提前移出：${input.opinion}`,
      clockTrigger: today,
    });
    kickRender(ctx);
    return;
  }
  const application = await trx
    .selectFrom('defaulter_step')
    .select('note')
    .where('listing_id', '=', l.id)
    .where('step', '=', 'request_removal')
    .orderBy('at', 'desc')
    .executeTakeFirstOrThrow();
  const paidOn = /^(\d{4}-\d{2}-\d{2})/.exec(application.note)?.[1] ?? today;
  const commitment = application.note.split('守信承诺：')[1] ?? '';
  const decision = await documentOf(trx, l.id, 'decide');
  const p = await particulars(trx, l);
  await takeStep(trx, ctx, actor, l, 'remove', {
    version: input.version,
    set: { removed_on: today },
    fields: {
      employerName: p.employerName,
      responsiblePersons: p.responsiblePersons,
      decisionNumber: decision?.number ?? '',
      paidDate: paidOn,
      commitment,
      removedDate: today,
      approver: actor.name,
    },
    note: input.opinion || '同意提前移出',
    clockTrigger: today,
  });
  await meetIfOpen(trx, ctx, actor, l.id, 'defaulter.listing-term', '提前移出');
  kickRender(ctx);
}

export const EXPIRY_JOB = 'defaulters.expiry';

/**
 * The end of the term (列入期限届满, DEFAULTER_PERIODS.expiry): every listing whose term ended before
 * `today` leaves the list on the day after its last day, with the 期满移出通知书, the term clock met,
 * an event on the matter and the audit; it drops off the public list. Run hourly by the job runner
 * (and on demand by an administrator); a listing already moved is not picked again, and concurrent
 * runs skip each other's rows.
 */
export async function expireListings(ctx: AppContext, today: string): Promise<number> {
  const { db } = ctx.database;
  let moved = 0;
  for (;;) {
    const done = await db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('defaulter_listing')
        .selectAll()
        .where('state', 'in', [...DEFAULTER_STEPS.expire.from])
        .where('ends_on', '<', today)
        .orderBy('ends_on')
        .limit(20)
        .forUpdate()
        .skipLocked()
        .execute();
      for (const l of rows) {
        const p = await particulars(trx, l);
        const removedOn = plusDays(l.ends_on!, 1);
        await takeStep(trx, ctx, EXPIRY_SWEEP, l, 'expire', {
          version: l.version,
          set: { removed_on: removedOn },
          fields: {
            employerName: p.employerName,
            responsiblePersons: p.responsiblePersons,
            decisionNumber: (await documentOf(trx, l.id, 'decide'))?.number ?? '',
            decidedDate: l.decided_on ?? l.ends_on!,
            endsDate: l.ends_on!,
            removedDate: removedOn,
          },
          note: `列入期限于${l.ends_on}届满，自${removedOn}起移出名单并停止公开`,
          clockTrigger: today,
        });
        // A pending early-removal application ends with the listing.
        await meetIfOpen(trx, ctx, EXPIRY_SWEEP, l.id, 'defaulter.removal-review', '列入期限届满移出');
      }
      return rows.length;
    });
    moved += done;
    if (done < 20) break;
  }
  if (moved) kickRender(ctx);
  return moved;
}

/** A recorded step's label: the refusal's own label when the step ended in its refusal state. */
function stepLabel(step: string, stateAfter: string): string {
  const def = DEFAULTER_STEPS[step as DefaulterStep] as
    | { label: string; refusal?: { label: string; to: string } }
    | undefined;
  if (!def) return step;
  return def.refusal && def.refusal.to === stateAfter ? def.refusal.label : def.label;
}

/** The listing with its steps (each with its document), its clocks and the actions open now. */
export async function presentListing(exec: Exec, auth: AuthContext, l: ListingRow) {
  const employer = await exec
    .selectFrom('party')
    .select(['name', 'credit_code'])
    .where('id', '=', l.employer_party_id)
    .executeTakeFirstOrThrow();
  const c = await exec
    .selectFrom('track_case')
    .select(['number'])
    .where('id', '=', l.case_id)
    .executeTakeFirstOrThrow();
  const steps = await exec
    .selectFrom('defaulter_step as s')
    .leftJoin('document as d', 'd.id', 's.document_id')
    .select([
      's.id',
      's.step',
      's.state_after',
      's.note',
      's.actor_name',
      's.at',
      'd.id as document_id',
      'd.number',
      'd.title',
      'd.type',
    ])
    .where('s.listing_id', '=', l.id)
    .orderBy('s.at')
    .execute();
  const clocks = await exec
    .selectFrom('clock')
    .select(['id', 'rule_id', 'trigger_date', 'due_date', 'status', 'basis', 'calendar_pending_year'])
    .where('subject_type', '=', SUBJECT)
    .where('subject_id', '=', l.id)
    .orderBy('created_at')
    .execute();
  const roles = await rolesOnCase(exec, auth, l.jurisdiction_id);
  const approver = APPROVING_ROLES.some((r) => roles.includes(r));
  const handler = auth.permissions.has('inspection.work');
  const may = (step: DefaulterStep) => stepAllowed(step, l.state);
  return {
    id: l.id,
    caseId: l.case_id,
    caseNumber: c.number,
    matterId: l.matter_id,
    employerPartyId: l.employer_party_id,
    employerName: employer.name,
    creditCode: employer.credit_code,
    ground: l.ground,
    groundLabel: DEFAULTER_GROUNDS[l.ground].label,
    groundBasis: DEFAULTER_GROUNDS[l.ground].basis,
    facts: l.facts,
    owedFen: Number(l.owed_fen),
    responsiblePersons: l.responsible_persons,
    state: l.state,
    stateLabel: DEFAULTER_STATES[l.state],
    decidedOn: l.decided_on,
    publishedOn: l.published_on,
    endsOn: l.ends_on,
    removedOn: l.removed_on,
    version: l.version,
    steps: steps.map((s) => ({
      id: s.id,
      step: s.step,
      label: stepLabel(s.step, s.state_after),
      stateAfter: s.state_after,
      note: s.note,
      actorName: s.actor_name,
      at: new Date(s.at).toISOString(),
      document: s.document_id ? { id: s.document_id, number: s.number, title: s.title, type: s.type } : null,
    })),
    clocks: clocks.map((k) => ({
      id: k.id,
      ruleId: k.rule_id,
      name: findRule(k.rule_id)?.name ?? k.rule_id,
      triggerDate: k.trigger_date,
      dueDate: k.due_date,
      provisional: k.calendar_pending_year !== null,
      status: k.status,
      basis: k.basis,
    })),
    actions: {
      statement: handler && may('statement'),
      decide: approver && may('decide'),
      publish: handler && may('publish'),
      requestRemoval: handler && may('request_removal'),
      remove: approver && may('remove'),
    },
  };
}

export async function listListings(exec: Exec, auth: AuthContext, state?: DefaulterState, caseId?: string) {
  const scope = await scopeOf(exec, auth, 'matter.read');
  if (!scope.length) return [];
  let q = exec
    .selectFrom('defaulter_listing as l')
    .innerJoin('party as p', 'p.id', 'l.employer_party_id')
    .innerJoin('track_case as c', 'c.id', 'l.case_id')
    .select(['l.id', 'l.state', 'l.ground', 'l.owed_fen', 'l.decided_on', 'l.ends_on', 'p.name', 'c.number'])
    .where('l.jurisdiction_id', 'in', scope);
  if (state) q = q.where('l.state', '=', state);
  if (caseId) q = q.where('l.case_id', '=', caseId);
  const rows = await q.orderBy('l.created_at', 'desc').limit(200).execute();
  return rows.map((r) => ({
    id: r.id,
    employerName: r.name,
    caseNumber: r.number,
    state: r.state,
    stateLabel: DEFAULTER_STATES[r.state],
    groundLabel: DEFAULTER_GROUNDS[r.ground].label,
    owedFen: Number(r.owed_fen),
    decidedOn: r.decided_on,
    endsOn: r.ends_on,
  }));
}

/** The public list: employers listed and published, whose term has not ended (no personal data beyond the decision). */
export async function publicList(exec: Exec, today: string) {
  const rows = await exec
    .selectFrom('defaulter_listing as l')
    .innerJoin('party as p', 'p.id', 'l.employer_party_id')
    .innerJoin('organization as o', 'o.id', 'l.organization_id')
    .select([
      'l.id',
      'p.name',
      'p.credit_code',
      'l.responsible_persons',
      'l.ground',
      'l.decided_on',
      'l.ends_on',
      'l.published_on',
      'o.name as organ',
    ])
    .where('l.state', 'in', ['published', 'removal_requested'])
    .where('l.ends_on', '>=', today)
    .orderBy('l.published_on', 'desc')
    .limit(500)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    employerName: r.name,
    creditCode: r.credit_code,
    responsiblePersons: r.responsible_persons,
    groundLabel: DEFAULTER_GROUNDS[r.ground].label,
    decidedOn: r.decided_on!,
    endsOn: r.ends_on!,
    publishedOn: r.published_on!,
    organ: r.organ,
  }));
}

/** The employer's defaulter list state for the risk profile (employers module). */
export async function defaulterStateOf(exec: Exec, partyId: string) {
  const rows = await exec
    .selectFrom('defaulter_listing')
    .select(['id', 'state', 'decided_on', 'ends_on', 'removed_on'])
    .where('employer_party_id', '=', partyId)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    state: r.state,
    stateLabel: DEFAULTER_STATES[r.state],
    decidedOn: r.decided_on,
    endsOn: r.ends_on,
    removedOn: r.removed_on,
  }));
}
