import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../apps/server/src/bootstrap';
import { creditCode, residentId } from '../../apps/server/test/intake-fixtures';
import { launchBrowser, newContext, screenshot } from '../support/browser';
import { LoginPage } from '../support/pages';
import { startProduct } from '../support/server';

const DEMO = 'Onestop@2026';

/**
 * Issue 6, first scenario, in ONE visit (郑红, gsclerk: 窗口受理员 + 调解员 in 广水市): a walk-in worker with
 * three unpaid items is recorded at the window (3 intake steps), consents to mediation and receives a
 * 调解建议书; the employer rejects two items (recorded by staff); the accepted item becomes a signed
 * 调解协议书; the two others go to arbitration, the window takes the application materials (初审 → 收件回执)
 * and the arbitrator (张敏, valid 仲裁员证) accepts it the same day; the 受理通知书 PDF opens.
 * Every screen (page, intake step or dialog) and every action (click, fill, key press) is counted.
 */
describe('one visit: intake → mediation → partial agreement → same-day arbitration acceptance', () => {
  let server: RunningServer;
  let browser: Browser;
  const screens: string[] = [];
  let actions = 0;
  const screen = (name: string) => {
    if (!screens.includes(name)) screens.push(name);
  };
  const act = async (fn: () => Promise<unknown>) => {
    actions++;
    await fn();
  };

  beforeAll(async () => {
    server = await startProduct();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const drainJobs = async () => {
    // The product server runs with JOBS_ENABLED=false: render the issued PDFs here.
    while ((await server.app.ctx.jobs.runOnce()) > 0) {
      /* next job */
    }
  };

  async function chooseClaim(page: Page, i: number, keyword: string) {
    const type = page.getByLabel('诉求类型').nth(i);
    await act(() => type.click());
    await act(() => type.fill(keyword));
    await act(() => page.keyboard.press('Enter'));
  }

  async function claimDetails(page: Page, i: number, amount: string, facts: string) {
    await act(() =>
      page
        .locator(`input[data-testid="claim-amount-${i}"], [data-testid="claim-amount-${i}"] input`)
        .first()
        .fill(amount),
    );
    await act(() => page.getByTestId(`claim-facts-${i}`).fill(facts));
  }

  it('takes one visit', async () => {
    const page = await (await newContext(browser)).newPage();
    const login = new LoginPage(page, server.url);
    await login.open();
    await login.signInAndWait('gsclerk', DEMO);

    // 1. Window intake, step 1: parties (the details the 仲裁申请书 needs: 调解仲裁法第二十八条).
    await act(() => page.getByTestId('menu-/intake').click());
    screen('窗口受理·当事人');
    await act(() => page.getByTestId('intake-id-number').fill(residentId('19870612', 451, '421381')));
    await act(() => page.getByTestId('intake-id-number').press('Enter'));
    await page.getByTestId('intake-derived').waitFor();
    await act(() => page.getByTestId('intake-worker-name').fill('周小川'));
    await act(() => page.getByText('农民工', { exact: true }).click());
    await act(() => page.getByLabel('联系电话').first().fill('13972345678'));
    await act(() => page.getByLabel('住址 / 送达地址').fill('湖北省广水市应山街道永阳大道18号'));
    await act(() => page.getByTestId('intake-credit-code').fill(creditCode('MA4G5566')));
    await act(() => page.getByLabel('单位名称').fill('广水市恒通机械制造有限公司'));
    await act(() => page.getByLabel('法定代表人').fill('孙建设'));
    await act(() => page.getByLabel('住所地').fill('广水市经济开发区工业大道6号'));
    await act(() => page.getByTestId('intake-next').click());

    // Step 2: three claims; the period typed once is carried to the next claims.
    screen('窗口受理·诉求');
    await chooseClaim(page, 0, '拖欠工资');
    await claimDetails(page, 0, '9600', '2026年8月至10月在机械厂做焊工，三个月工资共9600元未发放');
    const start = page.locator('#claims_0_period');
    const end = page.locator('input[date-range="end"]').first();
    await act(() => start.click());
    await act(() => start.fill('2026-08-01'));
    await act(() => end.click());
    await act(() => end.fill('2026-10-31'));
    await act(() => page.keyboard.press('Tab'));
    await screenshot(page, 'one-visit-claims');
    await act(() => page.getByTestId('intake-add-claim').click());
    await chooseClaim(page, 1, '加班费');
    await claimDetails(page, 1, '1800', '周六加班未支付加班费');
    await act(() => page.getByTestId('intake-add-claim').click());
    await chooseClaim(page, 2, '经济补偿');
    await claimDetails(page, 2, '3200', '单位停产后解除劳动合同，未支付经济补偿');
    await act(() => page.getByTestId('intake-next').click());

    // Step 3: triage — mediation first, the worker consents.
    screen('窗口受理·分流');
    await act(() => page.getByTestId('intake-accept-recommendation').click());
    await act(() => page.getByTestId('intake-consent').click());
    await screenshot(page, 'one-visit-triage');
    await act(() => page.getByTestId('intake-submit').click());
    await page.getByTestId('matter-number').waitFor({ timeout: 20_000 });
    await act(() => page.getByTestId('matter-link').click());

    // 2. The matter page: mediation first.
    screen('事项页');
    const panel = page.getByTestId('mediation-panel');
    const first = panel.getByTestId('mediation-proposal').or(panel.getByTestId('consent-window'));
    await first.first().waitFor({ timeout: 20_000 });
    if (await panel.getByTestId('consent-window').isVisible()) {
      await act(() => panel.getByTestId('consent-window').click());
    }
    await panel.getByTestId('mediation-proposal').waitFor({ timeout: 15_000 });
    await act(() => panel.getByTestId('mediation-proposal').click());
    screen('调解建议书弹窗');
    const dialog = page.locator('.ant-modal:visible');
    await dialog.getByTestId('proposal-amount-0').waitFor();
    await act(() => dialog.getByTestId('proposal-submit').click());
    await panel.getByTestId('mediation-reply').waitFor({ timeout: 15_000 });

    // The worker agrees to every item; the employer (by phone, recorded by staff) rejects two.
    await act(() => panel.getByTestId('mediation-reply').click());
    screen('答复记录弹窗');
    await act(() => page.getByTestId('replies-submit').click());
    await expect
      .poll(() => panel.getByTestId('mediation-items').getByText('同意', { exact: true }).count(), {
        timeout: 15_000,
      })
      .toBe(3);
    await act(() => panel.getByTestId('mediation-reply').click());
    const replies: Locator = page.locator('.ant-modal:visible');
    await replies.locator('.ant-switch').first().waitFor();
    await act(() => replies.locator('.ant-switch').nth(1).click());
    await act(() => replies.locator('.ant-switch').nth(2).click());
    await act(() => page.getByTestId('replies-submit').click());
    await panel.getByTestId('mediation-agreement').waitFor({ timeout: 15_000 });

    // The accepted item becomes a signed 调解协议书; the two others go to arbitration.
    await act(() => panel.getByTestId('mediation-agreement').click());
    screen('调解协议书弹窗');
    const agreement = page.locator('.ant-modal:visible');
    await act(() => agreement.getByText('双方已签名或盖章').click());
    await act(() => page.getByTestId('agreement-submit').click());
    await panel.getByTestId('mediation-arbitration').waitFor({ timeout: 20_000 });
    await screenshot(page, 'one-visit-agreement');

    // 3. The window takes the application materials for the rejected items (初审 → 收件回执).
    const arb = page.getByTestId('arbitration-panel');
    await arb.getByTestId('arbitration-review').waitFor({ timeout: 20_000 });
    await act(() => arb.getByTestId('arbitration-review').click());
    screen('仲裁初审弹窗');
    const review = page.locator('.ant-modal:visible');
    for (const label of [
      '仲裁申请书',
      '申请人身份证明',
      '被申请人主体资格材料（营业执照或登记信息）',
      '证据材料',
    ]) {
      await act(() => review.getByLabel(label, { exact: true }).check());
    }
    await act(() => review.getByTestId('review-evidence').fill('工资欠条'));
    await act(() => review.getByTestId('review-signed').click());
    await act(() => page.getByTestId('review-submit').click());
    await arb.getByTestId('same-day-banner').waitFor({ timeout: 20_000 });
    const matterUrl = page.url();

    // 4. The arbitrator (张敏: valid 仲裁员证; not the mediator of this matter) accepts it the same day.
    const arbitrator = await (await newContext(browser)).newPage();
    const login2 = new LoginPage(arbitrator, server.url);
    await login2.open();
    screen('仲裁员登录');
    await act(() => login2.signInAndWait('zhangmin', DEMO).then(() => undefined));
    actions += 2; // username + password fields (signIn fills both and clicks once)
    await act(() => arbitrator.goto(matterUrl));
    const arb2 = arbitrator.getByTestId('arbitration-panel');
    await arb2.getByTestId('arbitration-accept').waitFor({ timeout: 20_000 });
    await act(() => arb2.getByTestId('arbitration-accept').click());
    const print = arb2.getByTestId('print-acceptance_notice');
    await print.waitFor({ timeout: 20_000 });
    await drainJobs();
    const [popup] = await Promise.all([arbitrator.waitForEvent('popup'), act(() => print.click())]);
    await popup.waitForLoadState('domcontentloaded');
    const url = popup.url();
    expect(url).toMatch(/\/api\/documents\/[0-9a-f-]+\/pdf$/);
    const pdf = await arbitrator.request.get(url);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await screenshot(arbitrator, 'one-visit-accepted');

    // The arbitration case: the two rejected claims, accepted today with its 受理通知书.
    const check = await arbitrator.evaluate(async (u) => {
      const id = new URL(u).pathname.split('/').pop();
      const list = await (await fetch(`/api/arbitration/cases?matterId=${id}`)).json();
      const a = await (await fetch(`/api/arbitration/cases/${list.items[0].caseId}`)).json();
      return {
        state: a.state as string,
        claims: a.claims.map((x: { type: string; amountFen: number }) => [x.type, x.amountFen]),
        notice: a.documents.find((d: { type: string }) => d.type === 'acceptance_notice')?.issuedDate,
        receipt: a.documents.some((d: { type: string; number: string }) => d.type === 'receipt' && d.number),
      };
    }, matterUrl);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    expect(check.state).toBe('accepted');
    expect(check.receipt).toBe(true);
    expect(check.notice).toBe(today);
    expect(check.claims.map((c: [string, number]) => c[0])).toHaveLength(2);

    console.log(
      `[window effort] one visit: ${screens.length} screens, ${actions} actions (${screens.join(' → ')})`,
    );
  });
});
