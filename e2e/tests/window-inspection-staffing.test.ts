import type { Browser, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../apps/server/src/bootstrap';
import { runJobs } from '../../apps/server/test/documents.support';
import { Client } from '../../apps/server/test/harness';
import { creditCode, residentId } from '../../apps/server/test/intake-fixtures';
import { pdftotext, squash, writeTemp } from '../../apps/server/src/modules/documents/render/testing/poppler';
import { DESKTOP, launchBrowser, newContext, PHONE, screenshot } from '../support/browser';
import { LoginPage } from '../support/pages';
import { startProduct } from '../support/server';

const DEMO = 'Onestop@2026';
const TWO_RULE = '调查须由两名以上监察员进行（《劳动保障监察条例》第十六条），请至少选择两名监察员';

/**
 * Issue 14, item 8: a city-level inspection case runs end to end on the demo staff. The 负责人 assigns
 * the inspectors in the dialog, which refuses one inspector and says why (《劳动保障监察条例》第十六条:
 * investigation by at least two inspectors); the 结案审批表 names the approving 负责人, not the handler;
 * opening the case page never shows the director a refusal toast.
 */
describe('inspection staffing at the city detachment (two inspectors, approvals by the 负责人)', () => {
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

  async function api(username: string) {
    const c = new Client(server.url);
    await c.login(username, DEMO);
    return c;
  }

  /** A signed-in page that records every refused API request (403) the page makes by itself. */
  async function signedInPage(username: string, viewport = DESKTOP) {
    const page = await (await newContext(browser, viewport)).newPage();
    const refused: string[] = [];
    page.on('response', (r: Response) => {
      if (r.status() === 403 && r.url().includes('/api/')) refused.push(`${r.request().method()} ${r.url()}`);
    });
    const login = new LoginPage(page, server.url);
    await login.open();
    await login.signInAndWait(username, DEMO);
    return { page, refused };
  }

  async function state(page: Page, text: string) {
    await page.getByTestId('inspection-state').filter({ hasText: text }).first().waitFor({ timeout: 20_000 });
  }

  async function cityComplaint(employer: string, code: string, seq: number) {
    const admin = await api('admin');
    const items = (await admin.get('/api/admin/jurisdictions')).body.items as { id: string; name: string }[];
    const clerk = await api('clerk');
    const r = await clerk.post('/api/inspection/cases', {
      source: 'complaint',
      channel: 'window',
      jurisdictionId: items.find((x) => x.name === '随州市')!.id,
      violationEndedOn: '2026-10-31',
      complainant: { name: '周立新', idType: 'resident_id', idNumber: residentId('19850312', 600 + seq) },
      employer: { name: employer, creditCode: creditCode(code) },
      violations: [{ type: 'unpaid_wages', amountFen: 960_000, facts: '拖欠2026年9月至10月工资' }],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.caseId as string;
  }

  it('the director opens a case without a refusal; the dialog refuses one inspector and takes two (desktop and phone)', async () => {
    for (const [viewport, name] of [
      [DESKTOP, 'desktop'],
      [PHONE, 'phone'],
    ] as const) {
      const caseId = await cityComplaint(
        `随州市两人调查测试${name}有限公司`,
        name === 'desktop' ? 'MA4W0081' : 'MA4W0082',
        name === 'desktop' ? 1 : 2,
      );
      const { page, refused } = await signedInPage('director', viewport);
      await page.goto(`${server.url}/inspection/cases/${caseId}`);
      await state(page, '已登记');
      // The step is enabled once the inspectors it offers have loaded (data-ready).
      await page.locator('[data-testid="step-assignInspectors"][data-ready="true"]').click();
      const dialog = page.locator('.ant-modal:visible');
      await dialog.getByTestId('field-userIds').click();
      await page.getByTitle('陈刚（监察员）').click();
      await page.keyboard.press('Escape');
      await dialog.getByTestId('action-ok').click();
      await dialog.getByText(TWO_RULE).waitFor();
      await screenshot(page, `window-inspection-two-rule-${name}`);
      // Nothing was assigned: the form never submitted one inspector.
      const inspector = await api('inspector');
      expect((await inspector.get(`/api/inspection/cases/${caseId}`)).body.inspectors).toEqual([]);

      await dialog.getByTestId('field-userIds').click();
      await page.getByTitle('刘伟（监察员）').click();
      await page.keyboard.press('Escape');
      await dialog.getByTestId('action-ok').click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByTestId('inspection-case').filter({ hasText: '陈刚（主办）、刘伟' }).waitFor();
      const detail = (await inspector.get(`/api/inspection/cases/${caseId}`)).body;
      expect(detail.inspectors.map((i: { name: string }) => i.name)).toEqual(['陈刚', '刘伟']);
      if (name === 'phone') {
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      }
      await screenshot(page, `window-inspection-two-assigned-${name}`);
      // The director's page asks only for what he may see: no refused request, no refusal toast.
      expect(refused).toEqual([]);
      expect(await page.getByText('您没有执行此操作的权限').count()).toBe(0);
      await page.context().close();
    }
  });

  it('city case end to end with two demo inspectors: 立案 approved, investigated, 结案审批表 names the 负责人', async () => {
    const caseId = await cityComplaint('随州市全程监察测试有限公司', 'MA4W0083', 3);
    const director = await api('director');
    const ids = await Promise.all(
      ['inspector', 'inspector2'].map(async (u) => (await (await api(u)).get('/api/auth/me')).body.user.id),
    );
    expect((await director.post(`/api/inspection/cases/${caseId}/inspectors`, { userIds: ids })).status).toBe(
      200,
    );

    const { page } = await signedInPage('inspector');
    await page.goto(`${server.url}/inspection/cases/${caseId}`);
    await page.getByTestId('step-requestFiling').click();
    await page.getByTestId('field-reason').fill('涉嫌拖欠劳动者工资');
    await page.getByTestId('action-ok').click();
    await page.getByTestId('approval-filing-pending').waitFor();
    const { page: head, refused } = await signedInPage('director');
    await head.goto(`${server.url}/inspection/cases/${caseId}`);
    await head.getByTestId('approve-filing').click();
    await state(head, '已立案');
    await page.reload();
    await page.getByTestId('step-startInvestigation').click();
    // Two inspectors at the city detachment: the investigation starts (it was refused with one).
    await state(page, '调查中');
    await page.getByTestId('step-endInvestigation').click();
    await page.getByTestId('field-reason').fill('经核查工资已于立案前足额支付，投诉内容不实');
    await page.getByTestId('action-ok').click();
    await page.getByTestId('approval-revocation-pending').waitFor();
    await head.reload();
    await head.getByTestId('approve-revocation').click();
    await state(head, '终结调查');
    await page.reload();
    await page.getByTestId('step-close').click();
    await page.getByTestId('field-resultText').fill('经调查投诉内容不实，终结调查');
    await page.getByTestId('action-ok').click();
    await page.getByTestId('approval-closing-pending').waitFor();
    // The inspector (handler) cannot approve his own 结案: the button is the 负责人's.
    expect(await page.getByTestId('approve-closing').count()).toBe(0);
    await head.reload();
    await head.getByTestId('approve-closing').click();
    await state(head, '已结案');
    await screenshot(head, 'window-inspection-city-closed');
    expect(refused).toEqual([]);

    const inspector = await api('inspector');
    const detail = (await inspector.get(`/api/inspection/cases/${caseId}`)).body;
    const doc = detail.documents.find((d: { type: string }) => d.type === 'inspection_closing_approval');
    const fields = (await inspector.get(`/api/documents/${doc.id}`)).body.fields;
    expect(fields.approver).toBe('吴建国');
    expect(fields.inspectors).toBe('陈刚（主办）、刘伟');
    await runJobs({ server, url: server.url, databaseUrl: undefined });
    const res = await fetch(`${server.url}/api/documents/${doc.id}/pdf`, {
      headers: { cookie: inspector.cookie ?? '' },
    });
    expect(res.status).toBe(200);
    const text = squash(pdftotext(writeTemp(`closing-${caseId}.pdf`, Buffer.from(await res.arrayBuffer()))));
    expect(text).toContain('吴建国');
    await page.context().close();
    await head.context().close();
  });
});
