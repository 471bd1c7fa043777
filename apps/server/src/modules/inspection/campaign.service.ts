import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../db/schema';
import { type Actor, appendAudit } from '../../platform/audit';
import type { AuthContext } from '../../platform/auth';
import { AppError } from '../../platform/errors';
import { applyTransitionInTrx } from '../cases';
import { scopeOf } from '../../platform/scope';
import { today } from './inspection.access';
import type { campaignBody } from './inspection.schema';
import { createInspectionCase, employerParty } from './inspection.service';

type Trx = Transaction<DB>;

export interface ExOfficioInput {
  employerId: string;
  jurisdictionId: string;
  topic: string;
  source: 'ex_officio' | 'campaign' | 'supervision';
  campaignId?: string | null;
  supervisionFilingId?: string | null;
}

/**
 * 依职权检查 (《劳动保障监察条例》第十四条): the case is opened and 立案 at once (the investigation
 * period 《劳动保障监察条例》第十七条 starts today), in the caller's transaction.
 */
export async function openExOfficioInTrx(
  ctx: AppContext,
  trx: Trx,
  auth: AuthContext,
  actor: Actor,
  input: ExOfficioInput,
) {
  const created = await createInspectionCase(ctx, trx, auth, actor, {
    source: input.source,
    channel: 'other_transfer',
    jurisdictionId: input.jurisdictionId,
    employerId: input.employerId,
    workerId: null,
    claims: [],
    narrative: input.topic,
    workerCount: 1,
    violationEndedOn: null,
    campaignId: input.campaignId ?? null,
    supervisionFilingId: input.supervisionFilingId ?? null,
  });
  await applyTransitionInTrx(ctx, trx, auth, actor, created.caseId, 'accept', {
    reason: input.topic,
    payload: { olderThanTwoYears: false, belongsToDisputeProcedure: false },
  });
  await trx
    .updateTable('inspection_case')
    .set({
      decision: 'accepted',
      decision_reason: input.topic,
      decided_at: new Date(),
      decided_by: auth.userId,
      filed_on: today(ctx),
    })
    .where('case_id', '=', created.caseId)
    .execute();
  return created;
}

/** 专项检查: one campaign, one ex-officio case per listed employer. */
export async function createCampaign(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  body: z.infer<typeof campaignBody>,
) {
  const { db } = ctx.database;
  if (body.startsOn > body.endsOn)
    throw new AppError(400, 'PERIOD_ORDER', '结束日期不能早于开始日期', { field: 'endsOn' });
  if (!(await scopeOf(db, auth, 'inspection.work')).includes(body.jurisdictionId)) {
    throw new AppError(403, 'JURISDICTION_FORBIDDEN', '您在所选辖区没有监察岗位');
  }
  return db.transaction().execute(async (trx) => {
    const campaign = await trx
      .insertInto('inspection_campaign')
      .values({
        name: body.name,
        topic: body.topic,
        jurisdiction_id: body.jurisdictionId,
        starts_on: body.startsOn,
        ends_on: body.endsOn,
        created_by: auth.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const cases: { employerId: string; caseId: string; caseNumber: string }[] = [];
    for (const [i, e] of body.employers.entries()) {
      const employerId = await employerParty(ctx, trx, e, `employers.${i}`);
      if (cases.some((c) => c.employerId === employerId)) continue;
      const created = await openExOfficioInTrx(ctx, trx, auth, actor, {
        employerId,
        jurisdictionId: body.jurisdictionId,
        topic: `专项检查“${body.name}”：${body.topic}`,
        source: 'campaign',
        campaignId: campaign.id,
      });
      await trx
        .insertInto('inspection_campaign_employer')
        .values({ campaign_id: campaign.id, employer_party_id: employerId, case_id: created.caseId })
        .execute();
      cases.push({ employerId, caseId: created.caseId, caseNumber: created.caseNumber });
    }
    await appendAudit(trx, actor, {
      action: 'inspection.campaign.create',
      entityType: 'inspection_campaign',
      entityId: campaign.id,
      summary: `专项检查“${body.name}”：${cases.length}家用人单位立案`,
    });
    return { id: campaign.id, cases };
  });
}

export async function campaignDetail(ctx: AppContext, id: string, scope: string[]) {
  const { db } = ctx.database;
  const c = await db.selectFrom('inspection_campaign').selectAll().where('id', '=', id).executeTakeFirst();
  if (!c || !scope.includes(c.jurisdiction_id)) return null;
  const rows = await db
    .selectFrom('inspection_campaign_employer as ce')
    .innerJoin('party as p', 'p.id', 'ce.employer_party_id')
    .leftJoin('track_case as tc', 'tc.id', 'ce.case_id')
    .select(['p.id as employerId', 'p.name', 'p.credit_code', 'tc.id as caseId', 'tc.number', 'tc.state'])
    .where('ce.campaign_id', '=', id)
    .orderBy('p.name')
    .execute();
  return {
    id: c.id,
    name: c.name,
    topic: c.topic,
    startsOn: c.starts_on,
    endsOn: c.ends_on,
    employers: rows.map((r) => ({
      employerId: r.employerId,
      name: r.name,
      creditCode: r.credit_code,
      caseId: r.caseId,
      caseNumber: r.number,
      state: r.state,
    })),
  };
}
