// Over 400 lines on purpose: the investigation steps (inquiry, site check, evidence, extension) share the same guards; one file per procedure phase.
import { REPORT_ASSIGNMENT } from '@onestop/domain';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import type { z } from 'zod';
import type { AppContext } from '../../platform/context';
import { type Actor, appendAudit } from '../../platform/audit';
import type { AuthContext } from '../../platform/auth';
import { AppError, errors } from '../../platform/errors';
import { grantsOfUser, activeRolesIn, jurisdictionChain } from '../cases';
import { canAssignAs } from '../cases';
import { barredStaff, recusalRequired } from '../cases';
import { appendEvent } from '../../platform/scope';
import {
  assertHandlingInspector,
  inspectorCertificate,
  loadInspectionCase,
  requireState,
  rolesOnCase,
  today,
} from './inspection.access';
import type { extendBody, inspectorsBody, recordBody, requestBody } from './inspection.schema';
import { type GivenApproval, recordApproval, requester } from './inspection.approvals';
import { caseHeader } from './inspection.closing';
import { employerName, issue } from './inspection.outcomes';
import { step, violationText } from './inspection.service';

const WORKING = ['filed', 'investigating', 'ordered', 'pre_decision'];

/**
 * Assigns the handling inspectors (承办监察员): each holds an ACTIVE inspector post in the case's
 * jurisdiction with a valid 监察员证 (《劳动保障监察条例》第十六条), and none must step aside (回避,
 * 《行政处罚法》第四十三条). The lead becomes the case's assignee (clocks follow).
 */
export async function assignInspectors(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  caseId: string,
  body: z.infer<typeof inspectorsBody>,
) {
  const { db } = ctx.database;
  const { c } = await loadInspectionCase(db, auth, caseId);
  if (c.closed) throw new AppError(409, 'CASE_CLOSED', `案件 ${c.number} 已办结`);
  const mine = await rolesOnCase(db, auth, c.jurisdiction_id);
  if (!mine.some((r) => canAssignAs('inspection', r)))
    throw errors.forbidden('您在该辖区没有指派监察员的岗位');
  // A reported case: the assignees will see the reporter's identity, so a leader assigns, never oneself.
  const reported = await db
    .selectFrom('inspection_reporter')
    .select('case_id')
    .where('case_id', '=', c.id)
    .executeTakeFirst();
  if (reported) {
    if (!mine.some((r) => REPORT_ASSIGNMENT.assigners.includes(r)))
      throw errors.forbidden(`举报案件的承办监察员由领导指派（${REPORT_ASSIGNMENT.basis}）`);
    if (body.userIds.includes(auth.userId))
      throw errors.forbidden(`举报案件不能指派本人承办（${REPORT_ASSIGNMENT.basis}）`);
  }
  const day = today(ctx);
  const chain = await jurisdictionChain(db, c.jurisdiction_id);
  const barred = await barredStaff(db, c);
  const ids = [...new Set(body.userIds)];
  const lead = body.leadUserId ?? ids[0]!;
  if (!ids.includes(lead)) throw new AppError(400, 'LEAD_NOT_SELECTED', '主办监察员须在所选监察员之中');
  const chosen: { id: string; name: string; cert: string }[] = [];
  for (const id of ids) {
    const g = await grantsOfUser(db, id, day);
    if (!g?.user.active) throw errors.notFound('监察员');
    const cert = await inspectorCertificate(db, id, day);
    if (!activeRolesIn(g.grants, chain).includes('inspector') || !cert) {
      throw new AppError(
        422,
        'INSPECTOR_NOT_QUALIFIED',
        `${g.user.display_name}在该辖区没有有效的监察员岗位或监察员证已过期（《劳动保障监察条例》第十六条）`,
        { userId: id },
      );
    }
    const bar = barred.find((b) => b.userId === id);
    if (bar) throw recusalRequired(bar);
    chosen.push({ id, name: g.user.display_name, cert });
  }
  await db.transaction().execute(async (trx) => {
    for (const u of chosen) {
      await trx
        .insertInto('inspection_inspector')
        .values({
          case_id: c.id,
          user_id: u.id,
          lead: u.id === lead,
          certificate_number: u.cert,
          assigned_by: auth.userId,
        })
        .onConflict((oc) =>
          oc
            .columns(['case_id', 'user_id'])
            .doUpdateSet({ lead: u.id === lead, removed_at: null, certificate_number: u.cert }),
        )
        .execute();
    }
    await trx
      .updateTable('inspection_inspector')
      .set({ lead: false })
      .where('case_id', '=', c.id)
      .where('user_id', '!=', lead)
      .execute();
    const updated = await trx
      .updateTable('track_case')
      .set((eb) => ({ assignee_user_id: lead, version: eb('version', '+', 1), updated_at: new Date() }))
      .where('id', '=', c.id)
      .where('closed', '=', false)
      .returning('version')
      .executeTakeFirst();
    if (!updated) throw new AppError(409, 'CASE_CLOSED', `案件 ${c.number} 已办结`);
    await trx
      .updateTable('clock')
      .set({ responsible_user_id: lead })
      .where('subject_type', '=', 'case')
      .where('subject_id', '=', c.id)
      .where('status', 'in', ['running', 'suspended', 'extended'])
      .execute();
    const summary = `监察案件 ${c.number}：承办监察员 ${chosen.map((u) => `${u.name}（${u.cert}）`).join('、')}`;
    await appendEvent(trx, actor, c.matter_id, 'case_assigned', summary, { caseId: c.id, userIds: ids });
    await appendAudit(trx, actor, {
      action: 'inspection.inspectors',
      entityType: 'case',
      entityId: c.id,
      summary,
      after: { userIds: ids, lead },
    });
  });
}

