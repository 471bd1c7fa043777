import type { RoleCode } from '@onestop/domain';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { appendAudit, SYSTEM_ACTOR } from '../platform/audit';
import type { FieldCipher } from '../platform/crypto';
import { hashPassword } from '../platform/passwords';
import { claimInstallationMode } from './installation';
import { seedTrainingDemo } from '../modules/training/training.demo';

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

// --- Prevention (issue #19): a supervisor of mediation organisations and an organisation's mediator ---
// The organisation mediator is not staff of the center: the user row records the supervising unit; the
// register (seedDemoPrevention) names her a member of her street committee, which is what she may record.
DEMO_USERS.push(
  {
    username: 'prevention',
    displayName: '何静',
    org: '随州市人力资源和社会保障局调解仲裁科',
    phone: '13872211041',
    roles: [{ role: 'prevention_officer', jurisdictions: ['421300'] }],
  },
  {
    username: 'orgmediator',
    displayName: '黄丽',
    org: '随州市人力资源和社会保障局调解仲裁科',
    roles: [{ role: 'org_mediator', jurisdictions: ['421303'] }],
  },
);

/** The demo street committee in the register, with its members (one signs in as `orgmediator`). */
async function seedDemoPrevention(trx: Transaction<DB>): Promise<void> {
  const org = await trx
    .selectFrom('mediation_organization')
    .select('id')
    .where('name', '=', '曾都区东城街道劳动争议调解委员会')
    .executeTakeFirst();
  const zengdu = await trx
    .selectFrom('jurisdiction')
    .select('id')
    .where('code', '=', '421303')
    .executeTakeFirst();
  const users = await trx
    .selectFrom('app_user')
    .select(['id', 'username'])
    .where('username', 'in', ['prevention', 'orgmediator'])
    .execute();
  const officer = users.find((u) => u.username === 'prevention');
  const mediator = users.find((u) => u.username === 'orgmediator');
  if (!org || !zengdu || !officer || !mediator) return;
  await trx
    .insertInto('prevention_org')
    .values({
      organization_id: org.id,
      jurisdiction_id: zengdu.id,
      founded_on: '2019-06-18',
      credit_code: null,
      employer_party_id: null,
      last_assessment_id: null,
      created_by: officer.id,
      updated_at: new Date(),
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
  await trx
    .insertInto('prevention_org_member')
    .values([
      { organization_id: org.id, name: '陈卫东', position: 'chair', user_id: null },
      { organization_id: org.id, name: '黄丽', position: 'mediator', user_id: mediator.id },
    ])
    .execute();
  await trx
    .insertInto('prevention_event')
    .values({
      entity_type: 'mediation_organization',
      entity_id: org.id,
      organization_id: org.id,
      action: 'register',
      summary: '登记调解组织“曾都区东城街道劳动争议调解委员会”（演示数据，成员2人）',
      actor_id: null,
      actor_name: SYSTEM_ACTOR.name,
    })
    .execute();
}
// --- end of prevention block ---

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
    // Training and 金牌 demo rows (a course held on the seeding day in China, UTC+8).
    await seedTrainingDemo(trx, new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10));
    await seedDemoPrevention(trx);
    await appendAudit(trx, SYSTEM_ACTOR, {
      action: 'seed.demo',
      entityType: 'system',
      summary: `载入演示用户 ${DEMO_USERS.length} 个`,
    });
    return true;
  });
}
