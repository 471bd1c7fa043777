import { approvalsView, holdsApprovingPost } from './inspection.approvals';
import { availableEvents, CLAIM_CATALOGUE, findRule, inspectionMachine, isClaimType } from '@onestop/domain';
import { inspectionStepVerdicts } from './inspection.procedure';
import { sql } from 'kysely';
import type { AppContext } from '../../platform/context';
import type { Actor } from '../../platform/audit';
import type { AuthContext } from '../../platform/auth';
import { canAssignAs } from '../cases';
import { isHandlingInspector, loadInspectionCase, reporterFor, rolesOnCase } from './inspection.access';
import { SOURCE_LABELS } from './inspection.closing';
import { penaltyView } from './inspection.hearing';
import { handlingInspectors } from './inspection.investigation';

const DECISION_LABELS = {
  accepted: '受理并立案',
  time_barred: '不予受理（超过二年）',
  dispute_procedure: '不予受理（告知走争议程序）',
  jurisdiction: '不予受理（告知有管辖权的部门）',
  not_inspection: '非监察事项，已转办',
} as const;

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/**
 * The inspection case as the work area shows it. The reporter's identity is included only for a
 * handling inspector (reporterFor: query + role check + audit); everyone else sees that it is withheld.
 * `actions` are ONLY the machine events this user may take now (plus the module's own operations).
 */
