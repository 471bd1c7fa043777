import type { Kysely } from 'kysely';
import type { AppContext } from '../../app';
import type { DB } from '../../db/schema';
import type { Actor } from '../../platform/audit';
import { type AuthContext, todayIso } from '../../platform/auth';
import { AppError } from '../../platform/errors';
import { StaleCase } from '../cases/cases.service';
import { appendEvent } from '../matters/scope';
import { audited } from './arbitration.http';
import { loadApplication } from './arbitration.data';
import {
  SIMPLIFIED_EXCLUSIONS,
  SIMPLIFIED_GROUNDS,
  type SimplifiedExclusion,
  type SimplifiedGround,
  simplifiedEligibility,
} from './arbitration.review';
import { settingNumber, type Trx } from './arbitration.runtime';
import { addRecord } from './arbitration.steps';
import { assertArbitrationStaff, tribunalOf } from './arbitration.tribunal';

type Auth = Pick<AuthContext, 'grants'>;

const BASIS = '《劳动人事争议仲裁办案规则》第五十六条至第六十一条';
const NOT_YET = [
  'received',
  'needs_correction',
  'mediation_suggested',
  'pre_mediation',
  'not_accepted',
  'redirected',
];

export interface SimplifiedInput {
  apply: boolean;
  reason: string;
  grounds?: SimplifiedGround[] | undefined;
  exclusions?: SimplifiedExclusion[] | undefined;
  version?: number | undefined;
}

/** What the case page needs to show the 简易处理 button only when it is allowed. */
export async function simplifiedOptions(exec: Kysely<DB> | Trx, caseId: string) {
  const d = await loadApplication(exec, caseId);
  const row = await exec
    .selectFrom('setting')
    .select('value')
    .where('key', '=', 'arbitration.simplified_amount_cap_fen')
    .executeTakeFirst();
  const capFen = typeof row?.value === 'number' ? row.value : 10_000_000;
  const totalFen = d.claims.reduce((s, c) => s + (c.amountFen ?? 0), 0);
  const open = !d.c.closed && !NOT_YET.includes(d.c.state);
  const auto = simplifiedEligibility({ declared: [], exclusions: [], totalFen, capFen });
  return {
    canApply: open && !d.app.simplified,
    canConvert: open && d.app.simplified,
    amountWithinCap: !d.matter.collective && auto.grounds.includes('amount_within_cap'),
    capFen,
    totalFen,
  };
}

/**
 * 简易处理 (办案规则第五十六条至第六十一条) decided or converted, in the caller's transaction:
 * apply → the grounds of 第五十六条 (any one; the amount ground is computed from the claims against the
 * provincial average annual wage setting; a collective dispute only on the first ground, 第六十二条第二款),
 * none of the exclusions of 第五十七条 → recorded with the grounds; a sole arbitrator is then allowed.
 * Not eligible → 422 SIMPLIFIED_NOT_ELIGIBLE with the Chinese reason.
 * apply=false → conversion to the ordinary procedure, only BEFORE the award period expires (第六十一条);
 * the period keeps running from acceptance (the award clock is not restarted).
 */
