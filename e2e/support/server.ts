import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type RunningServer, startServer } from '../../apps/server/src/bootstrap';
import { loadConfig } from '../../apps/server/src/config/env';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The whole product (API + built staff app) on an in-memory PGlite, or on DATABASE_URL when set.
 * `settings` adds environment settings (e.g. the test SMS gateway for the portal's sign-in).
 */
export async function startProduct(settings: Record<string, string> = {}): Promise<RunningServer> {
  const config = loadConfig({
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'warn',
    PGLITE_DIR: 'memory://',
    DEMO_MODE: 'true',
    WEB_DIST: path.join(ROOT, 'apps/web/dist'),
    JOBS_ENABLED: 'false',
    ...settings,
  });
  return startServer(config);
}

/**
 * Test-only business clock (config `now`): the server's "today" becomes `iso` (noon China time), so a
 * test lets the calendar pass as it would (a hearing date comes, a period ends) without back-dating any
 * record. `null` returns to the system clock. Every guard and form still reads the server's own today.
 */
export function setBusinessDate(server: RunningServer, iso: string | null): void {
  const config = server.app.ctx.config;
  if (iso === null) delete config.now;
  else config.now = () => new Date(`${iso}T04:00:00Z`);
}
