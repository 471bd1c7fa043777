import { beforeAll, expect } from 'vitest';
import { hashPassword } from '../src/platform/passwords';
import { DEMO_PASSWORD } from '../src/seed/demo';
import { type Places, places } from './cases.support';
import { type Client, signedIn, type TestEnv } from './harness';

/** Complete window materials for a one-respondent application (仲裁申请书 per 办案规则第二十九条). */
export const COMPLETE = {
  facts: '2025年9月至12月在被申请人工地做钢筋工，工资未发放，多次催要未果。',
  evidence: [{ title: '考勤记录', source: '申请人保存' }],
  materials: [
    { kind: 'application', title: '仲裁申请书', form: '原件', pages: 3 },
    { kind: 'applicant_id', title: '身份证复印件', form: '复印件', pages: 1 },
    { kind: 'respondent_info', title: '企业信用信息公示报告', form: '复印件', pages: 2 },
    { kind: 'evidence', title: '考勤记录', form: '复印件', pages: 5 },
  ],
  copiesSubmitted: 1,
  applicantSigned: true,
  performancePlace: '随州市曾都区交通大道工地',
  employerDomicile: '随州市曾都区擂鼓墩大道8号',
};

/** The award period (45 days) reaches into next year: the test loads next year's holiday notice. */
export async function seedCalendars(env: TestEnv) {
  const admin = await signedIn(env, 'admin');
  const year = new Date().getUTCFullYear() + 1;
  const have = (await admin.get('/api/admin/calendar/years')).body;
  if (JSON.stringify(have).includes(`"year":${year}`)) return;
  const d = (md: string) => `${year}-${md}`;
  const notice = {
    source: `国务院办公厅关于${year}年部分节假日安排的通知（测试数据）`,
    holidays: [
      { date: d('01-01'), name: '元旦' },
      ...['10-01', '10-02', '10-03'].map((x) => ({ date: d(x), name: '国庆节' })),
    ],
    makeupWorkdays: [],
  };
  const r = await admin.request('PUT', `/api/admin/calendar/years/${year}`, notice);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
}

export async function application(
  clerk: Client,
  matter: { id: string; claims: { id: string }[] },
  over: Record<string, unknown> = {},
) {
  const r = await clerk.post('/api/arbitration/applications', {
    matterId: matter.id,
    claimIds: matter.claims.map((c) => c.id),
    ...COMPLETE,
    ...over,
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

/** A certified arbitrator in the city (valid 仲裁员证), e.g. for tribunals of three; returns the user id. */
export async function addArbitrator(env: TestEnv, username: string, name: string): Promise<string> {
  const db = env.server.app.ctx.database.db;
  const city = await db
    .selectFrom('jurisdiction')
    .select('id')
    .where('code', '=', '421300')
    .executeTakeFirstOrThrow();
  const org = await db
    .selectFrom('organization')
    .select('id')
    .where('agency', '=', 'arbitration')
    .executeTakeFirstOrThrow();
  const u = await db
    .insertInto('app_user')
    .values({
      username,
      display_name: name,
      organization_id: org.id,
      password_hash: await hashPassword(DEMO_PASSWORD),
      phone_enc: null,
      phone_hash: null,
      must_change_password: false,
      locked_until: null,
      last_login_at: null,
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('user_role')
    .values({ user_id: u.id, role: 'arbitrator', jurisdiction_id: city.id })
    .execute();
  await db
    .insertInto('certificate')
    .values({
      user_id: u.id,
      type: 'arbitrator_card',
      number: `鄂仲测-${username}`,
      issuer: '湖北省人力资源和社会保障厅',
      valid_from: '2024-01-01',
      valid_to: '2030-12-31',
      revoked_at: null,
    })
    .execute();
  return u.id;
}

/**
 * The 立案 or 结案 approval by the approver's own action: `handler` asks, `approver` (holding the
 * approving post) approves on the 工作台; returns the issued 审批表's id.
 */
export async function approved(
  handler: Client,
  approver: Client,
  caseId: string,
  kind: 'filing' | 'closing',
  over: Record<string, unknown> = {},
): Promise<string> {
  const asked = await handler.post(`/api/arbitration/cases/${caseId}/${kind}-approval`, {
    opinion: kind === 'filing' ? '材料齐全，符合受理条件，建议立案' : '案件已审结，建议结案归档',
    ...over,
  });
  expect(asked.status, JSON.stringify(asked.body)).toBe(200);
  const done = await approver.post(`/api/approvals/${asked.body.approvalId}/decide`, {
    approve: true,
    comment: kind === 'filing' ? '同意立案' : '同意结案',
    version: 1,
  });
  expect(done.status, JSON.stringify(done.body)).toBe(200);
  return done.body.documentId as string;
}

/** What useArbitrationSetup gives a test file: filled in before its first test, read-only after. */
export type ArbitrationSetup<U extends string> = Readonly<
  {
    /** Jurisdiction ids: city, 曾都区, 广水市. */
    p: Places;
    /** User ids by username: the demo users and the arbitrators added for the file. */
    ids: Readonly<Record<string, string>>;
  } & Record<U, Client>
>;

/**
 * The set-up the arbitration and leader test files share, run once before the file's first test:
 * the jurisdictions, the named users signed in, next year's calendar (seedCalendars) and, when
 * given, certified arbitrators added by username → display name (addArbitrator). Each test builds
 * its own cases from there; nothing a test writes is read by another.
 */
export function useArbitrationSetup<const U extends string>(
  env: TestEnv,
  opts: { users: readonly U[]; arbitrators?: Record<string, string> },
): ArbitrationSetup<U> {
  const setup = {} as Record<string, unknown>;
  beforeAll(async () => {
    setup.p = await places(env);
    for (const username of opts.users) setup[username] = await signedIn(env, username);
    await seedCalendars(env);
    for (const [username, name] of Object.entries(opts.arbitrators ?? {})) {
      await addArbitrator(env, username, name);
    }
    const db = env.server.app.ctx.database.db;
    setup.ids = Object.fromEntries(
      (await db.selectFrom('app_user').select(['id', 'username']).execute()).map((u) => [u.username, u.id]),
    );
  });
  return setup as ArbitrationSetup<U>;
}
