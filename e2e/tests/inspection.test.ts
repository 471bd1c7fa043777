import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../apps/server/src/bootstrap';
import { Client } from '../../apps/server/test/harness';
import { newMatter, openCase } from '../../apps/server/test/cases.support';
import { creditCode, residentId } from '../../apps/server/test/intake-fixtures';
import { launchBrowser, screenshot } from '../support/browser';
import { startProduct } from '../support/server';
import { chooseOption, submitDialog } from '../support/pages';
import { signInAs } from '../support/visit';

const DEMO = 'Onestop@2026';
const REPORTER = '李秘密';

/** The 60-working-day investigation period runs into next year: its holiday notice (test data). */
const NOTICE_2027 = {
  source: '国务院办公厅关于2027年部分节假日安排的通知（测试数据）',
  holidays: [{ date: '2027-01-01', name: '元旦' }],
  makeupWorkdays: [],
};

describe('labor inspection in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startProduct();
    browser = await launchBrowser();
    const admin = new Client(server.url);
    await admin.login('admin', DEMO);
    await admin.request('PUT', '/api/admin/calendar/years/2027', NOTICE_2027);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const signedInPage = (username: string): Promise<Page> => signInAs({ server, browser }, username);

  // A state the page declares; a loaded CI machine can take well over 15 s to get there.
  async function state(page: Page, text: string) {
    await page.getByTestId('inspection-state').filter({ hasText: text }).first().waitFor({ timeout: 60_000 });
  }

  async function api(username: string) {
    const c = new Client(server.url);
    await c.login(username, DEMO);
    return c;
  }

  async function zengdu(): Promise<string> {
    const admin = await api('admin');
    const items = (await admin.get('/api/admin/jurisdictions')).body.items as { id: string; name: string }[];
    return items.find((x) => x.name === '曾都区')!.id;
  }

  /** Setup through the API: a complaint registered by the clerk. */
  async function registerComplaint(jurisdictionId: string, over: Record<string, unknown>) {
    const clerk = await api('clerk');
    const r = await clerk.post('/api/inspection/cases', {
      source: 'complaint',
      channel: 'window',
      jurisdictionId,
      violationEndedOn: '2026-01-10',
      ...over,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.caseId as string;
  }

  /** Setup through the API: the named report about the restaurant (as the clerk registers it at the window). */
  const registerReport = async () =>
    registerComplaint(await zengdu(), {
      source: 'report',
      reporter: { anonymous: false, name: REPORTER, phone: '13900001111' },
      employer: { name: '随州市好味道餐饮有限公司', creditCode: creditCode('MA4R0009') },
      violations: [
        { type: 'minimum_wage', amountFen: 90_000, facts: '服务员月工资1200元，低于当地最低工资标准' },
      ],
    });

  it('the clerk registers a report about a restaurant below the minimum wage; the reporter stays hidden in the clerk’s UI', async () => {
    const page = await signedInPage('clerk');
    await page.getByTestId('menu-/inspection').click();
    await page.getByRole('tab', { name: '投诉举报登记' }).click();
    await page.getByTestId('insp-reporter-name').fill(REPORTER);
    await page.getByTestId('insp-reporter-phone').fill('13900001111');
    await page.getByTestId('insp-employer-name').fill('随州市好味道餐饮有限公司');
    await page.getByTestId('insp-credit-code').fill(creditCode('MA4R0009'));
    await chooseOption(page, page.getByTestId('insp-type'), '低于最低工资标准');
    await page.getByTestId('insp-amount').fill('900');
    await page.getByTestId('insp-facts').fill('服务员月工资1200元，低于当地最低工资标准');
    await page.getByTestId('insp-submit').click();
    await page.waitForURL(/\/inspection\/cases\//, { timeout: 20_000 });
    await state(page, '已登记');
    await page.getByTestId('reporter-withheld').waitFor();
    expect(await page.locator('main').textContent()).not.toContain(REPORTER);
    // The clerk may not accept: only the allowed steps are shown.
    expect(await page.getByTestId('step-accept').count()).toBe(0);
    await screenshot(page, 'inspection-clerk-reporter-hidden');
  });

  it('the inspector accepts and 立案 the same day, investigates, and withdraws the case once the employer corrects', async () => {
    const caseId = await registerReport();
    const director = new Client(server.url);
    await director.login('director', DEMO);
    const users = await Promise.all(
      ['inspector', 'zhangmin'].map(async (u) => {
        const c = new Client(server.url);
        await c.login(u, DEMO);
        return (await c.get('/api/auth/me')).body.user.id as string;
      }),
    );
    const assigned = await director.post(`/api/inspection/cases/${caseId}/inspectors`, { userIds: users });
    expect(assigned.status).toBe(200);

    const page = await signedInPage('inspector');
    await page.goto(`${server.url}/inspection/cases/${caseId}`);
    await page.getByTestId('reporter-visible').waitFor();
    expect(await page.getByTestId('reporter-visible').textContent()).toContain(REPORTER);
    // 立案 waits for the 负责人's 立案审批 (issue #13): the page says why before the inspector tries,
    // he asks, and the director approves on his 工作台 under 待我审批 — approving files the case.
    await page.locator('[data-testid="step-accept"][data-allowed="false"]').waitFor();
    expect(await page.getByTestId('blocked-accept').textContent()).toContain('立案审批表尚未批准');
    await screenshot(page, 'inspection-filing-blocked');
    await page.getByTestId('step-requestFiling').click();
    await page.getByTestId('field-reason').fill('涉嫌低于最低工资标准支付服务员工资');
    await page.getByTestId('action-ok').click();
    await page.getByTestId('approval-filing-pending').waitFor();
    const head = await signedInPage('director');
    await head.goto(`${server.url}/`);
    const list = head.locator('[data-testid="pending-approvals"][data-ready="true"]');
    const item = list.locator('li', { hasText: '好味道' }).filter({ hasText: '立案审批' });
    await item.waitFor();
    await screenshot(head, 'inspection-filing-approval-workbench');
    await item.locator('[data-testid^="approve-"]').click();
    await item.waitFor({ state: 'detached' });
    await page.reload();
    await state(page, '已立案');
    await page.getByTestId('inspection-documents').filter({ hasText: '立案审批表' }).waitFor();
    await page.getByTestId('step-startInvestigation').click();
    await state(page, '调查中');
    await page.getByTestId('step-withdraw').click();
    await page.getByTestId('field-reason').fill('违法行为轻微，用人单位已主动补足差额');
    await page.getByTestId('field-evidenceOfCorrection').fill('已补发6名服务员差额，银行回单在卷');
    await page.getByTestId('action-ok').click();
    // The inspector's 撤销立案 waits for the 负责人, who approves by his own action (issue #13).
    await page.getByTestId('approval-revocation-pending').waitFor();
    await head.goto(`${server.url}/inspection/cases/${caseId}`);
    await head.getByTestId('approve-revocation').click();
    await state(head, '撤销立案');
    await head.getByTestId('inspection-documents').filter({ hasText: '撤销立案审批表' }).waitFor();
    await screenshot(head, 'inspection-revocation-approved');
    await page.reload();
    await state(page, '撤销立案');
    await page.getByTestId('inspection-documents').filter({ hasText: '撤销立案决定书' }).waitFor();
    await page.getByTestId('step-close').click();
    await page.getByTestId('field-resultText').fill('用人单位已补足差额，撤销立案');
    await page.getByTestId('action-ok').click();
    await page.getByTestId('approval-closing-pending').waitFor();
    await head.reload();
    await head.getByTestId('approve-closing').click();
    await state(head, '已结案');
    await page.reload();
    await state(page, '已结案');
    await screenshot(page, 'inspection-withdrawn-closed');

    const clerk = await signedInPage('clerk');
    await clerk.goto(`${server.url}/inspection/cases/${caseId}`);
    await clerk.getByTestId('reporter-withheld').waitFor();
    expect(await clerk.locator('main').textContent()).not.toContain(REPORTER);
  });

  it('a second complaint proves untrue: the inspector ends the investigation (终结调查) with its document and tells the complainant', async () => {
    const id = await registerComplaint(await zengdu(), {
      complainant: {
        name: '赵不实',
        idType: 'resident_id',
        idNumber: residentId('19880808', 321),
        phone: '13711112222',
      },
      employer: { name: '随州市诚信机械有限公司', creditCode: creditCode('MA4M0002') },
      violations: [{ type: 'working_hours', facts: '每天工作12小时，没有休息日' }],
    });
    // The 负责人 takes the 立案 himself: his action is the 立案审批 (the 立案审批表 names him).
    const head = await signedInPage('director');
    await head.goto(`${server.url}/inspection/cases/${id}`);
    await state(head, '已登记');
    await head.locator('[data-testid="step-accept"][data-allowed="true"]').click();
    await state(head, '已立案');
    const page = await signedInPage('inspector');
    await page.goto(`${server.url}/inspection/cases/${id}`);
    await state(page, '已立案');
    const director = await api('director');
    const users = await Promise.all(
      ['inspector', 'zhangmin'].map(async (u) => (await (await api(u)).get('/api/auth/me')).body.user.id),
    );
    expect((await director.post(`/api/inspection/cases/${id}/inspectors`, { userIds: users })).status).toBe(
      200,
    );
    await page.reload();
    await page.getByTestId('step-startInvestigation').click();
    await state(page, '调查中');
    await page.getByTestId('step-endInvestigation').click();
    await page.getByTestId('field-reason').fill('考勤记录与监控显示每日工作8小时，投诉内容不实');
    await page.getByTestId('action-ok').click();
    await page.getByTestId('approval-revocation-pending').waitFor();
    await head.goto(`${server.url}/inspection/cases/${id}`);
    await head.getByTestId('approve-revocation').click();
    await state(head, '终结调查');
    await page.reload();
    await state(page, '终结调查');
    await page.getByTestId('inspection-documents').filter({ hasText: '撤销立案决定书' }).waitFor();
    await page.getByTestId('step-close').click();
    await page.getByTestId('field-resultText').fill('经调查，投诉内容不实，终结调查');
    await page.getByTestId('action-ok').click();
    await page.getByTestId('approval-closing-pending').waitFor();
    await head.reload();
    await head.getByTestId('approve-closing').click();
    await state(head, '已结案');
    await page.reload();
    await state(page, '已结案');
    await page.getByTestId('inspection-documents').filter({ hasText: '投诉处理结果告知书' }).waitFor();
    await screenshot(page, 'inspection-untrue-ended');

    const detail = (await (await api('inspector')).get(`/api/inspection/cases/${id}`)).body;
    const doc = detail.documents.find((d: any) => d.type === 'case_withdrawal');
    const full = (await (await api('inspector')).get(`/api/documents/${doc.id}`)).body;
    expect(full.fields.reasonCode).toBe('not_established');
  });

  it('a complaint about a matter already in arbitration is refused with a referral naming the arbitration case', async () => {
    const jurisdictionId = await zengdu();
    const clerkApi = await api('clerk');
    const idNumber = residentId('19900202', 456);
    const m = await newMatter(clerkApi, jurisdictionId, { idNumber, worker: '钱仲裁' });
    const arb = await openCase(clerkApi, m.id, 'arbitration', [m.claims[0]!.id]);
    expect(arb.status).toBe(201);
    const arbNumber = arb.body.case.number as string;
    const id = await registerComplaint(jurisdictionId, {
      complainant: { name: '钱仲裁', idType: 'resident_id', idNumber },
      employer: { name: '随州市鸿运建筑劳务有限公司', creditCode: creditCode('MA4C1234') },
      violations: [{ type: 'unpaid_wages', amountFen: 1_250_000, facts: '拖欠四个月工资' }],
    });
    const page = await signedInPage('inspector');
    await page.goto(`${server.url}/inspection/cases/${id}`);
    await state(page, '已登记');
    await page.getByTestId('step-refuse').click();
    await chooseOption(
      page,
      page.getByTestId('field-decision'),
      '属于争议程序或已在调解、仲裁中（条例第二十一条第二款）',
    );
    await submitDialog(page, 'action-ok', 'action-form');
    await state(page, '已告知');
    await page.getByTestId('inspection-case').filter({ hasText: arbNumber }).waitFor();
    await page.getByTestId('inspection-documents').filter({ hasText: '不予受理告知书' }).waitFor();
    await screenshot(page, 'inspection-refused-arbitration');

    const inspector = await api('inspector');
    const detail = (await inspector.get(`/api/inspection/cases/${id}`)).body;
    const doc = detail.documents.find((d: any) => d.type === 'inspection_rejection');
    const full = (await inspector.get(`/api/documents/${doc.id}`)).body;
    expect(`${full.fields.reasons}${full.fields.guidance}`).toContain(arbNumber);
  });

  it('the inspector launches a 专项检查 over one employer from the UI and opens the case filed for it', async () => {
    const employer = '随州市专项检查测试餐饮有限公司';
    const page = await signedInPage('inspector');
    await page.getByTestId('menu-/inspection').click();
    await page.getByRole('tab', { name: '专项检查' }).click();
    await page.getByTestId('campaign-new').click();
    await page.getByTestId('campaign-name').fill('2026年冬季根治欠薪专项检查');
    await page.getByTestId('campaign-topic').fill('工资支付情况，依据《保障农民工工资支付条例》');
    await page.getByTestId('campaign-employers-select').click();
    await page.keyboard.type(employer);
    await page.getByTitle(`${employer}（按名称新增）`).click();
    await page.getByTestId('campaign-ok').click();
    const result = page.getByTestId('campaign-result');
    await result.getByTestId('campaign-case').waitFor({ timeout: 15_000 });
    expect(await result.textContent()).toContain(employer);
    await result.getByTestId('campaign-case').click();
    await state(page, '已立案');
    await page.getByTestId('inspection-case').filter({ hasText: employer }).waitFor();
    await screenshot(page, 'inspection-campaign-case');
  });
});
