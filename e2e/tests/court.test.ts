import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../apps/server/src/bootstrap';
import { Client } from '../../apps/server/test/harness';
import { intakeBody, jurisdictions } from '../../apps/server/test/intake-fixtures';
import { launchBrowser, screenshot } from '../support/browser';
import { signInAs } from '../support/visit';
import { startProduct } from '../support/server';

describe('court docking in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startProduct();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a mediator sends a mediation agreement to the court for judicial confirmation', async () => {
    const clerk = new Client(server.url);
    expect((await clerk.login('clerk')).status).toBe(200);
    const zengdu = (await jurisdictions(clerk)).find((j) => j.name === '曾都区')!;
    const matter = await clerk.post('/api/intake', intakeBody(zengdu.id));
    expect(matter.status).toBe(201);

    const page = await signInAs({ server, browser }, 'zhangmin');
    await page.goto(`${server.url}/court-docking`);
    await page.getByTestId('confirmation-new').click();
    const matterSelect = page.getByLabel('维权事项', { exact: true });
    await matterSelect.click();
    await matterSelect.fill(matter.body.number);
    await page.getByText(matter.body.number).last().click();
    const court = page.getByLabel('受理法院', { exact: true });
    await court.click();
    await page.getByText('随州市曾都区人民法院').last().click();
    await page.getByLabel('调解协议内容').fill('用人单位于2026年12月10日前一次性支付工资12500元。');
    const date = page.getByLabel('调解协议生效日期');
    await date.click();
    await date.fill('2026-11-28');
    await date.press('Enter');
    await screenshot(page, 'court-confirmation-form');
    await page.getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.locator('.ant-modal-wrap').waitFor({ state: 'hidden', timeout: 15_000 });
    await page.locator('.ant-list').getByText(matter.body.number).first().waitFor({ timeout: 15_000 });
    const dockings = await page.evaluate(
      async () => (await (await fetch('/api/court-docking')).json()).items,
    );
    expect(dockings).toHaveLength(1);
    expect(dockings[0]).toMatchObject({ kind: 'confirmation', matter: { number: matter.body.number } });
    expect(dockings[0].confirmationDue).toBeTruthy();
    await screenshot(page, 'court-docking-list');
  });
});
