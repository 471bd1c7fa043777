import {
  CLAIM_CATALOGUE,
  formatNumber,
  isClaimType,
  isTerminal,
  transition,
  WorkflowError,
} from '@onestop/domain';
import type { Transaction } from 'kysely';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../db/schema';
import { type Actor, appendAudit } from '../../platform/audit';
import type { AuthContext } from '../../platform/auth';
import { businessToday, dateOf } from '../../platform/time';
import { AppError, errors } from '../../platform/errors';
import { nextSequence } from '../../platform/sequences';
import { CLAIM_TRACKS, type ClaimTrack } from '../matters';
import { appendEvent } from '../../platform/scope';
import { activeRolesIn, jurisdictionChain } from './cases.access';
import { documentsDue, moveClocks } from './cases.effects';
import type { CaseTrack } from './cases.tables';
import { TRACKS } from './cases.tracks';
import { checkProcedure } from './procedure.registry';
import { readFamilySetting } from '../../platform/settings';

type Trx = Transaction<DB>;

/** Thrown inside a transaction; the fresh case is loaded after the rollback (PGlite: one transaction at a time). */
export class StaleCase extends Error {
  constructor(readonly caseId: string) {
    super('stale case');
  }
}

/** The domain's typed errors as HTTP: illegal 409, role 403, guard 422 with the Chinese reason. */
export function workflowToHttp(err: unknown): unknown {
  if (!(err instanceof WorkflowError)) return err;
  const status =
    err.code === 'WORKFLOW_ROLE_FORBIDDEN' ? 403 : err.code === 'WORKFLOW_GUARD_FAILED' ? 422 : 409;
  return new AppError(status, err.code, err.message, err.details);
}

export function claimLabel(c: { type: string; facts: string }): string {
  const label = isClaimType(c.type) ? CLAIM_CATALOGUE[c.type].label : c.type;
  const facts = Array.from(c.facts);
  return `“${label}”（${facts.slice(0, 20).join('')}${facts.length > 20 ? '…' : ''}）`;
}

/** one claim, one open procedure (《劳动保障监察条例》第二十一条第二款): the claim is already open in another procedure. */
async function assertClaimsFree(trx: Trx, claims: { id: string; type: string; facts: string }[]) {
  if (!claims.length) return;
  const taken = await trx
    .selectFrom('case_claim as cc')
    .innerJoin('track_case as tc', 'tc.id', 'cc.case_id')
    .select(['cc.claim_id', 'tc.number', 'tc.track'])
    .where(
      'cc.claim_id',
      'in',
      claims.map((c) => c.id),
    )
    .where('cc.open', '=', true)
    .executeTakeFirst();
  if (taken) {
    const claim = claims.find((c) => c.id === taken.claim_id)!;
    throw new AppError(
      409,
      'CLAIM_ALREADY_IN_PROCEDURE',
      `诉求${claimLabel(claim)}已在${TRACKS[taken.track].label}程序（${taken.number}）中办理，同一诉求不得同时进入两个程序（《劳动保障监察条例》第二十一条第二款）`,
      { claimId: claim.id, caseNumber: taken.number, track: taken.track },
    );
  }
}

async function numberPattern(trx: Trx, track: CaseTrack): Promise<string> {
  return (await readFamilySetting(trx, 'cases.number_pattern', track)) ?? TRACKS[track].pattern;
}

async function defaultOrganization(trx: Trx, track: CaseTrack, auth: AuthContext): Promise<string> {
  const agency = TRACKS[track].agency;
  if (!agency) return auth.organizationId;
  const mine = await trx
    .selectFrom('organization')
    .select('agency')
    .where('id', '=', auth.organizationId)
    .executeTakeFirst();
  if (mine?.agency === agency) return auth.organizationId;
  const org = await trx
    .selectFrom('organization')
    .select('id')
    .where('agency', '=', agency)
    .orderBy('sort')
    .orderBy('name')
    .executeTakeFirst();
  return org?.id ?? auth.organizationId;
}

export interface OpenCaseInput {
  track: CaseTrack;
  claimIds: string[];
  organizationId?: string | undefined;
  /** For a transfer: the source of the case (recorded on the timeline). */
  transferId?: string | undefined;
}

/**
 * Opens a track case for claims of a matter in the caller's transaction: the number (gap-free per
 * track and year), the opening event, the claim links (《劳动保障监察条例》第二十一条第二款), the timeline, the audit record and the
 * clocks the machine starts on creation (triggered on the matter's receipt date).
 */
