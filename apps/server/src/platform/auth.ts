// Over 400 lines on purpose: sessions, the auth context and the request guard are one security boundary, reviewed together.
import type {} from '@fastify/cookie';
import {
  type EffectiveGrant,
  effectivePermissions,
  isRoleCode,
  type Permission,
  ROLES,
  type RoleCode,
} from '@onestop/domain';
import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import type { AppConfig } from '../config/env';
import type { DB } from '../db/schema';
import type { Actor } from './audit';
import { requestCookie } from './cookies';
import { randomToken, sha256Hex } from './crypto';
import { errors } from './errors';
import { businessDateCache, businessToday } from './time';

export const SESSION_COOKIE = 'onestop_sid';

/**
 * What a route needs: a permission, any one of several permissions (the handler then checks which
 * one the record at hand requires), any signed-in user, or nothing (public pages).
 */
export type RouteAuth = Permission | readonly Permission[] | 'authenticated' | 'public';

/** Whether the user holds what the route declares (a permission or any of a list). */
export function holdsRouteAuth(auth: AuthContext, declared: Permission | readonly Permission[]): boolean {
  return typeof declared === 'string'
    ? auth.permissions.has(declared)
    : declared.some((p) => auth.permissions.has(p));
}

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: RouteAuth;
  }
  interface FastifyRequest {
    auth: AuthContext | null;
  }
  interface FastifyInstance {
    /** This instance's cache of resolved sessions (see SessionCache). */
    sessionCache: SessionCache;
    /** Every /api route with what it declares it needs (filled as routes register; read by the route tests). */
    routeCatalog: RouteEntry[];
  }
}

export interface RouteEntry {
  method: string;
  url: string;
  auth: RouteAuth;
}

export interface AuthContext {
  sessionId: string;
  csrfToken: string;
  userId: string;
  username: string;
  displayName: string;
  organizationId: string;
  organizationName: string;
  mustChangePassword: boolean;
  permissions: Set<Permission>;
  grants: EffectiveGrant[];
}

export function actorOf(req: FastifyRequest, permission?: Permission): Actor {
  const a = req.auth;
  if (!a) return { id: null, name: '匿名', role: null, ip: req.ip };
  // The role recorded is the first active role granting the permission used, else all active roles.
  const roles = a.grants.filter((g) => g.active).map((g) => g.role);
  const acting = permission ? roles.find((r) => ROLES[r].permissions.includes(permission)) : undefined;
  return { id: a.userId, name: a.displayName, role: acting ?? roles.join(',') ?? null, ip: req.ip };
}

/** Jurisdictions in which the user holds an active role granting `permission` (descendants included by callers). */
export function jurisdictionsFor(auth: AuthContext, permission: Permission): string[] {
  const ids = new Set<string>();
  for (const g of auth.grants) {
    if (g.active && ROLES[g.role].permissions.includes(permission))
      for (const j of g.jurisdictionIds) ids.add(j);
  }
  return [...ids];
}

interface SessionRow {
  session_id: string;
  csrf_token: string;
  last_seen_at: Date;
  user_id: string;
  username: string;
  display_name: string;
  organization_id: string;
  organization_name: string;
  must_change_password: boolean;
  active: boolean;
  grants: { role: string; jurisdiction_id: string }[] | null;
  certs: { type: string; valid_from: string; valid_to: string; revoked: boolean }[] | null;
}

/**
 * Resolved sessions, kept in memory for at most SESSION_CACHE_MS (default 2 s) so that a request
 * costs no session query. Per app instance, keyed by the cookie's token (no hash per request), with
 * the AuthContext built for the business date it was built on.
 *
 * Correctness comes before speed, so a cached entry never outlives what it was built from:
 * - a change made in this process (logout, posts, certificates, password, deactivation) calls
 *   `invalidateSessionCache`, which clears the entries of every instance in the process at once;
 * - a change made anywhere else (another instance, the CLI, SQL by hand) fires a trigger
 *   (migration 0059) that notifies channel `onestop_auth` at COMMIT; each instance on PostgreSQL
 *   LISTENs on a connection of its own and drops the entries named. While that connection is not
 *   listening (starting, lost, reconnecting) the cache is off and every request reads the
 *   database; a lost connection is re-opened with backoff;
 * - a load in flight while an invalidation arrives is not stored (generation counter), so a row
 *   read just before a COMMIT is not cached after its notification.
 * The embedded PGlite database is used by one process only: local invalidation is enough there.
 */
