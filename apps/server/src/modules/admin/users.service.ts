// Over 400 lines on purpose: users, posts and certificates are written in the same transactions (one account = its grants and cards); kept together.
import {
  CERTIFICATE_TYPES,
  type CertificateType,
  isRoleActive,
  maskPhone,
  ROLES,
  type RoleCode,
} from '@onestop/domain';
import type { Kysely, Transaction } from 'kysely';
import type { AppConfig } from '../../config/env';
import type { DB } from '../../db/schema';
import { type Actor, appendAudit } from '../../platform/audit';
import { invalidateSessionCache } from '../../platform/auth';
import { businessToday } from '../../platform/time';
import type { FieldCipher } from '../../platform/crypto';
import { AppError, errors } from '../../platform/errors';
import { hashPassword, passwordPolicyViolation } from '../../platform/passwords';

export interface RoleGrantInput {
  role: RoleCode;
  jurisdictionIds: string[];
}

type Exec = Kysely<DB> | Transaction<DB>;

export class UsersService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly config: AppConfig,
    private readonly cipher: FieldCipher,
  ) {}

  private async assertRefs(
    trx: Exec,
    organizationId: string | undefined,
    grants: RoleGrantInput[] | undefined,
  ) {
    if (organizationId) {
      const org = await trx
        .selectFrom('organization')
        .select('id')
        .where('id', '=', organizationId)
        .executeTakeFirst();
      if (!org) throw new AppError(400, 'ORGANIZATION_NOT_FOUND', '所选机构不存在');
    }
    const ids = [...new Set((grants ?? []).flatMap((g) => g.jurisdictionIds))];
    if (ids.length) {
      const found = await trx.selectFrom('jurisdiction').select('id').where('id', 'in', ids).execute();
      if (found.length !== ids.length) throw new AppError(400, 'JURISDICTION_NOT_FOUND', '所选辖区不存在');
    }
    const roles = (grants ?? []).map((g) => g.role);
    if (new Set(roles).size !== roles.length) {
      throw new AppError(400, 'DUPLICATE_ROLE', '同一岗位只能出现一次，请在一个岗位下选择多个辖区');
    }
  }

  /** A write transaction after which cached sessions are dropped (posts, certificates or status changed). */
  private async write<T>(fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
    try {
      return await this.db.transaction().execute(fn);
    } finally {
      invalidateSessionCache();
    }
  }

  private async writeGrants(trx: Transaction<DB>, userId: string, grants: RoleGrantInput[]) {
    await trx.deleteFrom('user_role').where('user_id', '=', userId).execute();
    const rows = grants.flatMap((g) =>
      [...new Set(g.jurisdictionIds)].map((j) => ({ user_id: userId, role: g.role, jurisdiction_id: j })),
    );
    if (rows.length) await trx.insertInto('user_role').values(rows).execute();
  }

  async create(
    actor: Actor,
    input: {
      username: string;
      displayName: string;
      organizationId: string;
      password: string;
      phone?: string | undefined;
      roles: RoleGrantInput[];
    },
  ) {
    const violation = passwordPolicyViolation(input.password, input.username);
    if (violation) throw new AppError(400, 'PASSWORD_POLICY', violation);
    const passwordHash = await hashPassword(input.password);
    return this.write(async (trx) => {
      await this.assertRefs(trx, input.organizationId, input.roles);
      const taken = await trx
        .selectFrom('app_user')
        .select('id')
        .where((eb) => eb(eb.fn('lower', ['username']), '=', input.username.toLowerCase()))
        .executeTakeFirst();
      if (taken) throw new AppError(409, 'USERNAME_TAKEN', `登录名“${input.username}”已被使用`);
      const user = await trx
        .insertInto('app_user')
        .values({
          username: input.username,
          display_name: input.displayName,
          organization_id: input.organizationId,
          password_hash: passwordHash,
          phone_enc: input.phone ? this.cipher.encrypt(input.phone) : null,
          phone_hash: input.phone ? this.cipher.lookupHash(input.phone) : null,
          // Outside demo mode an initial password set by an administrator must be changed at first sign-in.
          must_change_password: !this.config.demoMode,
          updated_at: new Date(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await this.writeGrants(trx, user.id, input.roles);
      await appendAudit(trx, actor, {
        action: 'user.create',
        entityType: 'user',
        entityId: user.id,
        summary: `新建用户 ${input.displayName}（${input.username}），岗位：${
          input.roles.map((r) => ROLES[r.role].label).join('、') || '无'
        }`,
        after: {
          username: input.username,
          displayName: input.displayName,
          organizationId: input.organizationId,
          roles: input.roles,
          phone: input.phone ? maskPhone(input.phone) : null,
        },
      });
      return this.get(trx, user.id);
    });
  }

  async update(
    actor: Actor,
    id: string,
    input: {
      version: number;
      displayName?: string | undefined;
      organizationId?: string | undefined;
      active?: boolean | undefined;
      phone?: string | null | undefined;
      roles?: RoleGrantInput[] | undefined;
    },
  ) {
    return this.write(async (trx) => {
      const before = await this.get(trx, id);
      await this.assertRefs(trx, input.organizationId, input.roles);
      const updated = await trx
        .updateTable('app_user')
        .set((eb) => ({
          ...(input.displayName !== undefined && { display_name: input.displayName }),
          ...(input.organizationId !== undefined && { organization_id: input.organizationId }),
          ...(input.active !== undefined && { active: input.active }),
          ...(input.phone !== undefined && {
            phone_enc: input.phone ? this.cipher.encrypt(input.phone) : null,
            phone_hash: input.phone ? this.cipher.lookupHash(input.phone) : null,
          }),
          version: eb('version', '+', 1),
          updated_at: new Date(),
        }))
        .where('id', '=', id)
        .where('version', '=', input.version)
        .returning('id')
        .executeTakeFirst();
      if (!updated) throw errors.conflict(before);
      if (input.roles) await this.writeGrants(trx, id, input.roles);
      if (input.active === false) await trx.deleteFrom('session').where('user_id', '=', id).execute();
      const after = await this.get(trx, id);
      await appendAudit(trx, actor, {
        action: 'user.update',
        entityType: 'user',
        entityId: id,
        summary: `修改用户 ${after.displayName}（${after.username}）`,
        before: { ...before, lastLoginAt: undefined },
        after: { ...after, lastLoginAt: undefined },
      });
      return after;
    });
  }

  async unlock(actor: Actor, id: string) {
    return this.write(async (trx) => {
      const r = await trx
        .updateTable('app_user')
        .set({ locked_until: null, failed_attempts: 0 })
        .where('id', '=', id)
        .returning('display_name')
        .executeTakeFirst();
      if (!r) throw errors.notFound('用户');
      await appendAudit(trx, actor, {
        action: 'user.unlock',
        entityType: 'user',
        entityId: id,
        summary: `解锁用户 ${r.display_name}`,
      });
      return this.get(trx, id);
    });
  }

  async resetPassword(actor: Actor, id: string, password: string) {
    const target = await this.db
      .selectFrom('app_user')
      .select(['username'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!target) throw errors.notFound('用户');
    const violation = passwordPolicyViolation(password, target.username);
    if (violation) throw new AppError(400, 'PASSWORD_POLICY', violation);
    const passwordHash = await hashPassword(password);
    return this.write(async (trx) => {
      await trx
        .updateTable('app_user')
        .set((eb) => ({
          password_hash: passwordHash,
          must_change_password: !this.config.demoMode,
          failed_attempts: 0,
          locked_until: null,
          version: eb('version', '+', 1),
        }))
        .where('id', '=', id)
        .execute();
      await trx.deleteFrom('session').where('user_id', '=', id).execute();
      await appendAudit(trx, actor, {
        action: 'user.password.reset',
        entityType: 'user',
        entityId: id,
        summary: `重置用户 ${target.username} 的密码`,
      });
      return this.get(trx, id);
    });
  }

  async list(q: {
    q?: string | undefined;
    organizationId?: string | undefined;
    role?: string | undefined;
    limit: number;
    offset: number;
  }) {
    let query = this.db
      .selectFrom('app_user')
      .select('id')
      .orderBy('username')
      .limit(q.limit)
      .offset(q.offset);
    if (q.q) {
      const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query = query.where((eb) => eb.or([eb('display_name', 'ilike', like), eb('username', 'ilike', like)]));
    }
    if (q.organizationId) query = query.where('organization_id', '=', q.organizationId);
    if (q.role) {
      const role = q.role;
      query = query.where((eb) =>
        eb.exists(
          eb
            .selectFrom('user_role')
            .select('user_id')
            .whereRef('user_role.user_id', '=', 'app_user.id')
            .where('user_role.role', '=', role),
        ),
      );
    }
    const ids = (await query.execute()).map((r) => r.id);
    return this.present(this.db, ids);
  }

  async get(exec: Exec, id: string) {
    const [user] = await this.present(exec, [id]);
    if (!user) throw errors.notFound('用户');
    return user;
  }

  /** Whitelist presenter: never returns hashes; the phone is masked. */
  private async present(exec: Exec, ids: string[]) {
    if (!ids.length) return [];
    const users = await exec
      .selectFrom('app_user as u')
      .innerJoin('organization as o', 'o.id', 'u.organization_id')
      .select([
        'u.id',
        'u.username',
        'u.display_name',
        'u.organization_id',
        'o.name as organization_name',
        'u.phone_enc',
        'u.active',
        'u.locked_until',
        'u.must_change_password',
        'u.last_login_at',
        'u.version',
      ])
      .where('u.id', 'in', ids)
      .execute();
    const grants = await exec
      .selectFrom('user_role as r')
      .innerJoin('jurisdiction as j', 'j.id', 'r.jurisdiction_id')
      .select(['r.user_id', 'r.role', 'j.id', 'j.name'])
      .where('r.user_id', 'in', ids)
      .orderBy('j.sort')
      .execute();
    const certs = await exec
      .selectFrom('certificate')
      .select(['user_id', 'type', 'valid_from', 'valid_to', 'revoked'])
      .where('user_id', 'in', ids)
      .execute();
    const today = businessToday(this.config);
    const order = new Map(ids.map((id, i) => [id, i]));
    return users
      .sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0))
      .map((u) => {
        const mine = grants.filter((g) => g.user_id === u.id);
        const myCerts = certs
          .filter((c) => c.user_id === u.id)
          .map((c) => ({
            type: c.type as CertificateType,
            validFrom: c.valid_from,
            validTo: c.valid_to,
            revoked: c.revoked,
          }));
        const roles = [...new Set(mine.map((g) => g.role))].filter((r): r is RoleCode => r in ROLES);
        return {
          id: u.id,
          username: u.username,
          displayName: u.display_name,
          organization: { id: u.organization_id, name: u.organization_name },
          phoneMasked: u.phone_enc ? maskPhone(this.cipher.decrypt(u.phone_enc)) : null,
          roles: roles.map((role) => ({
            role,
            label: ROLES[role].label,
            active: isRoleActive(role, myCerts, today),
            jurisdictions: mine.filter((g) => g.role === role).map((g) => ({ id: g.id, name: g.name })),
          })),
          active: u.active,
          lockedUntil: u.locked_until && u.locked_until > new Date() ? u.locked_until.toISOString() : null,
          mustChangePassword: u.must_change_password,
          lastLoginAt: u.last_login_at ? u.last_login_at.toISOString() : null,
          version: u.version,
        };
      });
  }

  // --- certificates -------------------------------------------------------------------------

  async listCertificates(userId: string) {
    const rows = await this.db
      .selectFrom('certificate')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('valid_to', 'desc')
      .execute();
    const today = businessToday(this.config);
    return rows.map((c) => presentCertificate(c, today));
  }

  async addCertificate(
    actor: Actor,
    userId: string,
    input: { type: CertificateType; number: string; issuer: string; validFrom: string; validTo: string },
  ) {
    return this.write(async (trx) => {
      const user = await trx
        .selectFrom('app_user')
        .select(['display_name'])
        .where('id', '=', userId)
        .executeTakeFirst();
      if (!user) throw errors.notFound('用户');
      const dup = await trx
        .selectFrom('certificate')
        .select('id')
        .where('type', '=', input.type)
        .where('number', '=', input.number)
        .executeTakeFirst();
      if (dup) throw new AppError(409, 'CERTIFICATE_DUPLICATE', `证件编号 ${input.number} 已登记`);
      const row = await trx
        .insertInto('certificate')
        .values({
          user_id: userId,
          type: input.type,
          number: input.number,
          issuer: input.issuer,
          valid_from: input.validFrom,
          valid_to: input.validTo,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await appendAudit(trx, actor, {
        action: 'certificate.create',
        entityType: 'certificate',
        entityId: row.id,
        summary: `为 ${user.display_name} 登记${CERTIFICATE_TYPES[input.type].label}（${input.number}）`,
        after: input,
      });
      return presentCertificate(row, businessToday(this.config));
    });
  }

  async revokeCertificate(actor: Actor, id: string) {
    return this.write(async (trx) => {
      const row = await trx
        .updateTable('certificate')
        .set({ revoked: true, revoked_at: new Date() })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      if (!row) throw errors.notFound('证件');
      await appendAudit(trx, actor, {
        action: 'certificate.revoke',
        entityType: 'certificate',
        entityId: id,
        summary: `注销证件 ${row.number}`,
      });
      return presentCertificate(row, businessToday(this.config));
    });
  }
}

function presentCertificate(
  c: {
    id: string;
    type: string;
    number: string;
    issuer: string;
    valid_from: string;
    valid_to: string;
    revoked: boolean;
  },
  today: string,
) {
  const def = CERTIFICATE_TYPES[c.type as CertificateType];
  const status = c.revoked
    ? 'revoked'
    : today < c.valid_from
      ? 'not_yet_valid'
      : today > c.valid_to
        ? 'expired'
        : 'valid';
  return {
    id: c.id,
    type: c.type,
    typeLabel: def?.label ?? c.type,
    licensesRole: def ? ROLES[def.licenses].label : '',
    number: c.number,
    issuer: c.issuer,
    validFrom: c.valid_from,
    validTo: c.valid_to,
    revoked: c.revoked,
    status: status as 'valid' | 'expired' | 'revoked' | 'not_yet_valid',
  };
}
