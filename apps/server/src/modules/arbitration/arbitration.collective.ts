import type { Kysely } from 'kysely';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../db/schema';
import type { Actor } from '../../platform/audit';
import type { AuthContext } from '../../platform/auth';
import { businessToday } from '../../platform/time';
import { AppError } from '../../platform/errors';
import { StaleCase } from '../cases';
import { getClocksService } from '../clocks';
import { type AppClaim, type ApplicationData, documentNames, loadApplication } from './arbitration.data';
import { audited } from './arbitration.http';
import { addCalendarDays, localDateTime, settingNumber, type Trx } from './arbitration.runtime';
import { recordRestart } from './arbitration.service';
import { addRecord, COLLECTIVE_NOTICE_RULE, issueFor } from './arbitration.steps';
import type { ConsentAct } from './arbitration.tables';
import { assertArbitrationStaff, tribunalOf } from './arbitration.tribunal';

type Auth = Pick<AuthContext, 'grants'>;
type Exec = Kysely<DB> | Trx;

/**
 * Collective disputes (《劳动人事争议仲裁办案规则》第五十六条至第六十七条; 《劳动人事争议仲裁办案规则》第六十二条至第六十七条 — verified only via
 * secondary summaries [V2]; the article that carries the consent rule is not pinned down, so messages cite
 * the section as a whole): the representatives' acts bind the workers they represent, but changing or
 * abandoning claims, admitting the other side's claims and settling need the represented workers' consent.
 * The project asks for WRITTEN consent, recorded with who, when and the signed document's reference.
 */
const SECTION = '《劳动人事争议仲裁办案规则》第六十二条至第六十七条';

export const CONSENT_ACT_LABELS: Readonly<Record<ConsentAct, string>> = {
  change_claims: '变更仲裁请求',
  abandon_claims: '放弃仲裁请求',
  admit_claims: '承认对方当事人的仲裁请求',
  accept_settlement: '接受调解、达成和解',
  withdraw: '撤回仲裁申请',
};

const IN_PROCEEDINGS = ['answer_period', 'hearing_scheduled', 'hearing', 'suspended'];

/** Optional optimistic check plus a version bump of the case, so that concurrent edits are detected. */
export async function bumpCase(trx: Trx, d: ApplicationData, version?: number | undefined) {
  if (version !== undefined && version !== d.c.version) throw new StaleCase(d.c.id);
  const r = await trx
    .updateTable('track_case')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', d.c.id)
    .where('version', '=', d.c.version)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw new StaleCase(d.c.id);
}

/** The workers a collective case's representatives act for (every worker who is not a representative). */
export function representedWorkers(d: Pick<ApplicationData, 'parties' | 'app' | 'matter'>) {
  if (!d.matter.collective) return [];
  const repNames = new Set((d.app.representatives as { name: string }[]).map((r) => r.name));
  return d.parties.filter((p) => p.role === 'worker' && !p.representative && !repNames.has(p.name));
}

export async function consentsOf(exec: Exec, caseId: string) {
  return exec
    .selectFrom('arbitration_consent')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .execute();
}

/**
 * Refuses (422 REPRESENTED_CONSENT_MISSING, naming every worker still missing) an act of the
 * representatives that disposes of the represented workers' rights without their written consent.
 * Returns the consents relied on, as lines for the decision documents. Not collective → no consent needed.
 */
export async function assertConsents(exec: Exec, d: ApplicationData, act: ConsentAct): Promise<string[]> {
  const needed = representedWorkers(d);
  if (!needed.length) return [];
  const rows = (await consentsOf(exec, d.c.id)).filter((r) => r.act === act);
  const covered = new Set(rows.flatMap((r) => r.party_ids));
  const missing = needed.filter((w) => !covered.has(w.partyId));
  if (missing.length) {
    throw new AppError(
      422,
      'REPRESENTED_CONSENT_MISSING',
      `集体争议的代表人${CONSENT_ACT_LABELS[act]}，须经被代表的劳动者书面同意。尚缺以下${missing.length}名劳动者的书面同意：${missing.map((m) => m.name).join('、')}（${SECTION}）`,
      { act, missing: missing.map((m) => ({ partyId: m.partyId, name: m.name })) },
    );
  }
  return rows.map((r) => `${r.party_names.join('、')}：${r.signed_on}签署，${r.document_ref}`);
}

