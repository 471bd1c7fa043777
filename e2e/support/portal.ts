import type { Page } from 'playwright-core';

/** What the portal sign-in needs of the test SMS gateway (apps/server/test/portal.support.ts). */
export interface SmsCodes {
  codeFor(phone: string): string;
}

/**
 * Signs a worker in on the portal by phone and one-time SMS code, and waits for the portal's home
 * ("我的事项") so the next step starts on a ready page.
 */
export async function portalSignIn(page: Page, baseUrl: string, sms: SmsCodes, phone: string): Promise<void> {
  await page.goto(`${baseUrl}/m/login`);
  await page.getByTestId('login-phone').fill(phone);
  await page.getByTestId('login-send').click();
  await page.getByText('验证码已发送').waitFor();
  await page.getByTestId('login-code').fill(sms.codeFor(phone));
  await page.getByTestId('login-submit').click();
  await page.getByRole('heading', { name: '我的事项' }).waitFor();
}
