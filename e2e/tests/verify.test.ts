import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../apps/server/src/bootstrap';
import { SAMPLE_FIELDS } from '../../apps/server/src/modules/documents/render/samples';
import { newMatter, openCase, places } from '../../apps/server/test/cases.support';
import { flowDraft } from '../../apps/server/test/documents.support';
import { type Client, signedIn, type TestEnv } from '../../apps/server/test/harness';
import { DESKTOP, launchBrowser, newContext, PHONE, screenshot } from '../support/browser';
import { startProduct } from '../support/server';

/** The public /verify page: content summary without personal data, corrections shown as superseding. */
describe('public document verification in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let env: TestEnv;
  let clerk: Client;

  beforeAll(async () => {
    server = await startProduct();
    env = { server, url: server.url, databaseUrl: undefined };
    browser = await launchBrowser();
    clerk = await signedIn(env, 'clerk');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const drainJobs = async () => {
    while ((await server.app.ctx.jobs.runOnce()) > 0) {
      /* render the issued PDFs */
    }
  };

  async function issue(body: Record<string, unknown>) {
    // The award is an act document: drafted as its flow drafts it (the generic route refuses it).
    const draft = await flowDraft(env, clerk, body as Parameters<typeof flowDraft>[2]);
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    const r = await clerk.post(`/api/documents/${draft.body.id}/issue`, {});
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    await drainJobs();
    return r.body as { id: string; number: string; shortCode: string };
  }

  it('an award shows its 文号, 案号, issuer, date and amounts; once corrected it shows as superseded', async () => {
    const p = await places(env);
    const m = await newMatter(clerk, p.zengdu, { worker: '核验测试工' });
    const opened = await openCase(clerk, m.id, 'arbitration', [m.claims[0]!.id]);
    expect(opened.status).toBe(201);
    const subject = { subjectType: 'case', subjectId: opened.body.case.id };
    const award = await issue({ ...subject, type: 'award', fields: SAMPLE_FIELDS.award });

    for (const [viewport, name] of [
      [DESKTOP, 'verify-award-desktop'],
      [PHONE, 'verify-award-phone'],
    ] as const) {
      const page = await (await newContext(browser, viewport)).newPage();
      await page.goto(`${server.url}/verify/${award.shortCode}`);
      const result = page.getByTestId('verify-result');
      await result.waitFor({ timeout: 20_000 });
      const text = await result.textContent();
      expect(text).toContain('文书真实有效');
      expect(text).toContain(award.number);
      expect(text).toContain(opened.body.case.number);
      expect(text).toContain('15,600.00元');
      expect(text).toContain('36,400.00元');
      expect(text).not.toContain(SAMPLE_FIELDS.award.applicantName);
      await screenshot(page, name);
      await page.context().close();
    }

    const c = await clerk.post(`/api/documents/${award.id}/correct`, {
      reason: '第二项金额计算有误',
      fields: {
        ...SAMPLE_FIELDS.award,
        items: SAMPLE_FIELDS.award.items.map((i, n) => (n === 1 ? { ...i, amount: 20_000 } : i)),
      },
    });
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    const fix = await clerk.post(`/api/documents/${c.body.id}/issue`, {});
    expect(fix.status).toBe(200);
    await drainJobs();

    const page = await (await newContext(browser, DESKTOP)).newPage();
    await page.goto(`${server.url}/verify/${award.shortCode}`);
    const old = page.getByTestId('verify-result');
    await old.waitFor({ timeout: 20_000 });
    expect(await old.textContent()).toContain('文书已被更正');
    expect(await old.textContent()).toContain(fix.body.number);
    await screenshot(page, 'verify-award-superseded');
    await page.goto(`${server.url}/verify/${fix.body.shortCode}`);
    await page.getByText('更正的文书').waitFor({ timeout: 20_000 });
    const fresh = await page.getByTestId('verify-result').textContent();
    expect(fresh).toContain('35,600.00元');
    expect(fresh).toContain(award.number);
    await screenshot(page, 'verify-correction');
    await page.context().close();
  });
});
