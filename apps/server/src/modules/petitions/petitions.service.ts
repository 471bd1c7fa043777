import { stepWithDocument } from './petitions.documents';
import { daysBetween, petitionMachine } from '@onestop/domain';
import type { z } from 'zod';
import type { AppContext } from '../../platform/context';
import { type Actor, appendAudit } from '../../platform/audit';
import type { AuthContext } from '../../platform/auth';
import { businessToday, dateOf } from '../../platform/time';
import { AppError, errors } from '../../platform/errors';
import { applyTransition, openCaseInTrx } from '../cases';
import { TRACKS } from '../cases';
import { asWindow } from '../consultation';
import { createIntake } from '../intake';
import { appendEvent, assertMatterInScope } from '../../platform/scope';
import { checkPhone } from '../parties';
import { createTransfer } from '../transfers';
import { FORM_LABELS, type registerBody, TARGET_LABELS } from './petitions.schema';
import { addRecord, issueDocument, type PetitionRow, precheck } from './petitions.records';
import type { PetitionForm } from './petitions.tables';
import { claimsNotInOpenProcedure } from '../matters';

const FORM_CHANNEL: Record<PetitionForm, 'mail' | 'window' | 'hotline_12333' | 'online'> = {
  letter: 'mail',
  visit: 'window',
  call: 'hotline_12333',
  online: 'online',
};

/**
 * petitions registration (《信访工作条例》第十九条、第二十一条): the matter (existing, or registered now
 * through the single window with request kind 'petition'), the petition case (number, 受理告知 clock
 * petition.reply 15 days, T-P2) with the matter's claims not yet in another procedure, and the
 * petitioner's request, facts and reasons.
 */
