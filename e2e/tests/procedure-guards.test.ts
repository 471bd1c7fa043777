import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../apps/server/src/bootstrap';
import { application, seedCalendars } from '../../apps/server/test/arbitration.support';
import { newMatter, places } from '../../apps/server/test/cases.support';
import { signedIn, type TestEnv } from '../../apps/server/test/harness';
import { cn, dayFromNow, slot } from '../../apps/server/test/procedure.support';
import { DESKTOP, launchBrowser, newContext, PHONE, screenshot } from '../support/browser';
import { LoginPage } from '../support/pages';
import { startProduct } from '../support/server';

describe('procedure guards on the arbitration case page (Chromium)', () => {
  let server: RunningServer;
  let browser: Browser;
  let env: TestEnv;

  beforeAll(async () => {
    server = await startProduct();
    env = { server, url: server.url, databaseUrl: undefined };
    browser = await launchBrowser();
    await seedCalendars(env);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A case whose hearing is set 6 days ahead (the respondent waived the defence period in writing). */
  async function caseWithHearingAhead() {
    const clerk = await signedIn(env, 'clerk');
    const director = await signedIn(env, 'director');
    const liqiang = await signedIn(env, 'liqiang');
    const zhangmin = await signedIn(env, 'zhangmin');
    const p = await places(env);
    const m = await newMatter(clerk, p.zengdu, { worker: '赵守程' });
    const caseId = (await application(clerk, { id: m.id, claims: m.claims })).case.caseId as string;
    const must = async (r: Promise<{ status: number; body: unknown }>) => {
      const x = await r;
      expect(x.status, JSON.stringify(x.body)).toBe(200);
    };
    await must(director.post(`/api/arbitration/cases/${caseId}/accept`, { evidenceDeadline: dayFromNow(2) }));
    await must(liqiang.post(`/api/arbitration/cases/${caseId}/serve-respondent`, {}));
    await must(
      liqiang.post(`/api/arbitration/cases/${caseId}/simplified`, { apply: true, reason: '欠薪事实清楚' }),
    );
    const me = (await zhangmin.get('/api/auth/me')).body.user.id as string;
    await must(liqiang.post(`/api/arbitration/cases/${caseId}/tribunal`, { arbitratorIds: [me] }));
    await must(
      liqiang.post(`/api/arbitration/cases/${caseId}/records`, {
        kind: 'defence_waiver',
        summary: '被申请人书面声明放弃答辩期',
      }),
    );
    const rooms = (await clerk.get(`/api/arbitration/calendar?from=${dayFromNow(0)}&days=7`)).body.rooms;
    const hearingDate = dayFromNow(6);
    await must(
      liqiang.post(`/api/arbitration/cases/${caseId}/hearings`, {
        roomId: rooms[rooms.length - 1].id,
        ...slot(hearingDate, '15:00', '16:00'),
      }),
    );
    return { caseId, hearingDate };
  }

  it('an arbitrator sees the award disabled before the hearing, with why and the earliest date', async () => {
    const { caseId, hearingDate } = await caseWithHearingAhead();
    for (const [viewport, name] of [
      [DESKTOP, 'procedure-guards-award-desktop'],
      [PHONE, 'procedure-guards-award-phone'],
    ] as const) {
      const context = await newContext(browser, viewport);
      const page = await context.newPage();
      const login = new LoginPage(page, server.url);
      await login.open();
      await login.signInAndWait('zhangmin', 'Onestop@2026');
      await page.goto(`${server.url}/arbitration/cases/${caseId}`);
      const award = page.locator('[data-testid="guard-award"][data-allowed="false"]');
      await award.waitFor({ timeout: 20_000 });
      expect(await page.getByTestId('guard-award-button').isDisabled()).toBe(true);
      const reasons = (await page.getByTestId('guard-award-reasons').textContent()) ?? '';
      expect(reasons).toContain(`开庭日期为${cn(hearingDate)}，开庭日之前不得办理`);
      expect(reasons).toContain(`最早可办理日期：${cn(hearingDate)}`);
      expect(reasons).toContain('《劳动争议调解仲裁法》第三十五条、第三十九条');
      // The hearing itself cannot be recorded yet either: the button is disabled and says why.
      const hold = page.getByTestId('proceedings-hold');
      expect(await hold.getAttribute('data-allowed')).toBe('false');
      expect(await hold.isDisabled()).toBe(true);
      await page.getByTestId('blocked-hold_hearing').waitFor();
      await screenshot(page, name);
      await context.close();
    }
  });
});
