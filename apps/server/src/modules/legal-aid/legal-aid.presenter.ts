import { availableEvents, daysBetween, legalAidMachine } from '@onestop/domain';
import type { AppContext } from '../../platform/context';
import type { AuthContext } from '../../platform/auth';
import { errors } from '../../platform/errors';
import { activeRolesIn, assertCaseVisible, jurisdictionChain } from '../cases';
import { stateLabel } from '../cases';
import { OPEN_STATUSES } from '../clocks';

/** A referral as the API shows it: screening flags, the 转介函, decision, lawyer, allowed actions. */
export async function presentReferral(ctx: AppContext, id: string, auth: AuthContext) {
  const { db } = ctx.database;
  const r = await db
    .selectFrom('legal_aid_referral as r')
    .innerJoin('track_case as c', 'c.id', 'r.case_id')
    .innerJoin('matter as m', 'm.id', 'r.matter_id')
    .leftJoin('document as d', 'd.id', 'r.referral_document_id')
    .selectAll('r')
    .select([
      'c.number as case_number',
      'c.state',
      'c.version as case_version',
      'c.closed',
      'c.jurisdiction_id',
      'm.number as matter_number',
    ])
    .select(['d.number as doc_number', 'd.state as doc_state'])
    .where('r.id', '=', id)
    .executeTakeFirst();
  if (!r) throw errors.notFound('法律援助转介');
  const clock = await db
    .selectFrom('clock')
    .select('due_date')
    .where('subject_type', '=', 'case')
    .where('subject_id', '=', r.case_id)
    .where('rule_id', '=', 'legal-aid.decision')
    .where('status', 'in', OPEN_STATUSES)
    .executeTakeFirst();
  const roles = activeRolesIn(auth.grants, await jurisdictionChain(db, r.jurisdiction_id));
  const events = r.closed
    ? []
    : availableEvents(legalAidMachine, r.state as never, roles).map((e) => e.event as string);
  const actions = events.flatMap((e) => {
    if (e === 'grant' || e === 'refuse' || e === 'provide_urgent_aid') return ['decide'];
    if (e === 'assign_lawyer') return ['lawyer'];
    if (e === 'close') return ['result'];
    return [e];
  });
  if (r.state === 'provisional_aid' && !r.lawyer_name && roles.includes('legal_aid_liaison'))
    actions.push('lawyer');
  return {
    id: r.id,
    matter: { id: r.matter_id, number: r.matter_number },
    case: {
      id: r.case_id,
      number: r.case_number,
      state: r.state,
      stateLabel: stateLabel('legal_aid', r.state),
      version: r.case_version,
      closed: r.closed,
    },
    applicantName: r.applicant_name,
    claimTypes: r.claim_types,
    meansTestExempt: r.means_test_exempt,
    exemptionReason: r.exemption_reason,
    economicHardship: r.economic_hardship,
    urgent: r.urgent,
    daysLeft: r.days_left,
    urgentMeasureNeeded: r.urgent_measure_needed,
    reason: r.reason,
    referralDocument: r.referral_document_id
      ? { id: r.referral_document_id, number: r.doc_number, state: r.doc_state ?? 'pending' }
      : null,
    decision: r.decision,
    decidedOn: r.decided_on,
    refusalReason: r.refusal_reason,
    lawyerName: r.lawyer_name,
    lawFirm: r.law_firm,
    assignedOn: r.assigned_on,
    assignedLate: Boolean(r.decided_on && r.assigned_on && daysBetween(r.decided_on, r.assigned_on) > 3),
    result: r.result,
    decisionDue: clock?.due_date ?? null,
    actions: [...new Set(actions)],
    createdAt: new Date(r.created_at).toISOString(),
  };
}

export type ReferralView = Awaited<ReturnType<typeof presentReferral>>;

export async function loadVisible(ctx: AppContext, auth: AuthContext, id: string) {
  const r = await presentReferral(ctx, id, auth);
  await assertCaseVisible(ctx.database.db, auth, r.case.id);
  return r;
}
