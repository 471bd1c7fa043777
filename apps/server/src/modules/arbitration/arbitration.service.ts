// Over 400 lines on purpose: the arbitration application and acceptance service; its steps share the case loading and the clocks.
import type { AppContext } from '../../platform/context';
import { type Actor, appendAudit } from '../../platform/audit';
import type { AuthContext } from '../../platform/auth';
import { AppError, errors } from '../../platform/errors';
import { openCaseInTrx } from '../cases';
import { getClocksService } from '../clocks';
import { appendEvent } from '../../platform/scope';
import { isSystemAuth, systemAuth } from '../../platform/system';
import { nowOf, businessToday } from '../../platform/time';
import {
  type ApplicationData,
  documentNames,
  jurisdictionNames,
  loadApplication,
  loadParties,
  toAppClaims,
} from './arbitration.data';
import { type Material, reviewApplication, sameDayCategory } from './arbitration.review';
import { addCalendarDays, localDate, localDateTime, settingNumber, type Trx } from './arbitration.runtime';
import { issueFor, transitionCase } from './arbitration.steps';

export const SAME_DAY_RULE = 'center.same-day-acceptance';

export interface ApplicationDetails {
  facts?: string | undefined;
  evidence?: { title: string; source: string; form?: string | undefined }[] | undefined;
  witnesses?: { name: string; address: string }[] | undefined;
  materials?: Material[] | undefined;
  copiesSubmitted?: number | undefined;
  applicantSigned?: boolean | undefined;
  performancePlace?: string | undefined;
  employerDomicile?: string | undefined;
  withinJurisdiction?: boolean | undefined;
  representatives?: { name: string; phone?: string | undefined }[] | undefined;
}

/**
 * Opens an arbitration application (a track case in the machine's initial state 'received') for claims of
 * a matter, pre-filled from the matter's parties and the given claims (amounts, periods, facts) and the
 * matter's evidence list. Runs in the CALLER's transaction (the mediation module calls it when mediation
 * fails: 《劳动争议调解仲裁法》第十四条第三款、第十五条). The acceptance clock (《劳动争议调解仲裁法》第二十九条) runs from today, the
 * application's receipt date; no document is issued here — the window's preliminary review issues the
 * 收件回执 or the 补正通知书 (POST /api/arbitration/applications/:caseId/review).
 */
