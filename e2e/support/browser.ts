import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/**
 * Debian's Chromium, headless, with the flags this machine needs (no network beyond loopback).
 * playwright's launch() gives every browser a fresh temporary profile (user data dir).
 */
export async function launchBrowser(options: { fakeMedia?: boolean } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Online rooms: a synthetic camera and microphone, allowed without the permission prompt.
      ...(options.fakeMedia ? ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'] : []),
    ],
  });
}

export const DESKTOP = { width: 1366, height: 860 };
export const PHONE = { width: 360, height: 740 };

export async function newContext(browser: Browser, viewport = DESKTOP): Promise<BrowserContext> {
  // Reduced motion: the staff app then turns antd's animations off (App.tsx), so a click never lands on a
  // dialog or list that is still moving.
  return browser.newContext({
    viewport,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    reducedMotion: 'reduce',
  });
}

const SCREENS = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', 'screens');

/** Saves a screenshot under e2e/screens/ (git-ignored) so people can look at what users see. */
export async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENS, `${name}.png`), fullPage: true });
}
