import { chineseDate } from '@onestop/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../apps/server/src/bootstrap';
import { Client } from '../../apps/server/test/harness';
import { creditCode, residentId } from '../../apps/server/test/intake-fixtures';
import { launchBrowser, PHONE, screenshot } from '../support/browser';
import { chooseOption, submitDialog } from '../support/pages';
import { signInAs } from '../support/visit';
import { setBusinessDate, startProduct } from '../support/server';

const DEMO = 'Onestop@2026';

/** The 60-working-day investigation period runs into next year: its holiday notice (test data). */
const NOTICE_2027 = {
  source: '国务院办公厅关于2027年部分节假日安排的通知（测试数据）',
  holidays: [{ date: '2027-01-01', name: '元旦' }],
  makeupWorkdays: [],
};

/**
 * Inspection in Chromium, after the investigation: dispute items referred to arbitration from the
 * case page, and a penalty with the party's hearing (request ≤5 WD, notice ≥7 WD, record), the 法制审核
 * before a large fine, the decision and the closure with its 结案审批表.
 */
describe('inspection referral, penalty hearing and legal review in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let jurisdictionId = '';
  let inspectorIds: string[] = [];

  async function api(username: string) {
    const c = new Client(server.url);
    await c.login(username, DEMO);
    return c;
  }

  beforeAll(async () => {
    server = await startProduct();
    browser = await launchBrowser();
    const admin = await api('admin');
    await admin.request('PUT', '/api/admin/calendar/years/2027', NOTICE_2027);
    const items = (await admin.get('/api/admin/jurisdictions')).body.items as { id: string; name: string }[];
    jurisdictionId = items.find((x) => x.name === '曾都区')!.id;
    inspectorIds = await Promise.all(
      ['inspector', 'zhangmin'].map(async (u) => (await (await api(u)).get('/api/auth/me')).body.user.id),
    );
  });
  afterEach(() => setBusinessDate(server, null));
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  function signedInPage(username: string, viewport?: { width: number; height: number }): Promise<Page> {
    return signInAs({ server, browser }, username, viewport);
  }

  /** The case page shows `text` as the state and declares its queries settled (data-ready). */
  async function state(page: Page, text: string) {
    await page.getByTestId('inspection-state').filter({ hasText: text }).first().waitFor({ timeout: 15_000 });
    await page
      .locator('[data-testid="inspection-case-page"][data-ready="true"]')
      .waitFor({ timeout: 15_000 });
  }

  /** Picks an option of the antd select with this test id (see chooseOption). */
  const pick = (page: Page, testId: string, text: string) =>
    chooseOption(page, page.getByTestId(testId), text);

  /** Setup through the API: a complaint accepted, two inspectors assigned, the investigation started. */
  async function investigatingCase(n: number, violations: unknown[]) {
    const clerk = await api('clerk');
    const r = await clerk.post('/api/inspection/cases', {
      source: 'complaint',
      channel: 'window',
      jurisdictionId,
      violationEndedOn: '2026-01-10',
      complainant: {
        name: `周听证${n}`,
        idType: 'resident_id',
        idNumber: residentId('19920505', 600 + n),
        phone: `1370000000${n}`,
      },
      employer: { name: `随州市华信电子${n}有限公司`, creditCode: creditCode(`MA4E000${n}`) },
      violations,
    });
    expect(r.status).toBe(201);
    const id = r.body.caseId as string;
    const inspector = await api('inspector');
    const director = await api('director');
    expect(
      // The 负责人's own 立案 is the 立案审批 (issue #13).
      (await director.post(`/api/inspection/cases/${id}/acceptance`, { decision: 'accepted' })).status,
    ).toBe(200);
    expect(
      (await director.post(`/api/inspection/cases/${id}/inspectors`, { userIds: inspectorIds })).status,
    ).toBe(200);
    expect((await inspector.post(`/api/inspection/cases/${id}/investigation/start`, {})).status).toBe(200);
    return id;
  }

  it('the inspector refers the wage claim of a complaint to arbitration from the referral modal; the case stays open', async () => {
    const id = await investigatingCase(1, [
      { type: 'unpaid_wages', amountFen: 860_000, facts: '拖欠2026年3月至4月工资' },
      { type: 'working_hours', facts: '每天工作12小时' },
    ]);
    const page = await signedInPage('inspector');
    await page.goto(`${server.url}/inspection/cases/${id}`);
    await state(page, '调查中');
    await page.getByTestId('step-refer').click();
    await page.getByRole('dialog').getByTestId('referral-target').waitFor();
    await pick(page, 'referral-target', '仲裁（争议事项引导至劳动人事争议仲裁）');
    await pick(page, 'referral-org', '随州市劳动人事争议仲裁委员会');
    await pick(page, 'referral-items', '拖欠2026年3月至4月工资');
    await page.locator('.ant-modal-title').click(); // closes the multi-select's dropdown
    await page.getByTestId('referral-reason').fill('工资数额有争议，属劳动争议，引导申请仲裁');
    await screenshot(page, 'inspection-referral-modal');
    await page.getByTestId('referral-ok').click();
    const result = page.getByTestId('referral-result');
    await result.waitFor({ timeout: 15_000 });
    expect(await result.textContent()).toContain('已移送劳动人事争议仲裁，已生成转办单');
    await state(page, '调查中');
    await page.getByTestId('inspection-case').filter({ hasText: '争议事项转仲裁' }).waitFor();
    await screenshot(page, 'inspection-referral-done');

    const detail = (await (await api('inspector')).get(`/api/inspection/cases/${id}`)).body;
    const referral = detail.outcomes.find((o: any) => o.kind === 'dispute_referral');
    expect(referral.summary).toContain('工资数额有争议');
    const transfer = await server.app.ctx.database.db
      .selectFrom('transfer')
      .select(['to_track', 'case_id'])
      .where('case_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(transfer.to_track).toBe('arbitration');
  });

  it('hearing and legal review on the case page: request, too-early date refused with the server’s message, notice, record, review, decision, 结案审批表', async () => {
    const id = await investigatingCase(2, [{ type: 'other', facts: '安排怀孕七个月的女职工上夜班' }]);
    const inspectorApi = await api('inspector');
    const proposed = await inspectorApi.post(`/api/inspection/cases/${id}/penalty`, {
      ruleCode: 'female_minor_protection',
      workerCount: 3,
      fineFen: 1_200_000,
      facts: '安排三名怀孕七个月以上的女职工从事夜班劳动',
    });
    expect(proposed.status).toBe(200);
    const deadline = proposed.body.result.hearingDeadline as string;

    const page = await signedInPage('inspector');
    await page.goto(`${server.url}/inspection/cases/${id}`);
    await state(page, '已告知拟处罚');
    const panel = page.getByTestId('penalty-panel');
    await panel.waitFor();
    expect(await panel.getByTestId('penalty-status-request').textContent()).toContain(chineseDate(deadline));
    expect(await panel.getByTestId('penalty-status-review').textContent()).toContain('须经法制审核');
    await panel.getByTestId('print-penalty_notice').waitFor();

    // 1. The party asks for a hearing (today, within the five working days).
    await panel.getByTestId('penalty-requestHearing').click();
    await page.getByTestId('penalty-form').getByText(chineseDate(deadline)).waitFor();
    await submitDialog(page, 'penalty-form-ok', 'penalty-form');
    await panel.getByTestId('penalty-status-request').filter({ hasText: '要求听证' }).waitFor();

    // 2. A hearing date too early: the server's 422 message is shown in the form.
    await panel.getByTestId('penalty-scheduleHearing').click();
    // The panel prints the earliest date in Chinese; the date input takes it as YYYY-MM-DD.
    const shown = ((await page.getByTestId('hearing-earliest').textContent()) ?? '').match(
      /(\d{4})年(\d{1,2})月(\d{1,2})日/,
    )!;
    const earliest = `${shown[1]}-${shown[2]!.padStart(2, '0')}-${shown[3]!.padStart(2, '0')}`;
    const earliestCn = chineseDate(earliest);
    await page.getByTestId('penalty-hearingDate').fill(deadline);
    await page.getByTestId('penalty-place').fill('市人社局第一听证室');
    await page.getByTestId('penalty-hearingOfficer').fill('王法制');
    await page.getByTestId('penalty-form-ok').click();
    const alert = page.getByTestId('penalty-form').getByRole('alert').first();
    await alert.waitFor({ timeout: 15_000 });
    expect(await alert.textContent()).toContain(`听证日期不得早于${earliestCn}`);
    await screenshot(page, 'inspection-hearing-too-early');
    await page.getByTestId('penalty-hearingDate').fill(earliest);
    await submitDialog(page, 'penalty-form-ok', 'penalty-form');
    // Scheduled: the status names the date and the place (before, it says 待安排 with the earliest date).
    await panel
      .getByTestId('penalty-status-schedule')
      .filter({ hasText: earliestCn })
      .filter({ hasText: '市人社局第一听证室' })
      .waitFor({ timeout: 15_000 });
    await panel.getByTestId('print-hearing_notice_penalty').waitFor();

    // 3. The hearing day comes (the server's business clock moves to the notified date; nothing is
    // back-dated): before it, recording is not offered; on it, the hearing is held and recorded.
    expect(await panel.getByTestId('penalty-status-record').textContent()).toContain(
      `待 ${earliestCn} 举行后登记`,
    );
    setBusinessDate(server, earliest);
    await page.reload();
    await panel.getByTestId('penalty-status-record').filter({ hasText: '待登记听证笔录' }).waitFor();
    await panel.getByTestId('penalty-recordHearing').click();
    await page.getByTestId('penalty-transcript').fill('当事人承认安排夜班，称已调整岗位。');
    await page.getByTestId('penalty-opinion').fill('维持拟处罚意见');
    await submitDialog(page, 'penalty-form-ok', 'penalty-form');
    await panel
      .getByTestId('penalty-status-record')
      .filter({ hasText: '王法制' })
      .waitFor({ timeout: 15_000 });
    await panel.getByText('听证结果：维持拟处罚意见').waitFor();

    // 4. 法制审核 (the fine reaches the threshold): the result is shown.
    await panel.getByTestId('penalty-legalReview').click();
    await page.getByTestId('penalty-reviewer').fill('法制科 刘审核');
    await page.getByTestId('penalty-opinion').fill('事实清楚，证据确凿，适用依据正确，程序合法，同意。');
    await submitDialog(page, 'penalty-form-ok', 'penalty-form');
    await panel.getByTestId('penalty-status-review').filter({ hasText: '同意（法制科 刘审核' }).waitFor({
      timeout: 15_000,
    });
    await screenshot(page, 'inspection-hearing-legal-review');

    // 5. The director decides; the inspector asks to close, the director approves: the 结案审批表 with a print button.
    const director = await signedInPage('director');
    await director.goto(`${server.url}/inspection/cases/${id}`);
    // The decision's guards (hearing held, 法制审核 passed) are met: the page declares the step allowed.
    await director
      .locator('[data-testid="step-decidePenalty"][data-allowed="true"]')
      .waitFor({ timeout: 15_000 });
    await director.getByTestId('step-decidePenalty').click();
    await director.locator('.ant-modal:visible .ant-switch').click();
    await director.getByTestId('action-ok').click();
    await state(director, '已行政处罚');
    await director.getByTestId('penalty-status-decision').filter({ hasText: '已作出' }).waitFor();
    await page.reload();
    await state(page, '已行政处罚');
    await page.getByTestId('step-close').click();
    await page.getByTestId('field-resultText').fill('已对用人单位作出罚款12000元的行政处罚');
    await page.getByTestId('action-ok').click();
    // 结案 waits for the 负责人's own approval; the 结案审批表 then names him.
    await page.getByTestId('approval-closing-pending').waitFor();
    await director.reload();
    await director.getByTestId('approve-closing').click();
    await state(director, '已结案');
    await page.reload();
    await state(page, '已结案');
    const closing = page.getByTestId('closing-approval');
    await closing.getByTestId('print-inspection_closing_approval').waitFor({ timeout: 15_000 });
    expect(await closing.textContent()).toMatch(/打印结案审批表\s*随人社监结字〔\d{4}〕第\d+号/);
    await page.getByTestId('inspection-documents').filter({ hasText: '行政处罚决定书' }).waitFor();
    await screenshot(page, 'inspection-penalty-closed');

    const phone = await signedInPage('inspector', PHONE);
    await phone.goto(`${server.url}/inspection/cases/${id}`);
    await state(phone, '已结案');
    await phone.getByTestId('penalty-panel').waitFor();
    await screenshot(phone, 'inspection-penalty-closed-phone');
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE.width);
  });
});
