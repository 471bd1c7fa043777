import { inspectionFilingApprovalRequired } from '@onestop/domain';
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../db/schema';
import { type Actor, appendAudit } from '../../platform/audit';
import type { AuthContext } from '../../platform/auth';
import { AppError } from '../../platform/errors';
import { readFamilySetting } from '../../platform/settings';
import { getDocumentsService } from '../documents';
import { createTransfer } from '../transfers';
import { attachApprovalDocument } from '../cases';
import { loadInspectionCase, today } from './inspection.access';
import { type GivenApproval, holdsApprovingPost, recordApproval, requester } from './inspection.approvals';
import { caseHeader } from './inspection.closing';
import type { acceptanceBody } from './inspection.schema';
import {
  type CaseRow,
  olderThanTwoYears,
  openDisputeProceedings,
  step,
  violationText,
} from './inspection.service';

type Trx = Transaction<DB>;
const TRACK_LABEL: Record<string, string> = { mediation: '调解', arbitration: '仲裁' };

/** Names for the notice: the complainant, or — for a report — never the reporter's name (S3 Art. 9 ¶3). */
async function noticeParties(trx: Trx, c: CaseRow, source: string) {
  const parties = await trx
    .selectFrom('matter_party as mp')
    .innerJoin('party as p', 'p.id', 'mp.party_id')
    .select(['p.name', 'mp.role'])
    .where('mp.matter_id', '=', c.matter_id)
    .orderBy('mp.sort')
    .execute();
  const types = await trx
    .selectFrom('case_claim as cc')
    .innerJoin('matter_claim as mc', 'mc.id', 'cc.claim_id')
    .select('mc.type')
    .where('cc.case_id', '=', c.id)
    .execute();
  const worker = parties.find((p) => p.role === 'worker')?.name;
  return {
    complainantName: source === 'complaint' && worker ? worker : '举报人（身份依法保密）',
    employerName: parties.find((p) => p.role === 'employer')?.name ?? '被投诉单位',
    matters: violationText(types.map((t) => t.type)),
  };
}

