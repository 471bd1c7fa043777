import { partyNoticesOf, simplifiedOptions } from './arbitration.simplified';
import {
  CONSENT_ACT_LABELS,
  collectiveNoticeStatus,
  consentsOf,
  representedWorkers,
} from './arbitration.collective';
import { ARBITRATION_EVENT_LABELS, WORKFLOW_MACHINES } from '@onestop/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { AuthContext } from '../../platform/auth';
import type { AppContext } from '../../platform/context';
import { activeRolesIn, jurisdictionChain } from '../cases';
import { stateLabel } from '../cases';
import { loadApplication } from './arbitration.data';
import { arbitrationStepVerdicts } from './arbitration.procedure';
import type { AwardItem } from './arbitration.responses';
import { type CheckItem, SAME_DAY_LABELS } from './arbitration.review';
import { tribunalOf } from './arbitration.tribunal';

type Exec = Kysely<DB>;

/** The arbitration work view of one case (parties by name and role only: no personal data here). */
export async function presentCase(ctx: AppContext, caseId: string, auth: AuthContext) {
  const db: Exec = ctx.database.db;
  const d = await loadApplication(db, caseId);
  const simplifiedOpts = await simplifiedOptions(db, caseId);
  const [collectiveNotice, consents, partyNotices] = await Promise.all([
    collectiveNoticeStatus(db, d),
    consentsOf(db, caseId),
    partyNoticesOf(db, caseId),
  ]);
  const [tribunal, hearings, records, awards, documents, clocks] = await Promise.all([
    tribunalOf(db, caseId),
    db
      .selectFrom('hearing as h')
      .innerJoin('hearing_room as r', 'r.id', 'h.room_id')
      .select(['h.id', 'h.starts_at', 'h.ends_at', 'h.state', 'h.postponed_reason', 'r.name', 'h.room_id'])
      .where('h.case_id', '=', caseId)
      .orderBy('h.starts_at')
      .execute(),
    db
      .selectFrom('arbitration_record')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('arbitration_award')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('document')
      .select(['id', 'type', 'title', 'number', 'state', 'issued_date'])
      .where('subject_type', '=', 'case')
      .where('subject_id', '=', caseId)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('clock')
      .select(['id', 'rule_id', 'status', 'due_date', 'trigger_date', 'extension_approver', 'suspended_days'])
      .where('subject_type', '=', 'case')
      .where('subject_id', '=', caseId)
      .orderBy('created_at')
      .execute(),
  ]);
  const machine = WORKFLOW_MACHINES.arbitration;
  const roles = activeRolesIn(auth.grants, await jurisdictionChain(db, d.c.jurisdiction_id));
  const events = machine.transitions
    .filter((t) => t.from === d.c.state && t.roles.some((r) => roles.includes(r)))
    .map((t) => ({
      event: t.event,
      label: ARBITRATION_EVENT_LABELS[t.event as keyof typeof ARBITRATION_EVENT_LABELS] ?? t.event,
    }));
  // Steps after the hearing, shown (disabled, with why) while the hearing is still ahead.
  const upcoming =
    d.c.state === 'hearing_scheduled' && roles.includes('arbitrator') ? (['mediate', 'award'] as const) : [];
  const judged = await arbitrationStepVerdicts(ctx, db, caseId, [...events.map((e) => e.event), ...upcoming]);
  const verdictOf = (event: string) => {
    const v = judged.verdicts[event]!;
    return { allowed: v.allowed, unmet: v.unmet };
  };
  return {
    caseId,
    number: d.c.number,
    matterId: d.c.matter_id,
    matterNumber: d.matter.number,
    state: d.c.state,
    stateLabel: stateLabel('arbitration', d.c.state),
    closed: d.c.closed,
    version: d.c.version,
    collective: d.matter.collective,
    collectiveContract: d.matter.collective_contract,
    collectiveNotice,
    representedWorkers: representedWorkers(d).map((w) => ({ partyId: w.partyId, name: w.name })),
    consents: consents.map((x) => ({
      id: x.id,
      act: x.act,
      actLabel: CONSENT_ACT_LABELS[x.act],
      partyIds: x.party_ids,
      names: x.party_names,
      signedOn: x.signed_on,
      documentRef: x.document_ref,
      note: x.note,
      by: x.recorded_by_name,
      at: x.created_at.toISOString(),
    })),
    partyNotices,
    workerCount: d.matter.worker_count,
    sameDayCategory: d.app.same_day_category,
    sameDayLabel: d.app.same_day_category ? SAME_DAY_LABELS[d.app.same_day_category] : null,
    receivedAt: d.app.received_at.toISOString(),
    parties: d.parties.map((p) => ({
      partyId: p.partyId,
      role: p.role,
      name: p.name,
      representative: p.representative,
    })),
    claims: d.claims,
    facts: d.app.facts,
    evidence: d.evidence,
    witnesses: d.app.witnesses as { name: string; address: string }[],
    materials: d.materials,
    copiesSubmitted: d.app.copies_submitted,
    applicantSigned: d.app.applicant_signed,
    performancePlace: d.app.performance_place,
    employerDomicile: d.app.employer_domicile,
    withinJurisdiction: d.app.within_jurisdiction,
    representatives: d.app.representatives as { name: string }[],
    simplified: d.app.simplified,
    simplifiedGrounds: d.app.simplified_grounds,
    simplifiedOptions: simplifiedOpts,
    checklist: d.app.checklist as CheckItem[],
    missingItems: d.app.missing_items,
    correctionDeadline: d.app.correction_deadline,
    rejectionReason: d.app.rejection_reason,
    competentCommission: d.app.competent_commission,
    redirectExplanation: d.app.redirect_explanation,
    outcome: d.app.outcome,
    outcomeAmountFen: d.app.outcome_amount_fen === null ? null : Number(d.app.outcome_amount_fen),
    tribunal: tribunal.map((t) => ({
      userId: t.user_id,
      role: t.role,
      side: t.side,
      name: t.display_name,
    })),
    hearings: hearings.map((h) => ({
      id: h.id,
      roomId: h.room_id,
      room: h.name,
      startsAt: h.starts_at.toISOString(),
      endsAt: h.ends_at.toISOString(),
      state: h.state,
      postponedReason: h.postponed_reason,
    })),
    records: records.map((r) => ({
      id: r.id,
      kind: r.kind,
      summary: r.summary,
      by: r.created_by_name,
      at: r.created_at.toISOString(),
    })),
    awards: awards.map((a) => ({
      id: a.id,
      items: a.items as AwardItem[],
      minimumWageFen: Number(a.minimum_wage_fen),
      finalDocumentId: a.final_document_id,
      nonFinalDocumentId: a.non_final_document_id,
    })),
    documents: documents.map((x) => ({
      id: x.id,
      type: x.type,
      title: x.title,
      number: x.number,
      state: x.state,
      issuedDate: x.issued_date,
    })),
    clocks: clocks.map((k) => ({
      id: k.id,
      ruleId: k.rule_id,
      status: k.status,
      dueDate: k.due_date,
      triggerDate: k.trigger_date,
      extensionApprover: k.extension_approver,
      suspendedDays: k.suspended_days,
    })),
    /** Each offered step with its procedure verdict: `allowed`, and the unmet legal preconditions. */
    availableEvents: events.map((e) => ({ ...e, ...verdictOf(e.event) })),
    procedure: {
      earliestHearingDate: judged.earliestHearingDate,
      upcoming: upcoming.map((event) => ({
        event,
        label: ARBITRATION_EVENT_LABELS[event],
        ...verdictOf(event),
      })),
    },
  };
}
export type CaseView = Awaited<ReturnType<typeof presentCase>>;

