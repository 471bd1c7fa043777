import {
  type EmployerStatus,
  missingForArbitrationApplication,
  type TriageResult,
  triage,
} from '@onestop/domain';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../db/schema';
import { type Actor, appendAudit } from '../../platform/audit';
import { businessToday } from '../../platform/time';
import { AppError } from '../../platform/errors';
import { generateShortCode } from '../documents';
import type { IntakeBody } from '../intake';
import { consentRecord, flagDuplicates, insertMatterParts, validateIntake } from '../intake';
import { buildTriageInput, findOpenProceedings, loadTriageSettings } from '../intake';
import { raiseAlerts } from '../matters';
import { openDuplicates } from '../matters';
import { appendEvent } from '../../platform/scope';
import { checkIdentity, identityHash, upsertEmployer, upsertWorker } from '../parties';
import type { ApplicationBody } from './portal.schema';
import { attachUploads } from './portal.uploads';
import { createMatterRow } from '../matters';

type Exec = Kysely<DB> | Transaction<DB>;

export const KIND_LABELS = {
  complaint: '劳动保障监察投诉',
  mediation: '调解申请',
  arbitration: '仲裁申请',
} as const;

export const CONSENT_TEXTS = {
  mediation: '我自愿先行调解；调解不成的，可以继续申请仲裁或投诉。（《劳动争议调解仲裁法》第三条）',
  electronic_service:
    '我同意中心通过本网页向我送达文书，文书首次打开的时间即为送达时间；我仍可申请纸质文书。（《民事诉讼法》第九十条）',
} as const;

/** 查询码: 8 characters that cannot be misread (the documents' short-code alphabet). */
export async function ensureQueryCode(db: Kysely<DB>, matterId: string): Promise<string> {
  for (let i = 0; i < 5; i++) {
    const r = await sql<{ query_code: string | null }>`
      UPDATE matter SET query_code = COALESCE(query_code, ${generateShortCode()})
       WHERE id = ${matterId} RETURNING query_code`
      .execute(db)
      .catch((err: { code?: string }) => {
        if (err.code === '23505') return null;
        throw err;
      });
    if (r === null) continue;
    const code = r.rows[0]?.query_code;
    if (!code) throw new AppError(404, 'NOT_FOUND', '维权事项不存在或已被删除');
    return code;
  }
  throw new AppError(503, 'QUERY_CODE_BUSY', '查询码生成失败，请重试');
}

export async function consentRef(
  trx: Transaction<DB>,
  kind: 'mediation' | 'electronic_service',
  v: {
    matterId: string;
    partyId: string;
    accountId: string | null;
    given: boolean;
  },
): Promise<string> {
  const ref = `WS-${kind === 'mediation' ? 'TJ' : 'DZ'}-${generateShortCode()}`;
  const row = await trx
    .insertInto('portal_consent')
    .values({
      ref,
      kind,
      matter_id: v.matterId,
      party_id: v.partyId,
      account_id: v.accountId,
      given: v.given,
      text_shown: CONSENT_TEXTS[kind],
    })
    .onConflict((oc) =>
      oc.columns(['matter_id', 'party_id', 'kind']).doUpdateSet({ given: v.given, created_at: new Date() }),
    )
    .returning('ref')
    .executeTakeFirstOrThrow();
  return row.ref;
}

async function existingParty(trx: Transaction<DB>, hash: string) {
  return trx.selectFrom('party').select('id').where('identity_hash', '=', hash).executeTakeFirst();
}

/** Open matters of the same worker (by ID number) and employer, before anything is written. */
export async function duplicatesFor(db: Kysely<DB>, ctx: AppContext, body: ApplicationBody, today: string) {
  const id = checkIdentity(body.worker.idType, body.worker.idNumber, today, 'worker.idNumber');
  const worker = await db
    .selectFrom('party')
    .select('id')
    .where('identity_hash', '=', identityHash(ctx.cipher, 'worker', id.normalized))
    .executeTakeFirst();
  if (!worker) return [];
  const employers = await db
    .selectFrom('matter_party as mp')
    .innerJoin('party as p', 'p.id', 'mp.party_id')
    .select('p.id')
    .where('mp.role', '=', 'employer')
    .where((eb) =>
      body.employer.creditCode
        ? eb(
            'p.identity_hash',
            '=',
            identityHash(ctx.cipher, 'employer', body.employer.creditCode.toUpperCase()),
          )
        : eb('p.name', '=', body.employer.name),
    )
    .execute();
  return openDuplicates(db, [worker.id], [...new Set(employers.map((e) => e.id))]);
}

