import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../apps/server/src/bootstrap';
import { seedCalendars } from '../../apps/server/test/arbitration.support';
import { newMatter, openCase, places } from '../../apps/server/test/cases.support';
import { type Client, signedIn, type TestEnv } from '../../apps/server/test/harness';
import { DESKTOP, launchBrowser, PHONE, screenshot } from '../support/browser';
import { settled } from '../support/pages';
import { startProduct } from '../support/server';
import { signInAs } from '../support/visit';

/** The master record and the to-do list at 1366 px and 360 px (issue #14 items 7, 9, 11). */
describe('every staff page at 1366 px and 360 px', () => {
  let server: RunningServer;
  let browser: Browser;
  let env: TestEnv;
  let clerk: Client;

  beforeAll(async () => {
    server = await startProduct();
    browser = await launchBrowser();
    env = { server, url: server.url, databaseUrl: undefined } as TestEnv;
    await seedCalendars(env);
    clerk = await signedIn(env, 'clerk');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the matter page shows the clocks and documents of its cases, the claims by period; the to-do list the waiting matter', async () => {
    const p = await places(env);
    const months = [
      ['2025-09-01', '2025-09-30'],
      ['2025-10-01', '2025-10-31'],
      ['2025-11-01', '2025-11-30'],
    ];
    const m = await newMatter(clerk, p.zengdu, {
      worker: '宋三月',
      claims: months.map(([from, to]) => ({
        type: 'unpaid_wages',
        amountFen: 300_000,
        periodFrom: from,
        periodTo: to,
        facts: '工资未发放',
      })),
    });
    const opened = await openCase(clerk, m.id, 'mediation', [m.claims[0]!.id]);
    expect(opened.status).toBe(201);
    const waiting = await newMatter(clerk, p.zengdu, { worker: '待分流丁' });
    for (const viewport of [DESKTOP, PHONE]) {
      const page = await signInAs({ server, browser }, 'clerk', viewport);
      await page.getByTestId(`work-item-${waiting.id}`).waitFor({ timeout: 20_000 });
      await page.goto(`${server.url}/matters/${m.id}`);
      await page.getByTestId('clock-source').first().waitFor({ timeout: 20_000 });
      expect(await page.getByTestId('clock-source').first().textContent()).toBe(
        `调解 ${opened.body.case.number}`,
      );
      for (const label of ['第1项 支付拖欠工资（2025年9月）', '第3项 支付拖欠工资（2025年11月）']) {
        await page.getByText(label).first().waitFor();
      }
      await page.locator('[data-testid="matter-page"][data-ready="true"]').waitFor();
      await settled(page);
      await screenshot(page, viewport === PHONE ? 'matter-page-phone' : 'matter-page');
      if (viewport === PHONE) {
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width).toBeLessThanOrEqual(PHONE.width + 1);
      }
      await page.context().close();
    }
  });
});
