import {
  type CaseFact,
  DISPUTE_CAUSE_LABELS,
  type DisputeCause,
  inPeriod,
  monthsOf,
  type Period,
} from '@onestop/domain';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';
import { CHANNEL_LABELS } from '../matters/matters.schema';

const TRACK_LABELS: Record<string, string> = {
  arbitration: '仲裁',
  mediation: '调解',
  inspection: '劳动保障监察',
  petition: '信访',
  legal_aid: '法律援助',
};

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
  const fromTs = new Date(Date.parse(`${period.from}T00:00:00Z`) - tzOffsetMinutes * 60_000);
  const toTs = new Date(Date.parse(`${period.to}T00:00:00Z`) + 86_400_000 - tzOffsetMinutes * 60_000);
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

  const timeToClose = Object.entries(TRACK_LABELS).map(([track, label]) => {
    const days = facts
      .filter((f) => f.track === track && f.acceptedOn !== null && inPeriod(f.closedOn, period))
      .map((f) => daysBetween(f.registeredOn, f.closedOn as string));
    return {
      track,
      label,
      closed: days.length,
      medianDays: median(days),
      maxDays: days.length ? Math.max(...days) : null,
    };
  });

  return {
    trend,
    channels,
    causes,
    settlement,
    timeToClose,
    overdueByUnit: overdue.rows.map((r) => ({ unit: r.name, count: Number(r.n) })),
  };
}
