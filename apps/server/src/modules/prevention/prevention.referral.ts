import { chineseDate, formatYuan } from '@onestop/domain';
import type { z } from 'zod';
import type { Actor } from '../../platform/audit';
import type { AuthContext } from '../../platform/auth';
import type { AppContext } from '../../platform/context';
import { AppError, errors } from '../../platform/errors';
import { appendEvent } from '../../platform/scope';
import { createIntake } from '../intake';
import { REFERRAL_PURPOSE_LABELS, type referralBody } from './prevention.outreach.schema';
import { windowIn } from './prevention.outreach.service';
import { recordPreventionChange, orgForLedger } from './prevention.service';

/**
 * What the center does with a referred agreement, with its legal basis: the existing flows take over on
 * the matter (仲裁审查 → 仲裁调解书; 司法确认 on the court-docking desk, which starts the 30-day clock).
 */
const AGREEMENT_ROUTES = {
  arbitral_review:
    '双方可自调解协议生效之日起十五日内共同申请仲裁审查（《劳动人事争议仲裁办案规则》第七十四条）',
  judicial_confirmation:
    '双方可自调解协议生效之日起三十日内共同向人民法院申请司法确认（《中华人民共和国民事诉讼法》第二百零五条）',
} as const;

/**
 * A mediation organisation's mediator refers a ledger case to the center in one step: the case becomes a
 * matter through the single window's intake (createIntake) with the ledger's parties and facts, waiting
 * in the center's intake queue (待分流), and the ledger row is linked in the same transaction.
 * - handling: a pending case the organisation hands over (its ledger result becomes “转中心调处”);
 * - arbitral_review / judicial_confirmation: an agreement of the organisation goes on to 仲裁审查 or
 *   司法确认 through the center's existing flows on that matter (the ledger result stays “达成协议”).
 */
export async function referCase(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  caseId: string,
  body: z.infer<typeof referralBody>,
  today: string,
): Promise<string> {
  const { db } = ctx.database;
  const c = await db
    .selectFrom('prevention_org_case')
    .selectAll()
    .where('id', '=', caseId)
    .executeTakeFirst();
  if (!c) throw errors.notFound('台账案件');
  const o = await orgForLedger(db, auth, c.organization_id, true);
  if (c.matter_id)
    throw new AppError(409, 'ORG_CASE_REFERRED', '该案件已转送中心，不能重复转送', { matterId: c.matter_id });
  if (c.version !== body.version) throw errors.conflict({ version: c.version });
  const agreement = body.purpose !== 'handling';
  if (!agreement && c.result !== 'pending')
    throw new AppError(409, 'ORG_CASE_CLOSED', '该案件已结案，只有达成协议的案件可以申请仲裁审查或司法确认');
  if (agreement && c.result !== 'agreement')
    throw new AppError(409, 'ORG_CASE_NO_AGREEMENT', '达成调解协议后才能申请仲裁审查或司法确认');
  if (agreement && !body.agreementEffectiveOn)
    throw new AppError(400, 'AGREEMENT_DATE_REQUIRED', '请填写调解协议生效日期', {
      field: 'agreementEffectiveOn',
    });
  if (
    body.agreementEffectiveOn &&
    (body.agreementEffectiveOn > today || (c.closed_on && body.agreementEffectiveOn < c.closed_on))
  )
    throw new AppError(400, 'AGREEMENT_DATE_INVALID', '调解协议生效日期须在结案之日至今天之间', {
      field: 'agreementEffectiveOn',
    });
  const purpose = REFERRAL_PURPOSE_LABELS[body.purpose];
  const origin = `${o.name}台账第${c.seq}号`;
  const amountFen = body.amountFen ?? (agreement ? Number(c.amount_fen) : undefined);
  const lines = [`${origin}转来（${purpose}）：${c.summary}`];
  if (agreement && body.agreementEffectiveOn) {
    lines.push(
      `调解协议于${chineseDate(body.agreementEffectiveOn)}生效，协议金额${formatYuan(Number(c.amount_fen))}。${AGREEMENT_ROUTES[body.purpose as keyof typeof AGREEMENT_ROUTES]}。`,
    );
  }
  if (body.note) lines.push(`转送说明：${body.note}`);
  const { worker, employerCreditCode } = body;
  return createIntake(
    ctx,
    windowIn(auth, o.jurisdiction_id),
    actor,
    {
      channel: 'other_transfer',
      requestKind: 'application',
      jurisdictionId: o.jurisdiction_id,
      workers: [{ ...worker, name: c.applicant_name }],
      employers: [{ name: c.respondent_name, ...(employerCreditCode && { creditCode: employerCreditCode }) }],
      claims: [{ type: c.claim_type, ...(amountFen !== undefined && { amountFen }), facts: c.summary }],
      narrative: lines.join('\n'),
      facts: {},
    },
    async (trx, matter) => {
      // An organisation's mediator is not the center's staff: the intake queue assigns the matter.
      await trx
        .updateTable('matter')
        .set({ responsible_user_id: null })
        .where('id', '=', matter.id)
        .execute();
      const updated = await trx
        .updateTable('prevention_org_case')
        .set((eb) => ({
          matter_id: matter.id,
          referral_purpose: body.purpose,
          referred_at: new Date(),
          ...(agreement ? {} : { result: 'referred' as const, closed_on: today }),
          version: eb('version', '+', 1),
          updated_at: new Date(),
        }))
        .where('id', '=', caseId)
        .where('version', '=', body.version)
        .where('matter_id', 'is', null)
        .returning('id')
        .executeTakeFirst();
      if (!updated) throw errors.conflict({ version: c.version });
      await appendEvent(trx, actor, matter.id, 'org_referral', `由${origin}转入（${purpose}）`, {
        organizationId: o.id,
        orgCaseId: caseId,
        purpose: body.purpose,
        agreementEffectiveOn: body.agreementEffectiveOn ?? null,
      });
      await recordPreventionChange(
        trx,
        actor,
        { type: 'prevention_org_case', id: caseId, organizationId: o.id },
        'case.refer',
        `“${o.name}”台账第${c.seq}号转送中心（${purpose}），维权事项${matter.number}`,
        { purpose: body.purpose, matterId: matter.id },
      );
    },
  );
}