export class SessionCache {
  private readonly entries = new Map<string, CacheEntry>();
  private generation = 0;
  private synced: boolean;
  private notified: (() => void)[] = [];

  constructor(
    private readonly ttlMs: number,
    /** Whether changes made outside this process reach the cache (LISTEN connected, or a single-process database). */
    synced: boolean,
  ) {
    this.synced = synced;
    liveCaches.add(this);
  }

  get active(): boolean {
    return this.ttlMs > 0 && this.synced;
  }

  setSynced(synced: boolean) {
    this.synced = synced;
    this.invalidate();
  }

  get(token: string, now: number): CacheEntry | undefined {
    const hit = this.entries.get(token);
    if (!hit) return undefined;
    if (!this.active || now - hit.at >= this.ttlMs) {
      this.entries.delete(token);
      return undefined;
    }
    return hit;
  }

  /** Loads through `load`, storing the result unless an invalidation happened meanwhile. */
  async load(token: string, load: () => Promise<SessionRow | undefined>): Promise<CacheEntry | undefined> {
    const generation = this.generation;
    const row = await load();
    if (!row) return undefined;
    const entry: CacheEntry = { row, at: Date.now(), auth: null, today: '' };
    if (this.active && generation === this.generation) {
      if (this.entries.size >= 10_000) this.entries.clear();
      this.entries.set(token, entry);
    }
    return entry;
  }

  /** Drops the entries of one session (by id), or all ('*' or nothing). */
  invalidate(sessionId?: string) {
    this.generation++;
    if (!sessionId || sessionId === '*') this.entries.clear();
    else
      for (const [token, e] of this.entries) if (e.row.session_id === sessionId) this.entries.delete(token);
  }

  /** Applies one notification received on `onestop_auth`. */
  onNotification(payload: string | undefined) {
    this.invalidate(payload || undefined);
    const waiting = this.notified;
    this.notified = [];
    for (const w of waiting) w();
  }

  /** Resolves once the next notification has been applied (tests of the cross-instance path). */
  nextNotification(): Promise<void> {
    return new Promise((resolve) => this.notified.push(resolve));
  }

  close() {
    this.entries.clear();
    liveCaches.delete(this);
  }
}

interface CacheEntry {
  row: SessionRow;
  at: number;
  /** The AuthContext built from `row` for business date `today` (built on first use). */
  auth: AuthContext | null;
  today: string;
}

const liveCaches = new Set<SessionCache>();

/** Forget cached sessions of every instance in this process: call after any change to users, posts, certificates or sessions. */
export function invalidateSessionCache(sessionId?: string) {
  for (const c of liveCaches) c.invalidate(sessionId);
}

export const AUTH_CHANNEL = 'onestop_auth';

/**
 * LISTENs on `onestop_auth` with a connection of its own (not from the pool) and feeds the cache;
 * reconnects with backoff (1 s doubling to 30 s) after a loss, the cache staying off meanwhile.
 */
