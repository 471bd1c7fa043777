import {
  CASE_TRACK_LABELS,
  type CaseFact,
  type CaseTrackId,
  DISPUTE_CAUSE_LABELS,
  type DisputeCause,
  inPeriod,
  monthsOf,
  type Period,
  ROLES,
  isRoleCode,
  endOfBusinessDay,
  startOfBusinessDay,
} from '@onestop/domain';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';
import { CHANNEL_LABELS } from '../matters';

/** The tracks whose time to close is reported, in the figure's order; labels from the track registry. */
const CLOSE_TIME_TRACKS = [
  'arbitration',
  'mediation',
  'inspection',
  'petition',
  'legal_aid',
] as const satisfies readonly CaseTrackId[];

/** How many employers the top-employers figure lists. */
const TOP_EMPLOYERS = 10;

/** Time-to-close bands in calendar days. */
const CLOSE_BANDS = [
  { label: '15日以内', from: 0, to: 15 },
  { label: '16—30日', from: 16, to: 30 },
  { label: '31—45日', from: 31, to: 45 },
  { label: '46—60日', from: 46, to: 60 },
  { label: '60日以上', from: 61, to: Number.MAX_SAFE_INTEGER },
] as const;

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/**
 * The leaders' analysis for a period: monthly trend of matters received and cases accepted / closed,
 * channels, causes, the settlement-first share (matters disposed of without an award), time to close per
 * track, and overdue clocks by organisation.
 */
