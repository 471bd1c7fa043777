import type { Kysely, Transaction } from 'kysely';
import type { AppContext } from '../../platform/context';
import type { DB } from '../../db/schema';
import { readSetting } from '../../platform/settings';
import { dateTimeOf, dateOf } from '../../platform/time';

export type Trx = Transaction<DB>;

/** The arbitration settings that are numbers (declared in platform/settings.registry.ts). */
export type ArbitrationNumberSetting =
  | 'arbitration.monthly_minimum_wage_fen'
  | 'arbitration.simplified_amount_cap_fen'
  | 'arbitration.correction_days'
  | 'arbitration.evidence_days'
  | 'arbitration.major_collective_min_workers';

/**
 * A numeric arbitration setting, read through the settings registry: the stored value when valid, else
 * the registry's default. The callers' second argument repeats that default and is not read.
 */
export async function settingNumber(
  trx: Trx,
  key: ArbitrationNumberSetting,
  _registryDefault?: number,
): Promise<number> {
  return readSetting(trx, key);
}

/** 'YYYY-MM-DDTHH:mm' in the configured local time (documents print local time). */
export function localDateTime(ctx: AppContext, at: Date): string {
  return dateTimeOf(ctx.config, at);
}

export function localDate(ctx: AppContext, at: Date): string {
  return dateOf(ctx.config, at);
}

export function addCalendarDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function daysFromTo(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

const DEFAULT_ROOMS = [
  { name: '第一仲裁庭', location: '一站式综合服务大厅二楼', sort: 1 },
  { name: '第二仲裁庭', location: '一站式综合服务大厅二楼', sort: 2 },
  { name: '第三仲裁庭（简易）', location: '一站式综合服务大厅一楼', sort: 3 },
];

/** The city commission's hearing rooms, once (administrators add more). */
export async function seedRooms(db: Kysely<DB>, cityCode = '421300') {
  const any = await db.selectFrom('hearing_room').select('id').limit(1).executeTakeFirst();
  if (any) return;
  const city = await db
    .selectFrom('jurisdiction')
    .select('id')
    .where('code', '=', cityCode)
    .executeTakeFirst();
  if (!city) return;
  await db
    .insertInto('hearing_room')
    .values(DEFAULT_ROOMS.map((r) => ({ ...r, jurisdiction_id: city.id })))
    .onConflict((oc) => oc.columns(['jurisdiction_id', 'name']).doNothing())
    .execute();
}
