import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { phoneHash } from '../src/modules/parties/parties.service';
import { signedIn, useTestServer } from './harness';
import { PortalClient, SmsGateway, signInByPhone } from './portal.support';
import { JURISDICTIONS } from '../src/seed/reference';

const sms = new SmsGateway();
await sms.start();
// The test client plays the reverse proxy: each phone's address arrives in X-Forwarded-For, which the
// server believes only from a listed proxy (TRUST_PROXY), as in production behind nginx.
const env = useTestServer({
  TRUST_PROXY: '127.0.0.1',
  SMS_PROVIDER: 'http',
  SMS_HTTP_URL: sms.url,
  STORAGE_DIR: `/tmp/onestop-portal-${randomUUID()}`,
});
afterAll(() => sms.stop());

const db = () => env.server.app.ctx.database.db;

describe('portal: SMS sign-in', () => {
  it('sends a 6-digit code through the provider, refuses a wrong one, signs in with the right one', async () => {
    const c = new PortalClient(env.url);
    expect((await c.get('/api/portal/me')).status).toBe(401);
    expect((await c.post('/api/portal/auth/sms', { phone: '123' })).status).toBe(400);
    const r = await c.post('/api/portal/auth/sms', { phone: '13600000001' });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ expiresInSec: 300, resendAfterSec: 60 });
    const code = sms.codeFor('13600000001');
    expect(code).toMatch(/^\d{6}$/);
    // Hashed at rest: the code itself is nowhere in the table.
    const rows = await db().selectFrom('portal_code').select('code_hash').execute();
    expect(rows.every((x) => !x.code_hash.includes(code))).toBe(true);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const bad = await c.post('/api/portal/auth/verify', { phone: '13600000001', code: wrong });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('CODE_WRONG');
    const ok = await c.post('/api/portal/auth/verify', { phone: '13600000001', code });
    expect(ok.status).toBe(200);
    expect(ok.body.phoneMasked).toBe('136****0001');
    expect(c.cookie).toMatch(/^onestop_portal=/);
    expect((await c.get('/api/portal/me')).body.kind).toBe('account');
    // Used once.
    expect(
      (await new PortalClient(env.url).post('/api/portal/auth/verify', { phone: '13600000001', code })).body
        .code,
    ).toBe('CODE_EXPIRED');
    // The portal cookie is not a staff session.
    expect((await c.get('/api/matters')).status).toBe(401);
  });

  it('refuses an expired code and locks a code after five wrong tries', async () => {
    const c = new PortalClient(env.url);
    await c.post('/api/portal/auth/sms', { phone: '13600000002' });
    await db()
      .updateTable('portal_code')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .execute();
    const r = await c.post('/api/portal/auth/verify', {
      phone: '13600000002',
      code: sms.codeFor('13600000002'),
    });
    expect(r.body.code).toBe('CODE_EXPIRED');
    await db().deleteFrom('portal_attempt').execute();
    await db().deleteFrom('portal_code').execute();
    await c.post('/api/portal/auth/sms', { phone: '13600000003' });
    const code = sms.codeFor('13600000003');
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++)
      await c.post('/api/portal/auth/verify', { phone: '13600000003', code: wrong });
    expect((await c.post('/api/portal/auth/verify', { phone: '13600000003', code })).body.code).toBe(
      'CODE_LOCKED',
    );
  });

  it('rate-limits per phone (one a minute, five an hour) and per network address', async () => {
    const c = new PortalClient(env.url);
    expect((await c.post('/api/portal/auth/sms', { phone: '13600000004' })).status).toBe(200);
    const again = await c.post('/api/portal/auth/sms', { phone: '13600000004' });
    expect(again.status).toBe(429);
    expect(again.body.code).toBe('RATE_LIMITED');
    await sql`UPDATE portal_code SET created_at = now() - interval '2 minutes'`.execute(db());
    await sql`INSERT INTO portal_attempt (kind, key)
      SELECT 'sms.phone', ${phoneHash(env.server.app.ctx.cipher, '13600000004')} FROM generate_series(1, 4)`.execute(
      db(),
    );
    expect(
      (await new PortalClient(env.url).post('/api/portal/auth/sms', { phone: '13600000004' })).status,
    ).toBe(429);
    await db()
      .updateTable('setting')
      .set({ value: '3' })
      .where('key', '=', 'portal.sms_per_ip_hour')
      .execute();
    const one = new PortalClient(env.url, '10.9.9.9');
    for (const p of ['13600000011', '13600000012', '13600000013'])
      expect((await one.post('/api/portal/auth/sms', { phone: p })).status).toBe(200);
    expect((await one.post('/api/portal/auth/sms', { phone: '13600000014' })).status).toBe(429);
    await db()
      .updateTable('setting')
      .set({ value: '20' })
      .where('key', '=', 'portal.sms_per_ip_hour')
      .execute();
  });
});

