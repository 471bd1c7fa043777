// Over 400 lines on purpose: the obligations work (issue #21) is being extended by another change; to be split (instalments, payments, next steps) once that lands.
import {
  CLAIM_CATALOGUE,
  type Instalment,
  instalmentProblem,
  isClaimType,
  OBLIGATION_SOURCE_RULES,
  type ObligationSource,
  obligationStatus,
  plusDays,
  requireRule,
} from '@onestop/domain';
import type { Selectable, Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { type Actor, appendAudit } from '../../platform/audit';
import type { AuthContext } from '../../platform/auth';
import { businessToday } from '../../platform/time';
import type { AppContext } from '../../platform/context';
import { AppError, errors } from '../../platform/errors';
import { recordChange } from '../../platform/scope';
import { clocksRuntime } from '../clocks';
import { computeOrProvisional } from '../clocks';
import type { ObligationPaymentTable, ObligationTable, PaymentPayer } from './obligations.tables';

type Trx = Transaction<DB>;
export type ObligationRow = Selectable<ObligationTable>;
export type PaymentRow = Selectable<ObligationPaymentTable>;

export const obligationErrors = {
  paymentExceeds: (outstandingFen: number) =>
    new AppError(
      422,
      'PAYMENT_EXCEEDS_OUTSTANDING',
      `付款金额超过未履行金额${(outstandingFen / 100).toFixed(2)}元，请核对`,
      { field: 'amountFen', outstandingFen },
    ),
  paidInFuture: () => new AppError(400, 'PAYMENT_DATE_FUTURE', '付款日期不能晚于今天', { field: 'paidOn' }),
  alreadyPaid: () => new AppError(409, 'OBLIGATION_PAID', '该义务已履行完毕，无需再登记付款'),
  notAwaitingDecision: () => new AppError(409, 'PAYMENT_DECIDED', '该付款申报已经处理过'),
  rejectNeedsNote: () => new AppError(400, 'PAYMENT_REJECT_REASON', '不予确认须写明理由', { field: 'note' }),
  instalments: (message: string) =>
    new AppError(400, 'INSTALMENTS_INVALID', message, { field: 'instalments' }),
};

export interface ObligationItemInput {
  item: string;
  claimType: string | null;
  amountFen: number;
  /** Due date stated in the document (null: not yet effective, set when served). */
  dueDate: string | null;
  instalments?: readonly Instalment[];
}

export interface CreateObligationsInput {
  matterId: string;
  caseId: string | null;
  source: ObligationSource;
  sourceDocumentId: string | null;
  sourceLabel: string;
  /** When the document took effect (null: awaiting effect). */
  effectiveDate: string | null;
  items: readonly ObligationItemInput[];
  responsibleUserId?: string | null;
  /** When the document was served, if it is served as it takes effect (签收的调解书, 送达的裁定). */
  servedOn?: string | null;
}

/**
 * Payment items as a document states them (documentPaymentItems) → obligation items: the claim type
 * must be one of the catalogue, the instalments must add up to the item and follow one another.
 */
export function itemsFromDocument(
  items: readonly {
    item: string;
    claimType?: string | undefined;
    amountFen: number;
    dueDate: string;
    instalments?: readonly Instalment[] | undefined;
  }[],
): ObligationItemInput[] {
  return items.map((i, n) => {
    if (i.claimType && !isClaimType(i.claimType)) {
      throw new AppError(400, 'PAYMENT_ITEM_CLAIM_TYPE', `第${n + 1}项支付事项的请求类别不正确`, {
        field: `payments.${n}.claimType`,
      });
    }
    const problem = instalmentProblem(i.amountFen, i.instalments ?? []);
    if (problem) throw obligationErrors.instalments(`第${n + 1}项：${problem}`);
    return {
      item: i.item,
      claimType: i.claimType ?? null,
      amountFen: i.amountFen,
      dueDate: i.dueDate,
      instalments: i.instalments ?? [],
    };
  });
}

/** The label of an item: the claim's catalogue label, else the text given. */
export function itemLabel(claimType: string | null, text: string): string {
  // The catalogue says 支付拖欠工资; the obligation is the money itself (拖欠工资).
  return claimType && isClaimType(claimType) ? CLAIM_CATALOGUE[claimType].label.replace(/^支付/, '') : text;
}

async function partiesOfMatter(trx: Trx, matterId: string) {
  const rows = await trx
    .selectFrom('matter_party as mp')
    .innerJoin('party as p', 'p.id', 'mp.party_id')
    .select(['p.id', 'p.name', 'mp.role'])
    .where('mp.matter_id', '=', matterId)
    .orderBy('mp.sort')
    .execute();
  return {
    worker: rows.find((r) => r.role === 'worker') ?? null,
    employer: rows.find((r) => r.role === 'employer') ?? null,
  };
}

/**
 * Creates the obligations of an issued document, in the issuing transaction (called by mediation,
 * arbitration and the other modules that issue a binding document). One row per instalment.
 */
export async function createObligations(
  ctx: AppContext,
  trx: Trx,
  actor: Actor,
  input: CreateObligationsInput,
): Promise<string[]> {
  const items = input.items.filter((i) => i.amountFen > 0);
  if (!items.length) return [];
  const matter = await trx
    .selectFrom('matter')
    .select(['id', 'number', 'jurisdiction_id'])
    .where('id', '=', input.matterId)
    .executeTakeFirstOrThrow();
  const c = input.caseId
    ? await trx
        .selectFrom('track_case')
        .select(['organization_id', 'assignee_user_id'])
        .where('id', '=', input.caseId)
        .executeTakeFirst()
    : undefined;
  const { worker, employer } = await partiesOfMatter(trx, input.matterId);
  const today = businessToday(ctx.config);
  const rule = OBLIGATION_SOURCE_RULES[input.source];
  const rows = items.flatMap((i) => {
    const schedule = i.instalments?.length ? i.instalments : [{ amountFen: i.amountFen, dueDate: i.dueDate }];
    return schedule.map((s, n) => ({
      matter_id: input.matterId,
      case_id: input.caseId,
      jurisdiction_id: matter.jurisdiction_id,
      organization_id: c?.organization_id ?? null,
      responsible_user_id: input.responsibleUserId ?? c?.assignee_user_id ?? actor.id,
      source: input.source,
      source_document_id: input.sourceDocumentId,
      source_label: input.sourceLabel,
      debtor_party_id: employer?.id ?? null,
      debtor_name: employer?.name ?? '用人单位',
      creditor_party_id: worker?.id ?? null,
      creditor_name: worker?.name ?? '劳动者',
      item: itemLabel(i.claimType, i.item),
      claim_type: i.claimType,
      amount_fen: s.amountFen,
      instalment_no: n + 1,
      instalment_count: schedule.length,
      effective_date: input.effectiveDate,
      ...(input.servedOn ? { served_on: input.servedOn } : {}),
      due_date: s.dueDate,
      basis: rule.basis,
      status: obligationStatus({ amountFen: s.amountFen, paidFen: 0, dueDate: s.dueDate, today }),
      created_by: actor.id,
      updated_at: new Date(),
    }));
  });
  const inserted = await trx.insertInto('obligation').values(rows).returning('id').execute();
  const total = rows.reduce((s, r) => s + r.amount_fen, 0);
  await appendAudit(trx, actor, {
    action: 'obligation.create',
    entityType: 'matter',
    entityId: input.matterId,
    summary: `${matter.number}：${input.sourceLabel}确定履行义务${rows.length}项，合计${(total / 100).toFixed(2)}元（${rule.basis}）`,
    after: { ids: inserted.map((r) => r.id), source: input.source },
  });
  return inserted.map((r) => r.id);
}

/**
 * Service of a document that takes effect only after the period to sue (非终局裁决: 调解仲裁法第四十八条、
 * 第五十条): the suit period is computed by the clock engine from the service date; the award takes effect
 * the day after it ends and payment is due that day. Documents effective on making keep their dates and
 * record the service (the proof the enforcement pack carries).
 */
export async function recordService(
  ctx: AppContext,
  trx: Trx,
  actor: Actor,
  sourceDocumentIds: readonly string[],
  servedOn: string,
): Promise<number> {
  if (!sourceDocumentIds.length) return 0;
  const rows = await trx
    .selectFrom('obligation')
    .selectAll()
    .where('source_document_id', 'in', sourceDocumentIds)
    .forUpdate()
    .execute();
  const today = businessToday(ctx.config);
  for (const o of rows) {
    const rule = OBLIGATION_SOURCE_RULES[o.source];
    let effective = o.effective_date;
    let due = o.due_date;
    if (rule.effective === 'after_suit_period' && rule.clockRuleId) {
      const calendar = (await clocksRuntime(ctx).calendars.snapshot(trx)).for(o.jurisdiction_id);
      const suit = computeOrProvisional(requireRule(rule.clockRuleId), servedOn, calendar, 0, null);
      effective = plusDays(suit.due, 1);
      due = effective;
    }
    await trx
      .updateTable('obligation')
      .set({
        served_on: servedOn,
        effective_date: effective,
        due_date: due,
        status: obligationStatus({ amountFen: o.amount_fen, paidFen: o.paid_fen, dueDate: due, today }),
        version: o.version + 1,
        updated_at: new Date(),
      })
      .where('id', '=', o.id)
      .execute();
  }
  if (rows.length) {
    await appendAudit(trx, actor, {
      action: 'obligation.served',
      entityType: 'matter',
      entityId: rows[0]!.matter_id,
      summary: `执行依据送达（${servedOn}），履行义务${rows.length}项的生效日期和履行期限已确定`,
    });
  }
  return rows.length;
}

/** Staff who may record payments and take next steps: the matter's working posts. */
const WORK_PERMISSIONS = [
  'mediation.work',
  'arbitration.work',
  'arbitration.clerk',
  'inspection.work',
  'intake.create',
  'court.work',
] as const;

export function assertMayWork(auth: AuthContext) {
  if (!WORK_PERMISSIONS.some((p) => auth.permissions.has(p))) {
    throw errors.forbidden('只有办案人员可以登记履行情况');
  }
}

/** Loads an obligation for change (row lock) after the caller's scope check. */
export async function lockObligation(trx: Trx, id: string): Promise<ObligationRow> {
  const o = await trx
    .selectFrom('obligation')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!o) throw errors.notFound('履行义务');
  return o;
}