/**
 * An online arbitration application carries what the preliminary review would otherwise demand by a
 * 补正通知书 (《劳动人事争议仲裁办案规则》第二十九条): the same list the portal asks for. The employer's
 * address and principal count as given when the employer on file (by credit code) already has them.
 */
async function assertArbitrationComplete(db: Kysely<DB>, ctx: AppContext, body: ApplicationBody) {
  const code = body.employer.creditCode?.trim().toUpperCase();
  const onFile = code
    ? await db
        .selectFrom('party')
        .select(['address_enc', 'legal_representative'])
        .where('identity_hash', '=', identityHash(ctx.cipher, 'employer', code))
        .executeTakeFirst()
    : undefined;
  const missing = missingForArbitrationApplication({
    workerAddress: body.worker.address ?? '',
    employerAddress: onFile?.address_enc ? '（已登记）' : (body.employer.address ?? ''),
    employerPrincipal: onFile?.legal_representative ? true : (body.employer.legalRepresentative ?? ''),
    employmentStart: body.facts.employmentStart ?? '',
    narrative: body.narrative,
    claims: body.claims.map((c) => ({ ...c, amount: c.amountFen })),
  });
  if (missing.length) {
    throw new AppError(
      400,
      'ARBITRATION_APPLICATION_INCOMPLETE',
      `仲裁申请还需要填写：${missing.map((m) => m.label).join('、')}（否则仲裁委初审时会要求补正）`,
      { missing },
    );
  }
}

/**
 * An online application (complaint, mediation request, arbitration application) becomes a matter with
 * the same parties, claims and checks as at the window (validateIntake, upsertWorker, the triage), in
 * one transaction with the uploads, the consents and the submission record. The matter is left for a
 * clerk to route (《个人信息保护法》第二十四条第三款: a person decides). Not createIntake itself: that needs a staff user (scope,
 * created_by and responsible clerk), which an online application does not have.
 */
