import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../apps/server/src/bootstrap';
import { Client } from '../../apps/server/test/harness';
import { creditCode } from '../../apps/server/test/intake-fixtures';
import { launchBrowser, newContext, screenshot } from '../support/browser';
import { LoginPage } from '../support/pages';
import { startProduct } from '../support/server';

const DEMO = 'Onestop@2026';
const REPORTER = '李秘密';

/** The 60-working-day investigation period runs into next year: its holiday notice (test data). */
const NOTICE_2027 = {
  source: '国务院办公厅关于2027年部分节假日安排的通知（测试数据）',
  holidays: [{ date: '2027-01-01', name: '元旦' }],
  makeupWorkdays: [],
};

describe('labor inspection in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startProduct();
    browser = await launchBrowser();
    const admin = new Client(server.url);
    await admin.login('admin', DEMO);
    await admin.request('PUT', '/api/admin/calendar/years/2027', NOTICE_2027);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function signedInPage(username: string): Promise<Page> {
    const page = await (await newContext(browser)).newPage();
    const login = new LoginPage(page, server.url);
    await login.open();
    await login.signInAndWait(username, DEMO);
    return page;
  }

  async function state(page: Page, text: string) {
    await page.getByTestId('inspection-state').filter({ hasText: text }).first().waitFor({ timeout: 15_000 });
  }

  let caseId = '';

  it('the clerk registers a report about a restaurant below the minimum wage; the reporter stays hidden in the clerk’s UI', async () => {
    const page = await signedInPage('clerk');
    await page.getByTestId('menu-/inspection').click();
    await page.getByRole('tab', { name: '投诉举报登记' }).click();
    await page.getByTestId('insp-reporter-name').fill(REPORTER);
    await page.getByTestId('insp-reporter-phone').fill('13900001111');
    await page.getByTestId('insp-employer-name').fill('随州市好味道餐饮有限公司');
    await page.getByTestId('insp-credit-code').fill(creditCode('MA4R0009'));
    await page.getByTestId('insp-type').click();
    await page.getByTitle('低于最低工资标准').click();
    await page.getByTestId('insp-amount').fill('900');
    await page.getByTestId('insp-facts').fill('服务员月工资1200元，低于当地最低工资标准');
    await page.getByTestId('insp-submit').click();
    await page.waitForURL(/\/inspection\/cases\//, { timeout: 20_000 });
    caseId = page.url().split('/').pop()!;
    await state(page, '已登记');
    await page.getByTestId('reporter-withheld').waitFor();
    expect(await page.locator('main').textContent()).not.toContain(REPORTER);
    // The clerk may not accept: only the allowed steps are shown.
    expect(await page.getByTestId('step-accept').count()).toBe(0);
    await screenshot(page, 'inspection-clerk-reporter-hidden');
  });

  it('the inspector accepts and 立案 the same day, investigates, and withdraws the case once the employer corrects', async () => {
    const director = new Client(server.url);
    await director.login('director', DEMO);
    const users = await Promise.all(
      ['inspector', 'zhangmin'].map(async (u) => {
        const c = new Client(server.url);
        await c.login(u, DEMO);
        return (await c.get('/api/auth/me')).body.user.id as string;
      }),
    );
    const assigned = await director.post(`/api/inspection/cases/${caseId}/inspectors`, { userIds: users });
    expect(assigned.status).toBe(200);

    const page = await signedInPage('inspector');
    await page.goto(`${server.url}/inspection/cases/${caseId}`);
    await page.getByTestId('reporter-visible').waitFor();
    expect(await page.getByTestId('reporter-visible').textContent()).toContain(REPORTER);
    await page.getByTestId('step-accept').click();
    await state(page, '已立案');
    await page.getByTestId('step-startInvestigation').click();
    await state(page, '调查中');
    await page.getByTestId('step-withdraw').click();
    await page.getByTestId('field-reason').fill('违法行为轻微，用人单位已主动补足差额');
    await page.getByTestId('field-evidenceOfCorrection').fill('已补发6名服务员差额，银行回单在卷');
    await page.getByTestId('action-ok').click();
    await state(page, '撤销立案');
    await page.getByTestId('inspection-documents').filter({ hasText: '撤销立案决定书' }).waitFor();
    await page.getByTestId('step-close').click();
    await page.getByTestId('field-resultText').fill('用人单位已补足差额，撤销立案');
    await page.getByTestId('action-ok').click();
    await state(page, '已结案');
    await screenshot(page, 'inspection-withdrawn-closed');

    const clerk = await signedInPage('clerk');
    await clerk.goto(`${server.url}/inspection/cases/${caseId}`);
    await clerk.getByTestId('reporter-withheld').waitFor();
    expect(await clerk.locator('main').textContent()).not.toContain(REPORTER);
  });
});