export function assertVersion(o: { version: number }, version: number, fresh: unknown) {
  if (o.version !== version) throw errors.conflict(fresh);
}

/** Adds a confirmed amount to the obligation and recomputes its state. */
async function applyPaid(ctx: AppContext, trx: Trx, o: ObligationRow, amountFen: number) {
  const paid = o.paid_fen + amountFen;
  const status = obligationStatus({
    amountFen: o.amount_fen,
    paidFen: paid,
    dueDate: o.due_date,
    today: businessToday(ctx.config),
  });
  const r = await trx
    .updateTable('obligation')
    .set({
      paid_fen: paid,
      status,
      ...(status === 'paid' ? { paid_at: new Date() } : {}),
      version: o.version + 1,
      updated_at: new Date(),
    })
    .where('id', '=', o.id)
    .where('version', '=', o.version)
    .returningAll()
    .executeTakeFirst();
  if (!r) throw errors.conflict(o);
  return r;
}

function checkAmount(ctx: AppContext, o: ObligationRow, amountFen: number, paidOn: string) {
  if (o.status === 'paid') throw obligationErrors.alreadyPaid();
  const outstanding = o.amount_fen - o.paid_fen;
  if (amountFen > outstanding) throw obligationErrors.paymentExceeds(outstanding);
  if (paidOn > businessToday(ctx.config)) throw obligationErrors.paidInFuture();
}

