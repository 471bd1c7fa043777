// Over 400 lines: the demo city (jurisdictions, agencies, staff, calendars, sample matters) in one readable script.
import { businessDate, DEFAULT_TZ_OFFSET_MINUTES } from '@onestop/domain';
import type { RoleCode } from '@onestop/domain';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { appendAudit } from '../platform/audit';
import { systemActor } from '../platform/system';
import type { FieldCipher } from '../platform/crypto';
import { hashPassword } from '../platform/passwords';
import { claimInstallationMode } from './installation';
import { seedTrainingDemo } from '../modules/training/training.demo';

/** The demo seed acts as the system, with this reason (audit log). */
const DEMO_SEED = systemActor('载入演示数据');

export const DEMO_PASSWORD = 'Onestop@2026';

interface DemoUser {
  username: string;
  displayName: string;
  org: string;
  phone?: string;
  roles: { role: RoleCode; jurisdictions: string[] }[];
  certificates?: {
    type: 'inspector_card' | 'arbitrator_card';
    number: string;
    issuer: string;
    validFrom: string;
    validTo: string;
  }[];
}

/** Demo staff, showing 一人多岗 (one person, several posts) and the 1+X partner agencies. */
export const DEMO_USERS: DemoUser[] = [
  {
    username: 'admin',
    displayName: '系统管理员',
    org: '随州市人力资源和社会保障局',
    roles: [{ role: 'sysadmin', jurisdictions: ['421300'] }],
  },
  {
    username: 'clerk',
    displayName: '王晓梅',
    org: '随州市劳动人事争议仲裁院',
    phone: '13872211001',
    roles: [{ role: 'intake_clerk', jurisdictions: ['421300', '421303'] }],
  },
  {
    username: 'zhangmin',
    displayName: '张敏',
    org: '随州市劳动人事争议仲裁院',
    phone: '13872211002',
    roles: [
      { role: 'mediator', jurisdictions: ['421300', '421303'] },
      { role: 'inspector', jurisdictions: ['421303'] },
      { role: 'arbitrator', jurisdictions: ['421300'] },
    ],
    certificates: [
      {
        type: 'inspector_card',
        number: '鄂监2024-0137',
        issuer: '湖北省人力资源和社会保障厅',
        validFrom: '2024-03-01',
        validTo: '2029-02-28',
      },
      {
        type: 'arbitrator_card',
        number: '鄂仲2023-0452',
        issuer: '湖北省人力资源和社会保障厅',
        validFrom: '2023-06-01',
        validTo: '2028-05-31',
      },
    ],
  },
  {
    username: 'liqiang',
    displayName: '李强',
    org: '随州市劳动人事争议仲裁院',
    roles: [
      { role: 'arbitrator', jurisdictions: ['421300'] },
      { role: 'tribunal_clerk', jurisdictions: ['421300'] },
    ],
    certificates: [
      {
        type: 'arbitrator_card',
        number: '鄂仲2021-0311',
        issuer: '湖北省人力资源和社会保障厅',
        validFrom: '2021-01-01',
        validTo: '2025-12-31',
      },
    ],
  },
  {
    username: 'inspector',
    displayName: '陈刚',
    org: '随州市劳动保障监察支队',
    roles: [{ role: 'inspector', jurisdictions: ['421300'] }],
    certificates: [
      {
        type: 'inspector_card',
        number: '鄂监2022-0088',
        issuer: '湖北省人力资源和社会保障厅',
        validFrom: '2022-05-01',
        validTo: '2027-04-30',
      },
    ],
  },
  {
    username: 'petition',
    displayName: '刘芳',
    org: '随州市信访局（维权中心信访窗口）',
    roles: [{ role: 'petition_officer', jurisdictions: ['421300'] }],
  },
  {
    username: 'legalaid',
    displayName: '赵磊',
    org: '随州市司法局法律援助中心',
    roles: [{ role: 'legal_aid_liaison', jurisdictions: ['421300'] }],
  },
  {
    username: 'court',
    displayName: '孙丽',
    org: '随州市曾都区人民法院',
    roles: [{ role: 'court_liaison', jurisdictions: ['421303'] }],
  },
  {
    username: 'union',
    displayName: '周平',
    org: '随州市总工会',
    roles: [
      { role: 'union_liaison', jurisdictions: ['421300'] },
      { role: 'mediator', jurisdictions: ['421300'] },
    ],
  },
  {
    username: 'director',
    displayName: '吴建国',
    org: '随州市人力资源和社会保障局',
    roles: [{ role: 'leader', jurisdictions: ['421300'] }],
  },
  {
    username: 'gsclerk',
    displayName: '郑红',
    org: '广水市一站式劳动保障维权中心',
    // 一人多岗 at the 广水 window: intake, mediation and, as a certified part-time arbitrator, the
    // acceptance of wage / work-injury cases the same day.
    roles: [
      { role: 'intake_clerk', jurisdictions: ['421381'] },
      { role: 'mediator', jurisdictions: ['421381'] },
      { role: 'arbitrator', jurisdictions: ['421381'] },
    ],
    certificates: [
      {
        type: 'arbitrator_card',
        number: '鄂仲2024-0618',
        issuer: '湖北省人力资源和社会保障厅',
        validFrom: '2024-07-01',
        validTo: '2029-06-30',
      },
    ],
  },
];

