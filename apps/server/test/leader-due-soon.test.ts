import { addDays, CLOCK_RULES } from '@onestop/domain';
import { describe, expect, it } from 'vitest';
import { businessToday } from '../src/platform/time';
import { clocksRuntime } from '../src/modules/clocks';
import { useArbitrationSetup } from './arbitration.support';
import { newMatter, openCase } from './cases.support';
import { useTestServer } from './harness';

/**
 * "Due soon" is defined once (clocks module, urgentClocks): the leader dashboard (/api/leader/overview)
 * and the supervision page (/api/clocks/overview) count the same clocks — of open cases and of
 * matters, overdue or due within two working days of the jurisdiction's calendar, closed cases left out.
 */
describe('leader dashboard and supervision page agree on overdue and due-soon clocks', () => {
  const env = useTestServer({ LOG_LEVEL: 'error', STORAGE_DIR: `/tmp/onestop-due-soon-${process.pid}` });
  const s = useArbitrationSetup(env, { users: ['clerk', 'director'] });

  const figures = async () => {
    const dash = await s.director.get('/api/leader/overview');
    const sup = await s.director.get('/api/clocks/overview');
    expect(dash.status).toBe(200);
    expect(sup.status).toBe(200);
    return { dashboard: dash.body.clocks, supervision: sup.body.totals };
  };

  it('counts the constructed clocks the same way on both pages', async () => {
    const matter = await newMatter(s.clerk, s.p.zengdu);
    const opened = await openCase(s.clerk, matter.id, 'mediation', [matter.claims[0]!.id]);
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const other = await newMatter(s.clerk, s.p.zengdu);
    const shut = await openCase(s.clerk, other.id, 'mediation', [other.claims[0]!.id]);
    expect(shut.status, JSON.stringify(shut.body)).toBe(201);
    const open = { body: { id: opened.body.case.id as string } };
    const closed = { body: { id: shut.body.case.id as string } };

    const { ctx } = env.server.app;
    const db = ctx.database.db;
    await db
      .updateTable('track_case')
      .set({ closed: true, closed_at: new Date() })
      .where('id', '=', closed.body.id)
      .execute();
    const today = businessToday(ctx.config);
    const cal = (await clocksRuntime(ctx).calendars.snapshot(db)).for(s.p.zengdu);
    const inWorkingDays = (n: number) => cal.addWorkingDays(today, n);
    // Counted after the cases exist, so the clocks they started themselves are in both counts.
    const before = await figures();
    expect(before.dashboard).toEqual(before.supervision);
    // One rule per clock: a subject has at most one open clock of a rule (clock_open_unique).
    const rules = CLOCK_RULES.slice(0, 10);
    let next = 0;
    const clock = (
      subjectType: 'case' | 'matter',
      subjectId: string,
      due: string,
      status: 'running' | 'missed' | 'met',
    ) => {
      const rule = rules[next++]!;
      return {
        subject_type: subjectType,
        subject_id: subjectId,
        rule_id: rule.id,
        trigger_date: addDays(today, -20),
        due_date: due,
        original_due_date: due,
        calendar_version: 'test',
        status,
        basis: rule.basis,
        explanation: '临期口径测试',
        jurisdiction_id: s.p.zengdu,
        organization_id: null,
        responsible_user_id: null,
        extension_approver: null,
        extension_reason: null,
        suspended_since: null,
        subject_label: null,
        updated_at: new Date(),
      };
    };
    await db
      .insertInto('clock')
      .values([
        clock('case', open.body.id, inWorkingDays(1), 'running'), // due soon
        clock('case', open.body.id, inWorkingDays(2), 'running'), // due soon (the second working day)
        clock('case', open.body.id, inWorkingDays(3), 'running'), // not yet
        clock('case', open.body.id, addDays(today, -1), 'running'), // overdue (past due, still open)
        clock('case', open.body.id, addDays(today, -3), 'missed'), // overdue (missed)
        clock('case', open.body.id, inWorkingDays(1), 'met'), // done: not warned
        clock('matter', matter.id, inWorkingDays(1), 'running'), // a matter clock, due soon
        clock('matter', matter.id, addDays(today, -2), 'missed'), // a matter clock, overdue
        clock('case', closed.body.id, inWorkingDays(1), 'running'), // closed case: left out
        clock('case', closed.body.id, addDays(today, -3), 'missed'), // closed case: left out
      ])
      .execute();

    const after = await figures();
    expect(after.dashboard).toEqual(after.supervision);
    expect(after.dashboard.dueSoon - before.dashboard.dueSoon).toBe(3);
    expect(after.dashboard.overdue - before.dashboard.overdue).toBe(3);

    // The supervision page lists exactly those clocks for this matter.
    const sup = (await s.director.get('/api/clocks/overview')).body;
    const mine = sup.groups
      .flatMap((g: any) => g.people.flatMap((x: any) => x.items))
      .filter(
        (i: any) =>
          [open.body.id, matter.id, closed.body.id].includes(i.subjectId) &&
          rules.some((r) => r.id === i.ruleId),
      );
    expect(mine.map((i: any) => `${i.subjectType}:${i.urgency}:${i.dueDate}`).sort()).toEqual(
      [
        `case:due_soon:${inWorkingDays(1)}`,
        `case:due_soon:${inWorkingDays(2)}`,
        `case:overdue:${addDays(today, -1)}`,
        `case:overdue:${addDays(today, -3)}`,
        `matter:due_soon:${inWorkingDays(1)}`,
        `matter:overdue:${addDays(today, -2)}`,
      ].sort(),
    );
  });
});
