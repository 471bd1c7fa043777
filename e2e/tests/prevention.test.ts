import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../apps/server/src/bootstrap';
import { Client } from '../../apps/server/test/harness';
import { creditCode, jurisdictions, residentId } from '../../apps/server/test/intake-fixtures';
import { launchBrowser, newContext, PHONE, screenshot } from '../support/browser';
import { chooseOption, LoginPage } from '../support/pages';
import { signInAs } from '../support/visit';
import { startProduct } from '../support/server';

const PASSWORD = 'Initial#Pass2026';
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const ORG = '随州市恒达机械制造有限公司劳动争议调解委员会';

/** Business "today" in China and its quarter, as the server counts them. */
function todayInChina() {
  const d = new Date(Date.now() + 8 * 3600_000);
  return { year: d.getUTCFullYear(), quarter: Math.floor(d.getUTCMonth() / 3) + 1 };
}

async function pickDate(page: Page, label: string, iso: string) {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(iso);
  await input.press('Enter');
}

/** Picks an option of the antd select labelled `label` (see chooseOption). */
const choose = (page: Page, label: string, option: string) =>
  chooseOption(page, page.getByLabel(label, { exact: true }), option);

describe('prevention in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startProduct();
    browser = await launchBrowser();
    const admin = new Client(server.url);
    expect((await admin.login('admin')).status).toBe(200);
    const zengdu = (await jurisdictions(admin)).find((j) => j.name === '曾都区')!;
    const orgs = (await admin.get('/api/admin/organizations')).body.items as { id: string; name: string }[];
    const center = orgs.find((o) => o.name === '随州市劳动人事争议仲裁委员会')!.id;
    for (const [username, displayName, role] of [
      ['zdprev', '周指导', 'prevention_officer'],
      ['hdmed', '吴调解', 'org_mediator'],
    ] as const) {
      const r = await admin.post('/api/admin/users', {
        username,
        displayName,
        organizationId: center,
        password: PASSWORD,
        roles: [{ role, jurisdictionIds: [zengdu.id] }],
      });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('registers and assesses a committee; its mediator records an agreement; the mediation table counts it', async () => {
    const { year, quarter } = todayInChina();
    const statsUrl = `/api/statistics/tables/mediation?kind=quarter&year=${year}&quarter=${quarter}`;
    const director = new Client(server.url);
    await director.login('director');
    const enterpriseRow = async () =>
      (await director.get(statsUrl)).body.rows.find((r: any) => r.code === '02').cells[0].text as string;
    const before = Number(await enterpriseRow());

    // The supervisor registers the enterprise committee with its mediator.
    const page = await (await newContext(browser)).newPage();
    const login = new LoginPage(page, server.url);
    await login.open();
    await login.signInAndWait('zdprev', PASSWORD);
    await page.goto(`${server.url}/prevention`);
    await page.locator('[data-ready="true"]').first().waitFor();
    await page.getByTestId('org-new').click();
    await page.getByLabel('组织名称').fill(ORG);
    await choose(page, '组织类型', '企业劳动争议调解委员会');
    await pickDate(page, '成立日期', '2024-05-20');
    await page.getByLabel('地址').fill('随州市曾都区擂鼓墩大道8号');
    await page.getByLabel('所在企业统一社会信用代码').fill(creditCode('MA4E0001'));
    await page.getByTestId('member-add').click();
    await page.getByLabel('成员1姓名').fill('吴调解');
    await page.getByLabel('成员1登录账号').fill('hdmed');
    await screenshot(page, 'prevention-register');
    await page
      .getByRole('button', { name: /登\s*记/ })
      .last()
      .click();
    await page.getByRole('heading', { name: ORG }).waitFor({ timeout: 15_000 });

    // 六有五统一: two items fail (有牌子, 统一印章), on 2026-11-02 (30 days: Wednesday 2026-12-02).
    await page.getByTestId('assessment-new').click();
    await page.locator('[data-testid="assessment-form"][data-ready="true"]').waitFor();
    await pickDate(page, '评估日期', '2026-11-02');
    for (const [code, label, problem] of [
      ['sign', '有牌子', '未悬挂调解委员会标牌'],
      ['u_seal', '统一印章', '未刻制调解专用章'],
    ]) {
      await page.getByTestId(`item-${code}`).getByText('不符合').click();
      await page.getByLabel(`${label}存在的问题`).fill(problem!);
    }
    await screenshot(page, 'prevention-assessment-form');
    await page.getByTestId('assessment-submit').click();
    const card = page.getByTestId('assessment-card').first();
    await card.waitFor({ timeout: 15_000 });
    expect(await card.getByTestId('reassess-due').textContent()).toBe('2026年12月2日');
    await card.getByText('未达标（2项不符合）').waitFor();
    await card.getByText('有牌子、统一印章').waitFor();
    // A photo for the missing sign.
    await card.getByTestId('assessed-sign').locator('input[type=file]').setInputFiles({
      name: '现场照片.png',
      mimeType: 'image/png',
      buffer: PNG,
    });
    await card.getByRole('link', { name: '现场照片.png' }).waitFor({ timeout: 15_000 });
    await screenshot(page, 'prevention-organization');
    const orgId = page.url().split('/').at(-1)!;
    await page.context().close();

    // The field form on a 360 px phone.
    const phone = await (await newContext(browser, PHONE)).newPage();
    const phoneLogin = new LoginPage(phone, server.url);
    await phoneLogin.open();
    await phoneLogin.signInAndWait('zdprev', PASSWORD);
    await phone.goto(`${server.url}/prevention/organizations/${orgId}`);
    await phone.getByTestId('assessment-new').click();
    await phone.locator('[data-testid="assessment-form"][data-ready="true"]').waitFor();
    await phone.getByTestId('item-place').getByText('不符合').click();
    await phone.getByLabel('有场所存在的问题').waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(phone, 'prevention-assessment-phone');
    await phone.context().close();

    // The committee's mediator records a case that ends in an agreement.
    const med = await (await newContext(browser)).newPage();
    const medLogin = new LoginPage(med, server.url);
    await medLogin.open();
    await medLogin.signInAndWait('hdmed', PASSWORD);
    await med.goto(`${server.url}/org-cases`);
    await med.locator('[data-ready="true"]').first().waitFor();
    await med.getByLabel('申请人', { exact: true }).fill('陈小梅');
    await med.getByLabel('被申请人', { exact: true }).fill('随州市恒达机械制造有限公司');
    await choose(med, '争议事项', '支付拖欠工资');
    await med.getByLabel('纠纷概要').fill('拖欠两个月工资');
    await med.getByTestId('case-submit').click();
    const row = med.getByTestId('org-case').first();
    await row.getByText('调解中').waitFor({ timeout: 15_000 });
    await row.getByRole('button', { name: '登记调解结果' }).click();
    await choose(med, '调解结果', '达成调解协议');
    await med.getByLabel('协议金额（元）').fill('15600');
    await med.getByRole('button', { name: /保\s*存/ }).click();
    await row.getByText('达成调解协议').waitFor({ timeout: 15_000 });
    await row.getByText(/协议金额：15,600\.00元/).waitFor();
    await screenshot(med, 'prevention-ledger');
    await med.context().close();

    // The mediation statistics table counts it under 企业劳动争议调解委员会.
    expect(Number(await enterpriseRow())).toBe(before + 1);
    const stats = await signInAs({ server, browser }, 'director');
    await stats.goto(`${server.url}/statistics`);
    await stats.getByTestId('stats-period').waitFor();
    await stats.getByRole('tab', { name: '调解组织处理情况' }).click();
    await stats.getByRole('spinbutton', { name: '统计年份' }).fill(String(year));
    await stats.getByRole('combobox', { name: '统计季度' }).click();
    await stats
      .locator('.ant-select-dropdown:visible .ant-select-item-option', {
        hasText: `第${'一二三四'[quarter - 1]}季度`,
      })
      .click();
    await stats.locator('[data-testid="stats-ready"][data-ready="true"]').waitFor({ timeout: 20_000 });
    await stats.getByText('其中：企业劳动争议调解委员会').first().waitFor();
    await expect
      .poll(async () => stats.getByTestId('stats-cell-02-total').textContent(), { timeout: 15_000 })
      .toBe(String(before + 1));
    await screenshot(stats, 'prevention-statistics');
    await stats.context().close();
  });

  it('records a field visit on a 360 px phone and turns its issue into a matter in the intake queue', async () => {
    const officer = new Client(server.url);
    expect((await officer.login('prevention')).status).toBe(200);
    // The demo street committee is in 曾都区, where the demo officer works.
    const zengdu = (await officer.get('/api/prevention/organizations')).body.items[0].jurisdiction.id;
    const employer = '随州市现场走访一号机械有限公司';
    const planned = await officer.post('/api/prevention/visits', {
      kind: 'enterprise_visit',
      jurisdictionId: zengdu,
      employerName: employer,
      creditCode: creditCode('MA4F0001'),
      address: '随州市曾都区明珠路8号',
      plannedOn: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10),
      topics: ['劳动合同签订'],
    });
    expect(planned.status, JSON.stringify(planned.body)).toBe(201);

    // The desktop list shows the plan.
    const desk = await signInAs({ server, browser }, 'prevention');
    await desk.goto(`${server.url}/prevention/visits`);
    await desk.locator('[data-testid="visits"][data-ready="true"]').waitFor();
    await desk.getByRole('link', { name: `走访企业：${employer}` }).waitFor();
    await screenshot(desk, 'prevention-visits');
    await desk.context().close();

    // The field form on the phone: attendance, one attendee, one issue, then a photo.
    const phone = await signInAs({ server, browser }, 'prevention', PHONE);
    await phone.goto(`${server.url}/prevention/visits/${planned.body.id}`);
    await phone.locator('[data-ready="true"]').first().waitFor();
    const form = phone.getByTestId('visit-record-form');
    await form.getByLabel('参加人数').fill('15');
    await form.getByRole('button', { name: '添加参加人员' }).click();
    await form.getByLabel('姓名').fill('刘经理');
    await form.getByLabel('职务').fill('人事经理');
    await form.getByLabel('情况记录').fill('查阅劳动合同，召开职工座谈会。');
    await phone.getByTestId('issue-add').click();
    await phone.getByTestId('issue-1-description').fill('2名职工反映10月工资未发放');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(phone, 'prevention-visit-form-phone');
    await phone.getByTestId('visit-record-save').click();
    await phone.getByTestId('visit-status').getByText('已完成').waitFor({ timeout: 15_000 });
    await phone.locator('input[type=file]').setInputFiles({
      name: '座谈会.png',
      mimeType: 'image/png',
      buffer: PNG,
    });
    await phone.getByRole('link', { name: '座谈会.png' }).waitFor({ timeout: 15_000 });

    // The issue becomes a matter (待分流) in one step.
    const issue = phone.getByTestId('visit-issue').first();
    await issue.getByTestId('issue-to-matter').click();
    await phone.getByLabel('劳动者姓名').fill('周建军');
    await phone.getByLabel('证件号码').fill(residentId('19880715', 401));
    await choose(phone, '诉求类别', '支付拖欠工资');
    await phone.getByLabel('金额（元）').fill('9000');
    await phone.getByTestId('issue-matter-save').click();
    await issue.getByText('已转维权事项').waitFor({ timeout: 15_000 });
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(phone, 'prevention-visit-phone');
    const matterNumber = (await issue.getByRole('link').textContent())!;
    await phone.context().close();

    // The center's intake queue has it, waiting for triage.
    const clerk = new Client(server.url);
    await clerk.login('clerk');
    const queue = (await clerk.get('/api/work/queue?queue=mine')).body.items;
    expect(queue.find((i: any) => i.number === matterNumber)).toMatchObject({
      kind: 'matter',
      statusLabel: '待分流',
    });
  });
});
