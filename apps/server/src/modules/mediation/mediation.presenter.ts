import { availableEvents, type RoleCode, WORKFLOW_MACHINES } from '@onestop/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { AuthContext } from '../../platform/auth';
import { activeRolesIn, jurisdictionChain } from '../cases';
import { MEDIATION_DESK } from './mediation.common';
import { BASIS, claimTypeLabel, itemOutcome, whoMediates } from './mediation.rules';
import { loadCriteria } from './mediation.settings';
import type { employerConsentSchema, workerConsentSchema } from './mediation.schema';
import { ORGANIZATION_KIND_LABELS, type OrganizationKind } from './mediation.tables';
import type { z } from 'zod';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** Actions the panel shows (each is also checked by the server): the machine's events + the module's own. */
function actionsFor(
  state: string,
  roles: RoleCode[],
  m: { referral_state: string | null },
  itemsOpen: number,
  itemsAgreed: number,
  itemsTotal: number,
) {
  const machine = WORKFLOW_MACHINES.mediation;
  const events = availableEvents(machine, state as never, roles, {
    bothPartiesConsent: true,
    itemsTotal,
    itemsAgreed,
    agreementSigned: true,
    performanceDeadlinePassed: true,
    withdrawalReason: 'x',
    daysSinceReceipt: 99,
  });
  const has = (e: string) => events.some((x) => x.event === e);
  const desk = roles.some((r) => MEDIATION_DESK.includes(r));
  const open = ['registered', 'proposal_sent', 'session_scheduled', 'in_session'].includes(state);
  const mediator = roles.some((r) => ['mediator', 'union_liaison', 'court_liaison'].includes(r));
  const actions: string[] = [];
  if (has('send_proposal')) actions.push('proposal');
  if (desk && ['proposal_sent', 'session_scheduled', 'in_session'].includes(state)) actions.push('reply');
  if (has('schedule_session') || has('adjourn')) actions.push('session');
  if (desk && ['session_scheduled', 'in_session'].includes(state)) actions.push('record');
  if (
    mediator &&
    open &&
    state !== 'session_scheduled' &&
    itemsTotal > 0 &&
    itemsOpen === 0 &&
    itemsAgreed > 0
  )
    actions.push('agreement');
  if (mediator && open && state !== 'session_scheduled') actions.push('fail');
  if (has('respondent_refuses')) actions.push('respondent_refuses');
  if (has('no_show')) actions.push('no_show');
  if (has('period_expired')) actions.push('period_expired');
  if (has('withdraw')) actions.push('withdraw');
  if (has('perform')) actions.push('performance');
  if (desk && ['agreed', 'partially_agreed', 'performed'].includes(state)) actions.push('followup');
  if (desk && m.referral_state === 'pending') actions.push('referral');
  return actions;
}

