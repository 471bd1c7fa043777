import {
  addYears,
  maskIdNumber,
  maskPhone,
  validateCreditCode,
  validateIdentity,
  validatePhone,
} from '@onestop/domain';
import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import type { FieldCipher } from '../../platform/crypto';
import { AppError } from '../../platform/errors';
import type { EmployerInput, WorkerInput } from './parties.schema';
import { IDENTITY_TYPE_LABELS, STATUS_LABELS } from './parties.schema';
import type { IdType, PartyTable } from './parties.tables';

type Exec = Kysely<DB> | Transaction<DB>;
export type PartyRow = Selectable<PartyTable>;

/** Keyed hash of a party's identity: one party per ID number or credit code (unique index). */
export function identityHash(cipher: FieldCipher, kind: 'worker' | 'employer', value: string): string {
  return cipher.lookupHash(`${kind}:${value.trim().toUpperCase()}`);
}

export function phoneHash(cipher: FieldCipher, phone: string): string {
  return cipher.lookupHash(`phone:${phone}`);
}

/** Addresses are masked after the first six characters (district level stays readable). */
export function maskAddress(address: string): string {
  const chars = Array.from(address);
  return chars.length <= 6 ? `${chars.slice(0, 2).join('')}****` : `${chars.slice(0, 6).join('')}****`;
}

export interface DerivedIdentity {
  normalized: string;
  sex: 'male' | 'female' | null;
  birthDate: string | null;
  minor: boolean;
}

/** GB 11643 / passport / permit checks with the domain's Chinese message naming the wrong character. */
export function checkIdentity(
  idType: IdType,
  idNumber: string,
  today: string,
  field = 'idNumber',
): DerivedIdentity {
  const r = validateIdentity(idType, idNumber, today);
  if (!r.ok) {
    throw new AppError(400, r.code, `${IDENTITY_TYPE_LABELS[idType]}号码有误：${r.message}`, {
      field,
      position: r.position ?? null,
    });
  }
  // 《劳动法》第五十八条 / 《未成年工特殊保护规定》: under 18 is a minor worker.
  const minor = r.birthDate !== null && addYears(r.birthDate, 18) > today;
  return { normalized: r.normalized, sex: r.sex, birthDate: r.birthDate, minor };
}

export function checkCreditCode(value: string, field = 'creditCode'): string {
  const r = validateCreditCode(value);
  if (!r.ok) {
    throw new AppError(400, r.code, `统一社会信用代码有误：${r.message}`, {
      field,
      position: r.position ?? null,
    });
  }
  return r.normalized;
}

export function checkPhone(value: string, field = 'phone'): string {
  const r = validatePhone(value);
  if (!r.ok) throw new AppError(400, r.code, r.message, { field });
  return r.normalized;
}

/**
 * Creates the worker or updates the existing one (same ID number → same party, never a duplicate).
 * Blank phone / address keep what is stored.
 */
export async function upsertWorker(
  trx: Transaction<DB>,
  cipher: FieldCipher,
  w: WorkerInput,
  today: string,
  path = 'worker',
): Promise<{ id: string; created: boolean }> {
  const id = checkIdentity(w.idType, w.idNumber, today, `${path}.idNumber`);
  const phone = w.phone ? checkPhone(w.phone, `${path}.phone`) : null;
  const r = await sql<{ id: string; created: boolean }>`
    INSERT INTO party (kind, name, id_type, id_number_enc, identity_hash, sex, birth_date, phone_enc, phone_hash,
                       address_enc, migrant_worker, disabled, pregnant_or_nursing, minor, ethnicity)
    VALUES ('worker', ${w.name}, ${w.idType}, ${cipher.encrypt(id.normalized)},
            ${identityHash(cipher, 'worker', id.normalized)}, ${id.sex}, ${id.birthDate},
            ${phone ? cipher.encrypt(phone) : null}, ${phone ? phoneHash(cipher, phone) : null},
            ${w.address ? cipher.encrypt(w.address) : null}, ${w.migrantWorker ?? false}, ${w.disabled ?? false},
            ${w.pregnantOrNursing ?? false}, ${(w.minor ?? false) || id.minor}, ${w.ethnicity ?? null})
    ON CONFLICT (identity_hash) DO UPDATE SET
      name = EXCLUDED.name,
      ethnicity = COALESCE(EXCLUDED.ethnicity, party.ethnicity),
      phone_enc = COALESCE(EXCLUDED.phone_enc, party.phone_enc),
      phone_hash = COALESCE(EXCLUDED.phone_hash, party.phone_hash),
      address_enc = COALESCE(EXCLUDED.address_enc, party.address_enc),
      migrant_worker = COALESCE(${w.migrantWorker ?? null}::boolean, party.migrant_worker),
      disabled = COALESCE(${w.disabled ?? null}::boolean, party.disabled),
      pregnant_or_nursing = COALESCE(${w.pregnantOrNursing ?? null}::boolean, party.pregnant_or_nursing),
      minor = EXCLUDED.minor,
      version = party.version + 1,
      updated_at = now()
    RETURNING id, (xmax = 0) AS created`.execute(trx);
  return r.rows[0]!;
}