async function issue(
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

/**
 * Whether the inspection body requires the 立案审批 for this case: setting
 * `inspection.filing_approval.<jurisdiction code>` = all | none, else the domain default (approvals.ts).
 */
export async function filingApprovalRequired(
  exec: Kysely<DB> | Trx,
  c: { jurisdiction_id: string },
  source: string,
): Promise<boolean> {
  const j = await exec
    .selectFrom('jurisdiction')
    .select('code')
    .where('id', '=', c.jurisdiction_id)
    .executeTakeFirst();
  const policy = j ? await readFamilySetting(exec, 'inspection.filing_approval', j.code) : null;
  return inspectionFilingApprovalRequired(source, policy);
}

const SOURCE_TEXT: Record<string, string> = { complaint: '投诉', report: '举报' };

/** The 立案审批表 (issued in the 立案 transaction, after the approval was recorded). */
async function issueFilingApproval(
  ctx: AppContext,
  trx: Trx,
  actor: Actor,
  auth: AuthContext,
  c: CaseRow,
  v: { source: string; receivedOn: string; day: string; given: GivenApproval | undefined; reason?: string },
) {
  const employer = await trx
    .selectFrom('matter_party as mp')
    .innerJoin('party as p', 'p.id', 'mp.party_id')
    .select(['p.credit_code', 'p.address_enc', 'p.legal_representative'])
    .where('mp.matter_id', '=', c.matter_id)
    .where('mp.role', '=', 'employer')
    .executeTakeFirst();
  const claims = await trx
    .selectFrom('case_claim as cc')
    .innerJoin('matter_claim as mc', 'mc.id', 'cc.claim_id')
    .select(['mc.type', 'mc.facts'])
    .where('cc.case_id', '=', c.id)
    .orderBy('mc.sort')
    .execute();
  const header = await caseHeader(trx, c, v.day, v.day);
  const who = requester(v.given, actor, v.day);
  const facts = claims
    .map((x) => x.facts?.trim())
    .filter(Boolean)
    .join('；');
  return issue(ctx, trx, actor, auth, c, 'inspection_filing_approval', {
    ...header,
    inspectors:
      header.inspectors === '（未指派）' ? '（立案后由负责人指派二名以上监察员）' : header.inspectors,
    requestedBy: who.requestedBy,
    requestedDate: who.requestedDate,
    approver: actor.name,
    approvalDate: v.day,
    opinion: who.opinion || '同意立案。',
    source: SOURCE_TEXT[v.source] ?? '依职权检查',
    receivedDate: v.receivedOn,
    ...(employer?.credit_code && { creditCode: employer.credit_code }),
    ...(employer?.address_enc && { employerAddress: ctx.cipher.decrypt(employer.address_enc) }),
    ...(employer?.legal_representative && { legalRepresentative: employer.legal_representative }),
    violations: `涉嫌${violationText(claims.map((x) => x.type))}${facts ? `：${facts}` : ''}${v.reason ? `。${v.reason}` : ''}`,
  });
}

/**
 * The acceptance decision within 5 working days (T-I2; 《关于实施〈劳动保障监察条例〉若干规定》第十八条):
 * accept and 立案 the same day (《劳动保障监察条例》第十七条 starts), or refuse with the reason and the way left to the person.
 */
export async function decideAcceptance(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  caseId: string,
  body: z.infer<typeof acceptanceBody>,
  given?: GivenApproval,
) {
  const { db } = ctx.database;
  const { c, ext } = await loadInspectionCase(db, auth, caseId);
  if (!ext) throw new AppError(409, 'INSPECTION_NOT_REGISTERED', '该案件缺少监察登记信息');
  const day = today(ctx);
  const older = olderThanTwoYears(ext.violation_ended_on, ext.received_on);
  const open = ext.source === 'complaint' ? await openDisputeProceedings(db, c.id) : [];
  const openText = open
    .map((o) => `${o.organization}${TRACK_LABEL[o.track] ?? ''}案件 ${o.number}`)
    .join('、');
  const record = (trx: Trx, decision: string, referral: string | null, reason: string) =>
    trx
      .updateTable('inspection_case')
      .set((eb) => ({
        decision: decision as never,
        decision_reason: reason,
        referral_to: referral,
        decided_at: new Date(),
        decided_by: auth.userId,
        ...(decision === 'accepted' && { filed_on: day }),
        version: eb('version', '+', 1),
      }))
      .where('case_id', '=', c.id)
      .execute();
  const v = { version: body.version };

  switch (body.decision) {
    case 'accepted': {
      if (older) {
        throw new AppError(
          422,
          'INSPECTION_TIME_BARRED',
          '违法行为已超过二年未被发现、投诉，依法不再查处，应作出不予受理决定（《劳动保障监察条例》第二十条）',
        );
      }
      if (open.length) {
        throw new AppError(
          422,
          'DISPUTE_PROCEDURE_OPEN',
          `同一劳动者与用人单位的同类诉求已在${openText}中办理，应告知投诉人依该程序处理，不予受理（《劳动保障监察条例》第二十一条第二款）`,
          { proceedings: open },
        );
      }
      // 立案审批 (条例第十四条第二款; 规定第十八条第一款): given by the approver's own action — approving
      // a request (given) or, holding the approving post, taking the step — and recorded before the
      // transition, whose procedure guard (inspection.filing-approved) refuses 立案 without it.
      const required = await filingApprovalRequired(db, c, ext.source);
      const approving =
        given !== undefined || (required && (await holdsApprovingPost(db, auth, c, 'filing')));
      let approvalId: string | null = null;
      return step(
        ctx,
        auth,
        actor,
        c,
        'accept',
        {
          ...v,
          reason: body.reason,
          payload: { olderThanTwoYears: false, belongsToDisputeProcedure: false },
          ...(approving && {
            before: async (trx: Trx) => {
              approvalId = await recordApproval(trx, auth, actor, {
                caseId: c.id,
                kind: 'filing',
                day,
                given,
                request: { kind: 'filing', ...(body.reason && { reason: body.reason }) },
                documentId: null,
              });
            },
          }),
        },
        async (trx) => {
          await record(trx, 'accepted', null, body.reason ?? '符合受理条件');
          const form = approvalId
            ? await issueFilingApproval(ctx, trx, actor, auth, c, {
                source: ext.source,
                receivedOn: ext.received_on,
                day,
                given,
                ...(body.reason && { reason: body.reason }),
              })
            : null;
          if (approvalId && form) await attachApprovalDocument(trx, approvalId, form.id);
          const p = await noticeParties(trx, c, ext.source);
          const doc = await issue(ctx, trx, actor, auth, c, 'inspection_acceptance', {
            complainantName: p.complainantName,
            employerName: p.employerName,
            complaintDate: ext.received_on,
            matters: p.matters,
            filedDate: day,
          });
          return { documents: form ? [form, doc] : [doc] };
        },
      );
    }
    case 'time_barred': {
      if (!older) {
        throw new AppError(
          422,
          'INSPECTION_NOT_TIME_BARRED',
          '违法行为终了之日起未超过二年（或未登记终了日期），不能以超过时效为由不予受理',
        );
      }
      const reason = `违法行为自${ext.violation_ended_on}终了，至投诉之日已超过二年未被劳动保障行政部门发现，也未被举报、投诉，依照《劳动保障监察条例》第二十条的规定，不再查处。`;
      const guidance =
        '如你与用人单位存在劳动争议，且仲裁时效尚未届满，可以依法向劳动人事争议仲裁委员会申请仲裁（《劳动争议调解仲裁法》第二十七条）。';
      return step(
        ctx,
        auth,
        actor,
        c,
        'reject',
        { ...v, reason: body.reason ?? '超过二年查处时效', payload: { olderThanTwoYears: true } },
        async (trx) => {
          await record(trx, 'time_barred', null, reason);
          const p = await noticeParties(trx, c, ext.source);
          const doc = await issue(ctx, trx, actor, auth, c, 'inspection_rejection', {
            ...p,
            complaintDate: ext.received_on,
            reasons: reason,
            guidance,
          });
          return { documents: [doc] };
        },
      );
    }
    case 'dispute_procedure':
    case 'jurisdiction': {
      const dispute = body.decision === 'dispute_procedure';
      if (dispute && !open.length && !body.reason) {
        throw new AppError(
          422,
          'REASON_REQUIRED',
          '未发现在办的调解、仲裁案件：请写明该事项应通过争议程序处理的理由',
        );
      }
      const referTo =
        body.referTo ??
        (dispute
          ? open[0]
            ? `${open[0].organization}（${TRACK_LABEL[open[0].track]}案件 ${open[0].number}）`
            : '劳动人事争议仲裁委员会'
          : undefined);
      if (!referTo)
        throw new AppError(
          422,
          'REFER_TO_REQUIRED',
          '请写明有管辖权的劳动保障行政部门（告知投诉人向其投诉）',
        );
      const reason = dispute
        ? open.length
          ? `你投诉的事项已在${openText}中办理。依照《劳动保障监察条例》第二十一条第二款，已按照劳动争议处理或者已进入调解、仲裁程序的事项，劳动保障行政部门应当告知投诉人依照该程序办理。`
          : `${body.reason}。依照《劳动保障监察条例》第二十一条第二款，应当通过劳动争议处理程序解决的事项，告知投诉人依照劳动争议处理程序办理。`
        : `你投诉的用人单位用工所在地不在本机关管辖区域内（《劳动保障监察条例》第十三条；《关于实施〈劳动保障监察条例〉若干规定》第十八条第四款）。${body.reason ?? ''}`;
      const guidance = dispute ? `请向${referTo}继续办理或依法申请调解、仲裁。` : `请向${referTo}投诉。`;
      return step(
        ctx,
        auth,
        actor,
        c,
        'inform',
        {
          ...v,
          reason: dispute ? '属于或已进入争议处理程序' : '不属于本机关管辖',
          payload: { informTo: referTo, referTo, belongsToDisputeProcedure: dispute },
        },
        async (trx) => {
          await record(trx, body.decision, referTo, reason);
          const p = await noticeParties(trx, c, ext.source);
          const doc = await issue(ctx, trx, actor, auth, c, 'inspection_rejection', {
            ...p,
            complaintDate: ext.received_on,
            reasons: reason,
            guidance,
          });
          return { documents: [doc] };
        },
      );
    }
    case 'not_inspection': {
      if (!body.toOrgId || !body.reason) {
        throw new AppError(
          422,
          'TRANSFER_TARGET_REQUIRED',
          '不属于劳动保障监察事项的，须选择承办单位并写明理由（转办）',
        );
      }
      const org = await db
        .selectFrom('organization')
        .select(['id', 'name'])
        .where('id', '=', body.toOrgId)
        .executeTakeFirst();
      if (!org) throw new AppError(400, 'ORGANIZATION_NOT_FOUND', '承办单位不存在');
      // The transfer (with its 转办单) commits first: createTransfer runs its own transaction.
      const transferId = await createTransfer(ctx, auth, actor, c.matter_id, {
        toOrgId: org.id,
        caseId: c.id,
        reason: body.reason,
      });
      return step(
        ctx,
        auth,
        actor,
        c,
        'transfer',
        { ...v, reason: body.reason, payload: { receivingAuthority: org.name, transferId } },
        async (trx) => {
          await record(trx, 'not_inspection', org.name, body.reason!);
          await trx
            .insertInto('inspection_outcome')
            .values({
              case_id: c.id,
              kind: 'transfer',
              summary: `非监察事项，转办${org.name}：${body.reason}`,
              details: JSON.stringify({ transferId }),
              created_by: auth.userId,
            })
            .execute();
          await appendAudit(trx, actor, {
            action: 'inspection.transfer',
            entityType: 'case',
            entityId: c.id,
            summary: `${c.number}：转办${org.name}`,
          });
          return { documents: [], transferId };
        },
      );
    }
  }
}
