import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../apps/server/src/bootstrap';
import { application, seedCalendars } from '../../apps/server/test/arbitration.support';
import { newMatter, openCase, places } from '../../apps/server/test/cases.support';
import { type Client, signedIn, type TestEnv } from '../../apps/server/test/harness';
import { DESKTOP, launchBrowser, newContext, PHONE } from '../support/browser';
import { LoginPage } from '../support/pages';
import { startProduct } from '../support/server';

/** ASCII words that may stand on a staff page: file formats, identifiers, units. */
const ALLOW = new Set(['PDF', 'DOCX', 'Word', 'ID', 'SMS', 'QR', 'Excel', 'CSV', 'JSON', 'kB', 'KB', 'MB']);

/**
 * Issue #14 item 11: every staff route (apps/web/src/routes.tsx), as a user whose post may see it, at
 * 1366 px and 360 px: no horizontal page overflow, no ASCII word outside the allow list on screen,
 * axe-core with no serious or critical violation.
 */
describe('every staff route at 1366 px and 360 px', () => {
  let server: RunningServer;
  let browser: Browser;
  let env: TestEnv;
  let clerk: Client;
  const routes: { path: string; user: string }[] = [];

  beforeAll(async () => {
    server = await startProduct();
    env = { server, url: server.url, databaseUrl: undefined };
    browser = await launchBrowser();
    await seedCalendars(env);
    clerk = await signedIn(env, 'clerk');
    const p = await places(env);
    const m = await newMatter(clerk, p.zengdu, { worker: '巡检甲' });
    const arb = await application(clerk, { id: m.id, claims: m.claims });
    const m2 = await newMatter(clerk, p.zengdu, { worker: '巡检乙' });
    const med = (await openCase(clerk, m2.id, 'mediation', [m2.claims[0]!.id])).body.case;
    routes.push(
      { path: '/', user: 'clerk' },
      { path: '/intake', user: 'clerk' },
      { path: '/matters', user: 'clerk' },
      { path: `/matters/${m.id}`, user: 'clerk' },
      { path: '/transfers', user: 'clerk' },
      { path: '/arbitration', user: 'clerk' },
      { path: `/arbitration/cases/${arb.case.caseId}`, user: 'clerk' },
      { path: `/cases/${med.id}`, user: 'zhangmin' },
      { path: `/documents/case/${arb.case.caseId}`, user: 'clerk' },
      { path: '/work/mediation', user: 'zhangmin' },
      { path: '/work/arbitration', user: 'zhangmin' },
      { path: '/work/inspection', user: 'zhangmin' },
      { path: '/inspection', user: 'zhangmin' },
      { path: '/supervision', user: 'zhangmin' },
      { path: '/employers', user: 'clerk' },
      { path: '/work/petition', user: 'petition' },
      { path: '/petitions', user: 'petition' },
      { path: '/work/legal-aid', user: 'legalaid' },
      { path: '/legal-aid', user: 'legalaid' },
      { path: '/work/court', user: 'court' },
      { path: '/court-docking', user: 'clerk' },
      { path: '/consultation', user: 'clerk' },
      { path: '/knowledge', user: 'clerk' },
      { path: '/leader', user: 'director' },
      { path: '/leader/clocks', user: 'director' },
      { path: '/tools/deadline', user: 'clerk' },
      { path: '/tools/calculator', user: 'clerk' },
      { path: '/change-password', user: 'clerk' },
      { path: '/admin/users', user: 'admin' },
      { path: '/admin/roles', user: 'admin' },
      { path: '/admin/organizations', user: 'admin' },
      { path: '/admin/jurisdictions', user: 'admin' },
      { path: '/admin/audit', user: 'admin' },
      { path: '/admin/calendar', user: 'admin' },
      { path: '/admin/jobs', user: 'admin' },
    );
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function settle(page: Page) {
    await page.waitForLoadState('networkidle');
    await page
      .locator('.ant-spin-spinning, .ant-skeleton-active')
      .first()
      .waitFor({ state: 'detached', timeout: 15_000 })
      .catch(() => undefined);
  }

  async function findings(page: Page, viewport: 'desktop' | 'phone'): Promise<string[]> {
    const out: string[] = [];
    const fits = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    if (!fits) {
      const w = await page.evaluate(() => document.documentElement.scrollWidth);
      out.push(`${viewport}: page ${w}px wide`);
    }
    // biome-ignore lint/performance/useDomNodeTextContent: what is on screen, not hidden nodes' text
    const text = await page.evaluate(() => document.body.innerText);
    const words = [...new Set(text.match(/[A-Za-z]{2,}/g) ?? [])].filter((w) => !ALLOW.has(w));
    if (words.length) out.push(`${viewport}: ASCII ${words.join(' ')}`);
    const axe = await new AxeBuilder({ page }).analyze();
    for (const v of axe.violations.filter((x) => x.impact === 'serious' || x.impact === 'critical'))
      out.push(`${viewport}: axe ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    return out;
  }

  it('each route fits the width, speaks Chinese and passes axe', async () => {
    const report: string[] = [];
    const users = [...new Set(routes.map((r) => r.user))];
    for (const [viewport, name] of [
      [DESKTOP, 'desktop'],
      [PHONE, 'phone'],
    ] as const) {
      for (const user of users) {
        const page = await (await newContext(browser, viewport)).newPage();
        const login = new LoginPage(page, server.url);
        await login.open();
        await login.signInAndWait(user, 'Onestop@2026');
        for (const r of routes.filter((x) => x.user === user)) {
          await page.goto(`${server.url}${r.path}`);
          await settle(page);
          for (const f of await findings(page, name)) report.push(`${r.path} (${user}) ${f}`);
        }
        await page.context().close();
      }
    }
    console.log(`staff routes scanned: ${routes.length} × 2 widths`);
    console.log(report.join('\n'));
    expect(report).toEqual([]);
  }, 900_000);
});
