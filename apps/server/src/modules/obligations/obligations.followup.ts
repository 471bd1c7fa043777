import {
  chineseDate,
  chineseDateOf,
  NEXT_STEP_RULES,
  type NextStep,
  nextStepsFor,
  OBLIGATION_SOURCE_RULES,
  plusDays,
} from '@onestop/domain';
import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { type Actor, appendAudit } from '../../platform/audit';
import type { AuthContext } from '../../platform/auth';
import { businessToday } from '../../platform/time';
import type { AppContext } from '../../platform/context';
import { AppError, errors } from '../../platform/errors';
import { recordChange } from '../../platform/scope';
import { systemActor } from '../../platform/system';
import { METHOD_LABELS } from '../documents';
import { getDocumentsService } from '../documents';
import { enqueueNotifications } from '../notifications';
import { createTransferIn } from '../transfers';
import { assertVersion, type ObligationRow } from './obligations.service';

type Trx = Transaction<DB>;

const yuan = (fen: number) => `${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}元`;

export const OVERDUE_SWEEP = 'obligations.overdue';
/** Why the system flags an obligation overdue (the timeline shows 系统（义务履行期限巡检）). */
export const OVERDUE_SWEEP_REASON = '义务履行期限巡检';

/**
 * Flags obligations past their due date with money outstanding (red on every list), once each, and
 * alerts the responsible unit's handler in the same transaction. Idempotent: a flagged row is not
 * picked again; concurrent sweeps skip each other's rows.
 */
export async function sweepOverdue(ctx: AppContext, today = businessToday(ctx.config)): Promise<number> {
  const { db } = ctx.database;
  let flagged = 0;
  for (;;) {
    const done = await db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('obligation')
        .selectAll()
        .where('status', 'in', ['open', 'part_paid'])
        .where('due_date', '<', today)
        .orderBy('due_date')
        .limit(50)
        .forUpdate()
        .skipLocked()
        .execute();
      for (const o of rows) await flagOverdue(trx, o);
      return rows.length;
    });
    flagged += done;
    if (done < 50) return flagged;
  }
}

async function flagOverdue(trx: Trx, o: ObligationRow) {
  const since = plusDays(o.due_date!, 1);
  await trx
    .updateTable('obligation')
    .set({
      status: 'overdue',
      overdue_since: since,
      alerted_at: new Date(),
      version: o.version + 1,
      updated_at: new Date(),
    })
    .where('id', '=', o.id)
    .execute();
  const steps = nextStepsFor(o.source, o.claim_type).map((s) => NEXT_STEP_RULES[s].label);
  const matter = await trx
    .selectFrom('matter')
    .select(['id', 'number'])
    .where('id', '=', o.matter_id)
    .executeTakeFirstOrThrow();
  const unpaid = o.amount_fen - o.paid_fen;
  const instalment = o.instalment_count > 1 ? `（第${o.instalment_no}期）` : '';
  if (o.responsible_user_id) {
    await enqueueNotifications(trx, [
      {
        recipientUserId: o.responsible_user_id,
        template: 'obligation.overdue',
        params: {
          subject: `事项${matter.number}`,
          debtor: o.debtor_name,
          creditor: o.creditor_name,
          due: o.due_date!,
          item: `${o.item}${instalment}`,
          unpaid: yuan(unpaid),
          basis: OBLIGATION_SOURCE_RULES[o.source].basis,
          next: steps.length ? steps.join('或') : '督促履行',
        },
        subjectType: 'matter',
        subjectId: o.matter_id,
        dedupeKey: `obligation.overdue:${o.id}`,
        channels: ['in_app'],
      },
    ]);
  }
  await recordChange(
    trx,
    systemActor(OVERDUE_SWEEP_REASON),
    matter,
    'obligation_overdue',
    `${o.source_label}确定的${o.item}${instalment}应于${o.due_date}履行，尚欠${yuan(unpaid)}，已逾期`,
    { obligationId: o.id },
  );
}

export interface NextStepResult {
  step: NextStep;
  obligationIds: string[];
  unpaidTotalFen: number;
  document: { id: string; number: string } | null;
}

/**
 * The next step for an overdue obligation, in one action: the document the law offers, covering every
 * unpaid item of the same source document (one 强制执行申请书 per 执行依据, listing each unpaid item).
 */
