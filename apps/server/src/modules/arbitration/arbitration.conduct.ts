// Over 400 lines on purpose: the steps that end or suspend a hearing (withdrawal, no-show, suspension, advance execution) share loading and guards.
import { writtenAwardText } from './arbitration.written';
import {
  ARBITRATION_SUSPENSION_GROUNDS,
  CLAIM_CATALOGUE,
  chineseDate,
  documentFen,
  isClaimType,
} from '@onestop/domain';
import type { z } from 'zod';
import { randomBytes } from 'node:crypto';
import type { AppContext } from '../../platform/context';
import type { Actor } from '../../platform/audit';
import type { AuthContext } from '../../platform/auth';
import { businessToday, dateOf } from '../../platform/time';
import { AppError } from '../../platform/errors';
import { getClocksService } from '../clocks';
import {
  createObligations,
  itemsFromDocument,
  type ObligationItemInput,
  recordService,
} from '../obligations';
import { enqueuePartyNotice } from '../notifications';
import { acceptanceFacts, assertConsents } from './arbitration.collective';
import { type ApplicationData, documentNames, loadApplication } from './arbitration.data';
import {
  type AdvanceExecutionInput,
  advanceExecutionDocument,
  assertAdvanceExecution,
  type HearingRecordInput,
  hearingRecordDocument,
} from './arbitration.documents';
import { localDateTime, settingNumber, type Trx } from './arbitration.runtime';
import { hearingNoticeServedToApplicant } from './arbitration.service-proof';
import { addRecord, type IssuedDoc, issueFor, transitionCase } from './arbitration.steps';
import type { mediationBody } from './arbitration.schema';
import { tribunalOf } from './arbitration.tribunal';

type Auth = Pick<AuthContext, 'grants'>;
export type SuspensionGround = keyof typeof ARBITRATION_SUSPENSION_GROUNDS;

export interface AwardItemInput {
  text: string;
  claimType: string;
  amountFen?: number | undefined;
}

export interface DeterminedItem extends AwardItemInput {
  finality: 'final' | 'non_final';
  why: string;
}

/**
 * Per-item final / non-final determination (调解仲裁法第四十七条; 最高法解释（一）第十九条, final award, 《劳动争议调解仲裁法》第四十七条):
 * labour remuneration, injury medical fees, economic compensation and damages are final when the AWARDED
 * amount of the item does not exceed 12 × the local monthly minimum wage; national-standards items
 * (working hours, rest and leave, social insurance) are final at any amount; everything else non-final.
 */
export function determineFinality(items: AwardItemInput[], minimumWageFen: number): DeterminedItem[] {
  const cap = 12 * minimumWageFen;
  return items.map((i) => {
    const category = isClaimType(i.claimType) ? CLAIM_CATALOGUE[i.claimType].finalAwardCategory : null;
    if (category === 'standards')
      return { ...i, finality: 'final', why: '执行国家劳动标准发生的争议（第四十七条第（二）项）' };
    if (category && i.amountFen !== undefined && i.amountFen <= cap) {
      return {
        ...i,
        finality: 'final',
        why: `不超过当地月最低工资标准十二个月金额（${(cap / 100).toFixed(2)}元）`,
      };
    }
    if (category)
      return {
        ...i,
        finality: 'non_final',
        why: `超过当地月最低工资标准十二个月金额（${(cap / 100).toFixed(2)}元）`,
      };
    return { ...i, finality: 'non_final', why: '不属于第四十七条规定的终局裁决事项' };
  });
}

/** Addressees of a notice to both parties: each party, or (collective) one notice to all via the representatives. */
export function bothParties(d: ApplicationData): string[] {
  const names = documentNames(d);
  return d.matter.collective
    ? [`${names.applicantName}、${names.respondentName}`]
    : [...names.workers.map((w) => w.name), ...names.employers.map((e) => e.name)];
}

