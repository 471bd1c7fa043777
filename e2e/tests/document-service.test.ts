import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../apps/server/src/bootstrap';
import { application, seedCalendars } from '../../apps/server/test/arbitration.support';
import { newMatter, places } from '../../apps/server/test/cases.support';
import { type Client, signedIn, type TestEnv } from '../../apps/server/test/harness';
import { intakeBody } from '../../apps/server/test/intake-fixtures';
import { DESKTOP, launchBrowser, PHONE, screenshot } from '../support/browser';
import { startProduct } from '../support/server';
import { signInAs } from '../support/visit';

/**
 * Issue #14, service (送达) from the pages that show documents: the document's state and its service
 * live on the arbitration case page, served in person with the signature recorded; electronic service
 * only with the consent on the party's record; the 管辖告知书 issued from the intake warning and served
 * to the worker's portal.
 */
describe('documents served from the pages that show them', () => {
  let server: RunningServer;
  let browser: Browser;
  let env: TestEnv;
  let clerk: Client;

  beforeAll(async () => {
    server = await startProduct();
    env = { server, url: server.url, databaseUrl: undefined };
    browser = await launchBrowser();
    await seedCalendars(env);
    clerk = await signedIn(env, 'clerk');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const drainJobs = async () => {
    while ((await server.app.ctx.jobs.runOnce()) > 0) {
      /* render the issued PDFs */
    }
  };
  const noOverflow = (page: Page) =>
    page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

  it('serves the 受理通知书 in person from the arbitration case page; the state follows (desktop and phone)', async () => {
    const p = await places(env);
    const m = await newMatter(clerk, p.zengdu, { worker: '送达甲' });
    const body = await application(clerk, { id: m.id, claims: m.claims });
    const caseId = body.case.caseId as string;
    const director = await signedIn(env, 'director');
    expect((await director.post(`/api/arbitration/cases/${caseId}/accept`, {})).status).toBe(200);
    await drainJobs();

    const page = await signInAs({ server, browser }, 'clerk');
    await page.goto(`${server.url}/arbitration/cases/${caseId}`);
    const row = page.getByTestId('doc-acceptance_notice');
    await page.locator('[data-testid="document-service-card"][data-ready="true"]').waitFor();
    await row.waitFor();
    expect(await row.getAttribute('data-state')).toBe('已签发');
    expect(await row.getAttribute('data-service')).toBe('未送达');
    await row.getByTestId('serve-acceptance_notice').click();
    await page.locator('[data-testid="service-modal"][data-ready="true"]').waitFor();
    // Electronic service: the worker's record holds no consent, so it cannot be chosen blindly.
    await page.getByTestId('service-method').getByText('电子送达').click();
    await page.getByTestId('service-recipient').locator('input').fill('送达甲');
    await page.getByTestId('service-consent').getByText('送达甲的记录中没有同意电子送达').waitFor();
    expect(await page.getByTestId('service-submit').isDisabled()).toBe(true);
    // In person at the window, with the signature on the 送达回证.
    await page.getByTestId('service-method').getByText('直接送达').click();
    await page.getByTestId('service-place').fill('本中心受理窗口');
    await page.getByTestId('service-submit').click();
    await page.getByTestId('service-record-result').waitFor();
    await page.getByTestId('service-record-result').click();
    await page.getByTestId('service-signer').fill('送达甲本人');
    await page.getByTestId('service-result-submit').click();
    await page.locator('[data-testid="doc-acceptance_notice"][data-service="已送达"]').waitFor();
    await screenshot(page, 'service-arbitration-modal');
    await page.keyboard.press('Escape');
    expect(await row.getByTestId('service-line').textContent()).toContain('送达甲：直接送达·已送达（');
    await screenshot(page, 'service-arbitration');
    await page.context().close();

    const phone = await signInAs({ server, browser }, 'clerk', PHONE);
    await phone.goto(`${server.url}/arbitration/cases/${caseId}`);
    await phone.locator('[data-testid="doc-acceptance_notice"][data-service="已送达"]').waitFor();
    // The documents block itself fits the phone; the arbitration page as a whole still overflows at
    // 360 px (other sections, issue #14 item 11 open), so the page width is not asserted here.
    const card = await phone.getByTestId('document-service-card').boundingBox();
    expect(card!.x + card!.width).toBeLessThanOrEqual(PHONE.width);
    await screenshot(phone, 'service-arbitration-phone');
    await phone.context().close();
  });

  it('issues the 管辖告知书 from the intake warning on the matter page and serves it to the portal', async () => {
    const p = await places(env);
    const b = intakeBody(p.zengdu, { facts: { workplace: '武汉市东西湖区工地' } }) as any;
    b.workers[0].name = '管辖乙';
    b.employers[0].address = '湖北省武汉市江汉区建设大道100号';
    const r = await clerk.post('/api/intake', b);
    expect(r.status, JSON.stringify(r.body)).toBe(201);

    for (const [viewport, name] of [
      [DESKTOP, 'desktop'],
      [PHONE, 'phone'],
    ] as const) {
      const page = await signInAs({ server, browser }, 'clerk', viewport);
      await page.goto(`${server.url}/matters/${r.body.id}`);
      const card = page.getByTestId('jurisdiction-card');
      await card.waitFor();
      if (name === 'desktop') {
        const consent = page.getByTestId('jurisdiction-consent');
        expect(await consent.isChecked()).toBe(false);
        // The warning names the competent commission from the workplace; the letter starts from it.
        await card
          .getByText(
            '应告知向有管辖权的仲裁委员会（武汉市东西湖区劳动人事争议仲裁委员会或武汉市江汉区劳动人事争议仲裁委员会）申请',
          )
          .waitFor();
        expect(await page.getByTestId('jurisdiction-commission').inputValue()).toBe(
          '武汉市东西湖区劳动人事争议仲裁委员会',
        );
        await consent.check();
        await page.getByTestId('jurisdiction-issue').click();
      }
      const row = card.getByTestId('doc-jurisdiction_notice');
      await row.waitFor({ timeout: 20_000 });
      await drainJobs();
      await card
        .locator('[data-testid="doc-jurisdiction_notice"][data-state="已签发"]')
        .waitFor({ timeout: 20_000 });
      expect(await row.getAttribute('data-service')).toBe('送达中');
      expect(await row.getByTestId('service-line').textContent()).toBe('管辖乙：电子送达·待送达');
      if (name === 'phone') expect(await noOverflow(page)).toBe(true);
      await screenshot(page, `jurisdiction-notice-${name}`);
      await page.context().close();
    }
  });
});
