import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../apps/server/src/bootstrap';
import { loadConfig } from '../../apps/server/src/config/env';
import { SAMPLE_FIELDS } from '../../apps/server/src/modules/documents/render/index';
import { flowDraft } from '../../apps/server/test/documents.support';
import { places } from '../../apps/server/test/cases.support';
import { type Client, signedIn } from '../../apps/server/test/harness';
import { creditCode, intakeBody, residentId } from '../../apps/server/test/intake-fixtures';
import { SmsGateway } from '../../apps/server/test/portal.support';
import { launchBrowser, newContext, PHONE, screenshot } from '../support/browser';
import { portalSignIn } from '../support/portal';
import { settled } from '../support/pages';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const WORKER_PHONE = '13812340001';
const EMPLOYER_PHONE = '13912340002';
const EMPLOYER = '随州市恒达机械制造有限公司';
const EMPLOYER_CODE = creditCode('MA4E7777');

// 1x1 PNG: a real image the phone's canvas can draw and compress.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * axe-core on the page as it is now: no serious or critical violations; and no ISO date (2026-12-07)
 * in the visible text — dates on screen are written the Chinese way (2026年12月7日).
 */
async function axe(page: Page, name: string) {
  const r = await new AxeBuilder({ page }).analyze();
  const bad = r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${name}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  const iso = await page.evaluate(() => {
    const out: string[] = [];
    const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      const t = n.textContent ?? '';
      if (/\b\d{4}-\d{2}-\d{2}\b/.test(t) && n.parentElement?.checkVisibility())
        out.push(t.trim().slice(0, 60));
    }
    return out;
  });
  expect(iso.map((t) => `${name}: ${t}`)).toEqual([]);
}

