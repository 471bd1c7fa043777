import { daysOverdue, NEXT_STEP_RULES, nextStepsFor, OBLIGATION_STATUS_LABELS } from '@onestop/domain';
import type { z } from 'zod';
import type { ObligationRow, PaymentRow } from './obligations.service';
import { PAYER_LABELS } from './obligations.service';
import type { obligationSchema, paymentSchema } from './obligations.schema';

type Obligation = z.infer<typeof obligationSchema>;
type Payment = z.infer<typeof paymentSchema>;

const PAYMENT_STATUS_LABELS = { declared: '待确认', confirmed: '已确认', rejected: '不予确认' } as const;

export function presentPayment(p: PaymentRow): Payment {
  return {
    id: p.id,
    amountFen: p.amount_fen,
    paidOn: p.paid_on,
    payer: p.payer,
    payerLabel: PAYER_LABELS[p.payer],
    declaredBy: p.declared_by,
    declaredByName: p.declared_by_name,
    hasProof: p.proof_evidence_id !== null,
    proofEvidenceId: p.proof_evidence_id,
    note: p.note,
    status: p.status,
    statusLabel: PAYMENT_STATUS_LABELS[p.status],
    decidedByName: p.decided_by_name,
    decisionNote: p.decision_note,
    version: p.version,
  };
}

/**
 * One obligation as staff see it. `staff` false (the portal): no evidence ids, no actions.
 * No personal data beyond the names printed on the document.
 */
export function presentObligation(
  o: ObligationRow & { matter_number: string },
  payments: readonly PaymentRow[],
  today: string,
  viewer: { staff: boolean; mayWork: boolean },
): Obligation {
  const open = o.status === 'overdue' && !o.next_step;
  const steps = open ? nextStepsFor(o.source, o.claim_type) : [];
  const actions: Obligation['actions'] = [];
  if (viewer.staff && viewer.mayWork) {
    if (o.status !== 'paid') actions.push('record_payment');
    if (payments.some((p) => p.status === 'declared')) actions.push('decide_payment');
    if (steps.length) actions.push('next_step');
  }
  return {
    id: o.id,
    matterId: o.matter_id,
    matterNumber: o.matter_number,
    caseId: o.case_id,
    source: o.source,
    sourceLabel: o.source_label,
    sourceDocumentId: o.source_document_id,
    debtorName: o.debtor_name,
    creditorName: o.creditor_name,
    item: o.item,
    instalmentNo: o.instalment_no,
    instalmentCount: o.instalment_count,
    amountFen: o.amount_fen,
    paidFen: o.paid_fen,
    unpaidFen: o.amount_fen - o.paid_fen,
    effectiveDate: o.effective_date,
    servedOn: o.served_on,
    dueDate: o.due_date,
    daysOverdue: o.status === 'paid' ? 0 : daysOverdue(o.due_date, today),
    basis: o.basis,
    status: o.status,
    statusLabel: OBLIGATION_STATUS_LABELS[o.status],
    nextStep: o.next_step,
    nextStepLabel: o.next_step ? NEXT_STEP_RULES[o.next_step].label : null,
    nextStepDocumentId: o.next_step_document_id,
    enforcementPackUrl:
      viewer.staff && o.next_step === 'enforcement' ? `/api/obligations/${o.id}/enforcement-pack.pdf` : null,
    nextSteps: steps.map((s) => ({
      step: s,
      label: NEXT_STEP_RULES[s].label,
      basis: NEXT_STEP_RULES[s].basis,
    })),
    payments: payments.map((p) =>
      viewer.staff ? presentPayment(p) : { ...presentPayment(p), proofEvidenceId: null },
    ),
    actions,
    version: o.version,
  };
}

export function totalsOf(items: readonly Obligation[]) {
  return {
    amountFen: items.reduce((s, o) => s + o.amountFen, 0),
    paidFen: items.reduce((s, o) => s + o.paidFen, 0),
    unpaidFen: items.reduce((s, o) => s + o.unpaidFen, 0),
    overdue: items.filter((o) => o.status === 'overdue').length,
  };
}
