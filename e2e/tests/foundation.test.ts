import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../apps/server/src/bootstrap';
import { DESKTOP, launchBrowser, newContext, PHONE, screenshot } from '../support/browser';
import { LoginPage, menuPaths } from '../support/pages';
import { startProduct } from '../support/server';
import { sampleSealPng } from '../../apps/server/src/modules/documents/render/samples';

const DEMO = 'Onestop@2026';

describe('foundation journeys in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startProduct();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function signedInPage(username: string, password = DEMO, viewport = DESKTOP): Promise<Page> {
    const context = await newContext(browser, viewport);
    const page = await context.newPage();
    const login = new LoginPage(page, server.url);
    await login.open();
    await login.signInAndWait(username, password);
    return page;
  }

  async function pick(page: Page, label: string, text: string) {
    const input = page.getByLabel(label, { exact: true });
    await input.click();
    await input.fill(text);
    await page.locator('.ant-select-dropdown:visible, .ant-select-tree-dropdown:visible').first().waitFor();
    await page.keyboard.press('Enter');
  }

  it('an admin creates a user holding 调解员 and 仲裁员 in two jurisdictions, who signs in and sees both work areas', async () => {
    const page = await signedInPage('admin');
    await screenshot(page, 'admin-home-desktop');
    await page.getByTestId('menu-/admin/users').click();
    await page.getByTestId('user-new').click();
    await page.getByTestId('user-username').fill('huangli');
    await page.getByTestId('user-displayName').fill('黄丽');
    await pick(page, '所属机构', '仲裁院');
    await page.getByTestId('user-password').fill('Initial#Pass2026');
    await page.getByTestId('grant-add').click();
    await pick(page, '岗位 1', '调解员');
    await pick(page, '辖区 1', '曾都区');
    await pick(page, '辖区 1', '广水市');
    await page.keyboard.press('Escape');
    await page.getByTestId('grant-add').click();
    await pick(page, '岗位 2', '仲裁员');
    await pick(page, '辖区 2', '曾都区');
    await pick(page, '辖区 2', '广水市');
    await page.keyboard.press('Escape');
    await screenshot(page, 'admin-user-form');
    await page.getByTestId('user-submit').click();
    await page.getByTestId('user-edit-huangli').waitFor({ timeout: 15_000 });

    // The arbitrator post is licensed by a certificate: the admin records it through the API
    // the certificates tab uses.
    const res = await page.evaluate(async () => {
      const me = await (await fetch('/api/auth/me')).json();
      const users = await (await fetch('/api/admin/users?q=huangli')).json();
      const r = await fetch(`/api/admin/users/${users.items[0].id}/certificates`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({
          type: 'arbitrator_card',
          number: '鄂仲2026-0901',
          issuer: '湖北省人力资源和社会保障厅',
          validFrom: '2026-01-01',
          validTo: '2030-12-31',
        }),
      });
      return r.status;
    });
    expect(res).toBe(201);

    const user = await signedInPage('huangli', 'Initial#Pass2026');
    const paths = await menuPaths(user);
    expect(paths).toContain('/work/mediation');
    expect(paths).toContain('/work/arbitration');
    expect(paths).not.toContain('/admin/users');
    await user.getByTestId('workarea-card-mediation').waitFor();
    await user.getByTestId('workarea-card-arbitration').waitFor();
    await screenshot(user, 'multi-role-home-desktop');
    await user.getByTestId('menu-/work/arbitration').click();
    await user.getByText('仲裁工作区').first().waitFor();
    const body = (await user.locator('main').textContent()) ?? '';
    expect(body).toContain('曾都区');
    expect(body).toContain('广水市');

    const phone = await signedInPage('huangli', 'Initial#Pass2026', PHONE);
    await screenshot(phone, 'multi-role-home-phone');
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE.width + 1);
  });

  it('an admin reads the posts catalogue and uploads an organisation seal', async () => {
    const page = await signedInPage('admin');
    await page.getByTestId('menu-/admin/roles').click();
    await page.getByTestId('roles-table').getByText('兼职仲裁员证').first().waitFor();
    await page.getByTestId('menu-/admin/organizations').click();
    const orgs = await page.evaluate(
      async () => (await (await fetch('/api/admin/organizations')).json()).items,
    );
    const commission = orgs.find((o: { name: string }) => o.name === '随州市劳动人事争议仲裁委员会');
    await page.getByTestId(`org-seal-${commission.id}`).click();
    const seal = await sampleSealPng();
    await page
      .locator('.ant-modal input[type=file]')
      .setInputFiles({ name: '仲裁委印章.png', mimeType: 'image/png', buffer: seal });
    await page.getByText('印章已更新').first().waitFor();
    await screenshot(page, 'admin-seal');
    const stored = await page.evaluate(
      async (id) => (await fetch(`/api/admin/organizations/${id}/seal`)).status,
      commission.id,
    );
    expect(stored).toBe(200);
  });

  it('a user without a permission gets 403 from the API and no menu entry', async () => {
    const page = await signedInPage('clerk');
    const paths = await menuPaths(page);
    expect(paths).not.toContain('/admin/users');
    expect(paths).not.toContain('/admin/audit');
    const status = await page.evaluate(async () => (await fetch('/api/admin/users')).status);
    expect(status).toBe(403);
    await page.goto(`${server.url}/admin/users`);
    await page.getByText('无权访问').first().waitFor();
    await screenshot(page, 'clerk-forbidden');
  });

  it('five wrong passwords lock the account', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const login = new LoginPage(page, server.url);
    await login.open();
    const attempt = async (password: string) => {
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/api/auth/login')),
        login.signIn('petition', password),
      ]);
      return response.status();
    };
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push(await attempt('WrongPassword#1'));
    expect(statuses).toEqual([401, 401, 401, 401, 423]);
    await page.getByText(/锁定/).first().waitFor();
    expect(await attempt(DEMO)).toBe(423);
    await page.getByText(/锁定/).first().waitFor();
    expect(page.url()).toContain('/login');
    await screenshot(page, 'login-locked');
  });
});