export async function loadInspectionDetail(ctx: AppContext, auth: AuthContext, actor: Actor, caseId: string) {
  const { db } = ctx.database;
  const { c, ext } = await loadInspectionCase(db, auth, caseId);
  const matter = await db
    .selectFrom('matter')
    .select(['number', 'narrative', 'request_kind'])
    .where('id', '=', c.matter_id)
    .executeTakeFirstOrThrow();
  const parties = await db
    .selectFrom('matter_party as mp')
    .innerJoin('party as p', 'p.id', 'mp.party_id')
    .select(['p.id', 'p.name', 'p.credit_code', 'mp.role'])
    .where('mp.matter_id', '=', c.matter_id)
    .orderBy('mp.sort')
    .execute();
  const claims = await db
    .selectFrom('case_claim as cc')
    .innerJoin('matter_claim as mc', 'mc.id', 'cc.claim_id')
    .select(['mc.id', 'mc.type', 'mc.facts', 'mc.amount_fen', 'cc.open'])
    .where('cc.case_id', '=', c.id)
    .orderBy('mc.sort')
    .execute();
  const inspectors = await handlingInspectors(ctx, c.id);
  const records = await db
    .selectFrom('inspection_record')
    .selectAll()
    .where('case_id', '=', c.id)
    .orderBy('created_at')
    .execute();
  const requests = await db
    .selectFrom('inspection_request')
    .selectAll()
    .where('case_id', '=', c.id)
    .orderBy('created_at')
    .execute();
  const outcomes = await db
    .selectFrom('inspection_outcome')
    .selectAll()
    .where('case_id', '=', c.id)
    .orderBy('created_at')
    .execute();
  const clocks = await db
    .selectFrom('clock')
    .select(['id', 'rule_id', 'due_date', 'status'])
    .where('subject_type', '=', 'case')
    .where('subject_id', '=', c.id)
    .orderBy('created_at')
    .execute();
  const documents = await db
    .selectFrom('document')
    .select(['id', 'type', 'title', 'number', 'state', 'short_code'])
    .where('subject_type', '=', 'case')
    .where('subject_id', '=', c.id)
    .orderBy('created_at')
    .execute();
  const roles = await rolesOnCase(db, auth, c.jurisdiction_id);
  const handler = await isHandlingInspector(db, auth, c);
  const reporterRow = await db
    .selectFrom('inspection_reporter')
    .select(['anonymous'])
    .where('case_id', '=', c.id)
    .executeTakeFirst();
  const reporter = reporterRow ? await reporterFor(ctx, auth, actor, c) : null;
  const leader = roles.includes('leader');
  const decider = handler || leader;
  const offered = availableEvents(inspectionMachine, c.state as never, roles);
  // Each offered step with its procedure verdict (hearing window, hearing held, 法制审核): the page
  // disables a step whose legal preconditions are unmet and says why, with the earliest date.
  const judged = await inspectionStepVerdicts(
    ctx,
    db,
    c.id,
    offered.map((e) => e.event),
    await holdsApprovingPost(db, auth, c, 'filing'),
  );
  const events = offered.map((e) => ({
    event: e.event,
    label: e.label,
    to: e.to,
    allowed: judged[e.event]!.allowed,
    unmet: judged[e.event]!.unmet,
  }));
  const canAct = (ev: string) => events.some((e) => e.event === ev);
  const penalty = await penaltyView(ctx, db, c, decider);
  const approvals = await approvalsView(db, auth, c);
  const pendingKinds = new Set(approvals.filter((a) => a.state === 'pending').map((a) => a.kind));
  const employer = parties.find((p) => p.role === 'employer');
  return {
    id: c.id,
    number: c.number,
    matterId: c.matter_id,
    matterNumber: matter.number,
    narrative: matter.narrative,
    state: c.state,
    stateLabel: (inspectionMachine.states as Record<string, string>)[c.state] ?? c.state,
    closed: c.closed,
    version: c.version,
    source: ext?.source ?? 'complaint',
    sourceLabel: SOURCE_LABELS[ext?.source ?? 'complaint'],
    receivedOn: ext?.received_on ?? null,
    violationEndedOn: ext?.violation_ended_on ?? null,
    filedOn: ext?.filed_on ?? null,
    decision: ext?.decision ?? null,
    decisionLabel: ext?.decision ? DECISION_LABELS[ext.decision] : null,
    decisionReason: ext?.decision_reason ?? null,
    referralTo: ext?.referral_to ?? null,
    extended: ext?.extended ?? false,
    campaignId: ext?.campaign_id ?? null,
    employer: employer ? { id: employer.id, name: employer.name, creditCode: employer.credit_code } : null,
    complainant:
      ext?.source === 'complaint' ? (parties.find((p) => p.role === 'worker')?.name ?? null) : null,
    reporter: reporterRow
      ? reporter
        ? { withheld: false as const, ...reporter }
        : {
            withheld: true as const,
            anonymous: null,
            note: '举报人信息依法保密，仅本案承办监察员可见（《劳动保障监察条例》第九条第三款）',
          }
      : null,
    violations: claims.map((x) => ({
      id: x.id,
      type: x.type,
      label: isClaimType(x.type) ? CLAIM_CATALOGUE[x.type].label : x.type,
      facts: x.facts,
      amountFen: x.amount_fen === null ? null : Number(x.amount_fen),
      open: x.open,
    })),
    inspectors,
    records: records.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      content: r.content,
      occurredOn: r.occurred_on,
      place: r.place,
      interviewee: r.interviewee,
      inspectorIds: r.inspector_ids,
      dueDate: r.due_date,
      documentId: r.document_id,
      doneAt: iso(r.done_at),
      createdAt: iso(r.created_at),
    })),
    requests: requests.map((r) => ({
      id: r.id,
      materials: r.materials,
      deadline: r.deadline,
      issuedOn: r.issued_on,
      receivedOn: r.received_on,
      note: r.note,
      attendTime: r.attend_time,
      place: r.place,
      documentId: r.document_id,
    })),
    outcomes: outcomes.map((o) => ({
      id: o.id,
      kind: o.kind,
      summary: o.summary,
      deadline: o.deadline,
      amountFen: o.amount_fen === null ? null : Number(o.amount_fen),
      ratePercent: o.rate_percent,
      fineFen: o.fine_fen === null ? null : Number(o.fine_fen),
      hearingDeadline: o.hearing_deadline,
      complied: o.complied,
      checkedOn: o.checked_on,
      documentId: o.document_id,
      createdAt: iso(o.created_at),
    })),
    clocks: clocks.map((k) => ({
      id: k.id,
      ruleId: k.rule_id,
      name: findRule(k.rule_id)?.name ?? k.rule_id,
      dueDate: k.due_date,
      status: k.status,
    })),
    documents: documents.map((d) => ({
      id: d.id,
      type: d.type,
      title: d.title,
      number: d.number,
      state: d.state,
      shortCode: d.short_code,
    })),
    penalty,
    approvals,
    events,
    actions: {
      // 报请负责人审批 (issue #13): a handling inspector asks; the 负责人 decides on the case page or 工作台.
      // 报请立案审批: an inspector (not the approver) where the inspection body requires it and the
      // 立案 waits for it (the 受理并立案 step shows the unmet 立案审批 until then).
      requestFiling:
        c.state === 'registered' &&
        !leader &&
        roles.includes('inspector') &&
        !pendingKinds.has('filing') &&
        events.some((e) => e.event === 'accept' && !e.allowed),
      requestExtension:
        handler &&
        !leader &&
        c.state === 'investigating' &&
        !(ext?.extended ?? false) &&
        !pendingKinds.has('extension'),
      accept: canAct('accept'),
      refuse: canAct('inform') || canAct('reject'),
      assignInspectors: !c.closed && roles.some((r) => canAssignAs('inspection', r)),
      startInvestigation: c.state === 'filed' && handler,
      record: handler && ['investigating', 'ordered', 'pre_decision'].includes(c.state),
      request: handler && c.state === 'investigating',
      extend: canAct('extend_investigation'),
      order: decider && canAct('order_correction'),
      check: decider && c.state === 'ordered',
      proposePenalty: decider && (canAct('propose_penalty') || canAct('escalate_to_penalty')),
      decidePenalty: canAct('decide_penalty'),
      withdraw: decider && canAct('withdraw_case') && !pendingKinds.has('revocation'),
      endInvestigation: decider && canAct('end_investigation') && !pendingKinds.has('revocation'),
      refer: decider && ['filed', 'investigating', 'ordered'].includes(c.state),
      close: decider && canAct('close') && !pendingKinds.has('closing'),
    },
    isHandlingInspector: handler,
  };
}