export async function registerPetition(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  body: z.infer<typeof registerBody>,
): Promise<string> {
  const { db } = ctx.database;
  if (body.petitionerPhone) checkPhone(body.petitionerPhone, 'petitionerPhone');
  let matterId = body.matterId;
  if (body.intake) {
    matterId = await createIntake(ctx, asWindow(auth, 'petition.work'), actor, {
      ...body.intake,
      channel: FORM_CHANNEL[body.form],
      requestKind: 'petition',
      narrative: body.intake.narrative || body.facts,
      facts: { ...body.intake.facts, ...(body.disputedConclusion && { disputesPriorConclusion: true }) },
    });
  } else {
    await assertMatterInScope(db, auth, matterId!);
  }
  return db.transaction().execute(async (trx) => {
    const free = await claimsNotInOpenProcedure(trx, matterId!).select('mc.id').execute();
    const opened = await openCaseInTrx(
      ctx,
      trx,
      auth,
      actor,
      matterId!,
      { track: 'petition', claimIds: free.map((c) => c.id) },
      { checkOpener: true },
    );
    const worker = await trx
      .selectFrom('matter_party as mp')
      .innerJoin('party as p', 'p.id', 'mp.party_id')
      .select(['p.name', 'p.phone_enc', 'p.address_enc'])
      .where('mp.matter_id', '=', matterId!)
      .where('mp.role', '=', 'worker')
      .orderBy('mp.sort')
      .executeTakeFirst();
    const name = body.petitionerName || worker?.name;
    if (!name)
      throw new AppError(400, 'PETITIONER_REQUIRED', '请填写信访人姓名', { field: 'petitionerName' });
    const row = await trx
      .insertInto('petition')
      .values({
        case_id: opened.id,
        matter_id: matterId!,
        form: body.form,
        petitioner_name: name,
        petitioner_phone_enc: body.petitionerPhone
          ? ctx.cipher.encrypt(body.petitionerPhone)
          : (worker?.phone_enc ?? null),
        petitioner_address_enc: body.petitionerAddress
          ? ctx.cipher.encrypt(body.petitionerAddress)
          : (worker?.address_enc ?? null),
        request: body.request,
        facts: body.facts,
        reasons: body.reasons,
        category: null,
        disputed_conclusion: body.disputedConclusion ?? null,
        conclusion_ref: body.conclusionRef ?? null,
        transfer_id: null,
        created_by: auth.userId,
        updated_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const summary = `信访登记（${FORM_LABELS[body.form]}，${opened.number}）：${name}——${Array.from(body.request).slice(0, 40).join('')}`;
    await appendEvent(trx, actor, matterId!, 'petition_registered', summary, {
      petitionId: row.id,
      caseId: opened.id,
    });
    await appendAudit(trx, actor, {
      action: 'petition.register',
      entityType: 'petition',
      entityId: row.id,
      summary,
      after: { caseId: opened.id, form: body.form, disputedConclusion: body.disputedConclusion ?? null },
    });
    return row.id;
  });
}

/** One step of the petition machine through the cases engine (its clocks, timeline and audit). */
export async function step(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  p: PetitionRow,
  event: string,
  input: { version?: number | undefined; reason?: string | undefined; payload?: Record<string, unknown> },
) {
  return applyTransition(ctx, auth, actor, p.case_id, event, {
    expectedVersion: input.version,
    reason: input.reason,
    payload: input.payload,
  });
}

/**
 * 《信访工作条例》第三十一条 导入: the petition goes to labor inspection or arbitration through a transfer (转办单, the
 * transfers module: on the matter's timeline, in the receiving organisation's inbox; accepted, it
 * opens the receiving case with the petition's claims), and the petition case is channelled.
 */
export async function transferPetition(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  p: PetitionRow,
  input: { target: 'inspection' | 'arbitration'; reason: string; version?: number | undefined },
) {
  const { db } = ctx.database;
  if (p.state !== 'registered') {
    throw new AppError(409, 'PETITION_NOT_REGISTERED', '只有尚未受理、分类处理的信访事项可以转办导入');
  }
  if (input.version !== undefined && input.version !== p.case_version)
    throw errors.conflict({ version: p.case_version });
  const agency = TRACKS[input.target].agency!;
  const org = await db
    .selectFrom('organization')
    .select(['id', 'name'])
    .where('agency', '=', agency)
    .where('parent_id', 'is', null)
    .orderBy('sort')
    .orderBy('name')
    .executeTakeFirst();
  const toOrg =
    org ??
    (await db
      .selectFrom('organization')
      .select(['id', 'name'])
      .where('agency', '=', agency)
      .orderBy('sort')
      .executeTakeFirst());
  if (!toOrg) throw new AppError(422, 'TRANSFER_TARGET_MISSING', `未配置${TARGET_LABELS[input.target]}机构`);
  const transferId = await createTransfer(ctx, auth, actor, p.matter_id, {
    toOrgId: toOrg.id,
    toTrack: input.target,
    caseId: p.case_id,
    reason: `信访事项导入${TARGET_LABELS[input.target]}（《信访工作条例》第三十一条）：${input.reason}`,
  });
  // 不予受理告知书 (条例第三十一条) issued with the channel step, in its transaction.
  const channel =
    input.target === 'arbitration' ? `向${toOrg.name}申请仲裁` : `向${toOrg.name}投诉，由其依法处理`;
  const document = await stepWithDocument(
    ctx,
    auth,
    actor,
    p,
    'channel',
    {
      reason: input.reason,
      payload: { channelTo: `${TARGET_LABELS[input.target]}（${toOrg.name}）`, transferId },
    },
    {
      reason: `该事项属于${TARGET_LABELS[input.target]}受理范围（${input.reason.replace(/[。.]+$/, '')}）`,
      channel,
    },
  );
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('petition')
      .set((eb) => ({ transfer_id: transferId, version: eb('version', '+', 1), updated_at: new Date() }))
      .where('id', '=', p.id)
      .execute();
  });
  return document;
}

export async function explainPetition(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  p: PetitionRow,
  input: {
    conclusionType?: 'inspection' | 'arbitration' | undefined;
    conclusionRef?: string | undefined;
    explanation: string;
    court: string;
    version?: number | undefined;
  },
) {
  const conclusionType = input.conclusionType ?? p.disputed_conclusion;
  if (!conclusionType) {
    throw new AppError(400, 'CONCLUSION_REQUIRED', '请选择信访人不服的处理结论（监察处理决定或仲裁裁决）', {
      field: 'conclusionType',
    });
  }
  const fields = {
    petitionerName: p.petitioner_name,
    conclusionType,
    conclusionRef: input.conclusionRef || p.conclusion_ref || '',
    request: p.request,
    explanation: input.explanation,
    court: input.court,
  };
  precheck(ctx, p, 'explanation_record', fields);
  await step(ctx, auth, actor, p, 'explain', { version: input.version, reason: `引导至${input.court}` });
  return issueDocument(ctx, actor, p, 'explanation_record', fields, {
    kind: 'explanation',
    occurredOn: businessToday(ctx.config),
    content: input.explanation,
    result: `引导通过司法途径解决：${input.court}`,
    payload: { conclusionType, conclusionRef: fields.conclusionRef },
  });
}