export async function createApplicationFromMatter(
  trx: Trx,
  input: { matterId: string; claimIds: string[]; reason: string },
  actor: Actor,
  ctxOrAuth: AppContext | { ctx: AppContext; auth: AuthContext },
): Promise<{ caseId: string; number: string }> {
  const ctx = 'ctx' in ctxOrAuth ? ctxOrAuth.ctx : ctxOrAuth;
  let auth = 'auth' in ctxOrAuth ? ctxOrAuth.auth : null;
  if (!auth) {
    // Another module's step (e.g. mediation failed) opens the application: the system opens it for
    // the arbitration commission of the acting user, or the city's; no opener post is asked for.
    const user = actor.id
      ? await trx
          .selectFrom('app_user')
          .select('organization_id')
          .where('id', '=', actor.id)
          .executeTakeFirst()
      : undefined;
    const org =
      user?.organization_id ??
      (
        await trx
          .selectFrom('organization')
          .select('id')
          .where('agency', '=', 'arbitration')
          .executeTakeFirstOrThrow()
      ).id;
    auth = systemAuth({ reason: input.reason.trim() || '转入仲裁立案审查', organizationId: org });
  }
  const opened = await openCaseInTrx(
    ctx,
    trx,
    auth,
    actor,
    input.matterId,
    { track: 'arbitration', claimIds: input.claimIds },
    { checkOpener: !isSystemAuth(auth) },
  );
  const claims = await trx
    .selectFrom('matter_claim')
    .select(['id', 'type', 'amount_fen', 'period_from', 'period_to', 'facts'])
    .where('id', 'in', input.claimIds)
    .orderBy('sort')
    .execute();
  const matter = await trx
    .selectFrom('matter')
    .select(['narrative', 'collective', 'worker_count'])
    .where('id', '=', input.matterId)
    .executeTakeFirstOrThrow();
  const evidence = await trx
    .selectFrom('matter_evidence')
    .select(['file_name', 'description'])
    .where('matter_id', '=', input.matterId)
    .orderBy('uploaded_at')
    .execute();
  // Collective dispute: the representatives elected at intake are recorded on the application (办案规则第六十三条).
  const reps = matter.collective
    ? (await loadParties(trx, input.matterId))
        .filter((x) => x.role === 'worker' && x.representative)
        .map((x) => ({ name: x.name }))
    : [];
  const majorMin = await settingNumber(trx, 'arbitration.major_collective_min_workers', 30);
  const category = sameDayCategory(claims, {
    collective: matter.collective,
    workerCount: matter.worker_count,
    majorMin,
  });
  // The worker's own statement is kept whatever the route: the matter's narrative, or else the facts of
  // each claim (调解仲裁法第二十八条); the route's reason (e.g. 调解不成) is appended, never substituted.
  const stated =
    matter.narrative.trim() ||
    claims
      .map((c) => c.facts?.trim() ?? '')
      .filter(Boolean)
      .join('；');
  const facts = [stated, input.reason.trim()].filter(Boolean).join('\n');
  await trx
    .insertInto('arbitration_application')
    .values({
      case_id: opened.id,
      matter_id: input.matterId,
      claims: JSON.stringify(toAppClaims(claims)),
      facts,
      evidence: JSON.stringify(
        evidence.map((e) => ({ title: e.description?.trim() || e.file_name, source: '申请人提供' })),
      ),
      witnesses: JSON.stringify([]),
      materials: JSON.stringify([]),
      representatives: JSON.stringify(reps),
      checklist: JSON.stringify([]),
      same_day_category: category,
      // The business clock (the same today as the clocks and the documents' dates).
      received_at: nowOf(ctx.config),
      updated_at: new Date(),
    })
    .execute();
  // The acceptance clocks were started on the matter's receipt date; the application is received today.
  const today = businessToday(ctx.config);
  const clocks = getClocksService(ctx);
  for (const ruleId of ['arbitration.correction', 'arbitration.acceptance']) {
    const row = await trx
      .selectFrom('clock')
      .select(['id', 'trigger_date'])
      .where('subject_type', '=', 'case')
      .where('subject_id', '=', opened.id)
      .where('rule_id', '=', ruleId)
      .where('status', 'in', ['running', 'suspended', 'extended'])
      .executeTakeFirst();
    if (row && row.trigger_date !== today) await clocks.restart(trx, row.id, today, '仲裁申请收件日', actor);
  }
  await appendAudit(trx, actor, {
    action: 'arbitration.application.create',
    entityType: 'case',
    entityId: opened.id,
    summary: `仲裁申请 ${opened.number}（诉求${input.claimIds.length}项）${input.reason ? `：${input.reason}` : ''}`,
    after: { matterId: input.matterId, claimIds: input.claimIds, sameDayCategory: category },
  });
  return { caseId: opened.id, number: opened.number };
}

/** Saves the window's details of the application (materials, evidence, copies, jurisdiction facts…). */
export async function updateDetails(trx: Trx, caseId: string, d: ApplicationDetails) {
  const set: Record<string, unknown> = { updated_at: new Date() };
  if (d.facts !== undefined) set.facts = d.facts;
  if (d.evidence !== undefined) set.evidence = JSON.stringify(d.evidence);
  if (d.witnesses !== undefined) set.witnesses = JSON.stringify(d.witnesses);
  if (d.materials !== undefined) set.materials = JSON.stringify(d.materials);
  if (d.copiesSubmitted !== undefined) set.copies_submitted = d.copiesSubmitted;
  if (d.applicantSigned !== undefined) set.applicant_signed = d.applicantSigned;
  if (d.performancePlace !== undefined) set.performance_place = d.performancePlace;
  if (d.employerDomicile !== undefined) set.employer_domicile = d.employerDomicile;
  if (d.withinJurisdiction !== undefined) set.within_jurisdiction = d.withinJurisdiction;
  if (d.representatives !== undefined) set.representatives = JSON.stringify(d.representatives);
  await trx
    .updateTable('arbitration_application')
    .set((eb) => ({ ...set, version: eb('version', '+', 1) }))
    .where('case_id', '=', caseId)
    .execute();
}

