import { Kysely, type KyselyConfig, type Transaction, type TransactionBuilder } from 'kysely';
import type { DB } from '../db/schema';
import { beginAuditBuffer, flushAudit } from './audit';
import { AppError } from './errors';
import { claimIdempotencyKey, type IdempotencyClaim } from './idempotency';

/**
 * One unit of work per state change. The application's Kysely instance is a UnitOfWorkDb: every
 * `db.transaction().execute(fn)` becomes
 *
 *   BEGIN → fn(trx) (numbers first, then business rows; appendAudit only buffers) →
 *   audit entries written last, on one audit stream locked last → COMMIT
 *
 * and the whole transaction is re-run when PostgreSQL aborts it with a deadlock (40P01) or a
 * serialization failure (40001): at most MAX_ATTEMPTS times, with exponential backoff and full
 * jitter (then 503 BUSY_RETRY_LATER, nothing saved). Locks are therefore taken in one order — number_sequence rows, business rows, then one
 * audit_stream row — and the audit head, locked last and held only until COMMIT, can no longer
 * take part in a deadlock. Call sites keep writing `db.transaction().execute(...)`.
 *
 * `fn` may run more than once: it must not have effects outside the transaction before it returns
 * (none of the modules do; jobs are enqueued as rows in the same transaction).
 *
 * Inside a request that carries an Idempotency-Key, the first unit of work also writes the key's
 * row (first statement: serialises same-key requests) and the transaction's result (before the
 * audit), so the key commits or rolls back with the business (see idempotency.ts).
 */
export const RETRYABLE_SQLSTATES: ReadonlySet<string> = new Set(['40P01', '40001']);
export const MAX_ATTEMPTS = 6;
const BACKOFF_BASE_MS = 15;
const BACKOFF_CAP_MS = 400;

export function isRetryableDbError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && RETRYABLE_SQLSTATES.has(code);
}

/** Full jitter: a random wait in [0, min(cap, base·2^(attempt-1))). */
export function retryDelayMs(attempt: number): number {
  return Math.random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (attempt - 1));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function runUnitOfWork<T>(
  builder: TransactionBuilder<DB>,
  auditKey: Buffer,
  fn: (trx: Transaction<DB>) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    // The request's Idempotency-Key row, if any, is written in the same transaction (idempotency.ts).
    const held: { claim?: IdempotencyClaim | null } = {};
    let committed: T;
    try {
      committed = await builder.execute(async (trx) => {
        beginAuditBuffer(trx);
        held.claim = await claimIdempotencyKey(trx);
        const result = await fn(trx);
        await held.claim?.record(trx, result);
        await flushAudit(trx, auditKey);
        return result;
      });
    } catch (err) {
      held.claim?.released();
      if (!isRetryableDbError(err)) throw err;
      if (attempt >= MAX_ATTEMPTS) {
        // Still colliding after every attempt: the system is overloaded, not the user's mistake.
        throw new AppError(503, 'BUSY_RETRY_LATER', '系统繁忙，本次操作未保存，请稍后重试', {
          sqlstate: (err as { code: string }).code,
          attempts: attempt,
        });
      }
      await sleep(retryDelayMs(attempt));
      continue;
    }
    held.claim?.committed();
    return committed;
  }
}

function wrapBuilder(builder: TransactionBuilder<DB>, auditKey: Buffer): TransactionBuilder<DB> {
  return new Proxy(builder, {
    get(target, prop) {
      if (prop === 'execute') {
        return <T>(fn: (trx: Transaction<DB>) => Promise<T>) => runUnitOfWork(target, auditKey, fn);
      }
      if (prop === 'setIsolationLevel' || prop === 'setAccessMode') {
        return (arg: never) => wrapBuilder(target[prop](arg), auditKey);
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** Kysely whose transactions are units of work (see above). Holds the audit chain key. */
export class UnitOfWorkDb extends Kysely<DB> {
  readonly auditKey: Buffer;

  constructor(config: KyselyConfig, auditKey: Buffer) {
    super(config);
    this.auditKey = auditKey;
  }

  override transaction(): TransactionBuilder<DB> {
    return wrapBuilder(super.transaction(), this.auditKey);
  }
}
