import { chineseDate } from '@onestop/domain';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../apps/server/src/bootstrap';
import { COMPLETE, seedCalendars } from '../../apps/server/test/arbitration.support';
import { newMatter, openCase, places } from '../../apps/server/test/cases.support';
import { type Client, signedIn, type TestEnv } from '../../apps/server/test/harness';
import { DESKTOP, launchBrowser, PHONE, screenshot } from '../support/browser';
import { startProduct } from '../support/server';
import { signInAs } from '../support/visit';

/**
 * Issue 14, the window's off-happy paths: the 补正 loop on the arbitration page (what is missing, the
 * notice to print, 补正完成 re-running the review), the clocks saying what closed them, acts offered only
 * to the posts that may take them, and legal acts never offered as bare status buttons.
 */
describe('window paths: correction loop, clock outcomes, acts', () => {
  let server: RunningServer;
  let browser: Browser;
  let env: TestEnv;
  let clerk: Client;

  beforeAll(async () => {
    server = await startProduct();
    env = { server, url: server.url, databaseUrl: undefined };
    browser = await launchBrowser();
    await seedCalendars(env);
    clerk = await signedIn(env, 'clerk');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a clerk sees what is missing, prints the notice, completes the correction; 受理 is not offered to her post', async () => {
    const p = await places(env);
    const m = await newMatter(clerk, p.zengdu, { worker: '补正测试' });
    const r = await clerk.post('/api/arbitration/applications', {
      matterId: m.id,
      claimIds: [m.claims[0]!.id],
      ...COMPLETE,
      applicantSigned: false,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const caseId = r.body.case.caseId as string;
    const view = (await clerk.get(`/api/arbitration/cases/${caseId}`)).body;
    expect(view.state).toBe('needs_correction');

    const page = await signInAs({ server, browser }, 'clerk');
    await page.goto(`${server.url}/arbitration/cases/${caseId}`);
    const pending = page.getByTestId('correction-pending');
    await pending.waitFor();
    expect(await pending.locator('li').allInnerTexts()).toEqual(view.missingItems);
    expect(await pending.textContent()).toContain(`补正期限 ${chineseDate(view.correctionDeadline)}`);
    await page.getByTestId('print-correction_notice').first().waitFor();
    // The acceptance clock says what closed it, not only that it closed in time.
    await page.getByText('已办结：通知补正').first().waitFor();
    await screenshot(page, 'window-correction-pending');

    await page.getByTestId('review-correct').click();
    await page.getByTestId('accept-not-allowed').waitFor({ timeout: 20_000 });
    const accept = page.getByTestId('arbitration-accept');
    expect(await accept.isDisabled()).toBe(true);
    expect(await page.getByTestId('accept-not-allowed').textContent()).toContain(
      '受理、不予受理和管辖告知由仲裁员（持有效仲裁员证）或领导决定',
    );
    await page.getByText('已办结：补正完成').first().waitFor();
    const after = (await clerk.get(`/api/arbitration/cases/${caseId}`)).body;
    expect(after.state).toBe('received');
    expect(after.missingItems).toEqual([]);
    await screenshot(page, 'window-correction-done');
    await page.context().close();
  });

  it('the generic case page never offers “送达调解建议书” as a status button: it links to its form (desktop and phone)', async () => {
    const p = await places(env);
    const m = await newMatter(clerk, p.zengdu, { worker: '文书行为' });
    const med = (await openCase(clerk, m.id, 'mediation', [m.claims[0]!.id])).body.case;
    for (const [viewport, name] of [
      [DESKTOP, 'desktop'],
      [PHONE, 'phone'],
    ] as const) {
      const page = await signInAs({ server, browser }, 'zhangmin', viewport);
      await page.goto(`${server.url}/cases/${med.id}`);
      const link = page.getByTestId('case-act-send_proposal');
      await link.waitFor();
      expect(await link.textContent()).toBe('送达调解建议书：在“调解建议书（逐项建议金额与理由）”中办理');
      expect(await page.getByTestId('case-action-send_proposal').count()).toBe(0);
      expect(await link.getAttribute('href')).toBe(`/matters/${m.id}`);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (name === 'phone') expect(width).toBeLessThanOrEqual(360);
      await screenshot(page, `window-acts-${name}`);
      await page.context().close();
    }
  });

  it('a due date computed before its year’s holidays are entered says 暂定 in the work list (desktop and phone)', async () => {
    const p = await places(env);
    const m = await newMatter(clerk, p.zengdu, { worker: '暂定日期' });
    const med = (await openCase(clerk, m.id, 'mediation', [m.claims[0]!.id])).body.case;
    // As the clock engine leaves a clock reaching into 2027 until the admin enters that year.
    await server.app.ctx.database.db
      .updateTable('clock')
      .set({ due_date: '2027-01-08', calendar_pending_year: 2027 })
      .where('subject_id', '=', med.id)
      .where('status', 'in', ['running', 'extended'])
      .execute();
    for (const [viewport, name] of [
      [DESKTOP, 'desktop'],
      [PHONE, 'phone'],
    ] as const) {
      const page = await signInAs({ server, browser }, 'zhangmin', viewport);
      await page.goto(`${server.url}/work/mediation`);
      await page.getByTestId(`work-item-${med.id}`).waitFor({ timeout: 20_000 });
      // The only provisional date of this server's lists is this case's.
      expect(await page.getByTestId('work-table').textContent()).toContain('2027年1月8日（暂定）');
      await screenshot(page, `window-provisional-${name}`);
      await page.context().close();
    }
  });
});
