import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../apps/server/src/bootstrap';
import { loadConfig } from '../../apps/server/src/config/env';
import { phoneHash } from '../../apps/server/src/modules/parties/parties.service';
import { addArbitrator, application, seedCalendars } from '../../apps/server/test/arbitration.support';
import { newMatter, places } from '../../apps/server/test/cases.support';
import { type Client, signedIn, type TestEnv } from '../../apps/server/test/harness';
import { SmsGateway } from '../../apps/server/test/portal.support';
import { DESKTOP, launchBrowser, newContext, PHONE, screenshot } from '../support/browser';
import { signInAs } from '../support/visit';
import { portalSignIn } from '../support/portal';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const WORKER_PHONE = '13812346701';
const WORKER = '书面审';
/** A 4x4 grey PNG standing for a photographed pay slip. */
const PAY_SLIP_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAAAAACMmsGiAAAADklEQVR4nGNoAAIGVAIAUBQIAXAlrj8AAAAASUVORK5CYII=',
  'base64',
);
const STATEMENT = '被申请人拖欠我2026年8月至10月工资共12500元，工资条照片附后，请求依法裁决支付。';

/**
 * 书面审理 (issue #20) in Chromium: the arbitrator orders a simplified case heard on the papers through
 * the case page's form, the worker on a 360 px phone sees the order and the deadline and submits a
 * statement with a photographed pay slip, and the staff card shows it.
 */
describe('written hearing in Chromium', () => {
  const sms = new SmsGateway();
  let server: RunningServer;
  let env: TestEnv;
  let browser: Browser;
  let clerk: Client;

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
        STORAGE_DIR: mkdtempSync(path.join(tmpdir(), 'onestop-written-e2e-')),
        SMS_PROVIDER: 'http',
        SMS_HTTP_URL: sms.url,
      }),
    );
    env = { server, url: server.url, databaseUrl: undefined } as TestEnv;
    browser = await launchBrowser();
    clerk = await signedIn(env, 'clerk');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await sms.stop();
  });

  /** An accepted, simplified case served on the respondent, with a sole arbitrator; the worker's phone registered. */
  async function simplifiedCase() {
    const p = await places(env);
    const director = await signedIn(env, 'director');
    const liqiang = await signedIn(env, 'liqiang');
    await seedCalendars(env);
    const arbId = await addArbitrator(env, 'arb_e2e_written', '文仲裁');
    const m = await newMatter(clerk, p.zengdu, { worker: WORKER, employer: '随州市书面审理测试有限公司' });
    const app = await application(clerk, { id: m.id, claims: [m.claims[0]!] });
    const caseId = app.case.caseId as string;
    expect((await director.post(`/api/arbitration/cases/${caseId}/accept`, {})).status).toBe(200);
    expect((await liqiang.post(`/api/arbitration/cases/${caseId}/serve-respondent`, {})).status).toBe(200);
    const s = await liqiang.post(`/api/arbitration/cases/${caseId}/simplified`, {
      apply: true,
      reason: '欠薪事实清楚，标的额小',
    });
    expect(s.status, JSON.stringify(s.body)).toBe(200);
    const t = await liqiang.post(`/api/arbitration/cases/${caseId}/tribunal`, { arbitratorIds: [arbId] });
    expect(t.status, JSON.stringify(t.body)).toBe(200);
    const detail = (await clerk.get(`/api/matters/${m.id}`)).body;
    const { ctx } = server.app;
    await ctx.database.db
      .updateTable('party')
      .set({ phone_enc: ctx.cipher.encrypt(WORKER_PHONE), phone_hash: phoneHash(ctx.cipher, WORKER_PHONE) })
      .where('id', '=', detail.workers[0].id)
      .execute();
    return caseId;
  }

  it('the arbitrator orders it, the worker submits a statement with a photo on the phone, the card shows it', async () => {
    const caseId = await simplifiedCase();

    // The arbitrator, on the case page: the step is offered; the form asks for both parties' agreement.
    const staff = await signInAs({ server, browser }, 'arb_e2e_written', DESKTOP);
    await staff.goto(`${server.url}/arbitration/cases/${caseId}`);
    await staff.locator('[data-testid="written-hearing-order"]:enabled').waitFor({ timeout: 20_000 });
    await staff.getByTestId('written-hearing-order').click();
    await staff.getByTestId('written-hearing-submit').click();
    await staff.getByText('书面审理须经双方当事人同意').first().waitFor();
    await staff.getByTestId('written-hearing-agreed').check();
    await staff.getByTestId('written-hearing-note').fill('双方已书面同意不开庭，同意书附卷');
    await staff.getByTestId('written-hearing-submit').click();
    await staff.getByTestId('written-submissions').waitFor({ timeout: 20_000 });
    const pending = staff.locator('[data-testid="written-worker-statement"][data-submitted="false"]');
    await pending.waitFor();
    const view = (await clerk.get(`/api/arbitration/cases/${caseId}/written-hearing`)).body;
    expect(view.statementOpen).toBe(true);

    // The worker on a 360 px phone: 我的事项 lists the written hearing; the order, the deadline, the form.
    const worker = await (await newContext(browser, PHONE)).newPage();
    await portalSignIn(worker, server.url, sms, WORKER_PHONE);
    await worker.goto(`${server.url}/m/matters`);
    await worker.getByTestId('written-item').click();
    await worker.getByTestId('written-order').waitFor();
    const statementDue = view.statementDue as string;
    const [y, mo, d] = statementDue.split('-').map(Number);
    expect(await worker.getByTestId('written-statement-due').textContent()).toContain(
      `${y}年${mo}月${d}日前`,
    );
    await worker.getByTestId('written-text').fill(STATEMENT);
    await worker.getByTestId('written-album').setInputFiles({
      name: '工资条.png',
      mimeType: 'image/png',
      buffer: PAY_SLIP_PNG,
    });
    await worker.getByTestId('written-files').getByText('工资条').waitFor({ timeout: 20_000 });
    await screenshot(worker, 'written-hearing-worker-form-phone');
    await worker.locator('[data-testid="written-submit"]:enabled').click();
    const mine = worker.getByTestId('written-mine-statement');
    await mine.waitFor({ timeout: 20_000 });
    expect(await mine.textContent()).toContain(STATEMENT);
    // Before the employer's statement (or the end of the period) the worker sees no papers of the other side.
    expect(await worker.getByTestId('written-theirs').textContent()).toContain('双方都提交陈述意见后');
    await screenshot(worker, 'written-hearing-worker-submitted-phone');

    // The staff card picks it up (it polls): the statement and the evidence, the next step still waiting.
    const done = staff.locator('[data-testid="written-worker-statement"][data-submitted="true"]');
    await done.waitFor({ timeout: 30_000 });
    const text = (await done.textContent()) ?? '';
    expect(text).toContain(STATEMENT);
    expect(text).toMatch(/所附证据：工资条\.(png|jpg)/);
    expect(await staff.getByTestId('written-hearing-next').textContent()).toContain('下一步：等待双方提交');
    await screenshot(staff, 'written-hearing-staff-page');
    await staff
      .getByTestId('written-hearing-card')
      .screenshot({ path: path.join(ROOT, 'e2e/screens/written-hearing-staff-card.png') });
  }, 180_000);
});
