// Over 400 lines on purpose: one SQL fact row per case for every statutory statistics table; the query and its refresh belong together.
import {
  type AwardWinner,
  type CaseFact,
  type Closure,
  causeOfClaim,
  mediationBodyOfKind,
  type StatPeriod,
  type StatTrack,
  endOfBusinessDay,
  startOfBusinessDay,
} from '@onestop/domain';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../db/schema';

interface EventRow {
  s: string;
  e: string;
  d: string;
}

interface ClockRow {
  status: string;
  trigger: string;
  due: string;
  updated: string;
}

interface OutcomeRow {
  k: string;
  a: number | string | null;
  w: number | null;
  c: boolean | null;
}

interface FactRow {
  case_id: string;
  case_number: string;
  matter_id: string;
  matter_number: string;
  track: string;
  jurisdiction_id: string;
  channel: string;
  registered_on: string;
  worker_count: number;
  collective: boolean;
  migrant: boolean;
  employer_name: string | null;
  first_claim: string | null;
  claimed_fen: string | number;
  app_first_claim: string | null;
  app_claimed_fen: string | number | null;
  outcome_amount_fen: string | number | null;
  award_items: { amountFen?: number; finality?: string }[] | null;
  handled_by: string | null;
  org_kind: string | null;
  agreed_fen: string | number;
  inspection_source: string | null;
  filed_on: string | null;
  events: EventRow[] | null;
  clocks: ClockRow[] | null;
  outcomes: OutcomeRow[] | null;
  payments: { on: string; fen: number | string }[] | null;
}

const ARB_DISPOSAL: Record<string, Closure> = {
  mediated: 'arb_mediated',
  awarded: 'arb_awarded',
  withdrawn: 'arb_withdrawn',
  deemed_withdrawn: 'arb_deemed_withdrawn',
  revoked: 'arb_revoked',
  transferred: 'arb_transferred',
  terminated: 'arb_terminated',
};

const MED_DISPOSAL: Record<string, Closure> = {
  agreed: 'med_agreed',
  partially_agreed: 'med_agreed',
  refused: 'med_no_agreement',
  failed: 'med_no_agreement',
  no_show: 'med_no_agreement',
  withdrawn: 'med_withdrawn',
};

/** First date any of the states was entered. */
function firstState(events: EventRow[], states: readonly string[]): EventRow | undefined {
  return events.find((e) => states.includes(e.s));
}

/** A closed case is within the limit when none of the center's clocks started before closure ran late. */
function withinLimit(clocks: ClockRow[], closedOn: string | null): boolean | null {
  if (closedOn === null) return null;
  const late = clocks.some(
    (c) =>
      c.trigger < closedOn &&
      (c.status === 'missed' ||
        (c.status === 'met' && c.updated > c.due) ||
        (c.status !== 'met' && c.due < closedOn)),
  );
  return !late;
}

function winnerOf(settled: number, claimed: number): AwardWinner {
  if (settled === 0) return 'employer';
  if (settled >= claimed) return 'worker';
  return 'both';
}

