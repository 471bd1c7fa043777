import type { z } from 'zod';
import type { AppContext } from '../../platform/context';
import type { Actor } from '../../platform/audit';
import type { AuthContext } from '../../platform/auth';
import { businessToday } from '../../platform/time';
import { AppError, errors } from '../../platform/errors';
import { openCaseInTrx } from '../cases';
import { getDocumentsService } from '../documents';
import type { IssuedRef } from '../documents';
import { appendEvent } from '../../platform/scope';
import { calculate } from './calculator.service';
import {
  assertDesk,
  contactFor,
  assertVersion,
  loadCase,
  matterParties,
  openClaims,
  step,
  type Trx,
} from './mediation.common';
import { sendClaimsToArbitration } from './mediation.arbitration';
import { arbitrationPending, mediationIssuer, proposalNextStep } from './mediation.issuer';
import { BASIS, claimTypeLabel, whoMediates } from './mediation.rules';
import type { proposalBody, startBody } from './mediation.schema';
import { loadCalcFigures, loadCriteria, replyDays } from './mediation.settings';
import { claimsNotInOpenProcedure } from '../matters';

/** The worker / employer portal answers through the same function as the staff (item by item). */
export { recordProposalReplies } from './mediation.replies';

const METHOD_LABELS = { window_signature: '窗口当面签字确认', online_confirmation: '网上确认' } as const;

/** Claims that may enter mediation: the given ones, else those of the matter not open in any procedure. */
async function claimsFor(trx: Trx, matterId: string, claimIds: string[] | undefined) {
  const claims = await claimsNotInOpenProcedure(trx, matterId)
    .select(['mc.id', 'mc.type', 'mc.amount_fen', 'mc.track'])
    .orderBy('mc.sort')
    .execute();
  if (!claimIds)
    return claims.filter((c) => c.track === null || c.track === 'mediation' || c.track === 'arbitration');
  const missing = claimIds.find((id) => !claims.some((c) => c.id === id));
  if (missing) {
    throw new AppError(409, 'CLAIM_NOT_AVAILABLE', '所选诉求不属于该事项或已在其他程序中办理', {
      claimId: missing,
    });
  }
  return claims.filter((c) => claimIds.includes(c.id));
}

export type StartResult =
  | { outcome: 'mediation'; caseId: string; number: string }
  | { outcome: 'arbitration'; caseId: string; number: string };

/**
 * Records the worker's answer to "mediate first?" (who, when, how) and acts on it in one transaction:
 * consent → a mediation case, kept at the center when "small and simple", else referred to a listed
 * organisation; refusal → straight to arbitration intake with the same claims (《劳动争议调解仲裁法》第三条、第四十二条, 《劳动人事争议仲裁办案规则》第六十八条、第六十九条).
 */
