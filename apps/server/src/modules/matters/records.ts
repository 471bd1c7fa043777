import type { Kysely } from 'kysely';
import { trackLabel } from '@onestop/domain';
import { z } from 'zod';
import type { DB } from '../../db/schema';
import type { AppContext } from '../../platform/context';
import type { AuthContext } from '../../platform/auth';
import { businessToday } from '../../platform/time';
import { clocksRuntime } from '../clocks';
import { type ClockWithNames, presentClock } from '../clocks';
import { clockQuery, scopeOf } from '../clocks';
import { clockSchema } from '../clocks';
import { documentQuery, presentDocument, servicesFor } from '../documents';
import { documentSchema } from '../documents';

/** Where a clock or document of the master record comes from: the matter itself or one of its cases. */
export const recordSource = z.object({
  type: z.enum(['matter', 'case']),
  id: z.string().uuid(),
  label: z.string().describe('“维权事项” 或 程序与案号，如 “仲裁 随劳人仲案字〔2026〕第15号”'),
});

export const matterClocksResponse = z.object({
  items: z.array(clockSchema.extend({ source: recordSource })),
});
export const matterDocumentsResponse = z.object({
  items: z.array(documentSchema.extend({ source: recordSource })),
});

type Source = z.infer<typeof recordSource>;

/** The matter and every case opened on it (all tracks), each with the label shown beside its records. */
async function sourcesOf(db: Kysely<DB>, matterId: string): Promise<Source[]> {
  const cases = await db
    .selectFrom('track_case')
    .select(['id', 'track', 'number'])
    .where('matter_id', '=', matterId)
    .orderBy('opened_at')
    .execute();
  return [
    { type: 'matter', id: matterId, label: '维权事项' },
    ...cases.map((c) => ({
      type: 'case' as const,
      id: c.id,
      label: `${trackLabel(c.track)} ${c.number}`.trim(),
    })),
  ];
}

const keyOf = (type: string, id: string) => `${type}:${id}`;

/** Every legal clock of the matter and of all its cases, by due date (the master record's 法定期限). */
export async function matterClocks(ctx: AppContext, auth: AuthContext, matterId: string) {
  const { db } = ctx.database;
  const sources = await sourcesOf(db, matterId);
  const bySource = new Map(sources.map((s) => [keyOf(s.type, s.id), s]));
  const rows = await clockQuery(db)
    .where((eb) =>
      eb.or(sources.map((s) => eb.and([eb('c.subject_type', '=', s.type), eb('c.subject_id', '=', s.id)]))),
    )
    .orderBy('c.due_date')
    .execute();
  const scope = await scopeOf(db, auth, 'matter.read');
  const snap = await clocksRuntime(ctx).calendars.snapshot(db);
  const today = businessToday(ctx.config);
  return {
    items: rows
      .filter((r) => !r.jurisdiction_id || scope === null || scope.has(r.jurisdiction_id))
      .map((r) => ({
        ...presentClock(r as ClockWithNames, snap, today, auth),
        source: bySource.get(keyOf(r.subject_type, r.subject_id)) as Source,
      })),
  };
}

/** Every document of the matter and of all its cases, with their service (the master record's 文书). */
export async function matterDocuments(db: Kysely<DB>, matterId: string) {
  const sources = await sourcesOf(db, matterId);
  const bySource = new Map(sources.map((s) => [keyOf(s.type, s.id), s]));
  const rows = await documentQuery(db)
    .where((eb) =>
      eb.or(sources.map((s) => eb.and([eb('d.subject_type', '=', s.type), eb('d.subject_id', '=', s.id)]))),
    )
    .orderBy('d.created_at')
    .execute();
  const services = await servicesFor(
    db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => ({
      ...presentDocument(r, services),
      source: bySource.get(keyOf(r.subject_type, r.subject_id)) as Source,
    })),
  };
}