describe('portal: questions, anonymous reports, public pages, typical cases', () => {
  it('takes an anonymous report without an account and limits it per address', async () => {
    await db()
      .updateTable('setting')
      .set({ value: '2' })
      .where('key', '=', 'portal.submissions_per_hour')
      .execute();
    const anon = new PortalClient(env.url, '10.7.7.7');
    const report = { employerName: '某电子厂', body: '车间每天加班到晚上十一点，没有加班费，还招了童工。' };
    expect((await anon.post('/api/portal/reports', report)).status).toBe(202);
    expect((await anon.post('/api/portal/reports', report)).status).toBe(202);
    expect((await anon.post('/api/portal/reports', report)).status).toBe(429);
    await db()
      .updateTable('setting')
      .set({ value: '10' })
      .where('key', '=', 'portal.submissions_per_hour')
      .execute();
    const inspector = await signedIn(env, 'inspector');
    const items = (await inspector.get('/api/portal/staff/submissions?kind=report')).body.items;
    expect(items.length).toBe(2);
    expect(anon.cookie).toBeUndefined();
  });

  it('a question gets a staff reply', async () => {
    const c = await signInByPhone(env, sms, '13612341234');
    const q = await c.post('/api/portal/questions', {
      subject: '试用期被辞退',
      body: '试用期第二个月被口头辞退，能要补偿吗？',
    });
    expect(q.status).toBe(201);
    const clerk = await signedIn(env, 'clerk');
    expect(
      (
        await clerk.post(`/api/portal/staff/submissions/${q.body.id}/reply`, {
          body: '可以，请带劳动合同来窗口。',
        })
      ).status,
    ).toBe(201);
    const mine = (await c.get('/api/portal/questions')).body.items;
    expect(mine[0].replies[0].body).toContain('劳动合同');
  });

  it('lists sites (demo data) and publishes de-identified typical cases only', async () => {
    const pub = new PortalClient(env.url);
    const sites = (await pub.get('/api/portal/public/sites')).body.items;
    expect(sites.map((s: any) => s.name)).toEqual([
      '随州市劳动人事争议仲裁院一站式综合服务大厅',
      '随州市综治中心人民调解中心劳动人事争议调解窗口',
      '广水市一站式劳动保障维权中心',
    ]);
    expect(sites.every((s: any) => s.demo)).toBe(true);
    const clerk = await signedIn(env, 'clerk');
    const c = {
      title: '农民工追回欠薪',
      summary: '王某在某建筑公司做钢筋工，被拖欠四个月工资。',
      outcome: '经调解，公司当场支付全部工资。',
    };
    expect((await clerk.post('/api/portal/staff/model-cases', c)).status).toBe(403);
    const director = await signedIn(env, 'director');
    const leak = await director.post('/api/portal/staff/model-cases', {
      ...c,
      summary: `${c.summary}联系电话13812345678。`,
    });
    expect(leak.status).toBe(400);
    expect(leak.body.code).toBe('MODEL_CASE_PERSONAL_DATA');
    expect((await director.post('/api/portal/staff/model-cases', c)).status).toBe(201);
    const list = (await pub.get('/api/portal/public/model-cases')).body.items;
    expect(list[0].title).toBe(c.title);
    // The places a person can pick: the seeded city, its three county-level divisions and two zones.
    const places = (await pub.get('/api/portal/public/jurisdictions')).body.items as {
      name: string;
      level: string;
    }[];
    expect(places.map((p) => p.name).sort()).toEqual(JURISDICTIONS.map((j) => j.name).sort());
    expect(places.filter((p) => p.level === 'city').map((p) => p.name)).toEqual(['随州市']);
  });
});