/** Active handling inspectors (valid certificate today). */
export async function handlingInspectors(ctx: AppContext, caseId: string) {
  const day = today(ctx);
  const rows = await ctx.database.db
    .selectFrom('inspection_inspector as ii')
    .innerJoin('app_user as u', 'u.id', 'ii.user_id')
    .select(['ii.user_id', 'u.display_name', 'ii.lead', 'ii.certificate_number'])
    .where('ii.case_id', '=', caseId)
    .where('ii.removed_at', 'is', null)
    .orderBy('ii.lead', 'desc')
    .orderBy('ii.assigned_at')
    .execute();
  const out = [];
  for (const r of rows) {
    const cert = await inspectorCertificate(ctx.database.db, r.user_id, day);
    out.push({
      userId: r.user_id,
      name: r.display_name,
      lead: r.lead,
      certificateNumber: r.certificate_number,
      certificateValid: cert !== null,
    });
  }
  return out;
}

/** 开始调查: at least two inspectors with valid certificates (《劳动保障监察条例》第十六条). */
export async function startInvestigation(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  caseId: string,
  version?: number,
) {
  const { c } = await loadInspectionCase(ctx.database.db, auth, caseId);
  requireState(c, ['filed'], '开始调查');
  await assertHandlingInspector(ctx.database.db, auth, c);
  const count = (await handlingInspectors(ctx, caseId)).filter((i) => i.certificateValid).length;
  return step(
    ctx,
    auth,
    actor,
    c,
    'start_investigation',
    { version, payload: { inspectorCount: count } },
    async () => ({ inspectorCount: count }),
  );
}

