import { availableEvents, findRule, maskPhone, petitionMachine } from '@onestop/domain';
import type { AppContext } from '../../platform/context';
import type { AuthContext } from '../../platform/auth';
import { errors } from '../../platform/errors';
import { activeRolesIn, jurisdictionChain } from '../cases';
import { stateLabel } from '../cases';
import { OPEN_STATUSES } from '../clocks';
import { CATEGORY_LABELS, FORM_LABELS } from './petitions.schema';

/** Document types the petition window issues (shown on the petition). */
/**
 * Where the 转办单 stands: sent (issued, waiting for the target), received (the target opened its
 * case), answered (that case is concluded: the target has given its result), or returned.
 */
export function transferStage(t: { state: string; opened_closed: boolean | null }): {
  stage: 'sent' | 'received' | 'answered' | 'returned';
  stageLabel: string;
} {
  if (t.state === 'returned') return { stage: 'returned', stageLabel: '已退回' };
  if (t.state === 'accepted' && t.opened_closed) return { stage: 'answered', stageLabel: '已办结答复' };
  if (t.state === 'accepted') return { stage: 'received', stageLabel: '已接收，办理中' };
  return { stage: 'sent', stageLabel: '已签发，待接收' };
}

export const PETITION_DOCUMENT_TYPES = [
  'petition_acceptance',
  'petition_opinion',
  'explanation_record',
  'transfer_slip',
] as const;

/** The petition window's actions the user may take now (the machine's, role-filtered, plus records). */
export function petitionActions(state: string, roles: readonly string[], hasTransfer: boolean): string[] {
  const events = availableEvents(petitionMachine, state as never, roles as never).map(
    (e) => e.event as string,
  );
  const actions = new Set<string>(events);
  const officer = roles.includes('petition_officer');
  if (officer && (state === 'registered' || state === 'accepted')) actions.add('negotiate');
  if (events.includes('settle') || (state === 'registered' && events.includes('accept')))
    actions.add('resolve');
  if (state === 'registered' && officer) actions.add('classify');
  if (events.includes('channel') && !hasTransfer) actions.add('transfer');
  actions.delete('channel');
  actions.delete('settle');
  return [...actions];
}

export async function loadPetition(ctx: AppContext, id: string, auth: AuthContext) {
  const { db } = ctx.database;
  const p = await db
    .selectFrom('petition as p')
    .innerJoin('track_case as c', 'c.id', 'p.case_id')
    .innerJoin('matter as m', 'm.id', 'p.matter_id')
    .selectAll('p')
    .select([
      'c.number as case_number',
      'c.state',
      'c.closed',
      'c.version as case_version',
      'c.jurisdiction_id',
      'm.number as matter_number',
    ])
    .where('p.id', '=', id)
    .executeTakeFirst();
  if (!p) throw errors.notFound('信访事项');
  const records = await db
    .selectFrom('petition_record')
    .selectAll()
    .where('petition_id', '=', id)
    .orderBy('created_at')
    .execute();
  const documents = await db
    .selectFrom('document')
    .select(['id', 'type', 'title', 'number', 'state'])
    .where('subject_type', '=', 'matter')
    .where('subject_id', '=', p.matter_id)
    .where('type', 'in', [...PETITION_DOCUMENT_TYPES])
    .where('state', '!=', 'superseded')
    .orderBy('created_at')
    .execute();
  const transfer = p.transfer_id
    ? await db
        .selectFrom('transfer as t')
        .innerJoin('organization as o', 'o.id', 't.to_org_id')
        .leftJoin('track_case as oc', 'oc.id', 't.opened_case_id')
        .select([
          't.id',
          't.state',
          'o.name as to_org_name',
          't.to_track',
          'oc.number as opened_number',
          'oc.track as opened_track',
          'oc.state as opened_state',
          'oc.closed as opened_closed',
          't.slip_document_id',
          't.created_at as sent_at',
          't.decided_at',
          't.return_reason',
        ])
        .where('t.id', '=', p.transfer_id)
        .executeTakeFirst()
    : undefined;
  const clocks = await db
    .selectFrom('clock')
    .select(['rule_id', 'due_date', 'status', 'basis'])
    .where('subject_type', '=', 'case')
    .where('subject_id', '=', p.case_id)
    .where('status', 'in', OPEN_STATUSES)
    .orderBy('due_date')
    .execute();
  const events = await db
    .selectFrom('case_event')
    .select(['at', 'event', 'to_state', 'actor_name', 'reason'])
    .where('case_id', '=', p.case_id)
    .orderBy('seq')
    .execute();
  const roles = activeRolesIn(auth.grants, await jurisdictionChain(db, p.jurisdiction_id));
  const eventLabels = petitionMachine.events as Record<string, string>;
  const ruleName = (id: string) => findRule(id)?.name ?? id;
  return {
    id: p.id,
    matter: { id: p.matter_id, number: p.matter_number },
    case: {
      id: p.case_id,
      number: p.case_number,
      state: p.state,
      stateLabel: stateLabel('petition', p.state),
      closed: p.closed,
      version: p.case_version,
    },
    form: p.form,
    formLabel: FORM_LABELS[p.form],
    petitionerName: p.petitioner_name,
    petitionerPhone: p.petitioner_phone_enc ? maskPhone(ctx.cipher.decrypt(p.petitioner_phone_enc)) : null,
    request: p.request,
    facts: p.facts,
    reasons: p.reasons,
    category: p.category,
    categoryLabel: p.category ? CATEGORY_LABELS[p.category] : null,
    disputedConclusion: p.disputed_conclusion,
    conclusionRef: p.conclusion_ref,
    transfer: transfer
      ? {
          id: transfer.id,
          state: transfer.state,
          toOrgName: transfer.to_org_name,
          toTrack: transfer.to_track,
          openedCaseNumber: transfer.opened_number,
          slipDocumentId: transfer.slip_document_id,
          ...transferStage(transfer),
          sentAt: new Date(transfer.sent_at).toISOString(),
          decidedAt: transfer.decided_at ? new Date(transfer.decided_at).toISOString() : null,
          returnReason: transfer.return_reason,
          openedCaseStateLabel:
            transfer.opened_track && transfer.opened_state
              ? stateLabel(transfer.opened_track, transfer.opened_state)
              : null,
        }
      : null,
    records: records.map((r) => ({
      id: r.id,
      kind: r.kind,
      occurredOn: r.occurred_on,
      content: r.content,
      result: r.result,
      documentId: r.document_id,
      actorName: r.actor_name,
      createdAt: new Date(r.created_at).toISOString(),
    })),
    documents,
    clocks: clocks.map((c) => ({
      ruleId: c.rule_id,
      name: ruleName(c.rule_id),
      dueDate: c.due_date,
      status: c.status,
    })),
    events: events.map((e) => ({
      at: new Date(e.at).toISOString(),
      event: e.event,
      label: e.event === 'open' ? '登记' : (eventLabels[e.event] ?? e.event),
      toState: stateLabel('petition', e.to_state),
      actorName: e.actor_name,
      reason: e.reason,
    })),
    actions: p.closed ? [] : petitionActions(p.state, roles, p.transfer_id !== null),
    createdAt: new Date(p.created_at).toISOString(),
  };
}

export type PetitionView = Awaited<ReturnType<typeof loadPetition>>;
