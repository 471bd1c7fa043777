import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../apps/server/src/bootstrap';
import { application, seedCalendars } from '../../apps/server/test/arbitration.support';
import { newMatter, openCase, places } from '../../apps/server/test/cases.support';
import { type Client, signedIn, type TestEnv } from '../../apps/server/test/harness';
import { creditCode, residentId } from '../../apps/server/test/intake-fixtures';
import { DESKTOP, launchBrowser, newContext, PHONE, screenshot } from '../support/browser';
import { menuPaths, settled } from '../support/pages';
import { signInAs } from '../support/visit';
import { startProduct } from '../support/server';

const ROUTES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../apps/web/src/routes.tsx');

/** The staff routes (inside the layout) as declared in routes.tsx, e.g. 'matters/:id'. */
function staffRoutes(): string[] {
  const text = readFileSync(ROUTES, 'utf8');
  const all = [...text.matchAll(/path: '([^']+)'/g)].map((m) => m[1]!);
  return [
    '/',
    ...all
      .filter((p) => !['/login', '/verify/:code?', '*'].includes(p))
      .map((p) => `/${p.replace(/^\//, '')}`),
  ];
}

function matches(pattern: string, url: string): boolean {
  const re = new RegExp(`^${pattern.replace(/:[A-Za-z]+\??/g, '[^/]+')}$`);
  return re.test(url);
}

/**
 * ASCII words a user may meet on a staff page: file formats, the ID formats printed in Chinese
 * documents and forms, units. Anything else (an internal code, a status name, an English word) fails.
 */
/** A document's public 验证码 as printed (documents/short-code.ts formatShortCode: two groups of four). */
const VERIFICATION_CODE = /^[A-Z0-9]{4}-[A-Z0-9]{4}$/;

const ALLOWED_WORDS = new Set([
  'PDF',
  'DOCX',
  'Word',
  'Excel',
  'PNG',
  'JPG',
  'JPEG',
  'ID',
  'QR',
  'IP',
  'KB',
  'MB',
]);

async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  // Every page of the layout has the user menu; the password page stands alone with its form.
  await page.locator('[data-testid="user-menu"], form').first().waitFor({ timeout: 20_000 });
  // Then the page's own declaration: no query loading (data-ready="false") and no spinner.
  await settled(page);
}

/**
 * Visible text with an ISO date (2026-12-07) in it, each quoted with a little context: dates on screen
 * are written the Chinese way (2026年12月7日). Typed data (translate="no") is not exempt; an input's or
 * a date picker's own value is not text and is not read here.
 */
async function isoDatesOnScreen(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out = new Set<string>();
    const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest('script, style') || !el.checkVisibility()) continue;
      const t = n.textContent ?? '';
      for (const m of t.matchAll(/\b\d{4}-\d{2}-\d{2}\b/g)) {
        out.add(t.slice(Math.max(0, m.index - 20), m.index + 30).trim());
      }
    }
    return [...out];
  });
}

/** Every problem of the page as it is now: overflow, ASCII words, serious or critical axe findings. */
async function scan(page: Page, where: string): Promise<string[]> {
  const problems: string[] = [];
  const width = await page.evaluate(() => ({
    scroll: document.scrollingElement?.scrollWidth ?? 0,
    inner: window.innerWidth,
  }));
  if (width.scroll > width.inner + 1) {
    const wide = await page.evaluate(() => {
      const out: string[] = [];
      for (const el of Array.from(document.querySelectorAll('body *'))) {
        const r = el.getBoundingClientRect();
        if (r.right > window.innerWidth + 1 && r.width > 0 && out.length < 3) {
          const kids = Array.from(el.children).some(
            (c) => c.getBoundingClientRect().right > window.innerWidth + 1,
          );
          if (!kids) {
            // Name the nearest labelled ancestor too, so the report says which form or card overflows.
            const owner = el.closest('[data-testid], .ant-card, form');
            const label =
              owner?.getAttribute('data-testid') ??
              owner?.querySelector('.ant-card-head-title')?.textContent ??
              owner?.tagName.toLowerCase() ??
              '';
            out.push(
              `${el.tagName.toLowerCase()}.${String(el.className).slice(0, 40)} in ${label.slice(0, 40)}`,
            );
          }
        }
      }
      return out;
    });
    problems.push(
      `${where}: 页面横向溢出 scrollWidth ${width.scroll} > ${width.inner} (${wide.join(' | ')})`,
    );
  }
  // Text marked translate="no" is data typed by people (login names, ID numbers), not wording.
  const text = await page.evaluate(() => {
    const out: string[] = [];
    const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest('[translate="no"], script, style') || !el.checkVisibility()) continue;
      out.push(n.textContent ?? '');
    }
    return out.join(' ');
  });
  // A token with a digit is a number or code in a documented format (文号, 统一社会信用代码); a document's
  // 验证码 (XXXX-XXXX from its own alphabet) may happen to have no digit at all.
  const words = [...new Set(text.match(/[A-Za-z0-9_.-]*[A-Za-z]{2,}[A-Za-z0-9_.-]*/g) ?? [])].filter(
    (w) => !/\d/.test(w) && !VERIFICATION_CODE.test(w) && !ALLOWED_WORDS.has(w),
  );
  if (words.length) problems.push(`${where}: 屏幕上有英文或内部代码 ${words.join(', ')}`);
  // Chromium draws a visible native file input as "Choose File / No file chosen" (out of the page's
  // text): every picker is components/FilePicker, whose input stays hidden.
  const nativeFileInputs = await page.locator('input[type=file]:visible').count();
  if (nativeFileInputs) problems.push(`${where}: ${nativeFileInputs} 个原生文件选择控件（显示英文）`);
  const dates = await isoDatesOnScreen(page);
  if (dates.length) problems.push(`${where}: 屏幕上有 ISO 日期 ${dates.join(' | ')}`);
  const axe = await new AxeBuilder({ page }).analyze();
  for (const v of axe.violations.filter((x) => x.impact === 'serious' || x.impact === 'critical')) {
    problems.push(
      `${where}: axe ${v.id} ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')}`,
    );
  }
  return problems;
}

