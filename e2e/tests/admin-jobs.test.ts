import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../apps/server/src/bootstrap';
import { enqueueJob, JobRunner } from '../../apps/server/src/platform/jobs';
import { DEMO_PASSWORD } from '../../apps/server/src/seed/demo';
import { launchBrowser, newContext, PHONE, screenshot } from '../support/browser';
import { LoginPage } from '../support/pages';
import { startProduct } from '../support/server';

/** 系统管理 → 后台任务: a dead job is listed with its (masked) reason and retried by the administrator. */
describe('admin: dead jobs', () => {
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

  it('lists a failed job and retries it', async () => {
    const { db } = server.database;
    await enqueueJob(db, 'document.render', { documentId: 'x' }, { maxAttempts: 1, dedupeKey: 'e2e:dead' });
    const runner = new JobRunner(db, server.app.log);
    runner.register('document.render', async () => {
      throw new Error('文书模板缺失（测试）');
    });
    expect(await runner.runOnce()).toBe(1);

    const context = await newContext(browser);
    const page = await context.newPage();
    const login = new LoginPage(page, server.url);
    await login.open();
    await login.signInAndWait('admin', DEMO_PASSWORD);
    await page.goto(`${server.url}/admin/jobs`);
    const table = page.getByTestId('jobs-table');
    await table.getByText('文书模板缺失（测试）').waitFor();
    await expect(table.getByText('文书生成（PDF）').count()).resolves.toBe(1);
    await page.getByText('有 1 个任务失败且已停止重试').waitFor();
    await screenshot(page, 'admin-jobs-desktop');

    const phone = await newContext(browser, PHONE);
    const small = await phone.newPage();
    await small.context().addCookies(await context.cookies());
    await small.goto(`${server.url}/admin/jobs`);
    await small.getByTestId('jobs-table').getByText('文书模板缺失（测试）').waitFor();
    await screenshot(small, 'admin-jobs-phone');
    await phone.close();

    await table.getByRole('button', { name: '重试' }).click();
    await page.getByText('已重新排队：文书生成（PDF）').waitFor();
    await table.getByText('没有失败的任务').waitFor();
    const job = await db
      .selectFrom('job')
      .selectAll()
      .where('dedupe_key', '=', 'e2e:dead')
      .executeTakeFirstOrThrow();
    expect(job).toMatchObject({ state: 'pending', attempts: 0 });
    await context.close();
  });
});
