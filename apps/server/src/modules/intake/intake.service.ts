import { type EmployerStatus, triage, type TriageResult, validateClaims } from '@onestop/domain';
import type { Kysely, Transaction } from 'kysely';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../db/schema';
import { type Actor, appendAudit } from '../../platform/audit';
import type { AuthContext } from '../../platform/auth';
import { businessToday } from '../../platform/time';
import { AppError } from '../../platform/errors';
import { raiseAlerts } from '../matters';
import type { ClaimTrack } from '../matters';
import { openDuplicates } from '../matters';
import { TRACK_LABELS } from '../matters';
import { appendEvent, scopeOf } from '../../platform/scope';
import {
  checkCreditCode,
  checkIdentity,
  checkPhone,
  identityHash,
  upsertEmployer,
  upsertWorker,
} from '../parties';
import type { ConsentInput, IntakeBody } from './intake.schema';
import { jurisdictionWarning } from './intake.jurisdiction';
import {
  buildTriageInput,
  findOpenProceedings,
  loadTriageSettings,
  recommendedRoutes,
  type ResolvedDecision,
  resolveDecision,
} from './triage.service';
import { createMatterRow } from '../matters';

type Exec = Kysely<DB> | Transaction<DB>;

/** Every input problem before anything is written: claims (domain codes), IDs, credit codes, phones. */
export function validateIntake(body: IntakeBody, today: string) {
  const issues = validateClaims(body.claims, today, { sharedFacts: body.narrative });
  const first = issues[0];
  if (first) {
    throw new AppError(400, first.code, `第${first.index + 1}项诉求：${first.message}`, {
      issues: issues.map((i) => ({ ...i, field: `claims.${i.index}.${i.field}` })),
    });
  }
  body.workers.forEach((w, i) => {
    checkIdentity(w.idType, w.idNumber, today, `workers.${i}.idNumber`);
    if (w.phone) checkPhone(w.phone, `workers.${i}.phone`);
  });
  body.employers.forEach((e, i) => {
    if (e.creditCode) checkCreditCode(e.creditCode, `employers.${i}.creditCode`);
    if (e.contactPhone) checkPhone(e.contactPhone, `employers.${i}.contactPhone`);
  });
  if (body.consent && !body.workers[body.consent.workerIndex]) {
    throw new AppError(400, 'CONSENT_WORKER', '同意调解的劳动者序号不存在', { field: 'consent.workerIndex' });
  }
  const ids = body.workers.map((w) => checkIdentity(w.idType, w.idNumber, today).normalized);
  if (new Set(ids).size !== ids.length) {
    throw new AppError(400, 'DUPLICATE_WORKER', '同一劳动者（证件号码相同）不能重复登记', {
      field: 'workers',
    });
  }
}

async function existingPartyIds(exec: Exec, ctx: AppContext, body: IntakeBody, today: string) {
  const workerHashes = body.workers.map((w) =>
    identityHash(ctx.cipher, 'worker', checkIdentity(w.idType, w.idNumber, today).normalized),
  );
  const employerHashes = body.employers
    .filter((e) => e.creditCode)
    .map((e) => identityHash(ctx.cipher, 'employer', checkCreditCode(e.creditCode!)));
  const hashes = [...workerHashes, ...employerHashes];
  const rows = hashes.length
    ? await exec
        .selectFrom('party')
        .select(['id', 'kind', 'status'])
        .where('identity_hash', 'in', hashes)
        .execute()
    : [];
  return {
    workerIds: rows.filter((r) => r.kind === 'worker').map((r) => r.id),
    employerIds: rows.filter((r) => r.kind === 'employer').map((r) => r.id),
    employerStatus: (body.employers[0]?.status ??
      rows.find((r) => r.kind === 'employer')?.status ??
      'normal') as EmployerStatus,
  };
}

function runTriage(
  input: Parameters<typeof triage>[0],
  settings: Parameters<typeof triage>[1],
): TriageResult {
  try {
    return triage(input, settings);
  } catch (err) {
    const e = err as { code?: string; message: string; details?: unknown };
    throw new AppError(400, e.code ?? 'TRIAGE_INVALID_INPUT', e.message, e.details);
  }
}

/** The triage screen: the domain's recommendation for the facts typed so far (nothing is written). */
export async function previewTriage(db: Kysely<DB>, ctx: AppContext, body: IntakeBody) {
  const today = businessToday(ctx.config);
  validateIntake(body, today);
  const ids = await existingPartyIds(db, ctx, body, today);
  const open = await findOpenProceedings(db, ids.workerIds, ids.employerIds);
  const derivedMinor = body.workers.some((w) => checkIdentity(w.idType, w.idNumber, today).minor);
  const input = buildTriageInput(body, today, ids.employerStatus, open, derivedMinor);
  const result = runTriage(input, await loadTriageSettings(db));
  const outside = await jurisdictionWarning(db, body);
  if (outside && !result.warnings.some((w) => w.code === 'OUTSIDE_JURISDICTION')) {
    result.warnings.unshift(outside);
  }
  return {
    result,
    defaultRoutes: recommendedRoutes(
      result,
      body.claims.map((c) => c.type),
      body.consent?.given === true,
    ),
    openProceedings: open,
    duplicates: await openDuplicates(db, ids.workerIds, ids.employerIds),
  };
}

