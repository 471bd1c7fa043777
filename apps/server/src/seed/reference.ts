import type { Kysely } from 'kysely';
import type { Agency, DB } from '../db/schema';
import { appendAudit } from '../platform/audit';
import { systemActor } from '../platform/system';

/**
 * Reference data every installation starts with: 随州市 and its county-level divisions, and the
 * organisations of the center (1+X). Both are admin-editable afterwards.
 * Codes: GB/T 2260 administrative division codes; the two functional zones have no national code
 * and use local codes 421390 / 421391.
 */
export const JURISDICTIONS = [
  { code: '421300', name: '随州市', level: 'city' as const, parent: null },
  { code: '421303', name: '曾都区', level: 'county' as const, parent: '421300' },
  { code: '421321', name: '随县', level: 'county' as const, parent: '421300' },
  { code: '421381', name: '广水市', level: 'county' as const, parent: '421300' },
  { code: '421390', name: '随州高新技术产业开发区', level: 'county' as const, parent: '421300' },
  { code: '421391', name: '大洪山风景名胜区', level: 'county' as const, parent: '421300' },
];

interface OrgSeed {
  name: string;
  shortName: string;
  agency: Agency;
  partnerRole: 'lead' | 'partner';
  parent?: string;
  jurisdiction: string;
  address?: string;
  phone?: string;
}

export const ORGANIZATIONS: OrgSeed[] = [
  {
    name: '随州市人力资源和社会保障局',
    shortName: '市人社局',
    agency: 'hrss',
    partnerRole: 'lead',
    jurisdiction: '421300',
  },
  {
    name: '随州市人力资源和社会保障局劳动关系科',
    shortName: '劳动关系科',
    agency: 'hrss',
    partnerRole: 'lead',
    parent: '随州市人力资源和社会保障局',
    jurisdiction: '421300',
  },
  {
    name: '随州市人力资源和社会保障局调解仲裁科',
    shortName: '调解仲裁科',
    agency: 'hrss',
    partnerRole: 'lead',
    parent: '随州市人力资源和社会保障局',
    jurisdiction: '421300',
  },
  {
    name: '随州市劳动人事争议仲裁委员会',
    shortName: '市仲裁委',
    agency: 'arbitration',
    partnerRole: 'lead',
    jurisdiction: '421300',
    address: '随州市劳动人事争议仲裁院一站式综合服务大厅',
    phone: '0722-12333',
  },
  {
    name: '随州市劳动人事争议仲裁院',
    shortName: '市仲裁院',
    agency: 'arbitration',
    partnerRole: 'lead',
    parent: '随州市劳动人事争议仲裁委员会',
    jurisdiction: '421300',
    address: '随州市劳动人事争议仲裁院一站式综合服务大厅',
  },
  {
    name: '随州市劳动保障监察支队',
    shortName: '市监察支队',
    agency: 'inspection',
    partnerRole: 'lead',
    jurisdiction: '421300',
  },
  {
    name: '随州市总工会',
    shortName: '市总工会',
    agency: 'union',
    partnerRole: 'partner',
    jurisdiction: '421300',
  },
  {
    name: '随州市中级人民法院',
    shortName: '市中院',
    agency: 'court',
    partnerRole: 'partner',
    jurisdiction: '421300',
  },
  {
    name: '随州市曾都区人民法院',
    shortName: '曾都区法院',
    agency: 'court',
    partnerRole: 'partner',
    jurisdiction: '421303',
  },
  {
    name: '随州市司法局法律援助中心',
    shortName: '市法律援助中心',
    agency: 'justice',
    partnerRole: 'partner',
    jurisdiction: '421300',
  },
  {
    name: '随州市信访局（维权中心信访窗口）',
    shortName: '信访窗口',
    agency: 'petition',
    partnerRole: 'partner',
    jurisdiction: '421300',
  },
  {
    name: '广水市一站式劳动保障维权中心',
    shortName: '广水维权中心',
    agency: 'hrss',
    partnerRole: 'lead',
    jurisdiction: '421381',
  },
];

/** Inserts the reference data into an empty database; does nothing when jurisdictions exist. */
export async function seedReference(db: Kysely<DB>): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const any = await trx.selectFrom('jurisdiction').select('id').limit(1).executeTakeFirst();
    if (any) return false;
    const jIds = new Map<string, string>();
    for (const [i, j] of JURISDICTIONS.entries()) {
      const row = await trx
        .insertInto('jurisdiction')
        .values({
          code: j.code,
          name: j.name,
          level: j.level,
          parent_id: j.parent ? (jIds.get(j.parent) ?? null) : null,
          sort: i,
          updated_at: new Date(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      jIds.set(j.code, row.id);
    }
    const oIds = new Map<string, string>();
    for (const [i, o] of ORGANIZATIONS.entries()) {
      const row = await trx
        .insertInto('organization')
        .values({
          name: o.name,
          short_name: o.shortName,
          agency: o.agency,
          partner_role: o.partnerRole,
          parent_id: o.parent ? (oIds.get(o.parent) ?? null) : null,
          jurisdiction_id: jIds.get(o.jurisdiction)!,
          address: o.address ?? null,
          phone: o.phone ?? null,
          sort: i,
          updated_at: new Date(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      oIds.set(o.name, row.id);
    }
    await appendAudit(trx, systemActor('初始化参考数据'), {
      action: 'seed.reference',
      entityType: 'system',
      summary: `初始化辖区 ${JURISDICTIONS.length} 个、机构 ${ORGANIZATIONS.length} 个`,
    });
    return true;
  });
}