/** The master-record query behind the facts of the cases `where` selects (one row per case). */
async function factRows(db: Kysely<DB>, where: RawBuilder<unknown>, tzOffsetMinutes: number) {
  const off = sql.lit(tzOffsetMinutes);
  const day = (col: string) =>
    sql`to_char((${sql.ref(col)} AT TIME ZONE 'UTC') + ${off} * interval '1 minute', 'YYYY-MM-DD')`;
  const r = await sql<FactRow & { opened_at: Date; closed_at: Date | null }>`
    SELECT tc.id AS case_id, tc.number AS case_number, tc.matter_id, m.number AS matter_number, tc.track,
      tc.jurisdiction_id, tc.opened_at, tc.closed_at, m.channel, ${day('tc.opened_at')} AS registered_on,
      m.worker_count, m.collective,
      EXISTS (SELECT 1 FROM matter_party mp JOIN party p ON p.id = mp.party_id
              WHERE mp.matter_id = m.id AND mp.role = 'worker' AND p.migrant_worker) AS migrant,
      (SELECT p.name FROM matter_party mp JOIN party p ON p.id = mp.party_id
        WHERE mp.matter_id = m.id AND mp.role = 'employer' ORDER BY mp.sort, p.name LIMIT 1) AS employer_name,
      (SELECT mc.type FROM case_claim cc JOIN matter_claim mc ON mc.id = cc.claim_id
        WHERE cc.case_id = tc.id ORDER BY mc.sort, mc.created_at, mc.id LIMIT 1) AS first_claim,
      (SELECT coalesce(sum(mc.amount_fen), 0) FROM case_claim cc JOIN matter_claim mc ON mc.id = cc.claim_id
        WHERE cc.case_id = tc.id) AS claimed_fen,
      aa.claims -> 0 ->> 'type' AS app_first_claim,
      (SELECT sum((c ->> 'amountFen')::bigint) FROM jsonb_array_elements(aa.claims) c) AS app_claimed_fen,
      aa.outcome_amount_fen,
      (SELECT jsonb_agg(i) FROM arbitration_award aw, jsonb_array_elements(aw.items) i
        WHERE aw.case_id = tc.id) AS award_items,
      med.handled_by, mo.kind AS org_kind,
      (SELECT coalesce(sum(pi.proposed_fen), 0) FROM mediation_proposal_item pi
        WHERE pi.case_id = tc.id AND pi.worker_reply = 'accepted' AND pi.employer_reply = 'accepted') AS agreed_fen,
      ic.source AS inspection_source, to_char(ic.filed_on, 'YYYY-MM-DD') AS filed_on,
      (SELECT json_agg(json_build_object('s', e.to_state, 'e', e.event, 'd', ${day('e.at')}) ORDER BY e.seq)
        FROM case_event e WHERE e.case_id = tc.id) AS events,
      (SELECT json_agg(json_build_object('status', c.status, 'trigger', to_char(c.trigger_date, 'YYYY-MM-DD'),
          'due', to_char(c.due_date, 'YYYY-MM-DD'), 'updated', ${day('c.updated_at')}))
        FROM clock c WHERE c.subject_type = 'case' AND c.subject_id = tc.id) AS clocks,
      (SELECT json_agg(json_build_object('k', o.kind, 'a', o.amount_fen, 'w', o.worker_count, 'c', o.complied))
        FROM inspection_outcome o WHERE o.case_id = tc.id) AS outcomes,
      (SELECT json_agg(json_build_object('on', to_char(op.paid_on, 'YYYY-MM-DD'), 'fen', op.amount_fen)
          ORDER BY op.paid_on)
        FROM obligation_payment op JOIN obligation ob ON ob.id = op.obligation_id
        WHERE ob.case_id = tc.id AND op.status = 'confirmed') AS payments
    FROM track_case tc
    JOIN matter m ON m.id = tc.matter_id
    LEFT JOIN arbitration_application aa ON aa.case_id = tc.id
    LEFT JOIN mediation_case med ON med.case_id = tc.id
    LEFT JOIN mediation_organization mo ON mo.id = med.organization_id
    LEFT JOIN inspection_case ic ON ic.case_id = tc.id
    WHERE ${where}`.execute(db);
  return r.rows;
}

const STAT_TRACKS: readonly string[] = ['arbitration', 'mediation', 'inspection', 'petition', 'legal_aid'];
const REFRESH_BATCH = 2000;

/**
 * Recomputes the stored facts (table stat_case_fact, migration 0068) of every case the triggers marked as
 * changed since the last refresh, in one transaction; refreshes run one at a time (an advisory lock).
 * Returns the number of cases recomputed. Called before every read of the facts and periodically by the
 * job runner, so the read is a scan of flat rows.
 */
