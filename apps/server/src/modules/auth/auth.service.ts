import { ROLES } from '@onestop/domain';
import type { Kysely } from 'kysely';
import type { AppConfig } from '../../config/env';
import type { DB } from '../../db/schema';
import { type Actor, appendAudit } from '../../platform/audit';
import type { AuthContext } from '../../platform/auth';
import { createSession, invalidateSessionCache } from '../../platform/auth';
import { AppError } from '../../platform/errors';
import {
  DUMMY_HASH_PROMISE,
  hashPassword,
  passwordPolicyViolation,
  verifyPassword,
} from '../../platform/passwords';
import type { SessionUser } from './auth.schema';

export class AuthService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly config: AppConfig,
  ) {}

  /**
   * Password sign-in with lockout: after LOGIN_MAX_FAILURES wrong passwords the account is locked
   * for LOGIN_LOCK_MINUTES. Every attempt, failed or not, is audited.
   */
  async login(username: string, password: string, ip: string, userAgent: string | undefined) {
    const user = await this.db
      .selectFrom('app_user')
      .selectAll()
      .where((eb) => eb(eb.fn('lower', ['username']), '=', username.toLowerCase()))
      .executeTakeFirst();
    const anon: Actor = { id: null, name: username.slice(0, 64), role: null, ip };
    if (!user) {
      await verifyPassword(await DUMMY_HASH_PROMISE, password);
      await this.db.transaction().execute((trx) =>
        appendAudit(trx, anon, {
          action: 'auth.login.failed',
          entityType: 'user',
          summary: `登录失败：登录名不存在（${username.slice(0, 64)}）`,
        }),
      );
      throw new AppError(401, 'AUTH_INVALID', '登录名或密码错误');
    }
    const actor: Actor = { id: user.id, name: user.display_name, role: null, ip };
    const now = new Date();
    if (user.locked_until && user.locked_until > now) {
      const minutes = Math.ceil((user.locked_until.getTime() - now.getTime()) / 60_000);
      throw new AppError(423, 'AUTH_LOCKED', `账号已被锁定，请 ${minutes} 分钟后再试或联系管理员解锁`, {
        lockedUntil: user.locked_until.toISOString(),
      });
    }
    const ok = await verifyPassword(user.password_hash, password);
    if (!ok) {
      const failures = user.failed_attempts + 1;
      const lock = failures >= this.config.loginMaxFailures;
      const lockedUntil = lock ? new Date(now.getTime() + this.config.loginLockMinutes * 60_000) : null;
      await this.db.transaction().execute(async (trx) => {
        await trx
          .updateTable('app_user')
          .set({ failed_attempts: lock ? 0 : failures, locked_until: lockedUntil })
          .where('id', '=', user.id)
          .execute();
        await appendAudit(trx, actor, {
          action: lock ? 'auth.lock' : 'auth.login.failed',
          entityType: 'user',
          entityId: user.id,
          summary: lock
            ? `连续 ${failures} 次密码错误，账号锁定 ${this.config.loginLockMinutes} 分钟`
            : `登录失败：密码错误（第 ${failures} 次）`,
        });
      });
      if (lock) {
        throw new AppError(
          423,
          'AUTH_LOCKED',
          `密码连续错误 ${failures} 次，账号已锁定 ${this.config.loginLockMinutes} 分钟`,
          { lockedUntil: lockedUntil?.toISOString() },
        );
      }
      const left = this.config.loginMaxFailures - failures;
      throw new AppError(401, 'AUTH_INVALID', `登录名或密码错误，再错 ${left} 次账号将被锁定`, {
        attemptsLeft: left,
      });
    }
    if (!user.active) throw new AppError(403, 'ACCOUNT_DISABLED', '账号已停用，请联系系统管理员');
    return this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('app_user')
        .set({ failed_attempts: 0, locked_until: null, last_login_at: now })
        .where('id', '=', user.id)
        .execute();
      const session = await createSession(trx, user.id, ip, userAgent);
      await appendAudit(trx, actor, {
        action: 'auth.login',
        entityType: 'user',
        entityId: user.id,
        summary: '登录成功',
      });
      return session;
    });
  }

  async logout(auth: AuthContext, actor: Actor) {
    invalidateSessionCache(auth.sessionId);
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('session').where('id', '=', auth.sessionId).execute();
      await appendAudit(trx, actor, {
        action: 'auth.logout',
        entityType: 'user',
        entityId: auth.userId,
        summary: '退出登录',
      });
    });
    // Again after COMMIT: a request resolved between the first call and the COMMIT is not kept.
    invalidateSessionCache(auth.sessionId);
  }

  async changePassword(auth: AuthContext, actor: Actor, current: string, next: string) {
    const user = await this.db
      .selectFrom('app_user')
      .select(['password_hash', 'username'])
      .where('id', '=', auth.userId)
      .executeTakeFirstOrThrow();
    if (!(await verifyPassword(user.password_hash, current))) {
      throw new AppError(400, 'PASSWORD_WRONG', '当前密码不正确');
    }
    const violation = passwordPolicyViolation(next, user.username);
    if (violation) throw new AppError(400, 'PASSWORD_POLICY', violation);
    if (current === next) throw new AppError(400, 'PASSWORD_POLICY', '新密码不能与当前密码相同');
    const hashed = await hashPassword(next);
    invalidateSessionCache();
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('app_user')
        .set((eb) => ({
          password_hash: hashed,
          must_change_password: false,
          version: eb('version', '+', 1),
          updated_at: new Date(),
        }))
        .where('id', '=', auth.userId)
        .execute();
      // Other sessions of this user end: a changed password must lock out whoever knew the old one.
      await trx
        .deleteFrom('session')
        .where('user_id', '=', auth.userId)
        .where('id', '!=', auth.sessionId)
        .execute();
      await appendAudit(trx, actor, {
        action: 'auth.password.change',
        entityType: 'user',
        entityId: auth.userId,
        summary: '修改密码',
      });
    });
    invalidateSessionCache();
  }

  async presentSessionUser(auth: AuthContext): Promise<SessionUser> {
    const ids = [...new Set(auth.grants.flatMap((g) => [...g.jurisdictionIds]))];
    const names = new Map<string, string>();
    if (ids.length) {
      const rows = await this.db
        .selectFrom('jurisdiction')
        .select(['id', 'name'])
        .where('id', 'in', ids)
        .execute();
      for (const r of rows) names.set(r.id, r.name);
    }
    return {
      id: auth.userId,
      username: auth.username,
      displayName: auth.displayName,
      organization: { id: auth.organizationId, name: auth.organizationName },
      roles: auth.grants.map((g) => ({
        role: g.role,
        label: ROLES[g.role].label,
        active: g.active,
        jurisdictions: g.jurisdictionIds.map((id) => ({ id, name: names.get(id) ?? '' })),
      })),
      permissions: [...auth.permissions].sort(),
      mustChangePassword: auth.mustChangePassword,
      demoMode: this.config.demoMode,
    };
  }
}
