import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../apps/server/src/bootstrap';
import { application, seedCalendars } from '../../apps/server/test/arbitration.support';
import { newMatter, places } from '../../apps/server/test/cases.support';
import { signedIn, type TestEnv } from '../../apps/server/test/harness';
import { DESKTOP, launchBrowser, newContext, PHONE, screenshot } from '../support/browser';
import { LoginPage } from '../support/pages';
import { startProduct } from '../support/server';

/**
 * Issue #13: the 立案审批表 is approved by the leader in the app (待我审批 on the 工作台), and the
 * arbitration page offers the steps that issue their own documents.
 */
describe('arbitration approvals and document steps (Chromium)', () => {
  let server: RunningServer;
  let browser: Browser;
  let env: TestEnv;

  beforeAll(async () => {
    server = await startProduct();
    env = { server, url: server.url, databaseUrl: undefined };
    browser = await launchBrowser();
    await seedCalendars(env);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the director approves the filing on the 工作台; the form carries his name', async () => {
    const clerk = await signedIn(env, 'clerk');
    const liqiang = await signedIn(env, 'liqiang');
    const director = await signedIn(env, 'director');
    const p = await places(env);
    const m = await newMatter(clerk, p.zengdu, { worker: '钱审批' });
    const caseId = (await application(clerk, { id: m.id, claims: m.claims })).case.caseId as string;
    const req = await liqiang.post(`/api/arbitration/cases/${caseId}/filing-approval`, {
      opinion: '材料齐全，属于本委受理范围，建议受理',
    });
    expect(req.status, JSON.stringify(req.body)).toBe(200);
    const approvalId = req.body.approvalId as string;

    for (const [viewport, name] of [
      [PHONE, 'approvals-home-phone'],
      [DESKTOP, 'approvals-home-desktop'],
    ] as const) {
      const context = await newContext(browser, viewport);
      const page = await context.newPage();
      const login = new LoginPage(page, server.url);
      await login.open();
      await login.signInAndWait('director', 'Onestop@2026');
      await page.getByTestId(`approval-${approvalId}`).waitFor({ timeout: 20_000 });
      expect(await page.getByTestId(`approval-${approvalId}`).textContent()).toContain('立案审批');
      await screenshot(page, name);
      if (viewport === DESKTOP) {
        await page.getByLabel('审批意见').first().fill('同意受理');
        await page.getByTestId(`approve-${approvalId}`).click();
        await page.getByTestId(`approval-${approvalId}`).waitFor({ state: 'detached', timeout: 20_000 });
      }
      await context.close();
    }
    const listed = await director.get(`/api/arbitration/cases/${caseId}/approvals`);
    expect(listed.body.items.map((x: any) => [x.state, x.decidedByName, x.comment])).toEqual([
      ['approved', '吴建国', '同意受理'],
    ]);
  });

  it('the case page offers the document steps of an accepted case', async () => {
    const clerk = await signedIn(env, 'clerk');
    const director = await signedIn(env, 'director');
    const p = await places(env);
    const m = await newMatter(clerk, p.zengdu, { worker: '钱文书' });
    const caseId = (await application(clerk, { id: m.id, claims: m.claims })).case.caseId as string;
    const acc = await director.post(`/api/arbitration/cases/${caseId}/accept`, {});
    expect(acc.status, JSON.stringify(acc.body)).toBe(200);
    for (const [viewport, name] of [
      [DESKTOP, 'arbitration-document-steps-desktop'],
      [PHONE, 'arbitration-document-steps-phone'],
    ] as const) {
      const context = await newContext(browser, viewport);
      const page = await context.newPage();
      const login = new LoginPage(page, server.url);
      await login.open();
      await login.signInAndWait('liqiang', 'Onestop@2026');
      await page.goto(`${server.url}/arbitration/cases/${caseId}`);
      await page.getByTestId('docstep-filing').waitFor({ timeout: 20_000 });
      await page.getByTestId('docstep-filing').click();
      await page.getByText('审批人的姓名和日期由审批人本人在工作台审批时生成').waitFor({ timeout: 10_000 });
      await screenshot(page, name);
      await context.close();
    }
  });
});
