// Over 400 lines on purpose: the decision steps of an inspection case (order, penalty, closing) share their guards and documents; split by step when the step list changes.
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../db/schema';
import type { Actor } from '../../platform/audit';
import type { AuthContext } from '../../platform/auth';
import { AppError, errors } from '../../platform/errors';
import { clocksRuntime } from '../clocks';
import { getDocumentsService } from '../documents';
import type { PenaltyDetails } from './inspection.hearing';
import { type GivenApproval, recordApproval, requester } from './inspection.approvals';
import { caseHeader } from './inspection.closing';
import {
  assertHandlingInspector,
  loadInspectionCase,
  requireState,
  rolesOnCase,
  today,
} from './inspection.access';
import type { checkBody, closeOutBody, decidePenaltyBody, orderBody, penaltyBody } from './inspection.schema';
import {
  assertFineInRange,
  compensationFen,
  penaltyRange,
  policeReferralTest,
  policeThresholds,
  yuan,
} from './inspection.rules';
import { type CaseRow, step } from './inspection.service';
import type { OutcomeKind } from './inspection.tables';
import { createObligations, settleOnCompliance } from '../obligations';

type Trx = Transaction<DB>;

/** Decisions are taken by a handling inspector or a leader (the machine checks the post again). */
export async function assertDecider(ctx: AppContext, auth: AuthContext, c: CaseRow) {
  const roles = await rolesOnCase(ctx.database.db, auth, c.jurisdiction_id);
  if (roles.includes('leader')) return;
  await assertHandlingInspector(ctx.database.db, auth, c);
}

export async function employerName(trx: Trx, c: CaseRow): Promise<string> {
  const e = await trx
    .selectFrom('matter_party as mp')
    .innerJoin('party as p', 'p.id', 'mp.party_id')
    .select('p.name')
    .where('mp.matter_id', '=', c.matter_id)
    .where('mp.role', '=', 'employer')
    .executeTakeFirst();
  return e?.name ?? '用人单位';
}

/** The employer party (name and encrypted address) of the case's matter. */
async function employerParty(trx: Trx, c: CaseRow) {
  const e = await trx
    .selectFrom('matter_party as mp')
    .innerJoin('party as p', 'p.id', 'mp.party_id')
    .select(['p.name', 'p.address_enc'])
    .where('mp.matter_id', '=', c.matter_id)
    .where('mp.role', '=', 'employer')
    .executeTakeFirst();
  return e ?? { name: '用人单位', address_enc: null };
}

/** "赵投诉" (the complainant) or "N名劳动者" for the order's workers. */
async function workersText(trx: Trx, c: CaseRow, count: number | null): Promise<string> {
  if (count && count > 1) return `${count}名劳动者`;
  const w = await trx
    .selectFrom('matter_party as mp')
    .innerJoin('party as p', 'p.id', 'mp.party_id')
    .select('p.name')
    .where('mp.matter_id', '=', c.matter_id)
    .where('mp.role', '=', 'worker')
    .orderBy('mp.sort')
    .executeTakeFirst();
  return w ? `劳动者${w.name}` : '有关劳动者';
}