export async function loadMediationDetail(db: Kysely<DB>, caseId: string, auth: AuthContext) {
  const c = await db.selectFrom('track_case').selectAll().where('id', '=', caseId).executeTakeFirstOrThrow();
  const m = await db
    .selectFrom('mediation_case')
    .selectAll()
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  const machine = WORKFLOW_MACHINES.mediation;
  const roles = activeRolesIn(auth.grants, await jurisdictionChain(db, c.jurisdiction_id));
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
  const items = await db
    .selectFrom('mediation_proposal_item')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('sort')
    .execute();
  const sessions = await db
    .selectFrom('mediation_session')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('starts_at')
    .execute();
  const followups = await db
    .selectFrom('mediation_followup')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .execute();
  const docs = await db
    .selectFrom('document')
    .select(['id', 'type', 'title', 'number', 'state', 'short_code'])
    .where('subject_type', '=', 'case')
    .where('subject_id', '=', caseId)
    .orderBy('created_at')
    .execute();
  const clocks = await db
    .selectFrom('clock')
    .select(['id', 'rule_id', 'due_date', 'status', 'basis'])
    .where('subject_type', '=', 'case')
    .where('subject_id', '=', caseId)
    .orderBy('created_at')
    .execute();
  const org = m?.organization_id
    ? await db
        .selectFrom('mediation_organization')
        .selectAll()
        .where('id', '=', m.organization_id)
        .executeTakeFirst()
    : undefined;
  const arb = m?.arbitration_case_id
    ? await db
        .selectFrom('track_case')
        .select(['id', 'number', 'state'])
        .where('id', '=', m.arbitration_case_id)
        .executeTakeFirst()
    : undefined;
  const itemViews = items.map((i) => {
    const claim = claims.find((cl) => cl.id === i.claim_id);
    return {
      claimId: i.claim_id,
      claimType: claim?.type ?? '',
      claimLabel: claim ? claimTypeLabel(claim) : '',
      claimedFen: claim?.amount_fen ?? null,
      proposedFen: i.proposed_fen,
      reason: i.reason,
      formula: i.formula,
      basis: i.basis,
      workerReply: i.worker_reply,
      employerReply: i.employer_reply,
      outcome: itemOutcome(i.worker_reply, i.employer_reply),
      inCase: claim?.open ?? false,
    };
  });
  const inCase = itemViews.filter((i) => i.inCase);
  return {
    id: c.id,
    matterId: c.matter_id,
    number: c.number,
    state: c.state,
    stateLabel: (machine.states as Record<string, string>)[c.state] ?? c.state,
    closed: c.closed,
    version: c.version,
    // jsonb in the shapes documented by mediation.schema.ts (consentRecord; the employer's reply/session).
    consent: (m?.consent ?? null) as z.infer<typeof workerConsentSchema> | null,
    employerConsent: (m?.employer_consent ?? null) as z.infer<typeof employerConsentSchema> | null,
    handledBy: m?.handled_by ?? null,
    handlingReasons: (m?.handling_reasons as string[] | undefined) ?? [],
    organization: org
      ? {
          id: org.id,
          name: org.name,
          kindLabel: ORGANIZATION_KIND_LABELS[org.kind as OrganizationKind],
          phone: org.phone,
        }
      : null,
    referralState: m?.referral_state ?? null,
    mediator: m ? { name: m.mediator_name, contact: m.mediator_contact } : null,
    replyDeadline: m?.reply_deadline ?? null,
    performanceDate: m?.performance_date ?? null,
    agreementSignedAt: iso(m?.agreement_signed_at ?? null),
    claims: claims.map((cl) => ({
      id: cl.id,
      type: cl.type,
      label: claimTypeLabel(cl),
      amountFen: cl.amount_fen,
      facts: cl.facts,
      open: cl.open,
      releasedReason: cl.released_reason,
    })),
    items: itemViews,
    sessions: sessions.map((s) => ({
      id: s.id,
      startsAt: new Date(s.starts_at).toISOString(),
      room: s.room,
      joint: s.joint,
      mediators: s.mediators as { name: string; agency: string }[],
      participants: s.participants as string[],
      record: s.record,
      status: s.status,
    })),
    followups: followups.map((f) => ({
      id: f.id,
      kind: f.kind,
      body: f.body,
      filedOn: f.filed_on,
      result: f.result,
      resultOn: f.result_on,
      note: f.note,
      version: f.version,
      claimIds: f.claim_ids,
    })),
    documents: docs.map((d) => ({
      id: d.id,
      type: d.type,
      title: d.title,
      number: d.number,
      state: d.state,
      shortCode: d.short_code,
    })),
    clocks: clocks.map((k) => ({
      id: k.id,
      ruleId: k.rule_id,
      dueDate: k.due_date,
      status: k.status,
      basis: k.basis,
    })),
    arbitrationCase: arb ? { id: arb.id, number: arb.number, state: arb.state } : null,
    allowedActions: m
      ? actionsFor(
          c.state,
          roles,
          m,
          inCase.filter((i) => i.outcome === 'open').length,
          inCase.filter((i) => i.outcome === 'agreed').length,
          inCase.length,
        )
      : [],
  };
}