/** The preliminary review of the stored application (no writes). */
export async function reviewStored(ctx: AppContext, trx: Trx, caseId: string) {
  const d = await loadApplication(trx, caseId);
  // Everything the record holds counts, including evidence uploaded to the matter after the
  // application was made (e.g. brought in to correct it).
  const uploaded = await trx
    .selectFrom('matter_evidence')
    .select(['file_name', 'description'])
    .where('matter_id', '=', d.c.matter_id)
    .orderBy('uploaded_at')
    .execute();
  const listed = new Set(d.evidence.map((e) => e.title));
  const evidence = [
    ...d.evidence,
    ...uploaded
      .map((e) => ({ title: e.description?.trim() || e.file_name, source: '申请人提供' }))
      .filter((e) => !listed.has(e.title)),
  ];
  // Uploaded evidence files are evidence materials held (electronic copies), listed or not.
  const materials: Material[] =
    uploaded.length && !d.materials.some((m) => m.kind === 'evidence')
      ? [
          ...d.materials,
          { kind: 'evidence', title: '证据材料（已上传）', form: '复印件', pages: uploaded.length },
        ]
      : d.materials;
  const result = reviewApplication({
    parties: d.parties,
    claims: d.claims,
    facts: d.app.facts,
    evidence,
    materials,
    copiesSubmitted: d.app.copies_submitted,
    applicantSigned: d.app.applicant_signed,
    withinJurisdiction: d.app.within_jurisdiction,
    performancePlace: d.app.performance_place,
    employerDomicile: d.app.employer_domicile,
    collective: d.matter.collective,
    representatives: d.app.representatives as { name: string }[],
    employmentEnd: d.matter.employment_end,
    knewDate: d.matter.knew_date,
    today: businessToday(ctx.config),
    jurisdictionNames: await jurisdictionNames(trx, d.c.jurisdiction_id),
  });
  return { d, result };
}

/**
 * The window's preliminary review (初审) with its documents, in one transaction:
 * complete → 收件回执 on the spot with the list of materials (办案规则第二十九条); a same-day category
 * starts the center's same-day clock. Incomplete → 补正通知书 listing EVERY missing item at once with the
 * deadline (第二十九条第四款). A correction (state needs_correction) that is now complete resets the
 * receipt date and restarts the acceptance clock (第四十六条第（二）项); still incomplete → 422 listing all.
 */