export async function createOnlineApplication(
  ctx: AppContext,
  accountId: string,
  actor: Actor,
  body: ApplicationBody,
): Promise<{
  matterId: string;
  number: string;
  queryCode: string;
  evidenceCount: number;
  duplicate: boolean;
}> {
  const { db } = ctx.database;
  const today = businessToday(ctx.config);
  const account = await db
    .selectFrom('portal_account')
    .selectAll()
    .where('id', '=', accountId)
    .executeTakeFirstOrThrow();
  const phone = ctx.cipher.decrypt(account.phone_enc);
  const intake: IntakeBody = {
    channel: 'online',
    requestKind: body.kind === 'complaint' ? 'complaint' : 'application',
    jurisdictionId: body.jurisdictionId,
    workers: [{ ...body.worker, phone }],
    employers: [body.employer],
    claims: body.claims,
    narrative: body.narrative,
    facts: body.facts,
    consent: { given: body.mediationConsent, method: 'online_confirmation', workerIndex: 0 },
  };
  validateIntake(intake, today);
  const j = await db
    .selectFrom('jurisdiction')
    .select('id')
    .where('id', '=', body.jurisdictionId)
    .executeTakeFirst();
  if (!j) throw new AppError(400, 'JURISDICTION_UNKNOWN', '请选择办理地点', { field: 'jurisdictionId' });
  if (body.kind === 'arbitration') await assertArbitrationComplete(db, ctx, body);
  const duplicates = await duplicatesFor(db, ctx, body, today);
  if (duplicates.length && !body.acknowledgeDuplicate) {
    throw new AppError(
      409,
      'DUPLICATE_OPEN_MATTER',
      '您和这家单位已有一件正在办理的事项，可以在“我的事项”中查看进度。确实是另一件事的，请确认后再提交。',
      {
        count: duplicates.length,
      },
    );
  }
  const settings = await loadTriageSettings(db);
  const year = Number(today.slice(0, 4));
  const queryCode = generateShortCode();

  return db.transaction().execute(async (trx) => {
    const idn = checkIdentity(body.worker.idType, body.worker.idNumber, today).normalized;
    // Parties already on file keep what was registered: an online applicant proved his phone, not the
    // ID number or credit code he typed, so nothing typed here overwrites an existing party (a phone
    // or contact written onto someone else's record would open that party's matters to this account).
    const worker =
      (await existingParty(trx, identityHash(ctx.cipher, 'worker', idn))) ??
      (await upsertWorker(trx, ctx.cipher, { ...body.worker, phone }, today, 'worker'));
    const code = body.employer.creditCode?.trim().toUpperCase();
    const employer =
      (code ? await existingParty(trx, identityHash(ctx.cipher, 'employer', code)) : undefined) ??
      (await upsertEmployer(trx, ctx.cipher, body.employer, 'employer'));
    const parties = await trx
      .selectFrom('party')
      .select(['id', 'name', 'status', 'minor'])
      .where('id', 'in', [worker.id, employer.id])
      .execute();
    const w = parties.find((p) => p.id === worker.id)!;
    const e = parties.find((p) => p.id === employer.id)!;
    const open = await findOpenProceedings(trx, [worker.id], [employer.id]);
    const input = buildTriageInput(intake, today, e.status as EmployerStatus, open, w.minor);
    let result: TriageResult;
    try {
      result = triage(input, settings);
    } catch (err) {
      const x = err as { code?: string; message: string; details?: unknown };
      throw new AppError(400, x.code ?? 'TRIAGE_INVALID_INPUT', x.message, x.details);
    }
    const dups = await openDuplicates(trx, [worker.id], [employer.id]);
    const matter = await createMatterRow(trx, year, {
      channel: 'online',
      request_kind: intake.requestKind,
      status: 'registered',
      narrative: body.narrative,
      jurisdiction_id: body.jurisdictionId,
      responsible_user_id: null,
      created_by: null,
      worker_count: 1,
      collective: result.collective,
      priority_flags: result.priorityFlags,
      employment_start: body.facts.employmentStart ?? null,
      employment_end: body.facts.employmentEnd ?? null,
      knew_date: body.facts.knewDate ?? null,
      triage_input: JSON.stringify(input),
      triage_result: JSON.stringify(result),
      mediation_consent: JSON.stringify(consentRecord(intake.consent!, { id: w.id, name: w.name }, actor)),
      duplicate_of_id: dups[0]?.id ?? null,
    });
    const { number } = matter;
    await sql`UPDATE matter SET query_code = ${queryCode} WHERE id = ${matter.id}`.execute(trx);
    await insertMatterParts(trx, matter.id, {
      workers: [{ id: worker.id, representative: false }],
      employerIds: [employer.id],
      claims: body.claims.map((c) => ({ ...c, track: null })),
    });
    await appendEvent(
      trx,
      actor,
      matter.id,
      'created',
      `网上提交${KIND_LABELS[body.kind]}（${number}），待窗口审核分流`,
      {
        channel: 'online',
        portalKind: body.kind,
        claims: body.claims.map((c) => c.type),
      },
    );
    await appendEvent(
      trx,
      actor,
      matter.id,
      'mediation_consent',
      `${w.name}网上确认${body.mediationConsent ? '同意' : '不同意'}调解`,
    );
    await flagDuplicates(trx, actor, { id: matter.id, number }, dups, '网上提交的事项');
    const ref = { matterId: matter.id, partyId: worker.id, accountId };
    await consentRef(trx, 'mediation', { ...ref, given: body.mediationConsent });
    await consentRef(trx, 'electronic_service', { ...ref, given: body.electronicServiceConsent });
    const evidenceCount = await attachUploads(
      trx,
      actor,
      accountId,
      matter.id,
      body.uploadIds,
      '申请人网上提交',
    );
    await trx
      .insertInto('portal_submission')
      .values({
        account_id: accountId,
        kind: body.kind,
        matter_id: matter.id,
        jurisdiction_id: body.jurisdictionId,
        state: 'converted',
      })
      .execute();
    const alerts = await raiseAlerts(
      trx,
      {
        id: matter.id,
        number,
        jurisdictionId: body.jurisdictionId,
        collective: result.collective,
        workerCount: 1,
      },
      [{ id: e.id, name: e.name }],
      body.claims.map((c) => c.type),
      today,
    );
    await appendAudit(trx, actor, {
      action: 'matter.create',
      entityType: 'matter',
      entityId: matter.id,
      summary: `网上${KIND_LABELS[body.kind]} ${number}：诉求${body.claims.length}项，附件${evidenceCount}件`,
      after: {
        number,
        channel: 'online',
        kind: body.kind,
        claims: body.claims.map((c) => ({ type: c.type, amountFen: c.amountFen ?? null })),
        duplicates: dups.map((d) => d.number),
        consents: { mediation: body.mediationConsent, electronicService: body.electronicServiceConsent },
        alerts,
      },
    });
    return { matterId: matter.id, number, queryCode, evidenceCount, duplicate: dups.length > 0 };
  });
}

/** Exec-agnostic helper for presenters. */
export async function queryCodeOf(exec: Exec, matterId: string): Promise<string | null> {
  const r = await sql<{
    query_code: string | null;
  }>`SELECT query_code FROM matter WHERE id = ${matterId}`.execute(exec);
  return r.rows[0]?.query_code ?? null;
}
