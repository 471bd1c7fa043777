import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { sha256Hex } from './crypto';

/** Who did something, from where, in which capacity. */
export interface Actor {
  id: string | null;
  name: string;
  role: string | null;
  ip: string | null;
}

export const SYSTEM_ACTOR: Actor = { id: null, name: '系统', role: 'system', ip: null };

export interface AuditEntry {
  action: string; // e.g. 'user.create', 'party.pii.view'
  entityType: string;
  entityId?: string | null;
  summary: string; // Chinese, for the admin search page
  before?: unknown;
  after?: unknown;
}

/** JSON with object keys sorted recursively, so that a hash computed now verifies after jsonb storage. */
export function canonicalJson(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export interface AuditRowForHash {
  seq: number;
  at: Date;
  actor_id: string | null;
  actor_name: string;
  actor_role: string | null;
  ip: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  summary: string;
  before: unknown;
  after: unknown;
  prev_hash: string;
}

export function auditHash(r: AuditRowForHash): string {
  return sha256Hex(
    canonicalJson([
      r.prev_hash,
      r.seq,
      r.at.toISOString(),
      r.actor_id,
      r.actor_name,
      r.actor_role,
      r.ip,
      r.action,
      r.entity_type,
      r.entity_id,
      r.summary,
      r.before ?? null,
      r.after ?? null,
    ]),
  );
}

/**
 * Appends one audit record inside the caller's transaction, chained to the previous record.
 * The head row is locked (FOR UPDATE), which orders concurrent writers on one chain.
 */
export async function appendAudit(trx: Transaction<DB>, actor: Actor, entry: AuditEntry): Promise<void> {
  const head = await trx
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const row: AuditRowForHash = {
    seq: head.seq + 1,
    at: new Date(),
    actor_id: actor.id,
    actor_name: actor.name,
    actor_role: actor.role,
    ip: actor.ip,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId ?? null,
    summary: entry.summary,
    before: entry.before === undefined ? null : JSON.parse(canonicalJson(entry.before)),
    after: entry.after === undefined ? null : JSON.parse(canonicalJson(entry.after)),
    prev_hash: head.hash,
  };
  const hash = auditHash(row);
  await trx
    .insertInto('audit_log')
    .values({
      ...row,
      before: row.before === null ? null : JSON.stringify(row.before),
      after: row.after === null ? null : JSON.stringify(row.after),
      hash,
    })
    .execute();
  await trx.updateTable('audit_head').set({ seq: row.seq, hash }).where('id', '=', 1).execute();
}

/** Runs `fn` and its audit record in one transaction. */
export async function withAudit<T>(
  db: Kysely<DB>,
  actor: Actor,
  fn: (trx: Transaction<DB>) => Promise<{ result: T; audit: AuditEntry | AuditEntry[] }>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const { result, audit } = await fn(trx);
    for (const entry of Array.isArray(audit) ? audit : [audit]) await appendAudit(trx, actor, entry);
    return result;
  });
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBadSeq: number | null;
  message: string;
}

/** Walks the chain in order and reports the first record that was edited, inserted or deleted. */
export async function verifyAuditChain(db: Kysely<DB>): Promise<VerifyResult> {
  let prevHash = 'GENESIS';
  let expectedSeq = 1;
  let checked = 0;
  const pageSize = 2000;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    for (const r of rows) {
      if (r.seq !== expectedSeq) {
        return {
          ok: false,
          checked,
          firstBadSeq: expectedSeq,
          message: `审计日志第 ${expectedSeq} 条缺失（已被删除）`,
        };
      }
      const recomputed = auditHash({ ...r, at: new Date(r.at) });
      if (r.prev_hash !== prevHash || recomputed !== r.hash) {
        return {
          ok: false,
          checked,
          firstBadSeq: r.seq,
          message: `审计日志第 ${r.seq} 条与哈希链不符（记录被修改）`,
        };
      }
      prevHash = r.hash;
      expectedSeq++;
      checked++;
    }
    if (rows.length < pageSize) break;
  }
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).executeTakeFirst();
  if (!head || head.seq !== checked || head.hash !== prevHash) {
    return {
      ok: false,
      checked,
      firstBadSeq: checked + 1,
      message: `审计日志末尾记录缺失：应有 ${head?.seq ?? '?'} 条，实有 ${checked} 条`,
    };
  }
  return { ok: true, checked, firstBadSeq: null, message: `审计日志完整：共校验 ${checked} 条` };
}

/** Used by backup/restore to check whole-table equality. */
export async function tableRowCount(db: Kysely<DB>, table: keyof DB): Promise<number> {
  const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(db);
  return r.rows[0]?.n ?? 0;
}
