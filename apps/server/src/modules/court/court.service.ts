// Over 400 lines: court docking (司法确认 requests, their states, documents and the court's answers) as one service; to split when online filing with the court arrives.
import { addDays, availableEvents, courtDockingMachine, daysBetween, transition } from '@onestop/domain';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../db/schema';
import { type Actor, appendAudit } from '../../platform/audit';
import { type AuthContext, jurisdictionsFor } from '../../platform/auth';
import { businessToday } from '../../platform/time';
import { AppError, errors } from '../../platform/errors';
import { activeRolesIn, jurisdictionChain } from '../cases';
import { workflowToHttp } from '../cases';
import { getClocksService } from '../clocks';
import { OPEN_STATUSES } from '../clocks';
import { asWindow } from '../consultation';
import { createIntake } from '../intake';
import { createObligations, itemsFromDocument } from '../obligations';
import { appendEvent, assertMatterInScope, scopeOf } from '../../platform/scope';
import type { confirmationBody, delegateBody, stepBody } from './court.schema';
import type { DockingState } from './court.tables';

type Trx = Transaction<DB>;
const CLOCK = 'mediation.judicial-confirmation-filing';
const KIND_LABELS = { delegated: '法院委派调解', confirmation: '司法确认' } as const;

export class StaleDocking extends Error {
  constructor(readonly id: string) {
    super('stale docking');
  }
}

export async function presentDocking(ctx: AppContext, id: string, auth: AuthContext) {
  const { db } = ctx.database;
  const d = await db
    .selectFrom('court_docking as d')
    .innerJoin('organization as o', 'o.id', 'd.court_org_id')
    .leftJoin('matter as m', 'm.id', 'd.matter_id')
    .leftJoin('app_user as u', 'u.id', 'd.mediator_user_id')
    .selectAll('d')
    .select(['o.name as court_name', 'm.number as matter_number', 'u.display_name as mediator_name'])
    .where('d.id', '=', id)
    .executeTakeFirst();
  if (!d) throw errors.notFound('诉调对接案件');
  const scope = await scopeOf(db, auth, 'matter.read');
  if (!scope.includes(d.jurisdiction_id)) throw errors.notFound('诉调对接案件');
  const events = await db
    .selectFrom('court_docking_event')
    .selectAll()
    .where('docking_id', '=', id)
    .orderBy('seq')
    .execute();
  const roles = activeRolesIn(auth.grants, await jurisdictionChain(db, d.jurisdiction_id));
  const closed = courtDockingMachine.terminal.includes(d.state);
  const labels = courtDockingMachine.events as Record<string, string>;
  return {
    id: d.id,
    kind: d.kind,
    kindLabel: KIND_LABELS[d.kind],
    state: d.state,
    stateLabel: courtDockingMachine.states[d.state],
    closed,
    matter: d.matter_id && d.matter_number ? { id: d.matter_id, number: d.matter_number } : null,
    court: { id: d.court_org_id, name: d.court_name },
    courtCaseNo: d.court_case_no,
    applicantName: d.applicant_name,
    respondentName: d.respondent_name,
    summary: d.summary,
    mediatorName: d.mediator_name,
    agreementTerms: d.agreement_terms,
    agreementEffectiveOn: d.agreement_effective_on,
    confirmationDue:
      d.agreement_effective_on && d.state === 'agreed' ? addDays(d.agreement_effective_on, 30) : null,
    returnedReason: d.returned_reason,
    confAppliedOn: d.conf_applied_on,
    courtRulingNo: d.court_ruling_no,
    courtResultOn: d.court_result_on,
    courtResultNote: d.court_result_note,
    events: events.map((e) => ({
      at: new Date(e.at).toISOString(),
      event: e.event,
      label: labels[e.event] ?? (e.event === 'open' ? '登记' : e.event),
      toState: courtDockingMachine.states[e.to_state as DockingState] ?? e.to_state,
      actorName: e.actor_name,
      note: e.note,
    })),
    actions: availableEvents(courtDockingMachine, d.state, roles).map((e) => ({
      event: e.event,
      label: e.label,
    })),
    version: d.version,
    createdAt: new Date(d.created_at).toISOString(),
  };
}

