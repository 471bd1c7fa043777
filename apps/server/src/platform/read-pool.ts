import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { requestCookie } from './cookies';

/**
 * Read scaling: with DATABASE_READ_URL set (a PostgreSQL streaming replica), lists and searches
 * read from the replica through a second pool (db/database.ts opens it with every transaction
 * read-only) while every write, and every read by a user who has just written, stays on the
 * primary. Routes opt in with `readDb(req)` instead of `ctx.database.db`.
 *
 * Read-your-writes: a replica replays the primary's changes a little later, so a user who has
 * just registered a matter must not search the replica and miss it. After any successful state
 * change by a signed-in user, that user's reads go to the primary for READ_AFTER_WRITE_MS
 * (default 10 s; keep it well above the replica's replay lag, see the README). The mark is kept
 * twice: in this process (per user) and in a cookie on the response, so that the next request,
 * which the reverse proxy may send to another instance, still reads the primary. The cookie only
 * steers reads between two copies of the same data the user may read anyway; a forged one costs
 * the primary a little load and discloses nothing.
 *
 * Embedded PGlite has no replica: DATABASE_READ_URL is ignored there (one log line at start).
 */
export const RECENT_WRITE_COOKIE = 'onestop_rw';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const lastWriteByUser = new Map<string, number>();

/** Adds the read-your-writes marks; one call from app.ts. */
export function registerReadRouting(app: FastifyInstance) {
  const { config, database } = app.ctx;
  if (config.databaseReadUrl && database.backend === 'pglite') {
    app.log.warn(
      'DATABASE_READ_URL 已忽略：内嵌数据库 PGlite 没有只读副本 (ignored on the embedded database)',
    );
  }
  if (!database.read) return;
  const windowMs = config.readAfterWriteMs;
  app.addHook('onSend', async (req, reply, payload) => {
    if (!UNSAFE.has(req.method) || !req.auth || reply.statusCode >= 400) return payload;
    const now = Date.now();
    markWrite(req.auth.userId, now, windowMs);
    reply.header(
      'set-cookie',
      appendCookie(
        reply.getHeader('set-cookie'),
        `${RECENT_WRITE_COOKIE}=${now}; Path=/api; Max-Age=${Math.ceil(windowMs / 1000)}; HttpOnly; SameSite=Strict${config.cookieSecure ? '; Secure' : ''}`,
      ),
    );
    return payload;
  });
}

/** The database a list or search should read: the replica, unless this user has just written. */
export function readDb(req: FastifyRequest): Kysely<DB> {
  const { database, config } = req.server.ctx;
  if (!database.read) return database.db;
  return wroteRecently(req, config.readAfterWriteMs) ? database.db : database.read.db;
}

function wroteRecently(req: FastifyRequest, windowMs: number): boolean {
  const now = Date.now();
  const userId = req.auth?.userId;
  const mine = userId ? lastWriteByUser.get(userId) : undefined;
  if (mine !== undefined && now - mine < windowMs) return true;
  const raw = requestCookie(req, RECENT_WRITE_COOKIE);
  const at = raw && /^\d{13}$/.test(raw) ? Number(raw) : undefined;
  // A mark from the future (clock skew between instances) counts as recent, within one window.
  return at !== undefined && Math.abs(now - at) < windowMs;
}

function markWrite(userId: string, now: number, windowMs: number) {
  lastWriteByUser.set(userId, now);
  // Forget expired marks now and then so the map stays the size of the recently active users.
  if (lastWriteByUser.size > 1000) {
    for (const [id, at] of lastWriteByUser) if (now - at >= windowMs) lastWriteByUser.delete(id);
  }
}

/** Set raw: @fastify/cookie has already written its cookies when this onSend hook runs. */
function appendCookie(existing: unknown, cookie: string): string[] {
  if (existing === undefined) return [cookie];
  return [...(Array.isArray(existing) ? existing.map(String) : [String(existing)]), cookie];
}
