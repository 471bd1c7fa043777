import { addDays, CLAIM_CATALOGUE, type ClaimType, SEED_NOTICES } from '@onestop/domain';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import type { AlertKind } from './matters.tables';
import { readSetting } from '../../platform/settings';

type Exec = Kysely<DB> | Transaction<DB>;

/** First day of the 春节 holiday on or after `today`, from the State Council notices (domain calendar). */
export function nextSpringFestival(today: string): string | null {
  const starts = SEED_NOTICES.map(
    (n) =>
      n.holidays
        .filter((h) => h.name === '春节')
        .map((h) => h.date)
        .sort()[0],
  ).filter((d): d is string => !!d && d >= today);
  return starts.sort()[0] ?? null;
}

async function settingNumber(
  exec: Exec,
  key:
    | 'alert.employer_open_matters_min'
    | 'alert.spring_festival_window_days'
    | 'alert.collective_min_workers',
): Promise<number> {
  return readSetting(exec, key);
}

async function upsertAlert(
  trx: Transaction<DB>,
  a: {
    kind: AlertKind;
    key: string;
    jurisdictionId: string;
    matterId: string | null;
    employerId: string | null;
    summary: string;
    basis: string;
    count?: number;
  },
) {
  await sql`
    INSERT INTO alert (kind, dedupe_key, jurisdiction_id, matter_id, employer_party_id, summary, basis, count)
    VALUES (${a.kind}, ${a.key}, ${a.jurisdictionId}, ${a.matterId}, ${a.employerId}, ${a.summary}, ${a.basis},
            ${a.count ?? 1})
    ON CONFLICT (dedupe_key) DO UPDATE SET summary = EXCLUDED.summary, count = EXCLUDED.count,
      matter_id = EXCLUDED.matter_id, updated_at = now(), acknowledged_at = NULL, acknowledged_by = NULL`.execute(
    trx,
  );
}

/**
 * Early warning for the leaders, evaluated when a matter is created: an employer with many open
 * matters, a collective dispute, wage arrears shortly before the Spring Festival. Thresholds are rows
 * in `setting`. Returns the kinds raised.
 */
export async function raiseAlerts(
  trx: Transaction<DB>,
  m: { id: string; number: string; jurisdictionId: string; collective: boolean; workerCount: number },
  employers: { id: string; name: string }[],
  claimTypes: string[],
  today: string,
): Promise<AlertKind[]> {
  const raised: AlertKind[] = [];
  const min = await settingNumber(trx, 'alert.employer_open_matters_min');
  for (const e of employers) {
    const r = await sql<{ n: number }>`
      SELECT count(DISTINCT m.id)::int AS n FROM matter_party mp JOIN matter m ON m.id = mp.matter_id
       WHERE mp.party_id = ${e.id} AND mp.role = 'employer' AND m.status IN ('registered', 'routed')`.execute(
      trx,
    );
    const n = r.rows[0]?.n ?? 0;
    if (n >= min) {
      await upsertAlert(trx, {
        kind: 'employer_open_matters',
        key: `employer_open_matters:${e.id}`,
        jurisdictionId: m.jurisdictionId,
        matterId: m.id,
        employerId: e.id,
        summary: `${e.name}有${n}件未办结的维权事项（最新：${m.number}），请关注是否存在系统性欠薪或群体性风险`,
        basis: `中心预警规则：同一用人单位未结事项达到${min}件`,
        count: n,
      });
      raised.push('employer_open_matters');
    }
  }
  if (m.collective) {
    await upsertAlert(trx, {
      kind: 'collective',
      key: `collective:${m.id}`,
      jurisdictionId: m.jurisdictionId,
      matterId: m.id,
      employerId: employers[0]?.id ?? null,
      summary: `集体劳动争议：${m.number}，涉及劳动者${m.workerCount}人（${employers.map((e) => e.name).join('、')}）`,
      basis: '《劳动争议调解仲裁法》第七条；《劳动人事争议仲裁办案规则》第六十二条；群体性事件应急处置',
      count: m.workerCount,
    });
    raised.push('collective');
  }
  const wage = claimTypes.some((t) => CLAIM_CATALOGUE[t as ClaimType]?.wageArrears);
  const festival = nextSpringFestival(today);
  if (wage && festival) {
    const days = await settingNumber(trx, 'alert.spring_festival_window_days');
    if (today >= addDays(festival, -days)) {
      await upsertAlert(trx, {
        kind: 'spring_festival_wages',
        key: `spring_festival_wages:${m.id}`,
        jurisdictionId: m.jurisdictionId,
        matterId: m.id,
        employerId: employers[0]?.id ?? null,
        summary: `春节（${festival}放假）前${days}日内受理的欠薪事项：${m.number}（${employers.map((e) => e.name).join('、')}）`,
        basis: '《保障农民工工资支付条例》第三条、第十条；国务院办公厅节假日安排通知',
      });
      raised.push('spring_festival_wages');
    }
  }
  return raised;
}