export async function startMediation(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  matterId: string,
  body: z.infer<typeof startBody>,
): Promise<StartResult> {
  const { db } = ctx.database;
  return db.transaction().execute(async (trx) => {
    const matter = await trx.selectFrom('matter').selectAll().where('id', '=', matterId).executeTakeFirst();
    if (!matter) throw errors.notFound('维权事项');
    await assertDesk(trx, auth, matter.jurisdiction_id);
    const { workers, employers } = await matterParties(trx, matterId);
    const worker = body.consent.workerPartyId
      ? workers.find((w) => w.id === body.consent.workerPartyId)
      : workers[0];
    if (!worker)
      throw new AppError(400, 'CONSENT_WORKER', '表示意见的劳动者不属于该事项', {
        field: 'consent.workerPartyId',
      });
    const claims = await claimsFor(trx, matterId, body.claimIds);
    if (!claims.length)
      throw new AppError(
        409,
        'NO_CLAIMS_FOR_MEDIATION',
        '该事项没有可以进入调解的诉求（均已在其他程序中办理）',
      );
    const consent = {
      given: body.consent.given,
      method: body.consent.method,
      methodLabel: METHOD_LABELS[body.consent.method],
      workerId: worker.id,
      workerName: worker.name,
      recordedById: actor.id,
      recordedByName: actor.name,
      at: new Date().toISOString(),
      note: body.consent.note ?? null,
      basis: BASIS.consent,
    };
    await trx
      .updateTable('matter')
      .set((eb) => ({
        mediation_consent: JSON.stringify(consent),
        version: eb('version', '+', 1),
        updated_at: new Date(),
      }))
      .where('id', '=', matterId)
      .execute();
    await appendEvent(
      trx,
      actor,
      matterId,
      'mediation_consent',
      `记录${worker.name}${consent.given ? '同意' : '不同意'}调解（${consent.methodLabel}）`,
      consent,
    );
    const claimIds = claims.map((c) => c.id);
    if (!consent.given) {
      const arb = await sendClaimsToArbitration(ctx, trx, auth, actor, {
        matterId,
        claimIds,
        reason: '劳动者不同意调解',
      });
      return { outcome: 'arbitration', caseId: arb.id, number: arb.number };
    }

    const totalFen = claims.reduce((s, c) => s + (c.amount_fen ?? 0), 0);
    const verdict = whoMediates(
      { totalFen, factsUndisputed: body.factsUndisputed, employerCount: employers.length },
      await loadCriteria(trx),
    );
    const handling = body.handling ?? (verdict.center ? 'center' : 'organization');
    const reasons = [...verdict.reasons];
    if (handling === 'center' && !verdict.center) {
      if (!body.overrideReason || Array.from(body.overrideReason).length < 4) {
        throw new AppError(
          400,
          'OVERRIDE_REASON_REQUIRED',
          '不符合中心就地调解标准而由中心调解的，须说明理由（至少4个字）',
          {
            field: 'overrideReason',
            reasons: verdict.reasons,
          },
        );
      }
      reasons.push(`改由中心调解：${body.overrideReason}`);
    }
    let org: { id: string; name: string } | undefined;
    if (handling === 'organization') {
      if (!body.organizationId) {
        throw new AppError(400, 'MEDIATION_ORGANIZATION_REQUIRED', '请选择转交的调解组织', {
          field: 'organizationId',
          reasons: verdict.reasons,
        });
      }
      org = await trx
        .selectFrom('mediation_organization')
        .select(['id', 'name'])
        .where('id', '=', body.organizationId)
        .where('active', '=', true)
        .executeTakeFirst();
      if (!org) throw new AppError(400, 'MEDIATION_ORGANIZATION_UNKNOWN', '所选调解组织不存在或已停用');
    }
    const opened = await openCaseInTrx(
      ctx,
      trx,
      auth,
      actor,
      matterId,
      { track: 'mediation', claimIds },
      { checkOpener: true },
    );
    const myContact = await contactFor(trx, auth.organizationId);
    await trx
      .insertInto('mediation_case')
      .values({
        case_id: opened.id,
        matter_id: matterId,
        consent: JSON.stringify(consent),
        employer_consent: null,
        handled_by: handling,
        handling_reasons: JSON.stringify(reasons),
        organization_id: org?.id ?? null,
        referral_state: org ? 'pending' : null,
        referral_note: null,
        mediator_user_id: auth.userId,
        mediator_name: actor.name,
        mediator_contact: myContact,
        reply_deadline: null,
        proposal_document_id: null,
        agreement_document_id: null,
        agreement_signed_at: null,
        performance_date: null,
        arbitration_case_id: null,
        updated_at: new Date(),
      })
      .execute();
    const where = org ? `转交${org.name}调解（转交待接收）` : '由中心调解';
    await appendEvent(trx, actor, matterId, 'mediation_started', `调解案件 ${opened.number}：${where}`, {
      caseId: opened.id,
      reasons,
    });
    return { outcome: 'mediation', caseId: opened.id, number: opened.number };
  });
}

/**
 * The 调解建议书: a proposed amount and reason per claim item (optionally computed by the calculator,
 * formula and basis kept), issued to both sides with the reply date and the mediator's contact.
 */
