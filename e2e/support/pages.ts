import { expect } from 'vitest';
import type { Page } from 'playwright-core';

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
