// Over 400 lines on purpose: wage-group ledgers are being extended by another change; to be split (ledger import, confirmation, payment) once that lands.
import {
  CONFIRMED_BY,
  groupTotals,
  type LedgerRow,
  linePosition,
  maskIdNumber,
  maskPhone,
  paymentProblem,
  type RowProblem,
  validateLedger,
  WAGE_GROUP_KINDS,
  WAGE_PAYERS,
  type WageGroupKind,
  type WagePayer,
  formatYuan,
} from '@onestop/domain';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { type Actor, appendAudit } from '../../platform/audit';
import type { AuthContext } from '../../platform/auth';
import type { AppContext } from '../../platform/context';
import { AppError, errors } from '../../platform/errors';
import { appendEvent, assertMatterInScope } from '../../platform/scope';
import { identityHash, upsertWorker } from '../parties';

type Exec = Kysely<DB> | Transaction<DB>;

/** Who may change a ledger: the labour inspection (wage arrears) and the window staff. */
export const WRITE_PERMISSIONS = ['inspection.work', 'intake.create'] as const;
export type WritePermission = (typeof WRITE_PERMISSIONS)[number];

export const wageErrors = {
  exists: () => new AppError(409, 'WAGE_GROUP_EXISTS', '该维权事项已建立欠薪台账'),
  noEmployer: () =>
    new AppError(422, 'WAGE_GROUP_NO_EMPLOYER', '该维权事项没有登记用人单位，无法建立群体欠薪台账'),
  invalidRows: (problems: RowProblem[], total: number, valid: number) =>
    new AppError(
      422,
      'WAGE_IMPORT_INVALID',
      `${problems[0]!.message}${problems.length > 1 ? `（共${problems.length}处错误）` : ''}。未导入任何一行；请改正后重新导入，或选择“只导入无误的行”`,
      { problems, totalRows: total, validRows: valid },
    ),
  nothingValid: (problems: RowProblem[]) =>
    new AppError(422, 'WAGE_IMPORT_NOTHING_VALID', '没有可以导入的行，请改正表格后重新导入', { problems }),
  paymentInvalid: (message: string) => new AppError(422, 'WAGE_PAYMENT_INVALID', message),
  futureDate: () => new AppError(400, 'WAGE_PAYMENT_FUTURE', '支付日期不能晚于今天'),
  contractorRequired: () =>
    new AppError(400, 'WAGE_PAYMENT_PAYER_NAME', '总包代发的，请填写施工总承包单位名称'),
};

export interface GroupRow {
  id: string;
  matter_id: string;
  kind: WageGroupKind;
  name: string;
  general_contractor: string | null;
  version: number;
}

/** The group, 404 when absent or outside the user's jurisdictions (existence is not disclosed). */
export async function loadGroup(
  exec: Exec,
  auth: AuthContext,
  id: string,
  permission: 'matter.read' | WritePermission = 'matter.read',
) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw errors.notFound('欠薪台账');
  const g = await exec
    .selectFrom('wage_group')
    .select(['id', 'matter_id', 'kind', 'name', 'general_contractor', 'version'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!g) throw errors.notFound('欠薪台账');
  try {
    await assertMatterInScope(exec, auth, g.matter_id, permission);
  } catch {
    throw errors.notFound('欠薪台账');
  }
  return g as GroupRow;
}

/** The permission of WRITE_PERMISSIONS the user holds in the matter's jurisdiction (404 otherwise). */
export async function writableGroup(exec: Exec, auth: AuthContext, id: string) {
  let last: unknown;
  for (const perm of WRITE_PERMISSIONS) {
    if (!auth.permissions.has(perm)) continue;
    try {
      return { group: await loadGroup(exec, auth, id, perm), permission: perm };
    } catch (err) {
      last = err;
    }
  }
  throw last ?? errors.notFound('欠薪台账');
}