export function consentRecord(consent: ConsentInput, worker: { id: string; name: string }, actor: Actor) {
  return {
    given: consent.given,
    method: consent.method,
    methodLabel: consent.method === 'window_signature' ? '窗口当面签字确认' : '网上确认',
    workerId: worker.id,
    workerName: worker.name,
    recordedById: actor.id,
    recordedByName: actor.name,
    at: new Date().toISOString(),
    note: consent.note ?? null,
    basis: '《劳动争议调解仲裁法》第三条（调解自愿）',
  };
}

export function decisionSummary(d: ResolvedDecision): string {
  const routed = d.routes.filter((r) => r.track).map((r) => TRACK_LABELS[r.track!]);
  const tracks = [...new Set(routed)].join('、') || '暂不分流';
  return d.mode === 'accept' ? `采纳分流建议：${tracks}` : `改判分流：${tracks}（理由：${d.overrideReason}）`;
}

/**
 * One transaction: parties (reused by hash), the matter and its number, claims, triage, consent, timeline, alerts, audit.
 * `within` runs last in the same transaction (a caller linking its own record to the new matter: both or neither).
 */
export async function createIntake(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  body: IntakeBody,
  within?: (trx: Transaction<DB>, matter: { id: string; number: string }) => Promise<void>,
) {
  const { db } = ctx.database;
  const today = businessToday(ctx.config);
  validateIntake(body, today);
  const intakeScope = await scopeOf(db, auth, 'intake.create');
  if (!intakeScope.includes(body.jurisdictionId)) {
    throw new AppError(403, 'JURISDICTION_FORBIDDEN', '您没有在所选辖区受理登记的权限');
  }
  const settings = await loadTriageSettings(db);
  const year = Number(today.slice(0, 4));

  const id = await db.transaction().execute(async (trx) => {
    // Parties in a fixed order (by keyed hash) so concurrent intakes never deadlock on them.
    const workers = body.workers
      .map((w, index) => ({ w, index, hash: identityHash(ctx.cipher, 'worker', w.idNumber) }))
      .sort((a, b) => (a.hash < b.hash ? -1 : 1));
    const workerIds: string[] = new Array(body.workers.length);
    for (const { w, index } of workers) {
      workerIds[index] = (await upsertWorker(trx, ctx.cipher, w, today, `workers.${index}`)).id;
    }
    const employerIds: string[] = [];
    for (const [i, e] of body.employers.entries()) {
      employerIds.push((await upsertEmployer(trx, ctx.cipher, e, `employers.${i}`)).id);
    }
    const employerRows = await trx
      .selectFrom('party')
      .select(['id', 'name', 'status'])
      .where('id', 'in', employerIds)
      .execute();
    const workerRows = await trx
      .selectFrom('party')
      .select(['id', 'name', 'minor'])
      .where('id', 'in', workerIds)
      .execute();
    const open = await findOpenProceedings(trx, workerIds, employerIds);
    const input = buildTriageInput(
      body,
      today,
      (employerRows.find((e) => e.id === employerIds[0])?.status ?? 'normal') as EmployerStatus,
      open,
      workerRows.some((w) => w.minor),
    );
    const result = runTriage(input, settings);
    // The jurisdiction warning stays on the record: the 管辖告知书 is issued from it later.
    const outside = await jurisdictionWarning(trx, body);
    if (outside && !result.warnings.some((w) => w.code === 'OUTSIDE_JURISDICTION')) {
      result.warnings.unshift(outside);
    }
    const claimTypes = body.claims.map((c) => c.type);
    const decision = body.triage ? resolveDecision(result, claimTypes, body.triage, body.consent) : null;
    const duplicates = await openDuplicates(trx, workerIds, employerIds);

    const consentWorkerId = body.consent ? workerIds[body.consent.workerIndex]! : null;
    const consentWorker = workerRows.find((w) => w.id === consentWorkerId);
    const matter = await createMatterRow(trx, year, {
      channel: body.channel,
      request_kind: body.requestKind,
      status: decision ? 'routed' : 'registered',
      narrative: body.narrative,
      jurisdiction_id: body.jurisdictionId,
      responsible_user_id: body.responsibleUserId ?? auth.userId,
      created_by: auth.userId,
      worker_count: input.workerCount,
      collective: result.collective,
      collective_contract: input.collectiveContract ?? false,
      priority_flags: result.priorityFlags,
      employment_start: body.facts.employmentStart ?? null,
      employment_end: body.facts.employmentEnd ?? null,
      knew_date: body.facts.knewDate ?? null,
      triage_input: JSON.stringify(input),
      triage_result: JSON.stringify(result),
      triage_decision: decision ? JSON.stringify(decision) : null,
      triage_decided_by: decision ? auth.userId : null,
      triage_decided_at: decision ? new Date() : null,
      mediation_consent:
        body.consent && consentWorker
          ? JSON.stringify(consentRecord(body.consent, consentWorker, actor))
          : null,
      duplicate_of_id: duplicates[0]?.id ?? null,
    });
    const { number } = matter;
    await insertMatterParts(trx, matter.id, {
      workers: workerIds.map((id, i) => ({ id, representative: body.workers[i]!.representative ?? false })),
      employerIds,
      claims: body.claims.map((c, i) => ({ ...c, track: decision?.routes[i]?.track ?? null })),
    });

    const ref = { id: matter.id, number };
    await appendEvent(trx, actor, matter.id, 'created', `窗口受理登记（${number}）`, {
      channel: body.channel,
      workers: body.workers.length,
      claims: claimTypes,
    });
    if (decision) await appendEvent(trx, actor, matter.id, 'triaged', decisionSummary(decision), decision);
    if (body.consent && consentWorker) {
      await appendEvent(
        trx,
        actor,
        matter.id,
        'mediation_consent',
        `记录${consentWorker.name}${body.consent.given ? '同意' : '不同意'}调解（${
          body.consent.method === 'window_signature' ? '窗口签字' : '网上确认'
        }）`,
      );
    }
    await flagDuplicates(trx, actor, { id: matter.id, number }, duplicates, '新登记的事项');
    const alerts = await raiseAlerts(
      trx,
      {
        ...ref,
        jurisdictionId: body.jurisdictionId,
        collective: result.collective,
        workerCount: input.workerCount,
      },
      employerRows.map((e) => ({ id: e.id, name: e.name })),
      claimTypes,
      today,
    );
    await appendAudit(trx, actor, {
      action: 'matter.create',
      entityType: 'matter',
      entityId: matter.id,
      summary: `受理登记 ${number}：劳动者${body.workers.length}人，诉求${body.claims.length}项`,
      after: {
        number,
        channel: body.channel,
        claims: body.claims.map((c) => ({ type: c.type, amountFen: c.amountFen ?? null })),
        decision: decision ? decisionSummary(decision) : null,
        duplicates: duplicates.map((d) => d.number),
        alerts,
      },
    });
    if (within) await within(trx, ref);
    return matter.id;
  });
  return id;
}