export async function takeNextStep(
  ctx: AppContext,
  trx: Trx,
  auth: AuthContext,
  actor: Actor,
  o: ObligationRow,
  body: { version: number; step: NextStep; court: string },
): Promise<NextStepResult> {
  assertVersion(o, body.version, o);
  if (o.status !== 'overdue') {
    throw new AppError(409, 'OBLIGATION_NOT_OVERDUE', '该义务未逾期或已履行，暂不能办理下一步');
  }
  if (!nextStepsFor(o.source, o.claim_type).includes(body.step)) {
    throw new AppError(
      422,
      'NEXT_STEP_NOT_AVAILABLE',
      `${OBLIGATION_SOURCE_RULES[o.source].label}确定的该项义务不能${NEXT_STEP_RULES[body.step].label}`,
    );
  }
  if (o.next_step) throw new AppError(409, 'NEXT_STEP_TAKEN', '该义务已办理下一步，请查看已生成的文书');
  // Every overdue, unpaid item of the same document goes into one document.
  const siblings = (
    o.source_document_id
      ? await trx
          .selectFrom('obligation')
          .selectAll()
          .where('source_document_id', '=', o.source_document_id)
          .where('status', '=', 'overdue')
          .where('next_step', 'is', null)
          .orderBy('due_date')
          .orderBy('instalment_no')
          .forUpdate()
          .execute()
      : [o]
  ).filter((s) => nextStepsFor(s.source, s.claim_type).includes(body.step));
  const items = siblings.map((s) => ({
    item: s.instalment_count > 1 ? `${s.item}（第${s.instalment_no}期）` : s.item,
    amountFen: s.amount_fen,
    paidFen: s.paid_fen,
    dueDate: s.due_date!,
  }));
  const unpaidTotalFen = siblings.reduce((sum, s) => sum + s.amount_fen - s.paid_fen, 0);
  const source = o.source_document_id
    ? await trx
        .selectFrom('document')
        .select(['id', 'number', 'issued_date', 'title'])
        .where('id', '=', o.source_document_id)
        .executeTakeFirst()
    : undefined;
  const subject = o.case_id
    ? { subjectType: 'case' as const, subjectId: o.case_id }
    : { subjectType: 'matter' as const, subjectId: o.matter_id };
  const docs = getDocumentsService(ctx);
  let document: { id: string; number: string };
  let certificate: { id: string; number: string } | null = null;
  let ref: string | null = null;
  if (body.step === 'inspection') {
    ({ document, ref } = await sendToInspection(ctx, trx, auth, actor, o, items, unpaidTotalFen));
  } else if (body.step === 'enforcement') {
    if (!o.served_on || !o.effective_date) {
      throw new AppError(422, 'ENFORCEMENT_NOT_EFFECTIVE', '执行依据尚无送达和生效记录，请先登记送达');
    }
    document = await docs.createAndIssue(trx, actor, {
      ...subject,
      type: 'enforcement_application',
      fields: {
        applicantName: o.creditor_name,
        respondentName: o.debtor_name,
        court: body.court,
        basisDocument: `${source?.title ?? OBLIGATION_SOURCE_RULES[o.source].label} ${source?.number ?? o.source_label}`,
        madeOn: source?.issued_date ?? o.effective_date,
        servedOn: o.served_on,
        effectiveOn: o.effective_date,
        items,
        unpaidTotalFen,
      },
      userOrgId: auth.organizationId,
    });
    certificate = await effectivenessCertificate(ctx, trx, actor, auth, o, subject);
  } else {
    document = await docs.createAndIssue(trx, actor, {
      ...subject,
      type: 'payment_order_guidance',
      fields: {
        workerName: o.creditor_name,
        employerName: o.debtor_name,
        agreementNumber: source?.number ?? o.source_label,
        agreementDate: source?.issued_date ?? o.effective_date ?? businessToday(ctx.config),
        court: body.court,
        items,
        unpaidTotalFen,
      },
      userOrgId: auth.organizationId,
    });
  }
  for (const s of siblings) {
    const r = await trx
      .updateTable('obligation')
      .set({
        next_step: body.step,
        next_step_document_id: document.id,
        next_step_certificate_id: certificate?.id ?? null,
        next_step_ref: ref,
        next_step_at: new Date(),
        version: s.version + 1,
        updated_at: new Date(),
      })
      .where('id', '=', s.id)
      .where('version', '=', s.version)
      .executeTakeFirst();
    if (!r.numUpdatedRows) throw errors.conflict(s);
  }
  const matter = await trx
    .selectFrom('matter')
    .select(['id', 'number'])
    .where('id', '=', o.matter_id)
    .executeTakeFirstOrThrow();
  await recordChange(
    trx,
    actor,
    matter,
    `obligation_${body.step}`,
    `${NEXT_STEP_RULES[body.step].label}：${body.step === 'inspection' ? '转办单' : '出具'}${document.number}，未履行${items.length}项，合计${yuan(unpaidTotalFen)}（${NEXT_STEP_RULES[body.step].basis}）`,
    { obligationIds: siblings.map((s) => s.id), documentId: document.id },
  );
  await appendAudit(trx, actor, {
    action: `obligation.${body.step}`,
    entityType: 'obligation',
    entityId: o.id,
    summary: `${matter.number}：${NEXT_STEP_RULES[body.step].label}`,
  });
  return { step: body.step, obligationIds: siblings.map((s) => s.id), unpaidTotalFen, document };
}

/**
 * 送达及生效证明书 for the enforcement pack, in the name of the body that made the document enforced: when
 * it was made, each service recorded (or the service date on the obligations), when and why it took
 * effect, and every item of the document with what was due, paid and unpaid. Null when the document is
 * not one of the center's (a court's 司法确认裁定: the court certifies its own ruling).
 */
