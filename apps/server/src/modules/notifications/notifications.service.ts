import type { FastifyBaseLogger } from 'fastify';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import type { FieldCipher } from '../../platform/crypto';
import type { NotificationProvider } from './notifications.providers';
import type { PartyNoticeChannel } from './notifications.tables';
import { type NotificationTemplate, renderTemplate } from './notifications.templates';

type Exec = Kysely<DB> | Transaction<DB>;

export interface NewNotification {
  recipientUserId: string;
  template: NotificationTemplate;
  params: Record<string, string>;
  subjectType?: string | null;
  subjectId?: string | null;
  /** Unique per message; the channel is appended, so one key yields one in-app and one SMS row. */
  dedupeKey: string;
  channels?: readonly ('in_app' | 'sms')[];
}

/**
 * Adds messages to the outbox. In-app rows are delivered by being stored (state 'sent'); SMS rows
 * wait for the delivery worker. Duplicate keys are ignored, so concurrent sweeps enqueue once.
 * Returns how many rows were new.
 */
export async function enqueueNotifications(exec: Exec, items: readonly NewNotification[]): Promise<number> {
  if (!items.length) return 0;
  const now = new Date();
  const rows = items.flatMap((n) =>
    (n.channels ?? ['in_app', 'sms']).map((channel) => ({
      recipient_user_id: n.recipientUserId,
      channel,
      template: n.template,
      params: JSON.stringify(n.params),
      body: renderTemplate(n.template, n.params),
      subject_type: n.subjectType ?? null,
      subject_id: n.subjectId ?? null,
      state: channel === 'in_app' ? ('sent' as const) : ('pending' as const),
      sent_at: channel === 'in_app' ? now : null,
      next_attempt_at: now,
      dedupe_key: `${n.dedupeKey}:${channel}`,
    })),
  );
  let added = 0;
  for (let i = 0; i < rows.length; i += 500) {
    const r = await exec
      .insertInto('notification')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .returning('id')
      .execute();
    added += r.length;
  }
  return added;
}

export interface DeliveryDeps {
  db: Kysely<DB>;
  cipher: FieldCipher;
  provider: NotificationProvider;
  log: FastifyBaseLogger;
}

export const MAX_DELIVERY_ATTEMPTS = 5;
const STUCK_AFTER = '10 minutes';

interface Claimed {
  id: string;
  body: string;
  template: string;
  attempts: number;
  phone_enc: string | null;
}

/**
 * Sends pending SMS rows through the provider. Rows are claimed with FOR UPDATE SKIP LOCKED and
 * marked 'sending' in the same statement, so two workers (two server instances) never send one row
 * twice. Failures retry with back-off (30 s, 2 min, 8 min, 32 min) up to MAX_DELIVERY_ATTEMPTS.
 * Bounded: at most `maxBatches` batches per call. Returns the number of messages sent.
 */
export async function deliverNotifications(
  deps: DeliveryDeps,
  opts: { batchSize?: number; maxBatches?: number } = {},
): Promise<{ sent: number; failed: number }> {
  const { db } = deps;
  const batchSize = opts.batchSize ?? 20;
  // A row left 'sending' by a crashed worker goes back to the queue (at-least-once after a crash).
  await sql`UPDATE notification SET state = 'pending', locked_at = NULL
             WHERE state = 'sending' AND locked_at < now() - ${STUCK_AFTER}::interval`.execute(db);
  let sent = 0;
  let failed = 0;
  for (let batch = 0; batch < (opts.maxBatches ?? 10); batch++) {
    const claimed = await sql<Claimed>`
      UPDATE notification n SET state = 'sending', locked_at = now(), attempts = n.attempts + 1
        FROM app_user u
       WHERE u.id = n.recipient_user_id
         AND n.id IN (SELECT id FROM notification
                       WHERE state = 'pending' AND channel = 'sms' AND next_attempt_at <= now()
                       ORDER BY next_attempt_at, id
                       LIMIT ${batchSize}
                       FOR UPDATE SKIP LOCKED)
      RETURNING n.id, n.body, n.template, n.attempts, u.phone_enc`.execute(db);
    if (!claimed.rows.length) break;
    for (const row of claimed.rows) {
      const ok = await deliverOne(deps, 'notification', row);
      if (ok) sent++;
      else failed++;
    }
  }
  const parties = await deliverPartyNotices(deps, opts);
  return { sent: sent + parties.sent, failed: failed + parties.failed };
}

