import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../apps/server/src/bootstrap';
import { residentId } from '../../apps/server/test/intake-fixtures';
import { launchBrowser, newContext, screenshot } from '../support/browser';
import { LoginPage, registerMatter } from '../support/pages';
import { startProduct } from '../support/server';

/**
 * Mediation first at the window (郑红, gsclerk: 窗口受理员 + 调解员 in 广水市): a walk-in worker with unpaid
 * wages consents, receives a 调解建议书, the employer rejects two items (recorded by staff), the accepted
 * item becomes a signed agreement, the rest goes to arbitration without retyping. Screens and actions
 * of this part are counted and printed (the intake screen and the same-day 受理通知书 are counted by
 * the intake and arbitration journeys).
 */
describe('mediation journey in Chromium', () => {
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

  it('consent → 调解建议书 → employer rejects two items → signed agreement + arbitration', async () => {
    const context = await newContext(browser);
    const page: Page = await context.newPage();
    const login = new LoginPage(page, server.url);
    await login.open();
    await login.signInAndWait('gsclerk', 'Onestop@2026');

    // The walk-in worker's matter (registered through the single window; the intake UI has its own journey).
    const ID = residentId('19880506', 321, '421381');
    const matterId = await registerMatter(page, '广水市', {
      workers: [{ name: '刘长江', idType: 'resident_id', idNumber: ID, migrantWorker: true }],
      employers: [{ name: '广水市顺达机械制造有限公司' }],
      claims: [
        {
          type: 'unpaid_wages',
          amountFen: 960000,
          periodFrom: '2025-10-01',
          periodTo: '2025-12-31',
          facts: '三个月工资未发',
        },
        {
          type: 'overtime_pay',
          amountFen: 180000,
          periodFrom: '2025-10-01',
          periodTo: '2025-12-31',
          facts: '周六加班未付加班费',
        },
        {
          type: 'double_wages_no_contract',
          amountFen: 640000,
          periodFrom: '2025-03-01',
          periodTo: '2025-12-31',
          facts: '入职后未签书面劳动合同',
        },
      ],
      narrative: '在机械厂做焊工，老板拖欠三个月工资。',
    });

    let screens = 0;
    let actions = 0;
    const act = async (fn: () => Promise<unknown>) => {
      actions++;
      await fn();
    };

    await page.goto(`${server.url}/matters/${matterId}`);
    screens++;
    const panel = page.getByTestId('mediation-panel');
    await panel.getByTestId('mediation-consent').waitFor({ timeout: 20_000 });
    await screenshot(page, 'mediation-consent');

    // 1. Consent signed at the window.
    await act(() => panel.getByTestId('consent-window').click());
    await panel.getByTestId('proposal-form').waitFor({ timeout: 15_000 });

    // 2. The 调解建议书, inline: amounts and reasons are prefilled from the claims; the mediator changes one.
    await panel.getByTestId('proposal-amount-0').waitFor({ timeout: 15_000 });
    await act(() => panel.getByTestId('proposal-amount-1').fill('1500'));
    await act(() => panel.getByTestId('proposal-submit').click());
    await panel
      .getByTestId('replies-form')
      .waitFor({ timeout: 15_000 })
      .catch(async (e) => {
        await screenshot(page, 'mediation-debug');
        throw e;
      });
    await panel.getByText('调解建议书已送达').first().waitFor();
    await screenshot(page, 'mediation-proposal-sent');

    // 3. Both sides answer item by item in one form: the worker (at the window) agrees to every item,
    // the employer (by phone, recorded by staff) rejects two. Each side's replies are their own event.
    await act(() => panel.getByTestId('reply-employer-1').click());
    await act(() => panel.getByTestId('reply-employer-2').click());
    await act(() => panel.getByTestId('replies-submit').click());
    await panel
      .getByTestId('agreement-form')
      .waitFor({ timeout: 15_000 })
      .catch(async (e) => {
        await screenshot(page, 'mediation-debug');
        throw e;
      });
    await screenshot(page, 'mediation-replies');

    // 4. The accepted item becomes a signed 调解协议书; the two others go to arbitration.
    await act(() => panel.getByTestId('agreement-submit').click());
    await panel.getByTestId('mediation-state').getByText('部分达成协议').waitFor({ timeout: 20_000 });
    const arb = panel.getByTestId('mediation-arbitration');
    await arb.waitFor();
    expect(await arb.textContent()).toMatch(/随劳人仲案字〔\d{4}〕第\d+号/);
    await panel.getByText('调解协议书').first().waitFor();
    // Printing the agreement: one click on 预览/打印 once the PDF is rendered (jobs run in production).
    actions++;
    await screenshot(page, 'mediation-agreement');

    // The arbitration case holds the two rejected claims with their registered amounts.
    const check = await page.evaluate(async (id) => {
      const m = await (await fetch(`/api/matters/${id}/mediation`)).json();
      const c = m.cases[0];
      const a = await (await fetch(`/api/arbitration/cases/${c.arbitrationCase.id}`)).json();
      return {
        state: c.state,
        claims: a.claims.map((x: { type: string; amountFen: number }) => [x.type, x.amountFen]),
      };
    }, matterId);
    expect(check.state).toBe('partially_agreed');
    expect(check.claims).toEqual([
      ['overtime_pay', 180000],
      ['double_wages_no_contract', 640000],
    ]);

    console.log(
      `[mediation journey] screens: ${screens}, actions: ${actions} (matter page: consent → 调解建议书 → replies → signed agreement → arbitration; print included)`,
    );
    expect(screens).toBeLessThanOrEqual(1);
    expect(actions).toBeLessThanOrEqual(15);
    await context.close();
  });

  it('a joint session: mediators of 人社 and 工会 picked by agency, room and participants', async () => {
    const context = await newContext(browser);
    const page: Page = await context.newPage();
    const login = new LoginPage(page, server.url);
    await login.open();
    await login.signInAndWait('gsclerk', 'Onestop@2026');
    const ID = residentId('19900315', 517, '421381');
    const matterId = await registerMatter(page, '广水市', {
      workers: [{ name: '陈小满', idType: 'resident_id', idNumber: ID }],
      employers: [{ name: '广水市永兴纺织有限公司' }],
      claims: [
        {
          type: 'unpaid_wages',
          amountFen: 420000,
          periodFrom: '2026-09-01',
          periodTo: '2026-10-31',
          facts: '',
        },
      ],
      narrative: '两个月工资未发放，单位称资金紧张。',
      triage: { mode: 'accept' },
      consent: { given: true, method: 'window_signature', workerIndex: 0 },
    });
    await page.goto(`${server.url}/matters/${matterId}`);
    const panel = page.getByTestId('mediation-panel');
    await panel.getByRole('button', { name: '安排调解' }).click();
    const dialog = page.locator('.ant-modal:visible');
    await dialog.getByTestId('session-room').fill('第二调解室');
    await dialog.getByRole('button', { name: '添加调解员' }).click();
    await dialog.getByPlaceholder('姓名').nth(1).fill('周平');
    await dialog.getByText('联合调解（人社 + 工会 + 法院）').click();
    await dialog.getByText('用人单位已同意参加调解').click();
    await screenshot(page, 'mediation-joint-session');
    await dialog
      .getByRole('button', { name: '安 排' })
      .or(dialog.getByRole('button', { name: '安排' }))
      .click();
    await panel.getByText('联合调解：').waitFor({ timeout: 15_000 });
    expect(await panel.getByText('第二调解室').count()).toBeGreaterThan(0);
    const text = (await panel.textContent()) ?? '';
    expect(text).toContain('周平');
    await context.close();
  });
});