export async function createGroup(
  trx: Transaction<DB>,
  auth: AuthContext,
  actor: Actor,
  input: { matterId: string; kind: WageGroupKind; name: string; generalContractor?: string | undefined },
) {
  let matter: { id: string; version: number } | undefined;
  for (const perm of WRITE_PERMISSIONS) {
    if (!auth.permissions.has(perm)) continue;
    try {
      matter = await assertMatterInScope(trx, auth, input.matterId, perm);
      break;
    } catch {
      /* next */
    }
  }
  if (!matter) throw errors.notFound('维权事项');
  const employer = await trx
    .selectFrom('matter_party')
    .select('party_id')
    .where('matter_id', '=', input.matterId)
    .where('role', '=', 'employer')
    .executeTakeFirst();
  if (!employer) throw wageErrors.noEmployer();
  const exists = await trx
    .selectFrom('wage_group')
    .select('id')
    .where('matter_id', '=', input.matterId)
    .executeTakeFirst();
  if (exists) throw wageErrors.exists();
  const g = await trx
    .insertInto('wage_group')
    .values({
      matter_id: input.matterId,
      kind: input.kind,
      name: input.name,
      general_contractor: input.generalContractor ?? null,
      created_by: auth.userId,
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // A group matter is a collective matter (the 集体争议 mark the matter model carries).
  await trx
    .updateTable('matter')
    .set((eb) => ({ collective: true, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', input.matterId)
    .execute();
  const summary = `建立群体欠薪台账：${WAGE_GROUP_KINDS[input.kind]}“${input.name}”`;
  await appendEvent(trx, actor, input.matterId, 'wage_group_created', summary, { groupId: g.id });
  await appendAudit(trx, actor, {
    action: 'wage_group.create',
    entityType: 'wage_group',
    entityId: g.id,
    summary,
    after: input,
  });
  return g.id;
}

/**
 * Imports validated rows. With `goodRowsOnly` false, any problem (in the sheet, or a worker and
 * period already in the ledger) aborts the import and nothing is written.
 */
export async function importRows(
  trx: Transaction<DB>,
  ctx: AppContext,
  actor: Actor,
  group: GroupRow,
  raw: Parameters<typeof validateLedger>[0],
  goodRowsOnly: boolean,
  today: string,
) {
  const { valid, problems } = validateLedger(raw, today);
  const existing = await trx
    .selectFrom('wage_line as l')
    .innerJoin('party as p', 'p.id', 'l.party_id')
    .select(['p.identity_hash', 'l.period_from', 'l.period_to'])
    .where('l.group_id', '=', group.id)
    .execute();
  const have = new Set(existing.map((e) => `${e.identity_hash}|${e.period_from}|${e.period_to}`));
  const rows: LedgerRow[] = [];
  for (const r of valid) {
    const key = `${identityHash(ctx.cipher, 'worker', r.idNumber)}|${r.periodFrom}|${r.periodTo}`;
    if (have.has(key)) {
      problems.push({
        row: r.row,
        column: '公民身份号码',
        message: `第${r.row}行该工人同一期间的欠薪已在台账中，不能重复导入`,
      });
    } else rows.push(r);
  }
  problems.sort((a, b) => a.row - b.row);
  if (problems.length && !goodRowsOnly) throw wageErrors.invalidRows(problems, raw.length, rows.length);
  if (rows.length === 0) throw wageErrors.nothingValid(problems);
  const maxSort = await trx
    .selectFrom('matter_party')
    .select((eb) => eb.fn.max('sort').as('m'))
    .where('matter_id', '=', group.matter_id)
    .executeTakeFirst();
  let sort = Number(maxSort?.m ?? 0);
  for (const r of rows) {
    const w = await upsertWorker(
      trx,
      ctx.cipher,
      {
        name: r.name,
        idType: 'resident_id',
        idNumber: r.idNumber,
        phone: r.phone ?? undefined,
        migrantWorker: true,
      },
      today,
      `row${r.row}`,
    );
    const member = await trx
      .selectFrom('matter_party')
      .select('party_id')
      .where('matter_id', '=', group.matter_id)
      .where('party_id', '=', w.id)
      .executeTakeFirst();
    if (!member) {
      sort += 1;
      await trx
        .insertInto('matter_party')
        .values({ matter_id: group.matter_id, party_id: w.id, role: 'worker', sort })
        .execute();
    }
    await trx
      .insertInto('wage_line')
      .values({
        group_id: group.id,
        party_id: w.id,
        period_from: r.periodFrom,
        period_to: r.periodTo,
        claimed_fen: r.claimedFen,
        confirmed_fen: r.confirmedFen,
        confirmed_by: r.confirmedBy,
        source_row: r.row,
        updated_at: new Date(),
      })
      .execute();
  }
  const workers = await trx
    .selectFrom('wage_line')
    .select((eb) => eb.fn.count<number>('party_id').distinct().as('n'))
    .where('group_id', '=', group.id)
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('matter')
    .set((eb) => ({
      worker_count: Number(workers.n),
      version: eb('version', '+', 1),
      updated_at: new Date(),
    }))
    .where('id', '=', group.matter_id)
    .execute();
  await bumpGroup(trx, group);
  const total = rows.reduce((s, r) => s + r.claimedFen, 0);
  const summary = `导入欠薪台账${rows.length}行，申报欠薪${formatYuan(total)}${problems.length ? `；${problems.length}处错误的行未导入` : ''}`;
  await appendEvent(trx, actor, group.matter_id, 'wage_ledger_imported', summary, {
    groupId: group.id,
    imported: rows.length,
    skippedRows: [...new Set(problems.map((p) => p.row))],
  });
  await appendAudit(trx, actor, {
    action: 'wage_group.import',
    entityType: 'wage_group',
    entityId: group.id,
    summary,
    after: { imported: rows.length, skipped: problems.length },
  });
  return { imported: rows.length, skipped: problems };
}

async function bumpGroup(trx: Transaction<DB>, group: GroupRow) {
  await trx
    .updateTable('wage_group')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', group.id)
    .execute();
}

export async function recordPayment(
  trx: Transaction<DB>,
  actor: Actor,
  group: GroupRow,
  lineId: string,
  input: {
    amountFen: number;
    paidOn: string;
    payer: WagePayer;
    payerName?: string | undefined;
    note?: string | undefined;
    version: number;
  },
  today: string,
) {
  if (!/^[0-9a-f-]{36}$/i.test(lineId)) throw errors.notFound('台账行');
  const line = await trx
    .selectFrom('wage_line as l')
    .innerJoin('party as p', 'p.id', 'l.party_id')
    .select(['l.id', 'l.claimed_fen', 'l.confirmed_fen', 'l.paid_fen', 'l.version', 'p.name'])
    .where('l.id', '=', lineId)
    .where('l.group_id', '=', group.id)
    .executeTakeFirst();
  if (!line) throw errors.notFound('台账行');
  if (input.paidOn > today) throw wageErrors.futureDate();
  const payerName =
    input.payer === 'general_contractor'
      ? input.payerName?.trim() || group.general_contractor
      : input.payerName?.trim() || null;
  if (input.payer === 'general_contractor' && !payerName) throw wageErrors.contractorRequired();
  if (line.version !== input.version) throw errors.conflict({ lineId, version: line.version });
  const problem = paymentProblem(
    {
      claimedFen: Number(line.claimed_fen),
      confirmedFen: line.confirmed_fen === null ? null : Number(line.confirmed_fen),
      paidFen: Number(line.paid_fen),
    },
    input.amountFen,
  );
  if (problem) throw wageErrors.paymentInvalid(problem);
  const updated = await trx
    .updateTable('wage_line')
    .set((eb) => ({
      paid_fen: eb('paid_fen', '+', input.amountFen),
      version: eb('version', '+', 1),
      updated_at: new Date(),
    }))
    .where('id', '=', lineId)
    .where('version', '=', input.version)
    .returning('id')
    .executeTakeFirst();
  if (!updated) throw errors.conflict({ lineId });
  const p = await trx
    .insertInto('wage_payment')
    .values({
      line_id: lineId,
      amount_fen: input.amountFen,
      paid_on: input.paidOn,
      payer: input.payer,
      payer_name: payerName ?? null,
      note: input.note?.trim() || null,
      recorded_by: actor.id,
      recorded_by_name: actor.name,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await bumpGroup(trx, group);
  const summary = `记录${line.name}工资支付${formatYuan(input.amountFen)}（${WAGE_PAYERS[input.payer].label}${payerName ? `：${payerName}` : ''}）`;
  await appendEvent(trx, actor, group.matter_id, 'wage_paid', summary, {
    groupId: group.id,
    lineId,
    paymentId: p.id,
  });
  await appendAudit(trx, actor, {
    action: 'wage_group.payment',
    entityType: 'wage_line',
    entityId: lineId,
    summary,
    after: { ...input, payerName },
  });
  return p.id;
}

interface LineRecord {
  id: string;
  party_id: string;
  name: string;
  id_number_enc: string | null;
  phone_enc: string | null;
  period_from: string;
  period_to: string;
  claimed_fen: number;
  confirmed_fen: number | null;
  confirmed_by: 'employer' | 'investigation' | null;
  paid_fen: number;
  source_row: number | null;
  version: number;
}

async function lineRecords(exec: Exec, groupId: string, partyId?: string): Promise<LineRecord[]> {
  let q = exec
    .selectFrom('wage_line as l')
    .innerJoin('party as p', 'p.id', 'l.party_id')
    .select([
      'l.id',
      'l.party_id',
      'p.name',
      'p.id_number_enc',
      'p.phone_enc',
      'l.period_from',
      'l.period_to',
      'l.claimed_fen',
      'l.confirmed_fen',
      'l.confirmed_by',
      'l.paid_fen',
      'l.source_row',
      'l.version',
    ])
    .where('l.group_id', '=', groupId);
  if (partyId) q = q.where('l.party_id', '=', partyId);
  return (await q.orderBy('l.source_row').orderBy('l.created_at').execute()) as LineRecord[];
}

async function paymentsOf(exec: Exec, lineIds: string[]) {
  if (!lineIds.length) return new Map<string, PaymentView[]>();
  const rows = await exec
    .selectFrom('wage_payment')
    .select(['id', 'line_id', 'amount_fen', 'paid_on', 'payer', 'payer_name', 'note', 'recorded_by_name'])
    .where('line_id', 'in', lineIds)
    .orderBy('paid_on')
    .orderBy('created_at')
    .execute();
  const by = new Map<string, PaymentView[]>();
  for (const r of rows) {
    const list = by.get(r.line_id) ?? [];
    list.push({
      id: r.id,
      amountFen: Number(r.amount_fen),
      paidOn: r.paid_on,
      payer: r.payer,
      payerLabel: WAGE_PAYERS[r.payer].label,
      payerName: r.payer_name,
      note: r.note,
      recordedBy: r.recorded_by_name,
    });
    by.set(r.line_id, list);
  }
  return by;
}

export interface PaymentView {
  id: string;
  amountFen: number;
  paidOn: string;
  payer: WagePayer;
  payerLabel: string;
  payerName: string | null;
  note: string | null;
  recordedBy: string;
}

function amounts(l: LineRecord) {
  const line = {
    claimedFen: Number(l.claimed_fen),
    confirmedFen: l.confirmed_fen === null ? null : Number(l.confirmed_fen),
    paidFen: Number(l.paid_fen),
  };
  return { ...line, ...linePosition(line) };
}

/** The ledger as staff see it: every line with masked ID and phone, the payments and the totals. */
export async function presentGroup(exec: Exec, ctx: AppContext, group: GroupRow) {
  const lines = await lineRecords(exec, group.id);
  const payments = await paymentsOf(
    exec,
    lines.map((l) => l.id),
  );
  const matter = await exec
    .selectFrom('matter')
    .select(['number', 'collective', 'worker_count'])
    .where('id', '=', group.matter_id)
    .executeTakeFirstOrThrow();
  const employer = await exec
    .selectFrom('matter_party as mp')
    .innerJoin('party as p', 'p.id', 'mp.party_id')
    .select('p.name')
    .where('mp.matter_id', '=', group.matter_id)
    .where('mp.role', '=', 'employer')
    .orderBy('mp.sort')
    .executeTakeFirst();
  const views = lines.map((l) => ({
    id: l.id,
    name: l.name,
    idNumberMasked: l.id_number_enc ? maskIdNumber(ctx.cipher.decrypt(l.id_number_enc)) : '',
    phoneMasked: l.phone_enc ? maskPhone(ctx.cipher.decrypt(l.phone_enc)) : null,
    periodFrom: l.period_from,
    periodTo: l.period_to,
    confirmedBy: l.confirmed_by,
    confirmedByLabel: l.confirmed_by ? CONFIRMED_BY[l.confirmed_by] : null,
    sourceRow: l.source_row,
    version: l.version,
    ...amounts(l),
    payments: payments.get(l.id) ?? [],
  }));
  return {
    id: group.id,
    matterId: group.matter_id,
    matterNumber: matter.number,
    collective: matter.collective,
    kind: group.kind,
    kindLabel: WAGE_GROUP_KINDS[group.kind],
    name: group.name,
    employerName: employer?.name ?? null,
    generalContractor: group.general_contractor,
    version: group.version,
    totals: groupTotals(views),
    lines: views,
  };
}

/** The unmasked ID number and phone of one line (needs pii.view; audited by the caller). */
export async function linePii(exec: Exec, ctx: AppContext, group: GroupRow, lineId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(lineId)) throw errors.notFound('台账行');
  const l = (await lineRecords(exec, group.id)).find((x) => x.id === lineId);
  if (!l) throw errors.notFound('台账行');
  return {
    name: l.name,
    idNumber: l.id_number_enc ? ctx.cipher.decrypt(l.id_number_enc) : null,
    phone: l.phone_enc ? ctx.cipher.decrypt(l.phone_enc) : null,
  };
}

/**
 * What one worker sees on the portal: the group's name and totals and his or her own lines only
 * (no other worker's name, amount or identity). Null when the matter has no ledger or no line of
 * this worker.
 */
export async function workerView(exec: Exec, matterId: string, partyId: string) {
  const group = await exec
    .selectFrom('wage_group')
    .select(['id', 'matter_id', 'kind', 'name', 'general_contractor', 'version'])
    .where('matter_id', '=', matterId)
    .executeTakeFirst();
  if (!group) return null;
  const all = await lineRecords(exec, group.id);
  const mine = all.filter((l) => l.party_id === partyId);
  if (!mine.length) return null;
  const payments = await paymentsOf(
    exec,
    mine.map((l) => l.id),
  );
  return {
    groupName: group.name,
    kindLabel: WAGE_GROUP_KINDS[group.kind as WageGroupKind],
    totals: groupTotals(all.map(amounts)),
    lines: mine.map((l) => ({
      id: l.id,
      name: l.name,
      periodFrom: l.period_from,
      periodTo: l.period_to,
      confirmedByLabel: l.confirmed_by ? CONFIRMED_BY[l.confirmed_by] : null,
      ...amounts(l),
      payments: (payments.get(l.id) ?? []).map(({ recordedBy: _r, note: _n, ...p }) => p),
    })),
  };
}

/** Groups of the matters in the user's scope, newest first, with totals. */
export async function listGroups(exec: Exec, scope: string[]) {
  if (!scope.length) return [];
  const rows = await exec
    .selectFrom('wage_group as g')
    .innerJoin('matter as m', 'm.id', 'g.matter_id')
    .select(['g.id', 'g.name', 'g.kind', 'g.matter_id', 'm.number', 'g.created_at'])
    .where('m.jurisdiction_id', 'in', scope)
    .orderBy('g.created_at', 'desc')
    .limit(200)
    .execute();
  const out = [];
  for (const r of rows) {
    const lines = await exec
      .selectFrom('wage_line')
      .select(['claimed_fen', 'confirmed_fen', 'paid_fen'])
      .where('group_id', '=', r.id)
      .execute();
    out.push({
      id: r.id,
      name: r.name,
      kindLabel: WAGE_GROUP_KINDS[r.kind],
      matterId: r.matter_id,
      matterNumber: r.number,
      totals: groupTotals(
        lines.map((l) => ({
          claimedFen: Number(l.claimed_fen),
          confirmedFen: l.confirmed_fen === null ? null : Number(l.confirmed_fen),
          paidFen: Number(l.paid_fen),
        })),
      ),
    });
  }
  return out;
}
