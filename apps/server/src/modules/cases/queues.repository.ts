import { validatePhone } from '@onestop/domain';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../db/schema';
import type { FieldCipher } from '../../platform/crypto';
import { classifyQuery } from '../matters';
import { identityHash, likeEscape, phoneHash } from '../parties';
import { MATTER_TITLE_SQL, priorityList } from './cases.presenter';
import type { CaseTrack } from './cases.tables';
import { stateLabel, TRACKS } from './cases.tracks';

export interface QueueFilters {
  track?: CaseTrack | undefined;
  status?: string | undefined;
  /** 'any' or one flag (wage_arrears, work_injury, …). */
  priority?: string | undefined;
  /** Nearest running clock due on or before this date. */
  dueBefore?: string | undefined;
  jurisdictionId?: string | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
}

/** Which cases a queue holds; every condition is ANDed with the filters. */
export interface QueueScope {
  /** Tracks with the jurisdictions searched in each (null: any jurisdiction, e.g. cases assigned to me). */
  byTrack: { track: CaseTrack; jurisdictions: string[] | null }[];
  assigneeUserId?: string | undefined;
  organizationId?: string | undefined;
  unassignedOnly?: boolean | undefined;
}

/** A row of the open-case list queries (queues, the to-do list): the case with its matter and names. */
export interface CaseListRow {
  id: string;
  number: string;
  track: CaseTrack;
  state: string;
  priority_flags: string[];
  matter_id: string;
  matter_number: string;
  title: string | null;
  jurisdiction_name: string;
  organization_name: string;
  assignee_name: string | null;
  opened_at: Date;
  due_date: string | null;
}

interface QueueRow extends CaseListRow {
  assignee_user_id: string | null;
}

/** The columns of a CaseListRow except due_date (each list computes its own), over CASE_LIST_FROM. */
export const CASE_LIST_COLUMNS = sql`c.id, c.number, c.track, c.state, c.matter_id, m.number AS matter_number, c.priority_flags,
  c.opened_at, j.name AS jurisdiction_name, o.name AS organization_name, u.display_name AS assignee_name,
  ${MATTER_TITLE_SQL} AS title`;

/** A case with its matter, jurisdiction, organisation and assignee: what a case list row is read from. */
export const CASE_LIST_FROM = sql`track_case c
  JOIN matter m ON m.id = c.matter_id
  JOIN jurisdiction j ON j.id = c.jurisdiction_id
  JOIN organization o ON o.id = c.organization_id
  LEFT JOIN app_user u ON u.id = c.assignee_user_id`;

/** A case as an item of a list (queue or to-do list): opens the case page, titled by its matter. */
export function caseListItem(r: CaseListRow) {
  return {
    id: r.id,
    kind: 'case' as const,
    number: r.number,
    title: r.title ?? r.matter_number,
    status: r.state,
    statusLabel: stateLabel(r.track, r.state),
    dueDate: r.due_date ? String(r.due_date).slice(0, 10) : null,
    priority: r.priority_flags.length > 0,
    priorityFlags: priorityList(r.priority_flags),
    track: r.track,
    trackLabel: TRACKS[r.track].label,
    matterId: r.matter_id,
    matterNumber: r.matter_number,
    jurisdictionName: r.jurisdiction_name,
    organizationName: r.organization_name,
    assigneeName: r.assignee_name,
    openedAt: new Date(r.opened_at).toISOString(),
    link: `/cases/${r.id}`,
  };
}

/**
 * The search text as SQL: case or matter number (exact), ID number / credit code / phone (exact by
 * keyed hash: the plain values are encrypted), or party / employer name (infix; pg_trgm serves
 * three characters and more).
 */
export function queueSearch(cipher: FieldCipher, q: string): RawBuilder<boolean> {
  const t = q.trim();
  const by = classifyQuery(t);
  if (by === 'none') return sql<boolean>`TRUE`;
  if (by === 'number') return sql<boolean>`(c.number = ${t} OR m.number = ${t})`;
  if (by === 'identity') {
    const compact = t.replace(/[\s-]/g, '').toUpperCase();
    const hashes = [identityHash(cipher, 'worker', compact), identityHash(cipher, 'employer', compact)];
    const phone = validatePhone(t);
    if (phone.ok) hashes.push(phoneHash(cipher, phone.normalized));
    return sql<boolean>`c.matter_id IN (SELECT mp.matter_id FROM matter_party mp JOIN party p ON p.id = mp.party_id
      WHERE p.identity_hash = ANY(${hashes}::text[]) OR p.phone_hash = ANY(${hashes}::text[]))`;
  }
  return sql<boolean>`(c.number LIKE ${`${likeEscape(t)}%`} OR c.matter_id IN (
    SELECT mp.matter_id FROM matter_party mp JOIN party p ON p.id = mp.party_id WHERE p.name LIKE ${`%${likeEscape(t)}%`}))`;
}

/** Open cases of a queue: priority cases first, then the nearest due date, then the oldest. */
export async function queueCases(db: Kysely<DB>, cipher: FieldCipher, scope: QueueScope, f: QueueFilters) {
  const parts = scope.byTrack.filter(
    (b) => (!f.track || b.track === f.track) && (!b.jurisdictions || b.jurisdictions.length),
  );
  if (!parts.length) return { items: [], hasMore: false };
  const byTrack = parts.map((b) =>
    b.jurisdictions
      ? sql`(c.track = ${b.track} AND c.jurisdiction_id = ANY(${b.jurisdictions}::uuid[]))`
      : sql`c.track = ${b.track}`,
  );
  const where: RawBuilder<unknown>[] = [sql`NOT c.closed`, sql`(${sql.join(byTrack, sql` OR `)})`];
  if (scope.assigneeUserId) where.push(sql`c.assignee_user_id = ${scope.assigneeUserId}`);
  if (scope.organizationId) where.push(sql`c.organization_id = ${scope.organizationId}`);
  if (scope.unassignedOnly) where.push(sql`c.assignee_user_id IS NULL`);
  if (f.status) where.push(sql`c.state = ${f.status}`);
  if (f.jurisdictionId) where.push(sql`c.jurisdiction_id = ${f.jurisdictionId}`);
  if (f.priority === 'any') where.push(sql`cardinality(c.priority_flags) > 0`);
  else if (f.priority) where.push(sql`c.priority_flags @> ARRAY[${f.priority}]::text[]`);
  if (f.dueBefore) where.push(sql`d.due_date <= ${f.dueBefore}`);
  if (f.q) where.push(queueSearch(cipher, f.q));
  const rows = await sql<QueueRow>`
    SELECT ${CASE_LIST_COLUMNS}, c.assignee_user_id, d.due_date
      FROM ${CASE_LIST_FROM}
      LEFT JOIN LATERAL (
        SELECT min(k.due_date)::text AS due_date FROM clock k
         WHERE k.subject_type = 'case' AND k.subject_id = c.id AND k.status IN ('running', 'extended')) d ON TRUE
     WHERE ${sql.join(where, sql` AND `)}
     ORDER BY (cardinality(c.priority_flags) > 0) DESC, d.due_date ASC NULLS LAST, c.opened_at, c.id
     LIMIT ${f.pageSize + 1} OFFSET ${(f.page - 1) * f.pageSize}`.execute(db);
  const hasMore = rows.rows.length > f.pageSize;
  return {
    hasMore,
    items: rows.rows.slice(0, f.pageSize).map(caseListItem),
  };
}
