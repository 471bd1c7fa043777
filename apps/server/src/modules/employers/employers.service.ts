import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';
import { CLAIM_CATALOGUE, isClaimType } from '@onestop/domain';
import { stateLabel } from '../cases';
import { defaulterStateOf } from '../defaulters';
import { employerPrevention } from '../prevention';

export interface RiskFactor {
  code: string;
  label: string;
  count: number;
  points: number;
}

/**
 * A simple, explainable risk score (0–100) for targeting visits [L: center policy, tune as data]:
 * every factor is shown with its count and points so leaders see why an employer ranks high.
 */
export function riskScore(f: {
  openMatters: number;
  wageArrearsMatters: number;
  inspections2y: number;
  violationsFound: number;
  notComplied: number;
  penalties: number;
  supervisionFlags: number;
  awards: number;
}) {
  const factors: RiskFactor[] = [
    {
      code: 'open_matters',
      label: '未结维权事项',
      count: f.openMatters,
      points: Math.min(f.openMatters * 5, 20),
    },
    {
      code: 'wage_arrears',
      label: '涉欠薪事项',
      count: f.wageArrearsMatters,
      points: Math.min(f.wageArrearsMatters * 8, 24),
    },
    {
      code: 'inspections',
      label: '近两年监察立案',
      count: f.inspections2y,
      points: Math.min(f.inspections2y * 6, 18),
    },
    {
      code: 'violations',
      label: '查实违法（责令改正、处罚）',
      count: f.violationsFound,
      points: Math.min(f.violationsFound * 10, 20),
    },
    {
      code: 'not_complied',
      label: '逾期未改正',
      count: f.notComplied,
      points: Math.min(f.notComplied * 20, 20),
    },
    { code: 'penalties', label: '行政处罚', count: f.penalties, points: Math.min(f.penalties * 10, 20) },
    {
      code: 'supervision_flags',
      label: '监管备案问题',
      count: f.supervisionFlags,
      points: Math.min(f.supervisionFlags * 5, 15),
    },
    {
      code: 'awards',
      label: '仲裁裁决（履行情况待核）',
      count: f.awards,
      points: Math.min(f.awards * 5, 10),
    },
  ];
  const score = Math.min(
    100,
    factors.reduce((s, x) => s + x.points, 0),
  );
  return {
    score,
    level: score >= 60 ? ('high' as const) : score >= 30 ? ('medium' as const) : ('low' as const),
    levelLabel: score >= 60 ? '高' : score >= 30 ? '中' : '低',
    factors,
  };
}

async function tableExists(db: Kysely<DB>, name: string): Promise<boolean> {
  const r = await sql<{ t: string | null }>`SELECT to_regclass(${name})::text AS t`.execute(db);
  return r.rows[0]?.t != null;
}

/**
 * Everything the center knows about one employer (by 统一社会信用代码): matters, inspection cases and
 * outcomes, penalties, supervision filings, awards — within the user's jurisdictions. Workers are never
 * listed (only counts), and reporters never appear.
 */
