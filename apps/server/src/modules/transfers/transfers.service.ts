import { claimLabel, transferMachine, transition } from '@onestop/domain';
import type { Transaction } from 'kysely';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../db/schema';
import { type Actor, appendAudit } from '../../platform/audit';
import type { AuthContext } from '../../platform/auth';
import { AppError, errors } from '../../platform/errors';
import { openCaseInTrx, workflowToHttp } from '../cases';
import type { CaseTrack } from '../cases';
import { TRACKS } from '../cases';
import { getDocumentsService } from '../documents';
import { appendEvent, assertMatterInScope } from '../../platform/scope';
import { acceptBy } from './transfers.presenter';
import type { createTransferBody } from './transfers.schema';
import type { z } from 'zod';
import { claimsNotInOpenProcedure } from '../matters';

type Trx = Transaction<DB>;

/** Thrown inside a transaction on a stale transfer; the fresh one is loaded after the rollback. */
export class StaleTransfer extends Error {
  constructor(readonly transferId: string) {
    super('stale transfer');
  }
}

async function slipFields(
  ctx: AppContext,
  trx: Trx,
  actor: Actor,
  m: { id: string; number: string; narrative: string; jurisdiction_id: string },
  fromOrg: { name: string; phone: string | null },
  toOrgName: string,
  reason: string,
  claimIds: string[],
) {
  const parties = await trx
    .selectFrom('matter_party as mp')
    .innerJoin('party as p', 'p.id', 'mp.party_id')
    .select(['p.name', 'mp.role'])
    .where('mp.matter_id', '=', m.id)
    .orderBy('mp.sort')
    .execute();
  const claims = claimIds.length
    ? await trx
        .selectFrom('matter_claim')
        .select(['type', 'period_from', 'period_to'])
        .where('id', 'in', claimIds)
        .orderBy('sort')
        .execute()
    : [];
  const claimText = claims
    .map((c) => claimLabel({ type: c.type, periodFrom: c.period_from, periodTo: c.period_to }))
    .join('、');
  const narrative = Array.from(m.narrative.trim()).slice(0, 200).join('');
  const workers = parties.filter((p) => p.role === 'worker').map((p) => p.name);
  const employers = parties.filter((p) => p.role === 'employer').map((p) => p.name);
  return {
    matterNo: m.number,
    fromUnit: fromOrg.name,
    toUnit: toOrgName,
    partyName:
      [workers.slice(0, 3).join('、'), employers.join('、')].filter(Boolean).join('；') || '（未登记）',
    summary: [narrative, claimText && `诉求：${claimText}`].filter(Boolean).join('；') || '见事项登记',
    reason,
    replyDeadline: await acceptBy(ctx, new Date(), m.jurisdiction_id, trx),
    contact: `${actor.name}${fromOrg.phone ? ` ${fromOrg.phone}` : ''}`,
  };
}

/**
 * Sends a matter (optionally one of its cases' claims) to another function or partner agency with a
 * transfer slip (转办单, drafted through the documents module). One pending transfer per matter.
 */
export async function createTransfer(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  matterId: string,
  body: z.infer<typeof createTransferBody>,
): Promise<string> {
  const { db } = ctx.database;
  await assertMatterInScope(db, auth, matterId);
  return db.transaction().execute((trx) => createTransferIn(ctx, trx, auth, actor, matterId, body));
}

/**
 * The transfer inside the caller's transaction (the obligations module sends an unpaid wage obligation
 * to inspection with its record in the same transaction as the obligation's own step). The caller has
 * checked the matter's scope.
 */
