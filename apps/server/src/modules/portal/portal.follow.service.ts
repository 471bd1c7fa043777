import { claimLabel, formatFen } from '@onestop/domain';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';
import type { CaseNext, CaseTrack } from '../cases';
import { nextStepsOf, stateLabel, TRACK_LABELS } from '../cases';
import type { Membership } from './portal.access';
import { FRIENDLY_STATUS, friendlyTimeline, ROLE_LABELS } from './portal.timeline';

const iso = (d: Date | string) => new Date(d).toISOString();

export async function listMatters(db: Kysely<DB>, ms: readonly Membership[]) {
  if (!ms.length) return [];
  const rows = await db
    .selectFrom('matter')
    .select(['id', 'number', 'status', 'received_at', 'request_kind'])
    .where(
      'id',
      'in',
      ms.map((m) => m.matterId),
    )
    .orderBy('received_at', 'desc')
    .execute();
  return rows.map((r) => {
    const m = ms.find((x) => x.matterId === r.id)!;
    return {
      id: r.id,
      number: r.number,
      role: m.role,
      roleLabel: ROLE_LABELS[m.role],
      status: r.status,
      statusLabel: FRIENDLY_STATUS[r.status] ?? r.status,
      receivedAt: iso(r.received_at),
    };
  });
}

/** Documents electronically served on this party for the matter or one of its track cases. */
export async function servedDocuments(db: Kysely<DB>, m: Membership) {
  const r = await sql<{
    document_id: string;
    service_id: string;
    title: string;
    number: string | null;
    type: string;
    served_at: Date | null;
    first_opened_at: Date | null;
  }>`
    SELECT d.id AS document_id, v.id AS service_id, d.title, d.number, d.type, v.served_at, v.first_opened_at
      FROM document d JOIN document_service v ON v.document_id = d.id
     WHERE v.method = 'electronic' AND v.recipient = ${m.partyName} AND d.state = 'issued'
       AND ((d.subject_type = 'matter' AND d.subject_id = ${m.matterId})
            OR (d.subject_type = 'case' AND d.subject_id IN (SELECT id FROM track_case WHERE matter_id = ${m.matterId})))
     ORDER BY v.created_at`.execute(db);
  return r.rows.map((x) => ({
    documentId: x.document_id,
    serviceId: x.service_id,
    title: x.title,
    number: x.number,
    type: x.type,
    servedAt: x.served_at ? iso(x.served_at) : null,
    openedAt: x.first_opened_at ? iso(x.first_opened_at) : null,
  }));
}

/** Mediation sessions and hearings still to come (tables of the mediation and arbitration modules). */
async function upcoming(db: Kysely<DB>, matterId: string) {
  const sessions = await db
    .selectFrom('mediation_session as s')
    .innerJoin('mediation_case as c', 'c.case_id', 's.case_id')
    .select(['s.starts_at', 's.room'])
    .where('c.matter_id', '=', matterId)
    .where('s.status', '=', 'scheduled')
    .where('s.starts_at', '>', new Date())
    .execute();
  const hearings = await db
    .selectFrom('hearing as h')
    .innerJoin('track_case as t', 't.id', 'h.case_id')
    .innerJoin('hearing_room as r', 'r.id', 'h.room_id')
    .select(['h.starts_at', 'r.name', 'r.location'])
    .where('t.matter_id', '=', matterId)
    .where('h.state', '=', 'scheduled')
    .where('h.starts_at', '>', new Date())
    .execute();
  return [
    ...sessions.map((s) => ({
      kind: 'mediation' as const,
      label: '调解',
      at: iso(s.starts_at),
      place: s.room,
    })),
    ...hearings.map((h) => ({
      kind: 'hearing' as const,
      label: '开庭',
      at: iso(h.starts_at),
      place: [h.location, h.name].filter(Boolean).join(' '),
    })),
  ].sort((a, b) => (a.at < b.at ? -1 : 1));
}

/** Tracks that can be rated: closed track cases, or the matter itself when it closed without one. */
export async function ratableTracks(db: Kysely<DB>, m: Membership) {
  const matter = await db
    .selectFrom('matter')
    .select(['status'])
    .where('id', '=', m.matterId)
    .executeTakeFirstOrThrow();
  const cases = await db
    .selectFrom('track_case')
    .select(['id', 'track', 'closed'])
    .where('matter_id', '=', m.matterId)
    .execute();
  const rated = await db
    .selectFrom('satisfaction_rating')
    .select(['track', 'score'])
    .where('matter_id', '=', m.matterId)
    .where('party_id', '=', m.partyId)
    .execute();
  const out = cases
    .filter((c) => c.closed)
    .map((c) => ({ track: c.track as string, caseId: c.id as string | null, label: TRACK_LABELS[c.track] }));
  if (matter.status === 'closed' && cases.length === 0)
    out.push({ track: 'matter', caseId: null, label: '本事项' });
  return out.map((o) => ({ ...o, score: rated.find((r) => r.track === o.track)?.score ?? null }));
}

