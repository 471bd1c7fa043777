import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { getClocksService } from '../src/modules/clocks/clocks.module';
import { SYSTEM_ACTOR } from '../src/platform/audit';
import { NOTICE_2027 } from './clocks.test';
import { signedIn, useTestServer } from './harness';

describe('a clock reaching into a year without holiday data', () => {
  const env = useTestServer();

  it('runs on a flagged provisional due date and is recomputed when the year is entered', async () => {
    const clocks = getClocksService(env.server.app.ctx);
    const subjectId = randomUUID();
    // 45 days from 2026-12-10 ends in January 2027, whose notice is not entered yet.
    const row = await env.server.database.db
      .transaction()
      .execute((trx) =>
        clocks.start(
          trx,
          { subjectType: 'case', subjectId, ruleId: 'arbitration.award', triggerDate: '2026-12-10' },
          SYSTEM_ACTOR,
        ),
      );
    expect(row.calendar_pending_year).toBe(2027);
    expect(row.due_date).toBe('2027-01-24'); // every day counted, no roll-over: the strictest reading
    expect(row.explanation).toContain('2027年工作日历尚未录入');

    const director = await signedIn(env, 'director');
    const listed = await director.get(`/api/clocks?subjectType=case&subjectId=${subjectId}`);
    expect(listed.status).toBe(200);
    expect(listed.body.items[0].calendarPendingYear).toBe(2027);

    const admin = await signedIn(env, 'admin');
    expect((await admin.request('PUT', '/api/admin/calendar/years/2027', NOTICE_2027)).status).toBe(200);
    const after = await director.get(`/api/clocks?subjectType=case&subjectId=${subjectId}`);
    const clock = after.body.items[0];
    expect(clock.calendarPendingYear).toBeNull();
    // 2027-01-24 is a Sunday: a calendar-day period ending on a rest day rolls to Monday.
    expect(clock.dueDate).toBe('2027-01-25');

    // The administrator corrects 2027 (a holiday on Monday 2027-01-25, say a local decision entered in
    // the national notice by mistake or a late State Council change): the running clock follows.
    const corrected = {
      ...NOTICE_2027,
      holidays: [...NOTICE_2027.holidays, { date: '2027-01-25', name: '更正测试' }],
      version: 1,
    };
    const put = await admin.request('PUT', '/api/admin/calendar/years/2027', corrected);
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const again = (await director.get(`/api/clocks?subjectType=case&subjectId=${subjectId}`)).body.items[0];
    expect(again.dueDate).toBe('2027-01-26');
    const events = await env.server.database.db
      .selectFrom('clock_event')
      .select(['event', 'reason', 'payload'])
      .where('clock_id', '=', clock.id)
      .orderBy('id')
      .execute();
    expect(events.at(-1)).toMatchObject({ event: 'recalculate' });
    expect(events.at(-1)!.reason).toContain('更正2027年工作日历');
    expect(events.at(-1)!.payload).toMatchObject({ previousDue: '2027-01-25', due: '2027-01-26' });
  });
});
