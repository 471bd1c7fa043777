import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCode, residentId } from '../../apps/server/test/intake-fixtures';
import type { RunningServer } from '../../apps/server/src/bootstrap';
import { launchBrowser, PHONE, screenshot } from '../support/browser';
import { signInAs } from '../support/visit';
import { startProduct } from '../support/server';

/**
 * One window, tracked to the end: a clerk records a walk-in migrant worker with three months' unpaid
 * wages against a construction company, accepts the mediation-first recommendation, and the matter
 * is in the mediator's queue; the same worker's second visit is recognised as a duplicate.
 */
describe('window intake in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  const idNumber = residentId('19880415', 231, '421321');
  const uscc = creditCode('MA4D7788');

  beforeAll(async () => {
    server = await startProduct();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  function signIn(username: string, viewport?: { width: number; height: number }): Promise<Page> {
    return signInAs({ server, browser }, username, viewport);
  }

  async function intake(page: Page, counts: { screens: number; actions: number }) {
    const act = () => {
      counts.actions++;
    };
    await page.getByTestId('menu-/intake').click();
    act();
    counts.screens++;
    await page.getByTestId('intake-id-number').fill(idNumber);
    act();
    await page.getByTestId('intake-derived').waitFor();
    await page.getByTestId('intake-worker-name').fill('刘长江');
    act();
    await page.getByText('农民工', { exact: true }).click();
    act();
    await page.getByTestId('intake-credit-code').fill(uscc);
    act();
    await page.getByLabel('单位名称').fill('随州市鸿达建筑工程有限公司');
    act();
    // The claim type from the catalogue's search (the quick buttons are the other way in).
    const type = page.getByLabel('诉求类型').first();
    await type.click();
    await type.fill('工资');
    await page.keyboard.press('Enter');
    act();
    await page
      .locator('input[data-testid="claim-amount-0"], [data-testid="claim-amount-0"] input')
      .first()
      .fill('13500');
    act();
    await page.getByTestId('claim-facts-0').fill('2026年8月至10月在工地做钢筋工，三个月工资共13500元未发放');
    act();
    // The recommendation appears by itself once parties and claims are complete.
    await page
      .getByTestId('intake-triage')
      .getByText('分流建议（供窗口人员决定')
      .waitFor({ timeout: 20_000 });
    await page.getByTestId('intake-consent').click();
    act();
    await screenshot(page, 'intake-triage');
    await page.getByTestId('intake-submit').click();
    act();
    await page.getByTestId('intake-created').waitFor({ timeout: 20_000 });
    return ((await page.getByTestId('matter-number').textContent()) ?? '').trim();
  }

  it('records a walk-in worker, routes to mediation first, and the mediator sees the matter', async () => {
    const clerk = await signIn('clerk');
    const counts = { screens: 0, actions: 0 };
    const number = await intake(clerk, counts);
    expect(number).toMatch(/^随维〔2026〕\d{5}$/);
    console.log(`[window effort] intake: ${counts.screens} screens, ${counts.actions} actions`);
    expect(counts.screens).toBe(1);
    await screenshot(clerk, 'intake-done');

    const mediator = await signIn('zhangmin');
    await mediator.getByTestId('menu-/work/mediation').click();
    await mediator.getByText('刘长江').first().waitFor({ timeout: 20_000 });
    await screenshot(mediator, 'mediator-queue');
  });

  it("recognises the same worker's second visit as a duplicate", async () => {
    const clerk = await signIn('clerk');
    await intake(clerk, { screens: 0, actions: 0 });
    // Flagged on the matter the clerk lands on (it was shown in the triage section before the submit).
    await clerk.getByTestId('duplicate-flag').first().waitFor({ timeout: 20_000 });
    await screenshot(clerk, 'intake-duplicate');
    const phone = await signIn('clerk', PHONE);
    await phone.goto(`${server.url}/intake`);
    await phone.getByTestId('intake-id-number').waitFor();
    await screenshot(phone, 'intake-phone');
  });
});