async function logEvent(
  trx: Trx,
  actor: Actor,
  id: string,
  from: string | null,
  to: string,
  event: string,
  note: string | null,
) {
  const last = await trx
    .selectFrom('court_docking_event')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('docking_id', '=', id)
    .executeTakeFirst();
  await trx
    .insertInto('court_docking_event')
    .values({
      docking_id: id,
      seq: Number(last?.seq ?? 0) + 1,
      from_state: from,
      to_state: to,
      event,
      actor_id: actor.id,
      actor_name: actor.name,
      note,
    })
    .execute();
}

async function startClock(
  ctx: AppContext,
  trx: Trx,
  actor: Actor,
  d: { id: string; jurisdiction_id: string },
  label: string,
  effectiveOn: string,
) {
  await getClocksService(ctx).start(
    trx,
    {
      subjectType: 'court_docking',
      subjectId: d.id,
      subjectLabel: label,
      ruleId: CLOCK,
      triggerDate: effectiveOn,
      jurisdictionId: d.jurisdiction_id,
    },
    actor,
  );
}

async function courtOf(ctx: AppContext, auth: AuthContext, courtOrgId: string | undefined) {
  const { db } = ctx.database;
  const id = courtOrgId ?? auth.organizationId;
  const org = await db
    .selectFrom('organization')
    .select(['id', 'name', 'agency'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (org?.agency !== 'court')
    throw new AppError(400, 'COURT_REQUIRED', '请选择人民法院', { field: 'courtOrgId' });
  return org;
}

async function partyNames(trx: Trx | AppContext['database']['db'], matterId: string) {
  const rows = await trx
    .selectFrom('matter_party as mp')
    .innerJoin('party as p', 'p.id', 'mp.party_id')
    .select(['p.name', 'mp.role'])
    .where('mp.matter_id', '=', matterId)
    .orderBy('mp.sort')
    .execute();
  return {
    applicant: rows
      .filter((r) => r.role === 'worker')
      .map((r) => r.name)
      .join('、'),
    respondent: rows
      .filter((r) => r.role === 'employer')
      .map((r) => r.name)
      .join('、'),
  };
}

/** (a) The court delegates a case to the center's mediators (channel court_delegated). */
export async function delegate(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  body: z.infer<typeof delegateBody>,
) {
  const { db } = ctx.database;
  const court = await courtOf(ctx, auth, body.courtOrgId);
  let matterId = body.matterId;
  if (body.intake) {
    matterId = await createIntake(ctx, asWindow(auth, 'court.work'), actor, {
      ...body.intake,
      channel: 'court_delegated',
      requestKind: 'application',
      narrative: body.intake.narrative || body.summary,
    });
  }
  let jurisdictionId = body.jurisdictionId;
  if (matterId) jurisdictionId = (await assertMatterInScope(db, auth, matterId)).jurisdiction_id;
  jurisdictionId ??= jurisdictionsFor(auth, 'court.work')[0];
  if (!jurisdictionId) throw new AppError(400, 'JURISDICTION_REQUIRED', '请选择辖区');
  if (!(await scopeOf(db, auth, 'court.work')).includes(jurisdictionId)) {
    throw new AppError(403, 'JURISDICTION_FORBIDDEN', '您没有在所选辖区登记诉调对接案件的权限');
  }
  const names = matterId ? await partyNames(db, matterId) : { applicant: '', respondent: '' };
  const applicant = body.applicantName || names.applicant;
  const respondent = body.respondentName || names.respondent;
  if (!applicant || !respondent) throw new AppError(400, 'PARTIES_REQUIRED', '请填写申请人和被申请人');
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('court_docking')
      .values({
        kind: 'delegated',
        state: 'referred_in',
        matter_id: matterId ?? null,
        jurisdiction_id: jurisdictionId,
        court_org_id: court.id,
        court_case_no: body.courtCaseNo ?? null,
        applicant_name: applicant,
        respondent_name: respondent,
        summary: body.summary,
        mediator_user_id: null,
        agreement_terms: null,
        agreement_effective_on: null,
        returned_reason: null,
        conf_applied_on: null,
        court_ruling_no: null,
        court_result_on: null,
        court_result_note: null,
        created_by: auth.userId,
        updated_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await logEvent(trx, actor, row.id, null, 'referred_in', 'open', body.courtCaseNo ?? null);
    const summary = `${court.name}委派调解${body.courtCaseNo ? `（${body.courtCaseNo}）` : ''}：${applicant} 与 ${respondent}`;
    if (matterId) await appendEvent(trx, actor, matterId, 'court_delegated', summary, { dockingId: row.id });
    await appendAudit(trx, actor, {
      action: 'court.delegate',
      entityType: 'court_docking',
      entityId: row.id,
      summary,
      after: body,
    });
    return row.id;
  });
}

/** (b) A mediation agreement of the center goes to court for judicial confirmation (30 days, T-M5). */
export async function requestConfirmation(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  body: z.infer<typeof confirmationBody>,
) {
  const { db } = ctx.database;
  const court = await courtOf(ctx, auth, body.courtOrgId);
  const m = await assertMatterInScope(db, auth, body.matterId);
  const names = await partyNames(db, m.id);
  const applicant = body.applicantName || names.applicant;
  const respondent = body.respondentName || names.respondent;
  if (!applicant || !respondent) throw new AppError(400, 'PARTIES_REQUIRED', '请填写申请人和被申请人');
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('court_docking')
      .values({
        kind: 'confirmation',
        state: 'agreed',
        matter_id: m.id,
        jurisdiction_id: m.jurisdiction_id,
        court_org_id: court.id,
        court_case_no: null,
        applicant_name: applicant,
        respondent_name: respondent,
        summary: `调解协议司法确认：${Array.from(body.agreementTerms).slice(0, 60).join('')}`,
        mediator_user_id: auth.userId,
        agreement_terms: body.agreementTerms,
        agreement_effective_on: body.agreementEffectiveOn,
        returned_reason: null,
        conf_applied_on: null,
        court_ruling_no: null,
        court_result_on: null,
        court_result_note: null,
        created_by: auth.userId,
        updated_at: new Date(),
      })
      .returning(['id', 'jurisdiction_id'])
      .executeTakeFirstOrThrow();
    await logEvent(trx, actor, row.id, null, 'agreed', 'open', null);
    await startClock(ctx, trx, actor, row, `${m.number} 司法确认`, body.agreementEffectiveOn);
    const summary = `调解协议（${body.agreementEffectiveOn}生效）拟申请${court.name}司法确认，须在三十日内申请`;
    await appendEvent(trx, actor, m.id, 'court_confirmation_prepared', summary, { dockingId: row.id });
    await appendAudit(trx, actor, {
      action: 'court.confirmation',
      entityType: 'court_docking',
      entityId: row.id,
      summary,
      after: body,
    });
    return row.id;
  });
}

