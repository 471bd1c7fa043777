import type { Permission } from '@onestop/domain';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { type Actor, appendAudit } from './audit';
import { type AuthContext, jurisdictionsFor } from './auth';
import { errors } from './errors';

type Exec = Kysely<DB> | Transaction<DB>;

/**
 * Jurisdictions where the user holds an active role granting `permission`, with every jurisdiction
 * under them (a city-level grant covers its counties).
 */
export async function scopeOf(exec: Exec, auth: AuthContext, permission: Permission): Promise<string[]> {
  const roots = jurisdictionsFor(auth, permission);
  if (roots.length === 0) return [];
  const r = await sql<{ id: string }>`
    WITH RECURSIVE t AS (
      SELECT id FROM jurisdiction WHERE id = ANY(${roots}::uuid[])
      UNION SELECT j.id FROM jurisdiction j JOIN t ON j.parent_id = t.id)
    SELECT id FROM t`.execute(exec);
  return r.rows.map((x) => x.id);
}

/** Throws 404 (not 403: existence is not disclosed) when the matter is outside the user's scope. */
export async function assertMatterInScope(
  exec: Exec,
  auth: AuthContext,
  matterId: string,
  permission: Permission = 'matter.read',
): Promise<{ id: string; jurisdiction_id: string; status: string; version: number; number: string }> {
  const m = await exec
    .selectFrom('matter')
    .select(['id', 'jurisdiction_id', 'status', 'version', 'number'])
    .where('id', '=', matterId)
    .executeTakeFirst();
  if (!m) throw errors.notFound('维权事项');
  const scope = await scopeOf(exec, auth, permission);
  if (!scope.includes(m.jurisdiction_id)) throw errors.notFound('维权事项');
  return m;
}

/** Appends a row to the matter's timeline (append-only; same transaction as the change). */
export async function appendEvent(
  trx: Transaction<DB>,
  actor: Actor,
  matterId: string,
  kind: string,
  summary: string,
  payload?: unknown,
): Promise<void> {
  await trx
    .insertInto('matter_event')
    .values({
      matter_id: matterId,
      actor_id: actor.id,
      actor_name: actor.name,
      actor_reason: actor.id === null ? (actor.reason ?? null) : null,
      kind,
      summary,
      payload: payload === undefined ? null : JSON.stringify(payload),
    })
    .execute();
}

/** Timeline row and audit record for one state change, in the caller's transaction. */
export async function recordChange(
  trx: Transaction<DB>,
  actor: Actor,
  matter: { id: string; number: string },
  kind: string,
  summary: string,
  payload?: unknown,
): Promise<void> {
  await appendEvent(trx, actor, matter.id, kind, summary, payload);
  await appendAudit(trx, actor, {
    action: `matter.${kind}`,
    entityType: 'matter',
    entityId: matter.id,
    summary: `${matter.number}：${summary}`,
    after: payload,
  });
}

/**
 * A case is visible to staff with matter.read in its jurisdiction (or above) and to the staff of the
 * organisation handling it (partner agencies after a transfer). Otherwise 404: existence is not disclosed.
 */
export async function assertCaseVisible(
  exec: Exec,
  auth: AuthContext,
  caseId: string,
  permission: Permission = 'matter.read',
) {
  const c = await exec.selectFrom('track_case').selectAll().where('id', '=', caseId).executeTakeFirst();
  if (!c) throw errors.notFound('案件');
  if (c.organization_id === auth.organizationId && auth.permissions.has(permission)) return c;
  const scope = await scopeOf(exec, auth, permission);
  if (!scope.includes(c.jurisdiction_id)) throw errors.notFound('案件');
  return c;
}