function listenForAuthChanges(
  connection: pg.ClientConfig,
  cache: SessionCache,
  log: FastifyBaseLogger,
): { close: () => Promise<void> } {
  let client: pg.Client | null = null;
  let closed = false;
  let delay = 1000;
  let timer: NodeJS.Timeout | null = null;
  const retry = () => {
    cache.setSynced(false);
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = null;
      void connect();
    }, delay);
    timer.unref();
    delay = Math.min(delay * 2, 30_000);
  };
  const connect = async () => {
    const c = new pg.Client({ ...connection, application_name: 'onestop_auth_listener' });
    client = c;
    c.on('error', (err) => {
      log.warn({ err: err.message }, 'session cache listener lost; cache off until it reconnects');
      void c.end().catch(() => undefined);
      if (client === c) client = null;
      retry();
    });
    c.on('end', () => {
      if (client === c) {
        client = null;
        retry();
      }
    });
    c.on('notification', (n) => {
      if (n.channel === AUTH_CHANNEL) cache.onNotification(n.payload);
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${AUTH_CHANNEL}`);
      if (closed) {
        await c.end();
        return;
      }
      delay = 1000;
      cache.setSynced(true);
    } catch (err) {
      log.warn({ err: (err as Error).message }, 'session cache listener could not start; cache off');
      void c.end().catch(() => undefined);
      if (client === c) client = null;
      retry();
    }
  };
  void connect();
  return {
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      cache.setSynced(false);
      const c = client;
      client = null;
      await c?.end().catch(() => undefined);
    },
  };
}

/** One query loads the session, the user, their posts and certificates. */
async function loadSession(db: Kysely<DB>, sessionId: string): Promise<SessionRow | undefined> {
  const r = await sql<SessionRow>`
    SELECT s.id AS session_id, s.csrf_token, s.last_seen_at, u.id AS user_id, u.username, u.display_name,
           u.organization_id, o.name AS organization_name, u.must_change_password, u.active,
           (SELECT json_agg(json_build_object('role', ur.role, 'jurisdiction_id', ur.jurisdiction_id))
              FROM user_role ur WHERE ur.user_id = u.id) AS grants,
           (SELECT json_agg(json_build_object('type', c.type, 'valid_from', c.valid_from, 'valid_to', c.valid_to,
                                              'revoked', c.revoked))
              FROM certificate c WHERE c.user_id = u.id) AS certs
      FROM session s JOIN app_user u ON u.id = s.user_id JOIN organization o ON o.id = u.organization_id
     WHERE s.id = ${sessionId}`.execute(db);
  return r.rows[0];
}

/** The session's auth context, or null when the session does not exist. */
export async function resolveSession(
  db: Kysely<DB>,
  sessionId: string,
  config: Pick<AppConfig, 'tzOffsetMinutes'>,
): Promise<AuthContext | null> {
  const row = await loadSession(db, sessionId);
  return row ? buildAuthContext(row, businessToday(config)) : null;
}

export function buildAuthContext(row: SessionRow, today: string): AuthContext {
  const byRole = new Map<RoleCode, string[]>();
  for (const g of row.grants ?? []) {
    if (!isRoleCode(g.role)) continue;
    const list = byRole.get(g.role) ?? [];
    list.push(g.jurisdiction_id);
    byRole.set(g.role, list);
  }
  const certs = (row.certs ?? []).map((c) => ({
    type: c.type as 'inspector_card' | 'arbitrator_card',
    validFrom: c.valid_from,
    validTo: c.valid_to,
    revoked: c.revoked,
  }));
  const eff = effectivePermissions(
    [...byRole].map(([role, jurisdictionIds]) => ({ role, jurisdictionIds })),
    certs,
    today,
  );
  return {
    sessionId: row.session_id,
    csrfToken: row.csrf_token,
    userId: row.user_id,
    username: row.username,
    displayName: row.display_name,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    mustChangePassword: row.must_change_password,
    permissions: new Set(eff.permissions),
    grants: eff.grants,
  };
}

export async function createSession(
  db: Kysely<DB> | import('kysely').Transaction<DB>,
  userId: string,
  ip: string,
  userAgent: string | undefined,
): Promise<{ token: string; sessionId: string; csrfToken: string }> {
  const token = randomToken(32);
  const sessionId = sha256Hex(token);
  const csrfToken = randomToken(24);
  await db
    .insertInto('session')
    .values({
      id: sessionId,
      user_id: userId,
      csrf_token: csrfToken,
      last_seen_at: new Date(),
      ip,
      user_agent: userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, sessionId, csrfToken };
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** A session's last_seen_at is written at most this often (the idle timeout's precision). */
const TOUCH_EVERY_MS = 60_000;

/**
 * Registers the authentication pipeline: every route must declare `config.auth`; the session
 * cookie is resolved (idle timeout enforced), CSRF is checked on state changes, and the declared
 * permission is enforced (401 without a session, 403 without the permission). It runs before the
 * body is validated, so an anonymous caller learns nothing about a route's fields (401, not 400).
 */
export function registerAuth(app: FastifyInstance, db: Kysely<DB>, config: AppConfig) {
  app.decorateRequest('auth', null);
  app.decorate('routeCatalog', [] as RouteEntry[]);
  const { database } = app.ctx;
  // On PostgreSQL other processes share the sessions: the cache waits for its LISTEN connection.
  const cache = new SessionCache(config.sessionCacheMs, database.backend !== 'postgres');
  app.decorate('sessionCache', cache);
  const listener =
    database.backend === 'postgres' && config.sessionCacheMs > 0
      ? listenForAuthChanges(database.connection, cache, app.log)
      : null;
  app.addHook('onClose', async () => {
    await listener?.close();
    cache.close();
  });
  const idleMs = config.sessionIdleMinutes * 60_000;

  // Each route gets the guard as its first preValidation hook, bound to what it declares: no
  // global hook for Fastify to run on every request and no `req.routeOptions` (an object Fastify
  // builds anew on each read) to find the declaration. Instance-level preValidation hooks of a
  // plugin's scope (the portal's session) run before it; none of them grants anything.
  app.addHook('onRoute', (route) => {
    const auth = route.config?.auth;
    if (route.url.startsWith('/api/') && !route.url.startsWith('/api/docs')) {
      if (!auth) throw new Error(`route ${route.method} ${route.url} does not declare config.auth`);
      for (const method of [route.method].flat())
        if (method !== 'HEAD') app.routeCatalog.push({ method, url: route.url, auth });
    }
    if (auth) route.preValidation = [guard(auth), ...[route.preValidation ?? []].flat()];
  });

  // The business date of each request, computed once a day (permissions depend on the date); the
  // test-only clock `config.now`, when set, is asked on every request instead.
  const todayAt = businessDateCache(config.tzOffsetMinutes);
  const today = (now: number) => (config.now ? businessToday(config) : todayAt(now));
  /** The auth context of a cached session, built once per session and business date. */
  const authOf = (entry: CacheEntry, now: number): AuthContext => {
    const date = today(now);
    if (entry.today !== date || !entry.auth) {
      entry.auth = buildAuthContext(entry.row, date);
      entry.today = date;
    }
    return entry.auth;
  };

  /** What the route declares, checked against the request's auth context (throws 401/403/CSRF). */
  const authorize = (req: FastifyRequest, declared: RouteAuth) => {
    if (declared === 'public') return;
    const auth = req.auth;
    if (!auth) throw errors.unauthenticated();
    if (UNSAFE.has(req.method) && req.headers['x-csrf-token'] !== auth.csrfToken) throw errors.csrf();
    if (declared === 'authenticated') return;
    if (auth.mustChangePassword) throw errors.forbidden('请先修改初始密码');
    if (!holdsRouteAuth(auth, declared)) throw errors.forbidden();
  };

  /** The general path: loads the session when not cached, expires idle sessions, touches last_seen_at. */
  const resolve = async (
    req: FastifyRequest,
    reply: FastifyReply,
    declared: RouteAuth,
    token: string | undefined,
  ) => {
    if (token) {
      const now = Date.now();
      const entry =
        cache.get(token, now) ?? (await cache.load(token, () => loadSession(db, sha256Hex(token))));
      if (entry) {
        const row = entry.row;
        const idle = now - row.last_seen_at.getTime();
        if (idle > idleMs || !row.active) {
          invalidateSessionCache(row.session_id);
          await db.deleteFrom('session').where('id', '=', row.session_id).execute();
          reply.clearCookie(SESSION_COOKIE, { path: '/' });
          if (declared !== 'public') throw errors.sessionExpired();
        } else {
          req.auth = authOf(entry, now);
          // Touch at most once a minute: idle timeout precision without a write per request.
          if (idle > TOUCH_EVERY_MS) {
            const touched = new Date(now);
            await db
              .updateTable('session')
              .set({ last_seen_at: touched })
              .where('id', '=', row.session_id)
              .execute();
            row.last_seen_at = touched;
          }
        }
      }
    }
    authorize(req, declared);
  };

  // A callback hook, so that the common case costs no promise and no turn of the event loop: a
  // session found in the cache, active, and touched within the minute (nothing to write) is
  // resolved and checked synchronously. Anything else (no cookie, a cache miss, an idle or
  // inactive session, a touch due) takes the general path above. Both end in the same checks.
  const touchWithinMs = Math.min(TOUCH_EVERY_MS, idleMs);
  function guard(declared: RouteAuth) {
    return (req: FastifyRequest, reply: FastifyReply, done: (err?: Error) => void) => {
      const token = requestCookie(req, SESSION_COOKIE);
      const now = Date.now();
      const hit = token ? cache.get(token, now) : undefined;
      if (hit?.row.active && now - hit.row.last_seen_at.getTime() <= touchWithinMs) {
        try {
          req.auth = authOf(hit, now);
          authorize(req, declared);
        } catch (err) {
          return done(err as Error);
        }
        return done();
      }
      resolve(req, reply, declared, token).then(() => done(), done);
    };
  }
}
