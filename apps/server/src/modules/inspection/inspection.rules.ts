import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { AppError } from '../../platform/errors';
import { readSettings } from '../../platform/settings';

type Exec = Kysely<DB> | Transaction<DB>;

/** 加付赔偿金: 50 %–100 % of the amount owed (《劳动保障监察条例》第二十六条；《劳动合同法》第八十五条). */
export const COMPENSATION_RANGE = { min: 50, max: 100 } as const;

export function compensationFen(owedFen: number, ratePercent: number): number {
  if (
    !Number.isInteger(ratePercent) ||
    ratePercent < COMPENSATION_RANGE.min ||
    ratePercent > COMPENSATION_RANGE.max
  ) {
    throw new AppError(
      422,
      'COMPENSATION_RATE_OUT_OF_RANGE',
      `加付赔偿金比例应为应付金额的百分之五十以上一倍以下（50–100），收到 ${ratePercent}（《劳动保障监察条例》第二十六条）`,
    );
  }
  return Math.round((owedFen * ratePercent) / 100);
}

export interface PenaltyRange {
  code: string;
  label: string;
  minFen: number;
  maxFen: number;
  basis: string;
}

/** The statutory range of a fine, from the penalty_rule table (per affected worker or per case). */
export async function penaltyRange(
  exec: Exec,
  code: string,
  workerCount: number | undefined,
): Promise<PenaltyRange> {
  const rule = await exec.selectFrom('penalty_rule').selectAll().where('code', '=', code).executeTakeFirst();
  if (!rule)
    throw new AppError(400, 'PENALTY_RULE_UNKNOWN', `未知的处罚条款：${code}`, { field: 'ruleCode' });
  if (rule.per === 'worker' && !workerCount) {
    throw new AppError(400, 'WORKER_COUNT_REQUIRED', `“${rule.label}”按受侵害的劳动者人数计罚，请填写人数`, {
      field: 'workerCount',
    });
  }
  const n = rule.per === 'worker' ? workerCount! : 1;
  return {
    code: rule.code,
    label: rule.label,
    minFen: Number(rule.min_fen) * n,
    maxFen: Number(rule.max_fen) * n,
    basis: rule.basis,
  };
}

export function yuan(fen: number): string {
  return `${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: 2 })}元`;
}

export function assertFineInRange(range: PenaltyRange, fineFen: number) {
  if (fineFen < range.minFen || fineFen > range.maxFen) {
    throw new AppError(
      422,
      'PENALTY_OUT_OF_RANGE',
      `罚款数额应在${yuan(range.minFen)}至${yuan(range.maxFen)}之间（${range.basis}）`,
      { minFen: range.minFen, maxFen: range.maxFen },
    );
  }
}

export interface PoliceThresholds {
  singleWorkerMinFen: number;
  singleWorkerMinMonths: number;
  groupMinWorkers: number;
  groupMinFen: number;
}

/**
 * Thresholds of 拒不支付劳动报酬罪 (《最高人民法院关于审理拒不支付劳动报酬刑事案件适用法律若干问题的解释》
 * 第三条) as settings (the province picks within the judicial ranges).
 */
export async function policeThresholds(exec: Exec): Promise<PoliceThresholds> {
  const s = await readSettings(exec, [
    'inspection.police_referral.single_worker_min_fen',
    'inspection.police_referral.single_worker_min_months',
    'inspection.police_referral.group_min_workers',
    'inspection.police_referral.group_min_fen',
  ]);
  return {
    singleWorkerMinFen: s['inspection.police_referral.single_worker_min_fen'],
    singleWorkerMinMonths: s['inspection.police_referral.single_worker_min_months'],
    groupMinWorkers: s['inspection.police_referral.group_min_workers'],
    groupMinFen: s['inspection.police_referral.group_min_fen'],
  };
}

/**
 * 《最高人民法院关于审理拒不支付劳动报酬刑事案件适用法律若干问题的解释》第三条、第四条: a "large amount"
 * (one worker: ≥3 months' pay and ≥ the provincial floor; or ≥10 workers, cumulative ≥ the floor) still
 * unpaid after an order to pay whose deadline has passed.
 */
export function policeReferralTest(
  t: PoliceThresholds,
  o: {
    amountFen: number;
    workerCount: number;
    monthsOwed: number;
    deadlinePassed: boolean;
    complied: boolean | null;
  },
): { met: boolean; reasons: string[] } {
  const reasons: string[] = [];
  if (!o.deadlinePassed || o.complied !== false)
    reasons.push('须在责令支付的期限届满后仍未支付（解释第四条）');
  const perWorker = o.workerCount > 0 ? o.amountFen / o.workerCount : 0;
  const single = o.monthsOwed >= t.singleWorkerMinMonths && perWorker >= t.singleWorkerMinFen;
  const group = o.workerCount >= t.groupMinWorkers && o.amountFen >= t.groupMinFen;
  if (!single && !group) {
    reasons.push(
      `数额未达“数额较大”标准：单人拖欠${t.singleWorkerMinMonths}个月以上且${yuan(t.singleWorkerMinFen)}以上，或${t.groupMinWorkers}人以上累计${yuan(t.groupMinFen)}以上（解释第三条）`,
    );
  }
  return { met: reasons.length === 0, reasons };
}