export async function createTransferIn(
  ctx: AppContext,
  trx: Transaction<DB>,
  auth: AuthContext,
  actor: Actor,
  matterId: string,
  body: z.infer<typeof createTransferBody>,
): Promise<string> {
  const m = await trx
    .selectFrom('matter')
    .select(['id', 'number', 'status', 'narrative', 'jurisdiction_id'])
    .where('id', '=', matterId)
    .executeTakeFirstOrThrow();
  if (m.status === 'closed' || m.status === 'merged') {
    throw new AppError(409, 'MATTER_CLOSED', `事项 ${m.number} 已办结或已合并，不能转办`);
  }
  const toOrg = await trx
    .selectFrom('organization')
    .select(['id', 'name'])
    .where('id', '=', body.toOrgId)
    .executeTakeFirst();
  if (!toOrg) throw new AppError(400, 'ORGANIZATION_NOT_FOUND', '承办单位不存在');
  if (toOrg.id === auth.organizationId && !body.toTrack) {
    throw new AppError(400, 'TRANSFER_TARGET_SAME', '转给本单位时须选择承办程序');
  }
  if (body.toTrack && !TRACKS[body.toTrack].machine) {
    throw new AppError(
      422,
      'TRACK_NOT_READY',
      `${TRACKS[body.toTrack].label}案件的办理流程尚未定义，暂不能转入`,
    );
  }
  if (body.caseId) {
    const c = await trx
      .selectFrom('track_case')
      .select(['matter_id'])
      .where('id', '=', body.caseId)
      .executeTakeFirst();
    if (c?.matter_id !== matterId) throw new AppError(400, 'CASE_NOT_IN_MATTER', '所选案件不属于该维权事项');
  }
  let claimIds = body.claimIds;
  if (!claimIds) {
    const rows = body.caseId
      ? await trx
          .selectFrom('case_claim')
          .select('claim_id as id')
          .where('case_id', '=', body.caseId)
          .where('open', '=', true)
          .execute()
      : await claimsNotInOpenProcedure(trx, matterId).select('mc.id').execute();
    claimIds = rows.map((r) => r.id);
  } else if (claimIds.length) {
    const own = await trx
      .selectFrom('matter_claim')
      .select('id')
      .where('matter_id', '=', matterId)
      .where('id', 'in', claimIds)
      .execute();
    if (own.length !== new Set(claimIds).size)
      throw new AppError(400, 'CLAIM_NOT_IN_MATTER', '所选诉求不属于该维权事项');
  }
  const pending = await trx
    .selectFrom('transfer')
    .select('id')
    .where('matter_id', '=', matterId)
    .where('state', '=', 'pending')
    .executeTakeFirst();
  if (pending)
    throw new AppError(
      409,
      'TRANSFER_PENDING',
      `事项 ${m.number} 已有待接收的转办，请待对方接收或退回后再转`,
    );
  const row = await trx
    .insertInto('transfer')
    .values({
      matter_id: matterId,
      case_id: body.caseId ?? null,
      from_org_id: auth.organizationId,
      from_user_id: auth.userId,
      to_org_id: toOrg.id,
      to_track: body.toTrack ?? null,
      claim_ids: claimIds,
      reason: body.reason,
      slip_document_id: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const fromOrg = await trx
    .selectFrom('organization')
    .select(['name', 'phone'])
    .where('id', '=', auth.organizationId)
    .executeTakeFirstOrThrow();
  const fields = await slipFields(ctx, trx, actor, m, fromOrg, toOrg.name, body.reason, claimIds);
  // The slip is a numbered, sealed 公文 from the moment the transfer is sent (issued with it).
  const slip = await getDocumentsService(ctx).createAndIssue(trx, actor, {
    subjectType: 'matter',
    subjectId: matterId,
    type: 'transfer_slip',
    fields,
    userOrgId: auth.organizationId,
    issuerOrgId: auth.organizationId,
  });
  await trx.updateTable('transfer').set({ slip_document_id: slip.id }).where('id', '=', row.id).execute();
  const to = `${toOrg.name}${body.toTrack ? `（${TRACKS[body.toTrack].label}）` : ''}`;
  const summary = `转办至${to}，待接收（理由：${body.reason}）`;
  await appendEvent(trx, actor, matterId, 'transfer_sent', summary, {
    transferId: row.id,
    toOrgId: toOrg.id,
    toTrack: body.toTrack ?? null,
  });
  await appendAudit(trx, actor, {
    action: 'transfer.create',
    entityType: 'transfer',
    entityId: row.id,
    summary: `${m.number}：${summary}`,
    after: {
      matterId,
      toOrgId: toOrg.id,
      toTrack: body.toTrack ?? null,
      claimIds,
      caseId: body.caseId ?? null,
      slipDocumentId: slip.id,
    },
  });
  return row.id;
}

/**
 * The receiving organisation accepts (the matter's responsible organisation changes; the named
 * function's case opens with the transferred claims, released from the source case) or returns it
 * with a mandatory reason. Driven by the domain's transferMachine.
 */
export async function decideTransfer(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  transferId: string,
  event: 'accept' | 'return',
  input: { reason?: string | undefined; version?: number | undefined },
) {
  const { db } = ctx.database;
  const t = await db.selectFrom('transfer').selectAll().where('id', '=', transferId).executeTakeFirst();
  if (!t) throw errors.notFound('转办');
  if (t.to_org_id !== auth.organizationId && t.from_org_id !== auth.organizationId)
    throw errors.notFound('转办');
  if (t.to_org_id !== auth.organizationId) throw errors.forbidden('只有承办单位的工作人员可以接收或退回转办');
  if (input.version !== undefined && input.version !== t.version) throw new StaleTransfer(t.id);
  const roles = auth.grants.filter((g) => g.active).map((g) => g.role);
  const returnReason = input.reason?.trim() ?? '';
  try {
    transition(transferMachine, t.state, event, { roles, ctx: { returnReason } });
  } catch (err) {
    throw workflowToHttp(err);
  }
  const to = transferMachine.transitions.find((x) => x.from === t.state && x.event === event)!.to;
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('transfer')
      .set((eb) => ({
        state: to,
        decided_at: new Date(),
        decided_by: auth.userId,
        return_reason: event === 'return' ? returnReason : null,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', t.id)
      .where('state', '=', 'pending')
      .where('version', '=', t.version)
      .returning('id')
      .executeTakeFirst();
    if (!updated) throw new StaleTransfer(t.id);
    const matter = await trx
      .selectFrom('matter')
      .select(['number'])
      .where('id', '=', t.matter_id)
      .executeTakeFirstOrThrow();
    const toOrg = await trx
      .selectFrom('organization')
      .select('name')
      .where('id', '=', t.to_org_id)
      .executeTakeFirstOrThrow();
    let summary: string;
    let openedNumber: string | null = null;
    if (event === 'accept') {
      await trx
        .insertInto('matter_custody')
        .values({
          matter_id: t.matter_id,
          organization_id: t.to_org_id,
          since: new Date(),
          transfer_id: t.id,
        })
        .onConflict((oc) =>
          oc
            .column('matter_id')
            .doUpdateSet({ organization_id: t.to_org_id, since: new Date(), transfer_id: t.id }),
        )
        .execute();
      if (t.to_track) {
        if (t.case_id && t.claim_ids.length) {
          await trx
            .updateTable('case_claim')
            .set({ open: false, released_at: new Date(), released_reason: `已转办至${toOrg.name}` })
            .where('case_id', '=', t.case_id)
            .where('claim_id', 'in', t.claim_ids)
            .where('open', '=', true)
            .execute();
        }
        const opened = await openCaseInTrx(
          ctx,
          trx,
          auth,
          actor,
          t.matter_id,
          {
            track: t.to_track as CaseTrack,
            claimIds: t.claim_ids,
            organizationId: t.to_org_id,
            transferId: t.id,
          },
          { checkOpener: false },
        );
        openedNumber = opened.number;
        await trx.updateTable('transfer').set({ opened_case_id: opened.id }).where('id', '=', t.id).execute();
      }
      summary = `${toOrg.name}已接收转办，事项改由其负责${openedNumber ? `，开立案件 ${openedNumber}` : ''}`;
    } else {
      summary = `${toOrg.name}退回转办（理由：${returnReason}）`;
    }
    await appendEvent(
      trx,
      actor,
      t.matter_id,
      event === 'accept' ? 'transfer_accepted' : 'transfer_returned',
      summary,
      {
        transferId: t.id,
        ...(event === 'return' && { reason: returnReason }),
      },
    );
    await appendAudit(trx, actor, {
      action: `transfer.${event}`,
      entityType: 'transfer',
      entityId: t.id,
      summary: `${matter.number}：${summary}`,
      before: { state: t.state },
      after: { state: to, returnReason: event === 'return' ? returnReason : null, openedCase: openedNumber },
    });
  });
}