export interface NewPartyNotice {
  subjectType: string;
  subjectId: string;
  /** the party whose phone is used (decrypted at send time), or a named reporter's case */
  partyId?: string | null;
  reporterCaseId?: string | null;
  recipientLabel: string;
  /** 'sms' is delivered by the outbox worker; other channels are recorded as done by staff */
  channel: PartyNoticeChannel;
  template: NotificationTemplate;
  params: Record<string, string>;
  documentId?: string | null;
  dedupeKey: string;
  createdBy?: string | null;
}

/** Adds a notice to a party (in the caller's transaction). Returns the row id (or undefined if a duplicate). */
export async function enqueuePartyNotice(exec: Exec, n: NewPartyNotice): Promise<string | undefined> {
  const body = renderTemplate(n.template, n.params);
  const r = await exec
    .insertInto('party_notice')
    .values({
      subject_type: n.subjectType,
      subject_id: n.subjectId,
      party_id: n.partyId ?? null,
      reporter_case_id: n.reporterCaseId ?? null,
      recipient_label: n.recipientLabel,
      channel: n.channel,
      template: n.template,
      body,
      document_id: n.documentId ?? null,
      state: n.channel === 'sms' ? 'pending' : 'recorded',
      dedupe_key: n.dedupeKey,
      created_by: n.createdBy ?? null,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return r?.id;
}

/** Party SMS: claimed like staff SMS; the phone comes from the party (or named reporter) record. */
async function deliverPartyNotices(
  deps: DeliveryDeps,
  opts: { batchSize?: number; maxBatches?: number },
): Promise<{ sent: number; failed: number }> {
  const { db } = deps;
  await sql`UPDATE party_notice SET state = 'pending', locked_at = NULL
             WHERE state = 'sending' AND locked_at < now() - ${STUCK_AFTER}::interval`.execute(db);
  let sent = 0;
  let failed = 0;
  for (let batch = 0; batch < (opts.maxBatches ?? 10); batch++) {
    const claimed = await sql<Claimed>`
      UPDATE party_notice n SET state = 'sending', locked_at = now(), attempts = n.attempts + 1
       WHERE n.id IN (SELECT id FROM party_notice
                       WHERE state = 'pending' AND channel = 'sms' AND next_attempt_at <= now()
                       ORDER BY next_attempt_at, id
                       LIMIT ${opts.batchSize ?? 20}
                       FOR UPDATE SKIP LOCKED)
      RETURNING n.id, n.body, n.template, n.attempts,
        COALESCE((SELECT p.phone_enc FROM party p WHERE p.id = n.party_id),
                 (SELECT r.phone_enc FROM inspection_reporter r
                   WHERE r.case_id = n.reporter_case_id AND NOT r.anonymous LIMIT 1)) AS phone_enc`.execute(
      db,
    );
    if (!claimed.rows.length) break;
    for (const row of claimed.rows) {
      if (await deliverOne(deps, 'party_notice', row)) sent++;
      else failed++;
    }
  }
  return { sent, failed };
}

/** Both outboxes have the same delivery columns (state, attempts, locked_at, last_error, …). */
async function deliverOne(
  deps: DeliveryDeps,
  outbox: 'notification' | 'party_notice',
  row: Claimed,
): Promise<boolean> {
  const { db } = deps;
  const table = outbox as 'notification';
  if (!row.phone_enc) {
    await db
      .updateTable(table)
      .set({ state: 'failed', locked_at: null, last_error: '收件人未登记手机号，短信无法发送' })
      .where('id', '=', row.id)
      .execute();
    return false;
  }
  try {
    const to = deps.cipher.decrypt(row.phone_enc);
    const { ref } = await deps.provider.send({ id: row.id, to, body: row.body, template: row.template });
    await db
      .updateTable(table)
      .set({ state: 'sent', sent_at: new Date(), provider_ref: ref, locked_at: null, last_error: null })
      .where('id', '=', row.id)
      .execute();
    return true;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const final = row.attempts >= MAX_DELIVERY_ATTEMPTS;
    const delayMs = 30_000 * 4 ** (row.attempts - 1);
    await db
      .updateTable(table)
      .set({
        state: final ? 'failed' : 'pending',
        locked_at: null,
        last_error: message.slice(0, 500),
        next_attempt_at: new Date(Date.now() + delayMs),
      })
      .where('id', '=', row.id)
      .execute();
    deps.log.warn(
      { notificationId: row.id, outbox, attempt: row.attempts, final, err: message },
      'sms delivery failed',
    );
    return false;
  }
}
