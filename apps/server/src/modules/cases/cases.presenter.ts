import { actForm, availableEvents, claimLabel, findRule, type PriorityFlag } from '@onestop/domain';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';
import type { AuthContext } from '../../platform/auth';
import { errors } from '../../platform/errors';
import { activeRolesIn, jurisdictionChain } from './cases.access';
import { canAssignAs, PRIORITY_LABELS, stateLabel, TRACKS } from './cases.tracks';
import { barredStaff } from './recusal.service';
import type { JsonValue } from '../../platform/openapi-content';

export function priorityList(flags: readonly string[]) {
  return flags.map((code) => ({ code, label: PRIORITY_LABELS[code as PriorityFlag] ?? code }));
}

/** Short title of a matter: its first workers and employers. */
export const MATTER_TITLE_SQL = sql<string>`concat_ws(' — ',
  (SELECT string_agg(p.name, '、' ORDER BY mp.sort) FROM (SELECT party_id, sort FROM matter_party
     WHERE matter_id = m.id AND role = 'worker' ORDER BY sort LIMIT 3) mp JOIN party p ON p.id = mp.party_id),
  (SELECT string_agg(p.name, '、') FROM matter_party mp JOIN party p ON p.id = mp.party_id
     WHERE mp.matter_id = m.id AND mp.role = 'employer'))`;

/**
 * The case as the case page shows it: state, claims, timeline, clocks, the staff who must step aside,
 * and ONLY the actions this user may take (the domain's availableEvents with the user's active roles
 * in the case's jurisdiction; the server checks again on every transition).
 */
export async function loadCaseDetail(db: Kysely<DB>, caseId: string, auth: AuthContext) {
  const c = await db
    .selectFrom('track_case as c')
    .innerJoin('matter as m', 'm.id', 'c.matter_id')
    .innerJoin('organization as o', 'o.id', 'c.organization_id')
    .innerJoin('jurisdiction as j', 'j.id', 'c.jurisdiction_id')
    .leftJoin('app_user as u', 'u.id', 'c.assignee_user_id')
    .selectAll('c')
    .select([
      'm.number as matter_number',
      'o.name as org_name',
      'j.name as jurisdiction_name',
      'u.display_name as assignee_name',
    ])
    .select(MATTER_TITLE_SQL.as('title'))
    .where('c.id', '=', caseId)
    .executeTakeFirst();
  if (!c) throw errors.notFound('案件');
  const spec = TRACKS[c.track];
  const machine = spec.machine;
  // Sequential on purpose: PGlite serves one connection, where interleaved queries collide.
  const events = await db
    .selectFrom('case_event')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('seq')
    .execute();
  const claims = await db
    .selectFrom('case_claim as cc')
    .innerJoin('matter_claim as mc', 'mc.id', 'cc.claim_id')
    .select([
      'mc.id',
      'mc.type',
      'mc.amount_fen',
      'mc.facts',
      'mc.period_from',
      'mc.period_to',
      'cc.open',
      'cc.released_reason',
    ])
    .where('cc.case_id', '=', caseId)
    .orderBy('mc.sort')
    .execute();
  const clocks = await db
    .selectFrom('clock')
    .select(['id', 'rule_id', 'due_date', 'status', 'basis'])
    .where('subject_type', '=', 'case')
    .where('subject_id', '=', caseId)
    .orderBy('created_at')
    .execute();
  const barred = await barredStaff(db, c);
  const chain = await jurisdictionChain(db, c.jurisdiction_id);
  const roles = activeRolesIn(auth.grants, chain);
  const label = (s: string | null) => (s ? stateLabel(c.track, s) : null);
  const eventLabels = (machine?.events ?? {}) as Record<string, string>;
  const actions = machine && !c.closed ? availableEvents(machine, c.state, roles) : [];
  return {
    id: c.id,
    matterId: c.matter_id,
    matterNumber: c.matter_number,
    title: c.title,
    track: c.track,
    trackLabel: spec.label,
    number: c.number,
    state: c.state,
    stateLabel: stateLabel(c.track, c.state),
    closed: c.closed,
    version: c.version,
    organization: { id: c.organization_id, name: c.org_name },
    jurisdiction: { id: c.jurisdiction_id, name: c.jurisdiction_name },
    assignee: c.assignee_user_id ? { id: c.assignee_user_id, name: c.assignee_name ?? '' } : null,
    priorityFlags: priorityList(c.priority_flags),
    openedAt: new Date(c.opened_at).toISOString(),
    closedAt: c.closed_at ? new Date(c.closed_at).toISOString() : null,
    claims: claims.map((x) => ({
      id: x.id,
      type: x.type,
      typeLabel: claimLabel({ type: x.type, periodFrom: x.period_from, periodTo: x.period_to }),
      amountFen: x.amount_fen === null ? null : Number(x.amount_fen),
      facts: x.facts,
      open: x.open,
      releasedReason: x.released_reason,
    })),
    events: events.map((e) => ({
      seq: e.seq,
      event: e.event,
      eventLabel:
        e.event === 'open'
          ? '立案登记'
          : e.event === 'assign'
            ? '分配承办人'
            : (eventLabels[e.event] ?? e.event),
      fromState: e.from_state,
      fromLabel: label(e.from_state),
      toState: e.to_state,
      toLabel: label(e.to_state) ?? e.to_state,
      actorName: e.actor_name,
      role: e.role,
      at: new Date(e.at).toISOString(),
      reason: e.reason,
      payload: (e.payload ?? null) as Record<string, JsonValue> | null, // jsonb: what the step recorded
    })),
    clocks: clocks.map((k) => ({
      id: k.id,
      ruleId: k.rule_id,
      name: findRule(k.rule_id)?.name ?? k.rule_id,
      dueDate: k.due_date,
      status: k.status,
      basis: k.basis,
    })),
    availableEvents: actions.map((a) => ({
      event: a.event,
      label: a.label,
      to: a.to,
      toLabel: stateLabel(c.track, a.to),
      enabled: a.enabled,
      reason: a.reason,
      actForm: machine ? actForm(machine, a.event) : null,
    })),
    canAssign: !c.closed && roles.some((r) => canAssignAs(c.track, r)),
    barred,
  };
}