/** Example mediation organisations of 随州 with example telephone numbers: demo databases only. */
export const DEMO_MEDIATION_ORGANIZATIONS = [
  [
    '随州市劳动人事争议一站式多元联调联处中心',
    'peoples_mediation',
    '421300',
    '随州市曾都区沿河大道（仲裁院一站式综合服务大厅）',
    '值班调解员',
    '0722-3258000',
    1,
  ],
  ['随州市总工会劳动争议调解委员会', 'union', '421300', '随州市曾都区烈山大道', '周平', '0722-3222000', 2],
  [
    '随州市曾都区人民法院诉调对接工作室',
    'court_linked',
    '421303',
    '随州市曾都区人民法院立案庭',
    '孙丽',
    '0722-3811000',
    3,
  ],
  [
    '曾都区东城街道劳动争议调解委员会',
    'street_township',
    '421303',
    '曾都区东城街道办事处',
    '街道调解员',
    '0722-3300100',
    4,
  ],
  [
    '广水市应山街道劳动争议调解委员会',
    'street_township',
    '421381',
    '广水市应山街道办事处',
    '街道调解员',
    '0722-6200100',
    5,
  ],
  [
    '随县厉山镇人民调解委员会',
    'peoples_mediation',
    '421321',
    '随县厉山镇人民政府',
    '镇调解员',
    '0722-4500100',
    6,
  ],
] as const;

async function seedDemoOrganizations(db: Kysely<DB>): Promise<void> {
  for (const [name, kind, code, address, person, phone, sort] of DEMO_MEDIATION_ORGANIZATIONS) {
    await sql`INSERT INTO mediation_organization (name, kind, jurisdiction_code, address, contact_person, phone, sort)
              VALUES (${name}, ${kind}, ${code}, ${address}, ${person}, ${phone}, ${sort})
              ON CONFLICT (name) DO NOTHING`.execute(db);
  }
}

// --- Staffing so that every track can run end to end in each jurisdiction used by the demo ---
// Investigations need two inspectors (《劳动保障监察条例》第十六条): a second certified inspector at the
// city detachment, and one at 广水 (whose cases the city inspectors may join).
DEMO_USERS.push(
  {
    username: 'inspector2',
    displayName: '刘伟',
    org: '随州市劳动保障监察支队',
    phone: '13872211031',
    roles: [{ role: 'inspector', jurisdictions: ['421300'] }],
    certificates: [
      {
        type: 'inspector_card',
        number: '鄂监2023-0142',
        issuer: '湖北省人力资源和社会保障厅',
        validFrom: '2023-03-01',
        validTo: '2028-02-29',
      },
    ],
  },
  {
    username: 'gsinspector',
    displayName: '吴静',
    org: '广水市一站式劳动保障维权中心',
    phone: '13872211032',
    roles: [{ role: 'inspector', jurisdictions: ['421381'] }],
    certificates: [
      {
        type: 'inspector_card',
        number: '鄂监2024-0307',
        issuer: '湖北省人力资源和社会保障厅',
        validFrom: '2024-04-01',
        validTo: '2029-03-31',
      },
    ],
  },
);
// --- end of staffing block ---
// A second certified arbitrator at the city commission, so that the window's clerk, the mediator and
// the arbitrator who accepts can be three different people (张敏 mediates, 黄志明 accepts; 李强's card
// lapsed on purpose). The prevention track: a 调解组织指导员 for the city (registers and assesses the
// mediation organisations) and a mediator of 曾都区东城街道劳动争议调解委员会 who keeps its case ledger
// (the committee is registered in the 调解组织名录 with that mediator as a member: seedDemoPrevention).
DEMO_USERS.push(
  {
    username: 'arbitrator',
    displayName: '黄志明',
    org: '随州市劳动人事争议仲裁院',
    phone: '13872211033',
    roles: [{ role: 'arbitrator', jurisdictions: ['421300'] }],
    certificates: [
      {
        type: 'arbitrator_card',
        number: '鄂仲2024-0207',
        issuer: '湖北省人力资源和社会保障厅',
        validFrom: '2024-01-01',
        validTo: '2028-12-31',
      },
    ],
  },
  {
    username: 'prevention',
    displayName: '何静',
    org: '随州市人力资源和社会保障局调解仲裁科',
    roles: [{ role: 'prevention_officer', jurisdictions: ['421300'] }],
  },
  {
    username: 'orgmediator',
    displayName: '马丽',
    org: '随州市人力资源和社会保障局调解仲裁科',
    roles: [{ role: 'org_mediator', jurisdictions: ['421303'] }],
  },
);