export async function openCaseInTrx(
  ctx: AppContext,
  trx: Trx,
  auth: AuthContext,
  actor: Actor,
  matterId: string,
  input: OpenCaseInput,
  opts: { checkOpener: boolean },
) {
  const spec = TRACKS[input.track];
  const machine = spec.machine;
  if (!machine) throw new AppError(422, 'TRACK_NOT_READY', `${spec.label}案件的办理流程尚未定义，暂不能立案`);
  const matter = await trx
    .selectFrom('matter')
    .select(['id', 'number', 'status', 'jurisdiction_id', 'priority_flags', 'received_at'])
    .where('id', '=', matterId)
    .executeTakeFirst();
  if (!matter) throw errors.notFound('维权事项');
  if (matter.status === 'closed' || matter.status === 'merged') {
    throw new AppError(409, 'MATTER_CLOSED', `事项 ${matter.number} 已办结或已合并，不能再开立案件`);
  }
  const chain = await jurisdictionChain(trx, matter.jurisdiction_id);
  if (opts.checkOpener) {
    const roles = activeRolesIn(auth.grants, chain);
    if (!roles.some((r) => spec.openers.includes(r))) {
      throw errors.forbidden(`您在该辖区没有开立${spec.label}案件的岗位`);
    }
  }
  const ids = [...new Set(input.claimIds)];
  const claims = ids.length
    ? await trx
        .selectFrom('matter_claim')
        .select(['id', 'type', 'facts', 'matter_id'])
        .where('id', 'in', ids)
        .execute()
    : [];
  const foreign = ids.find((id) => !claims.some((c) => c.id === id && c.matter_id === matterId));
  if (foreign)
    throw new AppError(400, 'CLAIM_NOT_IN_MATTER', '所选诉求不属于该维权事项', { claimId: foreign });
  await assertClaimsFree(trx, claims);

  const today = businessToday(ctx.config);
  const year = Number(today.slice(0, 4));
  const pattern = await numberPattern(trx, input.track);
  const seq = await nextSequence(trx, `case:${input.track}`, year);
  const number = formatNumber(pattern, year, seq);
  const organizationId = input.organizationId ?? (await defaultOrganization(trx, input.track, auth));
  const row = await trx
    .insertInto('track_case')
    .values({
      matter_id: matterId,
      track: input.track,
      number,
      year,
      seq,
      state: machine.initial,
      organization_id: organizationId,
      jurisdiction_id: matter.jurisdiction_id,
      assignee_user_id: null,
      priority_flags: matter.priority_flags,
      opened_by: actor.id,
      updated_at: new Date(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('case_event')
    .values({
      case_id: row.id,
      seq: 1,
      from_state: null,
      to_state: machine.initial,
      event: 'open',
      actor_id: actor.id,
      actor_name: actor.name,
      role: actor.role,
      reason: null,
      payload: JSON.stringify({ claimIds: ids, ...(input.transferId && { transferId: input.transferId }) }),
    })
    .execute();
  if (ids.length) {
    try {
      await trx
        .insertInto('case_claim')
        .values(ids.map((claim_id) => ({ case_id: row.id, claim_id })))
        .execute();
    } catch (err) {
      // A concurrent opening took the claim between the check and the insert: the unique index decides.
      if ((err as { code?: string }).code === '23505') await assertClaimsFree(trx, claims);
      throw err;
    }
    const claimTrack = (CLAIM_TRACKS as readonly string[]).includes(input.track)
      ? (input.track as ClaimTrack)
      : null;
    await trx
      .updateTable('matter_claim')
      .set({ track_case_id: row.id, status: 'routed', ...(claimTrack && { track: claimTrack }) })
      .where('id', 'in', ids)
      .execute();
  }
  await trx
    .updateTable('matter')
    .set((eb) => ({ status: 'routed', version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', matterId)
    .where('status', '=', 'registered')
    .execute();
  const summary = `开立${spec.label}案件 ${number}（诉求${ids.length}项）`;
  await appendEvent(trx, actor, matterId, 'case_opened', summary, {
    caseId: row.id,
    track: input.track,
    number,
  });
  await appendAudit(trx, actor, {
    action: 'case.open',
    entityType: 'case',
    entityId: row.id,
    summary: `${matter.number}：${summary}`,
    after: { matterId, track: input.track, number, claimIds: ids, organizationId },
  });
  const receivedOn = dateOf(ctx.config, new Date(matter.received_at));
  const clocks = await moveClocks(
    ctx,
    trx,
    actor,
    row,
    {
      clocksStart: machine.onCreate.clocksStart,
      clocksStop: [],
      clocksPause: [],
      clocksResume: [],
      clocksExtend: [],
    },
    { triggerDate: receivedOn, reason: null },
  );
  return { id: row.id, number, documents: documentsDue(machine.onCreate.documents), clocks };
}

export interface TransitionInput {
  expectedVersion?: number | undefined;
  reason?: string | undefined;
  payload?: Record<string, unknown> | undefined;
}

/**
 * The one way a case changes state. Checks the machine (table → the user's active roles in the case's
 * jurisdiction → guard), then in ONE transaction: a conditional update (same id, state and version;
 * zero rows → 409 with the fresh case), the case_event row, the matter's timeline, the audit record,
 * the clocks the step moves; returns the documents the step issues.
 */
export async function applyTransition(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  caseId: string,
  event: string,
  input: TransitionInput,
) {
  return ctx.database.db
    .transaction()
    .execute((trx) => applyTransitionInTrx(ctx, trx, auth, actor, caseId, event, input));
}

/** applyTransition in the caller's transaction (e.g. arbitration steps that also issue documents). */
export async function applyTransitionInTrx(
  ctx: AppContext,
  trx: Trx,
  auth: Pick<AuthContext, 'grants'>,
  actor: Actor,
  caseId: string,
  event: string,
  input: TransitionInput,
) {
  const c = await trx.selectFrom('track_case').selectAll().where('id', '=', caseId).executeTakeFirst();
  if (!c) throw errors.notFound('案件');
  if (input.expectedVersion !== undefined && input.expectedVersion !== c.version) throw new StaleCase(caseId);
  const machine = TRACKS[c.track].machine;
  if (!machine) throw new AppError(422, 'TRACK_NOT_READY', `${TRACKS[c.track].label}案件的办理流程尚未定义`);
  const roles = activeRolesIn(auth.grants, await jurisdictionChain(trx, c.jurisdiction_id));
  const facts: Record<string, unknown> = {
    ...(input.payload ?? {}),
    ...(input.reason ? { reason: input.reason } : {}),
  };
  // The step's legal preconditions (procedure guards, read from the record in this transaction) are
  // checked once the table and the actor's post allow the step, before the machine's own guard.
  const row = machine.transitions.find((t) => t.from === c.state && t.event === event);
  if (row && roles.some((r) => row.roles.includes(r)))
    await checkProcedure(ctx, trx, c.track, c.id, event, facts);
  let step: ReturnType<typeof transition>;
  try {
    step = transition(machine, c.state, event, { roles, ctx: facts });
  } catch (err) {
    throw workflowToHttp(err);
  }
  const acting = roles.find((r) =>
    machine.transitions.some((t) => t.from === c.state && t.event === event && t.roles.includes(r)),
  );
  const terminal = isTerminal(machine, step.to);
  const today = businessToday(ctx.config);
  const reason = input.reason?.trim() || null;
  const updated = await trx
    .updateTable('track_case')
    .set((eb) => ({
      state: step.to,
      version: eb('version', '+', 1),
      updated_at: new Date(),
      ...(terminal && { closed: true, closed_at: new Date() }),
    }))
    .where('id', '=', c.id)
    .where('state', '=', c.state)
    .where('version', '=', c.version)
    .returningAll()
    .executeTakeFirst();
  if (!updated) throw new StaleCase(c.id);
  const last = await trx
    .selectFrom('case_event')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('case_id', '=', c.id)
    .executeTakeFirst();
  await trx
    .insertInto('case_event')
    .values({
      case_id: c.id,
      seq: Number(last?.seq ?? 0) + 1,
      from_state: c.state,
      to_state: step.to,
      event,
      actor_id: actor.id,
      actor_name: actor.name,
      role: acting ?? actor.role,
      reason,
      payload: input.payload ? JSON.stringify(input.payload) : null,
    })
    .execute();
  if (terminal) {
    await trx
      .updateTable('case_claim')
      .set({ open: false, released_at: new Date(), released_reason: `案件办结：${machine.states[step.to]}` })
      .where('case_id', '=', c.id)
      .where('open', '=', true)
      .execute();
  }
  const eventLabel = (machine.events as Record<string, string>)[event] ?? event;
  const toLabel = (machine.states as Record<string, string>)[step.to] ?? step.to;
  const referTo = typeof facts.referTo === 'string' ? `；告知前往：${facts.referTo}` : '';
  const summary = `${TRACKS[c.track].label}案件 ${c.number}：${eventLabel} → ${toLabel}${reason ? `（${reason}）` : ''}${referTo}`;
  await appendEvent(trx, actor, c.matter_id, 'case_transition', summary, {
    caseId: c.id,
    event,
    from: c.state,
    to: step.to,
    ...(input.payload && { payload: input.payload }),
  });
  await appendAudit(trx, actor, {
    action: `case.${event}`,
    entityType: 'case',
    entityId: c.id,
    summary,
    before: { state: c.state, version: c.version },
    after: { state: step.to, version: updated.version, reason, payload: input.payload ?? null },
  });
  const approver = typeof facts.approver === 'string' ? facts.approver : undefined;
  const clocks = await moveClocks(ctx, trx, actor, updated, step, {
    triggerDate: today,
    reason,
    approver,
    outcome: eventLabel,
  });
  return { id: c.id, documents: documentsDue(step.documents), clocks };
}