export async function employerProfile(db: Kysely<DB>, partyId: string, scope: string[], today: string) {
  const employer = await db
    .selectFrom('party')
    .selectAll()
    .where('id', '=', partyId)
    .where('kind', '=', 'employer')
    .executeTakeFirst();
  if (!employer) return null;
  const twoYearsAgo = `${Number(today.slice(0, 4)) - 2}${today.slice(4)}`;
  const matters = scope.length
    ? await db
        .selectFrom('matter_party as mp')
        .innerJoin('matter as m', 'm.id', 'mp.matter_id')
        .select(['m.id', 'm.number', 'm.status', 'm.request_kind', 'm.received_at', 'm.worker_count'])
        .select(
          sql<string[]>`ARRAY(SELECT mc.type FROM matter_claim mc WHERE mc.matter_id = m.id)`.as(
            'claim_types',
          ),
        )
        .where('mp.party_id', '=', partyId)
        .where('mp.role', '=', 'employer')
        .where('m.jurisdiction_id', 'in', scope)
        .orderBy('m.received_at', 'desc')
        .execute()
    : [];
  const cases = scope.length
    ? await db
        .selectFrom('track_case as tc')
        .innerJoin('matter_party as mp', (j) =>
          j.onRef('mp.matter_id', '=', 'tc.matter_id').on('mp.role', '=', 'employer'),
        )
        .leftJoin('inspection_case as ic', 'ic.case_id', 'tc.id')
        .select([
          'tc.id',
          'tc.number',
          'tc.track',
          'tc.state',
          'tc.closed',
          'tc.opened_at',
          'ic.source',
          'ic.filed_on',
        ])
        .where('mp.party_id', '=', partyId)
        .where('tc.jurisdiction_id', 'in', scope)
        .orderBy('tc.opened_at', 'desc')
        .execute()
    : [];
  const inspectionIds = cases.filter((c) => c.track === 'inspection').map((c) => c.id);
  const outcomes = inspectionIds.length
    ? await db
        .selectFrom('inspection_outcome')
        .selectAll()
        .where('case_id', 'in', inspectionIds)
        .orderBy('created_at', 'desc')
        .execute()
    : [];
  const filings = scope.length
    ? await db
        .selectFrom('supervision_filing')
        .selectAll()
        .where('employer_party_id', '=', partyId)
        .where('jurisdiction_id', 'in', scope)
        .orderBy('created_at', 'desc')
        .execute()
    : [];
  let awards = 0;
  if (cases.some((c) => c.track === 'arbitration') && (await tableExists(db, 'arbitration_award'))) {
    const ids = cases.filter((c) => c.track === 'arbitration').map((c) => c.id);
    const r = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM arbitration_award WHERE case_id = ANY(${ids}::uuid[])`.execute(db);
    awards = r.rows[0]?.n ?? 0;
  }
  const wageArrears = matters.filter((m) =>
    (m.claim_types ?? []).some((t) => isClaimType(t) && CLAIM_CATALOGUE[t].wageArrears),
  );
  const risk = riskScore({
    openMatters: matters.filter((m) => m.status === 'registered' || m.status === 'routed').length,
    wageArrearsMatters: wageArrears.length,
    inspections2y: cases.filter((c) => c.track === 'inspection' && c.filed_on && c.filed_on >= twoYearsAgo)
      .length,
    violationsFound: outcomes.filter((o) => o.kind === 'order' || o.kind === 'penalty').length,
    notComplied: outcomes.filter((o) => o.complied === false).length,
    penalties: outcomes.filter((o) => o.kind === 'penalty').length,
    supervisionFlags: filings.reduce((s, f) => s + (f.flags as unknown[]).length, 0),
    awards,
  });
  return {
    employer: {
      id: employer.id,
      name: employer.name,
      creditCode: employer.credit_code,
      legalRepresentative: employer.legal_representative,
      industry: employer.industry,
      size: employer.size,
      status: employer.status,
    },
    risk,
    matters: matters.map((m) => ({
      id: m.id,
      number: m.number,
      status: m.status,
      requestKind: m.request_kind,
      receivedAt: new Date(m.received_at).toISOString(),
      workerCount: m.worker_count,
    })),
    cases: cases.map((c) => ({
      id: c.id,
      number: c.number,
      track: c.track,
      state: c.state,
      stateLabel: stateLabel(c.track, c.state),
      closed: c.closed,
      source: c.source,
    })),
    outcomes: outcomes.map((o) => ({
      id: o.id,
      caseId: o.case_id,
      kind: o.kind,
      summary: o.summary,
      fineFen: o.fine_fen === null ? null : Number(o.fine_fen),
      amountFen: o.amount_fen === null ? null : Number(o.amount_fen),
      complied: o.complied,
      createdAt: new Date(o.created_at).toISOString(),
    })),
    penaltiesTotalFen: outcomes
      .filter((o) => o.kind === 'penalty')
      .reduce((s, o) => s + Number(o.fine_fen ?? 0), 0),
    filings: filings.map((f) => ({
      id: f.id,
      kind: f.kind,
      status: f.status,
      flags: f.flags as { code: string; message: string; basis: string }[],
      createdAt: new Date(f.created_at).toISOString(),
    })),
    awards,
    // The defaulter list (失信联合惩戒名单) procedures against this employer, newest first (issue #21).
    defaulterListings: await defaulterStateOf(db, partyId),
    // Its enterprise mediation committee (六有五统一 state) and the outreach visits to it (issue #19).
    prevention: await employerPrevention(db, { id: employer.id, creditCode: employer.credit_code }, scope),
  };
}
