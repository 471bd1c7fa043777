import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { canonicalJson } from './audit';
import { sha256Hex } from './crypto';
import { AppError } from './errors';

/**
 * Idempotency-Key support for creations that a client may retry on a weak network: the first
 * response for (scope, key) is stored with the request's hash; a retry with the same body gets the
 * same response (and no second record); the same key with a different body is a 422.
 *
 * Usage inside a handler:
 *   `return withIdempotency(db, req, reply, 'matter.create', () => create(), (result) => rebuild(result))`
 *
 * The key row commits or rolls back WITH the business: the request carries its (scope, key, hash)
 * in an AsyncLocalStorage context, and the unit of work (unit-of-work.ts) inserts the row as the
 * first statement of the request's first write transaction and stores that transaction's result in
 * it just before COMMIT. So
 *   - a crash (or any failure) before COMMIT leaves no row: the retry does the work, once;
 *   - a crash after COMMIT but before the response was stored leaves a row with the transaction's
 *     result: the retry rebuilds the response from it with `recover` (e.g. loads the created
 *     matter) and replays it, without doing the work again;
 *   - two simultaneous requests with one key are serialised by the primary key: on PostgreSQL the
 *     second INSERT waits for the first transaction and, once it committed, sees the conflict; its
 *     transaction rolls back and it replays the first one's outcome. On PGlite the transactions run
 *     one after the other on the single connection, so nothing waits inside a transaction.
 * No reservation is held outside a transaction, so none can be left behind by a killed instance.
 */

interface IdempotencyContext {
  scope: string;
  key: string;
  hash: string;
  /** open: no write transaction yet; claiming: one is running; claimed: it committed; closed: request over. */
  state: 'open' | 'claiming' | 'claimed' | 'closed';
}

/** The claim a unit of work holds on the request's key while its transaction runs. */
export interface IdempotencyClaim {
  /** Inside the transaction, after the work: store its result (the last write before the audit flush). */
  record(trx: Transaction<DB>, result: unknown): Promise<void>;
  /** After COMMIT. */
  committed(): void;
  /** After ROLLBACK (the unit of work may run the transaction again and claim again). */
  released(): void;
}

const context = new AsyncLocalStorage<IdempotencyContext>();
/**
 * Keyed requests now inside `context.run`. On Node 20 an enabled AsyncLocalStorage keeps V8's promise
 * hooks on for the whole process, so that every later request (keyed or not) pays for them; the storage
 * is disabled again whenever no keyed request is running (`run` enables it again on the next one).
 */
let keyedRunning = 0;

/** Thrown inside the transaction when another request committed the key first; never leaves this module. */
class IdempotencyKeyTaken extends Error {
  constructor() {
    super('idempotency key committed by another request');
  }
}

/**
 * Test seams that simulate an instance dying at the two points that matter: just before COMMIT of
 * the claiming transaction (nothing must remain) and just after it (the work must not be redone).
 * Unset in production.
 */
export const idempotencyTestHooks: {
  beforeCommit?: (scope: string, key: string) => void | Promise<void>;
  afterCommit?: (scope: string, key: string) => void;
} = {};

/**
 * Called by the unit of work as the first statement of every transaction attempt. Returns null
 * unless this is the first write transaction of a request that carries an Idempotency-Key.
 */
export async function claimIdempotencyKey(trx: Transaction<DB>): Promise<IdempotencyClaim | null> {
  const ctx = context.getStore();
  if (ctx?.state !== 'open') return null;
  ctx.state = 'claiming';
  try {
    const inserted = await trx
      .insertInto('idempotency_key')
      .values({
        key: ctx.key,
        scope: ctx.scope,
        request_hash: ctx.hash,
        status_code: 0,
        response: '{}',
        result: null,
      })
      .onConflict((oc) => oc.doNothing())
      .returning('key')
      .executeTakeFirst();
    if (!inserted) throw new IdempotencyKeyTaken();
  } catch (err) {
    ctx.state = 'open';
    throw err;
  }
  return {
    async record(t, result) {
      await t
        .updateTable('idempotency_key')
        .set({ result: JSON.stringify({ value: result ?? null }) })
        .where('scope', '=', ctx.scope)
        .where('key', '=', ctx.key)
        .execute();
      await idempotencyTestHooks.beforeCommit?.(ctx.scope, ctx.key);
    },
    committed() {
      ctx.state = 'claimed';
      idempotencyTestHooks.afterCommit?.(ctx.scope, ctx.key);
    },
    released() {
      if (ctx.state === 'claiming') ctx.state = 'open';
    },
  };
}

