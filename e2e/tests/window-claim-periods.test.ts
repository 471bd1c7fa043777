import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../apps/server/src/bootstrap';
import { pdftotext, squash, writeTemp } from '../../apps/server/src/modules/documents/render/testing/poppler';
import { runJobs } from '../../apps/server/test/documents.support';
import { Client } from '../../apps/server/test/harness';
import { residentId } from '../../apps/server/test/intake-fixtures';
import { DESKTOP, launchBrowser, PHONE, screenshot } from '../support/browser';
import { registerMatter } from '../support/pages';
import { signInAs } from '../support/visit';
import { startProduct } from '../support/server';

const DEMO = 'Onestop@2026';
const AUG = '支付拖欠工资（2026年8月）';
const SEP = '支付拖欠工资（2026年9月）';
const OCT = '支付拖欠工资（2026年10月）';

const month = (from: string, to: string, facts: string) => ({
  type: 'unpaid_wages',
  amountFen: 450_000,
  periodFrom: from,
  periodTo: to,
  facts,
});

/**
 * Issue 14, item 9: a worker claims three months of wages. Every list and document names each item by
 * its period (and number): the matter's claims, the 调解建议书, the 调解协议书 and the arbitration
 * request of the item the employer refused; the matter's limitation warning is given once, naming the
 * three items.
 */
