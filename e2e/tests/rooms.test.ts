import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../apps/server/src/bootstrap';
import { loadConfig } from '../../apps/server/src/config/env';
import { type Client, signedIn } from '../../apps/server/test/harness';
import { creditCode, intakeBody, residentId } from '../../apps/server/test/intake-fixtures';
import { SmsGateway } from '../../apps/server/test/portal.support';
import { DESKTOP, launchBrowser, newContext, PHONE, screenshot } from '../support/browser';
import { signInAs } from '../support/visit';
import { portalSignIn } from '../support/portal';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const WORKER_PHONE = '13812346601';
const EMPLOYER_PHONE = '13912346602';
const WORKER = '周小燕';
/** A 4x4 grey PNG standing for a photographed pay slip. */
const PAY_SLIP_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAAAAACMmsGiAAAADklEQVR4nGNoAAIGVAIAUBQIAXAlrj8AAAAASUVORK5CYII=',
  'base64',
);
const EMPLOYER = '随州市恒远服装有限公司';

/**
 * An online mediation (issue #20) in three Chromium pages with fake cameras: the worker (360 px) and
 * the employer's representative wait, the mediator admits both, every page receives the two others'
 * video, the chat arrives, the record written live is signed by both on the phone and issued.
 */
describe('online mediation room in Chromium', () => {
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
        STORAGE_DIR: mkdtempSync(path.join(tmpdir(), 'onestop-rooms-e2e-')),
        SMS_PROVIDER: 'http',
        SMS_HTTP_URL: sms.url,
      }),
    );
    browser = await launchBrowser({ fakeMedia: true });
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

  const signIn = (page: Page, phone: string) => portalSignIn(page, server.url, sms, phone);

  function roomCode(phone: string): string {
    const m = [...sms.messages].reverse().find((x) => x.to === phone && x.body.includes('调解室码'));
    const code = m && /调解室码(\d{6})/.exec(m.body)?.[1];
    if (!code) throw new Error(`no room code sent to ${phone}`);
    return code;
  }

  /** The party opens the room from 我的事项, types the room code, passes the device check and waits. */
  async function partyEnters(page: Page, phone: string) {
    await page.goto(`${server.url}/m/matters`);
    await page.getByTestId('room-item').first().click();
    await page.getByTestId('room-code').fill(roomCode(phone));
    await page.getByTestId('room-code-submit').click();
    await page.locator('[data-testid="device-check"][data-ready="true"]').waitFor({ timeout: 20_000 });
    await page.locator('[data-testid="enter-video"]:enabled').click();
    await page.locator('[data-testid="room-stage"][data-state="waiting"]').waitFor({ timeout: 20_000 });
  }

  /** Bytes of video received from each other participant (RTCPeerConnection stats). */
  const videoBytes = (page: Page): Promise<number[]> =>
    page.evaluate(async () => {
      const room = (window as { onestopRoom?: { videoBytes(): Promise<Record<string, number>> } })
        .onestopRoom;
      return Object.values((await room?.videoBytes()) ?? {});
    });

  async function expectVideoFromTwo(page: Page) {
    await expect
      .poll(async () => (await videoBytes(page)).filter((b) => b > 0).length, { timeout: 30_000 })
      .toBe(2);
    const before = await videoBytes(page);
    await expect
      .poll(async () => (await videoBytes(page)).every((b, i) => b > before[i]!), { timeout: 15_000 })
      .toBe(true);
  }

  async function signOnPhone(page: Page, phone: string, shot?: string) {
    await page.getByTestId('signature-canvas').waitFor({ timeout: 20_000 });
    const box = (await page.getByTestId('signature-canvas').boundingBox())!;
    await page.mouse.move(box.x + 20, box.y + 80);
    await page.mouse.down();
    for (let i = 1; i <= 12; i++) await page.mouse.move(box.x + 20 + i * 15, box.y + 80 + (i % 2 ? -30 : 30));
    await page.mouse.up();
    if (shot) await screenshot(page, shot);
    const sent = sms.messages.length;
    await page.getByTestId('sign-code-send').click();
    await page.getByText('验证码已发送到您登录的手机号').waitFor();
    expect(sms.messages.length).toBe(sent + 1);
    expect(sms.messages.at(-1)!.body).toContain('您正在签署调解笔录');
    await page.getByTestId('sign-code').fill(sms.codeFor(phone));
    await page.locator('[data-testid="sign-submit"]:enabled').click();
    await page.getByTestId('my-signature').getByText('您已签名确认笔录').waitFor({ timeout: 15_000 });
  }

  it('worker (360 px) and employer wait, the mediator admits both, video both ways, chat, record signed and issued', async () => {
    // The matter (worker's phone registered at the window) and the mediation case with consent.
    const places = (
      await (
        await signedIn({ server, url: server.url, databaseUrl: undefined }, 'admin')
      ).get('/api/admin/jurisdictions')
    ).body.items as { id: string; name: string }[];
    const body = intakeBody(places.find((j) => j.name === '曾都区')!.id) as any;
    body.workers[0].name = WORKER;
    body.workers[0].idNumber = residentId('19900705', 466);
    body.workers[0].phone = WORKER_PHONE;
    body.employers[0].name = EMPLOYER;
    body.employers[0].creditCode = creditCode('MA4R6601');
    const matter = await clerk.post('/api/intake', body);
    expect(matter.status, JSON.stringify(matter.body)).toBe(201);
    const matterId = matter.body.id as string;
    const started = await clerk.post(`/api/matters/${matterId}/mediation`, {
      consent: { given: true, method: 'window_signature', note: '窗口当面签字' },
    });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    // The employer's representative gets a 单位代表码 with the papers and opens the matter on the portal.
    const employerId = (await clerk.get(`/api/matters/${matterId}`)).body.employers[0].id as string;
    // The worker's pay slip is evidence of the matter (shown in the room later).
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(PAY_SLIP_PNG)], { type: 'image/png' }), '工资条.png');
    const uploaded = await fetch(`${server.url}/api/matters/${matterId}/evidence`, {
      method: 'POST',
      headers: { cookie: clerk.cookie!, 'x-csrf-token': clerk.csrf! },
      body: form,
    });
    expect(uploaded.status).toBe(201);
    const rep = await clerk.post(`/api/portal/staff/matters/${matterId}/representative-code`, {
      partyId: employerId,
    });
    expect(rep.status, JSON.stringify(rep.body)).toBe(200);

    // The representative signs in by phone and redeems the code: the invitation SMS goes to that phone.
    const employer = await (await newContext(browser, PHONE)).newPage();
    await signIn(employer, EMPLOYER_PHONE);
    await employer.getByTestId('representation-code').fill(rep.body.code);
    await employer.locator('[data-testid="representation-submit"]:enabled').click();
    await employer.getByTestId('matter-item').first().waitFor();
    // The mediator schedules the video mediation from the case's session form.
    const mediator = await signInAs({ server, browser }, 'zhangmin', DESKTOP);
    await mediator.goto(`${server.url}/matters/${matterId}`);
    await mediator.getByTestId('room-schedule').click();
    await mediator.getByText(`邀请 ${WORKER}`).waitFor({ timeout: 15_000 });
    await mediator.getByRole('button', { name: '安排并发送邀请' }).click();
    await mediator
      .getByTestId('room-open')
      .waitFor({ timeout: 15_000 })
      .catch(async (e) => {
        await screenshot(mediator, 'room-debug');
        throw e;
      });
    // One invitation SMS to each side (the employer's at the representative's phone).
    expect(
      sms.messages
        .filter((m) => m.body.includes('调解室码'))
        .map((m) => m.to)
        .sort(),
    ).toEqual([WORKER_PHONE, EMPLOYER_PHONE].sort());

    // The worker on a phone (360 px) and the employer's representative enter the waiting room.
    const worker = await (await newContext(browser, PHONE)).newPage();
    await signIn(worker, WORKER_PHONE);
    await partyEnters(worker, WORKER_PHONE);
    await screenshot(worker, 'room-worker-waiting-phone');
    await partyEnters(employer, EMPLOYER_PHONE);

    // The mediator opens the room, passes the device check and admits both from the waiting room.
    await mediator.getByTestId('room-open').click();
    await mediator.locator('[data-testid="device-check"][data-ready="true"]').waitFor({ timeout: 20_000 });
    await mediator.locator('[data-testid="enter-video"]:enabled').click();
    await mediator.getByTestId(`admit-${WORKER}`).click();
    await mediator.getByTestId(`admit-${EMPLOYER}`).click();
    for (const p of [worker, employer]) {
      await p.locator('[data-testid="room-stage"][data-state="admitted"]').waitFor({ timeout: 20_000 });
    }
    for (const p of [mediator, worker, employer]) await expectVideoFromTwo(p);

    // Chat reaches everyone and stays on the case timeline.
    await worker.getByTestId('chat-input').fill('您好，我能看到您');
    await worker.getByTestId('chat-send').click();
    for (const p of [mediator, employer]) {
      await p.getByTestId('chat-lines').getByText('您好，我能看到您').waitFor({ timeout: 15_000 });
    }

    // Exhibit: the mediator shows the worker's pay slip (evidence of the case) to everyone in the room.
    await mediator.getByTestId('exhibit-pick').selectOption({ label: '工资条.png' });
    await mediator.locator('[data-testid="exhibit-show"]:enabled').click();
    for (const p of [mediator, worker, employer]) {
      await p
        .getByTestId('exhibit-line')
        .getByRole('link', { name: '工资条.png' })
        .waitFor({ timeout: 15_000 });
    }
    await expect
      .poll(() =>
        worker
          .getByTestId('exhibit-line')
          .locator('img')
          .evaluate((img: HTMLImageElement) => img.naturalWidth),
      )
      .toBe(4);

    // Caucus: the mediator takes the worker aside; the employer neither sees nor hears them meanwhile.
    await mediator.locator('[data-testid="caucus-worker"]:enabled').click();
    await employer.getByTestId('caucus-waiting').waitFor({ timeout: 15_000 });
    await worker.getByTestId('caucus-inside').waitFor({ timeout: 15_000 });
    await expect.poll(async () => (await videoBytes(employer)).length, { timeout: 15_000 }).toBe(0);
    await expect.poll(async () => (await videoBytes(worker)).length, { timeout: 15_000 }).toBe(1);
    await expect.poll(async () => (await videoBytes(mediator)).length, { timeout: 15_000 }).toBe(1);
    await screenshot(employer, 'room-employer-caucus-waiting-phone');
    await screenshot(mediator, 'room-mediator-caucus-desktop');
    await mediator.getByTestId('caucus-end').click();
    await employer.getByTestId('caucus-waiting').waitFor({ state: 'detached', timeout: 15_000 });
    for (const p of [mediator, worker, employer]) await expectVideoFromTwo(p);
    // Weak networks: the phone dial-in note is shown in the room.
    await expect(worker.getByTestId('dial-in').textContent()).resolves.toContain('电话参加');

    // The record, written live by the mediator, appears on the phones.
    await mediator
      .getByTestId('record-editor')
      .fill('调解员：核对双方身份，告知调解自愿原则。\n劳动者：请求支付拖欠工资12,500.00元。');
    await mediator.getByTestId('record-save').click();
    await mediator.getByTestId('record-saved').getByText('已保存，当事人可实时看到').waitFor();
    await worker
      .getByTestId('record-text')
      .getByText(/请求支付拖欠工资12,500.00元/)
      .waitFor({ timeout: 15_000 });
    await screenshot(mediator, 'room-mediator-desktop');
    await screenshot(worker, 'room-worker-phone');
    const width = await worker.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);

    await mediator.locator('[data-testid="record-finish"]:enabled').click();
    await mediator.getByTestId('record-hash').waitFor({ timeout: 15_000 });
    await signOnPhone(worker, WORKER_PHONE, 'room-worker-signing-phone');
    await signOnPhone(employer, EMPLOYER_PHONE);
    await screenshot(worker, 'room-worker-signed-phone');
    expect(await worker.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await mediator.getByTestId(`signed-${EMPLOYER}`).waitFor({ timeout: 15_000 });
    await mediator.locator('[data-testid="record-staff-sign"]:enabled').click();
    await mediator.getByText('本人已签名').waitFor();
    await mediator.locator('[data-testid="record-issue"]:enabled').click();
    await mediator
      .getByTestId('record-issued')
      .getByText(/已出具调解笔录 随联调字〔\d{4}〕第\d+号/)
      .waitFor();
    await runJobs();
    await mediator.reload();
    const hash = await mediator.getByTestId('document-hash').textContent();
    expect(hash).toMatch(/^文书文件摘要值：[0-9a-f]{64}$/);
    await screenshot(mediator, 'room-issued-desktop');
    await worker.reload();
    await worker.getByTestId('record-issued').waitFor();

    const kinds = await server.app.ctx.database.db
      .selectFrom('matter_event')
      .select(['kind', 'summary'])
      .where('matter_id', '=', matterId)
      .where('kind', 'like', 'room_%')
      .orderBy('id')
      .execute();
    expect(kinds.find((k) => k.kind === 'room_chat')?.summary).toBe(
      `${WORKER}（网上）（在线调解室）：您好，我能看到您`,
    );
    expect(kinds.filter((k) => k.kind === 'room_record_signed')).toHaveLength(3);
    expect(kinds.at(-1)!.kind).toBe('room_record_issued');
  });
});