/** Creates the employer or updates the one with the same credit code. Without a code a new row is made. */
export async function upsertEmployer(
  trx: Transaction<DB>,
  cipher: FieldCipher,
  e: EmployerInput,
  path = 'employer',
): Promise<{ id: string; created: boolean }> {
  const code = e.creditCode ? checkCreditCode(e.creditCode, `${path}.creditCode`) : null;
  const phone = e.contactPhone ? checkPhone(e.contactPhone, `${path}.contactPhone`) : null;
  const values = {
    name: e.name,
    code,
    hash: code ? identityHash(cipher, 'employer', code) : null,
    phoneEnc: phone ? cipher.encrypt(phone) : null,
    phoneHash: phone ? phoneHash(cipher, phone) : null,
    addressEnc: e.address ? cipher.encrypt(e.address) : null,
  };
  const r = await sql<{ id: string; created: boolean }>`
    INSERT INTO party (kind, name, credit_code, identity_hash, phone_enc, phone_hash, address_enc,
                       legal_representative, contact_name, industry, size, status, legal_representative_post)
    VALUES ('employer', ${values.name}, ${values.code}, ${values.hash}, ${values.phoneEnc}, ${values.phoneHash},
            ${values.addressEnc}, ${e.legalRepresentative ?? null}, ${e.contactName ?? null}, ${e.industry ?? null},
            ${e.size ?? null}, ${e.status ?? 'normal'}, ${e.legalRepresentativePost ?? null})
    ON CONFLICT (identity_hash) DO UPDATE SET
      name = EXCLUDED.name,
      phone_enc = COALESCE(EXCLUDED.phone_enc, party.phone_enc),
      phone_hash = COALESCE(EXCLUDED.phone_hash, party.phone_hash),
      address_enc = COALESCE(EXCLUDED.address_enc, party.address_enc),
      legal_representative = COALESCE(EXCLUDED.legal_representative, party.legal_representative),
      legal_representative_post = COALESCE(EXCLUDED.legal_representative_post, party.legal_representative_post),
      contact_name = COALESCE(EXCLUDED.contact_name, party.contact_name),
      industry = COALESCE(EXCLUDED.industry, party.industry),
      size = COALESCE(EXCLUDED.size, party.size),
      status = COALESCE(${e.status ?? null}, party.status),
      version = party.version + 1,
      updated_at = now()
    RETURNING id, (xmax = 0) AS created`.execute(trx);
  return r.rows[0]!;
}

export function presentParty(p: PartyRow, cipher: FieldCipher) {
  const dec = (v: string | null) => (v ? cipher.decrypt(v) : null);
  const idNumber = dec(p.id_number_enc);
  const phone = dec(p.phone_enc);
  const address = dec(p.address_enc);
  return {
    id: p.id,
    kind: p.kind,
    name: p.name,
    idType: p.id_type,
    idTypeLabel: p.id_type ? IDENTITY_TYPE_LABELS[p.id_type] : null,
    idNumberMasked: idNumber ? maskIdNumber(idNumber) : null,
    creditCode: p.credit_code,
    sex: p.sex,
    birthDate: p.birth_date,
    phoneMasked: phone ? maskPhone(phone) : null,
    addressMasked: address ? maskAddress(address) : null,
    migrantWorker: p.migrant_worker,
    disabled: p.disabled,
    pregnantOrNursing: p.pregnant_or_nursing,
    minor: p.minor,
    legalRepresentative: p.legal_representative,
    contactName: p.contact_name,
    industry: p.industry,
    size: p.size,
    status: p.status,
    statusLabel: STATUS_LABELS[p.status],
    version: p.version,
  };
}
export type PresentedParty = ReturnType<typeof presentParty>;

export function unmaskedParty(p: PartyRow, cipher: FieldCipher) {
  const dec = (v: string | null) => (v ? cipher.decrypt(v) : null);
  return {
    id: p.id,
    name: p.name,
    idNumber: dec(p.id_number_enc),
    phone: dec(p.phone_enc),
    address: dec(p.address_enc),
  };
}

export async function partyById(exec: Exec, id: string): Promise<PartyRow | undefined> {
  return exec.selectFrom('party').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function partyByIdentity(
  exec: Exec,
  cipher: FieldCipher,
  kind: 'worker' | 'employer',
  value: string,
): Promise<PartyRow | undefined> {
  return exec
    .selectFrom('party')
    .selectAll()
    .where('identity_hash', '=', identityHash(cipher, kind, value))
    .executeTakeFirst();
}

/** Escapes LIKE wildcards in user input. */
export function likeEscape(q: string): string {
  return q.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Chinese fuzzy name search: pg_trgm infix match for three or more characters (gin index), prefix
 * match for one or two (text_pattern_ops index) — trigram indexes cannot serve shorter patterns.
 */
export function nameCondition(q: string) {
  const chars = Array.from(q.trim()).length;
  const escaped = likeEscape(q.trim());
  return chars >= 3
    ? sql<boolean>`p.name LIKE ${`%${escaped}%`}`
    : sql<boolean>`p.name LIKE ${`${escaped}%`}`;
}

export async function searchParties(
  exec: Exec,
  q: string,
  kind: 'worker' | 'employer' | undefined,
  limit = 20,
) {
  const r = await sql<PartyRow>`
    SELECT p.* FROM party p
     WHERE ${nameCondition(q)} ${kind ? sql`AND p.kind = ${kind}` : sql``}
     ORDER BY similarity(p.name, ${q}) DESC, p.name
     LIMIT ${limit}`.execute(exec);
  return r.rows;
}