/** The matter's mediation overview: consent on record, the "who mediates" preview, the cases. */
export async function loadMatterMediation(db: Kysely<DB>, matterId: string, auth: AuthContext) {
  const matter = await db
    .selectFrom('matter')
    .select(['id', 'mediation_consent', 'jurisdiction_id'])
    .where('id', '=', matterId)
    .executeTakeFirstOrThrow();
  const cases = await db
    .selectFrom('track_case')
    .select('id')
    .where('matter_id', '=', matterId)
    .where('track', '=', 'mediation')
    .orderBy('opened_at')
    .execute();
  const free = await db
    .selectFrom('matter_claim as mc')
    .select(['mc.id', 'mc.type', 'mc.amount_fen', 'mc.track', 'mc.period_from', 'mc.period_to'])
    .where('mc.matter_id', '=', matterId)
    .where('mc.status', 'in', ['pending', 'routed'])
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('case_claim as cc')
            .select('cc.claim_id')
            .whereRef('cc.claim_id', '=', 'mc.id')
            .where('cc.open', '=', true),
        ),
      ),
    )
    .orderBy('mc.sort')
    .execute();
  const employers = await db
    .selectFrom('matter_party')
    .select('party_id')
    .where('matter_id', '=', matterId)
    .where('role', '=', 'employer')
    .execute();
  const criteria = await loadCriteria(db);
  const totalFen = free.reduce((s, c) => s + (c.amount_fen ?? 0), 0);
  const roles = activeRolesIn(auth.grants, await jurisdictionChain(db, matter.jurisdiction_id));
  const consent = (matter.mediation_consent ?? null) as z.infer<typeof workerConsentSchema> | null;
  return {
    consent,
    refusal: consent && !consent.given ? await refusalView(db, matterId, consent) : null,
    canStart: free.length > 0 && roles.some((r) => ['intake_clerk', 'mediator', 'union_liaison'].includes(r)),
    freeClaims: free.map((c) => ({
      id: c.id,
      type: c.type,
      label: claimTypeLabel(c),
      amountFen: c.amount_fen,
      track: c.track,
    })),
    whoMediates: whoMediates({ totalFen, factsUndisputed: true, employerCount: employers.length }, criteria),
    criteria,
    cases: await Promise.all(cases.map((c) => loadMediationDetail(db, c.id, auth))),
  };
}

/**
 * The worker refused mediation (《劳动争议调解仲裁法》第三条: mediation is voluntary): who, when, how,
 * and what came of it — the claims go to arbitration (第五条), so the arbitration case of the matter
 * is named when it exists.
 */
async function refusalView(db: Kysely<DB>, matterId: string, consent: z.infer<typeof workerConsentSchema>) {
  const arb = await db
    .selectFrom('track_case')
    .select(['id', 'number', 'state'])
    .where('matter_id', '=', matterId)
    .where('track', '=', 'arbitration')
    .orderBy('opened_at', 'desc')
    .executeTakeFirst();
  const stateLabel = arb
    ? ((WORKFLOW_MACHINES.arbitration.states as Record<string, string>)[arb.state] ?? arb.state)
    : '';
  return {
    workerName: consent.workerName,
    methodLabel: consent.methodLabel,
    recordedByName: consent.recordedByName,
    at: consent.at,
    note: consent.note,
    next: arb
      ? `请求事项已转入仲裁：${arb.number}（${stateLabel}）`
      : '未调解；劳动者可以直接向劳动人事争议仲裁委员会申请仲裁',
    basis: BASIS.refusal,
    arbitrationCase: arb ? { id: arb.id, number: arb.number, state: arb.state, stateLabel } : null,
  };
}
