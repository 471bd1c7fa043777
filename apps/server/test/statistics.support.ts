// Over 400 lines: the fixture builder of the statutory statistics tables: one row kind per table.
import { randomUUID } from 'node:crypto';
import type { TestEnv } from './harness';

/**
 * A known set of matters across 2024 Q1 and Q2, written as the track modules write them (matter,
 * parties, claims, track case with its event log, application / award / mediation / inspection rows,
 * clocks) but with dates in the past, which the API cannot backdate. statistics.test.ts asserts every
 * cell the tables compute from it.
 */
export interface StatPlaces {
  zengdu: string;
  guangshui: string;
}

type Ev = [state: string, event: string, date: string];

interface CaseSpec {
  key: string;
  track: 'arbitration' | 'mediation' | 'inspection' | 'petition' | 'legal_aid';
  jurisdiction: string;
  received: string;
  claims: { type: string; amountFen: number | null }[];
  workers?: number;
  collective?: boolean;
  migrant?: boolean;
  /** Events after registration (the state entered, the event, the day). */
  events: Ev[];
  /** The track_case closed_at (terminal state), if any. */
  closedAt?: string;
  award?: { amountFen: number; finality: 'final' | 'non_final' }[];
  outcomeAmountFen?: number;
  mediation?: { handledBy: 'center' | 'organization'; orgKind?: string; agreedFen?: number };
  inspection?: {
    source: string;
    filedOn: string | null;
    outcomes: { kind: string; amountFen?: number; workers?: number; complied?: boolean }[];
  };
  clocks?: { trigger: string; due: string; status: string; updated: string }[];
}

let seq = 0;
const at = (d: string) => `${d}T10:00:00+08:00`;

