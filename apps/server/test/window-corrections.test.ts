import { computeDue, createSeedCalendar, requireRule } from '@onestop/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMPLETE, seedCalendars } from './arbitration.support';
import { newMatter, type Places, places } from './cases.support';
import { type Client, signedIn, useTestServer } from './harness';
import { intakeBody } from './intake-fixtures';

/** The window's correction (补正) loop: the notice's date comes from the clock; closed clocks say what happened. */
describe('window: 补正 dates from the clock engine, clock outcomes', () => {
  const env = useTestServer({ LOG_LEVEL: 'error', STORAGE_DIR: `/tmp/onestop-h6-${process.pid}` });
  let p: Places;
  let clerk: Client;

  beforeAll(async () => {
    p = await places(env);
    clerk = await signedIn(env, 'clerk');
    await seedCalendars(env);
  });

  const clocksOf = async (caseId: string) =>
    (await clerk.get(`/api/clocks?subjectType=case&subjectId=${caseId}`)).body.items as any[];

  it('prints the correction-period clock’s due date on the 补正通知书 and records what closed each clock', async () => {
    const m = await newMatter(clerk, p.zengdu);
    const { applicantSigned: _signed, ...unsigned } = COMPLETE;
    const r = await clerk.post('/api/arbitration/applications', {
      matterId: m.id,
      claimIds: [m.claims[0]!.id],
      ...unsigned,
      applicantSigned: false,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.case.state).toBe('needs_correction');
    const caseId = r.body.case.caseId;
    const doc = (await clerk.get(`/api/documents/${r.body.documents[0].id}`)).body;
    const clocks = await clocksOf(caseId);
    const period = clocks.find((k) => k.ruleId === 'arbitration.correction-period');
    // Five working days on the working-day calendar, never a weekend date by calendar arithmetic.
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const expected = computeDue(
      requireRule('arbitration.correction-period'),
      today,
      createSeedCalendar(),
    ).due;
    expect(period.status).toBe('running');
    expect(period.dueDate).toBe(expected);
    expect(doc.fields.deadline).toBe(expected);
    // The acceptance clock was stopped by the correction notice, nothing decided, and says so; the
    // one-time-notice clock was met by the notice.
    const acceptance = clocks.find((k) => k.ruleId === 'arbitration.acceptance');
    expect(acceptance.status).toBe('met');
    expect(acceptance.outcome).toBe('已停止：通知补正，补正完成后重新起算');
    expect(acceptance.statusLabel).toBe('已停止：通知补正，补正完成后重新起算');
    const notice = clocks.find((k) => k.ruleId === 'arbitration.correction');
    expect(notice.statusLabel).toBe('已办结：通知补正');

    const corrected = await clerk.post(`/api/arbitration/cases/${caseId}/review`, { applicantSigned: true });
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(200);
    expect(corrected.body.complete).toBe(true);
    const after = await clocksOf(caseId);
    const closed = after.find((k) => k.ruleId === 'arbitration.correction-period');
    expect(closed.status).toBe('met');
    expect(closed.statusLabel).toBe('已办结：补正完成');
    const restarted = after.find((k) => k.ruleId === 'arbitration.acceptance' && k.status === 'running');
    expect(restarted.outcome).toBeNull();
    expect(restarted.statusLabel).toBe('计时中');
  });

  it('keeps the worker’s facts when the worker declines mediation and goes straight to arbitration', async () => {
    // No shared narrative: each claim carries its own facts (the intake allows it).
    const body = intakeBody(p.zengdu, { narrative: '' }) as any;
    body.workers[0].name = '事实保留';
    const intake = await clerk.post('/api/intake', body);
    expect(intake.status, JSON.stringify(intake.body)).toBe(201);
    const declined = await clerk.post(`/api/matters/${intake.body.id}/mediation`, {
      consent: { given: false, method: 'window_signature', note: '窗口当面表示不同意调解' },
    });
    expect(declined.status, JSON.stringify(declined.body)).toBe(201);
    expect(declined.body.outcome).toBe('arbitration');
    const app = (await clerk.get(`/api/arbitration/cases/${declined.body.caseId}`)).body;
    expect(app.facts).toBe('2025年9月至12月工资未发放\n劳动者不同意调解');
  });
});
