// Over 400 lines: group wage arrears (ledger, Excel import, payments), each test standing alone.
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { LEDGER_COLUMNS } from '@onestop/domain';
import { newMatter, places } from './cases.support';
import { Client, signedIn, useTestServer } from './harness';
import { residentId } from './intake-fixtures';
import { SmsGateway, signInByPhone } from './portal.support';

const sms = new SmsGateway();
await sms.start();
const env = useTestServer({
  LOG_LEVEL: 'error',
  SMS_PROVIDER: 'http',
  SMS_HTTP_URL: sms.url,
  STORAGE_DIR: `/tmp/onestop-wage-${randomUUID()}`,
});
afterAll(() => sms.stop());

/** A fresh employer matter registered at the window, and its wage group. */
async function groupFor(clerk: Client, name: string) {
  const p = await places(env);
  const m = await newMatter(clerk, p.zengdu, { employer: `随州市欠薪测试${name}建筑劳务有限公司` });
  const g = await clerk.post('/api/wage-groups', {
    matterId: m.id,
    kind: 'project',
    name: `${name}项目`,
    generalContractor: '湖北楚天建设集团有限公司',
  });
  if (g.status !== 201) throw new Error(`group ${g.status} ${JSON.stringify(g.body)}`);
  return { matter: m, group: g.body };
}

interface Row {
  name: string;
  id: string;
  phone?: string;
  from?: string;
  to?: string;
  claimed: number | string;
  confirmed?: number | string;
  by?: string;
}

