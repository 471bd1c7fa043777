import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { RunningServer } from '../../apps/server/src/bootstrap';
import { upsertEmployer } from '../../apps/server/src/modules/parties/parties.service';
import { launchBrowser, newContext } from './browser';
import { LoginPage } from './pages';
import { startProduct } from './server';

/** The password of every demo account (README). */
export const DEMO_PASSWORD = 'Onestop@2026';

/** A 1×1 PNG: the photo of the worker's IOU (工资欠条). */
export const IOU_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

export type EmployerOnFile = Parameters<typeof upsertEmployer>[2];

/** The product server and a browser of a window-visit test file. */
export interface VisitEnv {
  readonly server: RunningServer;
  readonly browser: Browser;
}

/**
 * A window visit's product server and browser for the tests of this file (started before them, closed
 * after them), with the employer on file from an earlier matter (its registration details came with it).
 */
export function useWindowVisit(employer: EmployerOnFile): VisitEnv {
  const env = {} as { server: RunningServer; browser: Browser };
  beforeAll(async () => {
    env.server = await startProduct();
    env.browser = await launchBrowser();
    const { ctx } = env.server.app;
    await ctx.database.db.transaction().execute((trx) => upsertEmployer(trx, ctx.cipher, employer));
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/** A new page (desktop unless a viewport is given) signed in as a demo user (waits for the user menu). */
export async function signInAs(
  env: VisitEnv,
  username: string,
  viewport?: Parameters<typeof newContext>[1],
): Promise<Page> {
  const page = await (await newContext(env.browser, viewport)).newPage();
  const login = new LoginPage(page, env.server.url);
  await login.open();
  await login.signInAndWait(username, DEMO_PASSWORD);
  return page;
}

/** The product server runs with JOBS_ENABLED=false: runs the queued jobs (renders the issued PDFs) here. */
export async function drainJobs(server: RunningServer): Promise<void> {
  while ((await server.app.ctx.jobs.runOnce()) > 0) {
    /* next job */
  }
}

/** The amount field of claim row `i` on the one-page intake. */
export const claimAmount = (page: Page, i: number) =>
  page.locator(`input[data-testid="claim-amount-${i}"], [data-testid="claim-amount-${i}"] input`).first();
