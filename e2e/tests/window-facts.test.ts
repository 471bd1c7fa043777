import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chineseDate, computeDue, createSeedCalendar, requireRule } from '@onestop/domain';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../apps/server/src/bootstrap';
import { pdftotext, squash, writeTemp } from '../../apps/server/src/modules/documents/render/testing/poppler';
import { type Client, signedIn } from '../../apps/server/test/harness';
import { creditCode, intakeBody, residentId } from '../../apps/server/test/intake-fixtures';
import { SmsGateway } from '../../apps/server/test/portal.support';
import { launchBrowser, newContext, PHONE, screenshot } from '../support/browser';
import { registerMatter } from '../support/pages';
import { portalSignIn } from '../support/portal';
import { setBusinessDate, startProduct } from '../support/server';
import { signInAs } from '../support/visit';

/**
 * Issue 14, items 4 and 6 at the window, on the demo data:
 * - 4: the worker's facts survive “不同意调解，直接申请仲裁” into the arbitration application, and the
 *   补正通知书 then asks only for what is really missing (never 事实和理由 that were given); the portal's
 *   online application asks for what a 补正 would demand (with save and return), and no consent box is
 *   ticked for the worker.
 * - 6: the 补正 period runs over the National Day holiday (five calendar days from 29 September would be
 *   Sunday 4 October, inside the holiday): the date printed in the 补正通知书 is the clock engine's due
 *   date, the same Chinese date the matter page's clock shows; the acceptance clock stopped by the notice
 *   says it stopped and restarts on correction (nothing was decided), never “已按期完成”.
 */