const yuan = (fen: number) => `${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}元`;

export const PAYER_LABELS: Readonly<Record<PaymentPayer, string>> = {
  debtor: '义务人',
  general_contractor: '总承包单位代发',
  wage_deposit: '工资保证金',
  emergency_fund: '应急周转金',
  other: '其他',
};

async function matterRef(trx: Trx, matterId: string) {
  return trx
    .selectFrom('matter')
    .select(['id', 'number'])
    .where('id', '=', matterId)
    .executeTakeFirstOrThrow();
}

/** A payment recorded by staff (on the evidence they saw): confirmed at once. */
export async function recordPayment(
  ctx: AppContext,
  trx: Trx,
  actor: Actor,
  o: ObligationRow,
  body: {
    version: number;
    amountFen: number;
    paidOn: string;
    payer: PaymentPayer;
    note?: string | undefined;
  },
) {
  assertVersion(o, body.version, o);
  checkAmount(ctx, o, body.amountFen, body.paidOn);
  const payment = await trx
    .insertInto('obligation_payment')
    .values({
      obligation_id: o.id,
      amount_fen: body.amountFen,
      paid_on: body.paidOn,
      payer: body.payer,
      declared_by: 'staff',
      declared_by_user_id: actor.id,
      declared_by_name: actor.name,
      note: body.note ?? null,
      status: 'confirmed',
      decided_by: actor.id,
      decided_by_name: actor.name,
      decided_at: new Date(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const after = await applyPaid(ctx, trx, o, body.amountFen);
  await recordChange(
    trx,
    actor,
    await matterRef(trx, o.matter_id),
    'obligation_payment',
    `登记${o.item}付款${yuan(body.amountFen)}（${body.paidOn}，${PAYER_LABELS[body.payer]}），已付${yuan(after.paid_fen)}／应付${yuan(after.amount_fen)}`,
    { obligationId: o.id, paymentId: payment.id },
  );
  return { obligation: after, payment };
}

/** A payment declared by the worker on the portal, with the photo of the transfer record. */
export async function declarePayment(
  ctx: AppContext,
  trx: Trx,
  actor: Actor,
  o: ObligationRow,
  body: { amountFen: number; paidOn: string; proofEvidenceId: string | null; note?: string | undefined },
) {
  checkAmount(ctx, o, body.amountFen, body.paidOn);
  const payment = await trx
    .insertInto('obligation_payment')
    .values({
      obligation_id: o.id,
      amount_fen: body.amountFen,
      paid_on: body.paidOn,
      payer: 'debtor',
      declared_by: 'worker',
      declared_by_user_id: null,
      declared_by_name: actor.name,
      proof_evidence_id: body.proofEvidenceId,
      note: body.note ?? null,
      status: 'declared',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordChange(
    trx,
    actor,
    await matterRef(trx, o.matter_id),
    'obligation_payment_declared',
    `劳动者网上申报收到${o.item}付款${yuan(body.amountFen)}（${body.paidOn}），待工作人员确认`,
    { obligationId: o.id, paymentId: payment.id },
  );
  return payment;
}

/** Staff confirm (the amount counts) or reject (with a reason) a declared payment. */
export async function decidePayment(
  ctx: AppContext,
  trx: Trx,
  actor: Actor,
  o: ObligationRow,
  paymentId: string,
  body: { version: number; confirm: boolean; note?: string | undefined },
) {
  const p = await trx
    .selectFrom('obligation_payment')
    .selectAll()
    .where('id', '=', paymentId)
    .where('obligation_id', '=', o.id)
    .forUpdate()
    .executeTakeFirst();
  if (!p) throw errors.notFound('付款申报');
  if (p.version !== body.version) throw errors.conflict(p);
  if (p.status !== 'declared') throw obligationErrors.notAwaitingDecision();
  if (!body.confirm && !body.note) throw obligationErrors.rejectNeedsNote();
  if (body.confirm) checkAmount(ctx, o, p.amount_fen, p.paid_on);
  const decided = await trx
    .updateTable('obligation_payment')
    .set({
      status: body.confirm ? 'confirmed' : 'rejected',
      decided_by: actor.id,
      decided_by_name: actor.name,
      decided_at: new Date(),
      decision_note: body.note ?? null,
      version: p.version + 1,
    })
    .where('id', '=', p.id)
    .where('version', '=', p.version)
    .returningAll()
    .executeTakeFirstOrThrow();
  const after = body.confirm ? await applyPaid(ctx, trx, o, p.amount_fen) : o;
  await recordChange(
    trx,
    actor,
    await matterRef(trx, o.matter_id),
    body.confirm ? 'obligation_payment_confirmed' : 'obligation_payment_rejected',
    body.confirm
      ? `确认${o.item}付款${yuan(p.amount_fen)}（${p.paid_on}），已付${yuan(after.paid_fen)}／应付${yuan(after.amount_fen)}`
      : `不予确认${o.item}付款申报${yuan(p.amount_fen)}：${body.note}`,
    { obligationId: o.id, paymentId: p.id },
  );
  return { obligation: after, payment: decided };
}

/**
 * An order to correct (责令改正指令书) found complied at the follow-up check (《劳动保障监察条例》第十八条
 * 第一款第（二）项): what is still outstanding on its obligations is recorded as paid by the employer on
 * the check date, confirmed by the inspector who checked, with an event on the matter. Obligations
 * already paid are left alone; returns how many were settled.
 */
export async function settleOnCompliance(
  ctx: AppContext,
  trx: Trx,
  actor: Actor,
  sourceDocumentId: string,
  checkedOn: string,
): Promise<number> {
  const rows = await trx
    .selectFrom('obligation')
    .selectAll()
    .where('source_document_id', '=', sourceDocumentId)
    .where('source', '=', 'order_to_correct')
    .where('status', '!=', 'paid')
    .orderBy('due_date')
    .orderBy('instalment_no')
    .forUpdate()
    .execute();
  for (const o of rows) {
    const outstanding = o.amount_fen - o.paid_fen;
    const payment = await trx
      .insertInto('obligation_payment')
      .values({
        obligation_id: o.id,
        amount_fen: outstanding,
        paid_on: checkedOn,
        payer: 'debtor',
        declared_by: 'staff',
        declared_by_user_id: actor.id,
        declared_by_name: actor.name,
        note: `复查认定已按${o.source_label}改正`,
        status: 'confirmed',
        decided_by: actor.id,
        decided_by_name: actor.name,
        decided_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const after = await applyPaid(ctx, trx, o, outstanding);
    await recordChange(
      trx,
      actor,
      await matterRef(trx, o.matter_id),
      'obligation_paid_on_compliance',
      `复查认定用人单位已按${o.source_label}改正：${o.item}${yuan(outstanding)}记为已付（${checkedOn}），已付${yuan(after.paid_fen)}／应付${yuan(after.amount_fen)}（${OBLIGATION_SOURCE_RULES[o.source].basis}）`,
      { obligationId: o.id, paymentId: payment.id },
    );
  }
  return rows.length;
}
