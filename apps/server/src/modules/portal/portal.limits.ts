import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';
import { AppError } from '../../platform/errors';
import { readSetting } from '../../platform/settings';

/** Rate limits counted in the database, so every server instance shares them. */
export type LimitKind =
  | 'sms.phone'
  | 'sms.ip'
  | 'verify.ip'
  | 'query.ip'
  | 'submit.account'
  | 'submit.ip'
  | 'upload.account';

const DEFAULTS: Record<
  LimitKind,
  {
    setting?:
      | 'portal.sms_per_phone_hour'
      | 'portal.sms_per_ip_hour'
      | 'portal.query_failures_per_ip'
      | 'portal.submissions_per_hour';
    max: number;
    windowSec: number;
  }
> = {
  'sms.phone': { setting: 'portal.sms_per_phone_hour', max: 5, windowSec: 3600 },
  'sms.ip': { setting: 'portal.sms_per_ip_hour', max: 20, windowSec: 3600 },
  'verify.ip': { max: 30, windowSec: 3600 },
  'query.ip': { setting: 'portal.query_failures_per_ip', max: 10, windowSec: 900 },
  'submit.account': { setting: 'portal.submissions_per_hour', max: 10, windowSec: 3600 },
  'submit.ip': { setting: 'portal.submissions_per_hour', max: 10, windowSec: 3600 },
  'upload.account': { max: 60, windowSec: 3600 },
};

export const SMS_MIN_INTERVAL_SEC = 60;

export function rateLimited(retryAfterSec: number, message = '操作过于频繁，请稍后再试'): AppError {
  return new AppError(429, 'RATE_LIMITED', message, { retryAfterSec });
}

async function limitOf(db: Kysely<DB>, kind: LimitKind) {
  const d = DEFAULTS[kind];
  if (!d.setting) return d;
  return { ...d, max: await readSetting(db, d.setting) };
}

/** Throws 429 when `key` already used up its allowance of `kind` in the window. */
export async function checkLimit(db: Kysely<DB>, kind: LimitKind, key: string, message?: string) {
  const { max, windowSec } = await limitOf(db, kind);
  const r = await sql<{ n: number; oldest: Date | null }>`
    SELECT count(*)::int AS n, min(at) AS oldest FROM portal_attempt
     WHERE kind = ${kind} AND key = ${key} AND at > now() - make_interval(secs => ${windowSec})`.execute(db);
  const { n, oldest } = r.rows[0] ?? { n: 0, oldest: null };
  if (n >= max) {
    const retry = oldest
      ? Math.max(1, Math.ceil((new Date(oldest).getTime() + windowSec * 1000 - Date.now()) / 1000))
      : windowSec;
    throw rateLimited(retry, message);
  }
}

export async function countAttempt(db: Kysely<DB>, kind: LimitKind, key: string) {
  await db.insertInto('portal_attempt').values({ kind, key }).execute();
}

/** Forget old counters (called from a periodic job). */
export async function pruneAttempts(db: Kysely<DB>) {
  await sql`DELETE FROM portal_attempt WHERE at < now() - interval '1 day'`.execute(db);
  await sql`DELETE FROM portal_code WHERE created_at < now() - interval '1 day'`.execute(db);
  await sql`DELETE FROM portal_session WHERE expires_at < now()`.execute(db);
}