describe('window facts and dates: facts kept across routes, portal asks what the 补正 would, one date everywhere', () => {
  const sms = new SmsGateway();
  let server: RunningServer;
  let browser: Browser;
  let clerk: Client;

  beforeAll(async () => {
    await sms.start();
    server = await startProduct({
      SMS_PROVIDER: 'http',
      SMS_HTTP_URL: sms.url,
      STORAGE_DIR: mkdtempSync(path.join(tmpdir(), 'onestop-window-facts-')),
    });
    browser = await launchBrowser();
    clerk = await signedIn({ server, url: server.url, databaseUrl: undefined }, 'clerk');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await sms.stop();
  });

  const drainJobs = async () => {
    while ((await server.app.ctx.jobs.runOnce()) > 0) {
      /* next job */
    }
  };
  it('declining mediation keeps the facts; the 补正通知书 asks only for the evidence, by the date the clock shows', {
    timeout: 240_000,
  }, async () => {
    // Tuesday 29 September 2026: five working days later is Monday 12 October (1–8 October are the
    // National Day holiday); five calendar days would be Sunday 4 October.
    const today = '2026-09-29';
    setBusinessDate(server, today);
    try {
      const due = computeDue(requireRule('arbitration.correction-period'), today, createSeedCalendar()).due;
      expect(due).toBe('2026-10-12');
      const dueText = chineseDate(due);
      expect(dueText).toBe('2026年10月12日');

      const narrative =
        '2026年3月进随州市鸿运建筑劳务有限公司做钢筋工，6月至8月工资共12500元至今未发，多次催要未果。';
      const page = await signInAs({ server, browser }, 'clerk');
      const { jurisdictionId: _ignored, ...body } = intakeBody('', {
        narrative,
        claims: [
          {
            type: 'unpaid_wages',
            amountFen: 1_250_000,
            periodFrom: '2026-06-01',
            periodTo: '2026-08-31',
            facts: '6月至8月工资未发',
          },
        ],
      });
      const matterId = await registerMatter(page, '曾都区', body);
      await page.goto(`${server.url}/matters/${matterId}`);

      // The worker declines mediation at the window: the application goes to arbitration with his facts.
      await page.getByTestId('mediation-panel').getByTestId('consent-refuse').click();
      const arb = page.getByTestId('arbitration-panel');
      const review = arb.getByTestId('review-form');
      await review.waitFor({ timeout: 30_000 });
      expect(await review.getByTestId('review-facts').inputValue()).toBe(`${narrative}\n劳动者不同意调解`);
      // No evidence was brought: the only thing the record does not hold.
      expect(await review.locator('input[value="evidence"]').isChecked()).toBe(false);
      await screenshot(page, 'window-facts-review');
      await review.getByTestId('review-submit').click();

      const pending = arb.getByTestId('correction-pending');
      await pending.waitFor({ timeout: 20_000 });
      expect(await pending.locator('li').allInnerTexts()).toEqual(['证据目录及证据材料（注明证据来源）']);
      expect(await pending.textContent()).toContain(`补正期限 ${dueText}，须补正以下全部事项`);

      // The notice as printed: only the evidence, by the clock's date.
      await drainJobs();
      const [notice] = await Promise.all([
        page.waitForEvent('popup'),
        arb.getByTestId('print-correction_notice').first().click(),
      ]);
      await notice.waitForLoadState('domcontentloaded');
      const pdf = await page.request.get(notice.url());
      expect(pdf.status()).toBe(200);
      await notice.close();
      const text = squash(pdftotext(writeTemp(`window-facts-${matterId}.pdf`, await pdf.body())));
      expect(text).toContain('你于2026年9月29日提交的劳动人事争议仲裁申请');
      expect(text).toContain('证据目录及证据材料（注明证据来源）');
      expect(text).toContain(`请你于${dueText}前将上述材料一次性补正齐全`);
      expect(text).not.toContain('事实和理由');
      expect(text).not.toContain('所依据的事实');
      expect(text).not.toContain('2026年10月4日');

      // The matter page's clocks: the same date; each closed clock says what happened to it.
      const clocks = page.getByTestId('clocks-panel');
      const period = clocks.getByTestId('clock-arbitration.correction-period');
      await period.waitFor({ timeout: 20_000 });
      expect(await period.getByTestId('clock-due').textContent()).toBe(dueText);
      expect(await period.getByTestId('clock-status').textContent()).toBe('计时中');
      const acceptance = clocks.getByTestId('clock-arbitration.acceptance');
      expect(await acceptance.getByTestId('clock-status').textContent()).toBe(
        '已停止：通知补正，补正完成后重新起算',
      );
      expect(await clocks.textContent()).not.toContain('已按期完成');
      await period.scrollIntoViewIfNeeded();
      await screenshot(page, 'window-facts-correction-desktop');
      await page.context().close();

      // The same on a phone.
      const phone = await signInAs({ server, browser }, 'clerk', PHONE);
      await phone.goto(`${server.url}/matters/${matterId}`);
      const phoneClock = phone.getByTestId('clock-arbitration.correction-period');
      await phoneClock.waitFor({ timeout: 20_000 });
      expect(await phoneClock.getByTestId('clock-due').textContent()).toBe(dueText);
      await phone.getByTestId('correction-pending').waitFor();
      await screenshot(phone, 'window-facts-correction-phone');
      await phone.context().close();
    } finally {
      setBusinessDate(server, null);
    }
  });

  it('the portal’s arbitration form asks for what a 补正 would demand, keeps a draft, and ticks no consent (360 px)', {
    timeout: 180_000,
  }, async () => {
    const phone = '13812347701';
    const page = await (await newContext(browser, PHONE)).newPage();
    await portalSignIn(page, server.url, sms, phone);

    // A mediation request: the worker ticks his consent himself.
    await page.goto(`${server.url}/m/apply/mediation`);
    await page.getByTestId('apply-submit').waitFor();
    expect(await page.getByTestId('apply-mediation').isChecked()).toBe(false);
    expect(await page.getByTestId('apply-eservice').isChecked()).toBe(false);

    await page.goto(`${server.url}/m/apply/arbitration`);
    await page.getByTestId('apply-submit').waitFor();
    expect(await page.getByTestId('apply-mediation').isChecked()).toBe(false);
    expect(await page.getByTestId('apply-eservice').isChecked()).toBe(false);
    await page.getByTestId('apply-place').selectOption({ label: '曾都区' });
    await page.getByTestId('apply-name').fill('张秀兰');
    await page.getByTestId('apply-idNumber').fill(residentId('19880612', 426));
    await page.getByTestId('apply-employer').fill('随州市金桂纺织有限公司');
    await page.getByTestId('apply-creditCode').fill(creditCode('MA4F5566'));
    await page.getByTestId('apply-claim-0-amount').fill('9600');
    await page.getByTestId('apply-claim-0-facts').fill('2026年7月至8月的工资一直没有发放');
    await page.getByTestId('apply-submit').click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe(
      '仲裁申请还需要填写：您的住址、单位地址、单位法定代表人或主要负责人姓名、入职日期、第1项请求的起止日期（否则仲裁委初审时会要求补正）',
    );
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, 'window-facts-portal-asks');

    // Part of it now, the rest later: save, leave, come back.
    await page.getByTestId('apply-address').fill('湖北省随州市曾都区北郊街道文帝大道9号');
    await page.getByTestId('apply-employerAddress').fill('随州市曾都区经济开发区纺织路18号');
    await page.getByTestId('apply-save-draft').click();
    expect(await page.getByTestId('apply-draft-saved').textContent()).toBe(
      '草稿已保存在本手机，下次打开本页可以接着填（身份证号码须重新输入）',
    );
    await page.goto(`${server.url}/m/matters`);
    await page.getByRole('heading', { name: '我的事项' }).waitFor();
    await page.goto(`${server.url}/m/apply/arbitration`);
    await page.getByTestId('apply-submit').waitFor();
    expect(await page.getByTestId('apply-name').inputValue()).toBe('张秀兰');
    expect(await page.getByTestId('apply-address').inputValue()).toBe(
      '湖北省随州市曾都区北郊街道文帝大道9号',
    );
    expect(await page.getByTestId('apply-employerAddress').inputValue()).toBe(
      '随州市曾都区经济开发区纺织路18号',
    );
    expect(await page.getByTestId('apply-claim-0-amount').inputValue()).toBe('9600');
    expect(await page.getByTestId('apply-claim-0-facts').inputValue()).toBe(
      '2026年7月至8月的工资一直没有发放',
    );
    // The identity number is never kept on the phone; consents are never restored ticked.
    expect(await page.getByTestId('apply-idNumber').inputValue()).toBe('');
    expect(await page.getByTestId('apply-eservice').isChecked()).toBe(false);
    await screenshot(page, 'window-facts-portal-draft');

    await page.getByTestId('apply-idNumber').fill(residentId('19880612', 426));
    await page.getByTestId('apply-legalRepresentative').fill('周金桂');
    await page.getByTestId('apply-employmentStart').fill('2025-04-01');
    await page.getByTestId('apply-claim-0-from').fill('2026-07-01');
    await page.getByTestId('apply-claim-0-to').fill('2026-08-31');
    await page.getByTestId('apply-eservice').check();
    await page.getByTestId('apply-submit').click();
    await page.getByTestId('apply-done').waitFor({ timeout: 20_000 });
    await screenshot(page, 'window-facts-portal-done');
    await page.getByTestId('apply-view').click();
    await page.getByTestId('timeline').waitFor();
    const matterId = page.url().split('/').pop()!;
    await page.context().close();

    // What the worker gave is on the record the clerk will review: nothing left for a 补正 to ask of him.
    const m = (await clerk.get(`/api/matters/${matterId}`)).body;
    expect(m.employmentStart).toBe('2025-04-01');
    expect(m.workers[0].addressMasked).not.toBeNull();
    expect(m.employers[0].addressMasked).not.toBeNull();
    expect(m.employers[0].legalRepresentative).toBe('周金桂');
    expect(
      m.claims.map((c: { amountFen: number; periodFrom: string; periodTo: string }) => [
        c.amountFen,
        c.periodFrom,
        c.periodTo,
      ]),
    ).toEqual([[960_000, '2026-07-01', '2026-08-31']]);
    const consents = await server.app.ctx.database.db
      .selectFrom('portal_consent')
      .select(['kind', 'given'])
      .where('matter_id', '=', matterId)
      .orderBy('kind')
      .execute();
    expect(consents).toEqual([
      { kind: 'electronic_service', given: true },
      { kind: 'mediation', given: false },
    ]);
  });
});
