// Over 400 lines: training, accreditation and 金牌 selection, each test standing alone.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureReminders } from '../src/modules/training/training.service';
import { organizations, type Places, places } from './cases.support';
import { Client, signedIn, useTestServer } from './harness';

/**
 * Training and accreditation, and the yearly 金牌 selection (issue #19 items 5 and 6): hours per person
 * against the minimum of their groups, renewal of a certificate refused until the hours are done (and
 * the reminder clock moved to the new end of validity), a mediator's outcomes from the ledger, and a
 * round scored from known records plus the panel's marks, approved by the director and published.
 */
const PASSWORD = 'Initial#Pass2026';

/** Today in the business time zone (UTC+8), as the server counts it. */
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const year = Number(today.slice(0, 4));
const daysBefore = (n: number) =>
  new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

describe('training: courses, attendance, hours, certificate renewal', () => {
  const env = useTestServer({ LOG_LEVEL: 'error' });
  let p: Places;
  let admin: Client;
  let center: string;

  async function user(username: string, role: string, jurisdictionIds: string[]) {
    const r = await admin.post('/api/admin/users', {
      username,
      displayName: `${username}测试`,
      organizationId: center,
      password: PASSWORD,
      roles: [{ role, jurisdictionIds }],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return signedIn(env, username, PASSWORD);
  }

  async function course(hours: number, passMark?: number) {
    const r = await admin.post('/api/training/courses', {
      title: `劳动人事争议仲裁实务（${hours}学时）`,
      topic: '仲裁办案规则与文书',
      hours,
      trainer: '市仲裁院 刘老师',
      heldOn: today,
      place: '中心三楼培训室',
      audiences: ['part_time_arbitrator', 'staff'],
      ...(passMark === undefined ? {} : { passMark }),
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body;
  }

  let zhangmin: string;

  beforeAll(async () => {
    p = await places(env);
    center = (await organizations(env)).随州市劳动人事争议仲裁委员会!;
    admin = await signedIn(env, 'admin');
    const people = await admin.get('/api/training/people');
    zhangmin = people.body.items.find((x: { name: string }) => x.name === '张敏')?.id;
    expect(zhangmin, JSON.stringify(people.body.items.map((x: { name: string }) => x.name))).toBeTruthy();
  });

  it('walks 401 → 403 → 400 → 201 on a course', async () => {
    expect((await new Client(env.url).get('/api/training/courses')).status).toBe(401);
    expect((await (await signedIn(env, 'clerk')).get('/api/training/courses')).status).toBe(403);
    const bad = await admin.post('/api/training/courses', {
      title: '',
      topic: '主题',
      hours: 0,
      trainer: '某',
      heldOn: today,
      place: '某',
      audiences: [],
    });
    expect(bad.status).toBe(400);
    const future = await admin.post('/api/training/courses', {
      title: '下年度课程',
      topic: '主题',
      hours: 2,
      trainer: '某',
      heldOn: `${year + 1}-06-01`,
      place: '某',
      audiences: ['staff'],
    });
    expect(future.status).toBe(201);
    expect(future.body).toMatchObject({
      hours: 2,
      heldOnText: `${year + 1}年6月1日`,
      audienceLabels: ['中心工作人员'],
      passMark: null,
      attendance: [],
    });
    const early = await admin.post(`/api/training/courses/${future.body.id}/attendance`, {
      people: [{ kind: 'user', id: zhangmin }],
    });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('COURSE_NOT_HELD');
  });

  it('counts hours (a failed assessment earns none) and refuses renewal naming the missing hours, then renews', async () => {
    const a = await course(8);
    const b = await course(4, 60);
    const c = await course(6, 60);
    for (const x of [a, b, c]) {
      const r = await admin.post(`/api/training/courses/${x.id}/attendance`, {
        people: [{ kind: 'user', id: zhangmin }],
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body.attendance).toHaveLength(1);
    }
    const twice = await admin.post(`/api/training/courses/${a.id}/attendance`, {
      people: [{ kind: 'user', id: zhangmin }],
    });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('DUPLICATE');

    const attB = (await admin.get(`/api/training/courses/${b.id}`)).body.attendance[0];
    const attC = (await admin.get(`/api/training/courses/${c.id}`)).body.attendance[0];
    expect(attB.resultLabel).toBe('待考核');
    expect(
      (await admin.post(`/api/training/attendance/${attB.id}/score`, { version: 1, score: 80 })).status,
    ).toBe(204);
    expect(
      (await admin.post(`/api/training/attendance/${attC.id}/score`, { version: 1, score: 50 })).status,
    ).toBe(204);
    const stale = await admin.post(`/api/training/attendance/${attC.id}/score`, { version: 1, score: 90 });
    expect(stale.status).toBe(409);
    const attA = (await admin.get(`/api/training/courses/${a.id}`)).body.attendance[0];
    const noExam = await admin.post(`/api/training/attendance/${attA.id}/score`, { version: 1, score: 90 });
    expect(noExam.body.code).toBe('COURSE_NOT_ASSESSED');
    const cDetail = (await admin.get(`/api/training/courses/${c.id}`)).body;
    expect(cDetail.attendance[0]).toMatchObject({
      name: '张敏',
      score: 50,
      passed: false,
      hoursCredited: 0,
      resultLabel: '不合格',
    });

    // 8 + 4 (passed) + 0 (failed) = 12 of the arbitrator card's 16.
    const certs = (await admin.get('/api/training/certificates')).body.items;
    const card = certs.find(
      (x: { holderName: string; type: string }) => x.holderName === '张敏' && x.type === 'arbitrator_card',
    );
    expect(card).toMatchObject({
      typeLabel: '兼职仲裁员证',
      validTo: '2028-05-31',
      validToText: '2028年5月31日',
      status: 'valid',
      trainingYear: year,
      hours: { done: 12, required: 16, missing: 4, met: false },
      reminderDue: null,
    });
    expect(
      (
        await (
          await signedIn(env, 'clerk')
        ).post(`/api/training/certificates/${card.id}/renew`, {
          currentValidTo: '2028-05-31',
          validTo: '2031-05-31',
        })
      ).status,
    ).toBe(403);
    const refused = await admin.post(`/api/training/certificates/${card.id}/renew`, {
      currentValidTo: '2028-05-31',
      validTo: '2031-05-31',
    });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      code: 'PRECONDITION_UNMET',
      message: `换证须完成${year}年度培训16学时，已完成12学时，尚缺4学时`,
      details: { year, requiredHours: 16, doneHours: 12, missingHours: 4 },
    });

    const d = await course(4);
    expect(
      (
        await admin.post(`/api/training/courses/${d.id}/attendance`, {
          people: [{ kind: 'user', id: zhangmin }],
        })
      ).status,
    ).toBe(200);
    const earlier = await admin.post(`/api/training/certificates/${card.id}/renew`, {
      currentValidTo: '2028-05-31',
      validTo: '2028-05-30',
    });
    expect(earlier.status).toBe(400);
    expect(earlier.body.code).toBe('VALID_TO_NOT_LATER');
    const renewed = await admin.post(`/api/training/certificates/${card.id}/renew`, {
      currentValidTo: '2028-05-31',
      validTo: '2031-05-31',
    });
    expect(renewed.status, JSON.stringify(renewed.body)).toBe(200);
    // The reminder falls due 60 days before 2031-05-31 (2031-04-01, a Tuesday; 2031 has no calendar
    // loaded, so the date is provisional on weekdays).
    expect(renewed.body).toMatchObject({
      validTo: '2031-05-31',
      validToText: '2031年5月31日',
      status: 'valid',
      hours: { done: 16, required: 16, missing: 0, met: true },
      reminderDue: '2031-04-01',
      reminderDueText: '2031年4月1日',
    });
    // A retried renewal (same current validity) is a conflict, not a second renewal.
    const again = await admin.post(`/api/training/certificates/${card.id}/renew`, {
      currentValidTo: '2028-05-31',
      validTo: '2031-05-31',
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('CONFLICT');

    // The admin screen of certificates shows the new validity.
    const listed = (await admin.get(`/api/admin/users/${zhangmin}/certificates`)).body.items;
    expect(listed.find((x: { type: string }) => x.type === 'arbitrator_card')).toMatchObject({
      validTo: '2031-05-31',
    });
  });

  it('starts the renewal reminder of a certificate entering the window (the periodic sweep), once', async () => {
    const inspector2 = (await admin.get('/api/admin/users?q=inspector2')).body.items?.find(
      (u: { username: string }) => u.username === 'inspector2',
    );
    expect(inspector2).toBeTruthy();
    const validTo = new Date(Date.parse(`${today}T00:00:00Z`) + 90 * 86_400_000).toISOString().slice(0, 10);
    const added = await admin.post(`/api/admin/users/${inspector2.id}/certificates`, {
      type: 'arbitrator_card',
      number: '鄂仲2026-0999',
      issuer: '湖北省人力资源和社会保障厅',
      validFrom: '2026-01-01',
      validTo,
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const ctx = env.server.app.ctx;
    expect(await ensureReminders(ctx)).toBe(1);
    expect(await ensureReminders(ctx)).toBe(0);
    // Sixty days before the end of validity, moved back off a weekend (no holiday falls there today).
    let due = new Date(Date.parse(`${validTo}T00:00:00Z`) - 60 * 86_400_000);
    while ([0, 6].includes(due.getUTCDay())) due = new Date(due.getTime() - 86_400_000);
    const cert = (await admin.get('/api/training/certificates')).body.items.find(
      (c: { number: string }) => c.number === '鄂仲2026-0999',
    );
    expect(cert).toMatchObject({
      holderName: inspector2.displayName,
      status: 'expiring',
      statusLabel: '即将到期',
      reminderDue: due.toISOString().slice(0, 10),
    });
  });

  it('reports hours per person against the highest minimum of their groups, and exports them', async () => {
    const report = await admin.get(`/api/training/hours?year=${year}`);
    expect(report.status).toBe(200);
    const row = report.body.items.find((x: { id: string }) => x.id === zhangmin);
    // 张敏 holds 调解员 (staff, 24), 监察员 (16) and 仲裁员 (16): 24 apply; 8 + 4 + 4 done.
    expect(row).toMatchObject({
      kind: 'user',
      name: '张敏',
      audienceLabels: ['中心工作人员', '兼职劳动保障监察员', '兼职仲裁员'],
      done: 16,
      required: 24,
      missing: 8,
      met: false,
      statusLabel: '尚缺8学时',
    });
    const xlsx = await fetch(`${env.url}/api/training/export/hours.xlsx?year=${year}`, {
      headers: { cookie: admin.cookie! },
    });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-disposition')).toContain(
      encodeURIComponent(`${year}年度培训学时统计表.xlsx`),
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell(1, 1).value).toBe(`${year}年度培训学时统计表`);
    expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual([
      '序号',
      '姓名',
      '单位',
      '培训对象类别',
      '应完成学时',
      '已完成学时',
      '尚缺学时',
      '完成情况',
    ]);
    const rows = (ws.getSheetValues() as unknown[][]).filter((r) => r?.[2] === '张敏');
    expect(rows[0]!.slice(4)).toEqual(['中心工作人员、兼职劳动保障监察员、兼职仲裁员', 24, 16, 8, '未完成']);
  });

  it('keeps the minimum as data: the administrator changes it with its basis', async () => {
    const reqs = (await admin.get('/api/training/requirements')).body.items;
    const staff = reqs.find((r: { audience: string }) => r.audience === 'staff');
    expect(staff).toMatchObject({ audienceLabel: '中心工作人员', minHours: 24, version: 1 });
    const r = await admin.put('/api/training/requirements/staff', {
      version: 1,
      minHours: 16,
      basis: '本局工作人员年度业务培训规定（2027年修订）：每年不少于16学时',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(
      (await admin.put('/api/training/requirements/staff', { version: 1, minHours: 20, basis: '某' })).status,
    ).toBe(409);
    const row = (await admin.get(`/api/training/hours?year=${year}`)).body.items.find(
      (x: { id: string }) => x.id === zhangmin,
    );
    expect(row).toMatchObject({ done: 16, required: 16, missing: 0, met: true, statusLabel: '已完成' });
  });

  it('selects 金牌: scores from 10 cases with 8 agreements plus the panel, director approval, publication', async () => {
    const officer = await user('trofficer', 'prevention_officer', [p.zengdu]);
    const med = await user('trmed1', 'org_mediator', [p.zengdu]);
    const director = await signedIn(env, 'director');
    const org = await officer.post('/api/prevention/organizations', {
      name: '东城街道劳动争议调解委员会',
      kind: 'street_township',
      jurisdictionId: p.zengdu,
      foundedOn: '2024-03-01',
      address: '随州市曾都区东城街道',
      members: [{ name: '周调解', position: 'mediator', username: 'trmed1' }],
    });
    expect(org.status, JSON.stringify(org.body)).toBe(201);
    for (let i = 0; i < 10; i++) {
      const c = await med.post(`/api/prevention/organizations/${org.body.id}/cases`, {
        applicantName: `申请人${i}`,
        respondentName: '随州市某建筑劳务有限公司',
        claimType: 'unpaid_wages',
        summary: '拖欠工资',
        receivedOn: daysBefore(10),
      });
      expect(c.status, JSON.stringify(c.body)).toBe(201);
      const r = await med.post(`/api/prevention/org-cases/${c.body.id}/result`, {
        version: 1,
        result: i < 8 ? 'agreement' : 'no_agreement',
        closedOn: today,
        amountFen: i < 8 ? 100_000 : 0,
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
    const people = (await officer.get('/api/training/people')).body.items;
    const zhou = people.find((x: { name: string }) => x.name === 'trmed1测试');
    expect(zhou).toMatchObject({
      kind: 'user',
      affiliation: '东城街道劳动争议调解委员会',
      audienceLabels: ['调解组织调解员'],
    });
    const record = await officer.get(`/api/training/people/user/${zhou.id}?year=${year}`);
    expect(record.status).toBe(200);
    expect(record.body).toMatchObject({
      name: 'trmed1测试',
      hours: { done: 0, required: 12, missing: 12, met: false },
      courses: [],
      certificates: [],
      outcomes: {
        year,
        casesClosed: 10,
        agreements: 8,
        successRate: 80,
        agreementsFollowed: 0,
        agreementsPerformed: 0,
        performanceRate: null,
        avgDaysToClose: 10,
        sources: ['调解组织台账10件'],
      },
    });

    expect(
      (await (await signedIn(env, 'clerk')).post('/api/gold-medal/rounds', { year, title: '某' })).status,
    ).toBe(403);
    const nominable = await director.get('/api/gold-medal/organizations');
    expect(nominable.body.items).toContainEqual({
      id: org.body.id,
      name: '东城街道劳动争议调解委员会',
      jurisdictionName: '曾都区',
    });
    const round = await officer.post('/api/gold-medal/rounds', { year, title: `${year}年度金牌调解评选` });
    expect(round.status, JSON.stringify(round.body)).toBe(201);
    expect(round.body).toMatchObject({ status: 'open', statusLabel: '接受推荐', version: 1 });
    expect(round.body.criteria.map((c: { code: string; weight: number }) => [c.code, c.weight])).toEqual([
      ['cases_handled', 20],
      ['success_rate', 25],
      ['agreement_performance', 15],
      ['complaints', 10],
      ['training_hours', 10],
      ['standard', 10],
      ['panel', 10],
    ]);
    expect((await officer.post('/api/gold-medal/rounds', { year, title: '重复' })).status).toBe(409);
    const id = round.body.id;
    const early = await officer.post(`/api/gold-medal/rounds/${id}/marking`, { version: 1 });
    expect(early.body.code).toBe('NO_NOMINATIONS');
    const n1 = await officer.post(`/api/gold-medal/rounds/${id}/nominations`, {
      kind: 'organization',
      organizationId: org.body.id,
      reason: '化解纠纷多、成功率高',
    });
    expect(n1.status, JSON.stringify(n1.body)).toBe(201);
    const n2 = await officer.post(`/api/gold-medal/rounds/${id}/nominations`, {
      kind: 'mediator',
      userId: zhou.id,
      reason: '调解经验丰富',
      complaints: 1,
    });
    expect(n2.status, JSON.stringify(n2.body)).toBe(201);
    const bad = await officer.post(`/api/gold-medal/rounds/${id}/nominations`, {
      kind: 'mediator',
      organizationId: org.body.id,
      reason: '某',
    });
    expect(bad.status).toBe(400);
    const dup = await officer.post(`/api/gold-medal/rounds/${id}/nominations`, {
      kind: 'organization',
      organizationId: org.body.id,
      reason: '再推荐',
    });
    expect(dup.status).toBe(409);
    const [orgNom, medNom] = ['东城街道劳动争议调解委员会', 'trmed1测试'].map((name) =>
      n2.body.nominations.find((n: { name: string }) => n.name === name),
    );
    expect(orgNom).toMatchObject({ kindLabel: '金牌调解组织', affiliation: '曾都区' });
    expect(medNom).toMatchObject({
      kindLabel: '金牌调解员',
      affiliation: '东城街道劳动争议调解委员会',
      complaints: 1,
    });

    const tooEarly = await director.put(`/api/gold-medal/nominations/${orgNom.id}/mark`, { mark: 90 });
    expect(tooEarly.body.code).toBe('ROUND_STATE');
    const marking = await officer.post(`/api/gold-medal/rounds/${id}/marking`, { version: 1 });
    expect(marking.status, JSON.stringify(marking.body)).toBe(200);
    expect((await director.put(`/api/gold-medal/nominations/${orgNom.id}/mark`, { mark: 90 })).status).toBe(
      204,
    );
    expect((await officer.put(`/api/gold-medal/nominations/${orgNom.id}/mark`, { mark: 60 })).status).toBe(
      204,
    );
    // A panelist may change their own mark; one mark per panelist.
    expect((await officer.put(`/api/gold-medal/nominations/${orgNom.id}/mark`, { mark: 80 })).status).toBe(
      204,
    );
    const missing = await officer.post(`/api/gold-medal/rounds/${id}/score`, { version: 2 });
    expect(missing.status).toBe(409);
    expect(missing.body).toMatchObject({
      code: 'MARKS_MISSING',
      message: '以下推荐对象尚无评审组评分：trmed1测试',
    });
    expect(
      (await director.put(`/api/gold-medal/nominations/${medNom.id}/mark`, { mark: 70, comment: '扎实' }))
        .status,
    ).toBe(204);
    const scored = await officer.post(`/api/gold-medal/rounds/${id}/score`, { version: 2 });
    expect(scored.status, JSON.stringify(scored.body)).toBe(200);
    expect(scored.body.status).toBe('scored');
    const byName = (name: string) => scored.body.nominations.find((n: { name: string }) => n.name === name);
    // Organisation: 10 cases (10 for full marks) 100, 8 of 10 agreements 80, no performance record 0,
    // no complaint 100, its one member below 12 hours 0, 六有五统一 never assessed 0, panel (90+80)/2 85:
    // (20×100 + 25×80 + 15×0 + 10×100 + 10×0 + 10×0 + 10×85) ÷ 100 = 58.5.
    const o = byName('东城街道劳动争议调解委员会');
    expect(o.score).toBe(58.5);
    expect(o.parts.map((x: { code: string; value: number }) => [x.code, x.value])).toEqual([
      ['cases_handled', 100],
      ['success_rate', 80],
      ['agreement_performance', 0],
      ['complaints', 100],
      ['training_hours', 0],
      ['standard', 0],
      ['panel', 85],
    ]);
    expect(o.parts[1].explain).toBe('达成协议8件／办结10件');
    // Mediator: the same ledger (recorded by them), one complaint 75, 0 of 12 hours, panel 70:
    // (2000 + 2000 + 0 + 750 + 0 + 0 + 700) ÷ 100 = 54.5.
    expect(byName('trmed1测试').score).toBe(54.5);
    expect(scored.body.nominations.map((n: { name: string }) => n.name)).toEqual([
      '东城街道劳动争议调解委员会',
      'trmed1测试',
    ]);

    const notApprover = await officer.post(`/api/gold-medal/rounds/${id}/approve`, {
      version: 3,
      awardedIds: [orgNom.id],
    });
    expect(notApprover.status).toBe(403);
    expect((await officer.post(`/api/gold-medal/rounds/${id}/publish`, { version: 3 })).body.code).toBe(
      'ROUND_STATE',
    );
    const approved = await director.post(`/api/gold-medal/rounds/${id}/approve`, {
      version: 3,
      awardedIds: [orgNom.id],
      note: '同意',
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'approved',
      approvedByName: '吴建国',
      approvalNote: '同意',
    });
    expect(approved.body.nominations.map((n: { awarded: boolean }) => n.awarded)).toEqual([true, false]);

    expect((await new Client(env.url).get('/api/public/gold-medal')).body.rounds).toEqual([]);
    const published = await officer.post(`/api/gold-medal/rounds/${id}/publish`, { version: 4 });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    const pub = await new Client(env.url).get('/api/public/gold-medal');
    expect(pub.status).toBe(200);
    expect(pub.body.rounds).toEqual([
      {
        year,
        title: `${year}年度金牌调解评选`,
        publishedOnText: `${year}年${Number(today.slice(5, 7))}月${Number(today.slice(8, 10))}日`,
        awardees: [
          {
            id: orgNom.id,
            kind: 'organization',
            kindLabel: '金牌调解组织',
            name: '东城街道劳动争议调解委员会',
            affiliation: '曾都区',
            score: 58.5,
          },
        ],
      },
    ]);
  });
});