/** The inspection queue: open (or all) inspection cases in the user's scope; never the reporter. */
export async function listInspectionCases(
  ctx: AppContext,
  auth: AuthContext,
  scope: string[],
  q: { state?: string | undefined; mine?: boolean },
) {
  if (!scope.length) return [];
  let query = ctx.database.db
    .selectFrom('track_case as c')
    .innerJoin('matter as m', 'm.id', 'c.matter_id')
    .leftJoin('inspection_case as ic', 'ic.case_id', 'c.id')
    .leftJoin('party as e', 'e.id', 'ic.employer_party_id')
    .select([
      'c.id',
      'c.number',
      'c.state',
      'c.closed',
      'c.opened_at',
      'm.number as matter_number',
      'ic.source',
      'ic.received_on',
      'e.name as employer_name',
    ])
    .select(
      sql<
        string | null
      >`(SELECT min(k.due_date)::text FROM clock k WHERE k.subject_type = 'case' AND k.subject_id = c.id AND k.status IN ('running','extended'))`.as(
        'next_due',
      ),
    )
    .where('c.track', '=', 'inspection')
    .where('c.jurisdiction_id', 'in', scope);
  if (q.state) query = query.where('c.state', '=', q.state);
  if (q.mine) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('inspection_inspector as ii')
          .select('ii.user_id')
          .whereRef('ii.case_id', '=', 'c.id')
          .where('ii.user_id', '=', auth.userId)
          .where('ii.removed_at', 'is', null),
      ),
    );
  }
  const rows = await query.orderBy('c.closed').orderBy('c.opened_at', 'desc').limit(200).execute();
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    matterNumber: r.matter_number,
    state: r.state,
    stateLabel: (inspectionMachine.states as Record<string, string>)[r.state] ?? r.state,
    closed: r.closed,
    source: r.source,
    sourceLabel: r.source ? SOURCE_LABELS[r.source] : '—',
    employerName: r.employer_name,
    receivedOn: r.received_on,
    nextDue: r.next_due,
  }));
}