export async function acceptPetition(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  p: PetitionRow,
  version?: number,
) {
  const m = await ctx.database.db
    .selectFrom('matter')
    .select('received_at')
    .where('id', '=', p.matter_id)
    .executeTakeFirstOrThrow();
  const fields = {
    petitionerName: p.petitioner_name,
    receivedDate: dateOf(ctx.config, new Date(m.received_at)),
    request: p.request,
    handlingDays: 60,
  };
  precheck(ctx, p, 'petition_acceptance', fields);
  await step(ctx, auth, actor, p, 'accept', { version });
  return issueDocument(ctx, actor, p, 'petition_acceptance', fields);
}

export async function decidePetition(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  p: PetitionRow,
  input: {
    facts: string;
    opinion: string;
    outcome: string;
    legalBasis: string;
    version?: number | undefined;
  },
) {
  const fields = {
    petitionerName: p.petitioner_name,
    request: p.request,
    facts: input.facts,
    opinion: input.opinion,
    outcome: input.outcome,
    legalBasis: input.legalBasis,
  };
  precheck(ctx, p, 'petition_opinion', fields);
  await step(ctx, auth, actor, p, 'decide', { version: input.version });
  return issueDocument(ctx, actor, p, 'petition_opinion', fields);
}

/** 前期介入协商调处 succeeded: accepted (if not yet) and settled (条例第三十三条), with the settlement record. */
export async function resolvePetition(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  p: PetitionRow,
  input: { occurredOn: string; terms: string; version?: number | undefined },
) {
  if (p.state !== 'registered' && p.state !== 'accepted') {
    throw new AppError(409, 'PETITION_NOT_OPEN', '该信访事项当前状态不能调解和解');
  }
  if (p.state === 'registered') {
    await step(ctx, auth, actor, p, 'accept', { version: input.version, reason: '前期介入协商调处' });
  }
  await step(ctx, auth, actor, p, 'settle', {
    reason: '协商调处达成和解',
    payload: { agreementSigned: true },
  });
  await addRecord(
    ctx,
    actor,
    p,
    { kind: 'settlement', occurredOn: input.occurredOn, content: input.terms, result: '已和解' },
    `信访事项协商调处达成和解：${Array.from(input.terms).slice(0, 40).join('')}`,
  );
}

/** Facts for the review / re-review / close guards (《信访工作条例》第三十五条、第三十六条). */
export async function stepPayload(
  ctx: AppContext,
  p: PetitionRow,
  event: string,
  body: {
    replyReceivedOn?: string | undefined;
    extensionReason?: string | undefined;
    receivingOrgan?: string | undefined;
    majorOrUrgent?: boolean | undefined;
  },
  actor: Actor,
): Promise<Record<string, unknown>> {
  const payload: Record<string, unknown> = {};
  if (body.replyReceivedOn)
    payload.daysSinceReplyReceived = daysBetween(body.replyReceivedOn, businessToday(ctx.config));
  if (body.receivingOrgan) payload.receivingOrgan = body.receivingOrgan;
  if (body.majorOrUrgent !== undefined) payload.majorOrUrgent = body.majorOrUrgent;
  if (event === 'extend') {
    const prior = await ctx.database.db
      .selectFrom('case_event')
      .select('seq')
      .where('case_id', '=', p.case_id)
      .where('event', '=', 'extend')
      .executeTakeFirst();
    payload.alreadyExtended = prior !== undefined;
    if (body.extensionReason) payload.extensionReason = body.extensionReason;
    payload.approver = actor.name;
  }
  if (!(event in petitionMachine.events)) throw new AppError(400, 'PETITION_EVENT_UNKNOWN', '操作不正确');
  return payload;
}