async function awardClock(trx: Trx, caseId: string) {
  return trx
    .selectFrom('clock')
    .select(['id', 'due_date', 'status', 'extension_approver'])
    .where('subject_type', '=', 'case')
    .where('subject_id', '=', caseId)
    .where('rule_id', '=', 'arbitration.award')
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

/**
 * 中止审理 with the ground (办案规则第四十七条): approved by the leader (the machine's APPROVERS), the award
 * clock is suspended (中止 days excluded) and a 中止审理决定书 with the reason is issued to the parties.
 */
export async function suspendCase(
  ctx: AppContext,
  trx: Trx,
  auth: Auth,
  actor: Actor,
  caseId: string,
  input: { ground: SuspensionGround; detail?: string | undefined },
) {
  const reason = `${ARBITRATION_SUSPENSION_GROUNDS[input.ground]}${input.detail ? `：${input.detail}` : ''}`;
  const step = await transitionCase(ctx, trx, auth, actor, caseId, 'suspend', {
    reason,
    payload: { suspensionGround: input.ground },
  });
  const d = await loadApplication(trx, caseId);
  const names = documentNames(d);
  const doc = await issueFor(ctx, trx, actor, caseId, 'suspension_decision', {
    applicantName: names.applicantName,
    respondentName: names.respondentName,
    caseCause: names.caseCause,
    acceptedDate: (await acceptanceFacts(ctx, trx, caseId)).acceptedDate,
    ground: ARBITRATION_SUSPENSION_GROUNDS[input.ground],
    ...(input.detail && { detail: input.detail }),
    approver: actor.name,
  });
  await addRecord(trx, actor, caseId, 'suspension', `中止审理：${reason}（${doc.number}）`, {
    ground: input.ground,
    documentId: doc.id,
  });
  return { step, documents: [doc] };
}

/** 恢复审理: the award clock runs on; a 恢复审理通知书 with the reason and the new due date. */
export async function resumeCase(
  ctx: AppContext,
  trx: Trx,
  auth: Auth,
  actor: Actor,
  caseId: string,
  input: { reason: string },
) {
  const suspended = await trx
    .selectFrom('arbitration_record')
    .select('created_at')
    .where('case_id', '=', caseId)
    .where('kind', '=', 'suspension')
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  const step = await transitionCase(ctx, trx, auth, actor, caseId, 'resume', { reason: input.reason });
  const d = await loadApplication(trx, caseId);
  const names = documentNames(d);
  const clock = await awardClock(trx, caseId);
  const doc = await issueFor(ctx, trx, actor, caseId, 'resumption_notice', {
    applicantName: names.applicantName,
    respondentName: names.respondentName,
    caseCause: names.caseCause,
    suspendedDate: dateOf(ctx.config, suspended?.created_at ?? new Date()),
    reason: input.reason,
    ...(clock && { awardDueDate: clock.due_date }),
  });
  await addRecord(trx, actor, caseId, 'resumption', `恢复审理：${input.reason}（${doc.number}）`, {
    documentId: doc.id,
  });
  return { step, documents: [doc] };
}

/**
 * 延长审限 ≤15 days once, with the approver and reason (调解仲裁法第四十三条; 办案规则第四十五条); the parties
 * are told in writing: one 延长审理期限通知书 to each party (collective: one to all).
 */
export async function extendAward(
  ctx: AppContext,
  trx: Trx,
  auth: Auth,
  actor: Actor,
  caseId: string,
  input: { approver: string; reason: string; days: number },
) {
  const clock = await trx
    .selectFrom('clock')
    .select(['extension_approver', 'due_date'])
    .where('subject_type', '=', 'case')
    .where('subject_id', '=', caseId)
    .where('rule_id', '=', 'arbitration.award')
    .where('status', 'in', ['running', 'suspended', 'extended'])
    .executeTakeFirst();
  if (!clock) throw new AppError(409, 'AWARD_CLOCK_NOT_RUNNING', '审理期限未在计时中');
  const step = await transitionCase(ctx, trx, auth, actor, caseId, 'extend_award_period', {
    reason: input.reason,
    payload: {
      extensionDays: input.days,
      alreadyExtended: clock.extension_approver !== null,
      approver: input.approver,
    },
  });
  const after = await awardClock(trx, caseId);
  const d = await loadApplication(trx, caseId);
  const names = documentNames(d);
  const acceptedDate = (await acceptanceFacts(ctx, trx, caseId)).acceptedDate;
  const documents: IssuedDoc[] = [];
  for (const addresseeName of bothParties(d)) {
    documents.push(
      await issueFor(ctx, trx, actor, caseId, 'extension_notice', {
        addresseeName,
        applicantName: names.applicantName,
        respondentName: names.respondentName,
        caseCause: names.caseCause,
        acceptedDate,
        days: input.days,
        originalDueDate: clock.due_date,
        newDueDate: after?.due_date ?? clock.due_date,
        approver: input.approver,
        reason: input.reason,
      }),
    );
  }
  await addRecord(
    trx,
    actor,
    caseId,
    'extension',
    `延长审理期限${input.days}日（批准人：${input.approver}）：${input.reason}；已书面通知双方当事人（${documents.map((x) => x.number).join('、')}）`,
    { documents: documents.map((x) => x.id), dueDate: after?.due_date ?? null },
  );
  return { step, documents };
}

/**
 * Step with a record: withdrawal, no-show, defence, hearing, advance execution (先予执行). A withdrawal
 * (调解仲裁法第四十一条) issues the 准予撤回仲裁申请决定书; in a collective case the representatives may only
 * withdraw with the represented workers' written consent (422 REPRESENTED_CONSENT_MISSING otherwise).
 */
export async function simpleStep(
  ctx: AppContext,
  trx: Trx,
  auth: Auth,
  actor: Actor,
  caseId: string,
  kind: 'withdraw' | 'applicant_no_show' | 'receive_defence' | 'hold_hearing' | 'order_advance_execution',
  input: {
    summary: string;
    payload?: Record<string, unknown> | undefined;
    hearing?: Omit<HearingRecordInput, 'summary'> | undefined;
    advance?: Omit<AdvanceExecutionInput, 'summary'> | undefined;
  },
) {
  const d = kind === 'withdraw' ? await loadApplication(trx, caseId) : null;
  if (kind === 'order_advance_execution') {
    await assertAdvanceExecution(trx, caseId, { summary: input.summary, ...input.advance });
  }
  const consents = d ? await assertConsents(trx, d, 'withdraw') : [];
  let payload = input.payload;
  const proof =
    kind === 'applicant_no_show' ? await hearingNoticeServedToApplicant(trx, caseId, ctx.config) : null;
  if (kind === 'applicant_no_show') {
    // Treating the applicant as having withdrawn needs PROOF that the written hearing notice reached
    // them (the procedure guard refuses otherwise, 409 PRECONDITION_UNMET) — the staff's word is not
    // enough, and an SMS or phone notice of 简易处理 never is.
    payload = { ...(payload ?? {}), hearingNoticeServed: proof !== null };
  }
  const step = await transitionCase(ctx, trx, auth, actor, caseId, kind, {
    reason: input.summary,
    payload,
  });
  const recordKind = {
    withdraw: 'withdrawal',
    applicant_no_show: 'default',
    receive_defence: 'defence',
    hold_hearing: 'hearing_record',
    order_advance_execution: 'advance_execution',
  } as const;
  const documents: IssuedDoc[] = [];
  if (proof) {
    const app = await loadApplication(trx, caseId);
    const names = documentNames(app);
    const hearing = await trx
      .selectFrom('hearing')
      .select('starts_at')
      .where('case_id', '=', caseId)
      .where('state', '=', 'scheduled')
      .orderBy('starts_at', 'desc')
      .executeTakeFirst();
    documents.push(
      await issueFor(ctx, trx, actor, caseId, 'deemed_withdrawal_decision', {
        applicantName: names.applicantName,
        respondentName: names.respondentName,
        caseCause: names.caseCause,
        acceptedDate: (await acceptanceFacts(ctx, trx, caseId)).acceptedDate,
        hearingAt: hearing ? localDateTime(ctx, hearing.starts_at) : '开庭通知书载明的时间',
        serviceProof: proof,
        reason: input.summary,
      }),
    );
    await trx
      .updateTable('hearing')
      .set({ state: 'cancelled' })
      .where('case_id', '=', caseId)
      .where('state', '=', 'scheduled')
      .execute();
  }
  // 庭审笔录 of the hearing held (调解仲裁法第四十条); 先予执行裁决书 (第四十四条).
  if (kind === 'hold_hearing') {
    documents.push(
      await hearingRecordDocument(ctx, trx, actor, caseId, { summary: input.summary, ...input.hearing }),
    );
  }
  if (kind === 'order_advance_execution') {
    documents.push(
      await advanceExecutionDocument(ctx, trx, actor, caseId, { summary: input.summary, ...input.advance }),
    );
  }
  if (d) {
    const names = documentNames(d);
    documents.push(
      await issueFor(ctx, trx, actor, caseId, 'withdrawal_decision', {
        applicantName: names.applicantName,
        respondentName: names.respondentName,
        caseCause: names.caseCause,
        acceptedDate: (await acceptanceFacts(ctx, trx, caseId)).acceptedDate,
        withdrawalDate: businessToday(ctx.config),
        reason: input.summary,
        ...(consents.length && { consents }),
      }),
    );
  }
  await addRecord(
    trx,
    actor,
    caseId,
    recordKind[kind],
    documents.length ? `${input.summary}（${documents[0]!.number}）` : input.summary,
    { ...(input.payload ?? {}), ...(documents.length && { documentId: documents[0]!.id }) },
  );
  if (kind === 'hold_hearing') {
    await trx
      .updateTable('hearing')
      .set({ state: 'held' })
      .where('case_id', '=', caseId)
      .where('state', '=', 'scheduled')
      .execute();
  }
  return { step, documents };
}

async function arbitratorNames(trx: Trx, caseId: string) {
  const t = (await tribunalOf(trx, caseId)).filter((x) => x.role !== 'clerk');
  if (!t.length) throw new AppError(422, 'TRIBUNAL_REQUIRED', '尚未组成仲裁庭');
  return t.map((x) => x.display_name);
}

/** A payment of the 调解书 as its text states it (amount, due date, instalments). */
function paymentTerm(i: ObligationItemInput): string {
  const by = i.dueDate ? `于${chineseDate(i.dueDate)}前` : '';
  const parts = (i.instalments ?? []).map(
    (x, n) => `第${n + 1}期于${chineseDate(x.dueDate)}前支付${documentFen(x.amountFen)}`,
  );
  return parts.length
    ? `被申请人向申请人支付${i.item}${documentFen(i.amountFen)}，分${parts.length}期支付：${parts.join('；')}`
    : `被申请人${by}向申请人支付${i.item}${documentFen(i.amountFen)}`;
}

/** 仲裁调解书: effective once both parties sign for it (调解仲裁法第四十二条). */
export async function mediationStatement(
  ctx: AppContext,
  trx: Trx,
  auth: Auth,
  actor: Actor,
  caseId: string,
  input: z.infer<typeof mediationBody>,
) {
  const d = await loadApplication(trx, caseId);
  const names = documentNames(d);
  // Collective: accepting a settlement disposes of the represented workers' rights (办案规则第六十二条起).
  await assertConsents(trx, d, 'accept_settlement');
  const step = await transitionCase(ctx, trx, auth, actor, caseId, 'mediate', {
    payload: { bothPartiesSigned: input.bothPartiesSigned },
  });
  // Checked after the post's own check (the transition), so a post that may not act learns nothing more.
  const payments = itemsFromDocument(input.payments ?? []);
  const doc = await issueFor(ctx, trx, actor, caseId, 'arbitral_mediation_statement', {
    applicantName: names.applicantName,
    respondentName: names.respondentName,
    caseCause: names.caseCause,
    claims: d.claims.map((c) => `${c.label}${c.amountFen ? `${(c.amountFen / 100).toFixed(2)}元` : ''}`),
    agreedTerms: [
      ...input.agreedTerms,
      ...payments.map(paymentTerm).filter((t) => !input.agreedTerms.includes(t)),
    ],
    arbitrators: await arbitratorNames(trx, caseId),
  });
  // Each payment the 调解书 sets becomes an obligation (issue #21). The 调解书 takes effect when both
  // parties sign for it (调解仲裁法第四十二条第三款): that signature is its service.
  const today = businessToday(ctx.config);
  const matter = await trx
    .selectFrom('track_case')
    .select('matter_id')
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  await createObligations(ctx, trx, actor, {
    matterId: matter.matter_id,
    caseId,
    source: 'arbitral_mediation_statement',
    sourceDocumentId: doc.id,
    sourceLabel: `仲裁调解书${doc.number}`,
    effectiveDate: today,
    servedOn: today,
    items: payments,
  });
  return { step, documents: [doc] };
}

/**
 * 裁决: per-item determination; when final and non-final items both exist, two separate 裁决书 (办案规则
 * 第五十条第二款). Mediation must have been attempted first (调解仲裁法第四十二条).
 */
export async function makeAward(
  ctx: AppContext,
  trx: Trx,
  auth: Auth,
  actor: Actor,
  caseId: string,
  input: { facts: string; reasons: string; items: AwardItemInput[]; mediationAttempted: boolean },
) {
  const d = await loadApplication(trx, caseId);
  const names = documentNames(d);
  const mw = await settingNumber(trx, 'arbitration.monthly_minimum_wage_fen', 200000);
  const items = determineFinality(input.items, mw);
  const attempted =
    input.mediationAttempted ||
    (await trx
      .selectFrom('arbitration_record')
      .select('id')
      .where('case_id', '=', caseId)
      .where('kind', '=', 'mediation_attempt')
      .executeTakeFirst()) !== undefined;
  // A case heard on the papers (书面审理): only after its periods, or both sides submitted everything.
  const written = await writtenAwardText(trx, caseId, businessToday(ctx.config));
  const step = await transitionCase(ctx, trx, auth, actor, caseId, 'award', {
    payload: { mediationAttempted: attempted },
  });
  const arbitrators = await arbitratorNames(trx, caseId);
  const documents: IssuedDoc[] = [];
  const ids: Record<'final' | 'non_final', string | null> = { final: null, non_final: null };
  for (const finality of ['final', 'non_final'] as const) {
    const mine = items.filter((i) => i.finality === finality);
    if (!mine.length) continue;
    const doc = await issueFor(ctx, trx, actor, caseId, 'award', {
      applicantName: names.applicantName,
      respondentName: names.respondentName,
      caseCause: names.caseCause,
      claims: d.claims.map((c) => `${c.label}${c.amountFen ? `${(c.amountFen / 100).toFixed(2)}元` : ''}`),
      facts: input.facts,
      reasons: input.reasons,
      ...(written && { writtenHearing: written }),
      items: mine.map((i) => ({
        text: i.text,
        finality,
        ...(i.amountFen !== undefined && { amount: i.amountFen / 100 }),
      })),
      arbitrators,
    });
    ids[finality] = doc.id;
    documents.push(doc);
    // Each item awarding money becomes an obligation (issue #21): a final award binds on making
    // (调解仲裁法第四十七条), a non-final one after the period to sue (set when it is served).
    const matter = await trx
      .selectFrom('track_case')
      .select('matter_id')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    const today = businessToday(ctx.config);
    await createObligations(ctx, trx, actor, {
      matterId: matter.matter_id,
      caseId,
      source: finality === 'final' ? 'arbitration_award_final' : 'arbitration_award_non_final',
      sourceDocumentId: doc.id,
      sourceLabel: `裁决书${doc.number}`,
      effectiveDate: finality === 'final' ? today : null,
      items: mine
        .filter((i) => i.amountFen)
        .map((i) => ({
          item: i.text,
          claimType: i.claimType,
          amountFen: i.amountFen!,
          dueDate: finality === 'final' ? today : null,
        })),
    });
  }
  await trx
    .insertInto('arbitration_award')
    .values({
      case_id: caseId,
      items: JSON.stringify(items),
      minimum_wage_fen: mw,
      final_document_id: ids.final,
      non_final_document_id: ids.non_final,
      created_by: actor.id,
    })
    .execute();
  return { step, documents, items };
}

/** Service of the award starts the suit / set-aside clocks of each kind (调解仲裁法第四十八条至第五十条). */
export async function serveAward(ctx: AppContext, trx: Trx, auth: Auth, actor: Actor, caseId: string) {
  const award = await trx
    .selectFrom('arbitration_award')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  if (!award) throw new AppError(409, 'AWARD_MISSING', '尚未作出裁决');
  const event = award.non_final_document_id ? 'serve_non_final_award' : 'serve_final_award';
  const step = await transitionCase(ctx, trx, auth, actor, caseId, event, { reason: '裁决书已送达' });
  // The service date fixes when a non-final award binds and is the proof the enforcement pack carries.
  await recordService(
    ctx,
    trx,
    actor,
    [award.final_document_id, award.non_final_document_id].filter((x): x is string => x !== null),
    businessToday(ctx.config),
  );
  if (award.non_final_document_id && award.final_document_id) {
    const c = await trx
      .selectFrom('track_case')
      .selectAll()
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    for (const ruleId of [
      'arbitration.final-award.worker-suit',
      'arbitration.final-award.employer-set-aside',
    ]) {
      await getClocksService(ctx).start(
        trx,
        {
          subjectType: 'case',
          subjectId: caseId,
          subjectLabel: c.number,
          ruleId,
          triggerDate: businessToday(ctx.config),
          responsibleUserId: c.assignee_user_id,
          organizationId: c.organization_id,
          jurisdictionId: c.jurisdiction_id,
        },
        actor,
      );
    }
  }
  return { step };
}

/**
 * 结案 with outcome and amounts; a satisfaction-rating request to each worker, sent by SMS (the portal
 * answers it).
 */
export async function closeCase(
  ctx: AppContext,
  trx: Trx,
  auth: Auth,
  actor: Actor,
  caseId: string,
  input: { outcome: string; amountFen?: number | undefined },
) {
  const d = await loadApplication(trx, caseId);
  const step = await transitionCase(ctx, trx, auth, actor, caseId, 'close', {
    reason: input.outcome,
    payload: { outcome: input.outcome, amountFen: input.amountFen ?? null },
  });
  await trx
    .updateTable('arbitration_application')
    .set({ outcome: input.outcome, outcome_amount_fen: input.amountFen ?? null, updated_at: new Date() })
    .where('case_id', '=', caseId)
    .execute();
  const requests: string[] = [];
  for (const w of d.parties.filter((p) => p.role === 'worker')) {
    const token = randomBytes(12).toString('base64url');
    const message = `【随州劳动维权】${w.name}您好，您的仲裁案件${d.c.number}已结案（${input.outcome}）。请对本中心的服务作出满意度评价，评价码：${token}。`;
    const r = await trx
      .insertInto('satisfaction_request')
      .values({ case_id: caseId, matter_id: d.c.matter_id, party_id: w.partyId, token, message })
      .onConflict((oc) => oc.columns(['case_id', 'party_id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!r) continue;
    requests.push(r.id);
    // The invitation goes out by SMS through the party outbox (delivered by the outbox worker).
    await enqueuePartyNotice(trx, {
      subjectType: 'case',
      subjectId: caseId,
      partyId: w.partyId,
      recipientLabel: `申请人${w.name}`,
      channel: 'sms',
      template: 'arbitration.satisfaction',
      params: { name: w.name, number: d.c.number, outcome: input.outcome, token },
      dedupeKey: `arbitration.satisfaction:${caseId}:${w.partyId}`,
      createdBy: actor.id,
    });
  }
  return { step, satisfactionRequests: requests };
}
