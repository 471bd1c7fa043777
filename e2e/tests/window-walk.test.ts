import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../apps/server/src/bootstrap';
import { application, seedCalendars } from '../../apps/server/test/arbitration.support';
import { newMatter, openCase, organizations, places } from '../../apps/server/test/cases.support';
import { type Client, signedIn, type TestEnv } from '../../apps/server/test/harness';
import { intakeBody } from '../../apps/server/test/intake-fixtures';
import { DESKTOP, launchBrowser, PHONE, screenshot } from '../support/browser';
import { startProduct } from '../support/server';
import { signInAs } from '../support/visit';
import { businessToday } from '../../apps/server/src/platform/time';

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

  async function shoot(page: Page, name: string) {
    await screenshot(page, name);
    const dir = process.env.WALK_SHOTS;
    if (dir) {
      mkdirSync(dir, { recursive: true });
      copyFileSync(path.resolve('e2e/screens', `${name}.png`), path.join(dir, `${name}.png`));
    }
  }

  const ready = (testId: string) => `[data-testid="${testId}"][data-ready="true"]`;

  /** The pages each person opens, with the ready state each page declares. */
  const WALK: { user: string; pages: { name: string; path: () => string; ready: string | string[] }[] }[] = [
    {
      user: 'zhangmin',
      pages: [
        { name: 'arbitration-work', path: () => '/arbitration', ready: ready('arbitration-work') },
        {
          name: 'arbitration-case',
          path: () => `/arbitration/cases/${o.arbitrationCase}`,
          ready: ready('arbitration-case'),
        },
      ],
    },
    {
      user: 'director',
      pages: [
        { name: 'leader-clocks', path: () => '/leader/clocks', ready: ready('overview-totals') },
        { name: 'leader', path: () => '/leader', ready: '[data-testid="leader-overview"]' },
      ],
    },
    {
      user: 'petition',
      pages: [
        { name: 'petition', path: () => `/petitions?id=${o.petition}`, ready: ready('petition-detail') },
      ],
    },
    {
      user: 'clerk',
      pages: [
        { name: 'transfers', path: () => '/transfers', ready: ready('transfers-page') },
        { name: 'matter', path: () => `/matters/${o.matter}`, ready: ready('matter-page') },
        { name: 'workbench', path: () => '/', ready: [ready('my-work'), ready('waiting-on-others')] },
      ],
    },
  ];

  /** Visits a person's pages at one width: each waits for its ready state, is shot, and must not overflow. */
  async function walk(user: string, viewport: typeof DESKTOP, label: string) {
    const group = WALK.find((w) => w.user === user)!;
    const page = await signInAs({ server, browser }, user, viewport);
    const texts = new Map<string, string>();
    for (const w of group.pages) {
      await page.goto(`${server.url}${w.path()}`);
      for (const r of [w.ready].flat()) await page.locator(r).first().waitFor({ timeout: 30_000 });
      await shoot(page, `window-walk-${w.name}-${label}`);
      const width = await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);
      expect(width, `${w.name} at ${viewport.width} px`).toBeLessThanOrEqual(viewport.width);
      const text = (await page.locator('main, body').first().textContent()) ?? '';
      // No ISO date on screen: dates are written 2026年12月7日.
      expect(text.match(/\b\d{4}-\d{2}-\d{2}\b/g) ?? [], `${w.name}: ISO dates`).toEqual([]);
      texts.set(w.name, text);
    }
    return { page, texts };
  }

  for (const [label, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    describe(`at ${viewport.width} px`, () => {
      it('the arbitrator: the work list and a case', async () => {
        const { page, texts } = await walk('zhangmin', viewport, label);
        // The day cannot be closed while the same-day acceptance waits: the button says so, disabled.
        await page.goto(`${server.url}/arbitration`);
        await page.locator(ready('arbitration-work')).waitFor({ timeout: 30_000 });
        expect(await page.getByTestId('close-day').isDisabled()).toBe(true);
        expect(await page.getByTestId('close-day-reason').textContent()).toBe('出具上列受理通知书后方可日结');
        await page.context().close();
        const today = businessToday(server.app.ctx.config);
        const weekday = '日一二三四五六'[new Date(`${today}T00:00:00Z`).getUTCDay()];
        // The room calendar's days are written the Chinese way, with the weekday.
        expect(texts.get('arbitration-work')).toContain(
          `${Number(today.slice(5, 7))}月${Number(today.slice(8, 10))}日 周${weekday}`,
        );
        expect(texts.get('arbitration-work')).toContain('空闲');
        // Amounts: ¥ with thousands grouped and two decimals.
        expect(texts.get('arbitration-case')).toContain('支付拖欠工资（2026年10月） ¥1,234,567.89');
      });
      it('the leader: 期限督办 and the dashboard', async () => {
        const { page, texts } = await walk('director', viewport, label);
        await page.context().close();
        // Due soon is one definition: the dashboard and 期限督办 show the same two numbers.
        const dueSoon = (t: string) => /两个工作日内到期\s*(\d+)/.exec(t)?.[1];
        const overdue = (t: string) => /(?:期限)?已逾期\s*(\d+)/.exec(t)?.[1];
        const sup = texts.get('leader-clocks')!;
        const dash = texts.get('leader')!;
        expect(dueSoon(dash)).toBeDefined();
        expect(dueSoon(dash)).toBe(dueSoon(sup));
        expect(overdue(dash)).toBe(overdue(sup));
        // The alerts card is below on a phone, beside on a desktop: the text names it.
        expect(dash).toContain('（见“预警”栏）');
      });
      it('the petition officer: a petition', async () => {
        const { page, texts } = await walk('petition', viewport, label);
        await page.context().close();
        expect(texts.get('petition')).toMatch(/书面告知信访人是否受理：\d{4}年\d{1,2}月\d{1,2}日前/);
      });
      it('the clerk: transfers, the matter of several tracks, the 工作台', async () => {
        const { page, texts } = await walk('clerk', viewport, label);
        await page.context().close();
        const matter = texts.get('matter')!;
        expect(matter).toContain('¥4,500.00');
        expect(matter).toContain('¥1,234,567.89');
        expect(matter).toContain('¥1,239,067.89');
        expect(matter).toMatch(/应于\d{4}年\d{1,2}月\d{1,2}日前接收/);
        // The clerk holds no case-handling post: the 工作台 says so instead of "no work area at all".
        expect(texts.get('workbench')).toContain(
          '您的岗位不承办案件，没有案件工作区；窗口受理、维权事项等请从左侧菜单进入',
        );
        // The same-day application the clerk took in waits on the arbitrator's acceptance, due today.
        const waiting = texts.get('workbench')!;
        expect(waiting).toContain('我经办、待他人办理');
        expect(waiting).toMatch(/仲裁员领导受理立案\d{4}年\d{1,2}月\d{1,2}日/);
        expect(waiting).toContain('欠薪、工伤、重大集体争议当日受理');
      });
    });
  }
});
