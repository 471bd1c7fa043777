import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/database';
import { FieldCipher, keyIdOf } from '../src/platform/crypto';
import { DEMO_USERS } from '../src/seed/demo';
import { Client } from './harness';
import { freshDatabaseEnv, runCli, spawnServer, waitExit } from './processes';

const drops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const d of drops) await d();
});

async function withDb<T>(
  env: Record<string, string>,
  fn: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>,
) {
  const database = await openDatabase({
    databaseUrl: env.DATABASE_URL,
    pgliteDir: env.PGLITE_DIR ?? 'memory://',
    poolMax: 2,
  });
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

describe('command line: create-admin, audit verify, backup and restore', () => {
  it('creates the first admin, who must change the initial password', { timeout: 600_000 }, async () => {
    const { env, drop } = await freshDatabaseEnv();
    drops.push(drop);
    const prod = { ...env, DEMO_MODE: 'false', SECRET_KEY: 'x'.repeat(40), AUDIT_KEY: 'a'.repeat(40) };
    const weak = await runCli(['create-admin', '--username', 'root1', '--password', 'short'], prod);
    expect(weak.code).toBe(1);
    expect(weak.out).toContain('密码不符合要求');
    const ok = await runCli(
      ['create-admin', '--username', 'root1', '--name', '管理员甲', '--password', 'First#Admin2026'],
      prod,
    );
    expect(ok.code, ok.out).toBe(0);
    const { child, url } = await spawnServer(prod);
    try {
      const c = new Client(url);
      const r = await c.login('root1', 'First#Admin2026');
      expect(r.status).toBe(200);
      expect(r.body.user.mustChangePassword).toBe(true);
      expect(r.body.user.demoMode).toBe(false);
      expect((await c.get('/api/admin/users')).status).toBe(403);
      expect(
        (
          await c.post('/api/auth/password', {
            currentPassword: 'First#Admin2026',
            newPassword: 'Second#Admin2026',
          })
        ).status,
      ).toBe(204);
      expect((await c.get('/api/admin/users')).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
      await waitExit(child);
    }
  });

  it('audit verify reports a row edited by hand', { timeout: 600_000 }, async () => {
    const { env, drop } = await freshDatabaseEnv();
    drops.push(drop);
    expect((await runCli(['seed', '--demo'], env)).code).toBe(0);
    const good = await runCli(['audit', 'verify'], env);
    expect(good.code, good.out).toBe(0);
    expect(good.out).toContain('审计日志完整');
    // The command line connects as the owner (no app role): only the owner can switch the trigger off.
    await withDb(env, async ({ db }) => {
      await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(db);
      await sql`UPDATE audit_log SET actor_name = '张三' WHERE seq = 1`.execute(db);
    });
    const bad = await runCli(['audit', 'verify'], env);
    expect(bad.code).toBe(2);
    expect(bad.out).toContain('第 1 条');
  });

  it('audit anchor exports the heads; verify against it detects a TRUNCATE with reset heads', {
    timeout: 600_000,
  }, async () => {
    const { env, drop } = await freshDatabaseEnv();
    drops.push(drop);
    expect((await runCli(['seed', '--demo'], env)).code).toBe(0);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'onestop-anchor-')), 'anchors.jsonl');
    const a = await runCli(['audit', 'anchor', '--out', file], env);
    expect(a.code, a.out).toBe(0);
    expect(a.out).toContain('17 条链');
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1);
    const anchor = JSON.parse(lines[0]!);
    const total = anchor.streams.reduce((n: number, s: { seq: number }) => n + s.seq, 0);
    expect(total).toBe(anchor.total);
    expect(total).toBeGreaterThan(0);
    const ok = await runCli(['audit', 'verify', '--anchors', file], env);
    expect(ok.code, ok.out).toBe(0);
    expect(ok.out).toContain(`共校验 ${total} 条，与 1 个锚点一致`);
    // An owner empties the log and resets every head: the chains alone look whole, the anchor does not.
    await withDb(env, async ({ db }) => {
      await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_truncate`.execute(db);
      await sql`TRUNCATE audit_log`.execute(db);
      await sql`UPDATE audit_stream SET seq = 0, hash = 'GENESIS'`.execute(db);
    });
    expect((await runCli(['audit', 'verify'], env)).code).toBe(0);
    const bad = await runCli(['audit', 'verify', '--anchors', file], env);
    expect(bad.code).toBe(2);
    expect(bad.out).toMatch(/比 .* 的锚点短/);
    // A forged anchor line (wrong MAC) is refused.
    const forged = path.join(path.dirname(file), 'forged.jsonl');
    writeFileSync(forged, `${JSON.stringify({ ...anchor, total: 0 })}\n`);
    const f = await runCli(['audit', 'verify', '--anchors', forged], env);
    expect(f.code).toBe(2);
    expect(f.out).toContain('第 1 行无效');
  });

  it('rekey re-encrypts every encrypted field with the new key, resumably', {
    timeout: 600_000,
  }, async () => {
    const { env, drop } = await freshDatabaseEnv();
    drops.push(drop);
    const oldKey = 'old-secret-key-'.padEnd(40, 'o');
    const newKey = 'new-secret-key-'.padEnd(40, 'n');
    expect((await runCli(['seed', '--demo'], { ...env, SECRET_KEY: oldKey })).code).toBe(0);
    const phones = async () =>
      withDb(env, async ({ db }) =>
        (
          await db
            .selectFrom('app_user')
            .select(['username', 'phone_enc'])
            .where('phone_enc', 'is not', null)
            .orderBy('username')
            .execute()
        ).map((u) => [u.username, u.phone_enc!] as const),
      );
    const before = await phones();
    expect(before.length).toBeGreaterThan(0);
    expect(before.every(([, v]) => v.startsWith(`v2.${keyIdOf(oldKey)}.`))).toBe(true);
    const rotated = { ...env, SECRET_KEY: newKey, SECRET_KEY_PREVIOUS: oldKey, LOOKUP_KEY: oldKey };
    const r = await runCli(['rekey'], rotated);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain(`app_user.phone_enc：${before.length}/${before.length}`);
    expect(r.out).toContain(`本次改写 ${before.length} 项（密钥 ${keyIdOf(newKey)}）`);
    const after = await phones();
    const oldCipher = new FieldCipher(oldKey);
    const newCipher = new FieldCipher(newKey);
    expect(after.map(([u, v]) => [u, newCipher.decrypt(v)])).toEqual(
      before.map(([u, v]) => [u, oldCipher.decrypt(v)]),
    );
    expect(after.every(([, v]) => v.startsWith(`v2.${keyIdOf(newKey)}.`))).toBe(true);
    const again = await runCli(['rekey'], rotated);
    expect(again.code, again.out).toBe(0);
    expect(again.out).toContain('本次改写 0 项');
    expect((await runCli(['audit', 'verify'], rotated)).code).toBe(0);
  });

  it('restores a backup into an empty database with the same row counts and content hashes', {
    timeout: 600_000,
  }, async () => {
    const source = await freshDatabaseEnv();
    const target = await freshDatabaseEnv();
    drops.push(source.drop, target.drop);
    expect((await runCli(['seed', '--demo'], source.env)).code).toBe(0);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'onestop-bak-')), 'backup.jsonl.gz');
    const b = await runCli(['backup', file], source.env);
    expect(b.code, b.out).toBe(0);
    expect((await runCli(['migrate'], target.env)).code).toBe(0);
    const r = await runCli(['restore', file], target.env);
    expect(r.code, r.out).toBe(0);
    const d1 = await runCli(['digest'], source.env);
    const d2 = await runCli(['digest'], target.env);
    expect(d2.out).toBe(d1.out);
    // Every demo account (16 today) came across.
    expect(DEMO_USERS).toHaveLength(16);
    expect(d1.out).toMatch(new RegExp(`app_user\t${DEMO_USERS.length}\t[0-9a-f]{32}`));
    // The restored chain still verifies, and a second restore without --force is refused.
    expect((await runCli(['audit', 'verify'], target.env)).code).toBe(0);
    const again = await runCli(['restore', file], target.env);
    expect(again.code).toBe(1);
    expect(again.out).toContain('--force');
  });
});
