import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../apps/server/src/bootstrap';
import { application, seedCalendars } from '../../apps/server/test/arbitration.support';
import { newMatter, openCase, places } from '../../apps/server/test/cases.support';
import { type Client, signedIn, type TestEnv } from '../../apps/server/test/harness';
import { DESKTOP, launchBrowser, PHONE, screenshot } from '../support/browser';
import { startProduct } from '../support/server';
import { signInAs } from '../support/visit';

const wages = (month: string, last: string) => ({
  type: 'unpaid_wages',
  amountFen: 300_000,
  periodFrom: `2026-${month}-01`,
  periodTo: `2026-${month}-${last}`,
  facts: `${Number(month)}月工资未发`,
});

/**
 * Issue 14, item 10: the leader's figures are defined once. Mediation success is shown by matters (a
 * partial agreement is not a full success) and by items; the same-day list (应当日受理而未受理) leaves
 * off a case waiting for the party's 补正; "due soon" is two working days on the dashboard and on the
 * supervision page (期限督办), which show the same count. Exact values are built from what the test makes.
 */
describe('leader figures: mediation success, same-day list, due soon', () => {
  let server: RunningServer;
  let browser: Browser;
  let env: TestEnv;
  let clerk: Client;
  let director: Client;
  let mediator: Client;

  beforeAll(async () => {
    server = await startProduct();
    env = { server, url: server.url, databaseUrl: undefined };
    browser = await launchBrowser();
    await seedCalendars(env);
    clerk = await signedIn(env, 'clerk');
    director = await signedIn(env, 'director');
    mediator = await signedIn(env, 'zhangmin');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A mediation at the window: the worker accepts every item, the employer those in `employerAccepts`. */
  async function mediation(claims: unknown[], employerAccepts: boolean[]) {
    const p = await places(env);
    const m = await newMatter(clerk, p.zengdu, { claims });
    const started = await clerk.post(`/api/matters/${m.id}/mediation`, {
      consent: { given: true, method: 'window_signature', note: '窗口当面签字' },
    });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const caseId = started.body.caseId as string;
    let d = (await mediator.get(`/api/mediation/cases/${caseId}`)).body;
    const ids = m.claims.map((c) => c.id);
    const sent = await mediator.post(`/api/mediation/cases/${caseId}/proposal`, {
      version: d.version,
      mediatorContact: '0722-3258000',
      items: ids.map((claimId) => ({ claimId, proposedFen: 200_000, reason: '按工资表核对' })),
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    for (const side of ['worker', 'employer'] as const) {
      const r = await clerk.post(`/api/mediation/cases/${caseId}/replies`, {
        side,
        ...(side === 'employer' && { channel: 'phone' }),
        replies: ids.map((claimId, i) => ({ claimId, accepted: side === 'worker' || employerAccepts[i] })),
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
    d = (await mediator.get(`/api/mediation/cases/${caseId}`)).body;
    const agreed = await mediator.post(`/api/mediation/cases/${caseId}/agreement`, {
      version: d.version,
      performanceDate: '2099-01-31',
      signed: true,
    });
    expect(agreed.status, JSON.stringify(agreed.body)).toBe(200);
    return agreed.body.state as string;
  }

  const rate = (part: number, whole: number) => (whole ? `${Math.round((part / whole) * 100)}` : '—');

  it('a partial agreement is counted apart: success by matters and by items, both shown (desktop and phone)', async () => {
    const before = (await director.get('/api/leader/overview')).body.month.mediation;
    // One full agreement (2 items) and one partial one (1 of 3 items).
    expect(await mediation([wages('08', '31'), wages('09', '30')], [true, true])).toBe('agreed');
    expect(
      await mediation([wages('08', '31'), wages('09', '30'), wages('10', '31')], [true, false, false]),
    ).toBe('partially_agreed');
    const full = before.matters.full + 1;
    const partial = before.matters.partial + 1;
    const concluded = before.matters.concluded + 2;
    const agreedItems = before.items.agreed + 3;
    const items = before.items.total + 5;
    for (const [viewport, name] of [
      [DESKTOP, 'desktop'],
      [PHONE, 'phone'],
    ] as const) {
      const page = await signInAs({ server, browser }, 'director', viewport);
      await page.goto(`${server.url}/leader`);
      const results = page.getByTestId('leader-period-results');
      await results.waitFor({ timeout: 20_000 });
      expect(
        ((await page.getByTestId('leader-mediation-agreed').textContent()) ?? '').replace(/\s+/g, ''),
      ).toBe(`调解全部达成/部分达成${full}/${partial}`);
      expect(((await page.getByTestId('leader-rate-matters').textContent()) ?? '').replace(/\s+/g, '')).toBe(
        `调解成功率（按事项）${rate(full, concluded)}%`,
      );
      expect(((await page.getByTestId('leader-rate-items').textContent()) ?? '').replace(/\s+/g, '')).toBe(
        `调解成功率（按请求事项）${rate(agreedItems, items)}%（${agreedItems}/${items}项）`,
      );
      if (name === 'phone') {
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      }
      await screenshot(page, `window-leader-mediation-${name}`);
      await page.context().close();
    }
  });

  it('the same-day list names a complete wage application and leaves off the one waiting for 补正', async () => {
    const p = await places(env);
    const waiting = await newMatter(clerk, p.zengdu, { worker: '待补正甲' });
    const w = await application(
      clerk,
      { id: waiting.id, claims: waiting.claims },
      { applicantSigned: false },
    );
    expect(w.case.state).toBe('needs_correction');
    const complete = await newMatter(clerk, p.zengdu, { worker: '当日受理乙' });
    const c = await application(clerk, { id: complete.id, claims: complete.claims });
    const list = (await director.get('/api/leader/overview')).body.today.sameDayPending as {
      caseId: string;
      number: string;
    }[];
    expect(list.map((x) => x.caseId)).toContain(c.case.caseId);
    expect(list.map((x) => x.caseId)).not.toContain(w.case.caseId);

    const page = await signInAs({ server, browser }, 'director');
    await page.goto(`${server.url}/leader`);
    const alert = page.getByTestId('leader-same-day');
    await alert.waitFor({ timeout: 20_000 });
    expect(await alert.locator('.ant-tag').allInnerTexts()).toEqual(
      list.map((x) => `${x.number}（${(x as unknown as { category: string }).category}）`),
    );
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain(
      `欠薪、工伤、重大集体争议仲裁申请 ${list.length} 件尚未受理，应当日出具受理通知书`,
    );
    expect(text).toContain(c.case.number);
    expect(text).not.toContain(w.case.number);
    await screenshot(page, 'window-leader-same-day');
    await page.context().close();
  });

  it('a clock due today counts once as 两个工作日内到期 on the dashboard and on the supervision page', async () => {
    const stat = async (page: Page, title: string) => {
      const s = page.locator('.ant-statistic', { hasText: title }).first();
      await s.waitFor({ timeout: 20_000 });
      return Number(((await s.locator('.ant-statistic-content').textContent()) ?? '').replace(/\D/g, ''));
    };
    const read = async () => {
      const page = await signInAs({ server, browser }, 'director');
      await page.goto(`${server.url}/leader`);
      await page.getByTestId('leader-overview').waitFor({ timeout: 20_000 });
      const dashboard = await stat(page, '两个工作日内到期');
      await page.goto(`${server.url}/leader/clocks`);
      await page.getByTestId('overview-totals').waitFor({ timeout: 20_000 });
      const supervision = await stat(page, '两个工作日内到期');
      return { page, dashboard, supervision };
    };
    const before = await read();
    expect(before.dashboard).toBe(before.supervision);
    await before.page.context().close();

    const p = await places(env);
    const m = await newMatter(clerk, p.zengdu, { worker: '临期测试' });
    const med = (await openCase(clerk, m.id, 'mediation', [m.claims[0]!.id])).body.case;
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    // The case's running clock falls due today: within two working days, not yet overdue.
    const updated = await server.app.ctx.database.db
      .updateTable('clock')
      .set({ due_date: today })
      .where('subject_id', '=', med.id)
      .where('status', 'in', ['running', 'extended'])
      .executeTakeFirst();
    expect(Number(updated.numUpdatedRows)).toBe(1);

    const after = await read();
    expect(after.dashboard).toBe(before.dashboard + 1);
    expect(after.supervision).toBe(before.supervision + 1);
    await screenshot(after.page, 'window-leader-due-soon-supervision');
    await after.page.context().close();
  });
});
