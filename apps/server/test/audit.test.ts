import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { type AuditAnchor, createAnchor, verifyAuditChain } from '../src/platform/audit-verify';
import { signedIn, useTestServer } from './harness';

describe('audit trail', () => {
  const env = useTestServer();

  /** Runs owner-only statements on one client, then hands it back to the app role. */
  const asOwner = (statements: string[]) =>
    env.server.database.withOwner(async (client) => {
      for (const s of statements) await client.query(s);
    });

  /** Writes a few audit rows through the API. */
  async function someWrites() {
    const admin = await signedIn(env, 'admin');
    const users = (await admin.get('/api/admin/users?q=court')).body.items;
    const r = await admin.patch(`/api/admin/users/${users[0].id}`, {
      version: users[0].version,
      phone: `139${String(Date.now()).slice(-8)}`,
    });
    expect(r.status).toBe(200);
  }

  it('records writes with who, role, where and before/after, and the chain verifies', async () => {
    const admin = await signedIn(env, 'admin');
    const users = (await admin.get('/api/admin/users?q=court')).body.items;
    await admin.patch(`/api/admin/users/${users[0].id}`, {
      version: users[0].version,
      displayName: '孙丽丽',
    });
    const r = await admin.get('/api/admin/audit?action=user.update');
    const rec = r.body.items[0];
    expect(rec).toMatchObject({ actorName: '系统管理员', actorRole: 'sysadmin', entityType: 'user' });
    expect(rec.ip).toBeTruthy();
    expect(rec.before.displayName).toBe('孙丽');
    expect(rec.after.displayName).toBe('孙丽丽');
    const v = await admin.get('/api/admin/audit/verify');
    expect(v.body.ok).toBe(true);
    expect(v.body.checked).toBeGreaterThan(3);
  });

  it('the app role may only read and append: no update, delete, truncate or trigger switch', async () => {
    const { db } = env.server.database;
    expect((await sql<{ u: string }>`SELECT current_user AS u`.execute(db)).rows[0]!.u).toBe('onestop_app');
    await expect(sql`UPDATE audit_log SET summary = 'x' WHERE seq = 1`.execute(db)).rejects.toThrow(
      /permission denied/,
    );
    await expect(sql`DELETE FROM audit_log WHERE seq = 1`.execute(db)).rejects.toThrow(/permission denied/);
    await expect(sql`TRUNCATE audit_log`.execute(db)).rejects.toThrow(/permission denied/);
    await expect(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(db)).rejects.toThrow(
      /must be owner/,
    );
    await expect(sql`UPDATE audit_stream SET alg = 'sha256' WHERE id = 1`.execute(db)).rejects.toThrow(
      /permission denied/,
    );
    // Even the owner meets the append-only triggers unless it switches them off.
    await expect(asOwner(['UPDATE audit_log SET summary = summary WHERE seq = 1'])).rejects.toThrow(
      /append-only/,
    );
    await expect(asOwner(['TRUNCATE audit_log'])).rejects.toThrow(/append-only/);
    expect((await sql<{ u: string }>`SELECT current_user AS u`.execute(db)).rows[0]!.u).toBe('onestop_app');
  });

  it('catches a row edited by the owner, and a deleted tail row', async () => {
    const { db } = env.server.database;
    await someWrites();
    const victim = await db
      .selectFrom('audit_log')
      .select(['seq', 'summary'])
      .where('stream', '>', 0)
      .orderBy('seq')
      .executeTakeFirstOrThrow();
    await asOwner([
      'ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update',
      `UPDATE audit_log SET summary = summary || '（篡改）' WHERE seq = ${victim.seq}`,
    ]);
    try {
      let v = await verifyAuditChain(db);
      expect(v).toMatchObject({ ok: false, firstBadSeq: victim.seq });
      await asOwner([
        `UPDATE audit_log SET summary = replace(summary, '（篡改）', '') WHERE seq = ${victim.seq}`,
      ]);
      expect((await verifyAuditChain(db)).ok).toBe(true);
      const last = await db
        .selectFrom('audit_log')
        .select('seq')
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      await asOwner([
        `CREATE TABLE audit_saved_tail AS SELECT * FROM audit_log WHERE seq = ${last.seq}`,
        `DELETE FROM audit_log WHERE seq = ${last.seq}`,
      ]);
      v = await verifyAuditChain(db);
      expect(v.ok).toBe(false);
      expect(v.message).toMatch(/末尾记录缺失/);
      await asOwner(['INSERT INTO audit_log SELECT * FROM audit_saved_tail', 'DROP TABLE audit_saved_tail']);
      expect((await verifyAuditChain(db)).ok).toBe(true);
    } finally {
      await asOwner(['ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update']);
    }
  });

  it('anchors detect a truncated log with reset heads, and a chain rewritten without the key', async () => {
    const { db } = env.server.database;
    await someWrites();
    const anchor: AuditAnchor = await createAnchor(db);
    expect(anchor.streams.map((s) => s.id)).toEqual(Array.from({ length: 17 }, (_, i) => i));
    expect(anchor.total).toBe(
      Number(
        (
          await db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    );
    expect((await verifyAuditChain(db, { anchors: [anchor] })).ok).toBe(true);
    const busy = anchor.streams.find((s) => s.id > 0 && s.seq > 0)!;

    // Rewritten chain: an owner replaces one stream's hashes and fixes up its head to match.
    const rows = await db
      .selectFrom('audit_log')
      .select(['seq', 'hash'])
      .where('stream', '=', busy.id)
      .orderBy('stream_seq')
      .execute();
    const head = rows.at(-1)!;
    await asOwner([
      'ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update',
      `UPDATE audit_log SET hash = md5(hash), prev_hash = md5(prev_hash) WHERE stream = ${busy.id}`,
      `UPDATE audit_log SET prev_hash = 'GENESIS' WHERE stream = ${busy.id} AND stream_seq = 1`,
      `UPDATE audit_stream SET hash = md5('${head.hash}') WHERE id = ${busy.id}`,
    ]);
    try {
      const rewritten = await verifyAuditChain(db, { anchors: [anchor] });
      expect(rewritten.ok).toBe(false);
      expect(rewritten.message).toMatch(/不符/);
    } finally {
      await asOwner([
        ...rows.map(
          (r, i) =>
            `UPDATE audit_log SET hash = '${r.hash}', prev_hash = '${i === 0 ? 'GENESIS' : rows[i - 1]!.hash}' WHERE seq = ${r.seq}`,
        ),
        `UPDATE audit_stream SET hash = '${head.hash}' WHERE id = ${busy.id}`,
        'ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update',
      ]);
    }
    expect((await verifyAuditChain(db, { anchors: [anchor] })).ok).toBe(true);

    // Emptied stream with its head reset to the start: the chain alone looks whole, the anchor does not.
    const saved = `audit_saved_${busy.id}`;
    await asOwner([
      `CREATE TABLE ${saved} AS SELECT * FROM audit_log WHERE stream = ${busy.id}`,
      'ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update',
      `DELETE FROM audit_log WHERE stream = ${busy.id}`,
      `UPDATE audit_stream SET seq = 0, hash = 'GENESIS' WHERE id = ${busy.id}`,
    ]);
    try {
      expect((await verifyAuditChain(db)).ok).toBe(true);
      const emptied = await verifyAuditChain(db, { anchors: [anchor] });
      expect(emptied.ok).toBe(false);
      expect(emptied.message).toContain(`审计链 ${busy.id} 比`);
    } finally {
      await asOwner([
        `INSERT INTO audit_log SELECT * FROM ${saved}`,
        `UPDATE audit_stream SET seq = ${rows.length}, hash = '${head.hash}' WHERE id = ${busy.id}`,
        `DROP TABLE ${saved}`,
        'ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update',
      ]);
    }
    expect((await verifyAuditChain(db, { anchors: [anchor] })).ok).toBe(true);
  });
});
