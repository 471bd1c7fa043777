import type { FastifyBaseLogger } from 'fastify';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import type { FieldCipher } from '../../platform/crypto';
import { enqueueJob, type JobRunner, retryDelayMs } from '../../platform/jobs';
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

/** Job kinds that deliver one SMS of each outbox (the rows keep the state shown to staff). */
export const SMS_JOBS = { notification: 'sms.notification', party_notice: 'sms.party_notice' } as const;
type Outbox = keyof typeof SMS_JOBS;

async function enqueueSms(exec: Exec, outbox: Outbox, id: string) {
  await enqueueJob(
    exec,
    SMS_JOBS[outbox],
    { id },
    { dedupeKey: `sms:${outbox}:${id}`, maxAttempts: MAX_DELIVERY_ATTEMPTS },
  );
}

export const MAX_DELIVERY_ATTEMPTS = 5;

/**
 * Adds messages to the outbox (in the caller's transaction). In-app rows are delivered by being
 * stored (state 'sent'); each SMS row gets a delivery job in the same transaction. Duplicate keys are
 * ignored, so concurrent sweeps enqueue once. Returns how many rows were new.
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
      .returning(['id', 'channel'])
      .execute();
    for (const row of r) if (row.channel === 'sms') await enqueueSms(exec, 'notification', row.id);
    added += r.length;
  }
  return added;
}

export interface NewPartyNotice {
  subjectType: string;
  subjectId: string;
  /** the party whose phone is used (decrypted at send time), or a named reporter's case */
  partyId?: string | null;
  reporterCaseId?: string | null;
  recipientLabel: string;
  /** 'sms' is delivered by the job queue; other channels are recorded as done by staff */
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
  if (r && n.channel === 'sms') await enqueueSms(exec, 'party_notice', r.id);
  return r?.id;
}

export interface DeliveryDeps {
  db: Kysely<DB>;
  cipher: FieldCipher;
  provider: NotificationProvider;
  log: FastifyBaseLogger;
}

/** Registers the SMS delivery of both outboxes on the job queue (retries and dead letters are the queue's). */
export function registerSmsDelivery(runner: JobRunner, deps: DeliveryDeps) {
  for (const outbox of Object.keys(SMS_JOBS) as Outbox[]) {
    runner.register(SMS_JOBS[outbox], async (payload, ctx) => {
      await deliverOne(deps, outbox, String(payload.id), ctx);
    });
  }
}

interface Row {
  id: string;
  body: string;
  template: string;
  state: string;
  phone_enc: string | null;
}

async function loadRow(db: Kysely<DB>, outbox: Outbox, id: string): Promise<Row | undefined> {
  const r =
    outbox === 'notification'
      ? await sql<Row>`SELECT n.id, n.body, n.template, n.state, u.phone_enc
                         FROM notification n JOIN app_user u ON u.id = n.recipient_user_id
                        WHERE n.id = ${id}`.execute(db)
      : await sql<Row>`SELECT n.id, n.body, n.template, n.state,
                              COALESCE((SELECT p.phone_enc FROM party p WHERE p.id = n.party_id),
                                       (SELECT r.phone_enc FROM inspection_reporter r
                                         WHERE r.case_id = n.reporter_case_id AND NOT r.anonymous LIMIT 1)) AS phone_enc
                         FROM party_notice n WHERE n.id = ${id}`.execute(db);
  return r.rows[0];
}

/**
 * Sends one SMS row through the provider (a job of the queue). Idempotent: a row already sent,
 * logged or failed is left alone. A failure records the attempt on the row and throws, so the queue
 * retries with back-off; the last attempt marks the row 'failed'. Without a phone number the row
 * fails at once (no retry can help). Without a configured provider the row is 'logged' and the
 * leaders get an alert that SMS are not being delivered.
 */
async function deliverOne(
  deps: DeliveryDeps,
  outbox: Outbox,
  id: string,
  ctx: { attempt: number; maxAttempts: number },
): Promise<void> {
  const { db } = deps;
  const table = outbox as 'notification';
  const row = await loadRow(db, outbox, id);
  // 'failed' again only when an administrator retries the dead job (GET /api/admin/jobs).
  if (row?.state !== 'pending' && row?.state !== 'failed') return;
  if (!row.phone_enc) {
    await db
      .updateTable(table)
      .set({ state: 'failed', attempts: ctx.attempt, last_error: '收件人未登记手机号，短信无法发送' })
      .where('id', '=', id)
      .execute();
    return;
  }
  try {
    const to = deps.cipher.decrypt(row.phone_enc);
    const { ref, delivered } = await deps.provider.send({ id, to, body: row.body, template: row.template });
    const logged = delivered === false;
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable(table)
        .set({
          state: logged ? 'logged' : 'sent',
          sent_at: logged ? null : new Date(),
          provider_ref: ref,
          attempts: ctx.attempt,
          locked_at: null,
          last_error: logged ? '未配置短信服务，短信仅写入日志，未送达' : null,
        })
        .where('id', '=', id)
        .execute();
      if (logged) await raiseNotDeliveredAlert(trx);
    });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const final = ctx.attempt >= ctx.maxAttempts;
    await db
      .updateTable(table)
      .set({
        state: final ? 'failed' : 'pending',
        attempts: ctx.attempt,
        locked_at: null,
        last_error: message.slice(0, 500),
        next_attempt_at: new Date(Date.now() + retryDelayMs(ctx.attempt)),
      })
      .where('id', '=', id)
      .execute();
    deps.log.warn(
      { notificationId: id, outbox, attempt: ctx.attempt, final, err: message },
      'sms delivery failed',
    );
    throw err;
  }
}

/** One open alert per top-level jurisdiction, counting the messages that were only logged. */
async function raiseNotDeliveredAlert(trx: Transaction<DB>) {
  await sql`
    INSERT INTO alert (kind, dedupe_key, jurisdiction_id, summary, basis, count)
    SELECT 'sms_not_delivered', 'sms_not_delivered:' || j.code, j.id,
           '未配置短信服务：短信只写入日志，未送达收件人（期限提醒、当事人通知须另行告知）',
           '系统配置：未设置短信网关（SMS_PROVIDER=http 与 SMS_HTTP_URL）', 1
      FROM jurisdiction j WHERE j.parent_id IS NULL
    ON CONFLICT (dedupe_key) DO UPDATE SET count = alert.count + 1, updated_at = now(),
       acknowledged_at = NULL, acknowledged_by = NULL`.execute(trx);
}
