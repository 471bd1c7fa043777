import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../apps/server/src/bootstrap';
import { loadConfig } from '../../apps/server/src/config/env';
import { unpaidOrderCase } from '../../apps/server/test/defaulters.support';
import { creditCode } from '../../apps/server/test/intake-fixtures';
import { plusDays } from '../../apps/server/test/procedure.support';
import { DESKTOP, launchBrowser, newContext, PHONE, screenshot } from '../support/browser';
import { signInAs } from '../support/visit';
import { setBusinessDate } from '../support/server';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Issue #21 point 4 in the browser: the defaulter panel of an inspection case (the leader decides, the
 * inspector publishes, each step with its document), the state on the employer's profile, and the
 * public list on the portal.
 */
describe('defaulter list: the panel on the case, the employer profile and the public list', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
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
        STORAGE_DIR: mkdtempSync(path.join(tmpdir(), 'onestop-h21-def-e2e-')),
      }),
    );
    browser = await launchBrowser();
  });
  afterAll(async () => {
    setBusinessDate(server, null);
    await browser?.close();
    await server?.close();
  });

  it('the leader lists the employer in the panel, the inspector publishes; the profile and the portal show it', async () => {
    const env = { server, url: server.url, databaseUrl: undefined };
    const { caseId, chen, employer } = await unpaidOrderCase(env, 5);
    const proposed = await chen.post(`/api/inspection/cases/${caseId}/defaulter-proposals`, {
      ground: 'criminal_threshold',
      facts: '你单位拖欠42名农民工2026年8月至10月工资共计628,000.00元，经责令限期支付，逾期未支付。',
      responsiblePersons: '法定代表人赵建华',
    });
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(201);
    // The statement period has run out without a statement.
    setBusinessDate(server, plusDays(proposed.body.clocks[0].dueDate, 1));

    const desk = await signInAs({ server, browser }, 'director', DESKTOP);
    await desk.goto(`${server.url}/inspection/cases/${caseId}`);
    const listing = desk.getByTestId('defaulter-listing');
    await desk.locator('[data-testid="defaulter-listing"][data-state="proposed"]').waitFor();
    expect(await listing.textContent()).toContain('拟列入拖欠农民工工资失信联合惩戒对象名单告知书');
    await listing.getByRole('button', { name: '决定列入' }).click();
    await desk.locator('[data-testid="defaulter-listing"][data-state="listed"]').waitFor();
    expect(await listing.textContent()).toContain('列入拖欠农民工工资失信联合惩戒对象名单决定书');
    await screenshot(desk, 'defaulter-panel-1366');

    // The inspector publishes, on a 360 px screen.
    const phone = await signInAs({ server, browser }, 'inspector', PHONE);
    await phone.goto(`${server.url}/inspection/cases/${caseId}`);
    const card = phone.locator('[data-testid="defaulter-listing"][data-state="listed"]');
    await card.waitFor();
    await card.getByRole('button', { name: '公开名单' }).click();
    const published = phone.locator('[data-testid="defaulter-listing"][data-state="published"]');
    await published.waitFor();
    expect(await published.textContent()).toContain('拖欠农民工工资失信联合惩戒对象名单公告');
    expect(await published.textContent()).toContain('已列入并公开');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(phone, 'defaulter-panel-360');

    // The employer's profile shows the listing and its term.
    await desk.goto(`${server.url}/employers`);
    await desk.getByPlaceholder('输入统一社会信用代码').fill(creditCode('MA4D0005'));
    await desk.getByRole('button', { name: '查询' }).click();
    const profile = desk.getByTestId('employer-profile');
    await profile.waitFor();
    await profile
      .getByText(/^已列入并公开（\d{4}年\d{1,2}月\d{1,2}日至\d{4}年\d{1,2}月\d{1,2}日）$/)
      .waitFor();
    expect(await profile.textContent()).toContain(employer);
    await screenshot(desk, 'defaulter-employer-1366');

    // Anyone sees it on the portal's public list.
    const visitor = await (await newContext(browser, PHONE)).newPage();
    await visitor.goto(`${server.url}/m/defaulters`);
    await visitor.locator('[data-ready="true"]').first().waitFor();
    const entry = visitor.locator('section.card', { hasText: employer });
    await entry.waitFor();
    expect(await entry.textContent()).toContain('有关责任人员：法定代表人赵建华');
    expect(await visitor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(visitor, 'defaulter-portal-360');
  });
});
