import {
  type CertificateType,
  effectivePermissions,
  isRoleCode,
  type RoleCode,
  ROLES,
} from '@onestop/domain';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import type { AuthContext } from '../../platform/auth';

type Exec = Kysely<DB> | Transaction<DB>;

/** The jurisdiction and its ancestors (a city-level grant covers its counties). */
export async function jurisdictionChain(exec: Exec, jurisdictionId: string): Promise<string[]> {
  const r = await sql<{ id: string }>`
    WITH RECURSIVE up AS (
      SELECT id, parent_id FROM jurisdiction WHERE id = ${jurisdictionId}
      UNION SELECT j.id, j.parent_id FROM jurisdiction j JOIN up ON j.id = up.parent_id)
    SELECT id FROM up`.execute(exec);
  return r.rows.map((x) => x.id);
}

/** Active roles whose grant covers one of `chain` (the case's jurisdiction and its ancestors). */
export function activeRolesIn(grants: AuthContext['grants'], chain: readonly string[]): RoleCode[] {
  const roles = new Set<RoleCode>();
  for (const g of grants) {
    if (g.active && g.jurisdictionIds.some((j) => chain.includes(j))) roles.add(g.role);
  }
  return [...roles];
}

/** Another user's effective grants (certificates checked on `today`), e.g. for an assignee. */
export async function grantsOfUser(exec: Exec, userId: string, today: string) {
  const user = await exec
    .selectFrom('app_user')
    .select(['id', 'display_name', 'active', 'organization_id'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user) return null;
  const roles = await exec
    .selectFrom('user_role')
    .select(['role', 'jurisdiction_id'])
    .where('user_id', '=', userId)
    .execute();
  const certs = await exec
    .selectFrom('certificate')
    .select(['type', 'valid_from', 'valid_to', 'revoked'])
    .where('user_id', '=', userId)
    .execute();
  const byRole = new Map<RoleCode, string[]>();
  for (const r of roles) {
    if (!isRoleCode(r.role)) continue;
    byRole.set(r.role, [...(byRole.get(r.role) ?? []), r.jurisdiction_id]);
  }
  const eff = effectivePermissions(
    [...byRole].map(([role, jurisdictionIds]) => ({ role, jurisdictionIds })),
    certs.map((c) => ({
      type: c.type as CertificateType,
      validFrom: c.valid_from,
      validTo: c.valid_to,
      revoked: c.revoked,
    })),
    today,
  );
  return { user, grants: eff.grants };
}

export interface CaseScopeRow {
  id: string;
  matter_id: string;
  jurisdiction_id: string;
  organization_id: string;
}

/** Moved to platform/scope.ts (documents and other modules check case visibility too). */
export { assertCaseVisible } from '../../platform/scope';

export function roleLabels(roles: readonly RoleCode[]): string {
  return roles.map((r) => ROLES[r].label).join('、');
}

/** The given jurisdictions with every jurisdiction under them. */
export async function withDescendants(exec: Exec, roots: readonly string[]): Promise<string[]> {
  if (!roots.length) return [];
  const r = await sql<{ id: string }>`
    WITH RECURSIVE t AS (
      SELECT id FROM jurisdiction WHERE id = ANY(${[...roots]}::uuid[])
      UNION SELECT j.id FROM jurisdiction j JOIN t ON j.parent_id = t.id)
    SELECT id FROM t`.execute(exec);
  return r.rows.map((x) => x.id);
}