export async function decideSimplified(
  ctx: AppContext,
  trx: Trx,
  auth: Auth,
  actor: Actor,
  caseId: string,
  input: SimplifiedInput,
) {
  const d = await loadApplication(trx, caseId);
  await assertArbitrationStaff(trx, auth, d.c.jurisdiction_id);
  if (d.c.closed || NOT_YET.includes(d.c.state)) {
    throw new AppError(409, 'SIMPLIFIED_NOT_NOW', '案件受理后、结案前方可决定简易处理或转为普通程序');
  }
  if (input.version !== undefined && input.version !== d.c.version) throw new StaleCase(caseId);
  const bumped = await trx
    .updateTable('track_case')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', caseId)
    .where('version', '=', d.c.version)
    .executeTakeFirst();
  if (Number(bumped.numUpdatedRows) === 0) throw new StaleCase(caseId);

  if (input.apply) {
    if (d.app.simplified) throw new AppError(409, 'ALREADY_SIMPLIFIED', '本案已决定简易处理');
    const capFen = await settingNumber(trx, 'arbitration.simplified_amount_cap_fen', 10_000_000);
    const totalFen = d.claims.reduce((s, c) => s + (c.amountFen ?? 0), 0);
    let declared = [...new Set(input.grounds ?? [])];
    if (d.matter.collective) {
      // 集体劳动争议仅符合第五十六条第一款第（一）项的，可以简易处理（第六十二条第二款）.
      if (!declared.includes('clear_facts')) {
        throw new AppError(
          422,
          'SIMPLIFIED_NOT_ELIGIBLE',
          `集体劳动人事争议仅在事实清楚、权利义务关系明确、争议不大时方可简易处理（《劳动人事争议仲裁办案规则》第六十二条第二款）`,
          { grounds: [], exclusions: input.exclusions ?? [] },
        );
      }
      declared = ['clear_facts'];
    }
    const r = simplifiedEligibility({
      declared,
      exclusions: [...new Set(input.exclusions ?? [])],
      totalFen: d.matter.collective ? 0 : totalFen,
      capFen,
    });
    if (!r.eligible) {
      throw new AppError(422, 'SIMPLIFIED_NOT_ELIGIBLE', r.reason ?? '不符合简易处理条件', {
        grounds: r.grounds,
        exclusions: input.exclusions ?? [],
        totalFen,
        capFen,
      });
    }
    await trx
      .updateTable('arbitration_application')
      .set((eb) => ({
        simplified: true,
        simplified_grounds: r.grounds,
        updated_at: new Date(),
        version: eb('version', '+', 1),
      }))
      .where('case_id', '=', caseId)
      .execute();
    const labels = r.grounds.map((g) => SIMPLIFIED_GROUNDS[g]).join('；');
    const summary = `决定简易处理（${labels}）：${input.reason}。可由一名仲裁员独任仲裁，并告知当事人（${BASIS}）`;
    await addRecord(trx, actor, caseId, 'note', summary, { simplified: true, grounds: r.grounds });
    await appendEvent(
      trx,
      actor,
      d.c.matter_id,
      'arbitration_simplified',
      `仲裁案件 ${d.c.number}：${summary}`,
      {
        caseId,
        grounds: r.grounds,
      },
    );
    await audited(trx, actor, 'arbitration.simplified.apply', caseId, summary, {
      simplified: true,
      grounds: r.grounds,
      reason: input.reason,
    });
    return { simplified: true, grounds: r.grounds };
  }

  if (!d.app.simplified) throw new AppError(409, 'NOT_SIMPLIFIED', '本案未适用简易处理，无需转为普通程序');
  const clock = await trx
    .selectFrom('clock')
    .select(['id', 'due_date', 'status'])
    .where('subject_type', '=', 'case')
    .where('subject_id', '=', caseId)
    .where('rule_id', '=', 'arbitration.award')
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  const today = todayIso(ctx.config);
  if (clock && (clock.due_date < today || !['running', 'suspended', 'extended'].includes(clock.status))) {
    throw new AppError(
      422,
      'CONVERSION_TOO_LATE',
      `审理期限已于${clock.due_date}届满或已停止计算，不能再转为普通程序（《劳动人事争议仲裁办案规则》第六十一条：应当在审理期限届满前转换）`,
      { dueDate: clock.due_date },
    );
  }
  await trx
    .updateTable('arbitration_application')
    .set((eb) => ({ simplified: false, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('case_id', '=', caseId)
    .execute();
  const sole = (await tribunalOf(trx, caseId)).some((t) => t.role === 'sole');
  const summary = `转为普通程序：${input.reason}。审理期限仍自受理之日起计算${clock ? `（届满日${clock.due_date}）` : ''}，双方已确认的事实无需再举证；应告知当事人${sole ? '；现为独任仲裁，应重新组成三人仲裁庭' : ''}（《劳动人事争议仲裁办案规则》第六十一条）`;
  await addRecord(trx, actor, caseId, 'note', summary, {
    simplified: false,
    awardDueDate: clock?.due_date ?? null,
    recomposeTribunal: sole,
  });
  await appendEvent(
    trx,
    actor,
    d.c.matter_id,
    'arbitration_simplified',
    `仲裁案件 ${d.c.number}：${summary}`,
    {
      caseId,
    },
  );
  await audited(trx, actor, 'arbitration.simplified.convert', caseId, summary, {
    simplified: false,
    reason: input.reason,
    awardDueDate: clock?.due_date ?? null,
  });
  return { simplified: false, awardDueDate: clock?.due_date ?? null, recomposeTribunal: sole };
}

export const SIMPLIFIED_LABELS = { grounds: SIMPLIFIED_GROUNDS, exclusions: SIMPLIFIED_EXCLUSIONS };
