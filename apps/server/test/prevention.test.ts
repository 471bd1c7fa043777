// Over 400 lines: mediation organisations, 六有五统一 assessments and their ledgers, each test standing alone.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { organizations, type Places, places } from './cases.support';
import { Client, signedIn, useTestServer } from './harness';
import { creditCode, intakeBody } from './intake-fixtures';

/**
 * Prevention (issue #19): the register of mediation organisations, the 六有五统一 assessment with its
 * evidence and re-assessment clock, and the organisations' case ledger counted in the mediation
 * statistics table by type of body.
 */
const PASSWORD = 'Initial#Pass2026';
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe('prevention: mediation organisations, 六有五统一, case ledger', () => {
  const env = useTestServer({ LOG_LEVEL: 'error' });
  let p: Places;
  let admin: Client;
  let officer: Client;
  let gsOfficer: Client;
  let center: string;
  let gsCenter: string;
  let n = 0;

  async function user(username: string, role: string, jurisdictionIds: string[], org = center) {
    const r = await admin.post('/api/admin/users', {
      username,
      displayName: `${username}测试`,
      organizationId: org,
      password: PASSWORD,
      roles: [{ role, jurisdictionIds }],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return signedIn(env, username, PASSWORD);
  }

  const items = (failing: string[] = []) =>
    [
      'place',
      'sign',
      'staff',
      'rules',
      'ledger',
      'funds',
      'u_name',
      'u_seal',
      'u_procedure',
      'u_forms',
      'u_ledger',
    ].map((code) =>
      failing.includes(code) ? { code, passed: false, note: '现场未见' } : { code, passed: true },
    );

  async function register(over: Record<string, unknown> = {}) {
    n++;
    const r = await officer.post('/api/prevention/organizations', {
      name: `随州测试${n}有限公司劳动争议调解委员会`,
      kind: 'enterprise_committee',
      jurisdictionId: p.zengdu,
      foundedOn: '2025-03-01',
      address: '随州市曾都区交通大道100号',
      creditCode: creditCode(`MA4C${String(n).padStart(4, '0')}`),
      ...over,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body;
  }

  beforeAll(async () => {
    p = await places(env);
    const orgs = await organizations(env);
    center = orgs.随州市劳动人事争议仲裁委员会!;
    gsCenter = orgs.广水市一站式劳动保障维权中心!;
    admin = await signedIn(env, 'admin');
    officer = await user('zdofficer', 'prevention_officer', [p.zengdu]);
    gsOfficer = await user('gsofficer', 'prevention_officer', [p.guangshui], gsCenter);
  });

  it('registers an enterprise committee with its members, linked to the employer by credit code', async () => {
    expect((await new Client(env.url).get('/api/prevention/organizations')).status).toBe(401);
    expect((await (await signedIn(env, 'clerk')).get('/api/prevention/organizations')).status).toBe(403);
    await user('zdmed1', 'org_mediator', [p.zengdu]);
    const noCode = await officer.post('/api/prevention/organizations', {
      name: '无代码调解委员会',
      kind: 'enterprise_committee',
      jurisdictionId: p.zengdu,
      foundedOn: '2025-03-01',
      address: '随州市',
    });
    expect(noCode.status).toBe(400);
    expect(noCode.body).toMatchObject({ code: 'CREDIT_CODE_REQUIRED' });
    const badCode = await officer.post('/api/prevention/organizations', {
      name: '错误代码调解委员会',
      kind: 'enterprise_committee',
      jurisdictionId: p.zengdu,
      foundedOn: '2025-03-01',
      address: '随州市',
      creditCode: '91421300MA4C00001X',
    });
    expect(badCode.status).toBe(400);
    expect(badCode.body.code).toBe('CREDIT_CODE_INVALID');
    const outside = await officer.post('/api/prevention/organizations', {
      name: '广水某调解委员会',
      kind: 'street_township',
      jurisdictionId: p.guangshui,
      foundedOn: '2025-03-01',
      address: '广水市',
    });
    expect(outside.status).toBe(403);
    expect(outside.body.code).toBe('JURISDICTION_FORBIDDEN');

    const org = await register({
      members: [
        { name: '王建国', position: 'chair' },
        { name: '李秀英', position: 'mediator', username: 'zdmed1' },
      ],
    });
    expect(org).toMatchObject({
      kind: 'enterprise_committee',
      kindLabel: '企业劳动争议调解委员会',
      statisticsRow: '企业劳动争议调解委员会',
      jurisdiction: { id: p.zengdu, name: '曾都区' },
      foundedOn: '2025-03-01',
      foundedOnText: '2025年3月1日',
      status: 'active',
      statusLabel: '正常运行',
      employer: null,
      standard: { state: 'never', label: '未评估', lastAssessedOn: null, reassessDue: null },
      assessments: [],
      version: 1,
    });
    expect(org.members).toEqual([
      { id: org.members[0].id, name: '王建国', position: 'chair', positionLabel: '主任', username: null },
      {
        id: org.members[1].id,
        name: '李秀英',
        position: 'mediator',
        positionLabel: '调解员',
        username: 'zdmed1',
      },
    ]);
    expect(org.events).toHaveLength(1);
    expect(org.events[0].summary).toBe(`登记调解组织“${org.name}”（企业劳动争议调解委员会，成员2人）`);
    // Same name twice: 409; a member account without the post: 400.
    const dup = await officer.post('/api/prevention/organizations', {
      name: org.name,
      kind: 'union',
      jurisdictionId: p.zengdu,
      foundedOn: '2025-03-01',
      address: '随州市',
    });
    expect(dup.status).toBe(409);
    const noPost = await officer.post(`/api/prevention/organizations/${org.id}/members`, {
      name: '张敏',
      position: 'mediator',
      username: 'zhangmin',
    });
    expect(noPost.status).toBe(400);
    expect(noPost.body.code).toBe('MEMBER_USER_ROLE');
    // The listed organisation appears in the mediation module's list (referrals).
    const listed = (await officer.get('/api/mediation/organizations')).body.items.find(
      (o: any) => o.id === org.id,
    );
    expect(listed).toMatchObject({ kind: 'enterprise_committee', jurisdictionCode: '421303' });
    // An employer known to the center (by its credit code) is linked to its committee.
    const clerk = await signedIn(env, 'clerk');
    expect((await clerk.post('/api/intake', intakeBody(p.zengdu))).status).toBe(201);
    const linked = await register({
      name: '随州市鸿运建筑劳务有限公司劳动争议调解委员会',
      creditCode: creditCode('MA4C1234'),
    });
    expect(linked.employer).toEqual({ id: linked.employer.id, name: '随州市鸿运建筑劳务有限公司' });
    expect(linked.creditCode).toBe(creditCode('MA4C1234'));
    // Other county's supervisor: 404; the register lists per jurisdiction.
    expect((await gsOfficer.get(`/api/prevention/organizations/${org.id}`)).status).toBe(404);
    expect((await gsOfficer.get('/api/prevention/organizations')).body.items).toEqual([]);
  });

  it('assesses against 六有五统一 with evidence, starts the re-assessment clock, lists the shortfall', async () => {
    const org = await register();
    const url = `/api/prevention/organizations/${org.id}/assessments`;
    const incomplete = await officer.post(url, { assessedOn: '2026-03-06', items: items().slice(0, 9) });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.message).toBe('请逐项评估，尚未填写：统一文书、统一台账');
    const noNote = await officer.post(url, {
      assessedOn: '2026-03-06',
      items: items().map((i) => (i.code === 'funds' ? { code: 'funds', passed: false } : i)),
    });
    expect(noNote.status).toBe(400);
    expect(noNote.body.message).toBe('不符合的项目须写明问题：有经费');
    expect((await gsOfficer.post(url, { assessedOn: '2026-03-06', items: items() })).status).toBe(404);

    const failed = await officer.post(url, { assessedOn: '2026-03-06', items: items(['sign', 'u_seal']) });
    expect(failed.status, JSON.stringify(failed.body)).toBe(201);
    // 30 days from 2026-03-06 is Sunday 2026-04-05 (清明 4/4–4/6): rolls over to Tuesday 2026-04-07.
    expect(failed.body).toMatchObject({
      assessedOn: '2026-03-06',
      assessedOnText: '2026年3月6日',
      assessorName: 'zdofficer测试',
      passed: false,
      resultLabel: '未达标（2项不符合）',
      failedCount: 2,
      failedItems: ['有牌子', '统一印章'],
      reassessRule: { id: 'prevention.rectification-reassessment', name: '调解组织整改复评' },
      reassessDue: '2026-04-07',
      reassessDueText: '2026年4月7日',
    });
    expect(failed.body.items.map((i: any) => `${i.groupLabel}${i.label}${i.passed ? '✓' : '✗'}`)).toEqual([
      '六有有场所✓',
      '六有有牌子✗',
      '六有有人员✓',
      '六有有制度✓',
      '六有有台账✓',
      '六有有经费✓',
      '五统一统一名称✓',
      '五统一统一印章✗',
      '五统一统一程序✓',
      '五统一统一文书✓',
      '五统一统一台账✓',
    ]);
    expect(failed.body).toMatchObject({ clockStatus: 'running', clockStatusLabel: '计时中' });

    // Evidence: a photo of the missing sign.
    const form = new FormData();
    form.append('itemCode', 'sign');
    form.append('file', new Blob([PNG], { type: 'image/png' }), '现场照片.png');
    const up = await fetch(`${env.url}/api/prevention/assessments/${failed.body.id}/evidence`, {
      method: 'POST',
      headers: { cookie: officer.cookie!, 'x-csrf-token': officer.csrf! },
      body: form,
    });
    const upBody: any = await up.json();
    expect(up.status, JSON.stringify(upBody)).toBe(201);
    expect(upBody.items).toEqual([
      {
        id: upBody.items[0].id,
        itemCode: 'sign',
        fileName: '现场照片.png',
        contentType: 'image/png',
        sizeBytes: PNG.length,
      },
    ]);
    const bad = new FormData();
    bad.append('itemCode', 'sign');
    bad.append('file', new Blob([Buffer.from('not an image')], { type: 'image/png' }), 'x.png');
    const refused = await fetch(`${env.url}/api/prevention/assessments/${failed.body.id}/evidence`, {
      method: 'POST',
      headers: { cookie: officer.cookie!, 'x-csrf-token': officer.csrf! },
      body: bad,
    });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as any).code).toBe('EVIDENCE_TYPE');
    const file = await fetch(`${env.url}/api/prevention/evidence/${upBody.items[0].id}/file`, {
      headers: { cookie: officer.cookie! },
    });
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).equals(PNG)).toBe(true);
    expect(
      (
        await fetch(`${env.url}/api/prevention/evidence/${upBody.items[0].id}/file`, {
          headers: { cookie: gsOfficer.cookie! },
        })
      ).status,
    ).toBe(404);

    const detail = (await officer.get(`/api/prevention/organizations/${org.id}`)).body;
    expect(detail.standard).toEqual({
      state: 'failed',
      label: '未达标',
      lastAssessedOn: '2026-03-06',
      reassessDue: '2026-04-07',
      reassessDueText: '2026年4月7日',
    });
    expect(detail.assessments[0].items[1].evidence).toHaveLength(1);
    const shortfall = (await officer.get('/api/prevention/organizations?shortfall=true')).body.items;
    expect(shortfall.map((o: any) => o.id)).toContain(org.id);

    // Re-assessed and passed: the rectification clock is met, the yearly one runs.
    const passed = await officer.post(url, { assessedOn: '2026-04-03', items: items() });
    expect(passed.status).toBe(201);
    expect(passed.body).toMatchObject({
      passed: true,
      resultLabel: '达标',
      failedItems: [],
      reassessRule: { id: 'prevention.periodic-reassessment' },
    });
    const history = (await officer.get(`/api/prevention/organizations/${org.id}`)).body.assessments;
    expect(history.map((a: any) => [a.assessedOn, a.clockStatus])).toEqual([
      ['2026-04-03', 'running'],
      ['2026-03-06', 'met'],
    ]);
    const after = (await officer.get('/api/prevention/organizations?shortfall=true')).body.items;
    expect(after.map((o: any) => o.id)).not.toContain(org.id);
  });

  it('lets an organisation mediator keep only its own ledger, counted in the mediation table', async () => {
    const med = await user('zdmed2', 'org_mediator', [p.zengdu]);
    const own = await register({ members: [{ name: '赵六', position: 'mediator', username: 'zdmed2' }] });
    const town = await register({
      kind: 'street_township',
      creditCode: undefined,
      name: '曾都区东城街道劳动争议调解中心',
    });
    expect(town.statisticsRow).toBe('乡镇（街道）、村（社区）调解组织');
    expect((await med.get('/api/prevention/my-organizations')).body.items).toEqual([
      { id: own.id, name: own.name, kindLabel: '企业劳动争议调解委员会' },
    ]);
    const body = {
      applicantName: '陈小梅',
      respondentName: '随州测试机械有限公司',
      claimType: 'unpaid_wages',
      summary: '拖欠2026年1月至2月工资',
      receivedOn: '2026-03-10',
    };
    // Another organisation's ledger: 403; supervisors read but do not write.
    const other = await med.post(`/api/prevention/organizations/${town.id}/cases`, body);
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('ORG_NOT_MEMBER');
    expect((await med.get(`/api/prevention/organizations/${town.id}/cases`)).status).toBe(403);
    expect((await officer.post(`/api/prevention/organizations/${own.id}/cases`, body)).status).toBe(403);
    expect((await med.get('/api/prevention/organizations')).status).toBe(403);

    const created = await med.request('POST', `/api/prevention/organizations/${own.id}/cases`, body, {
      headers: { 'idempotency-key': 'ledger-1' },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const again = await med.request('POST', `/api/prevention/organizations/${own.id}/cases`, body, {
      headers: { 'idempotency-key': 'ledger-1' },
    });
    expect(again.body.id).toBe(created.body.id);
    expect(created.body).toMatchObject({
      number: '台账第1号',
      claimTypeLabel: '支付拖欠工资',
      result: 'pending',
      resultLabel: '调解中',
      receivedOnText: '2026年3月10日',
      amountFen: 0,
      version: 1,
    });
    const close = `/api/prevention/org-cases/${created.body.id}/result`;
    const early = await med.post(close, {
      version: 1,
      result: 'agreement',
      closedOn: '2026-03-01',
      amountFen: 1,
    });
    expect(early.status).toBe(400);
    expect(early.body.code).toBe('CLOSED_ON_INVALID');
    const agreed = await med.post(close, {
      version: 1,
      result: 'agreement',
      closedOn: '2026-03-20',
      amountFen: 1_560_000,
    });
    expect(agreed.status, JSON.stringify(agreed.body)).toBe(200);
    expect(agreed.body).toMatchObject({
      result: 'agreement',
      resultLabel: '达成调解协议',
      closedOnText: '2026年3月20日',
      amountText: '15,600.00元',
      version: 2,
    });
    expect((await med.post(close, { version: 2, result: 'withdrawn', closedOn: '2026-03-21' })).status).toBe(
      409,
    );
    expect((await officer.get(`/api/prevention/organizations/${own.id}/cases`)).body.items).toHaveLength(1);
    expect((await gsOfficer.get(`/api/prevention/organizations/${own.id}/cases`)).status).toBe(404);

    const director = await signedIn(env, 'director');
    const t = (await director.get('/api/statistics/tables/mediation?kind=month&year=2026&month=3')).body;
    const cell = (code: string) =>
      t.rows.find((r: any) => r.code === code).cells.find((c: any) => c.text !== undefined).text;
    expect(cell('01')).toBe('1');
    expect(cell('02')).toBe('1');
    expect(cell('03')).toBe('0');
    const drill = await director.get(
      '/api/statistics/tables/mediation/cells/02?kind=month&year=2026&month=3&column=total',
    );
    expect(drill.body.items.map((i: any) => [i.matterNumber, i.caseNumber, i.isMatter])).toEqual([
      [own.name, '台账第1号', false],
    ]);
  });

  it('exports the register and the assessment results to Excel', async () => {
    const org = await register({ name: '曾都区导出测试调解委员会' });
    await officer.post(`/api/prevention/organizations/${org.id}/assessments`, {
      assessedOn: '2026-03-06',
      items: items(['funds']),
    });
    const res = await fetch(`${env.url}/api/prevention/export/assessments.xlsx`, {
      headers: { cookie: officer.cookie! },
    });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell(1, 1).value).toBe('调解组织六有五统一评估结果');
    const rows: string[][] = [];
    ws.eachRow((r, i) => {
      if (i > 2) rows.push((r.values as string[]).slice(1));
    });
    const mine = rows.find((r) => r[1] === org.name)!;
    expect(mine.slice(2)).toEqual([
      '曾都区',
      '2026年3月6日',
      'zdofficer测试',
      '符合',
      '符合',
      '符合',
      '符合',
      '符合',
      '不符合',
      '符合',
      '符合',
      '符合',
      '符合',
      '符合',
      '未达标',
      '有经费',
      '2026年4月7日',
    ]);
    const reg = await fetch(`${env.url}/api/prevention/export/register.xlsx`, {
      headers: { cookie: officer.cookie! },
    });
    expect(reg.status).toBe(200);
    expect(reg.headers.get('content-disposition')).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent('劳动争议调解组织名录.xlsx')}`,
    );
  });
});
