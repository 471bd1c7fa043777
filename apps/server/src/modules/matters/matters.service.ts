import type { Transaction } from 'kysely';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../db/schema';
import type { Actor } from '../../platform/audit';
import type { AuthContext } from '../../platform/auth';
import { AppError, errors } from '../../platform/errors';
import { loadMatterDetail } from './matters.presenter';
import type { mergeBody, patchBody } from './matters.schema';
import { assertMatterInScope, recordChange, scopeOf } from '../../platform/scope';
import type { z } from 'zod';

/** The matter detail as the caller sees it (after a change, or with a 409). */
export async function fresh(ctx: AppContext, auth: AuthContext, id: string) {
  const scope = await scopeOf(ctx.database.db, auth, 'intake.create');
  return loadMatterDetail(ctx.database.db, ctx.cipher, id, auth, scope);
}

/** Thrown inside a transaction on a stale version; the fresh state is loaded after the rollback. */
export class StaleVersion extends Error {
  constructor(
    readonly matterId: string,
    readonly note?: string,
  ) {
    super('stale version');
  }
}

/** Runs `fn` in one transaction; a StaleVersion thrown inside becomes 409 with the fresh matter. */
export async function transact<T>(
  ctx: AppContext,
  auth: AuthContext,
  fn: (trx: Transaction<DB>) => Promise<T>,
) {
  try {
    return await ctx.database.db.transaction().execute(fn);
  } catch (err) {
    // PGlite runs one transaction at a time: the fresh state is read only after the rollback.
    if (err instanceof StaleVersion) throw errors.conflict(await fresh(ctx, auth, err.matterId), err.note);
    throw err;
  }
}

/** The matter's workers and employers (id, name, role) in their registered order. */
export async function partiesOf(trx: Transaction<DB>, matterId: string) {
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

/** Edits with optimistic locking: a stale version gets 409 with the fresh matter. */
export async function patchMatter(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  id: string,
  body: z.infer<typeof patchBody>,
) {
  const { db } = ctx.database;
  const m = await assertMatterInScope(db, auth, id, 'intake.create');
  if (m.status === 'merged' || m.status === 'closed')
    throw new AppError(409, 'MATTER_CLOSED', '事项已办结或已合并，不能修改');
  if (body.jurisdictionId) {
    const scope = await scopeOf(db, auth, 'intake.create');
    if (!scope.includes(body.jurisdictionId))
      throw new AppError(403, 'JURISDICTION_FORBIDDEN', '您没有在所选辖区受理登记的权限');
  }
  await transact(ctx, auth, async (trx) => {
    const r = await trx
      .updateTable('matter')
      .set((eb) => ({
        ...(body.narrative !== undefined && { narrative: body.narrative }),
        ...(body.responsibleUserId !== undefined && { responsible_user_id: body.responsibleUserId }),
        ...(body.jurisdictionId !== undefined && { jurisdiction_id: body.jurisdictionId }),
        ...(body.employmentStart !== undefined && { employment_start: body.employmentStart }),
        ...(body.employmentEnd !== undefined && { employment_end: body.employmentEnd }),
        ...(body.knewDate !== undefined && { knew_date: body.knewDate }),
        version: eb('version', '+', 1),
        updated_at: new Date(),
      }))
      .where('id', '=', id)
      .where('version', '=', body.version)
      .returning('id')
      .executeTakeFirst();
    if (!r) throw new StaleVersion(id);
    const { version: _v, ...changes } = body;
    const names: Record<string, string> = {
      narrative: '案情陈述',
      responsibleUserId: '负责人',
      jurisdictionId: '辖区',
      employmentStart: '入职日期',
      employmentEnd: '离职日期',
      knewDate: '知道权利受侵害日期',
    };
    const changed = Object.keys(changes).map((k) => names[k] ?? k);
    await recordChange(trx, actor, m, 'updated', `修改${changed.join('、') || '事项'}`, changes);
  });
  return fresh(ctx, auth, id);
}

/**
 * Merges `otherId` into `id`: claims and evidence move, parties are added, the other matter becomes
 * 'merged' with a pointer. Both timelines record it; both versions are checked.
 */
export async function mergeMatters(
  ctx: AppContext,
  auth: AuthContext,
  actor: Actor,
  id: string,
  body: z.infer<typeof mergeBody>,
) {
  const { db } = ctx.database;
  if (id === body.otherId) throw new AppError(400, 'MERGE_SELF', '不能把事项与其本身合并');
  const keep = await assertMatterInScope(db, auth, id, 'intake.create');
  const other = await assertMatterInScope(db, auth, body.otherId, 'intake.create');
  for (const x of [keep, other]) {
    if (x.status !== 'registered' && x.status !== 'routed') {
      throw new AppError(409, 'MATTER_CLOSED', `事项 ${x.number} 已办结或已合并，不能合并`);
    }
  }
  await transact(ctx, auth, async (trx) => {
    const a = await trx
      .updateTable('matter')
      .set((eb) => ({ version: eb('version', '+', 1), updated_at: new Date() }))
      .where('id', '=', id)
      .where('version', '=', body.version)
      .returning('id')
      .executeTakeFirst();
    if (!a) throw new StaleVersion(id);
    const b = await trx
      .updateTable('matter')
      .set((eb) => ({
        status: 'merged',
        merged_into_id: id,
        version: eb('version', '+', 1),
        updated_at: new Date(),
      }))
      .where('id', '=', body.otherId)
      .where('version', '=', body.otherVersion)
      .where('status', 'in', ['registered', 'routed'])
      .returning('id')
      .executeTakeFirst();
    if (!b) throw new StaleVersion(body.otherId, `事项 ${other.number} 已被他人修改，请刷新后重试`);
    const maxSort = await trx
      .selectFrom('matter_claim')
      .select((eb) => eb.fn.coalesce(eb.fn.max('sort'), eb.lit(0)).as('s'))
      .where('matter_id', '=', id)
      .executeTakeFirstOrThrow();
    const moved = await trx
      .updateTable('matter_claim')
      .set((eb) => ({ matter_id: id, sort: eb('sort', '+', Number(maxSort.s) + 1) }))
      .where('matter_id', '=', body.otherId)
      .returning('id')
      .execute();
    const evidence = await trx
      .updateTable('matter_evidence')
      .set({ matter_id: id })
      .where('matter_id', '=', body.otherId)
      .returning('id')
      .execute();
    const parties = await trx
      .selectFrom('matter_party')
      .selectAll()
      .where('matter_id', '=', body.otherId)
      .execute();
    if (parties.length) {
      await trx
        .insertInto('matter_party')
        .values(parties.map((p) => ({ ...p, matter_id: id, sort: p.sort + 1000 })))
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    const workerCount = await trx
      .selectFrom('matter_party')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('matter_id', '=', id)
      .where('role', '=', 'worker')
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('matter')
      .set((eb) => ({ worker_count: eb.fn('greatest', ['worker_count', eb.val(Number(workerCount.n))]) }))
      .where('id', '=', id)
      .execute();
    const payload = {
      keptId: id,
      mergedId: body.otherId,
      claims: moved.length,
      evidence: evidence.length,
      reason: body.reason,
    };
    await recordChange(
      trx,
      actor,
      keep,
      'merged_in',
      `并入事项 ${other.number}（诉求${moved.length}项、证据${evidence.length}件；理由：${body.reason}）`,
      payload,
    );
    await recordChange(
      trx,
      actor,
      other,
      'merged',
      `已合并至事项 ${keep.number}（理由：${body.reason}）`,
      payload,
    );
  });
  return fresh(ctx, auth, id);
}