/** The demo committee in the 调解组织名录 (prevention track) and its mediator who keeps the ledger. */
const DEMO_PREVENTION_ORG = {
  name: '曾都区东城街道劳动争议调解委员会',
  jurisdiction: '421303',
  foundedOn: '2021-03-15',
  members: [
    { name: '街道调解员', position: 'chair' as const, username: null },
    { name: '马丽', position: 'mediator' as const, username: 'orgmediator' },
  ],
};

async function seedDemoPrevention(trx: Transaction<DB>): Promise<void> {
  const o = await trx
    .selectFrom('mediation_organization')
    .select('id')
    .where('name', '=', DEMO_PREVENTION_ORG.name)
    .executeTakeFirst();
  const j = await trx
    .selectFrom('jurisdiction')
    .select('id')
    .where('code', '=', DEMO_PREVENTION_ORG.jurisdiction)
    .executeTakeFirst();
  if (!o || !j) return;
  const listed = await trx
    .selectFrom('prevention_org')
    .select('organization_id')
    .where('organization_id', '=', o.id)
    .executeTakeFirst();
  if (listed) return;
  await trx
    .insertInto('prevention_org')
    .values({
      organization_id: o.id,
      jurisdiction_id: j.id,
      founded_on: DEMO_PREVENTION_ORG.foundedOn,
      credit_code: null,
      employer_party_id: null,
      last_assessment_id: null,
      created_by: null,
      updated_at: new Date(),
    })
    .execute();
  for (const m of DEMO_PREVENTION_ORG.members) {
    const user = m.username
      ? await trx.selectFrom('app_user').select('id').where('username', '=', m.username).executeTakeFirst()
      : undefined;
    await trx
      .insertInto('prevention_org_member')
      .values({ organization_id: o.id, name: m.name, position: m.position, user_id: user?.id ?? null })
      .execute();
  }
  const summary = `载入演示数据：登记调解组织“${DEMO_PREVENTION_ORG.name}”（乡镇（街道）劳动争议调解组织，成员${DEMO_PREVENTION_ORG.members.length}人）`;
  await trx
    .insertInto('prevention_event')
    .values({
      entity_type: 'mediation_organization',
      entity_id: o.id,
      organization_id: o.id,
      action: 'register',
      summary,
      actor_id: null,
      actor_name: DEMO_SEED.name,
    })
    .execute();
  await appendAudit(trx, DEMO_SEED, {
    action: 'prevention.register',
    entityType: 'mediation_organization',
    entityId: o.id,
    summary,
  });
}

/**
 * Loads the demo staff into a database that has no users yet and marks the database as a demo
 * installation (refused on a production database). Returns whether it loaded the staff.
 */
export async function seedDemo(db: Kysely<DB>, cipher: FieldCipher): Promise<boolean> {
  await claimInstallationMode(db, 'demo');
  await seedDemoOrganizations(db);
  const any = await db.selectFrom('app_user').select('id').limit(1).executeTakeFirst();
  if (any) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction().execute(async (trx) => {
    const j = new Map(
      (await trx.selectFrom('jurisdiction').select(['id', 'code']).execute()).map((r) => [r.code, r.id]),
    );
    const o = new Map(
      (await trx.selectFrom('organization').select(['id', 'name']).execute()).map((r) => [r.name, r.id]),
    );
    for (const u of DEMO_USERS) {
      const row = await trx
        .insertInto('app_user')
        .values({
          username: u.username,
          display_name: u.displayName,
          organization_id: o.get(u.org)!,
          password_hash: passwordHash,
          phone_enc: u.phone ? cipher.encrypt(u.phone) : null,
          phone_hash: u.phone ? cipher.lookupHash(u.phone) : null,
          must_change_password: false,
          updated_at: new Date(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const grants = u.roles.flatMap((r) =>
        r.jurisdictions.map((code) => ({ user_id: row.id, role: r.role, jurisdiction_id: j.get(code)! })),
      );
      await trx.insertInto('user_role').values(grants).execute();
      for (const c of u.certificates ?? []) {
        await trx
          .insertInto('certificate')
          .values({
            user_id: row.id,
            type: c.type,
            number: c.number,
            issuer: c.issuer,
            valid_from: c.validFrom,
            valid_to: c.validTo,
          })
          .execute();
      }
    }
    // Training and 金牌 demo rows (a course held on the seeding day, business time zone by default).
    await seedTrainingDemo(trx, businessDate(new Date(), DEFAULT_TZ_OFFSET_MINUTES));
    await seedDemoPrevention(trx);
    await appendAudit(trx, DEMO_SEED, {
      action: 'seed.demo',
      entityType: 'system',
      summary: `载入演示用户 ${DEMO_USERS.length} 个`,
    });
    return true;
  });
}