/** Objects made through the API for the :id pages (each test makes its own). */
async function objects(env: TestEnv, clerk: Client) {
  const p = await places(env);
  const m = await newMatter(clerk, p.zengdu, { worker: '页面巡检' });
  const mediation = (await openCase(clerk, m.id, 'mediation', [m.claims[0]!.id])).body.case;
  const arbMatter = await newMatter(clerk, p.zengdu, { worker: '仲裁巡检' });
  const arb = (await application(clerk, arbMatter)).case.caseId as string;
  const inspection = await clerk.post('/api/inspection/cases', {
    source: 'complaint',
    channel: 'window',
    jurisdictionId: p.zengdu,
    violationEndedOn: '2026-01-10',
    complainant: { name: '监察巡检', idType: 'resident_id', idNumber: residentId('19880808', 654) },
    employer: { name: '随州市巡检机械有限公司', creditCode: creditCode('MA4R0654') },
    violations: [{ type: 'unpaid_wages', amountFen: 1_250_000, facts: '拖欠四个月工资' }],
  });
  expect(inspection.status, JSON.stringify(inspection.body)).toBe(201);
  // An online mediation room scheduled by the mediator, inviting the worker (RoomsPanel's form).
  const mediator = await signedIn(env, 'zhangmin');
  const worker = (await clerk.get(`/api/matters/${m.id}`)).body.workers[0].id as string;
  const room = await mediator.post(`/api/cases/${mediation.id}/rooms`, {
    kind: 'mediation',
    format: 'video',
    startsAt: new Date(Date.now() + 86_400_000).toISOString(),
    invitations: [{ partyId: worker, preference: 'video', adjustments: [] }],
  });
  expect(room.status, JSON.stringify(room.body)).toBe(201);
  return {
    room: room.body.id as string,
    matter: m.id,
    mediationCase: mediation.id as string,
    arbitrationCase: arb,
    inspectionCase: inspection.body.caseId as string,
  };
}
type Objects = Awaited<ReturnType<typeof objects>> & Partial<{ organization: string; visit: string }>;

/**
 * Pages whose posts no demo user holds (the posts are created by their own tests), checked for width at
 * 360 px by those tests; the word and axe scan of these pages is still to be added here.
 */
const NOT_SCANNED_HERE: { route: string; why: string }[] = [];

/**
 * Every staff page, each scanned as one post that works on it (a page several posts share is scanned
 * once). Paths with ids are filled with objects made for the test.
 */
