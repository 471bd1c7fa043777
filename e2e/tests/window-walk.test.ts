import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../apps/server/src/bootstrap';
import { application, seedCalendars } from '../../apps/server/test/arbitration.support';
import { newMatter, openCase, organizations, places } from '../../apps/server/test/cases.support';
import { type Client, signedIn, type TestEnv } from '../../apps/server/test/harness';
import { intakeBody } from '../../apps/server/test/intake-fixtures';
import { DESKTOP, launchBrowser, newContext, PHONE, screenshot } from '../support/browser';
import { LoginPage } from '../support/pages';
import { startProduct } from '../support/server';

/**
 * Issue 14, the walk: the pages the window's people open every day — the arbitrator's work list and a
 * case, 期限督办 on a phone, the petition and transfer pages, the matter page of a matter with several
 * tracks, the clerk's 工作台 — at 1366 px and 360 px, with the facts fixed after looking at them.
 */
describe('the window walk at 1366 px and 360 px', () => {
  let server: RunningServer;
  let browser: Browser;
  let env: TestEnv;
  let clerk: Client;
  const o = {} as { matter: string; arbitrationCase: string; petition: string; transfer: string };

  beforeAll(async () => {
    server = await startProduct();
    env = { server, url: server.url, databaseUrl: undefined };
    browser = await launchBrowser();
    await seedCalendars(env);
    clerk = await signedIn(env, 'clerk');
    const p = await places(env);
    const orgs = await organizations(env);
    // A matter with two tracks: mediation of one claim, arbitration of all.
    const wages = (month: string, last: string, fen: number) => ({
      type: 'unpaid_wages',
      amountFen: fen,
      periodFrom: `2026-${month}-01`,
      periodTo: `2026-${month}-${last}`,
      facts: `${Number(month)}月工资未发`,
    });
    const m = await newMatter(clerk, p.zengdu, {
      worker: '巡访工',
      claims: [wages('09', '30', 450_000), wages('10', '31', 123_456_789)],
    });
    const med = await openCase(clerk, m.id, 'mediation', [m.claims[0]!.id]);
    expect(med.status, JSON.stringify(med.body)).toBe(201);
    o.matter = m.id;
    o.arbitrationCase = (await application(clerk, { ...m, claims: [m.claims[1]!] })).case.caseId as string;
    const t = await clerk.post(`/api/matters/${m.id}/transfers`, {
      toOrgId: orgs.随州市总工会,
      toTrack: 'mediation',
      reason: '劳动者希望由工会调解',
    });
    expect(t.status, JSON.stringify(t.body)).toBe(201);
    o.transfer = t.body.id;
    const officer = await signedIn(env, 'petition');
    const { channel: _c, requestKind: _r, ...intake } = intakeBody(p.zengdu) as Record<string, unknown>;
    const pet = await officer.post('/api/petitions', {
      form: 'visit',
      intake,
      request: '要求用人单位支付拖欠的四个月工资',
      facts: '多次反映未果',
      reasons: '家庭生活困难',
    });
    expect(pet.status, JSON.stringify(pet.body)).toBe(201);
    o.petition = pet.body.id;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function signIn(username: string, viewport = DESKTOP): Promise<Page> {
    const page = await (await newContext(browser, viewport)).newPage();
    const login = new LoginPage(page, server.url);
    await login.open();
    await login.signInAndWait(username, 'Onestop@2026');
    return page;
  }

  async function settle(page: Page) {
    await page.waitForLoadState('networkidle');
    await page
      .locator('.ant-spin-spinning, .ant-skeleton-active')
      .first()
      .waitFor({ state: 'detached', timeout: 5_000 })
      .catch(() => undefined);
  }

  async function shoot(page: Page, name: string) {
    await screenshot(page, name);
    const dir = process.env.WALK_SHOTS;
    if (dir) {
      mkdirSync(dir, { recursive: true });
      copyFileSync(path.resolve('e2e/screens', `${name}.png`), path.join(dir, `${name}.png`));
    }
  }

  const WALK: { user: string; name: string; path: () => string }[] = [
    { user: 'zhangmin', name: 'arbitration-work', path: () => '/arbitration' },
    { user: 'zhangmin', name: 'arbitration-case', path: () => `/arbitration/cases/${o.arbitrationCase}` },
    { user: 'director', name: 'leader-clocks', path: () => '/leader/clocks' },
    { user: 'director', name: 'leader', path: () => '/leader' },
    { user: 'petition', name: 'petitions', path: () => '/petitions' },
    { user: 'clerk', name: 'transfers', path: () => '/transfers' },
    { user: 'clerk', name: 'matter', path: () => `/matters/${o.matter}` },
    { user: 'clerk', name: 'workbench', path: () => '/' },
  ];

  for (const [label, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    it(`walks the pages at ${viewport.width} px`, async () => {
      const pages = new Map<string, Page>();
      for (const w of WALK) {
        let page = pages.get(w.user);
        if (!page) {
          page = await signIn(w.user, viewport);
          pages.set(w.user, page);
        }
        await page.goto(`${server.url}${w.path()}`);
        await settle(page);
        await shoot(page, `window-walk-${w.name}-${label}`);
        const width = await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);
        expect(width, `${w.name} at ${viewport.width} px`).toBeLessThanOrEqual(viewport.width);
      }
      for (const page of pages.values()) await page.context().close();
    });
  }
});
