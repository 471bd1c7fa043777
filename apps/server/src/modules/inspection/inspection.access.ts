import type { Kysely, Transaction } from 'kysely';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../db/schema';
import { type Actor, appendAudit } from '../../platform/audit';
import type { AuthContext } from '../../platform/auth';
import { businessToday } from '../../platform/time';
import { AppError, errors } from '../../platform/errors';
import { activeRolesIn, assertCaseVisible, jurisdictionChain } from '../cases';

type Exec = Kysely<DB> | Transaction<DB>;

/** The inspection case as stored (track_case + inspection_case); 404 when not visible or not inspection. */
export async function loadInspectionCase(exec: Exec, auth: AuthContext, caseId: string) {
  const c = await assertCaseVisible(exec, auth, caseId);
  if (c.track !== 'inspection') throw errors.notFound('监察案件');
  const ext = await exec
    .selectFrom('inspection_case')
    .selectAll()
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  return { c, ext: ext ?? null };
}

/** The user's active posts in the case's jurisdiction (an expired 监察员证 suspends the inspector post). */
export async function rolesOnCase(exec: Exec, auth: AuthContext, jurisdictionId: string) {
  return activeRolesIn(auth.grants, await jurisdictionChain(exec, jurisdictionId));
}

/** A valid 兼职劳动保障监察员证 of the user on `today` (number), or null. */
export async function inspectorCertificate(
  exec: Exec,
  userId: string,
  today: string,
): Promise<string | null> {
  const cert = await exec
    .selectFrom('certificate')
    .select('number')
    .where('user_id', '=', userId)
    .where('type', '=', 'inspector_card')
    .where('revoked', '=', false)
    .where('valid_from', '<=', today)
    .where('valid_to', '>=', today)
    .orderBy('valid_to', 'desc')
    .executeTakeFirst();
  return cert?.number ?? null;
}

/** Is the user one of the case's handling inspectors, with the inspector post active in its jurisdiction? */
export async function isHandlingInspector(
  exec: Exec,
  auth: AuthContext,
  c: { id: string; jurisdiction_id: string },
): Promise<boolean> {
  const roles = await rolesOnCase(exec, auth, c.jurisdiction_id);
  if (!roles.includes('inspector')) return false;
  const row = await exec
    .selectFrom('inspection_inspector')
    .select('user_id')
    .where('case_id', '=', c.id)
    .where('user_id', '=', auth.userId)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

/** Work on the investigation is reserved to the handling inspectors (leaders approve, they do not record). */
export async function assertHandlingInspector(
  exec: Exec,
  auth: AuthContext,
  c: { id: string; jurisdiction_id: string },
) {
  if (!(await isHandlingInspector(exec, auth, c))) {
    throw errors.forbidden('只有本案承办监察员（持有效监察员证）可以办理此项工作');
  }
}

export interface ReporterView {
  anonymous: boolean;
  name: string | null;
  phone: string | null;
  idNumber: string | null;
  address: string | null;
  rewardRequested: boolean;
}

/**
 * The reporter's identity (《劳动保障监察条例》第九条第三款：举报人信息保密; 《劳动保障监察条例》第九条第三款；《信访工作条例》第三十条第三款). The query
 * itself only returns the row to a handling inspector of the case (EXISTS on inspection_inspector for
 * this user), and the role is re-checked here; every disclosure is audited. Others get null.
 */
export async function reporterFor(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  c: { id: string; number: string; jurisdiction_id: string },
): Promise<ReporterView | null> {
  const { db } = ctx.database;
  if (!(await isHandlingInspector(db, auth, c))) return null;
  const row = await db
    .selectFrom('inspection_reporter as r')
    .selectAll('r')
    .where('r.case_id', '=', c.id)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('inspection_inspector as ii')
          .select('ii.user_id')
          .whereRef('ii.case_id', '=', 'r.case_id')
          .where('ii.user_id', '=', auth.userId)
          .where('ii.removed_at', 'is', null),
      ),
    )
    .executeTakeFirst();
  if (!row) return null;
  const dec = (v: string | null) => (v ? ctx.cipher.decrypt(v) : null);
  if (!row.anonymous) {
    await db.transaction().execute((trx) =>
      appendAudit(trx, actor, {
        action: 'inspection_reporter.pii.view',
        entityType: 'case',
        entityId: c.id,
        summary: `承办监察员查看举报人信息（${c.number}）`,
      }),
    );
  }
  return {
    anonymous: row.anonymous,
    name: dec(row.name_enc),
    phone: dec(row.phone_enc),
    idNumber: dec(row.id_number_enc),
    address: dec(row.address_enc),
    rewardRequested: row.reward_requested,
  };
}

/** The case must be in one of `states`, else 409 with the current state. */
export function requireState(c: { state: string; number: string }, states: readonly string[], what: string) {
  if (!states.includes(c.state)) {
    throw new AppError(409, 'INSPECTION_STATE', `案件 ${c.number} 当前状态不能${what}`, { state: c.state });
  }
}

export function today(ctx: AppContext): string {
  return businessToday(ctx.config);
}
