import { computeDue, createSeedCalendar, requireRule } from '@onestop/domain';
import { describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../src/platform/audit';
import { getClocksService } from '../src/modules/clocks/clocks.module';
import { Client, signedIn, useTestServer } from './harness';

/** The 2027 arrangement as an administrator would enter it (test data modelled on earlier notices). */
export const NOTICE_2027 = {
  source: '国务院办公厅关于2027年部分节假日安排的通知（测试数据）',
  holidays: [
    { date: '2027-01-01', name: '元旦' },
    ...['02-05', '02-06', '02-07', '02-08', '02-09', '02-10', '02-11', '02-12', '02-13'].map((d) => ({
      date: `2027-${d}`,
      name: '春节',
    })),
    ...['10-01', '10-02', '10-03', '10-04', '10-05', '10-06', '10-07'].map((d) => ({
      date: `2027-${d}`,
      name: '国庆节',
    })),
  ],
  makeupWorkdays: [
    { date: '2027-02-20', name: '春节调休上班' },
    { date: '2027-10-09', name: '国庆节调休上班' },
  ],
};

const REQUIRED: [string, number, string][] = [
  ['arbitration.acceptance', 5, 'working_days'],
  ['arbitration.defence', 10, 'working_days'],
  ['arbitration.award', 45, 'calendar_days'],
  ['arbitration.award.extension', 15, 'calendar_days'],
  ['mediation.settlement', 15, 'calendar_days'],
  ['inspection.acceptance', 5, 'working_days'],
  ['inspection.investigation', 60, 'working_days'],
  ['inspection.investigation.extension', 30, 'working_days'],
  ['petition.reply', 15, 'calendar_days'],
  ['petition.handling', 60, 'calendar_days'],
  ['legal-aid.decision', 7, 'calendar_days'],
];

describe('public deadline calculator', () => {
  const env = useTestServer();

  it('lists the rule catalogue with units and legal basis, without sign-in', async () => {
    const anon = new Client(env.url);
    const r = await anon.get('/api/clocks/rules');
    expect(r.status).toBe(200);
    const byId = new Map(r.body.items.map((x: any) => [x.id, x]));
    for (const [id, duration, unit] of REQUIRED) {
      const rule: any = byId.get(id);
      expect(rule, id).toBeDefined();
      expect([rule.duration, rule.unit]).toEqual([duration, unit]);
      expect(rule.basis).toMatch(/《.+》第/);
      expect(rule.unitLabel).toBeTruthy();
    }
  });

  it('computes every required rule like the domain does, with basis and calendar version', async () => {
    const anon = new Client(env.url);
    const cal = createSeedCalendar();
    for (const [id] of REQUIRED) {
      const r = await anon.get(`/api/clocks/calculate?rule=${id}&from=2026-09-28`);
      expect(r.status, id).toBe(200);
      const expected = computeDue(requireRule(id), '2026-09-28', cal);
      expect(r.body).toMatchObject({ ruleId: id, due: expected.due, basis: expected.basis });
      expect(r.body.calendarVersion).toBe(cal.version);
    }
    // 5 working days over the National Day week: 10/8, 10/9, 10/10 (make-up Saturday), 10/12, 10/13.
    const a = await anon.get('/api/clocks/calculate?rule=arbitration.acceptance&from=2026-09-30');
    expect(a.body.due).toBe('2026-10-13');
    expect(a.body.explanation).toContain('国庆节');
  });

  it('refuses unknown rules, bad dates and years without calendar data', async () => {
    const anon = new Client(env.url);
    let r = await anon.get('/api/clocks/calculate?rule=no.such.rule&from=2026-03-02');
    expect([r.status, r.body.code]).toEqual([400, 'CLOCK_RULE_UNKNOWN']);
    // An impossible calendar date is refused by the shared date schema.
    r = await anon.get('/api/clocks/calculate?rule=arbitration.acceptance&from=2026-02-30');
    expect([r.status, r.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    r = await anon.get('/api/clocks/calculate?rule=arbitration.acceptance&from=03/02/2026');
    expect([r.status, r.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    r = await anon.get('/api/clocks/calculate?rule=arbitration.acceptance&from=2027-03-02');
    expect([r.status, r.body.code]).toEqual([422, 'CALENDAR_UNKNOWN']);
    expect(r.body.message).toContain('2027年');
    // A period running into 2027 is unknown too — never weekdays-only.
    r = await anon.get('/api/clocks/calculate?rule=arbitration.defence&from=2026-12-24');
    expect([r.status, r.body.code]).toEqual([422, 'CALENDAR_UNKNOWN']);
  });

  it('adds working days', async () => {
    const anon = new Client(env.url);
    let r = await anon.get('/api/calendar/add-working-days?from=2026-02-13&days=1');
    expect(r.body.date).toBe('2026-02-14'); // make-up Saturday
    r = await anon.get('/api/calendar/add-working-days?from=2026-02-14&days=1');
    expect(r.body.date).toBe('2026-02-24'); // after the Spring Festival
    r = await anon.get('/api/calendar/add-working-days?from=2026-02-24&days=-1');
    expect(r.body.date).toBe('2026-02-14');
    r = await anon.get('/api/calendar/add-working-days?from=2026-12-30&days=5');
    expect([r.status, r.body.code]).toEqual([422, 'CALENDAR_UNKNOWN']);
    r = await anon.get('/api/calendar/add-working-days?from=2026-12-30&days=1.5');
    expect(r.status).toBe(400);
  });

  it('admin enters the 2027 notice; 2027 dates then compute', async () => {
    const anon = new Client(env.url);
    expect((await anon.request('PUT', '/api/admin/calendar/years/2027', NOTICE_2027)).status).toBe(401);
    const clerk = await signedIn(env, 'clerk');
    expect((await clerk.request('PUT', '/api/admin/calendar/years/2027', NOTICE_2027)).status).toBe(403);
    const admin = await signedIn(env, 'admin');
    const bad = await admin.request('PUT', '/api/admin/calendar/years/2027', {
      ...NOTICE_2027,
      makeupWorkdays: [{ date: '2027-02-17', name: '春节调休上班' }],
    });
    expect([bad.status, bad.body.code]).toEqual([400, 'CALENDAR_NOTICE_INVALID']);
    expect(bad.body.message).toContain('周三');
    const ok = await admin.request('PUT', '/api/admin/calendar/years/2027', NOTICE_2027);
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ year: 2027, days: 365, version: 1 });

    const r = await anon.get('/api/clocks/calculate?rule=arbitration.acceptance&from=2027-02-04');
    expect(r.status).toBe(200);
    expect(r.body.due).toBe('2027-02-19'); // holiday 2/5–2/13, then 2/15–2/19
    const d = await anon.get('/api/clocks/calculate?rule=arbitration.defence&from=2026-12-24');
    expect(d.status).toBe(200);

    const again = await admin.request('PUT', '/api/admin/calendar/years/2027', NOTICE_2027);
    expect([again.status, again.body.code]).toEqual([409, 'CALENDAR_YEAR_EXISTS']);
    const replaced = await admin.request('PUT', '/api/admin/calendar/years/2027', {
      ...NOTICE_2027,
      version: 1,
    });
    expect(replaced.body.version).toBe(2);
    const years = await admin.get('/api/admin/calendar/years');
    expect(years.body.items.map((y: any) => y.year)).toEqual([2024, 2025, 2026, 2027]);
    const days = await admin.get('/api/admin/calendar/years/2027');
    expect(days.body.days).toHaveLength(365);
    expect(days.body.days.find((x: any) => x.date === '2027-02-20').type).toBe('makeup_workday');
    const audit = await admin.get('/api/admin/audit?action=calendar.notice.create');
    expect(JSON.stringify(audit.body)).toContain('2027');
  });

  it('applies a regional override to clocks of that jurisdiction only', async () => {
    const admin = await signedIn(env, 'admin');
    const bad = await admin.request('PUT', '/api/admin/calendar/overrides', {
      region: '421381',
      date: '2026-06-03',
      type: 'weekend',
    });
    expect([bad.status, bad.body.code]).toEqual([400, 'CALENDAR_DATA_INVALID']);
    const unknown = await admin.request('PUT', '/api/admin/calendar/overrides', {
      region: '421381',
      date: '2030-06-03',
      type: 'holiday',
    });
    expect([unknown.status, unknown.body.code]).toEqual([422, 'CALENDAR_UNKNOWN']);
    const ok = await admin.request('PUT', '/api/admin/calendar/overrides', {
      region: '421381',
      date: '2026-06-03',
      type: 'holiday',
      name: '地方节日（测试）',
    });
    expect(ok.status).toBe(200);
    const list = await admin.get('/api/admin/calendar/overrides?region=421381');
    expect(list.body.items).toEqual([expect.objectContaining({ date: '2026-06-03', regionName: '广水市' })]);
    const gs = await admin.get('/api/admin/calendar/years/2026?region=421381');
    expect(gs.body.days.find((x: any) => x.date === '2026-06-03').type).toBe('holiday');
    const national = await admin.get('/api/admin/calendar/years/2026');
    expect(national.body.days.find((x: any) => x.date === '2026-06-03').type).toBe('workday');

    const j = (await admin.get('/api/admin/jurisdictions')).body.items.find((x: any) => x.code === '421381');
    const svc = getClocksService(env.server.app.ctx);
    const db = env.server.database.db;
    const [gsClock, cityClock] = await db.transaction().execute(async (trx) => [
      await svc.start(
        trx,
        {
          subjectType: 'matter',
          subjectId: crypto.randomUUID(),
          ruleId: 'arbitration.acceptance',
          triggerDate: '2026-06-01',
          jurisdictionId: j.id,
        },
        SYSTEM_ACTOR,
      ),
      await svc.start(
        trx,
        {
          subjectType: 'matter',
          subjectId: crypto.randomUUID(),
          ruleId: 'arbitration.acceptance',
          triggerDate: '2026-06-01',
        },
        SYSTEM_ACTOR,
      ),
    ]);
    expect(cityClock.due_date).toBe('2026-06-08');
    expect(gsClock.due_date).toBe('2026-06-09');
    expect(gsClock.calendar_version).not.toBe(cityClock.calendar_version);

    const del = await admin.request('DELETE', '/api/admin/calendar/overrides/421381/2026-06-03');
    expect(del.status).toBe(204);
    expect((await admin.request('DELETE', '/api/admin/calendar/overrides/421381/2026-06-03')).status).toBe(
      404,
    );
  });
});