export async function saveProposal(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  caseId: string,
  body: z.infer<typeof proposalBody>,
) {
  const { db } = ctx.database;
  const figures = await loadCalcFigures(db);
  return db.transaction().execute(async (trx) => {
    const { c, m } = await loadCase(trx, caseId);
    assertVersion(c, body.version);
    await assertDesk(trx, auth, c.jurisdiction_id);
    const claims = await openClaims(trx, caseId);
    const missing = claims.find((cl) => !body.items.some((i) => i.claimId === cl.id));
    if (missing) {
      throw new AppError(
        400,
        'PROPOSAL_ITEM_MISSING',
        `请对每一项请求提出建议：尚缺“${claimTypeLabel(missing)}”`,
        {
          claimId: missing.id,
        },
      );
    }
    const items = body.items.map((i, sort) => {
      const claim = claims.find((cl) => cl.id === i.claimId);
      if (!claim)
        throw new AppError(400, 'CLAIM_NOT_IN_CASE', '建议事项不属于本调解案件', { claimId: i.claimId });
      const calc = i.calculation ? calculate(i.calculation, figures) : null;
      const proposedFen = i.proposedFen ?? calc?.amountFen;
      if (proposedFen === undefined) {
        throw new AppError(400, 'PROPOSAL_AMOUNT_REQUIRED', `请填写“${claimTypeLabel(claim)}”的建议金额`, {
          claimId: i.claimId,
        });
      }
      return { claim, proposedFen, reason: i.reason, calc, input: i.calculation ?? null, sort };
    });
    const today = businessToday(ctx.config);
    const deadline = body.replyDeadline ?? addDays(today, await replyDays(trx));
    if (deadline < today)
      throw new AppError(400, 'REPLY_DEADLINE_PAST', '答复期限不能早于今天', { field: 'replyDeadline' });
    // The mediator who signs the proposal is the one the parties reply to.
    const mediatorName = body.mediatorName ?? actor.name;
    const myContact = await contactFor(trx, auth.organizationId);
    const mediatorContact = body.mediatorContact ?? m.mediator_contact ?? myContact;
    if (!mediatorContact) {
      throw new AppError(400, 'MEDIATOR_CONTACT_REQUIRED', '请填写调解员联系方式', {
        field: 'mediatorContact',
      });
    }
    await trx.deleteFrom('mediation_proposal_item').where('case_id', '=', caseId).execute();
    await trx
      .insertInto('mediation_proposal_item')
      .values(
        items.map((i) => ({
          case_id: caseId,
          claim_id: i.claim.id,
          proposed_fen: i.proposedFen,
          reason: i.reason,
          formula: i.calc?.formula ?? null,
          basis: i.calc?.basis ?? null,
          calculation: i.input ? JSON.stringify(i.input) : null,
          sort: i.sort,
        })),
      )
      .execute();
    await step(ctx, trx, auth, actor, caseId, 'send_proposal');
    const { workers, employers } = await matterParties(trx, c.matter_id);
    const docs = getDocumentsService(ctx);
    const issuer = await mediationIssuer(ctx, trx, actor, caseId);
    const nextStep = proposalNextStep(await arbitrationPending(trx, c.matter_id));
    const caseCause = [...new Set(items.map((i) => claimTypeLabel(i.claim.type)))].join('、');
    const fields = (addresseeName: string) => ({
      addresseeName,
      applicantName: workers.map((w) => w.name).join('、'),
      respondentName: employers.map((e) => e.name).join('、'),
      caseCause,
      claims: items.map((i) => ({
        claim: claimTypeLabel(i.claim),
        proposedAmount: i.proposedFen / 100,
        reason: i.calc ? `${i.reason}（${i.calc.formula}；依据：${i.calc.basis}）` : i.reason,
      })),
      replyDeadline: deadline,
      mediatorName,
      mediatorContact,
      nextStep,
    });
    const issued: IssuedRef[] = [];
    for (const addressee of [workers[0]?.name, employers[0]?.name].filter((x): x is string => !!x)) {
      issued.push(
        await docs.createAndIssue(trx, actor, {
          subjectType: 'case',
          subjectId: caseId,
          type: 'mediation_proposal',
          fields: fields(addressee),
          issuerOrgId: issuer.id,
          userOrgId: auth.organizationId,
        }),
      );
    }
    await trx
      .updateTable('mediation_case')
      .set((eb) => ({
        reply_deadline: deadline,
        mediator_user_id: auth.userId,
        mediator_name: mediatorName,
        mediator_contact: mediatorContact,
        proposal_document_id: issued[0]?.id ?? null,
        version: eb('version', '+', 1),
        updated_at: new Date(),
      }))
      .where('case_id', '=', caseId)
      .execute();
    const total = items.reduce((s, i) => s + i.proposedFen, 0);
    await appendEvent(
      trx,
      actor,
      c.matter_id,
      'mediation_proposal',
      `${c.number}：签发调解建议书（${items.length}项，建议合计${(total / 100).toFixed(2)}元，答复期限${deadline}）`,
      { caseId, documents: issued.map((d) => d.number) },
    );
    return { documents: issued };
  });
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
