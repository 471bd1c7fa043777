import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { FieldCipher } from '../../platform/crypto';
import type { NotificationProvider } from '../notifications';

/** The job kind that sends a portal sign-in code (same queue, leases and dead letters as every SMS). */
export const PORTAL_CODE_SMS_JOB = 'sms.portal_code';

interface Deps {
  db: Kysely<DB>;
  cipher: FieldCipher;
  provider: NotificationProvider;
}

/**
 * Sends one sign-in code SMS (a job handler; idempotent: a row no longer pending is left alone).
 * The text holds the code, so it is cleared from the row as soon as the message left or failed;
 * an expired code is not sent at all. A provider failure marks the row failed and throws, so the
 * queue records the attempt (dead letter visible to administrators).
 */
export async function deliverPortalCode(
  deps: Deps,
  id: string,
  ctx: { attempt: number; maxAttempts: number },
): Promise<void> {
  const { db } = deps;
  const row = await db
    .selectFrom('portal_code')
    .select(['id', 'state', 'phone_enc', 'body_enc', 'expires_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (row?.state !== 'pending') return;
  const done = (set: { state: 'sent' | 'logged' | 'failed'; last_error: string | null }) =>
    db
      .updateTable('portal_code')
      .set({ ...set, sent_at: set.state === 'sent' ? new Date() : null, body_enc: null, phone_enc: null })
      .where('id', '=', id)
      .where('state', '=', 'pending')
      .execute();
  if (!row.phone_enc || !row.body_enc || new Date(row.expires_at).getTime() < Date.now()) {
    await done({ state: 'failed', last_error: '验证码已过期，未发送' });
    return;
  }
  try {
    const { delivered } = await deps.provider.send({
      id,
      to: deps.cipher.decrypt(row.phone_enc),
      body: deps.cipher.decrypt(row.body_enc),
      template: 'portal.sign_in_code',
    });
    await done(
      delivered === false
        ? { state: 'logged', last_error: '未配置短信服务，短信仅写入日志，未送达' }
        : { state: 'sent', last_error: null },
    );
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (ctx.attempt >= ctx.maxAttempts) await done({ state: 'failed', last_error: message.slice(0, 500) });
    throw err;
  }
}