/** On-site inspection record, inquiry record, evidence or task (S3 Art. 15; 笔录 by ≥2 inspectors, Art. 16). */
export async function addRecord(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  caseId: string,
  body: z.infer<typeof recordBody>,
) {
  const { db } = ctx.database;
  const { c } = await loadInspectionCase(db, auth, caseId);
  requireState(
    c,
    body.kind === 'task' ? WORKING : ['investigating', 'ordered', 'pre_decision'],
    '登记调查记录',
  );
  await assertHandlingInspector(db, auth, c);
  const handlers = (await handlingInspectors(ctx, caseId)).map((i) => i.userId);
  const inspectorIds = [...new Set(body.inspectorIds)];
  if (inspectorIds.some((id) => !handlers.includes(id))) {
    throw new AppError(422, 'NOT_HANDLING_INSPECTOR', '记录中的监察员须为本案承办监察员');
  }
  if ((body.kind === 'onsite' || body.kind === 'inquiry') && inspectorIds.length < 2) {
    throw new AppError(
      422,
      'TWO_INSPECTORS_REQUIRED',
      '现场检查、询问须由两名以上监察员进行并在笔录上签名（《劳动保障监察条例》第十六条）',
    );
  }
  if (body.kind === 'task' && !body.dueDate)
    throw new AppError(400, 'DUE_DATE_REQUIRED', '请填写任务完成期限', { field: 'dueDate' });
  const isRecord = body.kind === 'onsite' || body.kind === 'inquiry';
  if (isRecord && !body.place)
    throw new AppError(400, 'PLACE_REQUIRED', '笔录须写明询问或检查的地点', { field: 'place' });
  if (body.kind === 'inquiry' && !body.interviewee)
    throw new AppError(400, 'INTERVIEWEE_REQUIRED', '询问笔录须写明被询问人', { field: 'interviewee' });
  if (body.recorderId && !inspectorIds.includes(body.recorderId))
    throw new AppError(422, 'NOT_HANDLING_INSPECTOR', '记录人须为在场的承办监察员');
  const seats = isRecord ? await recordSeats(ctx, caseId, inspectorIds) : [];
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('inspection_record')
      .values({
        case_id: c.id,
        kind: body.kind,
        title: body.title,
        content: body.content,
        occurred_on: body.occurredOn ?? null,
        place: body.place ?? null,
        interviewee: body.interviewee ?? null,
        inspector_ids: inspectorIds,
        due_date: body.dueDate ?? null,
        created_by: auth.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const label = { onsite: '现场检查笔录', inquiry: '询问笔录', evidence: '证据', task: '调查任务' }[
      body.kind
    ];
    let document: { id: string; number: string | null } | null = null;
    if (isRecord) {
      // 询问笔录 / 现场检查笔录 (条例第十五条、第十六条): two inspectors with their certificates, signed
      // by the interviewee (or the person present) and the inspectors.
      const day = body.occurredOn ?? today(ctx);
      const recorder = seats.find((x) => x.userId === (body.recorderId ?? inspectorIds[1]));
      document = await issue(
        ctx,
        trx,
        actor,
        auth,
        c,
        body.kind === 'inquiry' ? 'inquiry_record' : 'onsite_record',
        {
          startedAt: body.startTime ? `${day}T${body.startTime}` : day,
          ...(body.endTime ? { endedAt: clockText(body.endTime) } : {}),
          place: body.place,
          inspectors: seats.map((x) => ({ name: x.name, certificate: x.certificate })),
          recorder: recorder?.name ?? actor.name,
          interviewee: body.interviewee ?? '（无在场人）',
          employerName: await employerName(trx, c),
          content: body.content.trim() || body.title,
        },
      );
      await trx
        .updateTable('inspection_record')
        .set({ document_id: document.id })
        .where('id', '=', row.id)
        .execute();
    }
    await appendAudit(trx, actor, {
      action: `inspection.record.${body.kind}`,
      entityType: 'case',
      entityId: c.id,
      summary: `${c.number}：登记${label}“${body.title}”`,
    });
    return { ...row, documents: document ? [document] : [] };
  });
}

/** 10:40 → 10时40分 */
function clockText(hhmm: string): string {
  const [h, m] = hhmm.split(':');
  return `${Number(h)}时${m}分`;
}

/** The inspectors of a record with their certificate numbers (as assigned to the case). */
async function recordSeats(ctx: AppContext, caseId: string, ids: string[]) {
  const all = await handlingInspectors(ctx, caseId);
  return ids.map((id) => {
    const i = all.find((x) => x.userId === id)!;
    return { userId: id, name: i.name, certificate: i.certificateNumber };
  });
}

export async function completeTask(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  caseId: string,
  recordId: string,
) {
  const { db } = ctx.database;
  const { c } = await loadInspectionCase(db, auth, caseId);
  await assertHandlingInspector(db, auth, c);
  await db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('inspection_record')
      .set({ done_at: new Date() })
      .where('id', '=', recordId)
      .where('case_id', '=', c.id)
      .where('kind', '=', 'task')
      .where('done_at', 'is', null)
      .returning('title')
      .executeTakeFirst();
    if (!r) throw errors.notFound('未完成的调查任务');
    await appendAudit(trx, actor, {
      action: 'inspection.task.done',
      entityType: 'case',
      entityId: c.id,
      summary: `${c.number}：完成任务“${r.title}”`,
    });
  });
}