const PAGES: { user: string; paths: (o: Objects) => string[] }[] = [
  {
    user: 'clerk',
    paths: (o) => [
      '/',
      '/intake',
      '/matters',
      '/transfers',
      '/arbitration',
      '/inspection',
      '/employers',
      '/consultation',
      '/knowledge',
      '/court-docking',
      '/tools/deadline',
      '/tools/calculator',
      `/matters/${o.matter}`,
      `/cases/${o.mediationCase}`,
      `/arbitration/cases/${o.arbitrationCase}`,
      `/documents/matter/${o.matter}`,
      '/change-password',
    ],
  },
  {
    user: 'zhangmin',
    paths: (o) => [
      '/work/mediation',
      '/work/arbitration',
      '/work/inspection',
      '/supervision',
      `/inspection/cases/${o.inspectionCase}`,
      `/rooms/${o.room}`,
    ],
  },
  { user: 'director', paths: () => ['/leader', '/leader/clocks', '/statistics', '/gold-medal'] },
  {
    user: 'admin',
    paths: () => [
      '/admin/users',
      '/admin/roles',
      '/admin/organizations',
      '/admin/jurisdictions',
      '/admin/audit',
      '/admin/calendar',
      '/admin/jobs',
      '/training',
      '/admin/settings',
    ],
  },
  { user: 'petition', paths: () => ['/work/petition', '/petitions'] },
  { user: 'legalaid', paths: () => ['/work/legal-aid', '/legal-aid'] },
  { user: 'court', paths: () => ['/work/court'] },
  // Prevention (issue #19): the demo 调解组织指导员 and the demo street committee's mediator.
  {
    user: 'prevention',
    paths: (o) => [
      '/prevention',
      '/prevention/visits',
      `/prevention/organizations/${o.organization}`,
      `/prevention/visits/${o.visit}`,
      '/prevention/training',
      '/prevention/gold-medal',
    ],
  },
  { user: 'orgmediator', paths: () => ['/org-cases'] },
];

/** The demo street committee and a planned visit (for the prevention officer's :id pages). */
async function preventionObjects(env: TestEnv) {
  const officer = await signedIn(env, 'prevention');
  const orgs = (await officer.get('/api/prevention/organizations')).body.items;
  const p = await places(env);
  const visit = await officer.post('/api/prevention/visits', {
    kind: 'enterprise_visit',
    jurisdictionId: p.zengdu,
    employerName: '随州市走访扫描机械有限公司',
    creditCode: creditCode('MA4K0019'),
    address: '随州市曾都区明珠路8号',
    plannedOn: new Date().toISOString().slice(0, 10),
    topics: ['劳动合同签订'],
  });
  expect(visit.status, JSON.stringify(visit.body)).toBe(201);
  return { organization: orgs[0].id as string, visit: visit.body.id as string } as Objects;
}

/**
 * Issue #14 items 6 and 11: every staff page at 1366 px and 360 px — no horizontal overflow of the
 * page, no English word or internal code on screen, axe-core without a serious or critical finding.
 */
describe('every staff page: width, words and accessibility', () => {
  let server: RunningServer;
  let browser: Browser;
  let env: TestEnv;

  beforeAll(async () => {
    server = await startProduct();
    // Fake camera and microphone: the rooms pages are scanned as a person with a working device sees them
    // (without them, the device check waits on a permission prompt nobody answers).
    browser = await launchBrowser({ fakeMedia: true });
    env = { server, url: server.url, databaseUrl: undefined } as TestEnv;
    await seedCalendars(env);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the table covers every route of routes.tsx', () => {
    const o = {
      matter: 'm',
      mediationCase: 'c',
      arbitrationCase: 'a',
      inspectionCase: 'i',
      room: 'r',
      organization: 'g',
      visit: 'v',
    };
    const listed = PAGES.flatMap((x) => x.paths(o));
    const elsewhere = new Set(NOT_SCANNED_HERE.map((x) => x.route));
    expect(staffRoutes().filter((r) => !elsewhere.has(r) && !listed.some((u) => matches(r, u)))).toEqual([]);
    // No stale entry either.
    expect([...elsewhere].filter((r) => !staffRoutes().includes(r))).toEqual([]);
  });

  for (const { user, paths } of PAGES) {
    it(`${user}: each page at 1366 px and 360 px`, { timeout: 600_000, retry: 0 }, async () => {
      const clerk = await signedIn(env, 'clerk');
      const list = paths(
        user === 'clerk' || user === 'zhangmin'
          ? await objects(env, clerk)
          : user === 'prevention'
            ? await preventionObjects(env)
            : ({} as Objects),
      );
      const desktop = await signInAs({ server, browser }, user, DESKTOP);
      // The post opens these pages from its own menu (no 403 page scanned by mistake).
      const menu = await menuPaths(desktop);
      expect(
        list.filter((u) => !u.slice(1).includes('/') && u !== '/change-password' && !menu.includes(u)),
      ).toEqual([]);
      const phone = await (await newContext(browser, PHONE)).newPage();
      await phone.context().addCookies(await desktop.context().cookies());
      const problems: string[] = [];
      for (const [page, label] of [
        [desktop, '1366'],
        [phone, '360'],
      ] as const) {
        for (const url of list) {
          await page.goto(`${server.url}${url}`);
          await settle(page);
          problems.push(...(await scan(page, `${user} ${url} @${label}`)));
          await screenshot(page, `scan-${user}${url.replace(/\//g, '_').slice(0, 40)}-${label}`);
        }
      }
      await desktop.context().close();
      await phone.context().close();
      console.log(`${user}: ${list.length} 个页面 × 2 种宽度，问题 ${problems.length} 个`);
      expect(problems).toEqual([]);
    });
  }
});