export async function buildStatisticsFixture(
  env: TestEnv,
  p: StatPlaces,
  /** Moves every date by whole months (the browser test puts 2024 Q2 into last quarter). */
  shiftMonths = 0,
): Promise<Record<string, { matterId: string; caseId: string; caseNumber: string; matterNumber: string }>> {
  const pool = env.server.database.pool;
  const org = (await pool.query(`SELECT id FROM organization ORDER BY name LIMIT 1`)).rows[0].id as string;
  const Z = p.zengdu;
  const G = p.guangshui;
  const specs: CaseSpec[] = [
    // Arbitration
    {
      key: 'A1',
      track: 'arbitration',
      jurisdiction: Z,
      received: '2024-02-09',
      claims: [{ type: 'unpaid_wages', amountFen: 500_000 }],
      events: [
        ['accepted', 'accept', '2024-02-10'],
        ['hearing', 'hold_hearing', '2024-04-01'],
        ['awarded', 'award', '2024-04-15'],
        ['award_served', 'serve_final_award', '2024-04-18'],
      ],
      award: [{ amountFen: 300_000, finality: 'final' }],
      clocks: [{ trigger: '2024-02-10', due: '2024-04-30', status: 'met', updated: '2024-04-15' }],
    },
    {
      key: 'A2',
      track: 'arbitration',
      jurisdiction: Z,
      received: '2024-04-02',
      workers: 12,
      collective: true,
      claims: [{ type: 'economic_compensation', amountFen: 400_000 }],
      events: [
        ['accepted', 'accept', '2024-04-03'],
        ['hearing', 'hold_hearing', '2024-05-18'],
        ['mediated', 'mediate', '2024-05-20'],
        ['closed', 'close', '2024-05-22'],
      ],
      closedAt: '2024-05-22',
      outcomeAmountFen: 200_000,
      clocks: [{ trigger: '2024-04-03', due: '2024-05-10', status: 'met', updated: '2024-05-20' }],
    },
    {
      key: 'A3',
      track: 'arbitration',
      jurisdiction: G,
      received: '2024-05-07',
      claims: [{ type: 'social_insurance', amountFen: 100_000 }],
      events: [['accepted', 'accept', '2024-05-08']],
    },
    {
      key: 'A4',
      track: 'arbitration',
      jurisdiction: G,
      received: '2024-05-31',
      claims: [{ type: 'work_injury_benefits', amountFen: 800_000 }],
      events: [
        ['accepted', 'accept', '2024-06-01'],
        ['withdrawn', 'withdraw', '2024-06-20'],
      ],
    },
    {
      key: 'A5',
      track: 'arbitration',
      jurisdiction: Z,
      received: '2024-01-14',
      claims: [{ type: 'overtime_pay', amountFen: 200_000 }],
      events: [
        ['accepted', 'accept', '2024-01-15'],
        ['hearing', 'hold_hearing', '2024-03-10'],
        ['awarded', 'award', '2024-03-20'],
        ['award_served', 'serve_final_award', '2024-03-22'],
        ['closed', 'close', '2024-03-25'],
      ],
      closedAt: '2024-03-25',
      award: [{ amountFen: 200_000, finality: 'final' }],
    },
    {
      key: 'A6',
      track: 'arbitration',
      jurisdiction: Z,
      received: '2024-06-25',
      claims: [{ type: 'unpaid_wages', amountFen: 100_000 }],
      events: [
        ['mediation_suggested', 'suggest_mediation', '2024-06-25'],
        ['pre_mediation', 'applicant_consents', '2024-06-26'],
        ['settled', 'settle', '2024-06-28'],
      ],
      closedAt: '2024-06-28',
    },
    {
      key: 'A7',
      track: 'arbitration',
      jurisdiction: G,
      received: '2024-04-09',
      claims: [{ type: 'labor_relation_confirmation', amountFen: null }],
      events: [
        ['accepted', 'accept', '2024-04-10'],
        ['hearing', 'hold_hearing', '2024-06-05'],
        ['awarded', 'award', '2024-06-10'],
      ],
      award: [{ amountFen: 0, finality: 'non_final' }],
    },
    // Mediation
    {
      key: 'M1',
      track: 'mediation',
      jurisdiction: Z,
      received: '2024-04-05',
      claims: [{ type: 'unpaid_wages', amountFen: 300_000 }],
      events: [
        ['proposal_sent', 'send_proposal', '2024-04-08'],
        ['agreed', 'agree', '2024-04-20'],
      ],
      mediation: { handledBy: 'center', agreedFen: 250_000 },
    },
    {
      key: 'M2',
      track: 'mediation',
      jurisdiction: G,
      received: '2024-05-02',
      claims: [{ type: 'overtime_pay', amountFen: 150_000 }],
      events: [
        ['session_scheduled', 'schedule_session', '2024-05-10'],
        ['failed', 'fail', '2024-05-30'],
      ],
      closedAt: '2024-05-30',
      mediation: { handledBy: 'organization', orgKind: 'enterprise_committee' },
    },
    {
      key: 'M3',
      track: 'mediation',
      jurisdiction: Z,
      received: '2024-06-10',
      claims: [{ type: 'social_insurance', amountFen: null }],
      events: [],
      mediation: { handledBy: 'organization', orgKind: 'street_township' },
    },
    {
      key: 'M4',
      track: 'mediation',
      jurisdiction: Z,
      received: '2024-03-01',
      claims: [{ type: 'unpaid_wages', amountFen: 50_000 }],
      events: [['withdrawn', 'withdraw', '2024-04-02']],
      closedAt: '2024-04-02',
      mediation: { handledBy: 'center' },
    },
    // Inspection
    {
      key: 'I1',
      track: 'inspection',
      jurisdiction: Z,
      received: '2024-04-01',
      migrant: true,
      claims: [{ type: 'unpaid_wages', amountFen: 500_000 }],
      events: [
        ['filed', 'accept', '2024-04-02'],
        ['ordered', 'order_correction', '2024-04-20'],
        ['closed', 'close', '2024-05-15'],
      ],
      closedAt: '2024-05-15',
      inspection: {
        source: 'complaint',
        filedOn: '2024-04-02',
        outcomes: [{ kind: 'order', amountFen: 500_000, workers: 3, complied: true }, { kind: 'penalty' }],
      },
    },
    {
      key: 'I2',
      track: 'inspection',
      jurisdiction: G,
      received: '2024-05-10',
      workers: 20,
      collective: true,
      claims: [{ type: 'working_hours', amountFen: null }],
      events: [['filed', 'accept', '2024-05-10']],
      inspection: { source: 'ex_officio', filedOn: '2024-05-10', outcomes: [] },
    },
    {
      key: 'I3',
      track: 'inspection',
      jurisdiction: Z,
      received: '2024-06-01',
      claims: [{ type: 'unpaid_wages', amountFen: 100_000 }],
      events: [
        ['filed', 'accept', '2024-06-03'],
        ['closed', 'close', '2024-06-25'],
      ],
      closedAt: '2024-06-25',
      inspection: {
        source: 'report',
        filedOn: '2024-06-03',
        outcomes: [{ kind: 'police_referral' }, { kind: 'compensation', amountFen: 100_000, complied: true }],
      },
    },
    // Petitions and legal aid
    {
      key: 'P1',
      track: 'petition',
      jurisdiction: Z,
      received: '2024-04-08',
      claims: [{ type: 'other', amountFen: null }],
      events: [
        ['accepted', 'accept', '2024-04-09'],
        ['decided', 'decide', '2024-05-10'],
        ['under_review', 'request_review', '2024-05-20'],
        ['reviewed', 'issue_review', '2024-06-01'],
      ],
      clocks: [{ trigger: '2024-04-09', due: '2024-06-07', status: 'met', updated: '2024-05-10' }],
    },
    {
      key: 'P2',
      track: 'petition',
      jurisdiction: Z,
      received: '2024-05-05',
      claims: [{ type: 'unpaid_wages', amountFen: 80_000 }],
      events: [['channelled', 'channel', '2024-05-05']],
      closedAt: '2024-05-05',
    },
    {
      key: 'L1',
      track: 'legal_aid',
      jurisdiction: G,
      received: '2024-04-12',
      claims: [{ type: 'unpaid_wages', amountFen: 90_000 }],
      events: [
        ['granted', 'grant', '2024-04-15'],
        ['in_service', 'assign_lawyer', '2024-04-16'],
        ['closed', 'close', '2024-06-30'],
      ],
      closedAt: '2024-06-30',
    },
    {
      key: 'L2',
      track: 'legal_aid',
      jurisdiction: G,
      received: '2024-06-02',
      claims: [{ type: 'unpaid_wages', amountFen: 70_000 }],
      events: [['refused', 'refuse', '2024-06-05']],
      closedAt: '2024-06-05',
    },
  ];

  if (shiftMonths !== 0)
    for (const s of specs) shiftDates(s as unknown as Record<string, unknown>, shiftMonths);
  const out: Record<string, { matterId: string; caseId: string; caseNumber: string; matterNumber: string }> =
    {};
  const run = `${process.pid}${Date.now() % 100000}`;
  for (const s of specs) {
    seq += 1;
    const n = 90_000 + seq + (Number(run) % 1000) * 50;
    const matterId = randomUUID();
    const caseId = randomUUID();
    const matterNumber = `统〔2024〕${run}-${s.key}`;
    const caseNumber = `统案〔2024〕${run}-${s.key}`;
    await pool.query(
      `INSERT INTO matter (id, number, year, seq, channel, request_kind, status, jurisdiction_id, received_at,
         worker_count, collective) VALUES ($1,$2,2024,$3,'window','application','routed',$4,$5,$6,$7)`,
      [matterId, matterNumber, n, s.jurisdiction, at(s.received), s.workers ?? 1, s.collective ?? false],
    );
    const worker = randomUUID();
    await pool.query(
      `INSERT INTO party (id, kind, name, id_type, id_number_enc, identity_hash, migrant_worker)
       VALUES ($1,'worker','统计测试劳动者','resident_id','x',$2,$3)`,
      [worker, `stat:${worker}`, s.migrant ?? false],
    );
    const employer = randomUUID();
    await pool.query(`INSERT INTO party (id, kind, name) VALUES ($1,'employer','统计测试建筑公司')`, [
      employer,
    ]);
    await pool.query(
      `INSERT INTO matter_party (matter_id, party_id, role) VALUES ($1,$2,'worker'),($1,$3,'employer')`,
      [matterId, worker, employer],
    );
    const closedAt = s.closedAt ? at(s.closedAt) : null;
    const lastState = s.events.length ? (s.events[s.events.length - 1] as Ev)[0] : 'registered';
    await pool.query(
      `INSERT INTO track_case (id, matter_id, track, number, year, seq, state, closed, organization_id, jurisdiction_id,
         opened_at, closed_at) VALUES ($1,$2,$3,$4,2024,$5,$6,$7,$8,$9,$10,$11)`,
      [
        caseId,
        matterId,
        s.track,
        caseNumber,
        n,
        lastState,
        closedAt !== null,
        org,
        s.jurisdiction,
        at(s.received),
        closedAt,
      ],
    );
    await pool.query(
      `INSERT INTO case_event (case_id, seq, from_state, to_state, event, actor_name, at) VALUES ($1,1,NULL,'registered','open','统计测试',$2)`,
      [caseId, at(s.received)],
    );
    let prev = 'registered';
    for (const [i, [state, event, day]] of s.events.entries()) {
      await pool.query(
        `INSERT INTO case_event (case_id, seq, from_state, to_state, event, actor_name, at) VALUES ($1,$2,$3,$4,$5,'统计测试',$6)`,
        [caseId, i + 2, prev, state, event, at(day)],
      );
      prev = state;
    }
    const claimIds: string[] = [];
    for (const [i, c] of s.claims.entries()) {
      const id = randomUUID();
      claimIds.push(id);
      await pool.query(
        `INSERT INTO matter_claim (id, matter_id, type, amount_fen, facts, track, track_case_id, status, sort)
         VALUES ($1,$2,$3,$4,'统计测试',$5,$6,'routed',$7)`,
        [id, matterId, c.type, c.amountFen, s.track === 'legal_aid' ? 'referral' : s.track, caseId, i],
      );
      await pool.query(`INSERT INTO case_claim (case_id, claim_id, open) VALUES ($1,$2,$3)`, [
        caseId,
        id,
        closedAt === null,
      ]);
    }
    if (s.track === 'arbitration') {
      const claims = s.claims.map((c, i) => ({
        claimId: claimIds[i],
        type: c.type,
        amountFen: c.amountFen ?? 0,
      }));
      await pool.query(
        `INSERT INTO arbitration_application (case_id, matter_id, claims, outcome_amount_fen) VALUES ($1,$2,$3,$4)`,
        [caseId, matterId, JSON.stringify(claims), s.outcomeAmountFen ?? null],
      );
    }
    if (s.award)
      await pool.query(
        `INSERT INTO arbitration_award (case_id, items, minimum_wage_fen) VALUES ($1,$2,200000)`,
        [caseId, JSON.stringify(s.award.map((a) => ({ text: '裁决事项', claimType: 'unpaid_wages', ...a })))],
      );
    if (s.mediation) {
      let orgId: string | null = null;
      if (s.mediation.orgKind) {
        orgId = randomUUID();
        await pool.query(
          `INSERT INTO mediation_organization (id, name, kind, jurisdiction_code) VALUES ($1,$2,$3,'421303')`,
          [orgId, `统计测试调解组织${run}${s.key}`, s.mediation.orgKind],
        );
      }
      await pool.query(
        `INSERT INTO mediation_case (case_id, matter_id, consent, handled_by, organization_id) VALUES ($1,$2,'{}',$3,$4)`,
        [caseId, matterId, s.mediation.handledBy, orgId],
      );
      if (s.mediation.agreedFen !== undefined)
        await pool.query(
          `INSERT INTO mediation_proposal_item (case_id, claim_id, proposed_fen, reason, worker_reply, employer_reply)
           VALUES ($1,$2,$3,'建议','accepted','accepted')`,
          [caseId, claimIds[0], s.mediation.agreedFen],
        );
    }
    if (s.inspection) {
      await pool.query(
        `INSERT INTO inspection_case (case_id, source, received_on, filed_on, decision) VALUES ($1,$2,$3,$4,'accepted')`,
        [caseId, s.inspection.source, s.received, s.inspection.filedOn],
      );
      for (const o of s.inspection.outcomes)
        await pool.query(
          `INSERT INTO inspection_outcome (case_id, kind, summary, amount_fen, worker_count, complied) VALUES ($1,$2,'统计测试',$3,$4,$5)`,
          [caseId, o.kind, o.amountFen ?? null, o.workers ?? null, o.complied ?? null],
        );
    }
    for (const c of s.clocks ?? [])
      await pool.query(
        `INSERT INTO clock (subject_type, subject_id, rule_id, trigger_date, due_date, original_due_date, calendar_version,
           status, basis, explanation, jurisdiction_id, organization_id, updated_at)
         VALUES ('case',$1,'stat.test',$2,$3,$3,'test',$4,'统计测试','统计测试',$5,$6,$7)`,
        [caseId, c.trigger, c.due, c.status, s.jurisdiction, org, at(c.updated)],
      );
    out[s.key] = { matterId, caseId, caseNumber, matterNumber };
  }
  return out;
}

/** A date moved by whole months, the day kept within the month (05-31 + 1 month → 06-30). */
export function shiftIso(d: string, months: number): string {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = (index % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${String(nm).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
}

function shiftDates(o: Record<string, unknown> | unknown[], months: number): void {
  for (const [k, v] of Object.entries(o)) {
    if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v))
      (o as Record<string, unknown>)[k] = shiftIso(v, months);
    else if (v && typeof v === 'object') shiftDates(v as Record<string, unknown>, months);
  }
}
