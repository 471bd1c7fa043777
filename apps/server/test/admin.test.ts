import { describe, expect, it } from 'vitest';
import { type Client, signedIn, useTestServer } from './harness';

describe('staff with many posts, organisations and jurisdictions', () => {
  const env = useTestServer();

  async function refs(admin: Client) {
    const j = (await admin.get('/api/admin/jurisdictions')).body.items as any[];
    const o = (await admin.get('/api/admin/organizations')).body.items as any[];
    return {
      city: j.find((x) => x.name === '随州市'),
      zengdu: j.find((x) => x.name === '曾都区'),
      guangshui: j.find((x) => x.name === '广水市'),
      arbInstitute: o.find((x) => x.name === '随州市劳动人事争议仲裁院'),
      all: { j, o },
    };
  }

  it('seeds the jurisdiction tree and the 1+X organisations', async () => {
    const admin = await signedIn(env, 'admin');
    const { all } = await refs(admin);
    expect(all.j.map((x) => x.name)).toEqual([
      '随州市',
      '曾都区',
      '随县',
      '广水市',
      '随州高新技术产业开发区',
      '大洪山风景名胜区',
    ]);
    const city = all.j[0];
    expect(all.j.slice(1).every((x) => x.parentId === city.id && x.level === 'county')).toBe(true);
    const names = all.o.map((x) => x.name);
    for (const n of [
      '随州市人力资源和社会保障局劳动关系科',
      '随州市人力资源和社会保障局调解仲裁科',
      '随州市劳动人事争议仲裁委员会',
      '随州市劳动人事争议仲裁院',
      '随州市劳动保障监察支队',
      '随州市总工会',
      '随州市中级人民法院',
      '随州市曾都区人民法院',
      '随州市司法局法律援助中心',
      '广水市一站式劳动保障维权中心',
    ]) {
      expect(names).toContain(n);
    }
    expect(all.o.find((x) => x.agency === 'union').partnerRole).toBe('partner');
    expect(all.o.find((x) => x.name === '随州市人力资源和社会保障局').partnerRole).toBe('lead');
  });

  it('creates a user holding 调解员 and 仲裁员 in two jurisdictions; the arbitrator post waits for its certificate', async () => {
    const admin = await signedIn(env, 'admin');
    const r = await refs(admin);
    const created = await admin.post('/api/admin/users', {
      username: 'huangli',
      displayName: '黄丽',
      organizationId: r.arbInstitute.id,
      password: 'Initial#Pass2026',
      phone: '13900001234',
      roles: [
        { role: 'mediator', jurisdictionIds: [r.zengdu.id, r.guangshui.id] },
        { role: 'arbitrator', jurisdictionIds: [r.zengdu.id, r.guangshui.id] },
      ],
    });
    expect(created.status).toBe(201);
    expect(created.body.phoneMasked).toBe('139****1234');
    expect(JSON.stringify(created.body)).not.toContain('13900001234');
    const arb = created.body.roles.find((x: any) => x.role === 'arbitrator');
    expect(arb.active).toBe(false);
    expect(arb.jurisdictions.map((x: any) => x.name).sort()).toEqual(['广水市', '曾都区'].sort());

    const user = await signedIn(env, 'huangli', 'Initial#Pass2026');
    let areas = (await user.get('/api/work')).body.items.map((x: any) => x.track);
    expect(areas).toEqual(['mediation']);
    expect((await user.get('/api/work/arbitration')).status).toBe(403);

    const cert = await admin.post(`/api/admin/users/${created.body.id}/certificates`, {
      type: 'arbitrator_card',
      number: '鄂仲2026-0901',
      issuer: '湖北省人力资源和社会保障厅',
      validFrom: '2026-01-01',
      validTo: '2030-12-31',
    });
    expect(cert.status).toBe(201);
    expect(cert.body.status).toBe('valid');
    areas = (await user.get('/api/work')).body.items.map((x: any) => x.track);
    expect(areas).toEqual(['mediation', 'arbitration']);
    const queue = await user.get('/api/work/arbitration');
    expect(queue.status).toBe(200);
    expect(queue.body.scope.jurisdictions.map((x: any) => x.name).sort()).toEqual(
      ['广水市', '曾都区'].sort(),
    );

    // Revoking the certificate suspends the post's powers again.
    expect((await admin.post(`/api/admin/certificates/${cert.body.id}/revoke`)).status).toBe(200);
    areas = (await user.get('/api/work')).body.items.map((x: any) => x.track);
    expect(areas).toEqual(['mediation']);
  });

  it('suspends the powers of an expired certificate (demo arbitrator 李强, card expired 2025-12-31)', async () => {
    const li = await signedIn(env, 'liqiang');
    const me = (await li.get('/api/auth/me')).body.user;
    expect(me.roles.find((x: any) => x.role === 'arbitrator').active).toBe(false);
    expect(me.permissions).not.toContain('arbitration.work');
    expect(me.permissions).toContain('arbitration.clerk');
  });

  it('detects concurrent edits with the version number (409 with the fresh state)', async () => {
    const admin = await signedIn(env, 'admin');
    const u = (await admin.get('/api/admin/users?q=clerk')).body.items.find(
      (x: any) => x.username === 'clerk',
    );
    const first = await admin.patch(`/api/admin/users/${u.id}`, {
      version: u.version,
      displayName: '王晓梅（窗口）',
    });
    expect(first.status).toBe(200);
    const second = await admin.patch(`/api/admin/users/${u.id}`, {
      version: u.version,
      displayName: '旧版本',
    });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('CONFLICT');
    expect(second.body.details.current.displayName).toBe('王晓梅（窗口）');
  });

  it('refuses bad input clearly and writes nothing', async () => {
    const admin = await signedIn(env, 'admin');
    const r = await refs(admin);
    const countBefore = (await admin.get('/api/admin/users?limit=200')).body.items.length;
    const auditBefore = (await admin.get('/api/admin/audit?pageSize=1')).body.total;
    const cases: [unknown, number, string][] = [
      [
        {
          username: 'x y',
          displayName: '甲',
          organizationId: r.arbInstitute.id,
          password: 'Initial#Pass2026',
        },
        400,
        'VALIDATION_FAILED',
      ],
      [
        { username: 'okname', displayName: '甲', organizationId: 'not-a-uuid', password: 'Initial#Pass2026' },
        400,
        'VALIDATION_FAILED',
      ],
      [
        { username: 'okname', displayName: '甲', organizationId: r.arbInstitute.id, password: 'weak' },
        400,
        'PASSWORD_POLICY',
      ],
      [
        {
          username: 'okname',
          displayName: '甲',
          organizationId: r.arbInstitute.id,
          password: 'Initial#Pass2026',
          roles: [{ role: 'mediator', jurisdictionIds: ['00000000-0000-4000-8000-000000000000'] }],
        },
        400,
        'JURISDICTION_NOT_FOUND',
      ],
      [
        {
          username: 'okname',
          displayName: '甲',
          organizationId: r.arbInstitute.id,
          password: 'Initial#Pass2026',
          roles: [{ role: 'pope', jurisdictionIds: [r.city.id] }],
        },
        400,
        'VALIDATION_FAILED',
      ],
      [
        {
          username: 'clerk',
          displayName: '甲',
          organizationId: r.arbInstitute.id,
          password: 'Initial#Pass2026',
        },
        409,
        'USERNAME_TAKEN',
      ],
    ];
    for (const [body, status, code] of cases) {
      const res = await admin.post('/api/admin/users', body);
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(res.body.code).toBe(code);
      expect(res.body.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect((await admin.get('/api/admin/users/not-a-uuid')).status).toBe(400);
    expect((await admin.get('/api/admin/users/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await admin.get('/api/admin/users?limit=200')).body.items.length).toBe(countBefore);
    expect((await admin.get('/api/admin/audit?pageSize=1')).body.total).toBe(auditBefore);
  });

  it('lets an admin edit organisations and jurisdictions, recording each change', async () => {
    const admin = await signedIn(env, 'admin');
    const r = await refs(admin);
    const j = await admin.post('/api/admin/jurisdictions', {
      code: '421399',
      name: '测试辖区',
      parentId: r.city.id,
    });
    expect(j.status).toBe(201);
    const renamed = await admin.patch(`/api/admin/jurisdictions/${j.body.id}`, {
      version: 1,
      name: '测试辖区二',
    });
    expect(renamed.body.name).toBe('测试辖区二');
    const org = await admin.post('/api/admin/organizations', {
      name: '随县一站式劳动保障维权中心',
      shortName: '随县维权中心',
      agency: 'hrss',
      partnerRole: 'lead',
      jurisdictionId: j.body.id,
    });
    expect(org.status).toBe(201);
    const audit = await admin.get('/api/admin/audit?entity=organization');
    expect(audit.body.items[0].summary).toContain('随县一站式劳动保障维权中心');
    expect(audit.body.items[0].actorName).toBe('系统管理员');
  });

  it('jurisdictions: one city-level root per deployment, county-level ones under it; admins only', async () => {
    const admin = await signedIn(env, 'admin');
    const clerk = await signedIn(env, 'clerk');
    const r = await refs(admin);
    expect(r.city).toMatchObject({ parentId: null, level: 'city' });
    const denied = await clerk.post('/api/admin/jurisdictions', { code: '421398', name: '无权辖区' });
    expect(denied.status).toBe(403);
    // A second root: refused, with what to do instead.
    const root = await admin.post('/api/admin/jurisdictions', { code: '420300', name: '十堰市' });
    expect([root.status, root.body.code, root.body.message]).toEqual([
      409,
      'JURISDICTION_ROOT_EXISTS',
      '已有市级辖区“随州市”，每个部署只设一个市级辖区；新建县级辖区请选择上级辖区',
    ]);
    const nullParent = await admin.post('/api/admin/jurisdictions', {
      code: '420300',
      name: '十堰市',
      parentId: null,
    });
    expect([nullParent.status, nullParent.body.code]).toEqual([409, 'JURISDICTION_ROOT_EXISTS']);
    // A county-level jurisdiction sits under the city, not under another county.
    const underCounty = await admin.post('/api/admin/jurisdictions', {
      code: '421397',
      name: '某镇',
      parentId: r.zengdu.id,
    });
    expect([underCounty.status, underCounty.body.code, underCounty.body.message]).toEqual([
      400,
      'JURISDICTION_PARENT_LEVEL',
      '县级辖区的上级须为市级辖区',
    ]);
    const missing = await admin.post('/api/admin/jurisdictions', {
      code: '421397',
      name: '某县',
      parentId: '00000000-0000-4000-8000-000000000000',
    });
    expect([missing.status, missing.body.code, missing.body.message]).toEqual([
      400,
      'JURISDICTION_NOT_FOUND',
      '上级辖区不存在',
    ]);
    const county = await admin.post('/api/admin/jurisdictions', {
      code: '421397',
      name: '测试县',
      parentId: r.city.id,
    });
    expect(county.status).toBe(201);
    expect(county.body).toMatchObject({
      code: '421397',
      name: '测试县',
      parentId: r.city.id,
      level: 'county',
    });
    const audit = await admin.get('/api/admin/audit?entity=jurisdiction');
    expect(audit.body.items[0].summary).toBe('新建县级辖区 测试县（421397）');
    // The database holds the rule too (two requests at once): a second root row is refused.
    const { db } = env.server.app.ctx.database;
    await expect(
      db
        .insertInto('jurisdiction')
        .values({ code: '420300', name: '十堰市', level: 'city', parent_id: null, updated_at: new Date() })
        .execute(),
    ).rejects.toMatchObject({ code: '23505' });
  });
});

describe('organisation edits inside one transaction', () => {
  const env = useTestServer();
  it('updates an organisation and refuses a stale version', async () => {
    const admin = await signedIn(env, 'admin');
    const org = (await admin.get('/api/admin/organizations')).body.items.find(
      (o: any) => o.agency === 'union',
    );
    const ok = await admin.patch(`/api/admin/organizations/${org.id}`, {
      version: org.version,
      phone: '0722-3333333',
    });
    expect(ok.status).toBe(200);
    expect(ok.body.phone).toBe('0722-3333333');
    const stale = await admin.patch(`/api/admin/organizations/${org.id}`, {
      version: org.version,
      phone: '1',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.details.current.phone).toBe('0722-3333333');
  });

  it('answers parallel requests on the embedded database without errors', async () => {
    const admin = await signedIn(env, 'admin');
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        i % 2 ? admin.get('/api/admin/users') : admin.get('/api/admin/jurisdictions'),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(40).fill(200));
  });
});