/** One step of the docking machine: roles in the case's jurisdiction, guard, conditional update, events. */
export async function dockingStep(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  id: string,
  event: string,
  body: z.infer<typeof stepBody>,
) {
  const { db } = ctx.database;
  const d = await db.selectFrom('court_docking').selectAll().where('id', '=', id).executeTakeFirst();
  if (!d) throw errors.notFound('诉调对接案件');
  if (body.version !== undefined && body.version !== d.version) throw new StaleDocking(id);
  const today = businessToday(ctx.config);
  const roles = activeRolesIn(auth.grants, await jurisdictionChain(db, d.jurisdiction_id));
  const effectiveOn = body.agreementEffectiveOn ?? d.agreement_effective_on ?? today;
  const appliedOn = body.appliedOn ?? today;
  const facts = {
    agreementTerms: body.agreementTerms,
    returnedReason: body.returnedReason,
    rulingNo: body.rulingNo,
    ...(d.agreement_effective_on && { daysSinceEffective: daysBetween(d.agreement_effective_on, appliedOn) }),
  };
  let to: DockingState;
  try {
    to = transition(courtDockingMachine, d.state, event as never, { roles, ctx: facts }).to;
  } catch (err) {
    throw workflowToHttp(err);
  }
  const set: Record<string, unknown> = {};
  if (event === 'start_mediation') set.mediator_user_id = auth.userId;
  if (event === 'agree')
    Object.assign(set, { agreement_terms: body.agreementTerms, agreement_effective_on: effectiveOn });
  if (event === 'return_to_court') set.returned_reason = body.returnedReason;
  if (event === 'apply_confirmation') set.conf_applied_on = appliedOn;
  if (event === 'confirm' || event === 'reject') {
    Object.assign(set, {
      court_ruling_no: body.rulingNo,
      court_result_on: body.resultOn ?? today,
      court_result_note: body.note ?? null,
    });
  }
  const note = body.returnedReason ?? body.note ?? body.rulingNo ?? null;
  // The payments of a confirmed agreement are followed until paid (issue #21): only on confirmation,
  // and only when the agreement belongs to a matter of the center.
  if (body.payments?.length && event !== 'confirm') {
    throw new AppError(400, 'PAYMENTS_ONLY_ON_CONFIRM', '支付事项只在登记司法确认时填写', {
      field: 'payments',
    });
  }
  if (body.payments?.length && !d.matter_id) {
    throw new AppError(422, 'DOCKING_NO_MATTER', '该诉调对接案件未关联维权事项，无法跟踪履行');
  }
  const payments = itemsFromDocument(body.payments ?? []);
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('court_docking')
      .set((eb) => ({ ...set, state: to, version: eb('version', '+', 1), updated_at: new Date() }))
      .where('id', '=', id)
      .where('state', '=', d.state)
      .where('version', '=', d.version)
      .returning('id')
      .executeTakeFirst();
    if (!updated) throw new StaleDocking(id);
    await logEvent(trx, actor, id, d.state, to, event, note);
    if (event === 'agree')
      await startClock(ctx, trx, actor, d, `诉调对接 ${d.court_case_no ?? d.applicant_name}`, effectiveOn);
    if (event === 'apply_confirmation') {
      const clock = await trx
        .selectFrom('clock')
        .select('id')
        .where('subject_type', '=', 'court_docking')
        .where('subject_id', '=', id)
        .where('rule_id', '=', CLOCK)
        .where('status', 'in', OPEN_STATUSES)
        .executeTakeFirst();
      if (clock) await getClocksService(ctx).meet(trx, clock.id, actor, '已申请司法确认');
    }
    if (event === 'confirm' && payments.length && d.matter_id) {
      // 司法确认裁定 binds on service (民事诉讼法第二百零六条): the ruling's date is taken as both.
      const ruled = (set.court_result_on as string | undefined) ?? today;
      await createObligations(ctx, trx, actor, {
        matterId: d.matter_id,
        caseId: null,
        source: 'court_confirmation',
        sourceDocumentId: null,
        sourceLabel: `司法确认裁定书${body.rulingNo ?? ''}`,
        effectiveDate: ruled,
        servedOn: ruled,
        responsibleUserId: d.mediator_user_id ?? actor.id,
        items: payments,
      });
    }
    const label = courtDockingMachine.events[event as keyof typeof courtDockingMachine.events];
    const summary = `诉调对接：${label} → ${courtDockingMachine.states[to]}${note ? `（${note}）` : ''}`;
    if (d.matter_id)
      await appendEvent(trx, actor, d.matter_id, 'court_docking', summary, { dockingId: id, event, to });
    await appendAudit(trx, actor, {
      action: `court.${event}`,
      entityType: 'court_docking',
      entityId: id,
      summary,
      before: { state: d.state },
      after: { state: to, ...set },
    });
  });
}
