import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema';
import { auditHash, auditKeyOf, canonicalJson, legacyAuditHash } from './audit';

/** Verification of the audit streams and of exported anchors (design: see audit.ts). */

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBadSeq: number | null;
  message: string;
}

export interface AnchorHead {
  id: number;
  seq: number;
  hash: string;
}

export interface AuditAnchor {
  format: 'onestop-audit-anchor';
  at: string;
  total: number;
  streams: AnchorHead[];
  mac: string;
}

const ANCHOR_FORMAT = 'onestop-audit-anchor';

function anchorMac(key: Buffer, a: Omit<AuditAnchor, 'mac'>): string {
  return createHmac('sha256', key)
    .update(canonicalJson({ format: a.format, at: a.at, total: a.total, streams: a.streams }))
    .digest('hex');
}

/** The current heads of every stream and the row count, MAC'd with the audit key. */
export async function createAnchor(db: Kysely<DB>): Promise<AuditAnchor> {
  const key = auditKeyOf(db);
  // One snapshot: heads and count agree even while the application writes.
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const streams = await trx
        .selectFrom('audit_stream')
        .select(['id', 'seq', 'hash'])
        .orderBy('id')
        .execute();
      const total = await trx
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const body = {
        format: ANCHOR_FORMAT,
        at: new Date().toISOString(),
        total: Number(total.n),
        streams,
      } as const;
      return { ...body, mac: anchorMac(key, body) };
    });
}

/** Appends a fresh anchor to `file` (JSONL, 0600): the CLI's `audit anchor` and the daily task. */
export async function appendAnchor(db: Kysely<DB>, file: string): Promise<AuditAnchor> {
  const anchor = await createAnchor(db);
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  appendFileSync(file, `${JSON.stringify(anchor)}\n`, { mode: 0o600 });
  return anchor;
}

/** Anchors from a JSONL file's text; a line whose MAC does not match is reported, not skipped. */
export function parseAnchors(text: string, key: Buffer): { anchors: AuditAnchor[]; bad: number[] } {
  const anchors: AuditAnchor[] = [];
  const bad: number[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    try {
      const a = JSON.parse(line) as AuditAnchor;
      const expected = Buffer.from(anchorMac(key, a), 'hex');
      const given = Buffer.from(String(a.mac), 'hex');
      if (
        a.format !== ANCHOR_FORMAT ||
        given.length !== expected.length ||
        !timingSafeEqual(given, expected)
      ) {
        bad.push(i + 1);
      } else anchors.push(a);
    } catch {
      bad.push(i + 1);
    }
  });
  return { anchors, bad };
}

const fail = (checked: number, firstBadSeq: number | null, message: string): VerifyResult => ({
  ok: false,
  checked,
  firstBadSeq,
  message,
});

/**
 * Walks every stream in order and reports the first record that was edited, inserted or deleted,
 * then checks every anchor: each anchored head must still be in its chain with the same hash.
 */
export async function verifyAuditChain(
  db: Kysely<DB>,
  opts: { anchors?: AuditAnchor[] } = {},
): Promise<VerifyResult> {
  const key = auditKeyOf(db);
  const pageSize = 2000;
  const streams = await db.selectFrom('audit_stream').selectAll().orderBy('id').execute();
  const streamIds = new Set(streams.map((s) => s.id));
  let checked = 0;
  for (const s of streams) {
    let prevHash = 'GENESIS';
    let expected = 1;
    for (;;) {
      const rows = await db
        .selectFrom('audit_log')
        .selectAll()
        .where('stream', '=', s.id)
        .where('stream_seq', '>=', expected)
        .orderBy('stream_seq')
        .limit(pageSize)
        .execute();
      for (const r of rows) {
        if (r.stream_seq !== expected) {
          return fail(checked, null, `审计链 ${s.id} 第 ${expected} 条缺失（已被删除）`);
        }
        const row = { ...r, at: new Date(r.at) };
        const recomputed = s.id === 0 ? legacyAuditHash(row) : auditHash(key, row);
        if (r.prev_hash !== prevHash || recomputed !== r.hash) {
          return fail(
            checked,
            r.seq,
            `审计日志第 ${r.seq} 条（链 ${s.id} 第 ${r.stream_seq} 条）与哈希链不符（记录被修改或伪造）`,
          );
        }
        prevHash = r.hash;
        expected++;
        checked++;
      }
      if (rows.length < pageSize) break;
    }
    if (s.seq !== expected - 1 || s.hash !== prevHash) {
      return fail(checked, null, `审计链 ${s.id} 末尾记录缺失：应有 ${s.seq} 条，实有 ${expected - 1} 条`);
    }
  }
  const stray = await db
    .selectFrom('audit_log')
    .select(['seq', 'stream'])
    .where('stream', 'not in', [...streamIds, -1])
    .orderBy('seq')
    .executeTakeFirst();
  if (stray) return fail(checked, stray.seq, `审计日志第 ${stray.seq} 条属于不存在的链 ${stray.stream}`);

  const anchors = opts.anchors ?? [];
  for (const a of anchors) {
    for (const h of a.streams) {
      const current = streams.find((s) => s.id === h.id);
      if (!current || current.seq < h.seq) {
        return fail(
          checked,
          null,
          `审计链 ${h.id} 比 ${a.at} 的锚点短（锚点 ${h.seq} 条，现有 ${current?.seq ?? 0} 条）：记录被删除或清空`,
        );
      }
      if (h.seq === 0) continue;
      const row = await db
        .selectFrom('audit_log')
        .select(['hash'])
        .where('stream', '=', h.id)
        .where('stream_seq', '=', h.seq)
        .executeTakeFirst();
      if (!row || row.hash !== h.hash) {
        return fail(checked, null, `审计链 ${h.id} 第 ${h.seq} 条与 ${a.at} 的锚点不符：哈希链被改写`);
      }
    }
  }
  const anchorNote = anchors.length ? `，与 ${anchors.length} 个锚点一致` : '';
  return { ok: true, checked, firstBadSeq: null, message: `审计日志完整：共校验 ${checked} 条${anchorNote}` };
}

/** Used by backup/restore to check whole-table equality. */
export async function tableRowCount(db: Kysely<DB>, table: keyof DB): Promise<number> {
  const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(db);
  return r.rows[0]?.n ?? 0;
}
