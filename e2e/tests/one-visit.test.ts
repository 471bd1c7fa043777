import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { creditCode, residentId } from '../../apps/server/test/intake-fixtures';
import { screenshot } from '../support/browser';
import { claimAmount, drainJobs, IOU_PNG, signInAs, useWindowVisit } from '../support/visit';

/**
 * Issue 6, first scenario, in ONE visit at the 广水 window (郑红, gsclerk: 窗口受理员 + 调解员 + 兼职仲裁员 —
 * 一人多岗): a walk-in worker with three unpaid items is registered on the one-page intake (the employer is
 * already on file, so its credit code fills the rest), consents to mediation and receives a 调解建议书; the
 * employer rejects two items (answered in person, recorded on the spot); the accepted item becomes a signed
 * 调解协议书; the two others go to arbitration without retyping: the materials the system already holds
 * are ticked, the applicant signs, and the case is received and accepted the same day; the 受理通知书 PDF
 * opens. Every screen (page or dialog) and every action (click, fill, key press, file pick) is counted.
 */
describe('one visit: intake → mediation → partial agreement → same-day arbitration acceptance', () => {
  const screens: string[] = [];
  let actions = 0;
  const screen = (name: string) => {
    if (!screens.includes(name)) screens.push(name);
  };
  const act = async (fn: () => Promise<unknown>) => {
    actions++;
    await fn();
  };
  const EMPLOYER_CODE = creditCode('MA4G5566');

  // The employer is on file from an earlier matter (its registration details came with it).
  const visit = useWindowVisit({
    name: '广水市恒通机械制造有限公司',
    creditCode: EMPLOYER_CODE,
    legalRepresentative: '孙建设',
    address: '广水市经济开发区工业大道6号',
    industry: '机械制造',
  });

  async function claim(page: Page, i: number, type: string, yuan: string) {
    await act(() => page.getByTestId(`claim-quick-${type}`).click());
    await act(() => claimAmount(page, i).fill(yuan));
  }

  it('takes one visit', async () => {
    const page = await signInAs(visit, 'gsclerk');

    // 1. The one-page intake: parties (the details the 仲裁申请书 needs: 调解仲裁法第二十八条).
    await act(() => page.getByTestId('menu-/intake').click());
    screen('窗口受理');
    await act(() => page.getByTestId('intake-id-number').fill(residentId('19870612', 451, '421381')));
    await page.getByTestId('intake-derived').waitFor();
    await act(() => page.getByTestId('intake-worker-name').fill('周小川'));
    await act(() => page.getByLabel('联系电话').first().fill('13972345678'));
    await act(() => page.getByLabel('住址 / 送达地址').fill('湖北省广水市应山街道永阳大道18号'));
    await act(() => page.getByTestId('intake-credit-code').fill(EMPLOYER_CODE));
    await expect.poll(() => page.getByLabel('法定代表人').inputValue(), { timeout: 10_000 }).toBe('孙建设');

    // Claims: one click per claim type; the period typed once is carried to the next claims; one
    // statement of facts serves all three; the photo of the IOU is the evidence.
    await act(() => page.getByTestId('claim-quick-unpaid_wages').click());
    const start = page.locator('#claims_0_period');
    const end = page.locator('input[date-range="end"]').first();
    await act(() => start.fill('2026-08-01'));
    await act(() => end.fill('2026-10-31'));
    await act(() => claimAmount(page, 0).fill('9600'));
    await claim(page, 1, 'overtime_pay', '1800');
    await claim(page, 2, 'economic_compensation', '3200');
    await act(() =>
      page
        .getByTestId('intake-narrative')
        .fill(
          '2026年8月至10月在机械厂做焊工，三个月工资9600元未发，周六加班费未付；单位停产后解除劳动合同，未支付经济补偿。',
        ),
    );
    await act(() =>
      page.locator('input[type="file"]').first().setInputFiles({
        name: '工资欠条.png',
        mimeType: 'image/png',
        buffer: IOU_PNG,
      }),
    );
    await screenshot(page, 'one-visit-claims');

    // Triage appears by itself (mediation first for all three); the worker signs the consent.
    await page
      .getByTestId('intake-triage')
      .getByText('分流建议（供窗口人员决定')
      .waitFor({ timeout: 20_000 });
    await act(() => page.getByTestId('intake-consent').click());
    await screenshot(page, 'one-visit-triage');
    await act(() => page.getByTestId('intake-submit').click());

    // 2. The matter page: mediation first, inline.
    await page.getByTestId('intake-created').waitFor({ timeout: 20_000 });
    screen('事项页');
    const panel = page.getByTestId('mediation-panel');
    await panel.getByTestId('proposal-amount-0').waitFor({ timeout: 20_000 });
    await act(() => panel.getByTestId('proposal-submit').click());

    // Both sides answer at once: the worker agrees to every item, the employer rejects two.
    await panel.getByTestId('reply-employer-1').waitFor({ timeout: 15_000 });
    await act(() => panel.getByTestId('reply-employer-1').click());
    await act(() => panel.getByTestId('reply-employer-2').click());
    await act(() => panel.getByTestId('replies-submit').click());

    // The accepted item becomes a signed 调解协议书; the two others go to arbitration.
    await panel.getByTestId('agreement-submit').waitFor({ timeout: 15_000 });
    await act(() => panel.getByTestId('agreement-submit').click());
    await panel.getByTestId('mediation-arbitration').waitFor({ timeout: 20_000 });
    await screenshot(page, 'one-visit-agreement');

    // 3. The application for the rejected items: materials already held are ticked; the applicant signs;
    // received and accepted the same day by the window's part-time arbitrator.
    const arb = page.getByTestId('arbitration-panel');
    await arb.getByTestId('same-day-banner').waitFor({ timeout: 20_000 });
    await screenshot(page, 'one-visit-review');
    await act(() => arb.getByTestId('review-accept').click());
    const print = arb.getByTestId('print-acceptance_notice');
    await print.waitFor({ timeout: 20_000 }).catch(async (e) => {
      console.log('[arbitration panel]', await arb.textContent());
      throw e;
    });
    await drainJobs(visit.server);
    const matterUrl = page.url();
    const [popup] = await Promise.all([page.waitForEvent('popup'), act(() => print.click())]);
    await popup.waitForLoadState('domcontentloaded');
    const url = popup.url();
    expect(url).toMatch(/\/api\/documents\/[0-9a-f-]+\/pdf$/);
    const pdf = await page.request.get(url);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await screenshot(page, 'one-visit-accepted');
    const arbitrator = page;

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
      `[window effort] one visit: ${screens.length} screens, ${actions} actions (${screens.join(' → ')}); goal ≤ 3 screens, ≤ 25 actions`,
    );
    expect(screens.length).toBeLessThanOrEqual(3);
    expect(actions).toBeLessThanOrEqual(25);
  });
});
