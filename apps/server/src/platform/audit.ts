import { createHmac } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { sha256Hex } from './crypto';

/**
 * Audit trail: append-only, tamper-evident, and not a bottleneck.
 *
 * Design
 * - appendAudit(trx, …) only BUFFERS the entry on its transaction. The unit of work
 *   (platform/unit-of-work.ts) flushes the buffer as the last statements before COMMIT, so audit
 *   rows are always written after numbers and business rows, in one fixed lock order.
 * - The log is split into STREAMS (audit_stream rows 1..16), each an independent hash chain with
 *   its own head (seq + hash). At flush a transaction locks ONE stream head — the first free one
 *   (FOR UPDATE SKIP LOCKED, random order), waiting only when all are busy — and appends all of its
 *   entries to that stream. Concurrent writers therefore spread over 16 heads instead of queueing
 *   on one row, and since the head is the last lock taken and held only until COMMIT, it cannot
 *   close a deadlock cycle. A deadlock elsewhere re-runs the whole unit of work.
 * - Each row's hash = HMAC-SHA-256(audit key, canonical JSON of prev_hash, stream, stream_seq and
 *   the row's content). The audit key is derived (HKDF) from AUDIT_KEY, which is kept apart from
 *   the database: whoever can write the database but not read the key cannot forge or re-chain
 *   rows. Stream 0 is the chain written before streams existed (plain SHA-256, closed).
 * - The app's database role may only SELECT/INSERT audit_log and advance heads (migration 0020);
 *   triggers refuse UPDATE, DELETE and TRUNCATE; only the owner could disable them.
 * - What an owner could still do — delete whole chains or cut their tails and roll the heads back —
 *   is caught by ANCHORS: `cli audit anchor` appends every head (stream, seq, hash) and the total
 *   count, MAC'd, to a JSONL file kept outside the database host. `audit verify` walks every chain
 *   and checks that each anchored (stream, seq) still exists with the anchored hash.
 */

/** Who did something, from where, in which capacity. */
export interface Actor {
  id: string | null;
  name: string;
  role: string | null;
  ip: string | null;
  /** Why the system acted (the system actor only: platform/system.ts `systemActor(reason)`). */
  reason?: string | undefined;
}

/** The system as an actor (platform/system.ts: `systemActor(reason)` adds why it acted). */
export const SYSTEM_ACTOR: Actor = { id: null, name: '系统', role: 'system', ip: null };

export interface AuditEntry {
  action: string; // e.g. 'user.create', 'party.pii.view'
  entityType: string;
  entityId?: string | null;
  summary: string; // Chinese, for the admin search page
  before?: unknown;
  after?: unknown;
}

/** Streams new entries go to (row 0 is the closed pre-stream chain). */
export const AUDIT_STREAMS = 16;

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
  stream: number;
  stream_seq: number;
  at: Date;
  actor_id: string | null;
  actor_name: string;
  actor_role: string | null;
  /** Why the system acted (migration 0089); null for a person and for rows written before. */
  actor_reason?: string | null;
  ip: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  summary: string;
  before: unknown;
  after: unknown;
  prev_hash: string;
}

function content(r: AuditRowForHash): unknown[] {
  return [
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
    // Hashed only when present: rows written before 0089 (and a person's rows) keep their hashes.
    ...(r.actor_reason ? [r.actor_reason] : []),
  ];
}

/** Keyed hash of a row of streams 1..n. */
export function auditHash(key: Buffer, r: AuditRowForHash): string {
  const msg = canonicalJson([r.prev_hash, r.stream, r.stream_seq, ...content(r)]);
  return createHmac('sha256', key).update(msg).digest('hex');
}

/** Hash of a row of stream 0, the chain written before streams (global seq = stream_seq). */
export function legacyAuditHash(r: AuditRowForHash): string {
  return sha256Hex(canonicalJson([r.prev_hash, r.stream_seq, ...content(r)]));
}

interface Buffered {
  actor: Actor;
  entry: AuditEntry;
  at: Date;
}

const buffers = new WeakMap<object, Buffered[]>();

/** Called by the unit of work when its transaction starts. */
export function beginAuditBuffer(trx: Transaction<DB>): void {
  buffers.set(trx, []);
}

/**
 * Records an audit entry as part of the caller's transaction. The entry is written when the
 * transaction commits (see the design note above); if it rolls back, the entry is gone with it.
 */
export async function appendAudit(trx: Transaction<DB>, actor: Actor, entry: AuditEntry): Promise<void> {
  const buffer = buffers.get(trx);
  if (!buffer) throw new Error('appendAudit needs a transaction opened by the unit-of-work database');
  buffer.push({ actor, entry, at: new Date() });
}

const jsonOrNull = (v: unknown) => (v === undefined ? null : JSON.parse(canonicalJson(v)));

/** Writes the transaction's buffered entries to one stream; the last statements before COMMIT. */
export async function flushAudit(trx: Transaction<DB>, key: Buffer): Promise<void> {
  const buffer = buffers.get(trx);
  buffers.delete(trx);
  if (!buffer || buffer.length === 0) return;
  let head = (
    await sql<{ id: number; seq: number; hash: string }>`
      SELECT id, seq, hash FROM audit_stream WHERE id BETWEEN 1 AND ${AUDIT_STREAMS}
      ORDER BY random() LIMIT 1 FOR UPDATE SKIP LOCKED`.execute(trx)
  ).rows[0];
  if (!head) {
    // Every stream is busy: wait for a random one.
    const id = 1 + Math.floor(Math.random() * AUDIT_STREAMS);
    head = await trx
      .selectFrom('audit_stream')
      .select(['id', 'seq', 'hash'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirstOrThrow();
  }
  let prev = head.hash;
  let seq = head.seq;
  const rows = buffer.map(({ actor, entry, at }) => {
    seq += 1;
    const row: AuditRowForHash = {
      stream: head.id,
      stream_seq: seq,
      at,
      actor_id: actor.id,
      actor_name: actor.name,
      actor_role: actor.role,
      actor_reason: actor.id === null && actor.role === 'system' ? (actor.reason ?? null) : null,
      ip: actor.ip,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId ?? null,
      summary: entry.summary,
      before: jsonOrNull(entry.before),
      after: jsonOrNull(entry.after),
      prev_hash: prev,
    };
    prev = auditHash(key, row);
    return {
      ...row,
      before: row.before === null ? null : JSON.stringify(row.before),
      after: row.after === null ? null : JSON.stringify(row.after),
      hash: prev,
    };
  });
  await trx.insertInto('audit_log').values(rows).execute();
  await trx.updateTable('audit_stream').set({ seq, hash: prev }).where('id', '=', head.id).execute();
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

/** The audit key a unit-of-work database was opened with. */
export function auditKeyOf(db: Kysely<DB>): Buffer {
  const key = (db as { auditKey?: unknown }).auditKey;
  if (!Buffer.isBuffer(key)) throw new Error('database was not opened with an audit key');
  return key;
}

export { verifyAuditChain, type VerifyResult } from './audit-verify';
