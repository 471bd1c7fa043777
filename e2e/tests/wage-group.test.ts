import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEDGER_COLUMNS } from '@onestop/domain';
import { type RunningServer, startServer } from '../../apps/server/src/bootstrap';
import { loadConfig } from '../../apps/server/src/config/env';
import { businessToday } from '../../apps/server/src/platform/time';
import { newMatter } from '../../apps/server/test/cases.support';
import { type Client, signedIn } from '../../apps/server/test/harness';
import { residentId } from '../../apps/server/test/intake-fixtures';
import { SmsGateway } from '../../apps/server/test/portal.support';
import { launchBrowser, newContext, PHONE, screenshot } from '../support/browser';
import { portalSignIn } from '../support/portal';
import { signInAs } from '../support/visit';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const WORKER = '赵大军';
const WORKER_PHONE = '13812347701';
const OTHER = '孙小红';

async function sheet(rows: (string | number)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('欠薪台账');
  ws.addRow([...LEDGER_COLUMNS]);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

describe('group wage ledger: staff record a 总包代发 payment, the worker sees only his line on a phone', () => {
  const sms = new SmsGateway();
  let server: RunningServer;
  let browser: Browser;
  let clerk: Client;
  let zengdu = '';

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
        STORAGE_DIR: mkdtempSync(path.join(tmpdir(), 'onestop-wage-e2e-')),
        SMS_PROVIDER: 'http',
        SMS_HTTP_URL: sms.url,
      }),
    );
    browser = await launchBrowser();
    const env = { server, url: server.url, databaseUrl: undefined };
    clerk = await signedIn(env, 'clerk');
    const admin = await signedIn(env, 'admin');
    zengdu = (await admin.get('/api/admin/jurisdictions')).body.items.find(
      (x: { name: string }) => x.name === '曾都区',
    ).id as string;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await sms.stop();
  });

  /** Each test's own matter with its group ledger of three workers, imported from the Excel sheet. */
  async function wageGroup() {
    const m = await newMatter(clerk, zengdu, {
      employer: '随州市欠薪浏览器测试建筑劳务有限公司',
    });
    const matterId = m.id;
    const g = await clerk.post('/api/wage-groups', {
      matterId,
      kind: 'project',
      name: '白云湖安置小区二期',
      generalContractor: '湖北楚天建设集团有限公司',
    });
    expect(g.status, JSON.stringify(g.body)).toBe(201);
    const imp = await clerk.post(`/api/wage-groups/${g.body.id}/import`, {
      file: await sheet([
        [
          WORKER,
          residentId('19800505', 611, '421381'),
          WORKER_PHONE,
          '2026-08',
          '2026-10',
          9000,
          9000,
          '用人单位确认',
        ],
        [OTHER, residentId('19830606', 622, '421381'), '13812347702', '2026-08', '2026-10', 7000, '', ''],
        ['钱小明', residentId('19900707', 633, '421381'), '', '2026-09', '2026-10', 5000, '', ''],
      ]),
    });
    expect(imp.status, JSON.stringify(imp.body)).toBe(200);
    return {
      matterId,
      groupId: g.body.id as string,
      lines: imp.body.group.lines as { id: string; version: number }[],
    };
  }

  const staffPage = (): Promise<Page> => signInAs({ server, browser }, 'clerk');

  it('staff record a payment by the general contractor on the ledger', async () => {
    const { matterId } = await wageGroup();
    const page = await staffPage();
    await page.goto(`${server.url}/matters/${matterId}`);
    const panel = page.locator('[data-testid="wage-group-panel"][data-ready="true"]');
    await panel.waitFor({ timeout: 20_000 });
    await panel.getByText('群体欠薪台账：白云湖安置小区二期').waitFor();
    expect(await page.getByTestId('wage-total-paid').textContent()).toBe('0.00元');
    await page.getByTestId(`wage-pay-${WORKER}`).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(`记录工资支付：${WORKER}`).waitFor();
    // The payer defaults to 施工总承包单位代发 with the group's general contractor.
    await dialog.getByText('施工总承包单位代发').waitFor();
    await page.getByTestId('wage-pay-amount').fill('3000');
    await page.getByTestId('wage-pay-submit').click();
    await page.getByTestId('wage-total-paid').filter({ hasText: '3,000.00元' }).waitFor({ timeout: 15_000 });
    await panel.getByText(/施工总承包单位代发 3,000\.00元/).waitFor();
    await screenshot(page, 'wage-group-staff-1366');
    await page.setViewportSize(PHONE);
    await screenshot(page, 'wage-group-staff-360');
  });

  it('the worker on a 360 px phone sees his own line of the ledger, and no other worker', async () => {
    // The 3,000 元 paid by the general contractor, recorded by staff through the API.
    const { matterId, groupId, lines } = await wageGroup();
    const paid = await clerk.post(`/api/wage-groups/${groupId}/lines/${lines[0]!.id}/payments`, {
      amountFen: 300_000,
      paidOn: businessToday(server.app.ctx.config),
      payer: 'general_contractor',
      payerName: '湖北楚天建设集团有限公司',
      version: lines[0]!.version,
    });
    expect(paid.status, JSON.stringify(paid.body)).toBe(201);
    const page = await (await newContext(browser, PHONE)).newPage();
    await portalSignIn(page, server.url, sms, WORKER_PHONE);
    await page.goto(`${server.url}/m/matters/${matterId}`);
    const line = page.locator('[data-testid="wage-line"][data-ready="true"]');
    await line.waitFor({ timeout: 20_000 });
    const mine = line.getByTestId('my-wage-line');
    expect(await mine.count()).toBe(1);
    const text = (await line.textContent()) ?? '';
    expect(text).toContain(WORKER);
    expect(text).toContain('2026年8月1日至2026年10月31日');
    expect(text).toContain('确认欠薪：9,000.00元（用人单位确认）');
    expect(text).toContain('已支付：3,000.00元');
    expect(text).toContain('尚欠：6,000.00元');
    expect(text).toContain('施工总承包单位代发（湖北楚天建设集团有限公司）');
    expect(text).toContain('本项目共3名工人');
    expect(text).not.toContain(OTHER);
    expect(text).not.toContain('钱小明');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    await screenshot(page, 'wage-group-portal-360');
  });
});