export async function analysis(
  db: Kysely<DB>,
  scope: readonly string[],
  facts: readonly CaseFact[],
  period: Period,
  today: string,
  tzOffsetMinutes: number,
) {
  const months = monthsOf(period);
  const ids = scope.length ? [...scope] : ['00000000-0000-0000-0000-000000000000'];
  const off = sql.lit(tzOffsetMinutes);
  const fromTs = startOfBusinessDay(period.from, tzOffsetMinutes);
  const toTs = endOfBusinessDay(period.to, tzOffsetMinutes);
  const received = await sql<{ month: string; channel: string; n: number }>`
    SELECT to_char((received_at AT TIME ZONE 'UTC') + ${off} * interval '1 minute', 'YYYY-MM') AS month, channel,
           count(*)::int AS n
    FROM matter
    WHERE jurisdiction_id = ANY(${ids}::uuid[]) AND received_at >= ${fromTs} AND received_at < ${toTs}
      AND status <> 'merged'
    GROUP BY 1, 2`.execute(db);
  const overdue = await sql<{ name: string; n: number }>`
    SELECT o.name, count(*)::int AS n
    FROM clock c JOIN organization o ON o.id = c.organization_id
    WHERE c.jurisdiction_id = ANY(${ids}::uuid[])
      AND (c.status = 'missed' OR (c.status IN ('running', 'extended') AND c.due_date < ${today}::date))
    GROUP BY o.name ORDER BY n DESC, o.name`.execute(db);

  const trend = months.map((m) => {
    const inMonth = (d: string | null) => d !== null && d.slice(0, 7) === m;
    return {
      month: m,
      received: received.rows.filter((r) => r.month === m).reduce((s, r) => s + Number(r.n), 0),
      accepted: facts.filter((f) => f.track !== 'mediation' && inMonth(f.acceptedOn)).length,
      closed: facts.filter((f) => f.acceptedOn !== null && inMonth(f.closedOn)).length,
    };
  });
  const channelCounts = new Map<string, number>();
  for (const r of received.rows)
    channelCounts.set(r.channel, (channelCounts.get(r.channel) ?? 0) + Number(r.n));
  const channels = [...channelCounts.entries()]
    .map(([channel, count]) => ({
      channel,
      label: CHANNEL_LABELS[channel as keyof typeof CHANNEL_LABELS] ?? channel,
      count,
    }))
    .sort((a, b) => b.count - a.count || a.channel.localeCompare(b.channel));

  const causeCounts = new Map<DisputeCause, number>();
  for (const f of facts)
    if ((f.track === 'arbitration' || f.track === 'mediation') && inPeriod(f.acceptedOn, period))
      causeCounts.set(f.cause, (causeCounts.get(f.cause) ?? 0) + 1);
  const causes = (Object.keys(DISPUTE_CAUSE_LABELS) as DisputeCause[]).map((c) => ({
    cause: c,
    label: DISPUTE_CAUSE_LABELS[c],
    count: causeCounts.get(c) ?? 0,
  }));

  // Settlement first (调解优先): matters whose dispute was disposed of in the period, and of those the
  // ones settled (mediation agreement, arbitral mediation statement, withdrawal) without an award.
  const disposed = new Map<string, { settled: boolean; awarded: boolean }>();
  for (const f of facts) {
    if ((f.track !== 'arbitration' && f.track !== 'mediation') || !inPeriod(f.closedOn, period)) continue;
    const m = disposed.get(f.matterId) ?? { settled: false, awarded: false };
    if (f.closure === 'med_agreed' || f.closure === 'arb_mediated' || f.closure === 'arb_withdrawn')
      m.settled = true;
    if (f.closure === 'arb_awarded') m.awarded = true;
    disposed.set(f.matterId, m);
  }
  const settledFirst = [...disposed.values()].filter((m) => m.settled && !m.awarded).length;
  const settlement = {
    disposed: disposed.size,
    settled: settledFirst,
    share: disposed.size === 0 ? null : Math.round((settledFirst * 1000) / disposed.size) / 10,
  };

  const timeToClose = CLOSE_TIME_TRACKS.map((track) => {
    const label = CASE_TRACK_LABELS[track];
    const days = facts
      .filter((f) => f.track === track && f.acceptedOn !== null && inPeriod(f.closedOn, period))
      .map((f) => daysBetween(f.registeredOn, f.closedOn as string));
    return {
      track,
      label,
      closed: days.length,
      medianDays: median(days),
      maxDays: days.length ? Math.max(...days) : null,
      // The distribution in calendar-day bands (the 45-day award limit of 调解仲裁法第四十三条 as a band edge).
      bands: CLOSE_BANDS.map((b) => ({
        label: b.label,
        count: days.filter((d) => d >= b.from && d <= b.to).length,
      })),
    };
  });

  // Satisfaction: ratings given in the period on the portal and answers to the rating requests (SMS).
  const ratings = await sql<{ track: string; score: number; n: number }>`
    SELECT x.track, x.score, count(*)::int AS n FROM (
      SELECT r.track, r.score FROM satisfaction_rating r JOIN matter m ON m.id = r.matter_id
       WHERE m.jurisdiction_id = ANY(${ids}::uuid[]) AND r.created_at >= ${fromTs} AND r.created_at < ${toTs}
      UNION ALL
      SELECT tc.track, q.rating FROM satisfaction_request q JOIN track_case tc ON tc.id = q.case_id
       WHERE q.state = 'answered' AND q.rating IS NOT NULL AND tc.jurisdiction_id = ANY(${ids}::uuid[])
         AND q.answered_at >= ${fromTs} AND q.answered_at < ${toTs}
    ) x GROUP BY 1, 2`.execute(db);
  const rated = ratings.rows.reduce((s, r) => s + Number(r.n), 0);
  const scoreSum = ratings.rows.reduce((s, r) => s + Number(r.score) * Number(r.n), 0);
  const satisfaction = {
    ratings: rated,
    average: rated === 0 ? null : Math.round((scoreSum * 100) / rated) / 100,
    // 满意 = 4 or 5 of 5.
    satisfiedShare:
      rated === 0
        ? null
        : Math.round(
            (ratings.rows.filter((r) => Number(r.score) >= 4).reduce((s, r) => s + Number(r.n), 0) * 1000) /
              rated,
          ) / 10,
    byScore: [5, 4, 3, 2, 1].map((score) => ({
      score,
      count: ratings.rows.filter((r) => Number(r.score) === score).reduce((s, r) => s + Number(r.n), 0),
    })),
  };

  // Workload per person and post: cases open now, and accepted / closed in the period, by assignee.
  const load = await sql<{ user_id: string; name: string; posts: string[] | null; open: number }>`
    SELECT u.id AS user_id, u.display_name AS name,
           (SELECT array_agg(DISTINCT ur.role ORDER BY ur.role) FROM user_role ur WHERE ur.user_id = u.id) AS posts,
           count(*) FILTER (WHERE NOT tc.closed)::int AS open
    FROM track_case tc JOIN app_user u ON u.id = tc.assignee_user_id
    WHERE tc.jurisdiction_id = ANY(${ids}::uuid[])
    GROUP BY u.id, u.display_name`.execute(db);
  const assignees = await sql<{ id: string; user_id: string | null }>`
    SELECT id, assignee_user_id AS user_id FROM track_case
    WHERE jurisdiction_id = ANY(${ids}::uuid[]) AND assignee_user_id IS NOT NULL`.execute(db);
  const assigneeOf = new Map(assignees.rows.map((r) => [r.id, r.user_id]));
  const closedBy = new Map<string, number>();
  for (const f of facts)
    if (f.acceptedOn !== null && inPeriod(f.closedOn, period)) {
      const u = assigneeOf.get(f.caseId);
      if (u) closedBy.set(u, (closedBy.get(u) ?? 0) + 1);
    }
  const workload = load.rows
    .map((r) => ({
      name: r.name,
      posts: (r.posts ?? []).filter(isRoleCode).map((p) => ROLES[p].label),
      open: Number(r.open),
      closedInPeriod: closedBy.get(r.user_id) ?? 0,
    }))
    .filter((r) => r.open > 0 || r.closedInPeriod > 0)
    .sort(
      (a, b) => b.open - a.open || b.closedInPeriod - a.closedInPeriod || a.name.localeCompare(b.name, 'zh'),
    );

  // The employers with the most matters registered in the period (every request kind), and the amounts claimed.
  const top = await sql<{ employer: string; matters: number; claimed: string | number | null }>`
    SELECT p.name AS employer, count(*)::int AS matters,
           sum((SELECT coalesce(sum(mc.amount_fen), 0) FROM matter_claim mc WHERE mc.matter_id = m.id)) AS claimed
    FROM matter m
    JOIN matter_party mp ON mp.matter_id = m.id AND mp.role = 'employer'
    JOIN party p ON p.id = mp.party_id
    WHERE m.jurisdiction_id = ANY(${ids}::uuid[]) AND m.received_at >= ${fromTs} AND m.received_at < ${toTs}
      AND m.status <> 'merged'
    GROUP BY p.id, p.name
    ORDER BY matters DESC, claimed DESC NULLS LAST, p.name
    LIMIT ${TOP_EMPLOYERS}`.execute(db);
  const topEmployers = top.rows.map((r) => ({
    employer: r.employer,
    matters: Number(r.matters),
    claimedFen: Number(r.claimed ?? 0),
  }));

  return {
    trend,
    channels,
    causes,
    settlement,
    timeToClose,
    overdueByUnit: overdue.rows.map((r) => ({ unit: r.name, count: Number(r.n) })),
    satisfaction,
    workload,
    topEmployers,
  };
}