/** Arbitration cases of the given jurisdictions (work area queue), newest first. */
export async function listCases(
  db: Exec,
  jurisdictionIds: string[],
  opts: { matterId?: string | undefined; open?: boolean | undefined },
) {
  if (!jurisdictionIds.length) return [];
  let q = db
    .selectFrom('track_case as tc')
    .innerJoin('arbitration_application as a', 'a.case_id', 'tc.id')
    .innerJoin('matter as m', 'm.id', 'tc.matter_id')
    .select([
      'tc.id',
      'tc.number',
      'tc.state',
      'tc.closed',
      'tc.opened_at',
      'tc.matter_id',
      'm.number as matter_number',
      'a.same_day_category',
    ])
    .where('tc.jurisdiction_id', 'in', jurisdictionIds)
    .orderBy('tc.opened_at', 'desc')
    .limit(200);
  if (opts.matterId) q = q.where('tc.matter_id', '=', opts.matterId);
  if (opts.open) q = q.where('tc.closed', '=', false);
  const rows = await q.execute();
  return rows.map((r) => ({
    caseId: r.id,
    number: r.number,
    state: r.state,
    stateLabel: stateLabel('arbitration', r.state),
    closed: r.closed,
    openedAt: r.opened_at.toISOString(),
    matterId: r.matter_id,
    matterNumber: r.matter_number,
    sameDayCategory: r.same_day_category,
    sameDayLabel: r.same_day_category ? SAME_DAY_LABELS[r.same_day_category] : null,
  }));
}

/** The room calendar (rooms × days) of the user's jurisdictions. */
export async function calendar(db: Exec, jurisdictionIds: string[], from: Date, to: Date) {
  if (!jurisdictionIds.length) return { rooms: [], hearings: [] };
  const rooms = await db
    .selectFrom('hearing_room')
    .select(['id', 'name', 'location', 'jurisdiction_id'])
    .where('active', '=', true)
    .where('jurisdiction_id', 'in', jurisdictionIds)
    .orderBy('sort')
    .execute();
  const hearings = rooms.length
    ? await db
        .selectFrom('hearing as h')
        .innerJoin('track_case as tc', 'tc.id', 'h.case_id')
        .select([
          'h.id',
          'h.case_id',
          'h.room_id',
          'h.starts_at',
          'h.ends_at',
          'h.state',
          'h.arbitrator_ids',
          'tc.number',
        ])
        .where(
          'h.room_id',
          'in',
          rooms.map((r) => r.id),
        )
        .where('h.starts_at', '<', to)
        .where('h.ends_at', '>', from)
        .orderBy('h.starts_at')
        .execute()
    : [];
  return {
    rooms: rooms.map((r) => ({ id: r.id, name: r.name, location: r.location })),
    hearings: hearings.map((h) => ({
      id: h.id,
      caseId: h.case_id,
      caseNumber: h.number,
      roomId: h.room_id,
      startsAt: h.starts_at.toISOString(),
      endsAt: h.ends_at.toISOString(),
      state: h.state,
      arbitratorIds: h.arbitrator_ids,
    })),
  };
}
