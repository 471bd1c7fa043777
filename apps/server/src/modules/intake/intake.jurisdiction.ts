import type { TriageWarning } from '@onestop/domain';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { jurisdictionNames } from '../arbitration';
import type { IntakeBody } from './intake.schema';

type Exec = Kysely<DB> | Transaction<DB>;

const BASIS =
  '《劳动争议调解仲裁法》第二十一条（劳动合同履行地或者用人单位所在地的仲裁委员会管辖）；《劳动人事争议仲裁办案规则》第八条、第三十一条';

/**
 * A warning while the window fills the intake: the employer's address and the workplace (劳动合同履行地)
 * are outside the center's city and its counties. Jurisdiction holds when EITHER place is inside, so a
 * place left blank is asked for rather than assumed; a decision already entered (withinJurisdiction)
 * needs no warning. The warning is kept on the matter; the window issues the 管辖告知书 from it
 * (intake.letter.routes.ts), and the arbitrator's 不属于本委管辖告知 stays on the arbitration page.
 */
/** The warning with the places and the area it names, kept for the 管辖告知书. */
export type JurisdictionWarning = TriageWarning & {
  places: string;
  area: string;
  /** Both places known and outside: the window may tell the worker in writing where to apply. */
  conclusive: boolean;
  /** The commissions named by the places (workplace first), where the address names a city. */
  competentBodies: string[];
};

const COMMISSION = '劳动人事争议仲裁委员会';

/**
 * The arbitration commission an address points to: the county-level one where the address names a
 * district or county, else the city's ("武汉市东西湖区工地" → 武汉市东西湖区劳动人事争议仲裁委员会). Null when the
 * address names no city (then the window asks). A hint for the clerk, who may correct it in the letter.
 */
export function commissionOf(place: string): string | null {
  const rest = place.replace(/\s/g, '').replace(/^.{2,8}?(?:省|自治区)/, '');
  const city = /^(.{2,8}?(?:自治州|地区|市|州|盟))/.exec(rest)?.[1];
  if (!city) return null;
  const county = /^(.{1,8}?(?:区|县|旗|市))/.exec(rest.slice(city.length))?.[1];
  return `${city}${county ?? ''}${COMMISSION}`;
}

export async function jurisdictionWarning(exec: Exec, body: IntakeBody): Promise<JurisdictionWarning | null> {
  if (body.facts.withinJurisdiction !== undefined) return null;
  const employerPlaces = body.employers.map((e) => e.address?.trim() ?? '').filter(Boolean);
  const workplace = body.facts.workplace?.trim() ?? '';
  if (!employerPlaces.length && !workplace) return null;
  const names = await jurisdictionNames(exec, body.jurisdictionId);
  const inside = (place: string) => names.some((n) => place.includes(n));
  if ([...employerPlaces, workplace].some((p) => p && inside(p))) return null;
  const self = await exec
    .selectFrom('jurisdiction as j')
    .leftJoin('jurisdiction as parent', 'parent.id', 'j.parent_id')
    .select(['j.name as name', 'parent.name as parentName'])
    .where('j.id', '=', body.jurisdictionId)
    .executeTakeFirst();
  const area = self?.parentName ?? self?.name ?? '本中心';
  const where = [
    employerPlaces.length ? `用人单位所在地（${employerPlaces.join('、')}）` : '',
    workplace ? `工作地点（${workplace}）` : '',
  ]
    .filter(Boolean)
    .join('和');
  // 第二十一条第二款: the workplace's commission first when both are seised, so it is named first.
  const competentBodies = [
    ...new Set([workplace, ...employerPlaces].map((x) => (x ? commissionOf(x) : null)).filter(Boolean)),
  ] as string[];
  const named = competentBodies.length ? `（${competentBodies.join('或')}）` : '';
  const message = workplace
    ? `${where}均不在${area}辖区：本中心对该争议没有管辖权，应告知向有管辖权的仲裁委员会${named}申请（仲裁员出具管辖告知书，不出具不予受理通知书）`
    : `${where}不在${area}辖区：请询问工作地点（劳动合同履行地）——在${area}辖区内工作的，本中心仍有管辖权；否则应告知向有管辖权的仲裁委员会${named}申请`;
  return {
    code: 'OUTSIDE_JURISDICTION',
    message,
    basis: BASIS,
    places: where,
    area,
    conclusive: Boolean(workplace),
    competentBodies,
  };
}