export async function reviewAndIssue(
  ctx: AppContext,
  trx: Trx,
  auth: Pick<AuthContext, 'grants'>,
  actor: Actor,
  caseId: string,
) {
  const { d, result } = await reviewStored(ctx, trx, caseId);
  const today = businessToday(ctx.config);
  const issued: { type: string; id: string; number: string }[] = [];
  const correcting = d.c.state === 'needs_correction';
  if (d.c.state !== 'received' && !correcting) {
    throw new AppError(409, 'APPLICATION_NOT_UNDER_REVIEW', '该申请已不在初审阶段');
  }
  const names = documentNames(d);
  const receivedAt = nowOf(ctx.config);
  if (!result.complete) {
    if (correcting) {
      // 办案规则第二十九条: every missing item is told at once. Items already told are never told again
      // (the same notice is not re-issued); items found only in the corrected materials are told in a
      // documented second notice that lists just those.
      const second = await secondCorrectionNotice(ctx, trx, actor, caseId, d, result.missingItems);
      if (!second) {
        throw new AppError(422, 'APPLICATION_INCOMPLETE', `补正后仍缺少：${result.missingItems.join('；')}`, {
          missingItems: result.missingItems,
        });
      }
      issued.push(second);
      return { complete: false, result, documents: issued };
    }
    // The deadline printed on the notice IS the due date of the correction-period clock the step
    // starts (the clock engine's working-day calendar), so the page and the document never disagree.
    const step = await transitionCase(ctx, trx, auth, actor, caseId, 'request_correction', {
      payload: { missingItems: result.missingItems },
    });
    const deadline =
      step.clocks.find((k) => k.ruleId === 'arbitration.correction-period')?.dueDate ??
      addCalendarDays(today, await settingNumber(trx, 'arbitration.correction_days', 5));
    const doc = await issueFor(ctx, trx, actor, caseId, 'correction_notice', {
      applicantName: names.applicantName,
      receivedDate: localDate(ctx, d.app.received_at),
      missingItems: result.missingItems,
      deadline,
    });
    issued.push(doc);
    await trx
      .updateTable('arbitration_application')
      .set({
        checklist: JSON.stringify(result.checklist),
        missing_items: result.missingItems,
        correction_deadline: deadline,
        updated_at: new Date(),
      })
      .where('case_id', '=', caseId)
      .execute();
    return { complete: false, result, documents: issued };
  }
  if (correcting) {
    await transitionCase(ctx, trx, auth, actor, caseId, 'correct', {
      reason: '申请人已补正全部材料，收件日以补正之日起算',
    });
    await recordRestart(trx, actor, caseId, 'arbitration.application_corrected');
  }
  const already = await trx
    .selectFrom('document')
    .select('id')
    .where('subject_type', '=', 'case')
    .where('subject_id', '=', caseId)
    .where('type', '=', 'receipt')
    .where('number', 'is not', null)
    .executeTakeFirst();
  if (!already || correcting) {
    const matter = d.matter;
    issued.push(
      await issueFor(ctx, trx, actor, caseId, 'receipt', {
        applicantName: names.applicantName,
        receivedAt: localDateTime(ctx, receivedAt),
        channel: '窗口现场提交',
        materials: d.materials.map((m) => ({
          title: m.title,
          form: m.form,
          pages: m.pages,
          copies: m.copies ?? 1,
        })),
        handler: actor.name,
        intakeNo: `${matter.number}`,
      }),
    );
  }
  await trx
    .updateTable('arbitration_application')
    .set({
      checklist: JSON.stringify(result.checklist),
      missing_items: [],
      correction_deadline: null,
      ...(correcting && { received_at: receivedAt }),
      updated_at: new Date(),
    })
    .where('case_id', '=', caseId)
    .execute();
  if (d.app.same_day_category && result.withinJurisdiction && result.conditionsMet) {
    await startSameDay(ctx, trx, actor, d.c);
  }
  return { complete: true, result, documents: issued };
}

/** The items told in the case's correction notices so far, and the first notice (number, date). */
async function correctionNoticesSoFar(trx: Trx, caseId: string) {
  const notices = await trx
    .selectFrom('document')
    .select(['number', 'issued_date', 'fields'])
    .where('subject_type', '=', 'case')
    .where('subject_id', '=', caseId)
    .where('type', '=', 'correction_notice')
    .where('number', 'is not', null)
    .where('state', '!=', 'superseded')
    .orderBy('created_at')
    .execute();
  const told = new Set(
    notices.flatMap((n) => ((n.fields as { missingItems?: string[] }).missingItems ?? []) as string[]),
  );
  return { notices, told };
}

/**
 * A second 补正通知书 when the corrected materials show items the first notice did not list: numbered,
 * saying it is the second and listing only the new items, with a new correction period from the clock
 * engine. Undefined when nothing new is missing (then nothing is issued).
 */