/** 调查询问书 / 要求提供材料 with a deadline (S3 Art. 15(3); refusal → Art. 30). */
export async function addRequest(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  caseId: string,
  body: z.infer<typeof requestBody>,
) {
  const { db } = ctx.database;
  const { c } = await loadInspectionCase(db, auth, caseId);
  requireState(c, ['investigating'], '要求用人单位提供材料');
  await assertHandlingInspector(db, auth, c);
  const day = today(ctx);
  if (body.deadline <= day)
    throw new AppError(400, 'DEADLINE_PAST', '提供材料的期限应晚于今天', { field: 'deadline' });
  const seats = await handlingInspectors(ctx, caseId);
  return db.transaction().execute(async (trx) => {
    const attendTime = body.attendTime ?? '上午9时';
    const place = body.place ?? (await issuerName(trx, c));
    const claims = await trx
      .selectFrom('case_claim as cc')
      .innerJoin('matter_claim as mc', 'mc.id', 'cc.claim_id')
      .select(['mc.type'])
      .where('cc.case_id', '=', c.id)
      .orderBy('mc.sort')
      .execute();
    // 询问通知书 (条例第十五条第（三）项): the employer comes to be questioned and brings the materials.
    const document = await issue(ctx, trx, actor, auth, c, 'inquiry_notice', {
      employerName: await employerName(trx, c),
      matters: `涉嫌违反劳动保障法律、法规（涉及事项：${violationText(claims.map((x) => x.type))}）`,
      attendDate: body.deadline,
      attendTime,
      place,
      materials: body.materials,
      contact: seats.map((x) => x.name).join('、') || actor.name,
    });
    const row = await trx
      .insertInto('inspection_request')
      .values({
        case_id: c.id,
        materials: body.materials,
        deadline: body.deadline,
        issued_on: day,
        note: body.note ?? null,
        created_by: auth.userId,
        document_id: document.id,
        attend_time: attendTime,
        place,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const summary = `监察案件 ${c.number}：要求用人单位于${body.deadline}前提供${body.materials.join('、')}`;
    await appendEvent(trx, actor, c.matter_id, 'inspection_request', summary, { caseId: c.id });
    await appendAudit(trx, actor, {
      action: 'inspection.request',
      entityType: 'case',
      entityId: c.id,
      summary,
    });
    return { ...row, documents: [document] };
  });
}

export async function requestReceived(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  caseId: string,
  requestId: string,
) {
  const { db } = ctx.database;
  const { c } = await loadInspectionCase(db, auth, caseId);
  await assertHandlingInspector(db, auth, c);
  await db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('inspection_request')
      .set({ received_on: today(ctx) })
      .where('id', '=', requestId)
      .where('case_id', '=', c.id)
      .where('received_on', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!r) throw errors.notFound('待提供的材料要求');
    await appendAudit(trx, actor, {
      action: 'inspection.request.received',
      entityType: 'case',
      entityId: c.id,
      summary: `${c.number}：用人单位已提供材料`,
    });
  });
}

/**
 * +30 working days with the head's approval, once (《劳动保障监察条例》第十七条): taken by the 负责人
 * (directly, or approving a handling inspector's request); the 延长办案期限审批表 prints the
 * approver's name and the date of that action (issue #13).
 */
export async function extendInvestigation(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  caseId: string,
  body: z.infer<typeof extendBody>,
  given?: GivenApproval,
) {
  const { db } = ctx.database;
  const { c, ext } = await loadInspectionCase(db, auth, caseId);
  if (!ext) throw new AppError(409, 'INSPECTION_NOT_REGISTERED', '该案件缺少监察登记信息');
  const clockDue = (exec: Kysely<DB> | Transaction<DB>) =>
    exec
      .selectFrom('clock')
      .select(['due_date'])
      .where('subject_type', '=', 'case')
      .where('subject_id', '=', c.id)
      .where('rule_id', '=', 'inspection.investigation')
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
  const before = await clockDue(db);
  return step(
    ctx,
    auth,
    actor,
    c,
    'extend_investigation',
    {
      version: body.version,
      reason: body.reason,
      payload: { alreadyExtended: ext.extended, approver: actor.name },
    },
    async (trx) => {
      await trx
        .updateTable('inspection_case')
        .set((eb) => ({ extended: true, version: eb('version', '+', 1) }))
        .where('case_id', '=', c.id)
        .execute();
      const clock = await clockDue(trx);
      const day = today(ctx);
      const who = requester(given, actor, day);
      const doc = await issue(ctx, trx, actor, auth, c, 'inspection_extension_approval', {
        ...(await caseHeader(trx, c, ext.filed_on, day)),
        requestedBy: who.requestedBy,
        requestedDate: who.requestedDate,
        approver: actor.name,
        approvalDate: day,
        opinion: who.opinion || '同意延长办案期限三十个工作日。',
        dueDate: before?.due_date ?? day,
        extendedDueDate: clock?.due_date ?? day,
        reason: body.reason,
      });
      await recordApproval(trx, auth, actor, {
        caseId: c.id,
        kind: 'extension',
        day,
        given,
        request: { kind: 'extension', reason: body.reason },
        documentId: doc.id,
      });
      return { dueDate: clock?.due_date ?? null, documents: [doc] };
    },
  );
}

/** The name of the organisation the case belongs to (the issuing body of its documents). */
async function issuerName(trx: Transaction<DB>, c: { organization_id: string }) {
  return (
    (
      await trx
        .selectFrom('organization')
        .select('name')
        .where('id', '=', c.organization_id)
        .executeTakeFirst()
    )?.name ?? '本机关'
  );
}