describe('claims told apart by their period (three monthly wage items)', () => {
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

  function signedInPage(username: string, viewport = DESKTOP): Promise<Page> {
    return signInAs({ server, browser }, username, viewport);
  }

  async function pdfText(id: string): Promise<string> {
    await runJobs({ server, url: server.url, databaseUrl: undefined });
    const c = new Client(server.url);
    await c.login('gsclerk', DEMO);
    const res = await fetch(`${server.url}/api/documents/${id}/pdf`, { headers: { cookie: c.cookie ?? '' } });
    expect(res.status).toBe(200);
    // Page numbers (—1—) sit between a page's last line and the next page's first: drop them.
    return squash(pdftotext(writeTemp(`periods-${id}.pdf`, Buffer.from(await res.arrayBuffer())))).replace(
      /—\d+—/g,
      '',
    );
  }

  it('the matter, the proposal, the agreement and the arbitration request name each month; one warning', async () => {
    const page = await signedInPage('gsclerk');
    const matterId = await registerMatter(page, '广水市', {
      workers: [
        {
          name: '胡三月',
          idType: 'resident_id',
          idNumber: residentId('19870415', 731, '421381'),
          migrantWorker: true,
        },
      ],
      employers: [{ name: '广水市月月红食品有限公司' }],
      claims: [
        month('2026-08-01', '2026-08-31', '8月工资未发'),
        month('2026-09-01', '2026-09-30', '9月工资未发'),
        month('2026-10-01', '2026-10-31', '10月工资未发'),
      ],
      narrative: '在食品厂做包装工，8月至10月工资未发。',
    });

    // The matter's claims list: item number and period on every row; the limitation warning once.
    await page.goto(`${server.url}/matters/${matterId}`);
    const warning = page.getByTestId('triage-warning');
    await warning.first().waitFor({ timeout: 20_000 });
    const warnings = await warning.allInnerTexts();
    // One warning for the three items, naming each by its period.
    expect(warnings).toEqual([
      `“${AUG}”、“${SEP}”、“${OCT}”：劳动关系存续期间因拖欠劳动报酬发生争议的，申请仲裁不受一年时效限制；劳动关系终止的，应自终止之日起一年内提出\n依据：《劳动争议调解仲裁法》第二十七条第四款`,
    ]);
    // The routing recommendations name the items by period too (not “支付拖欠工资” three times).
    const triage = page.locator('.ant-card').filter({ has: page.getByTestId('triage-warning') });
    expect(await triage.textContent()).toContain(`“${AUG}”、“${SEP}”、“${OCT}”属于劳动争议`);
    const claimRows = page.locator('.ant-card', { hasText: '诉求' }).locator('tbody tr.ant-table-row');
    const labels = (await claimRows.allInnerTexts()).map((t) => t.split('\t')[0]);
    expect(labels).toEqual([`第1项 ${AUG}`, `第2项 ${SEP}`, `第3项 ${OCT}`]);
    expect(await claimRows.first().textContent()).toContain('2026年8月');
    await screenshot(page, 'window-periods-matter');

    // Mediation at the window: the proposal lists the three months.
    const panel = page.getByTestId('mediation-panel');
    await panel.getByTestId('consent-window').click();
    await panel.getByTestId('proposal-form').waitFor({ timeout: 20_000 });
    for (const [i, label] of [AUG, SEP, OCT].entries()) {
      expect(await panel.getByTestId(`proposal-item-${i}`).locator('strong').first().textContent()).toBe(
        `${i + 1}. ${label}（请求¥4,500.00）`,
      );
    }
    await screenshot(page, 'window-periods-proposal-form');
    await panel.getByTestId('proposal-submit').click();
    await panel.getByTestId('replies-form').waitFor({ timeout: 20_000 });
    // The employer refuses September only.
    await panel.getByTestId('reply-employer-1').click();
    await panel.getByTestId('replies-submit').click();
    await panel.getByTestId('agreement-form').waitFor({ timeout: 20_000 });
    await panel.getByTestId('agreement-submit').click();
    await panel.getByTestId('mediation-state').getByText('部分达成协议').waitFor({ timeout: 20_000 });
    await screenshot(page, 'window-periods-agreement');

    const ids = await page.evaluate(async (id) => {
      const m = await (await fetch(`/api/matters/${id}/mediation`)).json();
      const c = m.cases[0];
      const docs = await (await fetch(`/api/documents?subjectType=case&subjectId=${c.id}`)).json();
      return {
        arbitrationId: c.arbitrationCase.id as string,
        docs: docs.items.map((d: { id: string; type: string }) => [d.type, d.id]) as [string, string][],
      };
    }, matterId);
    const doc = (type: string) => ids.docs.find(([t]) => t === type)![1];
    const proposal = await pdfText(doc('mediation_proposal'));
    for (const label of [AUG, SEP, OCT]) expect(proposal).toContain(label);
    const agreement = await pdfText(doc('mediation_agreement'));
    expect(agreement).toContain(`争议事项：${AUG}、${SEP}、${OCT}经调解`);
    expect(agreement).toContain(
      `1．乙方向甲方支付拖欠工资（2026年8月）人民币4,500.00元2．乙方向甲方支付拖欠工资（2026年10月）人民币4,500.00元3．其余请求事项（${SEP}）未达成一致，由甲方依法申请仲裁`,
    );

    // The arbitration request holds the refused month, by its period.
    await page.goto(`${server.url}/arbitration/cases/${ids.arbitrationId}`);
    await page.getByText(SEP).first().waitFor({ timeout: 20_000 });
    const main = ((await page.locator('main').textContent()) ?? '').replace(/\s+/g, '');
    expect(main).toContain(SEP);
    expect(main).not.toContain(AUG);
    expect(main).not.toContain(OCT);
    await screenshot(page, 'window-periods-arbitration');
    await page.context().close();
  });

  it('the claims list of the matter keeps the periods readable at 360 px', async () => {
    const page = await signedInPage('gsclerk', PHONE);
    const matterId = await registerMatter(page, '广水市', {
      workers: [
        {
          name: '胡四季',
          idType: 'resident_id',
          idNumber: residentId('19870416', 732, '421381'),
          migrantWorker: true,
        },
      ],
      employers: [{ name: '广水市四季青食品有限公司' }],
      claims: [
        month('2026-08-01', '2026-08-31', '8月工资未发'),
        month('2026-09-01', '2026-09-30', '9月工资未发'),
        month('2026-10-01', '2026-10-31', '10月工资未发'),
      ],
      narrative: '8月至10月工资未发。',
    });
    await page.goto(`${server.url}/matters/${matterId}`);
    await page.getByTestId('triage-warning').first().waitFor({ timeout: 20_000 });
    await page.getByText(`第3项 ${OCT}`).first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, 'window-periods-matter-phone');
    await page.context().close();
  });
});
