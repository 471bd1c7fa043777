import { validatePhone } from '@onestop/domain';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../db/schema';
import type { FieldCipher } from '../../platform/crypto';
import { identityHash, likeEscape, phoneHash } from '../parties';
import { CHANNEL_LABELS, STATUS_LABELS } from './matters.schema';
import type { Channel, MatterStatus } from './matters.tables';

export interface MatterSearch {
  q?: string | undefined;
  status?: MatterStatus | undefined;
  priority?: string | undefined;
  jurisdictionId?: string | undefined;
  channel?: Channel | undefined;
  page: number;
  pageSize: number;
}

export type SearchedBy = 'none' | 'number' | 'identity' | 'name';

interface ListRow {
  id: string;
  number: string;
  status: MatterStatus;
  channel: Channel;
  received_at: Date;
  jurisdiction_name: string;
  workers: string | null;
  employers: string | null;
  worker_count: number;
  collective: boolean;
  priority_flags: string[];
}

/** How a search text is read: a matter number, an ID number / credit code / phone, or a name. */
export function classifyQuery(q: string): SearchedBy {
  const t = q.trim();
  if (t === '') return 'none';
  if (t.startsWith('随维') || /^\d{4}[〔[(（-]?\d{1,6}[〕\])）]?$/.test(t) || t.includes('〔'))
    return 'number';
  if (/^[0-9A-Za-z+\- ]{5,20}$/.test(t) && /\d{4}/.test(t)) return 'identity';
  return 'name';
}

/**
 * The search as SQL. Names (pg_trgm) and identities (keyed hashes: the plain values are encrypted)
 * select parties; their matters are collected first in a materialised CTE, so the planner starts
 * from the few matching parties instead of walking every matter by date. Numbers filter matters.
 */
export function searchCondition(
  cipher: FieldCipher,
  q: string,
): { by: SearchedBy; partyWhere: RawBuilder<boolean> | null; where: RawBuilder<boolean> } {
  const by = classifyQuery(q);
  const t = q.trim();
  if (by === 'none') return { by, partyWhere: null, where: sql<boolean>`TRUE` };
  if (by === 'number') {
    const m = /(\d{4})\D*(\d{1,6})\D*$/.exec(t);
    if (t.startsWith('随维') || !m) return { by, partyWhere: null, where: sql<boolean>`m.number = ${t}` };
    return {
      by,
      partyWhere: null,
      where: sql<boolean>`(m.year = ${Number(m[1])} AND m.seq = ${Number(m[2])})`,
    };
  }
  if (by === 'identity') {
    const compact = t.replace(/[\s-]/g, '').toUpperCase();
    const hashes = [identityHash(cipher, 'worker', compact), identityHash(cipher, 'employer', compact)];
    const phone = validatePhone(t);
    const phones = phone.ok ? [phoneHash(cipher, phone.normalized)] : [];
    return {
      by,
      partyWhere: sql<boolean>`(p.identity_hash = ANY(${hashes}::text[])
        ${phones.length ? sql`OR p.phone_hash = ANY(${phones}::text[])` : sql``})`,
      where: sql<boolean>`TRUE`,
    };
  }
  const chars = Array.from(t).length;
  const escaped = likeEscape(t);
  // Trigram indexes need three characters; shorter names use the prefix (text_pattern_ops) index.
  const nameMatch =
    chars >= 3 ? sql<boolean>`p.name LIKE ${`%${escaped}%`}` : sql<boolean>`p.name LIKE ${`${escaped}%`}`;
  return { by, partyWhere: nameMatch, where: sql<boolean>`TRUE` };
}

/** The list query as SQL (shared by the API and the benchmark's "direct SQL" baseline). */
export function matterListSql(cipher: FieldCipher, s: MatterSearch, scope: string[]) {
  const cond = searchCondition(cipher, s.q ?? '');
  const filters: RawBuilder<unknown>[] = [sql`m.jurisdiction_id = ANY(${scope}::uuid[])`, cond.where];
  if (s.status) filters.push(sql`m.status = ${s.status}`);
  if (s.channel) filters.push(sql`m.channel = ${s.channel}`);
  if (s.jurisdictionId) filters.push(sql`m.jurisdiction_id = ${s.jurisdictionId}`);
  if (s.priority === 'any') filters.push(sql`cardinality(m.priority_flags) > 0`);
  else if (s.priority) filters.push(sql`m.priority_flags @> ARRAY[${s.priority}]::text[]`);
  const hits = cond.partyWhere
    ? sql`WITH hits AS MATERIALIZED (
        SELECT DISTINCT mp.matter_id FROM party p JOIN matter_party mp ON mp.party_id = p.id
         WHERE ${cond.partyWhere})`
    : sql``;
  const from = cond.partyWhere
    ? sql`hits JOIN matter m ON m.id = hits.matter_id JOIN jurisdiction j ON j.id = m.jurisdiction_id`
    : sql`matter m JOIN jurisdiction j ON j.id = m.jurisdiction_id`;
  const query = sql<ListRow>`${hits}
    SELECT m.id, m.number, m.status, m.channel, m.received_at, j.name AS jurisdiction_name,
           m.worker_count, m.collective, m.priority_flags,
           (SELECT string_agg(p.name, '、' ORDER BY mp.sort) FROM (
              SELECT party_id, sort FROM matter_party WHERE matter_id = m.id AND role = 'worker'
               ORDER BY sort LIMIT 3) mp JOIN party p ON p.id = mp.party_id) AS workers,
           (SELECT string_agg(p.name, '、') FROM matter_party mp JOIN party p ON p.id = mp.party_id
             WHERE mp.matter_id = m.id AND mp.role = 'employer') AS employers
      FROM ${from}
     WHERE ${sql.join(filters, sql` AND `)}
     ORDER BY m.received_at DESC, m.id
     LIMIT ${s.pageSize + 1} OFFSET ${(s.page - 1) * s.pageSize}`;
  return { by: cond.by, query };
}

export async function searchMatters(db: Kysely<DB>, cipher: FieldCipher, s: MatterSearch, scope: string[]) {
  const { by, query } = matterListSql(cipher, s, scope);
  const rows = (await query.execute(db)).rows;
  const hasMore = rows.length > s.pageSize;
  return {
    items: rows.slice(0, s.pageSize).map((r) => ({
      id: r.id,
      number: r.number,
      status: r.status,
      statusLabel: STATUS_LABELS[r.status],
      channel: r.channel,
      channelLabel: CHANNEL_LABELS[r.channel],
      receivedAt: new Date(r.received_at).toISOString(),
      jurisdictionName: r.jurisdiction_name,
      workers: (r.workers ?? '') + (r.worker_count > 3 ? ` 等${r.worker_count}人` : ''),
      employers: r.employers ?? '',
      workerCount: r.worker_count,
      collective: r.collective,
      priorityFlags: r.priority_flags,
    })),
    page: s.page,
    pageSize: s.pageSize,
    hasMore,
    searchedBy: by,
  };
}
