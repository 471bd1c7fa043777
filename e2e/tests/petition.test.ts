import { mod11_2CheckChar } from '@onestop/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../apps/server/src/bootstrap';
import { launchBrowser, screenshot } from '../support/browser';
import { registerMatter } from '../support/pages';
import { signInAs } from '../support/visit';
import { startProduct } from '../support/server';

let seq = 300;
/** A valid GB 11643 resident ID (曾都区, born 1985). */
function residentId(): string {
  const body = `42130319850312${String(seq++).padStart(3, '0')}`;
  return body + mod11_2CheckChar(body);
}

describe('petitions and legal aid in Chromium', () => {
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

  /** Jobs are off in the test product: render issued documents now. */
  async function renderDocuments() {
    while ((await server.app.ctx.jobs.runOnce()) > 0) {
      /* drain */
    }
  }

  function signedInPage(username: string): Promise<Page> {
    return signInAs({ server, browser }, username);
  }

  /**
   * The petition's detail declares its query settled (data-ready) and no dialog is open or still
   * closing: its action buttons now open their forms on the first click.
   */
  async function detailReady(page: Page) {
    await page.locator('[data-testid="petition-detail"][data-ready="true"]').waitFor({ timeout: 15_000 });
    await page.locator('.ant-modal-wrap:visible').first().waitFor({ state: 'detached', timeout: 15_000 });
    await page.waitForFunction(
      () => !document.querySelector('[class*="-appear-active"], [class*="-leave-active"]'),
    );
  }

  /** antd Select: open it by its label once the dialog has finished opening, then click the option. */
  async function pick(page: Page, label: string, text: string) {
    const option = page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text })
      .first();
    const field = page.getByLabel(label, { exact: true });
    await field.waitFor({ state: 'visible' });
    // A click during the modal's opening animation can be lost: wait until no zoom/fade animation runs.
    await page.waitForFunction(
      () => !document.querySelector('[class*="-appear-active"], [class*="-enter-active"]'),
    );
    await field.click();
    await option.waitFor();
    await option.click();
  }

  async function register(
    page: Page,
    over: { request: string; facts: string; disputed?: string; ref?: string },
  ) {
    await page.goto(`${server.url}/petitions`);
    await page.getByTestId('petition-new').click();
    await page.getByTestId('petition-worker').fill('刘德胜');
    await page.getByTestId('petition-id').fill(residentId());
    await page.getByTestId('petition-employer').fill('随州市鸿运建筑劳务有限公司');
    await page.getByLabel('金额（元）', { exact: true }).fill('12500');
    await page.getByTestId('petition-request').fill(over.request);
    await page.getByTestId('petition-facts').fill(over.facts);
    if (over.disputed) await pick(page, '不服的处理结论', over.disputed);
    if (over.ref) await page.getByTestId('petition-conclusion-ref').fill(over.ref);
    await page.getByTestId('petition-register-ok').click();
    try {
      await page.getByTestId('petition-detail').waitFor({ timeout: 15_000 });
    } catch (err) {
      await screenshot(page, 'petition-register-failed');
      throw err;
    }
    await expect
      .poll(() => page.getByTestId('petition-state').textContent(), { timeout: 15_000 })
      .toBe('已登记');
    await detailReady(page);
  }

  it('a petitioner unhappy with an arbitration award is registered and leaves with the printed 释明告知书', async () => {
    const page = await signedInPage('petition');
    await register(page, {
      request: '不服仲裁裁决，要求重新处理加班费',
      facts: '仲裁委员会裁决支持部分工资，本人认为加班费计算错误',
      disputed: '仲裁裁决',
      ref: '随劳人仲裁字〔2026〕第8号',
    });
    await page.getByTestId('petition-action-explain').click();
    await page
      .getByTestId('petition-explanation')
      .fill('仲裁裁决已依法作出，信访程序不能改变裁决结论；可在收到裁决书之日起十五日内向人民法院起诉。');
    await page.getByTestId('petition-action-ok').click();
    await expect
      .poll(() => page.getByTestId('petition-state').textContent(), { timeout: 15_000 })
      .toBe('已释法明理');
    await renderDocuments();
    const print = page.getByTestId('petition-print-explanation_record');
    await expect.poll(() => print.isEnabled(), { timeout: 15_000 }).toBe(true);
    await screenshot(page, 'petition-explained');
    const [popup] = await Promise.all([page.waitForEvent('popup'), print.click()]);
    expect(popup.url()).toMatch(/\/api\/documents\/[0-9a-f-]+\/pdf$/);
    const pdf = await page.request.get(popup.url());
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('a petition about unpaid wages is transferred to inspection and the transfer appears on both timelines', async () => {
    const page = await signedInPage('petition');
    await register(page, {
      request: '要求支付拖欠的四个月工资',
      facts: '2025年9月至12月工资未发放，多次讨要未果',
    });
    // register() waited for the detail to declare itself ready: one click opens the form.
    await page.getByTestId('petition-action-transfer').click();
    await page.getByLabel('导入', { exact: true }).waitFor({ timeout: 15_000 });
    await pick(page, '导入', '劳动保障监察');
    await page.getByTestId('petition-transfer-reason').fill('协商调处不成，请依法查处欠薪');
    await page.getByTestId('petition-action-ok').click();
    await page.getByTestId('petition-transfer').getByText('已转办至随州市劳动保障监察支队：待接收').waitFor();
    await expect
      .poll(() => page.getByTestId('petition-state').textContent(), { timeout: 15_000 })
      .toBe('已导入法定途径');
    await page.getByTestId('petition-detail').getByText('导入法定途径 → 已导入法定途径').waitFor();
    const matterHref = await page
      .getByTestId('petition-detail')
      .getByRole('link', { name: /^事项 / })
      .getAttribute('href');

    // The receiving side: the inspector's inbox, accepted there, and the matter's timeline.
    const inspector = await signedInPage('inspector');
    await inspector.goto(`${server.url}/transfers`);
    const first = inspector.locator('[data-testid^="transfer-accept-"]').first();
    await first.waitFor();
    // Accepted once the inbox row no longer offers the decision (the request finished before we leave).
    const accept = inspector.getByTestId((await first.getAttribute('data-testid'))!);
    await accept.click();
    await accept.waitFor({ state: 'detached', timeout: 15_000 });
    await inspector.goto(`${server.url}${matterHref}`);
    await inspector
      .getByText(/转办至随州市劳动保障监察支队（劳动保障监察），待接收/)
      .first()
      .waitFor();
    await inspector
      .getByText(/随州市劳动保障监察支队已接收转办/)
      .first()
      .waitFor();
    await screenshot(inspector, 'petition-transfer-receiver');
    await page.reload();
    await page
      .getByTestId('petition-transfer')
      .getByText(/已接收，开立案件/)
      .waitFor();
  });

  it('a migrant worker’s wage matter is referred to legal aid without a means test', async () => {
    const page = await signedInPage('clerk');
    const matterId = await registerMatter(page, '曾都区', {
      workers: [{ name: '张春生', idType: 'resident_id', idNumber: residentId(), migrantWorker: true }],
      employers: [{ name: '随州市鸿运建筑劳务有限公司' }],
      claims: [
        {
          type: 'unpaid_wages',
          amountFen: 980000,
          periodFrom: '2025-10-01',
          periodTo: '2025-12-31',
          facts: '工地钢筋工，三个月工资未发',
        },
      ],
      narrative: '农民工讨薪',
    });
    await page.goto(`${server.url}/matters/${matterId}`);
    const panel = page.getByTestId('legal-aid-panel');
    await panel.getByTestId('legal-aid-exempt').getByText('免予核查').waitFor();
    await page.getByTestId('legal-aid-refer').click();
    const referral = panel.getByTestId('legal-aid-referral');
    await referral.getByText('免予核查经济困难', { exact: true }).waitFor();
    await referral.getByText(/第四十二条第（三）项/).waitFor();
    await screenshot(page, 'legal-aid-referred');

    const aid = await signedInPage('legalaid');
    await aid.goto(`${server.url}/legal-aid`);
    await aid.getByTestId('legal-aid-action-decide').first().click();
    await pick(aid, '决定', '给予法律援助');
    await expect(await aid.getByText('已核实经济困难').count()).toBe(0);
    await aid
      .getByRole('button', { name: /^(确\s?定|OK)$/ })
      .last()
      .click();
    await aid.getByTestId('legal-aid-referral').first().getByText('决定给予援助').waitFor();
  });
});
