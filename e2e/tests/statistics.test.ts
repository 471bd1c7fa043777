import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../apps/server/src/bootstrap';
import { places } from '../../apps/server/test/cases.support';
import type { TestEnv } from '../../apps/server/test/harness';
import { buildStatisticsFixture } from '../../apps/server/test/statistics.support';
import { launchBrowser, newContext, PHONE, screenshot } from '../support/browser';
import { signInAs } from '../support/visit';
import { startProduct } from '../support/server';

/** The quarter before today (China time), as the page's default and the director's choice. */
function lastQuarter(): { year: number; quarter: number } {
  const now = new Date(Date.now() + 8 * 3600_000);
  const y = now.getUTCFullYear();
  const q = Math.floor(now.getUTCMonth() / 3) + 1;
  return q === 1 ? { year: y - 1, quarter: 4 } : { year: y, quarter: q - 1 };
}

/**
 * The director opens 统计报表与分析, picks last quarter, sees the table and the trend chart, opens the
 * matters behind a number and exports the Excel form; the page also fits a 360 px phone.
 */
describe('statistics in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let fx: Awaited<ReturnType<typeof buildStatisticsFixture>>;
  const lq = lastQuarter();

  beforeAll(async () => {
    server = await startProduct();
    browser = await launchBrowser();
    const env = { server, url: server.url, databaseUrl: undefined } as TestEnv;
    // The fixture's 2024 Q2 moved into last quarter.
    fx = await buildStatisticsFixture(env, await places(env), (lq.year - 2024) * 12 + (lq.quarter - 2) * 3);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('picks last quarter, sees table and chart, opens a number’s matters and exports Excel', async () => {
    const page = await signInAs({ server, browser }, 'director');
    await page.goto(`${server.url}/statistics`);
    await page.getByTestId('stats-period').waitFor();
    await page.getByRole('spinbutton', { name: '统计年份' }).fill(String(lq.year));
    await page.getByRole('combobox', { name: '统计季度' }).click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', {
        hasText: `第${'一二三四'[lq.quarter - 1]}季度`,
      })
      .click();
    const ready = page.locator('[data-testid="stats-ready"][data-ready="true"]');
    await ready.waitFor({ timeout: 20_000 });
    expect(await ready.textContent()).toContain(`统计期：${lq.year}年第${'一二三四'[lq.quarter - 1]}季度`);
    await page.locator('[data-testid="stats-trend-chart"][data-ready="true"]').waitFor();
    await page.getByTestId('stats-causes').getByText('劳动报酬').waitFor();

    // 本期受理案件, total: A2, A3, A4, A7.
    const cell = page.getByTestId('stats-cell-02-total');
    expect(await cell.textContent()).toBe('4');
    await cell.click();
    const drill = page.locator('[data-testid="stats-drill"][data-ready="true"]');
    await drill.waitFor();
    await drill.getByRole('link', { name: fx.A3!.matterNumber }).waitFor();
    const links = await drill.getByRole('link').allTextContents();
    expect(links).toEqual(['A2', 'A3', 'A4', 'A7'].map((k) => fx[k]!.matterNumber));
    await screenshot(page, 'statistics-drill');
    const csv = page.waitForEvent('download');
    await page.getByTestId('stats-drill-csv').click();
    expect((await csv).suggestedFilename()).toBe('本期受理案件_合计.csv');
    await page.keyboard.press('Escape');
    await drill.waitFor({ state: 'hidden' });
    await screenshot(page, 'statistics');

    const download = page.waitForEvent('download');
    await page.getByTestId('stats-excel').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(
      `劳动人事争议处理情况_${lq.year}年第${'一二三四'[lq.quarter - 1]}季度.xlsx`,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await file.path()) as string);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell(1, 1).value).toBe('劳动人事争议处理情况');
    // Row 02 (本期受理案件) of the total column.
    expect(ws.getCell(8, 2).value).toBe('02');
    expect(ws.getCell(8, 4).value).toBe(4);
    await page.context().close();
  });

  it('fits the dashboard on a 360 px phone', async () => {
    const page = await signInAs({ server, browser }, 'director', PHONE);
    await page.goto(`${server.url}/statistics`);
    await page.locator('[data-testid="stats-ready"][data-ready="true"]').waitFor({ timeout: 20_000 });
    await page.locator('[data-testid="stats-trend-chart"][data-ready="true"]').waitFor();
    await screenshot(page, 'statistics-phone');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE.width + 1);
    await page.context().close();
  });

  it('publishes chosen figures on the portal: the director turns it on, a worker’s phone shows them', async () => {
    const page = await signInAs({ server, browser }, 'director');
    await page.goto(`${server.url}/statistics`);
    const card = page.getByTestId('stats-publication');
    await card.getByRole('checkbox', { name: '本期受理案件（件）' }).first().waitFor();
    const toggle = card.getByRole('switch', { name: '在门户公开统计数据' });
    await page.locator('[data-testid="stats-publication"] [role="switch"][aria-checked="false"]').waitFor();
    await toggle.click();
    await page.locator('[data-testid="stats-publication"] [role="switch"][aria-checked="true"]').waitFor();
    await card.getByTestId('stats-publication-save').click();
    await page.getByText('已在门户公开所选指标').waitFor();
    await page.context().close();

    const phone = await (await newContext(browser, PHONE)).newPage();
    await phone.goto(`${server.url}/m/statistics`);
    const figures = phone.getByTestId('public-stats');
    await figures.waitFor();
    const text = (await figures.textContent()) ?? '';
    // The default choice: 本期受理案件 (4 in the fixture: shown as <5) and its workers (15).
    expect(text).toContain(`全市 ${lq.year}年第${'一二三四'[lq.quarter - 1]}季度`);
    expect(text).toContain('本期受理案件（劳动人事争议处理情况）<5件');
    expect(text).toContain('本期受理案件涉及劳动者人数（劳动人事争议处理情况）15人');
    await screenshot(phone, 'portal-statistics');
    await phone.context().close();
  });
});
