import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { canonicalJson } from './audit';
import { sha256Hex } from './crypto';
import { AppError } from './errors';

/**
 * Idempotency-Key support for creations that a client may retry on a weak network: the first
 * response for (scope, key) is stored with the request's hash; a retry with the same body gets the
 * same response (and no second record); the same key with a different body is a 422.
 *
 * Usage inside a handler: `return withIdempotency(db, req, reply, 'matter.create', () => create())`.
 * The key is reserved (status 0) before the work runs, so two simultaneous requests with the same
 * key cannot both do the work: the second gets 409 IDEMPOTENCY_IN_PROGRESS and may retry. A failed
 * attempt releases its reservation.
 */
export async function withIdempotency<T>(
  db: Kysely<DB>,
  req: FastifyRequest,
  reply: FastifyReply,
  scope: string,
  work: () => Promise<{ status: number; body: T }>,
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
  const fullScope = `${scope}:${req.auth?.userId ?? 'anon'}`;
  const hash = sha256Hex(canonicalJson(req.body ?? null));
  const reserved = await db
    .insertInto('idempotency_key')
    .values({ key, scope: fullScope, request_hash: hash, status_code: 0, response: '{}' })
    .onConflict((oc) => oc.doNothing())
    .returning('key')
    .executeTakeFirst();
  if (!reserved) {
    const previous = await db
      .selectFrom('idempotency_key')
      .selectAll()
      .where('scope', '=', fullScope)
      .where('key', '=', key)
      .executeTakeFirstOrThrow();
    if (previous.request_hash !== hash) {
      throw new AppError(422, 'IDEMPOTENCY_KEY_REUSED', '同一个 Idempotency-Key 不能用于不同的请求内容');
    }
    if (previous.status_code === 0) {
      throw new AppError(409, 'IDEMPOTENCY_IN_PROGRESS', '相同的提交正在处理中，请稍后刷新查看结果');
    }
    reply.header('idempotent-replay', 'true');
    reply.status(previous.status_code);
    return previous.response as T;
  }
  let r: { status: number; body: T };
  try {
    r = await work();
  } catch (err) {
    await db.deleteFrom('idempotency_key').where('scope', '=', fullScope).where('key', '=', key).execute();
    throw err;
  }
  await db
    .updateTable('idempotency_key')
    .set({ status_code: r.status, response: JSON.stringify(r.body) })
    .where('scope', '=', fullScope)
    .where('key', '=', key)
    .execute();
  reply.status(r.status);
  return r.body;
}