/**
 * A case's next step as the party reads it: the step(s), the post that takes them (the first post of
 * the first step: 仲裁员, not every post that may), the statutory date and its name.
 */
function partyNext(n: CaseNext | undefined) {
  if (!n) return null;
  return { steps: n.steps, by: n.roles[0]?.label ?? null, dueDate: n.dueDate, dueRule: n.dueRule };
}

export async function matterDetail(db: Kysely<DB>, m: Membership, withQueryCode: boolean) {
  const matter = await db
    .selectFrom('matter')
    .select([
      'id',
      'number',
      'status',
      'received_at',
      'request_kind',
      sql<string | null>`query_code`.as('query_code'),
    ])
    .where('id', '=', m.matterId)
    .executeTakeFirstOrThrow();
  const [claims, events, cases, others, consents, messages] = await Promise.all([
    db
      .selectFrom('matter_claim')
      .select(['id', 'type', 'amount_fen', 'period_from', 'period_to'])
      .where('matter_id', '=', m.matterId)
      .orderBy('sort')
      .execute(),
    db
      .selectFrom('matter_event')
      .select(['id', 'at', 'kind', 'payload'])
      .where('matter_id', '=', m.matterId)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('track_case')
      .select(['id', 'track', 'number', 'state', 'closed'])
      .where('matter_id', '=', m.matterId)
      .orderBy('opened_at')
      .execute(),
    db
      .selectFrom('matter_party as mp')
      .innerJoin('party as p', 'p.id', 'mp.party_id')
      .select(['p.name', 'mp.role'])
      .where('mp.matter_id', '=', m.matterId)
      .where('mp.role', '<>', m.role)
      .execute(),
    db
      .selectFrom('portal_consent')
      .select(['kind', 'given', 'ref', 'created_at'])
      .where('matter_id', '=', m.matterId)
      .where('party_id', '=', m.partyId)
      .execute(),
    db
      .selectFrom('portal_message')
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .where('matter_id', '=', m.matterId)
      .where('party_id', '=', m.partyId)
      .where('direction', '=', 'to_party')
      .where('read_at', 'is', null)
      .executeTakeFirst(),
  ]);
  const refs = cases.map((c) => ({ id: c.id, track: c.track as CaseTrack, number: c.number }));
  // Who each open case waits on and by when (the procedure and its running time limits).
  const next = await nextStepsOf(
    db,
    cases.map((c) => ({ id: c.id, track: c.track as CaseTrack, state: c.state, closed: c.closed })),
  );
  const consent = (kind: 'mediation' | 'electronic_service') => {
    const c = consents.find((x) => x.kind === kind);
    return c ? { given: c.given, at: iso(c.created_at) } : null;
  };
  return {
    id: matter.id,
    number: matter.number,
    role: m.role,
    roleLabel: ROLE_LABELS[m.role],
    myName: m.partyName,
    otherSide: others.map((o) => o.name),
    status: matter.status,
    statusLabel: FRIENDLY_STATUS[matter.status] ?? matter.status,
    receivedAt: iso(matter.received_at),
    queryCode: withQueryCode && m.role === 'worker' ? matter.query_code : null,
    claims: claims.map((c) => ({
      id: c.id,
      // Each claim by its period ('支付拖欠工资（2026年8月）'): three months are three distinct items.
      label: claimLabel({ type: c.type, periodFrom: c.period_from, periodTo: c.period_to }),
      amountText: c.amount_fen === null ? null : formatFen(Number(c.amount_fen)),
    })),
    cases: cases.map((c) => ({
      track: c.track,
      trackLabel: TRACK_LABELS[c.track as CaseTrack],
      number: c.number,
      stateLabel: stateLabel(c.track as CaseTrack, c.state),
      closed: c.closed,
      next: partyNext(next.get(c.id)),
    })),
    timeline: friendlyTimeline(events, refs, m.role),
    upcoming: await upcoming(db, m.matterId),
    documents: await servedDocuments(db, m),
    ratings: await ratableTracks(db, m),
    consents: { mediation: consent('mediation'), electronicService: consent('electronic_service') },
    unreadMessages: Number(messages?.n ?? 0),
  };
}
