import { CLAIM_CATALOGUE, claimLabel, isClaimType } from '@onestop/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { AppError, errors } from '../../platform/errors';
import type { Material, ReviewClaim, ReviewParty } from './arbitration.review';
import type { Trx } from './arbitration.runtime';

type Exec = Kysely<DB> | Trx;

export interface AppClaim extends ReviewClaim {
  claimId: string;
  label: string;
}

export interface AppParty extends ReviewParty {
  partyId: string;
  representative: boolean;
}

/** The matter's parties as the review needs them (personal data is only checked for presence). */
export async function loadParties(exec: Exec, matterId: string): Promise<AppParty[]> {
  const rows = await exec
    .selectFrom('matter_party as mp')
    .innerJoin('party as p', 'p.id', 'mp.party_id')
    .select([
      'p.id',
      'mp.role',
      'mp.representative',
      'p.name',
      'p.id_number_enc',
      'p.phone_enc',
      'p.address_enc',
      'p.birth_date',
      'p.legal_representative',
      'p.credit_code',
    ])
    .where('mp.matter_id', '=', matterId)
    .orderBy('mp.role', 'desc')
    .orderBy('mp.sort')
    .execute();
  return rows.map((r) => ({
    partyId: r.id,
    role: r.role,
    representative: r.representative,
    name: r.name,
    hasIdNumber: r.id_number_enc !== null,
    hasPhone: r.phone_enc !== null,
    hasAddress: r.address_enc !== null,
    birthDate: r.birth_date,
    legalRepresentative: r.legal_representative,
    creditCode: r.credit_code,
  }));
}

export function claimLabelOf(type: string): string {
  return isClaimType(type) ? CLAIM_CATALOGUE[type].label : type;
}

export function toAppClaims(
  rows: {
    id: string;
    type: string;
    amount_fen: number | null;
    period_from: string | null;
    period_to: string | null;
    facts: string;
  }[],
): AppClaim[] {
  return rows.map((c) => ({
    claimId: c.id,
    type: c.type,
    label: claimLabel({ type: c.type, periodFrom: c.period_from, periodTo: c.period_to }),
    amountFen: c.amount_fen === null ? null : Number(c.amount_fen),
    periodFrom: c.period_from,
    periodTo: c.period_to,
    facts: c.facts,
  }));
}

export async function loadApplication(exec: Exec, caseId: string) {
  const c = await exec.selectFrom('track_case').selectAll().where('id', '=', caseId).executeTakeFirst();
  if (!c) throw errors.notFound('仲裁案件');
  if (c.track !== 'arbitration') throw new AppError(409, 'NOT_ARBITRATION_CASE', '该案件不是仲裁案件');
  const app = await exec
    .selectFrom('arbitration_application')
    .selectAll()
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  if (!app) throw errors.notFound('仲裁申请');
  const matter = await exec
    .selectFrom('matter')
    .select([
      'id',
      'number',
      'collective',
      'collective_contract',
      'worker_count',
      'employment_end',
      'knew_date',
      'narrative',
      'received_at',
    ])
    .where('id', '=', c.matter_id)
    .executeTakeFirstOrThrow();
  const parties = await loadParties(exec, c.matter_id);
  return {
    c,
    app,
    matter,
    parties,
    claims: app.claims as AppClaim[],
    materials: app.materials as Material[],
    evidence: app.evidence as { title: string; source: string; form?: string }[],
  };
}
export type ApplicationData = Awaited<ReturnType<typeof loadApplication>>;

/** Names for documents: applicants, respondents, 案由. Collective cases name the representatives. */
export function documentNames(d: Pick<ApplicationData, 'parties' | 'claims' | 'app'>) {
  const workers = d.parties.filter((p) => p.role === 'worker');
  const employers = d.parties.filter((p) => p.role === 'employer');
  const reps = d.app.representatives as { name: string }[];
  const applicantName =
    workers.length > 1
      ? `${workers[0]?.name}等${workers.length}人${reps.length ? `（代表人：${reps.map((r) => r.name).join('、')}）` : ''}`
      : (workers[0]?.name ?? '申请人');
  const respondentName = employers.map((e) => e.name).join('、') || '被申请人';
  const causes = [...new Set(d.claims.map((c) => c.label))];
  const caseCause = causes.length ? `${causes.slice(0, 3).join('、')}` : '劳动';
  return { applicantName, respondentName, caseCause, workers, employers };
}

export async function jurisdictionNames(exec: Exec, jurisdictionId: string): Promise<string[]> {
  // The commission's own jurisdiction, its parent city and the city's counties.
  const self = await exec
    .selectFrom('jurisdiction')
    .select(['id', 'name', 'parent_id'])
    .where('id', '=', jurisdictionId)
    .executeTakeFirstOrThrow();
  const root = self.parent_id ?? self.id;
  const rows = await exec
    .selectFrom('jurisdiction')
    .select('name')
    .where((eb) => eb.or([eb('id', '=', root), eb('parent_id', '=', root)]))
    .execute();
  return rows.map((r) => r.name);
}