/** Cases of a matter (the matter page's panel). */
export async function listMatterCases(db: Kysely<DB>, matterId: string) {
  const rows = await db
    .selectFrom('track_case as c')
    .leftJoin('app_user as u', 'u.id', 'c.assignee_user_id')
    .innerJoin('organization as o', 'o.id', 'c.organization_id')
    .select([
      'c.id',
      'c.track',
      'c.number',
      'c.state',
      'c.closed',
      'c.opened_at',
      'c.version',
      'u.display_name',
      'o.name as org_name',
    ])
    .select((eb) =>
      eb
        .selectFrom('clock')
        .select((e) => e.fn.min('due_date').as('d'))
        .whereRef('clock.subject_id', '=', 'c.id')
        .where('clock.subject_type', '=', 'case')
        .where('clock.status', 'in', ['running', 'extended'])
        .as('due_date'),
    )
    .select(
      sql<
        string[] | null
      >`(SELECT array_agg(cc.claim_id) FROM case_claim cc WHERE cc.case_id = c.id AND cc.open)`.as(
        'open_claim_ids',
      ),
    )
    .where('c.matter_id', '=', matterId)
    .orderBy('c.opened_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    track: r.track,
    trackLabel: TRACKS[r.track].label,
    number: r.number,
    state: r.state,
    stateLabel: stateLabel(r.track, r.state),
    closed: r.closed,
    version: r.version,
    assigneeName: r.display_name,
    organizationName: r.org_name,
    openedAt: new Date(r.opened_at).toISOString(),
    dueDate: (r.due_date as string | null) ?? null,
    openClaimIds: r.open_claim_ids ?? [],
  }));
}