/** Records the written consent of represented workers to one act (who, when, document reference). */
export async function recordConsent(
  ctx: AppContext,
  trx: Trx,
  auth: Auth,
  actor: Actor,
  caseId: string,
  input: {
    act: ConsentAct;
    partyIds: string[];
    signedOn: string;
    documentRef: string;
    note?: string | undefined;
    version?: number | undefined;
  },
) {
  const d = await loadApplication(trx, caseId);
  await assertArbitrationStaff(trx, auth, d.c.jurisdiction_id);
  if (!d.matter.collective) {
    throw new AppError(409, 'NOT_COLLECTIVE', '本案不是集体劳动人事争议，无需登记被代表劳动者的书面同意');
  }
  if (d.c.closed) throw new AppError(409, 'CASE_CLOSED', '案件已结案');
  if (input.signedOn > businessToday(ctx.config)) {
    throw new AppError(422, 'CONSENT_DATE_IN_FUTURE', '书面同意的签署日期不能晚于今天');
  }
  const represented = representedWorkers(d);
  const ids = [...new Set(input.partyIds)];
  const unknown = ids.filter((id) => !represented.some((w) => w.partyId === id));
  if (unknown.length) {
    throw new AppError(
      422,
      'CONSENT_PARTY_INVALID',
      '只能登记本案被代表劳动者（非代表人）的书面同意，所选人员中有不属于被代表劳动者的',
      { partyIds: unknown },
    );
  }
  await bumpCase(trx, d, input.version);
  const names = ids.map((id) => represented.find((w) => w.partyId === id)!.name);
  const row = await trx
    .insertInto('arbitration_consent')
    .values({
      case_id: caseId,
      act: input.act,
      party_ids: ids,
      party_names: names,
      signed_on: input.signedOn,
      document_ref: input.documentRef,
      note: input.note ?? '',
      recorded_by: actor.id,
      recorded_by_name: actor.name,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const summary = `登记${names.join('、')}对代表人${CONSENT_ACT_LABELS[input.act]}的书面同意（${input.signedOn}签署，${input.documentRef}）`;
  await addRecord(trx, actor, caseId, 'consent', summary, { consentId: row.id, act: input.act });
  await audited(trx, actor, 'arbitration.consent.record', caseId, summary, {
    act: input.act,
    partyIds: ids,
    signedOn: input.signedOn,
    documentRef: input.documentRef,
  });
  return { consentId: row.id };
}

/**
 * 变更 / 放弃仲裁请求 during the proceedings. In a collective case the represented workers' written consent
 * is required first. Changed claims restart the award period from the change (办案规则第四十六条, 《劳动争议调解仲裁法》第四十三条；《劳动人事争议仲裁办案规则》第四十五条);
 * abandoned claims are removed from the application (at least one claim must remain — otherwise withdraw).
 */
export async function changeClaims(
  ctx: AppContext,
  trx: Trx,
  auth: Auth,
  actor: Actor,
  caseId: string,
  input: {
    action: 'change_claims' | 'abandon_claims';
    abandonClaimIds?: string[] | undefined;
    changes?: { claimId: string; amountFen: number }[] | undefined;
    reason: string;
    version?: number | undefined;
  },
) {
  const d = await loadApplication(trx, caseId);
  await assertArbitrationStaff(trx, auth, d.c.jurisdiction_id);
  if (d.c.closed || !IN_PROCEEDINGS.includes(d.c.state)) {
    throw new AppError(409, 'CLAIMS_CHANGE_NOT_NOW', '仅在受理后、裁决前的审理阶段可以变更或放弃仲裁请求');
  }
  const known = new Set(d.claims.map((c) => c.claimId));
  const ids =
    input.action === 'abandon_claims'
      ? [...new Set(input.abandonClaimIds ?? [])]
      : (input.changes ?? []).map((c) => c.claimId);
  if (!ids.length) {
    throw new AppError(
      400,
      'CLAIMS_CHANGE_EMPTY',
      input.action === 'abandon_claims' ? '请选择放弃的仲裁请求' : '请填写变更后的请求金额',
    );
  }
  if (ids.some((id) => !known.has(id))) {
    throw new AppError(422, 'CLAIM_NOT_IN_CASE', '所选仲裁请求不属于本案');
  }
  const consents = await assertConsents(trx, d, input.action);
  await bumpCase(trx, d, input.version);
  let claims: AppClaim[];
  let summary: string;
  if (input.action === 'abandon_claims') {
    claims = d.claims.filter((c) => !ids.includes(c.claimId));
    if (!claims.length) {
      throw new AppError(422, 'ALL_CLAIMS_ABANDONED', '放弃全部仲裁请求的，应当办理撤回仲裁申请');
    }
    const labels = d.claims.filter((c) => ids.includes(c.claimId)).map((c) => c.label);
    summary = `申请人放弃仲裁请求：${labels.join('、')}（${input.reason}）`;
  } else {
    const byId = new Map((input.changes ?? []).map((c) => [c.claimId, c.amountFen]));
    claims = d.claims.map((c) => (byId.has(c.claimId) ? { ...c, amountFen: byId.get(c.claimId)! } : c));
    summary = `申请人变更仲裁请求：${d.claims
      .filter((c) => byId.has(c.claimId))
      .map(
        (c) =>
          `${c.label}${((c.amountFen ?? 0) / 100).toFixed(2)}元→${(byId.get(c.claimId)! / 100).toFixed(2)}元`,
      )
      .join('；')}（${input.reason}）`;
  }
  await trx
    .updateTable('arbitration_application')
    .set((eb) => ({
      claims: JSON.stringify(claims),
      updated_at: new Date(),
      version: eb('version', '+', 1),
    }))
    .where('case_id', '=', caseId)
    .execute();
  let awardDueDate: string | null = null;
  if (input.action === 'change_claims') {
    const clock = await trx
      .selectFrom('clock')
      .select('id')
      .where('subject_type', '=', 'case')
      .where('subject_id', '=', caseId)
      .where('rule_id', '=', 'arbitration.award')
      .where('status', 'in', ['running', 'extended'])
      .executeTakeFirst();
    if (clock) {
      const r = await getClocksService(ctx).restart(
        trx,
        clock.id,
        businessToday(ctx.config),
        '变更仲裁请求，审理期限自受理变更之日起重新计算',
        actor,
      );
      awardDueDate = r.due_date;
      await recordRestart(trx, actor, caseId, 'arbitration.claims_changed');
    }
  }
  await addRecord(trx, actor, caseId, 'claims_change', summary, {
    action: input.action,
    claimIds: ids,
    consents,
  });
  await audited(trx, actor, `arbitration.claims.${input.action}`, caseId, summary, {
    claimIds: ids,
    awardDueDate,
  });
  return { awardDueDate, consents };
}

/** The acceptance date (受理通知书's date) and the evidence deadline it set. */
export async function acceptanceFacts(ctx: AppContext, exec: Exec, caseId: string) {
  const doc = await exec
    .selectFrom('document')
    .select(['issued_date', 'fields'])
    .where('subject_type', '=', 'case')
    .where('subject_id', '=', caseId)
    .where('type', '=', 'acceptance_notice')
    .where('number', 'is not', null)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  const acceptedDate = doc?.issued_date ?? businessToday(ctx.config);
  const f = (doc?.fields ?? {}) as { evidenceDeadline?: string };
  return { acceptedDate, evidenceDeadline: f.evidenceDeadline ?? null };
}

async function openClock(exec: Exec, caseId: string, ruleId: string) {
  return exec
    .selectFrom('clock')
    .select(['id', 'due_date', 'status'])
    .where('subject_type', '=', 'case')
    .where('subject_id', '=', caseId)
    .where('rule_id', '=', ruleId)
    .where('status', 'in', ['running', 'suspended', 'extended'])
    .executeTakeFirst();
}

/** What the case page needs for the one-time notice of a collective case (《劳动人事争议仲裁办案规则》第六十三条). */
export async function collectiveNoticeStatus(exec: Exec, d: ApplicationData) {
  if (!d.matter.collective) return null;
  const [tribunal, hearing, issued, clock] = await Promise.all([
    tribunalOf(exec, d.c.id),
    exec
      .selectFrom('hearing')
      .select('id')
      .where('case_id', '=', d.c.id)
      .where('state', '=', 'scheduled')
      .executeTakeFirst(),
    exec
      .selectFrom('document')
      .select(['id', 'number'])
      .where('subject_type', '=', 'case')
      .where('subject_id', '=', d.c.id)
      .where('type', '=', 'collective_notice')
      .where('number', 'is not', null)
      .executeTakeFirst(),
    exec
      .selectFrom('clock')
      .select(['due_date', 'status'])
      .where('subject_type', '=', 'case')
      .where('subject_id', '=', d.c.id)
      .where('rule_id', '=', COLLECTIVE_NOTICE_RULE)
      .orderBy('created_at', 'desc')
      .executeTakeFirst(),
  ]);
  const tribunalSet = tribunal.some((t) => t.role !== 'clerk');
  return {
    dueDate: clock?.due_date ?? null,
    clockStatus: clock?.status ?? null,
    tribunalSet,
    hearingSet: hearing !== undefined,
    issuedDocumentId: issued?.id ?? null,
    issuedNumber: issued?.number ?? null,
    canIssue: !d.c.closed && tribunalSet && hearing !== undefined && !issued,
  };
}

/**
 * 集体劳动人事争议一次性告知 (办案规则第六十三条, 《劳动人事争议仲裁办案规则》第六十三条): once the tribunal is formed and the first
 * hearing is set, ONE notice to all parties of the tribunal members, the defence period, the evidence
 * period and the hearing date and place; it meets the 《劳动人事争议仲裁办案规则》第六十三条 clock (and the tribunal-notice clock T-A10).
 */
export async function issueCollectiveNotice(
  ctx: AppContext,
  trx: Trx,
  auth: Auth,
  actor: Actor,
  caseId: string,
  input: { version?: number | undefined },
) {
  const d = await loadApplication(trx, caseId);
  await assertArbitrationStaff(trx, auth, d.c.jurisdiction_id);
  if (!d.matter.collective) {
    throw new AppError(409, 'NOT_COLLECTIVE', '本案不是集体劳动人事争议，无需一次性告知');
  }
  const status = await collectiveNoticeStatus(trx, d);
  if (status?.issuedDocumentId) {
    throw new AppError(409, 'COLLECTIVE_NOTICE_ISSUED', `本案已一次性告知（${status.issuedNumber}）`);
  }
  if (d.c.closed) throw new AppError(409, 'CASE_CLOSED', '案件已结案');
  const tribunal = await tribunalOf(trx, caseId);
  const sitting = tribunal.filter((t) => t.role !== 'clerk');
  if (!sitting.length) throw new AppError(422, 'TRIBUNAL_REQUIRED', '请先组成仲裁庭，再一次性告知当事人');
  const hearing = await trx
    .selectFrom('hearing as h')
    .innerJoin('hearing_room as r', 'r.id', 'h.room_id')
    .select(['h.starts_at', 'r.name', 'r.location'])
    .where('h.case_id', '=', caseId)
    .where('h.state', '=', 'scheduled')
    .orderBy('h.starts_at')
    .executeTakeFirst();
  if (!hearing) throw new AppError(422, 'HEARING_REQUIRED', '请先排期首次开庭，再一次性告知当事人');
  await bumpCase(trx, d, input.version);
  const names = documentNames(d);
  const facts = await acceptanceFacts(ctx, trx, caseId);
  const evidenceDeadline =
    facts.evidenceDeadline ??
    addCalendarDays(facts.acceptedDate, await settingNumber(trx, 'arbitration.evidence_days', 15));
  const defence = await trx
    .selectFrom('clock')
    .select('due_date')
    .where('subject_type', '=', 'case')
    .where('subject_id', '=', caseId)
    .where('rule_id', '=', 'arbitration.defence')
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  const presiding = sitting.find((t) => t.role !== 'member') ?? sitting[0]!;
  const doc = await issueFor(ctx, trx, actor, caseId, 'collective_notice', {
    applicantName: names.applicantName,
    respondentName: names.respondentName,
    caseCause: names.caseCause,
    acceptedDate: facts.acceptedDate,
    presidingArbitrator: presiding.display_name,
    arbitrators: sitting.filter((t) => t !== presiding).map((t) => t.display_name),
    ...(tribunal.find((t) => t.role === 'clerk') && {
      clerk: tribunal.find((t) => t.role === 'clerk')!.display_name,
    }),
    defencePeriod: `被申请人自收到仲裁申请书副本之日起十日内${defence ? `（${defence.due_date}前）` : ''}提交答辩书`,
    evidenceDeadline,
    hearingAt: localDateTime(ctx, hearing.starts_at),
    hearingPlace: `${hearing.name}（${hearing.location}）`,
  });
  const clocks = getClocksService(ctx);
  for (const ruleId of [COLLECTIVE_NOTICE_RULE, 'arbitration.tribunal-notice']) {
    const row = await openClock(trx, caseId, ruleId);
    if (row) await clocks.meet(trx, row.id, actor, `已一次性告知（${doc.number}）`);
  }
  const summary = `集体争议一次性告知组庭、答辩期、举证期限及开庭时间地点（${doc.number}）`;
  await addRecord(trx, actor, caseId, 'collective_notice', summary, { documentId: doc.id });
  await audited(trx, actor, 'arbitration.collective.notice', caseId, summary, { documentId: doc.id });
  return { documents: [doc] };
}
