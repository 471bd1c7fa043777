import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema';

export type InstallationMode = 'demo' | 'production';

/** A start in the wrong mode for this database (exit 1 with this message). */
export class InstallationModeError extends Error {}

const MESSAGES: Record<InstallationMode, string> = {
  // asked for demo on a production database
  demo:
    '此数据库是正式环境数据库，拒绝以演示模式（DEMO_MODE=true）启动：演示账号的公开密码不能进入正式数据。' +
    '演示请使用新的数据库 (refusing DEMO_MODE=true on a production database: use a fresh database for a demo)',
  // asked for production on a demo database
  production:
    '此数据库是演示数据库（含公开密码的演示账号），不能作为正式环境启动：正式环境请使用新的数据库，' +
    '或设置 DEMO_MODE=true 继续演示 (this database holds the demo seed: use a fresh database for production)',
};

/**
 * Records on the first start whether this database is a demo or a production installation, and
 * refuses a later start (or a demo seed) in the other mode. Why the database and not the URL: what
 * must never happen is demo accounts with a public password inside real data, and only the
 * database knows what it holds; a fresh throwaway PostgreSQL database (tests, e2e, bench) may host
 * a demo, a database once started for production never can. A database from before this rule is
 * a demo database if its audit trail records the demo seed.
 */
export async function claimInstallationMode(
  exec: Kysely<DB> | Transaction<DB>,
  mode: InstallationMode,
): Promise<void> {
  const existing = await sql<{ mode: InstallationMode }>`SELECT mode FROM installation`.execute(exec);
  let inferred = mode;
  if (!existing.rows.length) {
    const seeded = await sql<{ demo: boolean }>`
      SELECT EXISTS (SELECT 1 FROM audit_log WHERE action = 'seed.demo') AS demo`.execute(exec);
    if (seeded.rows[0]?.demo) inferred = 'demo';
  }
  await sql`INSERT INTO installation (id, mode) VALUES (true, ${inferred}) ON CONFLICT (id) DO NOTHING`.execute(
    exec,
  );
  const row = await sql<{ mode: InstallationMode }>`SELECT mode FROM installation`.execute(exec);
  const recorded = row.rows[0]?.mode;
  if (recorded !== mode) throw new InstallationModeError(MESSAGES[mode]);
}