function addCalendarDays(iso: string, days: number): string {
  const t = new Date(`${iso}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

export async function addOutcome(
  trx: Trx,
  auth: AuthContext,
  c: CaseRow,
  kind: OutcomeKind,
  summary: string,
  v: Partial<{
    deadline: string;
    amount_fen: number;
    rate_percent: number;
    worker_count: number;
    penalty_rule: string;
    fine_fen: number;
    hearing_deadline: string;
    document_id: string;
    details: unknown;
  }> = {},
) {
  const { details, ...rest } = v;
  return trx
    .insertInto('inspection_outcome')
    .values({
      case_id: c.id,
      kind,
      summary,
      ...rest,
      details: details === undefined ? null : JSON.stringify(details),
      created_by: auth.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function issue(
  ctx: AppContext,
  trx: Trx,
  actor: Actor,
  auth: AuthContext,
  c: CaseRow,
  type: string,
  fields: Record<string, unknown>,
) {
  return getDocumentsService(ctx).createAndIssue(trx, actor, {
    subjectType: 'case',
    subjectId: c.id,
    type,
    fields,
    userOrgId: auth.organizationId,
  });
}

export async function lastOrder(ctx: AppContext, caseId: string) {
  return ctx.database.db
    .selectFrom('inspection_outcome')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('kind', '=', 'order')
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

/** 责令改正 / 责令支付 with a deadline (《劳动保障监察条例》第十八条第一款第（二）项、第二十六条). */
export async function orderCorrection(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  caseId: string,
  body: z.infer<typeof orderBody>,
) {
  const { c } = await loadInspectionCase(ctx.database.db, auth, caseId);
  await assertDecider(ctx, auth, c);
  if (body.deadline <= today(ctx))
    throw new AppError(400, 'DEADLINE_PAST', '改正期限应晚于今天', { field: 'deadline' });
  const pay = body.wagesOwedFen ? [`支付拖欠的劳动报酬${yuan(body.wagesOwedFen)}`] : [];
  return step(
    ctx,
    auth,
    actor,
    c,
    'order_correction',
    { version: body.version, reason: body.violations },
    async (trx) => {
      const doc = await issue(ctx, trx, actor, auth, c, 'order_to_correct', {
        employerName: await employerName(trx, c),
        violations: body.violations,
        legalBasis: body.legalBasis,
        corrections: [...body.corrections, ...pay.filter((p) => !body.corrections.includes(p))],
        deadline: body.deadline,
      });
      const o = await addOutcome(
        trx,
        auth,
        c,
        'order',
        `责令于${body.deadline}前改正：${body.corrections.join('；')}`,
        {
          deadline: body.deadline,
          ...(body.wagesOwedFen !== undefined && { amount_fen: body.wagesOwedFen }),
          ...(body.workerCount !== undefined && { worker_count: body.workerCount }),
          document_id: doc.id,
          details: {
            violations: body.violations,
            legalBasis: body.legalBasis,
            corrections: body.corrections,
            monthsOwed: body.monthsOwed ?? 0,
          },
        },
      );
      // The wages ordered paid are followed as an obligation until paid (issue #21).
      if (body.wagesOwedFen) {
        await createObligations(ctx, trx, actor, {
          matterId: c.matter_id,
          caseId: c.id,
          source: 'order_to_correct',
          sourceDocumentId: doc.id,
          sourceLabel: `责令改正指令书${doc.number}`,
          effectiveDate: today(ctx),
          items: [
            {
              item: '拖欠劳动报酬',
              claimType: 'unpaid_wages',
              amountFen: body.wagesOwedFen,
              dueDate: body.deadline,
            },
          ],
        });
      }
      return { outcomeId: o.id, documents: [doc] };
    },
  );
}

/**
 * The follow-up check of an order. Not complied after the deadline with wages owed → 加付赔偿金 at
 * 50–100 % (S3 Art. 26) with a new order; the §7.5 criminal-referral test is returned as a suggestion.
 */
export async function checkOrder(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  caseId: string,
  outcomeId: string,
  body: z.infer<typeof checkBody>,
) {
  const { db } = ctx.database;
  const { c } = await loadInspectionCase(db, auth, caseId);
  requireState(c, ['ordered'], '复查改正情况');
  await assertDecider(ctx, auth, c);
  const o = await db
    .selectFrom('inspection_outcome')
    .selectAll()
    .where('id', '=', outcomeId)
    .where('case_id', '=', c.id)
    .where('kind', '=', 'order')
    .executeTakeFirst();
  if (!o) throw errors.notFound('责令改正决定');
  const day = today(ctx);
  if (!body.complied && o.deadline && day <= o.deadline) {
    throw new AppError(
      422,
      'ORDER_DEADLINE_NOT_PASSED',
      `改正期限（${o.deadline}）尚未届满，不能认定逾期未改正`,
    );
  }
  const owed = o.amount_fen === null ? null : Number(o.amount_fen);
  if (!body.complied && body.compensationRatePercent !== undefined && !owed) {
    throw new AppError(422, 'NO_WAGES_OWED', '该责令改正决定未涉及支付劳动报酬，不能决定加付赔偿金');
  }
  const comp =
    !body.complied && owed && body.compensationRatePercent !== undefined
      ? compensationFen(owed, body.compensationRatePercent)
      : null;
  if (comp !== null && (!body.compensationDeadline || body.compensationDeadline <= day)) {
    throw new AppError(400, 'DEADLINE_PAST', '请填写晚于今天的加付赔偿金支付期限', {
      field: 'compensationDeadline',
    });
  }
  return db.transaction().execute(async (trx) => {
    await trx
      .updateTable('inspection_outcome')
      .set({ complied: body.complied, checked_on: day })
      .where('id', '=', o.id)
      .execute();
    // Complied: the wages the order set are paid; its obligations close with an event (issue #21).
    if (body.complied && o.document_id) await settleOnCompliance(ctx, trx, actor, o.document_id, day);
    let compensationId: string | null = null;
    if (comp !== null) {
      // 加付赔偿金决定书 (《劳动合同法》第八十五条; 条例第二十六条), citing the order it follows.
      const order = o.document_id
        ? await trx.selectFrom('document').select('number').where('id', '=', o.document_id).executeTakeFirst()
        : undefined;
      const doc = await issue(ctx, trx, actor, auth, c, 'compensation_order', {
        employerName: await employerName(trx, c),
        orderNumber: order?.number ?? '责令改正指令书',
        orderDeadline: o.deadline ?? day,
        workers: await workersText(trx, c, o.worker_count),
        amountOwed: owed! / 100,
        ratePercent: body.compensationRatePercent!,
        compensation: comp / 100,
        deadline: body.compensationDeadline!,
        legalBasis: '《中华人民共和国劳动合同法》第八十五条、《劳动保障监察条例》第二十六条',
      });
      compensationId = (
        await addOutcome(
          trx,
          auth,
          c,
          'compensation',
          `逾期未支付，责令加付赔偿金${yuan(comp)}（${body.compensationRatePercent}%）`,
          {
            deadline: body.compensationDeadline!,
            amount_fen: comp,
            rate_percent: body.compensationRatePercent!,
            document_id: doc.id,
          },
        )
      ).id;
    }
    const t = await policeThresholds(trx);
    const police = policeReferralTest(t, {
      amountFen: owed ?? 0,
      workerCount: o.worker_count ?? 1,
      monthsOwed: Number((o.details as { monthsOwed?: number } | null)?.monthsOwed ?? 0),
      deadlinePassed: o.deadline !== null && day > o.deadline,
      complied: body.complied,
    });
    return {
      complied: body.complied,
      compensationId,
      compensationFen: comp,
      policeReferral: owed ? police : { met: false, reasons: ['未涉及劳动报酬'] },
    };
  });
}

/** 行政处罚告知 with the 5-working-day hearing window (《行政处罚法》第四十四条、第六十三条、第六十四条). */
export async function proposePenalty(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  caseId: string,
  body: z.infer<typeof penaltyBody>,
) {
  const { db } = ctx.database;
  const { c } = await loadInspectionCase(db, auth, caseId);
  requireState(c, ['investigating', 'ordered'], '告知拟处罚');
  await assertDecider(ctx, auth, c);
  const range = await penaltyRange(db, body.ruleCode, body.workerCount);
  assertFineInRange(range, body.fineFen);
  const day = today(ctx);
  const order = c.state === 'ordered' ? await lastOrder(ctx, c.id) : undefined;
  const event = c.state === 'ordered' ? 'escalate_to_penalty' : 'propose_penalty';
  const payload =
    c.state === 'ordered'
      ? {
          orderDeadlinePassed: order?.deadline ? day > order.deadline : false,
          complied: order?.complied ?? null,
        }
      : {};
  return step(
    ctx,
    auth,
    actor,
    c,
    event,
    { version: body.version, reason: body.facts, payload },
    async (trx) => {
      const calendar = (await clocksRuntime(ctx).calendars.snapshot(trx)).for(c.jurisdiction_id);
      const hearingDeadline = calendar.addWorkingDays(day, 5);
      const doc = await issue(ctx, trx, actor, auth, c, 'penalty_notice', {
        employerName: await employerName(trx, c),
        facts: body.facts,
        reasons: `你单位的上述行为属于“${range.label}”`,
        legalBasis: range.basis,
        proposedPenalty: `罚款${yuan(body.fineFen)}`,
        hearingDeadline,
      });
      const o = await addOutcome(
        trx,
        auth,
        c,
        'penalty',
        `拟${range.label}罚款${yuan(body.fineFen)}（${range.basis}）；听证申请期限至${hearingDeadline}`,
        {
          penalty_rule: range.code,
          fine_fen: body.fineFen,
          hearing_deadline: hearingDeadline,
          document_id: doc.id,
          ...(body.workerCount !== undefined && { worker_count: body.workerCount }),
          details: {
            facts: body.facts,
            minFen: range.minFen,
            maxFen: range.maxFen,
            label: range.label,
            basis: range.basis,
            noticeDocumentId: doc.id,
          },
        },
      );
      return { outcomeId: o.id, hearingDeadline, range, documents: [doc] };
    },
  );
}

/** 行政处罚决定 by the head, after the party was heard (window lapsed or hearing held). */
export async function decidePenalty(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  caseId: string,
  body: z.infer<typeof decidePenaltyBody>,
) {
  const { db } = ctx.database;
  const { c } = await loadInspectionCase(db, auth, caseId);
  const p = await db
    .selectFrom('inspection_outcome')
    .selectAll()
    .where('case_id', '=', c.id)
    .where('kind', '=', 'penalty')
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  if (!p) throw new AppError(409, 'NO_PENALTY_PROPOSED', '尚未告知拟处罚');
  // The party was heard: the hearing-request window lapsed without a request, or the requested hearing
  // was held — read from the record only; the procedure guards (hearing window, hearing held, 法制审核)
  // refuse the step in its transaction otherwise (409 PRECONDITION_UNMET).
  const recorded = (p.details ?? {}) as PenaltyDetails;
  const day = today(ctx);
  const requested = recorded.hearing !== undefined;
  const lapsed = p.hearing_deadline !== null && day > p.hearing_deadline && !requested;
  const partyHeard = lapsed || recorded.hearing?.held !== undefined;
  return step(
    ctx,
    auth,
    actor,
    c,
    'decide_penalty',
    { version: body.version, payload: { partyHeard } },
    async (trx) => {
      const details = (p.details ?? {}) as { facts?: string; label?: string; basis?: string };
      const employer = await employerParty(trx, c);
      const records = await trx
        .selectFrom('inspection_record')
        .select('title')
        .where('case_id', '=', c.id)
        .orderBy('created_at')
        .execute();
      const evidence = [...(body.evidence ?? []), ...records.map((r) => r.title)];
      const basis = details.basis ?? p.penalty_rule ?? '《劳动保障监察条例》';
      const doc = await issue(ctx, trx, actor, auth, c, 'penalty_decision', {
        employerName: employer.name,
        employerAddress: employer.address_enc ? ctx.cipher.decrypt(employer.address_enc) : '（未登记）',
        facts: details.facts ?? p.summary,
        evidence: evidence.length ? evidence : ['调查询问笔录、现场检查笔录及有关书证在卷'],
        penalty: `罚款${yuan(Number(p.fine_fen ?? 0))}`,
        legalBasis: basis,
        performance:
          '自收到本决定书之日起十五日内，到指定银行或者通过电子支付系统缴纳罚款（《中华人民共和国行政处罚法》第六十七条）',
        performanceDeadline: addCalendarDays(day, 15),
      });
      await trx
        .updateTable('inspection_outcome')
        .set({ hearing_requested: requested, complied: null, document_id: doc.id })
        .where('id', '=', p.id)
        .execute();
      return { outcomeId: p.id, documents: [doc] };
    },
  );
}

/**
 * 撤销立案 (minor and corrected, S3 Art. 18 ¶1(3)) or 终结调查 (untrue, S4 Art. 35 ¶2), with the 撤销立案审批表
 * signed by the acting approver (issue #13) and the 撤销立案决定书, in the step's transaction.
 */
export async function closeOut(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  caseId: string,
  kind: 'withdrawal' | 'investigation_end',
  body: z.infer<typeof closeOutBody>,
  given?: GivenApproval,
) {
  const { db } = ctx.database;
  const { c, ext } = await loadInspectionCase(db, auth, caseId);
  await assertDecider(ctx, auth, c);
  const withdrawal = kind === 'withdrawal';
  if (withdrawal && !body.evidenceOfCorrection) {
    throw new AppError(422, 'CORRECTION_EVIDENCE_REQUIRED', '撤销立案须载明已改正的证据（如工资补发凭证）');
  }
  const event = withdrawal ? 'withdraw_case' : 'end_investigation';
  const payload = withdrawal ? { minorAndCorrected: true } : { violationEstablished: false };
  return step(
    ctx,
    auth,
    actor,
    c,
    event,
    { version: body.version, reason: body.reason, payload },
    async (trx) => {
      const reasons = withdrawal ? `${body.reason}。改正情况：${body.evidenceOfCorrection}` : body.reason;
      const day = today(ctx);
      const who = requester(given, actor, day);
      const form = await issue(ctx, trx, actor, auth, c, 'inspection_revocation_approval', {
        ...(await caseHeader(trx, c, ext?.filed_on ?? null, day)),
        requestedBy: who.requestedBy,
        requestedDate: who.requestedDate,
        approver: actor.name,
        approvalDate: day,
        opinion: who.opinion || '同意撤销立案。',
        reasonCode: withdrawal ? 'minor_corrected' : 'not_established',
        reasons: body.reason,
        ...(withdrawal && body.evidenceOfCorrection
          ? { evidenceOfCorrection: body.evidenceOfCorrection }
          : {}),
      });
      await recordApproval(trx, auth, actor, {
        caseId: c.id,
        kind: 'revocation',
        day,
        given,
        request: { kind: 'revocation', revocation: kind, ...body },
        documentId: form.id,
      });
      const doc = await issue(ctx, trx, actor, auth, c, 'case_withdrawal', {
        employerName: await employerName(trx, c),
        filedDate: ext?.filed_on ?? today(ctx),
        reasonCode: withdrawal ? 'minor_corrected' : 'not_established',
        reasons,
      });
      const o = await addOutcome(
        trx,
        auth,
        c,
        kind,
        withdrawal ? `违法行为轻微且已改正，撤销立案：${reasons}` : `投诉举报内容不实，终结调查：${reasons}`,
        {
          document_id: doc.id,
          details: { approvalDocumentId: form.id },
        },
      );
      return { outcomeId: o.id, documents: [form, doc] };
    },
  );
}
