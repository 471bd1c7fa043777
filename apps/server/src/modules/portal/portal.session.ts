import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { AppConfig } from '../../config/env';
import type { DB } from '../../db/schema';
import type { Actor } from '../../platform/audit';
import { requestCookie } from '../../platform/cookies';
import { randomToken, sha256Hex } from '../../platform/crypto';
import { AppError } from '../../platform/errors';

/** Portal sessions live apart from staff sessions: own cookie, own table, own CSRF header. */
export const PORTAL_COOKIE = 'onestop_portal';
export const PORTAL_CSRF_HEADER = 'x-portal-csrf';
const ACCOUNT_TTL_MS = 7 * 24 * 3600_000;
const QUERY_TTL_MS = 2 * 3600_000;
const IDLE_MS = 2 * 3600_000;

export interface PortalContext {
  sessionId: string;
  kind: 'account' | 'query';
  accountId: string | null;
  /** Query-code sessions: the one matter and the worker party they may see. */
  matterId: string | null;
  partyId: string | null;
  csrfToken: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    portal: PortalContext | null;
  }
}

export const portalErrors = {
  unauthenticated: () => new AppError(401, 'PORTAL_UNAUTHENTICATED', '请先用手机号登录'),
  accountRequired: () =>
    new AppError(403, 'PORTAL_ACCOUNT_REQUIRED', '用查询码只能查看这一件事项；办理其他业务请用手机号登录'),
  csrf: () => new AppError(403, 'CSRF_INVALID', '页面已过期，请刷新后重试'),
};

export function portalActor(req: FastifyRequest, name = '当事人（网上）'): Actor {
  return { id: null, name, role: 'portal', ip: req.ip };
}

export function cookieOptions(config: AppConfig) {
  return { path: '/', httpOnly: true, sameSite: 'strict' as const, secure: config.cookieSecure };
}

export async function createPortalSession(
  db: Kysely<DB>,
  reply: FastifyReply,
  config: AppConfig,
  s: { kind: 'account' | 'query'; accountId?: string; matterId?: string; partyId?: string; ip: string },
): Promise<{ csrfToken: string }> {
  const token = randomToken(32);
  const csrfToken = randomToken(24);
  const ttl = s.kind === 'account' ? ACCOUNT_TTL_MS : QUERY_TTL_MS;
  await db
    .insertInto('portal_session')
    .values({
      id: sha256Hex(token),
      kind: s.kind,
      account_id: s.accountId ?? null,
      matter_id: s.matterId ?? null,
      party_id: s.partyId ?? null,
      csrf_token: csrfToken,
      ip: s.ip,
      last_seen_at: new Date(),
      expires_at: new Date(Date.now() + ttl),
    })
    .execute();
  reply.setCookie(PORTAL_COOKIE, token, { ...cookieOptions(config), maxAge: ttl / 1000 });
  return { csrfToken };
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The portal session a route needs: any ('session', incl. a 查询码 session) or a signed-in account. */
    portal?: 'session' | 'account';
  }
}

/**
 * Resolves the portal cookie on every portal route (routes declare `config.auth: 'public'` for the
 * staff pipeline) and checks the portal CSRF header on state changes made within a session.
 */
export function registerPortalSession(app: FastifyInstance, db: Kysely<DB>) {
  app.decorateRequest('portal', null);
  app.addHook('preValidation', async (req) => {
    await resolvePortalSession(req, db);
    // A route that needs a session says so (`config.portal`): checked here, before its body is
    // validated, so an anonymous request with a malformed body is 401, not 400.
    const needs = req.routeOptions.config.portal;
    if (needs === 'account') requireAccount(req);
    else if (needs === 'session') requirePortal(req);
  });
}

async function resolvePortalSession(req: FastifyRequest, db: Kysely<DB>): Promise<void> {
  const token = requestCookie(req, PORTAL_COOKIE);
  if (!token) return;
  const row = await db
    .selectFrom('portal_session')
    .selectAll()
    .where('id', '=', sha256Hex(token))
    .executeTakeFirst();
  if (!row) return;
  const now = Date.now();
  if (new Date(row.expires_at).getTime() < now || now - new Date(row.last_seen_at).getTime() > IDLE_MS) {
    await db.deleteFrom('portal_session').where('id', '=', row.id).execute();
    return;
  }
  if (now - new Date(row.last_seen_at).getTime() > 60_000) {
    await db
      .updateTable('portal_session')
      .set({ last_seen_at: new Date() })
      .where('id', '=', row.id)
      .execute();
  }
  req.portal = {
    sessionId: row.id,
    kind: row.kind,
    accountId: row.account_id,
    matterId: row.matter_id,
    partyId: row.party_id,
    csrfToken: row.csrf_token,
  };
}

/** The signed-in portal user (401 without a session, 403 on a state change without the CSRF header). */
export function requirePortal(req: FastifyRequest): PortalContext {
  const p = req.portal;
  if (!p) throw portalErrors.unauthenticated();
  if (UNSAFE.has(req.method) && req.headers[PORTAL_CSRF_HEADER] !== p.csrfToken) throw portalErrors.csrf();
  return p;
}

/** An account session (sign-in by phone): needed to submit anything or to see several matters. */
export function requireAccount(req: FastifyRequest): PortalContext & { accountId: string } {
  const p = requirePortal(req);
  if (p.kind !== 'account' || !p.accountId) throw portalErrors.accountRequired();
  return p as PortalContext & { accountId: string };
}