describe('the parties’ portal at 360 px', () => {
  const sms = new SmsGateway();
  let server: RunningServer;
  let browser: Browser;
  let clerk: Client;

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
        STORAGE_DIR: mkdtempSync(path.join(tmpdir(), 'onestop-portal-e2e-')),
        SMS_PROVIDER: 'http',
        SMS_HTTP_URL: sms.url,
      }),
    );
    browser = await launchBrowser();
    clerk = await signedIn({ server, url: server.url, databaseUrl: undefined }, 'clerk');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await sms.stop();
  });

  const runJobs = async () => {
    while ((await server.app.ctx.jobs.runOnce()) > 0) {
      /* drain */
    }
  };

  async function phonePage(): Promise<Page> {
    const context = await newContext(browser, PHONE);
    return context.newPage();
  }

  const signIn = (page: Page, phone: string) => portalSignIn(page, server.url, sms, phone);

  /**
   * The staff side: a matter registered at the window for the worker 刘小红 against the employer (the
   * portal application of the worker's test is one way in; this test file's other way is the window).
   */
  async function windowMatter(): Promise<string> {
    const zengdu = (await places({ server, url: server.url, databaseUrl: undefined })).zengdu;
    const body = intakeBody(zengdu);
    body.workers[0]!.name = '刘小红';
    body.employers[0]!.name = EMPLOYER;
    body.employers[0]!.creditCode = EMPLOYER_CODE;
    const r = await clerk.post('/api/intake', body);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.id as string;
  }

  /** The staff side: an issued document on the matter, served electronically on `recipient`. */
  async function serve(
    matterId: string,
    type: 'acceptance_notice' | 'mediation_proposal',
    recipient: string,
    fields: Record<string, unknown>,
  ) {
    const orgs = (await clerk.get('/api/admin/organizations')).body?.items as
      | { id: string; name: string }[]
      | undefined;
    const issuer = orgs?.find((o) => o.name === '随州市劳动人事争议仲裁委员会')?.id;
    // Act documents are drafted as their flows draft them (the generic route refuses them).
    const d = await flowDraft({ server, url: server.url, databaseUrl: undefined }, clerk, {
      subjectType: 'matter',
      subjectId: matterId,
      type,
      ...(issuer && type === 'mediation_proposal' ? { issuerOrgId: issuer } : {}),
      fields: { ...SAMPLE_FIELDS[type], ...fields },
    });
    expect(d.status, JSON.stringify(d.body)).toBe(201);
    expect((await clerk.post(`/api/documents/${d.body.id}/issue`, {})).status).toBe(200);
    await runJobs();
    // The recipient's consent to electronic service is on record (the worker's from the application;
    // the employer's signed on paper at the window): the service takes it from there.
    const { db } = server.app.ctx.database;
    const party = await db
      .selectFrom('matter_party as mp')
      .innerJoin('party as p', 'p.id', 'mp.party_id')
      .select('p.id')
      .where('mp.matter_id', '=', matterId)
      .where('p.name', '=', recipient)
      .executeTakeFirstOrThrow();
    await db
      .insertInto('portal_consent')
      .values({
        ref: `WS-DZ-E2E${type === 'acceptance_notice' ? 'A' : 'B'}0001`,
        kind: 'electronic_service',
        matter_id: matterId,
        party_id: party.id,
        given: true,
        channel: 'window',
        text_shown: '同意电子送达',
      })
      .onConflict((oc) => oc.columns(['matter_id', 'party_id', 'kind']).doNothing())
      .execute();
    const s = await clerk.post(`/api/documents/${d.body.id}/service`, {
      recipient,
      method: 'electronic',
      partyId: party.id,
    });
    expect(s.status, JSON.stringify(s.body)).toBe(201);
  }

  it('public pages pass axe at 360 px, with the large-font mode', async () => {
    const page = await phonePage();
    await page.goto(`${server.url}/m/`);
    await page.getByTestId('tile-/guide').waitFor();
    await axe(page, 'home');
    await page.getByTestId('large-font').click();
    expect(await page.evaluate(() => document.documentElement.classList.contains('large'))).toBe(true);
    await screenshot(page, 'portal-home-phone');
    await page.getByTestId('tile-/guide').click();
    await page.getByTestId('guide-wages').click();
    await page.getByTestId('guide-award').click();
    await page.getByTestId('guide-within').click();
    await page.getByTestId('guide-no').click();
    await page.getByRole('heading', { name: /建议：申请劳动仲裁/ }).waitFor();
    await page.getByText('请准备这些材料').waitFor();
    await axe(page, 'guide result');
    for (const p of [
      '/report',
      '/question',
      '/sites',
      '/cases',
      '/kb',
      '/calculator',
      '/query',
      '/login',
      '/matters',
      '/apply/mediation',
    ]) {
      await page.goto(`${server.url}/m${p}`);
      await page.locator('h1').first().waitFor();
      await settled(page);
      await axe(page, p);
    }
    await page.goto(`${server.url}/m/sites`);
    await page.getByText('随州市劳动人事争议仲裁院一站式综合服务大厅').waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    await page.context().close();
  });

  it('a worker files an arbitration application with two photos, follows it, opens the 受理通知书 and rates the service', async () => {
    const page = await phonePage();
    await signIn(page, WORKER_PHONE);
    await page.goto(`${server.url}/m/apply/arbitration`);
    await page.getByTestId('apply-place').selectOption({ label: '曾都区' });
    await page.getByTestId('apply-name').fill('刘小红');
    await page.getByTestId('apply-idNumber').fill(residentId('19920304', 512));
    await page.getByTestId('apply-employer').fill(EMPLOYER);
    await page.getByTestId('apply-creditCode').fill(EMPLOYER_CODE);
    await page.getByTestId('apply-contactPhone').fill(EMPLOYER_PHONE);
    await page.getByTestId('apply-claim-0-amount').fill('15600');
    await page.getByTestId('apply-claim-0-facts').fill('2025年10月至12月工资没有发放');
    // What the 补正通知书 would otherwise demand is asked before submitting.
    await page.getByTestId('apply-address').fill('湖北省随州市曾都区舜井大道8号');
    await page.getByTestId('apply-employerAddress').fill('随州市曾都区交通大道66号');
    await page.getByTestId('apply-legalRepresentative').fill('孙建国');
    await page.getByTestId('apply-employmentStart').fill('2025-03-01');
    await page.getByTestId('apply-claim-0-from').fill('2025-10-01');
    await page.getByTestId('apply-claim-0-to').fill('2025-12-31');
    // Electronic service is never pre-ticked: the worker consents expressly.
    expect(await page.getByTestId('apply-eservice').isChecked()).toBe(false);
    await page.getByTestId('apply-eservice').check();
    await page.getByTestId('evidence-album').setInputFiles([
      { name: '工资条.png', mimeType: 'image/png', buffer: PNG },
      { name: '考勤表.png', mimeType: 'image/png', buffer: Buffer.concat([PNG]) },
    ]);
    await page.getByTestId('evidence-files').getByText('考勤表').waitFor();
    // The pickers speak Chinese. Chromium draws "Choose File / No file chosen" inside a visible native
    // input, out of reach of the page's text: so no native input may be visible, and the page's
    // text and accessible names are Chinese.
    expect(await page.locator('input[type=file]:visible').count()).toBe(0);
    expect(await page.locator('input[type=file]').count()).toBe(2);
    const shown = `${await page.locator('body').textContent()} ${await page.locator('body').ariaSnapshot()}`;
    expect(shown).not.toContain('Choose File');
    expect(shown).not.toContain('No file chosen');
    await page.getByText('工资条.png、考勤表.png', { exact: true }).waitFor();
    expect(await page.getByText('未选择文件', { exact: true }).count()).toBe(1);
    await page.getByRole('button', { name: /拍照上传证据/ }).waitFor();
    await axe(page, 'apply form');
    await page.getByTestId('apply-submit').click();
    await page.getByTestId('apply-done').waitFor({ timeout: 20_000 });
    await expect.poll(() => page.getByText(/已提交证据 2 件/).count()).toBe(1);
    await axe(page, 'apply done');
    await screenshot(page, 'portal-apply-done-phone');
    await page.getByTestId('apply-view').click();
    await page.getByTestId('timeline').getByText('您在网上提交的申请已收到').waitFor();
    const matterId = page.url().split('/').pop()!;
    const evidence = await server.app.ctx.database.db
      .selectFrom('matter_evidence')
      .selectAll()
      .where('matter_id', '=', matterId)
      .execute();
    expect(evidence).toHaveLength(2);

    await serve(matterId, 'acceptance_notice', '刘小红', { applicantName: '刘小红' });
    await page.reload();
    const [popup] = await Promise.all([
      page.context().waitForEvent('page'),
      page.getByTestId('doc-acceptance_notice').click(),
    ]);
    await popup.close().catch(() => undefined);
    await expect
      .poll(async () => {
        const row = await server.app.ctx.database.db
          .selectFrom('document_service')
          .select(['first_opened_at'])
          .where('recipient', '=', '刘小红')
          .executeTakeFirst();
        return row?.first_opened_at !== null && row?.first_opened_at !== undefined;
      })
      .toBe(true);
    await page.reload();
    await page.getByText(/已于 .* 送达/).waitFor();
    await axe(page, 'matter');

    // The staff close a track (a consultation answered); the worker is asked to rate it.
    const detail = (await clerk.get(`/api/matters/${matterId}`)).body;
    const opened = await clerk.post(`/api/matters/${matterId}/cases`, {
      track: 'consultation',
      claimIds: [detail.claims[0].id],
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    await clerk.post(`/api/cases/${opened.body.case.id}/transitions`, {
      event: 'answer',
      version: opened.body.case.version,
    });
    await page.reload();
    await page.getByTestId('rating-consultation-5').check();
    await axe(page, 'rating');
    await page.getByTestId('rating-consultation-submit').click();
    await page.getByText('谢谢您的评价').waitFor();
    await screenshot(page, 'portal-matter-phone');
    await page.context().close();
  });

  it('an employer signs in by phone and answers the 调解建议书 item by item', async () => {
    const matterId = await windowMatter();
    await serve(matterId, 'mediation_proposal', EMPLOYER, {
      addresseeName: EMPLOYER,
      respondentName: EMPLOYER,
      applicantName: '刘小红',
    });
    // The contact phone opens nothing by itself: the case staff issue a one-time 单位代表码 for the employer.
    const employerId = (await clerk.get(`/api/matters/${matterId}`)).body.employers[0].id as string;
    const issued = await clerk.post(`/api/portal/staff/matters/${matterId}/representative-code`, {
      partyId: employerId,
    });
    expect(issued.status, JSON.stringify(issued.body)).toBe(200);
    const page = await phonePage();
    await signIn(page, EMPLOYER_PHONE);
    await page.getByText('暂时没有事项').waitFor();
    await page.getByTestId('representation-code').fill(issued.body.code);
    await axe(page, 'representation');
    await screenshot(page, 'portal-representation-phone');
    await page.locator('[data-testid="representation-submit"]:enabled').click();
    await page.getByTestId('matter-item').first().click();
    await page.getByTestId('proposal').waitFor();
    await page.getByTestId('proposal-1-reject').check();
    await page.getByTestId('proposal-2-counter').check();
    await page.getByTestId('proposal-2-amount').fill('8000');
    await axe(page, 'proposal');
    await page.getByTestId('proposal-submit').click();
    await page.getByText('答复已提交').waitFor();
    const replies = await server.app.ctx.database.db
      .selectFrom('portal_proposal_reply')
      .select(['item_index', 'answer', 'counter_amount_fen'])
      .where('matter_id', '=', matterId)
      .orderBy('item_index')
      .execute();
    expect(replies.map((r) => r.answer)).toEqual(['accept', 'reject', 'counter']);
    expect(Number(replies[2]!.counter_amount_fen)).toBe(800_000);
    await screenshot(page, 'portal-employer-proposal-phone');
    await page.context().close();
  });
});
