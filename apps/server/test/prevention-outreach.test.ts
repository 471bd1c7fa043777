// Over 400 lines: outreach visits, photos and sessions, each test standing alone.
import { beforeAll, describe, expect, it } from 'vitest';
import { organizations, type Places, places } from './cases.support';
import { Client, signedIn, useTestServer } from './harness';
import { creditCode, residentId } from './intake-fixtures';

/**
 * Prevention, part A (issue #19 items 3 and 4): outreach visits and 普法 sessions with photos and the
 * issues found — one becomes a matter in the center's intake queue, one a supervision item, in one step
 * each — the employer's profile showing the visits and its committee, and the referral of a ledger case
 * to the center (handling, or an agreement to 司法确认 / 仲裁审查).
 */
const PASSWORD = 'Initial#Pass2026';
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const EMPLOYER = '随州市走访测试机械有限公司';
const CODE = creditCode('MA4W0019');

describe('prevention outreach: visits, issues to matters and supervision items, ledger referrals', () => {
  const env = useTestServer({ LOG_LEVEL: 'error', STORAGE_DIR: `/tmp/onestop-outreach-${process.pid}` });
  let p: Places;
  let admin: Client;
  let officer: Client;
  let gsOfficer: Client;
  let clerk: Client;
  let center: string;

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

  const plan = {
    kind: 'enterprise_visit',
    employerName: EMPLOYER,
    creditCode: CODE,
    address: '随州市曾都区经济开发区明珠路8号',
    plannedOn: '2026-11-20',
    topics: ['劳动合同签订', '工资支付'],
  };

  /** What the officer records after the visit: 12 present, two issues (unpaid wages, dispatch ratio). */
  const RECORD = {
    version: 1,
    doneOn: '2026-11-20',
    topics: ['劳动合同签订', '工资支付', '劳务派遣'],
    attendanceCount: 12,
    attendees: [
      { name: '刘经理', position: '人事经理' },
      { name: '孙师傅', position: '车间主任' },
    ],
    summary: '查阅劳动合同与工资台账，召开职工座谈会。',
    issues: [
      { description: '3名职工反映2026年9月至10月工资未发放', claimType: 'unpaid_wages', workerCount: 3 },
      { description: '劳务派遣用工超过用工总量的10%' },
    ],
  };

  /** A visit to `employer` planned and recorded (RECORD) by the 曾都区 officer; its detail. */
  async function recordedVisit(employer: { name: string; code: string }) {
    const created = await officer.post('/api/prevention/visits', {
      ...plan,
      employerName: employer.name,
      creditCode: employer.code,
      jurisdictionId: p.zengdu,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const done = await officer.post(`/api/prevention/visits/${created.body.id}/record`, RECORD);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    return (await officer.get(`/api/prevention/visits/${created.body.id}`)).body;
  }

  beforeAll(async () => {
    p = await places(env);
    const orgs = await organizations(env);
    center = orgs.随州市劳动人事争议仲裁委员会!;
    admin = await signedIn(env, 'admin');
    officer = await user('zdvisit', 'prevention_officer', [p.zengdu]);
    gsOfficer = await user('gsvisit', 'prevention_officer', [p.guangshui], orgs.广水市一站式劳动保障维权中心);
    clerk = await signedIn(env, 'clerk');
  });

  it('plans and records a visit (401 → 400 → 403 → 201), with attendance, photos and two issues', async () => {
    expect((await new Client(env.url).post('/api/prevention/visits', plan)).status).toBe(401);
    const noCode = await officer.post('/api/prevention/visits', {
      ...plan,
      jurisdictionId: p.zengdu,
      creditCode: undefined,
    });
    expect(noCode.status).toBe(400);
    expect(noCode.body).toMatchObject({
      code: 'VISIT_EMPLOYER_REQUIRED',
      message: '走访企业须填写用人单位名称和统一社会信用代码',
    });
    expect((await clerk.post('/api/prevention/visits', { ...plan, jurisdictionId: p.zengdu })).status).toBe(
      403,
    );
    const outside = await officer.post('/api/prevention/visits', { ...plan, jurisdictionId: p.guangshui });
    expect(outside.status).toBe(403);
    expect(outside.body.code).toBe('JURISDICTION_FORBIDDEN');

    const created = await officer.request(
      'POST',
      '/api/prevention/visits',
      { ...plan, jurisdictionId: p.zengdu },
      { headers: { 'idempotency-key': 'visit-1' } },
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const again = await officer.request(
      'POST',
      '/api/prevention/visits',
      { ...plan, jurisdictionId: p.zengdu },
      { headers: { 'idempotency-key': 'visit-1' } },
    );
    expect(again.body.id).toBe(created.body.id);
    expect(created.body).toMatchObject({
      kind: 'enterprise_visit',
      kindLabel: '走访企业',
      status: 'planned',
      statusLabel: '计划',
      jurisdiction: { id: p.zengdu, name: '曾都区' },
      employer: { name: EMPLOYER, creditCode: CODE },
      plannedOnText: '2026年11月20日',
      doneOn: null,
      topics: ['劳动合同签订', '工资支付'],
      staff: [{ name: 'zdvisit测试' }],
      issues: [],
      version: 1,
    });
    // Another county's supervisor neither sees nor lists it.
    expect((await gsOfficer.get(`/api/prevention/visits/${created.body.id}`)).status).toBe(404);
    expect((await gsOfficer.get('/api/prevention/visits')).body.items).toEqual([]);

    const record = `/api/prevention/visits/${created.body.id}/record`;
    const body = RECORD;
    const low = await officer.post(record, { ...body, attendanceCount: 1 });
    expect(low.status).toBe(400);
    expect(low.body).toMatchObject({
      code: 'ATTENDANCE_COUNT_LOW',
      message: '参加人数不能少于名单人数（2人）',
    });
    const future = await officer.post(record, { ...body, doneOn: '2099-01-01' });
    expect(future.status).toBe(400);
    expect(future.body.code).toBe('DATE_IN_FUTURE');
    expect((await officer.post(record, { ...body, version: 9 })).status).toBe(409);
    const done = await officer.post(record, body);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({
      status: 'done',
      statusLabel: '已完成',
      doneOnText: '2026年11月20日',
      attendanceCount: 12,
      attendees: [
        { name: '刘经理', position: '人事经理' },
        { name: '孙师傅', position: '车间主任' },
      ],
      version: 2,
    });
    expect(done.body.issues.map((i: any) => [i.seq, i.claimTypeLabel, i.workerCount, i.stateLabel])).toEqual([
      [1, '支付拖欠工资', 3, '待处理'],
      [2, null, null, '待处理'],
    ]);
    expect((await officer.post(record, { ...body, version: 2 })).body.code).toBe('VISIT_NOT_PLANNED');

    const form = new FormData();
    form.append('file', new Blob([PNG], { type: 'image/png' }), '座谈会.png');
    const up = await fetch(`${env.url}/api/prevention/visits/${created.body.id}/photos`, {
      method: 'POST',
      headers: { cookie: officer.cookie!, 'x-csrf-token': officer.csrf! },
      body: form,
    });
    const upBody = (await up.json()) as any;
    expect(up.status, JSON.stringify(upBody)).toBe(201);
    expect(upBody.items).toEqual([
      { id: upBody.items[0].id, fileName: '座谈会.png', contentType: 'image/png', sizeBytes: PNG.length },
    ]);
    const file = await fetch(`${env.url}/api/prevention/visit-photos/${upBody.items[0].id}/file`, {
      headers: { cookie: officer.cookie! },
    });
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).equals(PNG)).toBe(true);
    expect(
      (
        await fetch(`${env.url}/api/prevention/visit-photos/${upBody.items[0].id}/file`, {
          headers: { cookie: gsOfficer.cookie! },
        })
      ).status,
    ).toBe(404);
    const visit = (await officer.get(`/api/prevention/visits/${created.body.id}`)).body;
    expect(visit.photos).toHaveLength(1);
    const listed = (await officer.get('/api/prevention/visits?status=done')).body.items;
    expect(listed.map((v: any) => [v.id, v.photoCount, v.issues.length])).toEqual([[visit.id, 1, 2]]);
  });

  it('turns one issue into a matter in the intake queue and the other into a supervision item', async () => {
    const employer = { name: '随州市走访测试二机械有限公司', code: creditCode('MA4W0029') };
    const visit = await recordedVisit(employer);
    const [wages, dispatch] = visit.issues;
    const worker = {
      name: '周建军',
      idType: 'resident_id',
      idNumber: residentId('19880715', 412),
      phone: '13871230019',
    };
    const url = `/api/prevention/visit-issues/${wages.id}/matter`;
    expect((await gsOfficer.post(url, { version: 1, worker })).status).toBe(404);
    const badId = await officer.post(url, {
      version: 1,
      worker: { ...worker, idNumber: '421303198807154120' },
    });
    expect(badId.status).toBe(400);
    expect((await officer.post(url, { version: 2, worker })).status).toBe(409);
    const m = await officer.post(url, { version: 1, worker, amountFen: 1_200_000 });
    expect(m.status, JSON.stringify(m.body)).toBe(201);
    expect(m.body.issue).toMatchObject({ state: 'matter', stateLabel: '已转维权事项', version: 2 });
    expect(m.body.matter.number).toMatch(/^\S+$/);
    const again = await officer.post(url, { version: 2, worker });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      code: 'ISSUE_ALREADY_HANDLED',
      message: '该问题已转维权事项，不能再次转办',
    });

    // The matter: registered (待分流), nobody responsible yet, the visit's employer and the issue as its claim.
    const matter = (await clerk.get(`/api/matters/${m.body.matter.id}`)).body;
    expect(matter).toMatchObject({
      number: m.body.matter.number,
      channel: 'other_transfer',
      status: 'registered',
      narrative:
        '走访企业（2026年11月20日，随州市曾都区经济开发区明珠路8号）发现的问题1：3名职工反映2026年9月至10月工资未发放',
      responsible: null,
      jurisdiction: { id: p.zengdu },
      workerCount: 3,
    });
    expect(matter.workers.map((w: any) => w.name)).toEqual(['周建军']);
    expect(matter.employers.map((e: any) => e.name)).toEqual([employer.name]);
    expect(matter.claims.map((c: any) => [c.type, c.amountFen, c.facts])).toEqual([
      ['unpaid_wages', 1_200_000, '3名职工反映2026年9月至10月工资未发放'],
    ]);
    expect(matter.timeline.map((e: any) => e.summary)).toContain(
      '由走访企业（2026年11月20日，随州市曾都区经济开发区明珠路8号）发现的问题1转入',
    );
    const queue = (await clerk.get('/api/work/queue?queue=mine')).body.items;
    const queued = queue.find((i: any) => i.matterId === matter.id);
    expect(queued).toMatchObject({ kind: 'matter', status: 'registered', statusLabel: '待分流' });
    expect(queued.title.startsWith('待分流（其他部门转入）｜')).toBe(true);

    const s = await officer.post(`/api/prevention/visit-issues/${dispatch.id}/supervision`, {
      version: 1,
      note: '请劳动关系科核查派遣用工比例',
    });
    expect(s.status, JSON.stringify(s.body)).toBe(201);
    expect(s.body.issue).toMatchObject({ state: 'supervision', stateLabel: '已转劳动关系监管' });
    const inspector = await signedIn(env, 'zhangmin');
    const filing = (await inspector.get(`/api/supervision/filings/${s.body.supervisionFilingId}`)).body;
    expect(filing).toMatchObject({
      kind: 'outreach',
      kindLabel: '走访发现问题',
      employer: { name: employer.name, creditCode: employer.code },
      flags: [
        {
          code: 'outreach_issue',
          message: '劳务派遣用工超过用工总量的10%',
          basis: '《劳动保障监察条例》第十四条',
        },
      ],
      status: 'flagged',
      note: '请劳动关系科核查派遣用工比例',
    });
    const list = (await inspector.get('/api/supervision/filings')).body.items;
    expect(list.find((f: any) => f.id === filing.id)).toMatchObject({
      kindLabel: '走访发现问题',
      flagCount: 1,
    });

    const after = (await officer.get(`/api/prevention/visits/${visit.id}`)).body;
    expect(after.issues.map((i: any) => [i.state, i.matter?.number ?? null, i.supervisionFilingId])).toEqual([
      ['matter', m.body.matter.number, null],
      ['supervision', null, filing.id],
    ]);
  });

  it("shows the visits and the state of the employer's committee on its profile", async () => {
    const employer = { name: '随州市走访测试三机械有限公司', code: creditCode('MA4W0039') };
    const visit = await recordedVisit(employer);
    const org = await officer.post('/api/prevention/organizations', {
      name: `${employer.name}劳动争议调解委员会`,
      kind: 'enterprise_committee',
      jurisdictionId: p.zengdu,
      foundedOn: '2024-05-01',
      address: '随州市曾都区经济开发区明珠路8号',
      creditCode: employer.code,
    });
    expect(org.status, JSON.stringify(org.body)).toBe(201);
    const items = [
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
      code === 'funds' || code === 'u_seal' ? { code, passed: false, note: '未见' } : { code, passed: true },
    );
    const a = await officer.post(`/api/prevention/organizations/${org.body.id}/assessments`, {
      assessedOn: '2026-11-02',
      items,
    });
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    const profile = (await clerk.get(`/api/employers/by-code/${employer.code}`)).body;
    expect(profile.prevention).toEqual({
      committee: {
        id: org.body.id,
        name: `${employer.name}劳动争议调解委员会`,
        status: 'active',
        statusLabel: '正常运行',
        foundedOn: '2024-05-01',
        standard: {
          state: 'failed',
          label: '未达标（2项不符合）',
          lastAssessedOn: '2026-11-02',
          lastAssessedOnText: '2026年11月2日',
          reassessDue: '2026-12-02',
          reassessDueText: '2026年12月2日',
        },
      },
      visits: [
        {
          id: visit.id,
          kind: 'enterprise_visit',
          kindLabel: '走访企业',
          status: 'done',
          statusLabel: '已完成',
          date: '2026-11-20',
          dateText: '2026年11月20日',
          topics: ['劳动合同签订', '工资支付', '劳务派遣'],
          issueCount: 2,
        },
      ],
    });
  });

  it('refers a ledger case to the center and an agreement on to 司法确认, both in the intake queue', async () => {
    const med = await user('zdreferrer', 'org_mediator', [p.zengdu]);
    const org = await officer.post('/api/prevention/organizations', {
      name: '曾都区北郊街道劳动争议调解委员会',
      kind: 'street_township',
      jurisdictionId: p.zengdu,
      foundedOn: '2020-01-01',
      address: '曾都区北郊街道办事处',
      members: [{ name: '吴芳', position: 'mediator', username: 'zdreferrer' }],
    });
    expect(org.status, JSON.stringify(org.body)).toBe(201);
    const record = (over: Record<string, unknown>) =>
      med.post(`/api/prevention/organizations/${org.body.id}/cases`, {
        applicantName: '郑小东',
        respondentName: '随州市北郊物流有限公司',
        claimType: 'unpaid_wages',
        summary: '拖欠2026年8月工资',
        receivedOn: '2026-10-10',
        ...over,
      });
    const pending = (await record({})).body;
    const worker = { idType: 'resident_id', idNumber: residentId('19920304', 216), phone: '13871230020' };
    const url = `/api/prevention/org-cases/${pending.id}/referral`;
    expect((await officer.post(url, { version: 1, purpose: 'handling', worker })).status).toBe(403);
    const notAgreed = await med.post(url, { version: 1, purpose: 'judicial_confirmation', worker });
    expect(notAgreed.status).toBe(409);
    expect(notAgreed.body.code).toBe('ORG_CASE_NO_AGREEMENT');
    const referred = await med.post(url, { version: 1, purpose: 'handling', worker, amountFen: 450_000 });
    expect(referred.status, JSON.stringify(referred.body)).toBe(201);
    expect(referred.body).toMatchObject({
      result: 'referred',
      resultLabel: '移交中心处理',
      referral: { purpose: 'handling', purposeLabel: '转中心调处' },
      version: 2,
    });
    expect((await med.post(url, { version: 2, purpose: 'handling', worker })).body.code).toBe(
      'ORG_CASE_REFERRED',
    );
    const m1 = (await clerk.get(`/api/matters/${referred.body.referral.matter.id}`)).body;
    expect(m1).toMatchObject({
      status: 'registered',
      channel: 'other_transfer',
      responsible: null,
      narrative: '曾都区北郊街道劳动争议调解委员会台账第1号转来（转中心调处）：拖欠2026年8月工资',
    });
    expect(m1.workers.map((w: any) => w.name)).toEqual(['郑小东']);
    expect(m1.employers.map((e: any) => e.name)).toEqual(['随州市北郊物流有限公司']);
    expect(m1.claims.map((c: any) => [c.type, c.amountFen])).toEqual([['unpaid_wages', 450_000]]);

    // An agreement goes on to 司法确认 through the center's flow on the new matter.
    const agreed = (await record({ applicantName: '钱小北', receivedOn: '2026-10-12' })).body;
    const closed = await med.post(`/api/prevention/org-cases/${agreed.id}/result`, {
      version: 1,
      result: 'agreement',
      closedOn: '2026-10-20',
      amountFen: 880_000,
    });
    expect(closed.status).toBe(200);
    const url2 = `/api/prevention/org-cases/${agreed.id}/referral`;
    const worker2 = { idType: 'resident_id', idNumber: residentId('19930405', 318) };
    const noDate = await med.post(url2, { version: 2, purpose: 'judicial_confirmation', worker: worker2 });
    expect(noDate.status).toBe(400);
    expect(noDate.body.code).toBe('AGREEMENT_DATE_REQUIRED');
    const conf = await med.post(url2, {
      version: 2,
      purpose: 'judicial_confirmation',
      worker: worker2,
      agreementEffectiveOn: '2026-10-20',
    });
    expect(conf.status, JSON.stringify(conf.body)).toBe(201);
    expect(conf.body).toMatchObject({
      result: 'agreement',
      amountText: '8,800.00元',
      referral: { purpose: 'judicial_confirmation', purposeLabel: '申请司法确认' },
    });
    const m2 = (await clerk.get(`/api/matters/${conf.body.referral.matter.id}`)).body;
    expect(m2.narrative).toBe(
      '曾都区北郊街道劳动争议调解委员会台账第2号转来（申请司法确认）：拖欠2026年8月工资\n' +
        '调解协议于2026年10月20日生效，协议金额8,800.00元。双方可自调解协议生效之日起三十日内共同向人民法院申请司法确认（《中华人民共和国民事诉讼法》第二百零五条）。',
    );
    expect(m2.claims.map((c: any) => [c.type, c.amountFen])).toEqual([['unpaid_wages', 880_000]]);
    const queue = (await clerk.get('/api/work/queue?queue=mine')).body.items.filter(
      (i: any) => i.kind === 'matter',
    );
    expect(queue.map((i: any) => i.matterId)).toEqual(expect.arrayContaining([m1.id, m2.id]));
    // The ledger still counts the agreement (and the referral) for the statistics; the mediator sees both.
    const ledger = (await med.get(`/api/prevention/organizations/${org.body.id}/cases`)).body.items;
    expect(ledger.map((c: any) => [c.number, c.resultLabel, c.referral?.matter.number])).toEqual([
      ['台账第2号', '达成调解协议', m2.number],
      ['台账第1号', '移交中心处理', m1.number],
    ]);
  });
});
