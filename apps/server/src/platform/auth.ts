import type {} from '@fastify/cookie';
import {
  type EffectiveGrant,
  effectivePermissions,
  isRoleCode,
  type Permission,
  ROLES,
  type RoleCode,
} from '@onestop/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Kysely, sql } from 'kysely';
import type { AppConfig } from '../config/env';
import type { DB } from '../db/schema';
import type { Actor } from './audit';
import { randomToken, sha256Hex } from './crypto';
import { errors } from './errors';

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
 * Today's date at the configured offset (China Standard Time by default), as 'YYYY-MM-DD'; the
 * test-only `config.now` clock, when set, replaces the system clock.
 */
export function todayIso(
  config: Pick<AppConfig, 'tzOffsetMinutes'> & { now?: (() => Date) | undefined },
  now = config.now?.() ?? new Date(),
): string {
  return new Date(now.getTime() + config.tzOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

/**
 * A short-lived in-process cache of resolved sessions (default 2 s). Every instance shares the
 * sessions in the database; a change made through this instance (logout, role or certificate
 * change, password change) clears the cache at once, and a change made on another instance is seen
 * here within the TTL.
 */
const sessionCache = new Map<string, { row: SessionRow; at: number }>();
let sessionCacheTtlMs = 2000;

export function configureSessionCache(ttlMs: number) {
  sessionCacheTtlMs = ttlMs;
  sessionCache.clear();
}

/** Forget cached sessions: call after any change to users, posts, certificates or sessions. */
export function invalidateSessionCache(sessionId?: string) {
  if (sessionId) sessionCache.delete(sessionId);
  else sessionCache.clear();
}

async function loadSessionCached(db: Kysely<DB>, sessionId: string): Promise<SessionRow | undefined> {
  const hit = sessionCache.get(sessionId);
  if (hit && Date.now() - hit.at < sessionCacheTtlMs) return hit.row;
  const row = await loadSession(db, sessionId);
  if (row && sessionCacheTtlMs > 0) {
    if (sessionCache.size > 10_000) sessionCache.clear();
    sessionCache.set(sessionId, { row, at: Date.now() });
  } else sessionCache.delete(sessionId);
  return row;
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
  return row ? buildAuthContext(row, todayIso(config)) : null;
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

/**
 * Registers the authentication pipeline: every route must declare `config.auth`; the session
 * cookie is resolved (idle timeout enforced), CSRF is checked on state changes, and the declared
 * permission is enforced (401 without a session, 403 without the permission). It runs before the
 * body is validated, so an anonymous caller learns nothing about a route's fields (401, not 400).
 */
export function registerAuth(app: FastifyInstance, db: Kysely<DB>, config: AppConfig) {
  app.decorateRequest('auth', null);
  app.decorate('routeCatalog', [] as RouteEntry[]);
  configureSessionCache(config.sessionCacheMs);
  const idleMs = config.sessionIdleMinutes * 60_000;

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const auth = route.config?.auth;
    if (!auth) throw new Error(`route ${route.method} ${route.url} does not declare config.auth`);
    for (const method of [route.method].flat())
      if (method !== 'HEAD') app.routeCatalog.push({ method, url: route.url, auth });
  });

  app.addHook('preValidation', async (req: FastifyRequest, reply: FastifyReply) => {
    const declared = req.routeOptions.config?.auth;
    if (!declared) return;
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const row = await loadSessionCached(db, sha256Hex(token));
      if (row) {
        const idle = Date.now() - new Date(row.last_seen_at).getTime();
        if (idle > idleMs || !row.active) {
          invalidateSessionCache(row.session_id);
          await db.deleteFrom('session').where('id', '=', row.session_id).execute();
          reply.clearCookie(SESSION_COOKIE, { path: '/' });
          if (declared !== 'public') throw errors.sessionExpired();
        } else {
          req.auth = buildAuthContext(row, todayIso(config));
          // Touch at most once a minute: idle timeout precision without a write per request.
          if (idle > 60_000) {
            const now = new Date();
            await db
              .updateTable('session')
              .set({ last_seen_at: now })
              .where('id', '=', row.session_id)
              .execute();
            row.last_seen_at = now;
          }
        }
      }
    }
    if (declared === 'public') return;
    const auth = req.auth;
    if (!auth) throw errors.unauthenticated();
    if (UNSAFE.has(req.method) && req.headers['x-csrf-token'] !== auth.csrfToken) throw errors.csrf();
    if (declared === 'authenticated') return;
    if (auth.mustChangePassword) throw errors.forbidden('请先修改初始密码');
    if (!holdsRouteAuth(auth, declared)) throw errors.forbidden();
  });
}