async function sheet(rows: Row[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('欠薪台账');
  ws.addRow([...LEDGER_COLUMNS]);
  for (const r of rows) {
    ws.addRow([
      r.name,
      r.id,
      r.phone ?? '',
      r.from ?? '2026-08',
      r.to ?? '2026-10',
      r.claimed,
      r.confirmed ?? '',
      r.by ?? '',
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

/** Forty workers (rows 2–41), each owed 15,600.00元 claimed and 15,000.00元 confirmed by the employer. */
function forty(base: number): Row[] {
  return Array.from({ length: 40 }, (_, i) => ({
    name: `工人${base + i}`,
    id: residentId('19850101', base + i, '421381'),
    claimed: 15600,
    confirmed: 15000,
    by: '用人单位确认',
  }));
}

const breakChecksum = (id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0');

describe('group wage arrears ledger (issue #21 point 3)', () => {
  it('walks 401 → 400 → 403 → 404 outside the county → 201 and marks the matter collective', async () => {
    const clerk = await signedIn(env, 'clerk');
    const p = await places(env);
    const m = await newMatter(clerk, p.zengdu, { employer: '随州市台账权限测试有限公司' });
    const body = { matterId: m.id, kind: 'site', name: '白云湖安置小区工地' };
    expect((await new Client(env.url).post('/api/wage-groups', body)).status).toBe(401);
    const bad = await clerk.post('/api/wage-groups', { ...body, kind: 'street', extra: 1 });
    expect(bad.status).toBe(400);
    expect((await (await signedIn(env, 'court')).post('/api/wage-groups', body)).status).toBe(403);
    const gs = await (await signedIn(env, 'gsclerk')).post('/api/wage-groups', body);
    expect([gs.status, gs.body.code]).toEqual([404, 'NOT_FOUND']);
    const r = await clerk.post('/api/wage-groups', body);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({
      matterId: m.id,
      matterNumber: m.number,
      collective: true,
      kind: 'site',
      kindLabel: '施工现场',
      name: '白云湖安置小区工地',
      employerName: '随州市台账权限测试有限公司',
      generalContractor: null,
      totals: { workers: 0, claimedFen: 0, owedFen: 0, paidFen: 0, outstandingFen: 0, paidInFull: 0 },
      lines: [],
    });
    const again = await clerk.post('/api/wage-groups', body);
    expect([again.status, again.body.code]).toEqual([409, 'WAGE_GROUP_EXISTS']);
    expect((await clerk.get(`/api/matters/${m.id}/wage-group`)).body.id).toBe(r.body.id);
    const gsRead = await (await signedIn(env, 'gsclerk')).get(`/api/wage-groups/${r.body.id}`);
    expect(gsRead.status).toBe(404);
  });

  it('an import of 40 workers with one bad ID number imports nothing and names the row; good rows only on explicit choice', async () => {
    const clerk = await signedIn(env, 'clerk');
    const { matter, group } = await groupFor(clerk, '四十人');
    const rows = forty(100);
    rows[16]!.id = breakChecksum(rows[16]!.id); // sheet row 18
    const file = await sheet(rows);
    const url = `/api/wage-groups/${group.id}/import`;

    const refused = await clerk.post(url, { file });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('WAGE_IMPORT_INVALID');
    expect(refused.body.message).toMatch(
      /^第18行“公民身份号码”有误：.+。未导入任何一行；请改正后重新导入，或选择“只导入无误的行”$/,
    );
    expect(refused.body.details).toMatchObject({ totalRows: 40, validRows: 39 });
    expect(refused.body.details.problems).toHaveLength(1);
    expect(refused.body.details.problems[0]).toMatchObject({ row: 18, column: '公民身份号码' });
    const untouched = (await clerk.get(`/api/wage-groups/${group.id}`)).body;
    expect(untouched.lines).toEqual([]);
    expect(untouched.version).toBe(group.version);
    const detail = (await clerk.get(`/api/matters/${matter.id}`)).body;
    expect(detail.timeline.map((e: any) => e.kind)).not.toContain('wage_ledger_imported');

    const done = await clerk.post(url, { file, goodRowsOnly: true });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.imported).toBe(39);
    expect(done.body.skipped.map((s: any) => s.row)).toEqual([18]);
    expect(done.body.group.totals).toEqual({
      workers: 39,
      claimedFen: 39 * 1_560_000,
      owedFen: 39 * 1_500_000,
      paidFen: 0,
      outstandingFen: 39 * 1_500_000,
      paidInFull: 0,
    });
    const first = done.body.group.lines[0];
    expect(first).toMatchObject({
      name: '工人100',
      periodFrom: '2026-08-01',
      periodTo: '2026-10-31',
      claimedFen: 1_560_000,
      confirmedFen: 1_500_000,
      confirmedBy: 'employer',
      confirmedByLabel: '用人单位确认',
      sourceRow: 2,
      position: 'unpaid',
      positionLabel: '未支付',
    });
    expect(first.idNumberMasked).toBe(`${rows[0]!.id.slice(0, 3)}***********${rows[0]!.id.slice(14)}`);
    expect(done.body.group.lines.map((l: any) => l.sourceRow)).not.toContain(18);
    const after = (await clerk.get(`/api/matters/${matter.id}`)).body;
    expect(after.timeline.find((e: any) => e.kind === 'wage_ledger_imported').summary).toBe(
      '导入欠薪台账39行，申报欠薪608,400.00元；1处错误的行未导入',
    );

    // The same sheet again: every good row is already in the ledger, nothing is doubled.
    const twice = await clerk.post(url, { file });
    expect([twice.status, twice.body.code]).toEqual([422, 'WAGE_IMPORT_INVALID']);
    expect(twice.body.details.problems).toHaveLength(40);
    expect(twice.body.details.problems[0].message).toBe('第2行该工人同一期间的欠薪已在台账中，不能重复导入');
  });

  it('names each bad cell: amount, month, confirmation, duplicate row, wrong columns, unreadable file', async () => {
    const clerk = await signedIn(env, 'clerk');
    const { group } = await groupFor(clerk, '逐行校验');
    const url = `/api/wage-groups/${group.id}/import`;
    const ok = residentId('19880808', 301, '421303');
    const file = await sheet([
      { name: '甲', id: ok, claimed: '1.5万' },
      { name: '乙', id: residentId('19880808', 302, '421303'), from: '2026-13', claimed: 100 },
      { name: '丙', id: residentId('19880808', 303, '421303'), claimed: 100, confirmed: 90 },
      { name: '丁', id: ok, claimed: 200 },
      { name: '', id: residentId('19880808', 304, '421303'), claimed: 100, to: '2099-01' },
    ]);
    const r = await clerk.post(url, { file });
    expect(r.status).toBe(422);
    expect(r.body.details.problems.map((p: any) => p.message)).toEqual([
      '第2行“申报欠薪金额（元）”未填写或不是金额',
      '第3行“欠薪起始月份”不是有效月份（例如2026-08）',
      '第4行“确认方式”未填写（填写了确认金额的，应注明用人单位确认或调查核实）',
      '第6行“姓名”未填写',
      '第6行“欠薪截止月份”晚于本月',
    ]);
    // Row 5 repeats row 2's worker, but row 2 is itself wrong: only the good rows are compared.
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x').addRow(['姓名', '身份证', '电话']);
    const cols = await clerk.post(url, { file: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') });
    expect([cols.status, cols.body.code, cols.body.message]).toEqual([
      422,
      'WAGE_IMPORT_COLUMNS',
      '第1行第2列应为“公民身份号码”，请使用导入模板（列的顺序不能改动）',
    ]);
    const junk = await clerk.post(url, { file: Buffer.from('not a workbook').toString('base64') });
    expect([junk.status, junk.body.code]).toEqual([400, 'WAGE_IMPORT_UNREADABLE']);
    const dup = await clerk.post(url, {
      file: await sheet([
        { name: '甲', id: ok, claimed: 100 },
        { name: '甲', id: ok, claimed: 100 },
      ]),
    });
    expect(dup.body.details.problems[0].message).toBe('第3行与第2行是同一人同一期间，请合并为一行');
  });

  it('records a 总包代发 payment, a partial one, refuses overpaying and stale versions; exports the ledger; the full ID view is audited', async () => {
    const clerk = await signedIn(env, 'clerk');
    const { group } = await groupFor(clerk, '代发');
    const rows: Row[] = [
      {
        name: '李建国',
        id: residentId('19790202', 411, '421381'),
        claimed: 12000,
        confirmed: 10000,
        by: '调查核实',
      },
      { name: '王秀英', id: residentId('19820303', 422, '421381'), claimed: 8000.5 },
    ];
    const imp = await clerk.post(`/api/wage-groups/${group.id}/import`, { file: await sheet(rows) });
    expect(imp.status, JSON.stringify(imp.body)).toBe(200);
    const [li, wang] = imp.body.group.lines;
    const url = (l: any) => `/api/wage-groups/${group.id}/lines/${l.id}/payments`;
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

    const paid = await clerk.post(url(li), {
      amountFen: 600_000,
      paidOn: today,
      payer: 'general_contractor',
      version: li.version,
    });
    expect(paid.status, JSON.stringify(paid.body)).toBe(201);
    const liAfter = paid.body.lines.find((l: any) => l.id === li.id);
    expect(liAfter).toMatchObject({
      paidFen: 600_000,
      owedFen: 1_000_000,
      outstandingFen: 400_000,
      position: 'partly_paid',
      positionLabel: '部分支付',
    });
    expect(liAfter.payments).toEqual([
      {
        id: expect.any(String),
        amountFen: 600_000,
        paidOn: today,
        payer: 'general_contractor',
        payerLabel: '施工总承包单位代发',
        payerName: '湖北楚天建设集团有限公司',
        note: null,
        recordedBy: '王晓梅',
      },
    ]);
    const stale = await clerk.post(url(li), {
      amountFen: 100,
      paidOn: today,
      payer: 'employer',
      version: li.version,
    });
    expect([stale.status, stale.body.code]).toEqual([409, 'CONFLICT']);
    const over = await clerk.post(url(li), {
      amountFen: 400_001,
      paidOn: today,
      payer: 'wage_deposit',
      version: liAfter.version,
    });
    expect([over.status, over.body.code, over.body.message]).toEqual([
      422,
      'WAGE_PAYMENT_INVALID',
      '支付金额超过该工人尚欠的工资',
    ]);
    const future = await clerk.post(url(li), {
      amountFen: 1,
      paidOn: '2099-01-01',
      payer: 'employer',
      version: liAfter.version,
    });
    expect([future.status, future.body.code]).toEqual([400, 'WAGE_PAYMENT_FUTURE']);
    const rest = await clerk.post(url(li), {
      amountFen: 400_000,
      paidOn: today,
      payer: 'emergency_fund',
      note: '县应急周转金先行垫付',
      version: liAfter.version,
    });
    expect(rest.status).toBe(201);
    expect(rest.body.totals).toEqual({
      workers: 2,
      claimedFen: 2_000_050,
      owedFen: 1_800_050,
      paidFen: 1_000_000,
      outstandingFen: 800_050,
      paidInFull: 1,
    });
    expect(
      (
        await (
          await signedIn(env, 'court')
        ).post(url(wang), { amountFen: 1, paidOn: today, payer: 'employer', version: 1 })
      ).status,
    ).toBe(403);

    const x = await fetch(`${env.url}/api/wage-groups/${group.id}/ledger.xlsx`, {
      headers: { cookie: clerk.cookie! },
    });
    expect(x.status).toBe(200);
    expect(x.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await x.arrayBuffer());
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(3).values).toEqual([
      undefined,
      1,
      '李建国',
      li.idNumberMasked,
      '2026年8月1日至2026年10月31日',
      '12,000.00',
      '10,000.00',
      '调查核实',
      '10,000.00',
      '0.00',
      '已付清',
      `${today.slice(0, 4)}年${Number(today.slice(5, 7))}月${Number(today.slice(8))}日 施工总承包单位代发（湖北楚天建设集团有限公司） 6,000.00元；${today.slice(0, 4)}年${Number(today.slice(5, 7))}月${Number(today.slice(8))}日 应急周转金垫付 4,000.00元`,
    ]);
    expect(ws.getRow(5).values).toEqual([
      undefined,
      '合计',
      '2行',
      '',
      '',
      '20,000.50',
      '18,000.50',
      '',
      '10,000.00',
      '8,000.50',
      '',
      '',
    ]);
    expect(li.idNumberMasked).not.toBe(rows[0]!.id);
    // At rest: ciphertext only.
    const stored = await env.server.database.db
      .selectFrom('party')
      .select(['id_number_enc'])
      .where('name', '=', '李建国')
      .executeTakeFirstOrThrow();
    expect(stored.id_number_enc).toMatch(/^v2\./);
    expect(stored.id_number_enc).not.toContain(rows[0]!.id.slice(6, 14));

    expect((await clerk.get(`/api/wage-groups/${group.id}/lines/${li.id}/pii`)).status).toBe(403);
    // 张敏 holds 监察员 in 曾都区 (pii.view): the full values, and an audit record of the view.
    const zhang = await signedIn(env, 'zhangmin');
    const pii = await zhang.get(`/api/wage-groups/${group.id}/lines/${li.id}/pii`);
    expect(pii.body).toEqual({ name: '李建国', idNumber: rows[0]!.id, phone: null });
    const admin = await signedIn(env, 'admin');
    const audit = await admin.get('/api/admin/audit?action=wage_line.pii.view');
    expect(audit.body.items.map((a: any) => a.entityId)).toContain(li.id);
  });

  it('a worker on the portal sees his own line and the group totals, never another worker', async () => {
    const clerk = await signedIn(env, 'clerk');
    const { matter, group } = await groupFor(clerk, '门户');
    const phone = '13912340021';
    const rows: Row[] = [
      { name: '赵大军', id: residentId('19800505', 511, '421381'), phone, claimed: 9000 },
      {
        name: '孙小红',
        id: residentId('19830606', 522, '421381'),
        phone: '13912340022',
        claimed: 7000,
        confirmed: 6500,
        by: '用人单位确认',
      },
    ];
    const imp = await clerk.post(`/api/wage-groups/${group.id}/import`, { file: await sheet(rows) });
    expect(imp.status, JSON.stringify(imp.body)).toBe(200);
    const zhao = imp.body.group.lines[0];
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    await clerk.post(`/api/wage-groups/${group.id}/lines/${zhao.id}/payments`, {
      amountFen: 300_000,
      paidOn: today,
      payer: 'general_contractor',
      payerName: '湖北楚天建设集团有限公司',
      version: zhao.version,
    });

    const worker = await signInByPhone(env, sms, phone);
    const r = await worker.get(`/api/portal/matters/${matter.id}/wage-line`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toEqual({
      groupName: '门户项目',
      kindLabel: '工程项目',
      totals: {
        workers: 2,
        claimedFen: 1_600_000,
        owedFen: 1_550_000,
        paidFen: 300_000,
        outstandingFen: 1_250_000,
        paidInFull: 0,
      },
      lines: [
        {
          id: zhao.id,
          name: '赵大军',
          periodFrom: '2026-08-01',
          periodTo: '2026-10-31',
          confirmedByLabel: null,
          claimedFen: 900_000,
          confirmedFen: null,
          paidFen: 300_000,
          owedFen: 900_000,
          outstandingFen: 600_000,
          position: 'partly_paid',
          positionLabel: '部分支付',
          payments: [
            {
              id: expect.any(String),
              amountFen: 300_000,
              paidOn: today,
              payer: 'general_contractor',
              payerLabel: '施工总承包单位代发',
              payerName: '湖北楚天建设集团有限公司',
            },
          ],
        },
      ],
    });
    expect(JSON.stringify(r.body)).not.toContain('孙小红');
    const anonymous = await new Client(env.url).get(`/api/portal/matters/${matter.id}/wage-line`);
    expect(anonymous.status).toBe(401);
    const stranger = await signInByPhone(env, sms, '13912340099');
    expect((await stranger.get(`/api/portal/matters/${matter.id}/wage-line`)).status).toBe(404);
    // No group on another matter of the same worker: 404, not an empty ledger.
    const p = await places(env);
    const other = await newMatter(clerk, p.zengdu, {
      employer: '随州市无台账测试有限公司',
      idNumber: rows[0]!.id,
    });
    expect((await worker.get(`/api/portal/matters/${other.id}/wage-line`)).status).toBe(404);
  });
});