export async function refreshStatFacts(db: Kysely<DB>, tzOffsetMinutes: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtext('onestop.stat_case_fact'))`.execute(trx);
    // Take the marks first: a writer committing later keeps its mark for the next refresh, and every
    // statement below reads a snapshot at least as new as the marks taken.
    const taken = await sql<{ case_id: string }>`DELETE FROM stat_fact_dirty RETURNING case_id`.execute(trx);
    const ids = [...new Set(taken.rows.map((r) => r.case_id))];
    for (let i = 0; i < ids.length; i += REFRESH_BATCH) {
      const batch = ids.slice(i, i + REFRESH_BATCH);
      const rows = await factRows(trx, sql`tc.id = ANY(${batch}::uuid[])`, tzOffsetMinutes);
      await trx.deleteFrom('stat_case_fact').where('case_id', 'in', batch).execute();
      const values = rows
        .filter((row) => STAT_TRACKS.includes(row.track))
        .flatMap((row) =>
          factsOf(row).map((fact) => ({
            case_id: row.case_id,
            part: fact.track === row.track ? 0 : 1,
            track: fact.track,
            case_number: row.case_number,
            jurisdiction_id: row.jurisdiction_id,
            opened_at: row.opened_at,
            closed_at: row.closed_at,
            fact: JSON.stringify(fact),
          })),
        );
      for (let j = 0; j < values.length; j += 500)
        await trx
          .insertInto('stat_case_fact')
          .values(values.slice(j, j + 500))
          .execute();
    }
    return ids.length;
  });
}

/**
 * Loads the facts of every track case in the jurisdictions that may touch the period: opened by its
 * end and not closed before its start (a superset; the table rules decide what each cell counts).
 * Brings the stored facts up to date first.
 */
export async function loadFacts(
  db: Kysely<DB>,
  jurisdictionIds: readonly string[],
  period: StatPeriod,
  tzOffsetMinutes: number,
  tracks: readonly StatTrack[] = ['arbitration', 'mediation', 'inspection', 'petition', 'legal_aid'],
): Promise<CaseFact[]> {
  await refreshStatFacts(db, tzOffsetMinutes);
  if (jurisdictionIds.length === 0) return [];
  const fromTs = startOfBusinessDay(period.from, tzOffsetMinutes).getTime();
  const toTs = endOfBusinessDay(period.to, tzOffsetMinutes).getTime();
  // The arbitration track also holds the commission's pre-arbitration mediation (part 1, track mediation).
  const r = await sql<{ fact: CaseFact }>`
    SELECT fact FROM stat_case_fact
    WHERE track = ANY(${tracks as string[]}::text[])
      AND jurisdiction_id = ANY(${jurisdictionIds as string[]}::uuid[])
      AND opened_at < ${new Date(toTs)}
      AND (closed_at IS NULL OR closed_at >= ${new Date(fromTs)})
    ORDER BY case_number, part`.execute(db);
  // Amounts paid count up to the end of the period (the stored fact keeps every confirmed payment).
  const facts = r.rows.map((row) =>
    row.fact.payments?.length
      ? {
          ...row.fact,
          paidFen: row.fact.payments.filter((p) => p.on <= period.to).reduce((t, p) => t + p.fen, 0),
        }
      : row.fact,
  );
  // Cases of the mediation organisations' own ledgers (modules/prevention) count in the mediation table.
  if (tracks.includes('mediation')) facts.push(...(await orgLedgerFacts(db, jurisdictionIds, period)));
  return facts;
}

const ORG_CLOSURE: Record<string, Closure> = {
  agreement: 'med_agreed',
  no_agreement: 'med_no_agreement',
  withdrawn: 'med_withdrawn',
};

/**
 * The listed organisations' own case ledger (prevention_org_case, migration 0064) counts in the
 * mediation table under the organisation's type of body; a case referred to the center is not closed
 * by the organisation and counts when the center registers it.
 */
async function orgLedgerFacts(
  db: Kysely<DB>,
  jurisdictionIds: readonly string[],
  period: StatPeriod,
): Promise<CaseFact[]> {
  const rows = await db
    .selectFrom('prevention_org_case as c')
    .innerJoin('mediation_organization as o', 'o.id', 'c.organization_id')
    .select([
      'c.id',
      'c.seq',
      'c.jurisdiction_id',
      'c.claim_type',
      'c.received_on',
      'c.closed_on',
      'c.result',
      'c.amount_fen',
      'c.respondent_name',
      'c.created_at',
      'o.name as org_name',
      'o.kind as org_kind',
    ])
    .where('c.jurisdiction_id', 'in', jurisdictionIds)
    .where('c.result', '!=', 'referred')
    .where('c.received_on', '<=', period.to)
    .where((eb) => eb.or([eb('c.closed_on', 'is', null), eb('c.closed_on', '>=', period.from)]))
    .orderBy('c.received_on')
    .orderBy('c.seq')
    .execute();
  return rows.map((c) => {
    const closure = ORG_CLOSURE[c.result] ?? null;
    return {
      caseId: c.id,
      caseNumber: `台账第${c.seq}号`,
      matterId: c.id,
      matterNumber: c.org_name,
      track: 'mediation',
      jurisdictionId: c.jurisdiction_id,
      channel: 'mediation_organization',
      registeredOn: c.received_on,
      acceptedOn: c.received_on,
      closedOn: c.closed_on,
      closure,
      collective: false,
      workers: 1,
      migrant: false,
      cause: causeOfClaim(c.claim_type),
      claimedFen: 0,
      settledFen: closure === 'med_agreed' ? Number(c.amount_fen) : 0,
      finalAward: false,
      winner: null,
      withinLimit: null,
      mediationBody: mediationBodyOfKind(c.org_kind),
      inspectionSource: null,
      outcomes: [],
      recoveredFen: 0,
      recoveredWorkers: 0,
      paidFen: 0,
      reviewed: false,
      forwarded: false,
      refused: false,
      employerName: c.respondent_name,
    } satisfies CaseFact;
  });
}

function paymentsOf(row: FactRow): { on: string; fen: number }[] {
  return (row.payments ?? []).map((p) => ({ on: p.on, fen: Number(p.fen) }));
}

function factsOf(row: FactRow): CaseFact[] {
  const events = row.events ?? [];
  const clocks = row.clocks ?? [];
  const claimed = Number(row.app_claimed_fen ?? row.claimed_fen ?? 0);
  const base: CaseFact = {
    caseId: row.case_id,
    caseNumber: row.case_number,
    matterId: row.matter_id,
    matterNumber: row.matter_number,
    track: 'arbitration',
    jurisdictionId: row.jurisdiction_id,
    channel: row.channel,
    registeredOn: row.registered_on,
    acceptedOn: null,
    closedOn: null,
    closure: null,
    collective: row.collective,
    workers: row.worker_count,
    migrant: row.migrant,
    cause: causeOfClaim(row.app_first_claim ?? row.first_claim ?? 'other'),
    claimedFen: claimed,
    settledFen: 0,
    finalAward: false,
    winner: null,
    withinLimit: null,
    mediationBody: null,
    inspectionSource: null,
    outcomes: [],
    recoveredFen: 0,
    recoveredWorkers: 0,
    paidFen: 0,
    reviewed: false,
    forwarded: false,
    refused: false,
    employerName: row.employer_name,
  };
  switch (row.track) {
    case 'arbitration': {
      const out: CaseFact[] = [];
      const accepted = firstState(events, ['accepted']);
      const disposal = firstState(events, Object.keys(ARB_DISPOSAL));
      if (accepted) {
        const closure = disposal ? (ARB_DISPOSAL[disposal.s] ?? null) : null;
        const items = row.award_items ?? [];
        const awarded = items.reduce((s, i) => s + Number(i.amountFen ?? 0), 0);
        const settled =
          closure === 'arb_awarded'
            ? awarded
            : closure === 'arb_mediated'
              ? Number(row.outcome_amount_fen ?? 0)
              : 0;
        const closedOn = disposal?.d ?? null;
        out.push({
          ...base,
          acceptedOn: accepted.d,
          closedOn,
          closure,
          settledFen: settled,
          paidFen: 0,
          payments: paymentsOf(row),
          finalAward: items.some((i) => i.finality === 'final'),
          winner: closure === 'arb_awarded' ? winnerOf(settled, claimed) : null,
          withinLimit: withinLimit(clocks, closedOn),
        });
      }
      // The commission's pre-arbitration mediation (先行调解) counts in the mediation table.
      const pre = firstState(events, ['pre_mediation']);
      if (pre) {
        const end = events.find((e) => e.e === 'settle' || e.e === 'pre_mediation_failed');
        out.push({
          ...base,
          track: 'mediation',
          mediationBody: 'arbitration_pre',
          acceptedOn: pre.d,
          closedOn: end?.d ?? null,
          closure: end ? (end.e === 'settle' ? 'med_agreed' : 'med_no_agreement') : null,
          settledFen: end?.e === 'settle' ? Number(row.agreed_fen) : 0,
          withinLimit: null,
        });
      }
      return out;
    }
    case 'mediation': {
      const disposal = firstState(events, Object.keys(MED_DISPOSAL));
      const closure = disposal ? (MED_DISPOSAL[disposal.s] ?? null) : null;
      const closedOn = disposal?.d ?? null;
      return [
        {
          ...base,
          track: 'mediation',
          mediationBody:
            row.handled_by === 'organization' ? mediationBodyOfKind(row.org_kind ?? '') : 'other',
          acceptedOn: row.registered_on,
          closedOn,
          closure,
          settledFen: closure === 'med_agreed' ? Number(row.agreed_fen) : 0,
          paidFen: 0,
          payments: paymentsOf(row),
          withinLimit: withinLimit(clocks, closedOn),
        },
      ];
    }
    case 'inspection': {
      const closed = firstState(events, ['closed', 'transferred']);
      const outcomes = row.outcomes ?? [];
      const paid = outcomes.filter((o) => (o.k === 'order' || o.k === 'compensation') && o.c === true);
      const closedOn = closed?.d ?? null;
      return [
        {
          ...base,
          track: 'inspection',
          inspectionSource: row.inspection_source,
          acceptedOn: row.filed_on ?? firstState(events, ['filed'])?.d ?? null,
          closedOn,
          closure: closed ? 'closed' : null,
          outcomes: [...new Set(outcomes.map((o) => o.k))].sort(),
          recoveredFen: paid.reduce((s, o) => s + Number(o.a ?? 0), 0),
          // Workers of the wage order (a compensation order concerns the same workers).
          recoveredWorkers: paid.filter((o) => o.k === 'order').reduce((s, o) => s + Number(o.w ?? 1), 0),
          withinLimit: withinLimit(clocks, closedOn),
        },
      ];
    }
    case 'petition': {
      const closed = firstState(events, ['decided', 'settled', 'closed']);
      const closedOn = closed?.d ?? null;
      return [
        {
          ...base,
          track: 'petition',
          acceptedOn: firstState(events, ['accepted'])?.d ?? null,
          closedOn,
          closure: closed ? 'closed' : null,
          forwarded: events.some((e) => e.s === 'forwarded' || e.s === 'channelled'),
          reviewed: events.some((e) => e.s === 'reviewed' || e.s === 'final'),
          withinLimit: withinLimit(clocks, closedOn),
        },
      ];
    }
    case 'legal_aid': {
      const closed = firstState(events, ['closed', 'terminated']);
      const closedOn = closed?.d ?? null;
      return [
        {
          ...base,
          track: 'legal_aid',
          acceptedOn: firstState(events, ['granted', 'provisional_aid'])?.d ?? null,
          closedOn,
          closure: closed ? 'closed' : null,
          refused: events.some((e) => e.s === 'refused'),
          withinLimit: withinLimit(clocks, closedOn),
        },
      ];
    }
    default:
      return [];
  }
}
