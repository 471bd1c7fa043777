import { CLAIM_CATALOGUE, isClaimType, type PartyParticulars } from '@onestop/domain';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';
import type { FieldCipher } from '../../platform/crypto';
import type { DocumentContext, TribunalSeat } from './render/index';

/**
 * What a case document takes from the master record (issue #13 deliverable 2): the case's 案号, the
 * parties' stored particulars (address and ID decrypted here, the ID masked when printed), the
 * tribunal with roles, the recorded defence and the violation types with their provisions.
 * Documents of a matter (before a case exists) get nothing: they carry no 案号.
 */
export async function loadDocumentContext(
  db: Kysely<DB>,
  cipher: FieldCipher | undefined,
  subjectType: string,
  subjectId: string,
): Promise<DocumentContext> {
  if (subjectType !== 'case') {
    const provisional = await provisionalDates(db, [subjectId]);
    return provisional.length ? { provisionalDates: provisional } : {};
  }
  const c = await db
    .selectFrom('track_case')
    .select(['id', 'number', 'matter_id', 'track'])
    .where('id', '=', subjectId)
    .executeTakeFirst();
  if (!c) return {};
  const context: DocumentContext = { caseNumber: c.number };
  const provisional = await provisionalDates(db, [c.id, c.matter_id]);
  if (provisional.length) context.provisionalDates = provisional;

  const roleLabel = (role: string): string | null => {
    if (c.track === 'arbitration') return role === 'worker' ? '申请人' : '被申请人';
    // Inspection decisions address the employer; a complainant's identity stays confidential
    // (《劳动保障监察条例》第二十二条).
    if (c.track === 'inspection') return role === 'employer' ? '当事人' : null;
    return null;
  };
  const rows = await db
    .selectFrom('matter_party as mp')
    .innerJoin('party as p', 'p.id', 'mp.party_id')
    .select([
      'mp.role',
      'mp.representative',
      'p.kind',
      'p.name',
      'p.id_type',
      'p.id_number_enc',
      'p.credit_code',
      'p.sex',
      'p.birth_date',
      'p.address_enc',
      'p.legal_representative',
      sql<string | null>`p.ethnicity`.as('ethnicity'),
      sql<string | null>`p.legal_representative_post`.as('legal_representative_post'),
      sql<unknown>`mp.agents`.as('agents'),
    ])
    .where('mp.matter_id', '=', c.matter_id)
    .orderBy('mp.role', 'desc')
    .orderBy('mp.sort')
    .execute();
  const workers = rows.filter((r) => r.role === 'worker');
  // A collective case prints its elected representatives (调解仲裁法第七条), otherwise every worker.
  const shownWorkers = workers.some((w) => w.representative)
    ? workers.filter((w) => w.representative)
    : workers;
  const decrypt = (v: string | null) => {
    if (!v || !cipher) return undefined;
    try {
      return cipher.decrypt(v);
    } catch {
      return undefined;
    }
  };
  const parties: PartyParticulars[] = [];
  for (const r of [...shownWorkers, ...rows.filter((x) => x.role === 'employer')]) {
    const role = roleLabel(r.role);
    if (!role) continue;
    const address = decrypt(r.address_enc);
    const agents = Array.isArray(r.agents) ? (r.agents as PartyParticulars['agents']) : [];
    if (r.kind === 'worker') {
      const id = r.id_type === 'resident_id' ? decrypt(r.id_number_enc) : undefined;
      parties.push({
        role,
        kind: 'person',
        name: r.name,
        ...(r.sex ? { sex: r.sex as 'male' | 'female' } : {}),
        ...(r.birth_date ? { birthDate: String(r.birth_date).slice(0, 10) } : {}),
        ...(r.ethnicity ? { ethnicity: r.ethnicity } : {}),
        ...(address ? { address } : {}),
        ...(id ? { idNumber: id } : {}),
        ...(agents?.length ? { agents } : {}),
      });
    } else {
      parties.push({
        role,
        kind: 'organization',
        name: r.name,
        ...(address ? { address } : {}),
        ...(r.credit_code ? { creditCode: r.credit_code } : {}),
        ...(r.legal_representative ? { representative: r.legal_representative } : {}),
        ...(r.legal_representative_post ? { representativePost: r.legal_representative_post } : {}),
        ...(agents?.length ? { agents } : {}),
      });
    }
  }
  if (parties.length) context.parties = parties;

  if (c.track === 'arbitration') {
    const seats = await db
      .selectFrom('tribunal_member as t')
      .innerJoin('app_user as u', 'u.id', 't.user_id')
      .select(['t.role', 'u.display_name'])
      .where('t.case_id', '=', c.id)
      .orderBy('t.appointed_at')
      .execute();
    if (seats.length) {
      context.tribunal = seats.map((s) => ({ role: s.role as TribunalSeat['role'], name: s.display_name }));
    }
    const defence = await db
      .selectFrom('arbitration_record')
      .select('summary')
      .where('case_id', '=', c.id)
      .where('kind', '=', 'defence')
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
    context.defence = defence?.summary ?? '';
  }

  const claims = await db
    .selectFrom('matter_claim')
    .select('type')
    .where('track_case_id', '=', c.id)
    .orderBy('sort')
    .execute();
  const violations = [...new Set(claims.map((x) => x.type))]
    .filter(isClaimType)
    .map((t) => ({ label: CLAIM_CATALOGUE[t].label, basis: CLAIM_CATALOGUE[t].basis }));
  if (c.track === 'inspection' && violations.length) context.violations = violations;
  return context;
}

/**
 * Due dates of the subject's open clocks that the clock engine computed on a provisional calendar (the
 * year's holiday notice not entered: clocks.service computeOrProvisional); the document prints them as
 * “暂定”. Read in the issuing transaction, so a clock started by the same act is included.
 */
async function provisionalDates(db: Kysely<DB>, subjectIds: string[]) {
  const rows = await db
    .selectFrom('clock')
    .select(['due_date', 'calendar_pending_year'])
    .where('subject_id', 'in', subjectIds)
    .where('calendar_pending_year', 'is not', null)
    .where('status', 'in', ['running', 'extended', 'suspended'])
    .execute();
  const seen = new Map<string, number>();
  for (const r of rows) seen.set(String(r.due_date).slice(0, 10), r.calendar_pending_year as number);
  return [...seen].map(([date, year]) => ({ date, year }));
}
