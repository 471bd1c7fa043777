import { writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../apps/server/src/bootstrap';
import { application, seedCalendars } from '../../apps/server/test/arbitration.support';
import { newMatter, places } from '../../apps/server/test/cases.support';
import { type Client, signedIn, type TestEnv } from '../../apps/server/test/harness';
import { launchBrowser, screenshot } from '../support/browser';
import { startProduct } from '../support/server';
import { signInAs } from '../support/visit';

/** Window effort of the acceptance flow: screens seen and user actions (clicks, keystroke fields). */
const effort = { screens: new Set<string>(), actions: 0 };
const act = async (p: Promise<unknown>) => {
  effort.actions += 1;
  await p;
};

describe('arbitration at the window in Chromium', () => {
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

  // 张敏: 一人多岗 — she takes the application at the window and, as arbitrator, decides acceptance.
  const zhangmin = (): Promise<Page> => signInAs({ server, browser }, 'zhangmin');

  const drainJobs = async () => {
    while ((await server.app.ctx.jobs.runOnce()) > 0) {
      /* render the issued PDFs */
    }
  };

  it('a second applicant with missing materials gets a 补正通知书 listing every missing item', async () => {
    const p = await places(env);
    const m = await newMatter(clerk, p.zengdu, { worker: '刘二娃' });
    const page = await zhangmin();
    await page.goto(`${server.url}/matters/${m.id}`);
    await page.getByTestId('arbitration-apply').click();
    await page.getByTestId('apply-submit').click();
    const list = page.getByTestId('correction-list');
    await list.waitFor({ timeout: 20_000 });
    await screenshot(page, 'arbitration-correction');
    const cases = (await clerk.get(`/api/arbitration/cases?matterId=${m.id}`)).body.items;
    const view = (await clerk.get(`/api/arbitration/cases/${cases[0].caseId}`)).body;
    expect(view.state).toBe('needs_correction');
    expect(view.missingItems.length).toBeGreaterThanOrEqual(5);
    const shown = await list.locator('li').allInnerTexts();
    expect(shown).toEqual(view.missingItems);
    const doc = view.documents.find((d: { type: string }) => d.type === 'correction_notice');
    const fields = (await clerk.get(`/api/documents/${doc.id}`)).body.fields;
    expect(fields.missingItems).toEqual(view.missingItems);
  });

  it('a wage-arrears application is accepted with a same-day 受理通知书 that prints', async () => {
    const p = await places(env);
    const m = await newMatter(clerk, p.zengdu, { worker: '陈大山' });
    const page = await zhangmin();
    await act(page.goto(`${server.url}/matters/${m.id}`));
    effort.screens.add('维权事项页');
    await act(page.getByTestId('arbitration-apply').click());
    effort.screens.add('收取仲裁申请（初审）弹窗');
    for (const label of [
      '仲裁申请书',
      '申请人身份证明',
      '被申请人主体资格材料（营业执照或登记信息）',
      '证据材料',
    ]) {
      await act(page.getByLabel(label, { exact: true }).check());
    }
    await act(page.getByTestId('apply-evidence').fill('考勤记录'));
    await act(page.getByTestId('apply-copies').fill('1'));
    await act(page.getByTestId('apply-signed').click());
    await act(page.getByTestId('apply-submit').click());
    await page.getByTestId('same-day-banner').waitFor({ timeout: 20_000 });
    await screenshot(page, 'arbitration-same-day');
    await act(page.getByTestId('arbitration-accept').click());
    const print = page.getByTestId('print-acceptance_notice');
    await print.waitFor({ timeout: 20_000 });
    await drainJobs();
    const [popup] = await Promise.all([page.waitForEvent('popup'), act(print.click())]);
    await popup.waitForLoadState('domcontentloaded');
    const url = popup.url();
    expect(url).toMatch(/\/api\/documents\/[0-9a-f-]+\/pdf$/);
    const pdf = await page.request.get(url);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const cases = (await clerk.get(`/api/arbitration/cases?matterId=${m.id}`)).body.items;
    const view = (await clerk.get(`/api/arbitration/cases/${cases[0].caseId}`)).body;
    expect(view.state).toBe('accepted');
    const notice = view.documents.find((d: { type: string }) => d.type === 'acceptance_notice');
    expect(notice.issuedDate).toBe(today);
    const pending = (await clerk.get('/api/arbitration/day-close')).body.pending.map(
      (x: { caseId: string }) => x.caseId,
    );
    expect(pending).not.toContain(view.caseId);
    await screenshot(page, 'arbitration-accepted');
    console.log(
      `窗口工作量（收件→受理→打印受理通知书）：界面 ${effort.screens.size} 个（${[...effort.screens].join('、')}），操作 ${effort.actions} 次`,
    );
    expect(effort.screens.size).toBeLessThanOrEqual(2);
    expect(effort.actions).toBeLessThanOrEqual(12);
  });

  it('a withdrawal on the case page issues a 准予撤回仲裁申请决定书 that prints', async () => {
    const p = await places(env);
    const m = await newMatter(clerk, p.zengdu, { worker: '周小河' });
    const body = await application(clerk, { id: m.id, claims: m.claims });
    const caseId = body.case.caseId as string;
    const director = await signedIn(env, 'director');
    expect((await director.post(`/api/arbitration/cases/${caseId}/accept`, {})).status).toBe(200);
    const liqiang = await signedIn(env, 'liqiang');
    expect((await liqiang.post(`/api/arbitration/cases/${caseId}/serve-respondent`, {})).status).toBe(200);
    const page = await zhangmin();
    await page.goto(`${server.url}/arbitration/cases/${caseId}`);
    // The applicant first lowers the amount claimed (变更仲裁请求): the award period restarts.
    await page.getByTestId('proceedings-change').click();
    const dialog = page.locator('.ant-modal:visible');
    await dialog.locator('input.ant-input-number-input').first().fill('8000');
    await page.getByTestId('proceedings-reason').fill('申请人书面申请变更请求金额');
    await page.getByTestId('proceedings-submit').click();
    await expect
      .poll(async () => (await clerk.get(`/api/arbitration/cases/${caseId}`)).body.claims[0].amountFen, {
        timeout: 15_000,
      })
      .toBe(800_000);
    // The respondent's defence arrives and is recorded from the same box.
    await page.getByTestId('proceedings-defence').click();
    await page.getByTestId('proceedings-reason').fill('被申请人辩称已支付部分工资');
    await page.getByTestId('proceedings-submit').click();
    await expect
      .poll(
        async () =>
          (await clerk.get(`/api/arbitration/cases/${caseId}`)).body.records.some(
            (r: { kind: string }) => r.kind === 'defence',
          ),
        { timeout: 15_000 },
      )
      .toBe(true);
    await page.getByTestId('proceedings-withdraw').click();
    await page.getByTestId('proceedings-reason').fill('双方已自行和解，被申请人已支付工资');
    await page.getByTestId('proceedings-submit').click();
    const print = page.getByTestId('print-withdrawal_decision');
    await print.waitFor({ timeout: 20_000 });
    await drainJobs();
    await screenshot(page, 'arbitration-withdrawn');
    const view = (await clerk.get(`/api/arbitration/cases/${caseId}`)).body;
    expect(view.state).toBe('withdrawn');
    const doc = view.documents.find((d: { type: string }) => d.type === 'withdrawal_decision');
    expect(doc.number).toMatch(/^随劳人仲撤字/);
    const pdf = await page.request.get(`${server.url}/api/documents/${doc.id}/pdf`);
    expect(pdf.status()).toBe(200);
    const bytes = await pdf.body();
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    writeFileSync('/tmp/onestop-e2e-withdrawal-decision.pdf', bytes);
  });
});
