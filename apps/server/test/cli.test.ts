import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/database';
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
  it('creates the first admin, who must change the initial password', async () => {
    const { env, drop } = await freshDatabaseEnv();
    drops.push(drop);
    const prod = { ...env, DEMO_MODE: 'false', SECRET_KEY: 'x'.repeat(40) };
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

  it('audit verify reports a row edited by hand', async () => {
    const { env, drop } = await freshDatabaseEnv();
    drops.push(drop);
    expect((await runCli(['seed', '--demo'], env)).code).toBe(0);
    const good = await runCli(['audit', 'verify'], env);
    expect(good.code, good.out).toBe(0);
    expect(good.out).toContain('审计日志完整');
    await withDb(env, async ({ db }) => {
      await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(db);
      await sql`UPDATE audit_log SET actor_name = '张三' WHERE seq = 1`.execute(db);
    });
    const bad = await runCli(['audit', 'verify'], env);
    expect(bad.code).toBe(2);
    expect(bad.out).toContain('第 1 条');
  });

  it('restores a backup into an empty database with the same row counts and content hashes', async () => {
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
    expect(d1.out).toMatch(/app_user\t11\t[0-9a-f]{32}/);
    // The restored chain still verifies, and a second restore without --force is refused.
    expect((await runCli(['audit', 'verify'], target.env)).code).toBe(0);
    const again = await runCli(['restore', file], target.env);
    expect(again.code).toBe(1);
    expect(again.out).toContain('--force');
  });
});
