import type { TestEnv } from './harness';

/**
 * Test-only clock (config `now`): the server's business date becomes `iso` (noon China time) so the
 * calendar passes as it would (a defence period ends, a hearing date comes) without back-dating any
 * record. `null` returns to the system clock. Call `setToday(env, null)` in afterEach.
 */
export function setToday(env: TestEnv, iso: string | null) {
  const config = env.server.app.ctx.config;
  if (iso === null) delete config.now;
  else config.now = () => new Date(`${iso}T04:00:00Z`);
}

/** The system's business date (China time) plus `offset` days, 'YYYY-MM-DD'. */
export const dayFromNow = (offset: number) =>
  new Date(Date.now() + 8 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);

/** 'YYYY-MM-DD' + days. */
export function plusDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A hearing slot on `iso` (China time). */
export const slot = (iso: string, from = '09:00', to = '11:00') => ({
  startsAt: `${iso}T${from}:00+08:00`,
  endsAt: `${iso}T${to}:00+08:00`,
});

/** 2026-12-07 → 2026年12月7日 */
export const cn = (iso: string) =>
  `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
