import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/platform/audit';
import { signedIn, useTestServer } from './harness';

describe('audit trail', () => {
  const env = useTestServer();

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

  it('is append-only in the database', async () => {
    const { db } = env.server.database;
    await expect(sql`UPDATE audit_log SET summary = 'x' WHERE seq = 1`.execute(db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`DELETE FROM audit_log WHERE seq = 1`.execute(db)).rejects.toThrow(/append-only/);
  });

  it('catches a row edited by hand, and a deleted row', async () => {
    const { db } = env.server.database;
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(db);
    await sql`UPDATE audit_log SET summary = summary || '（篡改）' WHERE seq = 2`.execute(db);
    let v = await verifyAuditChain(db);
    expect(v).toMatchObject({ ok: false, firstBadSeq: 2 });
    await sql`UPDATE audit_log SET summary = replace(summary, '（篡改）', '') WHERE seq = 2`.execute(db);
    expect((await verifyAuditChain(db)).ok).toBe(true);
    const last = await db
      .selectFrom('audit_log')
      .select('seq')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    await sql`DELETE FROM audit_log WHERE seq = ${last.seq}`.execute(db);
    v = await verifyAuditChain(db);
    expect(v.ok).toBe(false);
    expect(v.message).toMatch(/缺失/);
    await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`.execute(db);
  });
});
