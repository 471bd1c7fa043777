import type { RoleCode } from '@onestop/domain';
import type { Transaction } from 'kysely';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../db/schema';
import type { Actor } from '../../platform/audit';
import type { AuthContext } from '../../platform/auth';
import { AppError, errors } from '../../platform/errors';
import { activeRolesIn, jurisdictionChain } from '../cases';
import { applyTransitionInTrx, StaleCase, workflowToHttp } from '../cases';

export type Trx = Transaction<DB>;

/** Posts that work a mediation at the desk (the machine checks each step's own roles). */
export const MEDIATION_DESK: readonly RoleCode[] = [
  'mediator',
  'intake_clerk',
  'union_liaison',
  'court_liaison',
];

export const MEDIATION_CONSENT_REQUIRED = () =>
  new AppError(
    422,
    'MEDIATION_CONSENT_REQUIRED',
    '调解须经劳动者同意：请先记录同意方式（窗口签字或网上确认）（《劳动争议调解仲裁法》第三条：调解自愿）',
  );

export async function loadCase(trx: Trx, caseId: string) {
  const c = await trx.selectFrom('track_case').selectAll().where('id', '=', caseId).executeTakeFirst();
  if (!c) throw errors.notFound('案件');
  if (c.track !== 'mediation') throw new AppError(409, 'NOT_MEDIATION_CASE', '该案件不是调解案件');
  const m = await trx
    .selectFrom('mediation_case')
    .selectAll()
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  if (!m) throw MEDIATION_CONSENT_REQUIRED();
  return { c, m };
}

/** 403 unless the user holds a mediation desk post in the case's jurisdiction (or above). */
export async function assertDesk(trx: Trx, auth: AuthContext, jurisdictionId: string) {
  const roles = activeRolesIn(auth.grants, await jurisdictionChain(trx, jurisdictionId));
  if (!roles.some((r) => MEDIATION_DESK.includes(r))) throw errors.forbidden('您在该辖区没有调解岗位');
}

export function assertVersion(c: { id: string; version: number }, version: number | undefined) {
  if (version !== undefined && version !== c.version) throw new StaleCase(c.id);
}

/** One machine step in the caller's transaction (illegal 409, role 403, guard 422). */
export async function step(
  ctx: AppContext,
  trx: Trx,
  auth: AuthContext,
  actor: Actor,
  caseId: string,
  event: string,
  opts: { reason?: string; payload?: Record<string, unknown> } = {},
) {
  try {
    return await applyTransitionInTrx(ctx, trx, auth, actor, caseId, event, {
      reason: opts.reason,
      payload: opts.payload,
    });
  } catch (err) {
    throw workflowToHttp(err);
  }
}

export async function currentState(trx: Trx, caseId: string): Promise<{ state: string; version: number }> {
  return trx
    .selectFrom('track_case')
    .select(['state', 'version'])
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
}

export async function matterParties(trx: Trx, matterId: string) {
  const rows = await trx
    .selectFrom('matter_party as mp')
    .innerJoin('party as p', 'p.id', 'mp.party_id')
    .select(['p.id', 'p.name', 'mp.role'])
    .where('mp.matter_id', '=', matterId)
    .orderBy('mp.sort')
    .execute();
  return {
    workers: rows.filter((r) => r.role === 'worker'),
    employers: rows.filter((r) => r.role === 'employer'),
  };
}

/** The case's claims still open in it, in the matter's order. */
export async function openClaims(trx: Trx, caseId: string) {
  return trx
    .selectFrom('case_claim as cc')
    .innerJoin('matter_claim as mc', 'mc.id', 'cc.claim_id')
    .select(['mc.id', 'mc.type', 'mc.amount_fen', 'mc.facts', 'mc.period_from', 'mc.period_to'])
    .where('cc.case_id', '=', caseId)
    .where('cc.open', '=', true)
    .orderBy('mc.sort')
    .execute();
}

export const yuanText = (fen: number) =>
  `${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}元`;

/** The mediator's contact phone: the office's, else its parent's, else the arbitration commission's. */
export async function contactFor(trx: Trx, organizationId: string): Promise<string | null> {
  let id: string | null = organizationId;
  for (let depth = 0; id && depth < 5; depth++) {
    const org: { phone: string | null; parent_id: string | null } | undefined = await trx
      .selectFrom('organization')
      .select(['phone', 'parent_id'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (org?.phone) return org.phone;
    id = org?.parent_id ?? null;
  }
  const arb = await trx
    .selectFrom('organization')
    .select('phone')
    .where('agency', '=', 'arbitration')
    .where('phone', 'is not', null)
    .orderBy('sort')
    .executeTakeFirst();
  return arb?.phone ?? null;
}