async function effectivenessCertificate(
  ctx: AppContext,
  trx: Trx,
  actor: Actor,
  auth: AuthContext,
  o: ObligationRow,
  subject: { subjectType: 'case' | 'matter'; subjectId: string },
): Promise<{ id: string; number: string } | null> {
  const effectText = OBLIGATION_SOURCE_RULES[o.source].effectText;
  if (!o.source_document_id || !effectText) return null;
  const source = await trx
    .selectFrom('document')
    .select(['id', 'number', 'title', 'issued_date', 'issuer_org_id'])
    .where('id', '=', o.source_document_id)
    .executeTakeFirstOrThrow();
  const services = await trx
    .selectFrom('document_service')
    .select(['method', 'state', 'served_at', 'recipient'])
    .where('document_id', '=', source.id)
    .where('state', 'in', ['served', 'refused'])
    .orderBy('served_at')
    .execute();
  const lines = services.map(
    (v) =>
      `${v.served_at ? chineseDateOf(new Date(v.served_at), 480) : ''}${METHOD_LABELS[v.method] ?? ''}送达${v.recipient}，${v.state === 'refused' ? '受送达人拒绝签收，留置送达' : '签收'}`,
  );
  if (!lines.length && o.served_on) {
    lines.push(
      o.source === 'arbitral_mediation_statement'
        ? `${chineseDate(o.served_on)}双方当事人签收`
        : `${chineseDate(o.served_on)}送达双方当事人`,
    );
  }
  const all = await trx
    .selectFrom('obligation')
    .select(['item', 'amount_fen', 'paid_fen', 'due_date', 'instalment_no', 'instalment_count'])
    .where('source_document_id', '=', source.id)
    .orderBy('due_date')
    .orderBy('item')
    .orderBy('instalment_no')
    .execute();
  const items = all.map((s) => ({
    item: s.instalment_count > 1 ? `${s.item}（第${s.instalment_no}期）` : s.item,
    amountFen: s.amount_fen,
    paidFen: s.paid_fen,
    dueDate: s.due_date!,
  }));
  return getDocumentsService(ctx).createAndIssue(trx, actor, {
    ...subject,
    type: 'effectiveness_certificate',
    fields: {
      applicantName: o.creditor_name,
      respondentName: o.debtor_name,
      basisDocument: `${source.title} ${source.number ?? o.source_label}`,
      madeOn: source.issued_date ?? o.effective_date,
      services: lines,
      effectiveOn: o.effective_date,
      effectRule: effectText,
      items,
      unpaidTotalFen: all.reduce((sum, s) => sum + s.amount_fen - s.paid_fen, 0),
    },
    issuerOrgId: source.issuer_org_id,
    userOrgId: auth.organizationId,
  });
}

/**
 * Unpaid wages of an agreement or award → an inspection case (劳动保障监察条例第十一条第（六）项、第二十六条)
 * through the transfer path, in this transaction: the slip carries the document, the unpaid items and the
 * payments recorded, so the inspector starts from the record.
 */
async function sendToInspection(
  ctx: AppContext,
  trx: Trx,
  auth: AuthContext,
  actor: Actor,
  o: ObligationRow,
  items: readonly { item: string; amountFen: number; paidFen: number; dueDate: string }[],
  unpaidTotalFen: number,
): Promise<{ document: { id: string; number: string }; ref: string }> {
  const org = await trx
    .selectFrom('organization')
    .select(['id'])
    .where('agency', '=', 'inspection')
    .orderBy(sql`(jurisdiction_id = ${o.jurisdiction_id})`, 'desc')
    .orderBy('sort')
    .orderBy('name')
    .executeTakeFirst();
  if (!org) throw new AppError(422, 'INSPECTION_ORG_MISSING', '没有劳动保障监察机构，无法转办');
  const claims = o.claim_type
    ? await trx
        .selectFrom('matter_claim')
        .select('id')
        .where('matter_id', '=', o.matter_id)
        .where('type', '=', o.claim_type)
        .execute()
    : [];
  const record = items
    .map((i) => `${i.item}应于${i.dueDate}支付${yuan(i.amountFen)}，已付${yuan(i.paidFen)}`)
    .join('；');
  const transferId = await createTransferIn(ctx, trx, auth, actor, o.matter_id, {
    toOrgId: org.id,
    toTrack: 'inspection',
    ...(claims.length ? { claimIds: claims.map((c) => c.id) } : {}),
    reason: `${o.source_label}确定的劳动报酬逾期未支付，尚欠${yuan(unpaidTotalFen)}（${record}），请依法责令支付（${NEXT_STEP_RULES.inspection.basis}）`,
  });
  const slip = await trx
    .selectFrom('transfer as t')
    .innerJoin('document as d', 'd.id', 't.slip_document_id')
    .select(['d.id', 'd.number'])
    .where('t.id', '=', transferId)
    .executeTakeFirstOrThrow();
  return { document: { id: slip.id, number: slip.number ?? '' }, ref: transferId };
}