async function secondCorrectionNotice(
  ctx: AppContext,
  trx: Trx,
  actor: Actor,
  caseId: string,
  d: ApplicationData,
  missingItems: string[],
) {
  const { notices, told } = await correctionNoticesSoFar(trx, caseId);
  const first = notices[0];
  const fresh = missingItems.filter((x) => !told.has(x));
  if (!first?.number || !fresh.length) return undefined;
  if (notices.length >= 2) {
    throw new AppError(
      422,
      'CORRECTION_NOTICES_EXHAUSTED',
      `已出具第二次补正通知书，不再另行通知；仍缺少：${missingItems.join('；')}`,
      { missingItems },
    );
  }
  const today = businessToday(ctx.config);
  const clock = await trx
    .selectFrom('clock')
    .select('id')
    .where('subject_type', '=', 'case')
    .where('subject_id', '=', caseId)
    .where('rule_id', '=', 'arbitration.correction-period')
    .where('status', 'in', ['running', 'suspended', 'extended'])
    .executeTakeFirst();
  const restarted = clock
    ? await getClocksService(ctx).restart(trx, clock.id, today, '第二次补正通知：新增补正事项', actor)
    : undefined;
  const deadline =
    restarted?.due_date ?? addCalendarDays(today, await settingNumber(trx, 'arbitration.correction_days', 5));
  const names = documentNames(d);
  const doc = await issueFor(ctx, trx, actor, caseId, 'correction_notice', {
    applicantName: names.applicantName,
    receivedDate: localDate(ctx, d.app.received_at),
    missingItems: fresh,
    deadline,
    previousNotice: { number: first.number, date: first.issued_date ?? today },
  });
  await trx
    .updateTable('arbitration_application')
    .set({
      missing_items: missingItems,
      correction_deadline: deadline,
      updated_at: new Date(),
    })
    .where('case_id', '=', caseId)
    .execute();
  await trx
    .insertInto('arbitration_record')
    .values({
      case_id: caseId,
      kind: 'note',
      summary: `第二次补正通知 ${doc.number}：${fresh.join('；')}`,
      content: JSON.stringify({ newItems: fresh, previousNotice: first.number }),
      created_by: actor.id,
      created_by_name: actor.name,
    })
    .execute();
  return doc;
}

async function startSameDay(
  ctx: AppContext,
  trx: Trx,
  actor: Actor,
  c: {
    id: string;
    number: string;
    assignee_user_id: string | null;
    organization_id: string;
    jurisdiction_id: string;
  },
) {
  const clocks = getClocksService(ctx);
  const open = await trx
    .selectFrom('clock')
    .select('id')
    .where('subject_type', '=', 'case')
    .where('subject_id', '=', c.id)
    .where('rule_id', '=', SAME_DAY_RULE)
    .where('status', 'in', ['running', 'suspended', 'extended'])
    .executeTakeFirst();
  const today = businessToday(ctx.config);
  if (open) {
    await clocks.restart(trx, open.id, today, '补正后材料齐备', actor);
    return;
  }
  await clocks.start(
    trx,
    {
      subjectType: 'case',
      subjectId: c.id,
      subjectLabel: c.number,
      ruleId: SAME_DAY_RULE,
      triggerDate: today,
      responsibleUserId: c.assignee_user_id,
      organizationId: c.organization_id,
      jurisdictionId: c.jurisdiction_id,
    },
    actor,
  );
}

/** Restart events of the award period (办案规则第四十六条) are recorded as case records. */
export async function recordRestart(trx: Trx, actor: Actor, caseId: string, event: string) {
  await trx
    .insertInto('arbitration_record')
    .values({
      case_id: caseId,
      kind: 'restart',
      summary: `期限重新起算：${event}`,
      content: JSON.stringify({ event }),
      created_by: actor.id,
      created_by_name: actor.name,
    })
    .execute();
}

/** New application at the window: open, save details, review and issue, in one transaction. */
export async function createAtWindow(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  input: { matterId: string; claimIds: string[]; reason?: string | undefined } & ApplicationDetails,
) {
  return ctx.database.db.transaction().execute(async (trx) => {
    const parties = await loadParties(trx, input.matterId);
    if (!parties.length) throw errors.notFound('维权事项');
    const { caseId, number } = await createApplicationFromMatter(
      trx,
      { matterId: input.matterId, claimIds: input.claimIds, reason: input.reason ?? '' },
      actor,
      { ctx, auth },
    );
    await updateDetails(trx, caseId, input);
    const review = await reviewAndIssue(ctx, trx, auth, actor, caseId);
    const matter = await trx
      .selectFrom('matter')
      .select('id')
      .where('id', '=', input.matterId)
      .executeTakeFirstOrThrow();
    await appendEvent(
      trx,
      actor,
      matter.id,
      'arbitration_application',
      `仲裁申请 ${number}：${review.complete ? '材料齐全，出具收件回执' : '材料不全，出具补正通知书'}`,
      {
        caseId,
      },
    );
    return { caseId, ...review };
  });
}