type Outcome<T> = { status: number; body: T };

export async function withIdempotency<T>(
  db: Kysely<DB>,
  req: FastifyRequest,
  reply: FastifyReply,
  scope: string,
  work: () => Promise<Outcome<T>>,
  /** Rebuilds the response from what the first write transaction returned (after a lost response). */
  recover?: (result: unknown) => Promise<Outcome<T>>,
): Promise<T> {
  const raw = req.headers['idempotency-key'];
  const key = Array.isArray(raw) ? raw[0] : raw;
  if (!key) {
    const r = await work();
    reply.status(r.status);
    return r.body;
  }
  if (key.length > 100 || !/^[\w.:-]+$/.test(key)) {
    throw new AppError(
      400,
      'IDEMPOTENCY_KEY_INVALID',
      'Idempotency-Key 格式不正确（最多 100 个字母、数字或 -_.:）',
    );
  }
  const ctx: IdempotencyContext = {
    scope: `${scope}:${(req as { auth?: { userId: string } }).auth?.userId ?? 'anon'}`,
    key,
    hash: sha256Hex(canonicalJson(req.body ?? null)),
    state: 'open',
  };
  const previous = await replay(db, reply, ctx, recover);
  if (previous) return previous.body;
  let r: Outcome<T>;
  keyedRunning++;
  try {
    r = await context.run(ctx, work);
  } catch (err) {
    if (!(err instanceof IdempotencyKeyTaken)) throw err;
    // Another request with this key committed while this one was working: its outcome stands.
    const winner = await replay(db, reply, ctx, recover);
    if (winner) return winner.body;
    throw inProgress();
  } finally {
    // Work the handler left running (it should not) must not claim the key later.
    if (ctx.state === 'open') ctx.state = 'closed';
    if (--keyedRunning === 0) context.disable();
  }
  if (ctx.state === 'claimed') {
    await db
      .updateTable('idempotency_key')
      .set({ status_code: r.status, response: JSON.stringify(r.body) })
      .where('scope', '=', ctx.scope)
      .where('key', '=', ctx.key)
      .where('status_code', '=', 0)
      .execute();
  } else {
    // The work wrote nothing transactional: keep its response so that a retry gets the same one.
    await db
      .insertInto('idempotency_key')
      .values({
        key: ctx.key,
        scope: ctx.scope,
        request_hash: ctx.hash,
        status_code: r.status,
        response: JSON.stringify(r.body),
        result: null,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  reply.status(r.status);
  return r.body;
}

function inProgress(): AppError {
  return new AppError(409, 'IDEMPOTENCY_IN_PROGRESS', '相同的提交正在处理中，请稍后刷新查看结果');
}

/** The stored outcome for the key, replayed onto `reply`; null when the key was never committed. */
async function replay<T>(
  db: Kysely<DB>,
  reply: FastifyReply,
  ctx: IdempotencyContext,
  recover: ((result: unknown) => Promise<Outcome<T>>) | undefined,
): Promise<{ body: T } | null> {
  const row = await db
    .selectFrom('idempotency_key')
    .selectAll()
    .where('scope', '=', ctx.scope)
    .where('key', '=', ctx.key)
    .executeTakeFirst();
  if (!row) return null;
  if (row.request_hash !== ctx.hash) {
    throw new AppError(422, 'IDEMPOTENCY_KEY_REUSED', '同一个 Idempotency-Key 不能用于不同的请求内容');
  }
  let outcome: Outcome<T>;
  if (row.status_code !== 0) {
    outcome = { status: row.status_code, body: row.response as T };
  } else if (row.result === null) {
    // Reserved outside any transaction by the code before migration 0055: whether the work
    // committed cannot be known, and guessing either way could lose or duplicate a submission.
    throw new AppError(
      409,
      'IDEMPOTENCY_OUTCOME_UNKNOWN',
      '此前的提交因系统中断结果不明，请先在列表中核对是否已登记；如未登记，请重新填写后提交',
    );
  } else if (!recover) {
    throw inProgress();
  } else {
    // The work committed but its response was never stored (the instance died, or the first
    // request is still composing it): rebuild it from the committed result; first stored wins.
    outcome = await recover((row.result as { value: unknown }).value);
    await db
      .updateTable('idempotency_key')
      .set({ status_code: outcome.status, response: JSON.stringify(outcome.body) })
      .where('scope', '=', ctx.scope)
      .where('key', '=', ctx.key)
      .where('status_code', '=', 0)
      .execute();
  }
  reply.header('idempotent-replay', 'true');
  reply.status(outcome.status);
  return { body: outcome.body };
}
