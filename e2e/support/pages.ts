import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { screenshot } from './browser';

/** Page object: the sign-in page. */
export class LoginPage {
  constructor(
    private readonly page: Page,
    private readonly base: string,
  ) {}

  async open() {
    await this.page.goto(`${this.base}/login`);
    await this.page.getByTestId('login-username').waitFor();
  }

  async signIn(username: string, password: string) {
    await this.page.getByTestId('login-username').fill(username);
    await this.page.getByTestId('login-password').fill(password);
    await this.page.getByTestId('login-submit').click();
  }

  async signInAndWait(username: string, password: string) {
    await this.signIn(username, password);
    await this.page.getByTestId('user-menu').waitFor({ timeout: 20_000 });
  }
}

export async function menuPaths(page: Page): Promise<string[]> {
  const ids = await page
    .locator('[data-testid^="menu-/"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid') ?? ''));
  return ids.map((id) => id.replace(/^menu-/, ''));
}

export async function expectText(page: Page, text: string | RegExp) {
  await page.getByText(text).first().waitFor({ timeout: 15_000 });
  expect(await page.getByText(text).first().isVisible()).toBe(true);
}

/**
 * Registers a matter through the intake API as the user signed in on `page` (the intake UI has its own
 * journey): the jurisdiction is picked by name among the user's, the CSRF token comes from the session.
 */
export async function registerMatter(
  page: Page,
  jurisdictionName: string,
  body: Record<string, unknown>,
): Promise<string> {
  return page.evaluate(
    async ({ name, body }) => {
      const me = await (await fetch('/api/auth/me')).json();
      const j = me.user.roles
        .flatMap((r: { jurisdictions: { id: string; name: string }[] }) => r.jurisdictions)
        .find((x: { name: string }) => x.name === name);
      const r = await fetch('/api/intake', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({
          channel: 'window',
          requestKind: 'application',
          jurisdictionId: j.id,
          ...body,
        }),
      });
      const created = await r.json();
      if (r.status !== 201) throw new Error(JSON.stringify(created));
      return created.id as string;
    },
    { name: jurisdictionName, body },
  );
}

/**
 * Waits until the page declares itself settled: no element says `data-ready="false"` (a query still
 * loading or refetching) and no antd spinner spins. Fails after `timeout` instead of going on unsettled.
 */
export async function settled(page: Page, timeout = 20_000): Promise<void> {
  const unsettled = '[data-ready="false"], .ant-spin-spinning, .ant-skeleton-active';
  try {
    await page.waitForFunction((sel) => document.querySelector(sel) === null, unsettled, { timeout });
  } catch (e) {
    // Say what held the page back, so a failure names the card or spinner and not just the timeout.
    const held = await page
      .locator(unsettled)
      .evaluateAll((els) =>
        els.map((el) => {
          const owner = el.closest('[data-testid]');
          return `<${el.tagName.toLowerCase()} class="${el.className}"> in ${owner?.getAttribute('data-testid') ?? '(no test id)'}`;
        }),
      )
      .catch(() => [] as string[]);
    throw new Error(
      `${page.url()} not settled after ${timeout} ms: ${held.join('; ') || '(gone at the end)'}`,
      { cause: e },
    );
  }
}

/**
 * Waits until no finite CSS animation runs on the elements matching `selector` or inside them (antd's
 * dialog zoom, a dropdown's slide). Spinners (infinite animations) do not count.
 */
export async function animationsDone(page: Page, selector: string, timeout = 10_000): Promise<void> {
  await page.waitForFunction(
    (sel) =>
      Array.from(document.querySelectorAll(sel)).every((el) =>
        el
          .getAnimations({ subtree: true })
          .every(
            (a: Animation) =>
              a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity,
          ),
      ),
    selector,
    { timeout },
  );
}

/**
 * Picks the option whose text contains `label` in an antd Select (`select` is the select or its input):
 * waits for an opening dialog to stand still, opens the list, waits for it to finish opening, clicks the
 * option, then waits until the select shows it and, for a single select, until its list has gone (its
 * fading list would cover the fields below). A pick the select did not take fails here, naming the
 * option, instead of later as a form that says the field is empty. Nothing is clicked twice.
 */
export async function chooseOption(page: Page, select: Locator, label: string): Promise<void> {
  await animationsDone(page, '.ant-modal');
  await select.click();
  const option = page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label })
    .first();
  await option.waitFor();
  await animationsDone(page, '.ant-select-dropdown');
  await option.click();
  // The shown value (or a multiple select's tag) carries the option's label as its title.
  const root = select.locator(
    'xpath=ancestor-or-self::div[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]',
  );
  await root
    .locator('[title]', { hasText: label })
    .first()
    .waitFor({ timeout: 10_000 })
    .catch((e: unknown) => {
      throw new Error(`the select did not take the option “${label}”`, { cause: e });
    });
  const multiple = await root.evaluate((el) => el.classList.contains('ant-select-multiple'));
  if (!multiple) await page.locator('.ant-select-dropdown:visible').first().waitFor({ state: 'hidden' });
}

/**
 * Clicks a dialog's OK button and waits for the dialog (the element with test id `bodyTestId`) to close,
 * which is how the page says the step was done. If it stays open, saves a screenshot and fails with the
 * errors shown (a field's message, the server's refusal in the dialog or as a message) instead of a
 * later wait for a result that never comes.
 */
export async function submitDialog(page: Page, okTestId: string, bodyTestId: string, timeout = 30_000) {
  await page.getByTestId(okTestId).click();
  try {
    await page.getByTestId(bodyTestId).waitFor({ state: 'detached', timeout });
  } catch (e) {
    const shown = await page
      .locator(
        '.ant-modal-wrap:visible [role="alert"], .ant-modal-wrap:visible .ant-form-item-explain-error, .ant-message-error, .ant-notification-notice-error',
      )
      .allTextContents()
      .catch(() => [] as string[]);
    await screenshot(page, `dialog-stayed-open-${bodyTestId}-${Date.now()}`);
    throw new Error(`the dialog ${bodyTestId} stayed open: ${shown.join('；') || '(no error shown)'}`, {
      cause: e,
    });
  }
}
