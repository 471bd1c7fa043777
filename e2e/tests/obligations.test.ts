import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../apps/server/src/bootstrap';
import { loadConfig } from '../../apps/server/src/config/env';
import { places } from '../../apps/server/test/cases.support';
import { agreementInTwoInstalments } from '../../apps/server/test/obligations.support';
import { SmsGateway } from '../../apps/server/test/portal.support';
import { DESKTOP, launchBrowser, newContext, PHONE, screenshot } from '../support/browser';
import { signInAs } from '../support/visit';
import { setBusinessDate } from '../support/server';
import { portalSignIn } from '../support/portal';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// The intake fixture's worker phone: the portal account of the agreement's worker.
const WORKER_PHONE = '13871234567';
// A real 1x1 PNG the phone's canvas can draw and compress.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** Issue #21: the worker declares a payment received with a photo on a 360 px phone; staff confirm it. */
describe('paid, not just won: payment declared on the phone, confirmed by staff', () => {
  const sms = new SmsGateway();
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    await sms.start();
    server = await startServer(
      loadConfig({
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: '0',
        LOG_LEVEL: 'warn',
        PGLITE_DIR: 'memory://',
        DEMO_MODE: 'true',
        WEB_DIST: path.join(ROOT, 'apps/web/dist'),
        JOBS_ENABLED: 'false',
        STORAGE_DIR: mkdtempSync(path.join(tmpdir(), 'onestop-h21-e2e-')),
        SMS_PROVIDER: 'http',
        SMS_HTTP_URL: sms.url,
      }),
    );
    browser = await launchBrowser();
  });
  afterAll(async () => {
    setBusinessDate(server, null);
    await browser?.close();
    await server?.close();
    await sms.stop();
  });

  it('the worker declares the first instalment with a photo; the mediator confirms it and it turns paid', async () => {
    const env = { server, url: server.url, databaseUrl: undefined };
    setBusinessDate(server, '2026-12-08');
    const a = await agreementInTwoInstalments(env, await places(env), '手机收款');

    // The worker, on a 360 px phone.
    const phone = await (await newContext(browser, PHONE)).newPage();
    await portalSignIn(phone, server.url, sms, WORKER_PHONE);
    await phone.goto(`${server.url}/m/matters/${a.matterId}`);
    const card = phone.getByTestId('obligations');
    await card.waitFor();
    const first = phone.getByTestId('obligation-1');
    expect(await first.getByTestId('obligation-status').textContent()).toBe('待履行');
    await first.getByTestId('declare-open').click();
    expect(await first.getByTestId('declare-amount').inputValue()).toBe('4000.00');
    await first
      .getByTestId('pay-1-album')
      .setInputFiles({ name: '转账记录.png', mimeType: 'image/png', buffer: PNG });
    await first.getByTestId('pay-1-files').waitFor();
    await first.getByTestId('declare-submit').click();
    await first.getByText('已申报收款，等待工作人员确认。').waitFor();
    // Nothing wider than the phone.
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(phone, 'obligations-portal-360');

    // The mediator confirms it on the matter page.
    const desk = await signInAs({ server, browser }, 'zhangmin', DESKTOP);
    await desk.goto(`${server.url}/matters/${a.matterId}`);
    const panel = desk.locator('[data-testid="obligations-panel"][data-ready="true"]');
    await panel.waitFor();
    await panel.getByText('手机收款（网上）申报 · 待确认').waitFor();
    await panel.getByTestId('confirm-payment').click();
    await panel.locator('[data-status="paid"]').waitFor();
    expect(await panel.locator('[data-status="paid"]').getByTestId('obligation-status').textContent()).toBe(
      '已履行',
    );
    await screenshot(desk, 'obligations-matter-1366');

    // Back on the phone: paid.
    await phone.reload();
    await phone.locator('[data-testid="obligation-1"][data-status="paid"]').waitFor();
    expect(await phone.getByTestId('obligation-1').getByTestId('obligation-status').textContent()).toBe(
      '已履行',
    );
  });
});