/** The rows every new matter has: its parties in order and its claims (routed to a track or pending). */
export async function insertMatterParts(
  trx: Transaction<DB>,
  matterId: string,
  parts: {
    workers: { id: string; representative: boolean }[];
    employerIds: string[];
    claims: {
      type: string;
      amountFen?: number | undefined;
      periodFrom?: string | undefined;
      periodTo?: string | undefined;
      facts: string;
      track: ClaimTrack | null;
    }[];
  },
) {
  await trx
    .insertInto('matter_party')
    .values([
      ...parts.workers.map((w, i) => ({
        matter_id: matterId,
        party_id: w.id,
        role: 'worker' as const,
        representative: w.representative,
        sort: i,
      })),
      ...parts.employerIds.map((pid, i) => ({
        matter_id: matterId,
        party_id: pid,
        role: 'employer' as const,
        sort: i,
      })),
    ])
    .onConflict((oc) => oc.doNothing())
    .execute();
  await trx
    .insertInto('matter_claim')
    .values(
      parts.claims.map((c, i) => ({
        matter_id: matterId,
        type: c.type,
        amount_fen: c.amountFen ?? null,
        period_from: c.periodFrom ?? null,
        period_to: c.periodTo ?? null,
        facts: c.facts,
        track: c.track,
        status: c.track ? ('routed' as const) : ('pending' as const),
        sort: i,
      })),
    )
    .execute();
}

/** Flags a new matter and each open matter of the same parties as possible duplicates, on both timelines. */
export async function flagDuplicates(
  trx: Transaction<DB>,
  actor: Actor,
  matter: { id: string; number: string },
  duplicates: { id: string; number: string }[],
  origin: string,
) {
  for (const d of duplicates) {
    await appendEvent(
      trx,
      actor,
      matter.id,
      'duplicate_flagged',
      `同一劳动者与用人单位已有未结事项 ${d.number}`,
      {
        matterId: d.id,
      },
    );
    await appendEvent(
      trx,
      actor,
      d.id,
      'duplicate_flagged',
      `${origin} ${matter.number} 与本事项当事人相同`,
      {
        matterId: matter.id,
      },
    );
  }
}
