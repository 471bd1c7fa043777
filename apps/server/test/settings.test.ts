import { describe, expect, it } from 'vitest';
import { SETTING_KEYS, SETTINGS } from '../src/platform/settings';
import { signedIn, useTestServer } from './harness';

describe('system settings: one registry, one typed write path', () => {
  const env = useTestServer();

  const current = async (admin: Awaited<ReturnType<typeof signedIn>>, key: string) =>
    ((await admin.get('/api/admin/settings')).body.items as any[]).find((x) => x.key === key);

  it('lists every declared key with its type, default, label, help and legal basis; admins only', async () => {
    const clerk = await signedIn(env, 'clerk');
    expect((await clerk.get('/api/admin/settings')).status).toBe(403);
    const admin = await signedIn(env, 'admin');
    const r = await admin.get('/api/admin/settings');
    expect(r.status).toBe(200);
    const items = r.body.items as any[];
    expect(items.filter((x) => x.family === null).map((x) => x.key)).toEqual(SETTING_KEYS);
    const evidence = items.find((x) => x.key === 'arbitration.evidence_days');
    expect(evidence).toMatchObject({
      group: 'arbitration',
      groupLabel: '仲裁',
      label: '举证期限（日，自受理之日起）',
      declaredBasis: '《劳动人事争议仲裁办案规则》第十五条',
      input: 'integer',
      defaultValue: 15,
    });
    // Family members stored by the migrations are listed under their family.
    expect(items.find((x) => x.key === 'cases.number_pattern.consultation')).toMatchObject({
      family: 'cases.number_pattern',
      value: '随咨〔{year}〕{seq}号',
      basis: '中心案件编号规则（咨询登记：先咨询后立案，每次咨询均登记）',
    });
    // No internal rulebook code reaches the screen.
    expect(JSON.stringify(items)).not.toMatch(/RULES|R-\d\d/);
  });

  it('refuses an undeclared key with 400 SETTING_UNKNOWN', async () => {
    const admin = await signedIn(env, 'admin');
    const r = await admin.put('/api/admin/settings/arbitration.no_such_thing', { value: 1, version: 1 });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('SETTING_UNKNOWN');
    const family = await admin.put('/api/admin/settings/cases.number_pattern.', {
      value: '第{seq}号',
      version: 0,
    });
    expect(family.status).toBe(400);
    expect(family.body.code).toBe('SETTING_UNKNOWN');
  });

  it('refuses a value of the wrong type with 400 SETTING_INVALID and a Chinese reason', async () => {
    const admin = await signedIn(env, 'admin');
    const before = await current(admin, 'arbitration.evidence_days');
    const text = await admin.put('/api/admin/settings/arbitration.evidence_days', {
      value: '十五',
      version: before.version,
    });
    expect(text.status).toBe(400);
    expect(text.body).toMatchObject({
      code: 'SETTING_INVALID',
      message: '“举证期限（日，自受理之日起）”须为整数',
    });
    const zero = await admin.put('/api/admin/settings/arbitration.evidence_days', {
      value: 0,
      version: before.version,
    });
    expect(zero.status).toBe(400);
    expect(zero.body).toMatchObject({
      code: 'SETTING_INVALID',
      message: '“举证期限（日，自受理之日起）”不得小于1',
    });
    const pattern = await admin.put('/api/admin/settings/intake.matter_number_pattern', {
      value: '随维〔{year}〕',
      version: (await current(admin, 'intake.matter_number_pattern')).version,
    });
    expect(pattern.status).toBe(400);
    expect(pattern.body.code).toBe('SETTING_INVALID');
    expect((await current(admin, 'arbitration.evidence_days')).value).toBe(before.value);
  });

  it('round-trips a value with its basis, bumps the version and refuses a stale version with 409', async () => {
    const admin = await signedIn(env, 'admin');
    const before = await current(admin, 'portal.sms_per_ip_hour');
    const saved = await admin.put('/api/admin/settings/portal.sms_per_ip_hour', {
      value: 30,
      version: before.version,
      basis: '中心防滥用规则（2026年12月修订）',
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      key: 'portal.sms_per_ip_hour',
      value: 30,
      version: before.version + 1,
    });
    expect(await current(admin, 'portal.sms_per_ip_hour')).toMatchObject({
      value: 30,
      basis: '中心防滥用规则（2026年12月修订）',
      version: before.version + 1,
    });
    const stale = await admin.put('/api/admin/settings/portal.sms_per_ip_hour', {
      value: 40,
      version: before.version,
    });
    expect(stale.status).toBe(409);
    // A family member that was never stored is created with version 0 and then listed.
    const created = await admin.put('/api/admin/settings/arbitration.filing_approval.421381', {
      value: 'collective',
      version: 0,
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      family: 'arbitration.filing_approval',
      value: 'collective',
      version: 1,
    });
    const wrong = await admin.put('/api/admin/settings/arbitration.filing_approval.421381', {
      value: 'sometimes',
      version: 1,
    });
    expect(wrong.body.code).toBe('SETTING_INVALID');
    // The inspection body's 立案审批 policy is a family of its own (all | none), edited the same way.
    const inspection = await admin.put('/api/admin/settings/inspection.filing_approval.421381', {
      value: 'none',
      version: 0,
    });
    expect(inspection.status).toBe(200);
    expect(inspection.body).toMatchObject({
      family: 'inspection.filing_approval',
      value: 'none',
      version: 1,
    });
    const collective = await admin.put('/api/admin/settings/inspection.filing_approval.421381', {
      value: 'collective',
      version: 1,
    });
    expect(collective.status).toBe(400);
    expect(collective.body.code).toBe('SETTING_INVALID');
    expect(SETTINGS['portal.sms_per_ip_hour'].default).toBe(20);
  });
});
