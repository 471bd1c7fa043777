import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../apps/server/src/bootstrap';
import { application, seedCalendars } from '../../apps/server/test/arbitration.support';
import { newMatter, places } from '../../apps/server/test/cases.support';
import { type Client, signedIn, type TestEnv } from '../../apps/server/test/harness';
import { launchBrowser, PHONE, screenshot } from '../support/browser';
import { signInAs } from '../support/visit';
import { startProduct } from '../support/server';

/** The director opens the 领导驾驶舱: today's numbers and a same-day acceptance still owed today. */
describe('leaders’ overview in Chromium', () => {
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

  it('shows today’s intake, the same-day acceptance still pending, and open work by track', async () => {
    const p = await places(env);
    const m = await newMatter(clerk, p.zengdu, { worker: '何小东' });
    const app = await application(clerk, { id: m.id, claims: m.claims });
    for (const viewport of [undefined, PHONE]) {
      const page = await signInAs({ server, browser }, 'director', viewport);
      await page.goto(`${server.url}/leader`);
      await page.getByTestId('leader-overview').waitFor({ timeout: 20_000 });
      const pending = page.getByTestId('leader-same-day');
      await pending.waitFor();
      expect(await pending.textContent()).toContain(app.case.number);
      expect(await page.getByTestId('leader-today-matters').textContent()).toMatch(/今日受理事项\s*[1-9]/);
      await page.getByTestId('leader-tracks').getByText('仲裁').first().waitFor();
      // The results block follows the period the leader picks.
      const results = page.getByTestId('leader-period-results');
      await results.getByText('本年', { exact: true }).click();
      await page.locator('[data-testid="leader-period-results"][data-period="year"]').waitFor();
      expect(await results.textContent()).toContain(
        `办理结果：${new Date(Date.now() + 8 * 3_600_000).getUTCFullYear()}年（截至今日）`,
      );
      await screenshot(page, viewport ? 'leader-overview-phone' : 'leader-overview');
      if (viewport) {
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width).toBeLessThanOrEqual(viewport.width + 1);
      }
      await page.context().close();
    }
  });
});
