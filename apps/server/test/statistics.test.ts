import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { pdftotext, writeTemp } from '../src/modules/documents/render/testing/poppler';
import { EXCEL_LAYOUT } from '../src/modules/statistics/statistics.excel';
import { places } from './cases.support';
import { Client, signedIn, useTestServer } from './harness';
import { buildStatisticsFixture } from './statistics.support';

type Cells = { total: string; zengdu?: string; guangshui?: string };

describe('statistics (统计报表)', () => {
  const env = useTestServer({ LOG_LEVEL: 'error', STORAGE_DIR: `/tmp/onestop-stats-${process.pid}` });
  let director: Client;
  let fx: Awaited<ReturnType<typeof buildStatisticsFixture>>;
  let zengdu: string;
  let guangshui: string;
  const Q2 = '?kind=quarter&year=2024&quarter=2';

  beforeAll(async () => {
    const p = await places(env);
    zengdu = p.zengdu;
    guangshui = p.guangshui;
    director = await signedIn(env, 'director');
    fx = await buildStatisticsFixture(env, p);
  });

  /** Every cell of the row, in column order: the total, Zengdu, Guangshui, and '0' (or 0.00) elsewhere. */
  function expectRow(table: any, code: string, expected: Cells | 'unavailable', zero = '0') {
    const row = table.rows.find((r: any) => r.code === code);
    expect(row, `row ${code}`).toBeDefined();
    const want = table.columns.map((c: any) => {
      if (expected === 'unavailable') return '无数据来源';
      if (c.key === 'total') return expected.total;
      if (c.key === zengdu) return expected.zengdu ?? zero;
      if (c.key === guangshui) return expected.guangshui ?? zero;
      return zero;
    });
    expect(
      row.cells.map((x: any) => x.text),
      `row ${code} ${row.label}`,
    ).toEqual(want);
  }

  it('walks 401 → 403 → 400 → 404 → 200', async () => {
    expect((await new Client(env.url).get(`/api/statistics/tables/arbitration${Q2}`)).status).toBe(401);
    const clerk = await signedIn(env, 'clerk');
    expect((await clerk.get(`/api/statistics/tables/arbitration${Q2}`)).status).toBe(403);
    const bad = await director.get('/api/statistics/tables/arbitration?kind=quarter&year=2024&quarter=5');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('PERIOD_INVALID');
    expect(bad.body.message).toBe('请选择统计季度（1—4）');
    const reversed = await director.get(
      '/api/statistics/tables/arbitration?kind=custom&from=2024-05-01&to=2024-04-01',
    );
    expect(reversed.body.code).toBe('PERIOD_INVALID');
    expect((await director.get(`/api/statistics/tables/nope${Q2}`)).status).toBe(404);
    expect((await director.get(`/api/statistics/tables/arbitration${Q2}`)).status).toBe(200);
  });

  it('has the city total, the city level and each county as columns', async () => {
    const t = (await director.get(`/api/statistics/tables/arbitration${Q2}`)).body;
    expect(t.columns.map((c: any) => c.label)).toEqual([
      '合计',
      '随州市本级',
      '曾都区',
      '随县',
      '广水市',
      '随州高新技术产业开发区',
      '大洪山风景名胜区',
    ]);
    expect(t.periodLabel).toBe('2024年第二季度');
    expect(t.period).toEqual({ from: '2024-04-01', to: '2024-06-30' });
  });

  it('counts every cell of the arbitration table for 2024 Q2', async () => {
    const t = (await director.get(`/api/statistics/tables/arbitration${Q2}`)).body;
    expect(t.rows).toHaveLength(25);
    expectRow(t, '01', { total: '1', zengdu: '1' });
    expectRow(t, '02', { total: '4', zengdu: '1', guangshui: '3' });
    expectRow(t, '03', { total: '1', zengdu: '1' });
    expectRow(t, '04', { total: '4', zengdu: '1', guangshui: '3' });
    expectRow(t, '05', { total: '15', zengdu: '12', guangshui: '3' });
    expectRow(t, '06', { total: '12', zengdu: '12' });
    expectRow(t, '07', { total: '0' });
    expectRow(t, '08', { total: '1', guangshui: '1' });
    expectRow(t, '09', { total: '1', zengdu: '1' });
    expectRow(t, '10', { total: '1', guangshui: '1' });
    expectRow(t, '11', { total: '1', guangshui: '1' });
    expectRow(t, '12', { total: '4', zengdu: '2', guangshui: '2' });
    expectRow(t, '13', { total: '1', zengdu: '1' });
    expectRow(t, '14', { total: '2', zengdu: '1', guangshui: '1' });
    expectRow(t, '15', { total: '1', guangshui: '1' });
    expectRow(t, '16', { total: '1', guangshui: '1' });
    expectRow(t, '17', { total: '1', guangshui: '1' });
    expectRow(t, '18', { total: '0' });
    expectRow(t, '19', { total: '1', zengdu: '1' });
    expectRow(t, '20', { total: '1', zengdu: '1' });
    expectRow(t, '21', { total: '13000.00', zengdu: '4000.00', guangshui: '9000.00' }, '0.00');
    expectRow(t, '22', { total: '5000.00', zengdu: '5000.00', guangshui: '0.00' }, '0.00');
    expectRow(t, '23', { total: '3', zengdu: '1', guangshui: '2' });
    expectRow(t, '24', { total: '1', guangshui: '1' });
    expect(t.warnings).toEqual([]);
  });

  it('counts the arbitration table for 2024 Q1 (the quarter before)', async () => {
    const t = (await director.get('/api/statistics/tables/arbitration?kind=quarter&year=2024&quarter=1'))
      .body;
    const expected: Record<string, Cells> = {
      '01': { total: '0' },
      '02': { total: '2', zengdu: '2' },
      '03': { total: '0' },
      '04': { total: '2', zengdu: '2' },
      '05': { total: '2', zengdu: '2' },
      '06': { total: '0' },
      '07': { total: '2', zengdu: '2' },
      '08': { total: '0' },
      '09': { total: '0' },
      '10': { total: '0' },
      '11': { total: '0' },
      '12': { total: '1', zengdu: '1' },
      '13': { total: '0' },
      '14': { total: '1', zengdu: '1' },
      '15': { total: '0' },
      '16': { total: '0' },
      '17': { total: '0' },
      '18': { total: '1', zengdu: '1' },
      '19': { total: '0' },
      '20': { total: '1', zengdu: '1' },
      '23': { total: '1', zengdu: '1' },
      '24': { total: '1', zengdu: '1' },
    };
    for (const [code, cells] of Object.entries(expected)) expectRow(t, code, cells);
    expectRow(t, '21', { total: '7000.00', zengdu: '7000.00' }, '0.00');
    expectRow(t, '22', { total: '2000.00', zengdu: '2000.00' }, '0.00');
    // Nothing paid is recorded on these awards (issue #21 counts confirmed payments).
    expectRow(t, '25', { total: '0.00' }, '0.00');
    expect(t.warnings).toEqual([]);
  });

  it('counts every cell of the mediation table, saying 无数据来源 where the record has no source', async () => {
    const t = (await director.get(`/api/statistics/tables/mediation${Q2}`)).body;
    expect(t.rows).toHaveLength(20);
    expectRow(t, '01', { total: '4', zengdu: '3', guangshui: '1' });
    expectRow(t, '02', { total: '1', guangshui: '1' });
    expectRow(t, '03', { total: '1', zengdu: '1' });
    expectRow(t, '04', 'unavailable');
    expect(t.rows.find((r: any) => r.code === '04').unavailable).toBe(
      '调解组织名录中没有“机关事业单位人事争议调解组织”这一类型，系统尚不能区分',
    );
    expectRow(t, '05', { total: '1', zengdu: '1' });
    expectRow(t, '06', { total: '1', zengdu: '1' });
    expectRow(t, '07', { total: '3', zengdu: '2', guangshui: '1' });
    expectRow(t, '08', { total: '1', zengdu: '1' });
    expectRow(t, '09', { total: '0' });
    expectRow(t, '10', { total: '0' });
    expectRow(t, '11', { total: '0' });
    expectRow(t, '12', { total: '4', zengdu: '3', guangshui: '1' });
    expectRow(t, '13', { total: '2', zengdu: '2' });
    expectRow(t, '14', { total: '1', guangshui: '1' });
    expectRow(t, '15', { total: '1', zengdu: '1' });
    expectRow(t, '16', { total: '4', zengdu: '3', guangshui: '1' });
    expectRow(t, '17', { total: '5500.00', zengdu: '4000.00', guangshui: '1500.00' }, '0.00');
    expectRow(t, '18', { total: '2500.00', zengdu: '2500.00' }, '0.00');
    expectRow(t, '19', { total: '1', zengdu: '1' });
    expect(t.warnings).toEqual([]);
  });

  it('counts every cell of the inspection table', async () => {
    const t = (await director.get(`/api/statistics/tables/inspection${Q2}`)).body;
    expect(t.rows).toHaveLength(20);
    expectRow(t, '01', { total: '1', guangshui: '1' });
    expectRow(t, '02', { total: '20', guangshui: '20' });
    expectRow(t, '03', 'unavailable');
    expectRow(t, '04', { total: '2', zengdu: '2' });
    expectRow(t, '05', { total: '2', zengdu: '2' });
    const rate = t.rows.find((r: any) => r.code === '06');
    expect(rate.cells.map((c: any) => c.text)).toEqual(
      t.columns.map((c: any) => (c.key === 'total' || c.key === zengdu ? '100.0' : '—')),
    );
    expectRow(t, '07', { total: '1', zengdu: '1' });
    expectRow(t, '08', { total: '1', zengdu: '1' });
    expectRow(t, '09', { total: '1', zengdu: '1' });
    expectRow(t, '10', { total: '6000.00', zengdu: '6000.00' }, '0.00');
    expectRow(t, '11', { total: '3', zengdu: '3' });
    expectRow(t, '12', { total: '3', zengdu: '3' });
    expectRow(t, '13', 'unavailable');
    expectRow(t, '14', 'unavailable');
    expectRow(t, '15', 'unavailable');
    expectRow(t, '16', { total: '1', guangshui: '1' });
    expectRow(t, '17', { total: '20', guangshui: '20' });
    expectRow(t, '18', { total: '1', zengdu: '1' });
    expectRow(t, '19', 'unavailable');
    expectRow(t, '20', { total: '1', guangshui: '1' });
  });

  it('counts every cell of the petitions and legal aid table', async () => {
    const t = (await director.get(`/api/statistics/tables/petition-legal-aid${Q2}`)).body;
    expect(t.rows).toHaveLength(11);
    expectRow(t, '01', { total: '2', zengdu: '2' });
    expectRow(t, '02', { total: '1', zengdu: '1' });
    expectRow(t, '03', { total: '1', zengdu: '1' });
    expectRow(t, '04', { total: '1', zengdu: '1' });
    expectRow(t, '05', { total: '1', zengdu: '1' });
    expectRow(t, '06', { total: '1', zengdu: '1' });
    expectRow(t, '07', { total: '2', guangshui: '2' });
    expectRow(t, '08', { total: '1', guangshui: '1' });
    expectRow(t, '09', { total: '1', guangshui: '1' });
    expectRow(t, '10', { total: '1', guangshui: '1' });
    expectRow(t, '11', { total: '1', guangshui: '1' });
  });

  it('opens the matters behind a number and exports them as CSV', async () => {
    const d = await director.get(`/api/statistics/tables/arbitration/cells/12${Q2}&column=total`);
    expect(d.status).toBe(200);
    expect(d.body.row).toEqual({ code: '12', label: '本期结案', unit: '件' });
    expect(d.body.column).toBe('合计');
    expect(d.body.items.map((i: any) => i.caseNumber)).toEqual(
      ['A1', 'A2', 'A4', 'A7'].map((k) => fx[k]!.caseNumber),
    );
    expect(d.body.items[0]).toEqual({
      caseId: fx.A1!.caseId,
      caseNumber: fx.A1!.caseNumber,
      matterId: fx.A1!.matterId,
      matterNumber: fx.A1!.matterNumber,
      isMatter: true,
      jurisdiction: '曾都区',
      registeredOn: '2024-02-09',
      acceptedOn: '2024-02-10',
      closedOn: '2024-04-15',
      value: 1,
    });
    const gs = await director.get(`/api/statistics/tables/arbitration/cells/21${Q2}&column=${guangshui}`);
    expect(gs.body.items.map((i: any) => [i.caseNumber, i.value])).toEqual([
      [fx.A3!.caseNumber, 100_000],
      [fx.A4!.caseNumber, 800_000],
    ]);
    const csv2 = await director.request(
      'GET',
      `/api/statistics/tables/arbitration/cells/21/csv${Q2}&column=${guangshui}`,
    );
    expect(csv2.status).toBe(200);
    expect(csv2.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    // fetch's text() drops the byte-order mark; the raw bytes start with it (Excel reads UTF-8 then).
    const raw = await fetch(
      `${env.url}/api/statistics/tables/arbitration/cells/21/csv${Q2}&column=${guangshui}`,
      {
        headers: { cookie: director.cookie! },
      },
    );
    expect([...new Uint8Array(await raw.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv2.body).toBe(
      `案件编号,事项编号,辖区,登记日期,受理日期,结案日期,本期受理案件请求金额（元）\r\n${fx.A3!.caseNumber},${fx.A3!.matterNumber},广水市,2024-05-07,2024-05-08,,1000.00\r\n${fx.A4!.caseNumber},${fx.A4!.matterNumber},广水市,2024-05-31,2024-06-01,2024-06-20,8000.00\r\n`,
    );
    const none = await director.get(`/api/statistics/tables/mediation/cells/04${Q2}&column=total`);
    expect(none.status).toBe(400);
    expect(none.body.code).toBe('NOT_DRILLABLE');
  });

  it('prints the table as a PDF with the same cells, the header repeated on every page', async () => {
    const api = (await director.get(`/api/statistics/tables/arbitration${Q2}`)).body;
    const res = await fetch(
      `${env.url}/api/statistics/tables/arbitration/pdf${Q2}&filledBy=${encodeURIComponent('吴建国')}`,
      { headers: { cookie: director.cookie! } },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const file = writeTemp('stat-arbitration.pdf', Buffer.from(await res.arrayBuffer()));
    const pages = pdftotext(file, '-layout')
      .split('\f')
      .filter((p) => p.trim());
    const text = pages.join('\n');
    expect(text).toContain('劳动人事争议处理情况');
    expect(text).toContain('表号：人社统（调解仲裁）表一');
    expect(text.replace(/\s+/g, '')).toContain('统计期：2024年第二季度（2024年4月1日至2024年6月30日）');
    expect(text).toContain('填表人：吴建国');
    for (const p of pages) expect(p, 'header on every page').toContain('指标名称');
    // Every row with its cells in column order, as the API gives them.
    const lines = text.split('\n').map((l) => l.trim().split(/\s{2,}/));
    for (const row of api.rows) {
      const line = lines.find((l) => l.includes(row.code) && l.join('').includes(row.label.slice(-4)));
      expect(line, `row ${row.code}`).toBeDefined();
      expect(line!.slice(-row.cells.length), `row ${row.code}`).toEqual(row.cells.map((c: any) => c.text));
    }
  });

  it('writes the Excel form whose cells equal the API’s', async () => {
    const api = (await director.get(`/api/statistics/tables/arbitration${Q2}`)).body;
    const res = await fetch(
      `${env.url}/api/statistics/tables/arbitration/xlsx${Q2}&filledBy=${encodeURIComponent('吴建国')}`,
      {
        headers: { cookie: director.cookie! },
      },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell(1, 1).value).toBe('劳动人事争议处理情况');
    expect(ws.getCell(2, 1).value).toBe('表号：人社统（调解仲裁）表一');
    expect(ws.getCell(3, 1).value).toBe(`填报单位：${api.reportingUnit}`);
    expect(ws.getCell(3, 3).value).toBe('统计期：2024年第二季度（2024年4月1日至2024年6月30日）');
    expect(ws.getCell(EXCEL_LAYOUT.headerRow, 1).value).toBe('指标名称');
    expect(ws.getCell(EXCEL_LAYOUT.headerRow, 4).value).toBe('辖区');
    // Merged header: 指标名称 spans two rows; 辖区 spans every value column.
    expect(ws.getCell(EXCEL_LAYOUT.headerRow + 1, 1).isMerged).toBe(true);
    expect(ws.getCell(EXCEL_LAYOUT.headerRow, 4 + api.columns.length - 1).isMerged).toBe(true);
    api.columns.forEach((c: any, i: number) => {
      expect(ws.getCell(EXCEL_LAYOUT.headerRow + 1, EXCEL_LAYOUT.firstValueColumn + i).value).toBe(c.label);
    });
    api.rows.forEach((row: any, r: number) => {
      const x = EXCEL_LAYOUT.firstDataRow + r;
      expect(ws.getCell(x, 1).value).toBe(row.label);
      expect(ws.getCell(x, 2).value).toBe(row.code);
      expect(ws.getCell(x, 3).value).toBe(row.unit);
      row.cells.forEach((cell: any, c: number) => {
        const v = ws.getCell(x, EXCEL_LAYOUT.firstValueColumn + c).value;
        expect(v, `${row.code}/${c}`).toBe(
          cell.value === null ? cell.text : row.unit === '元' ? cell.value / 100 : cell.value,
        );
      });
    });
    const footer = EXCEL_LAYOUT.firstDataRow + api.rows.length + 1;
    expect(ws.getCell(footer, 1).value).toBe('单位负责人：');
    expect(ws.getCell(footer, 3).value).toBe('填表人：吴建国');
    expect(String(ws.getCell(footer, 4 + api.columns.length - 1).value)).toMatch(
      /^报出日期：\d{4}年\d{1,2}月\d{1,2}日$/,
    );
  });

  it('narrows to one jurisdiction and refuses one outside the user’s scope', async () => {
    const t = (await director.get(`/api/statistics/tables/arbitration${Q2}&jurisdictionId=${guangshui}`))
      .body;
    expect(t.columns).toEqual([{ key: guangshui, label: '广水市' }]);
    expectRow(t, '02', { total: '3', guangshui: '3' });
    const other = await director.get(
      `/api/statistics/tables/arbitration${Q2}&jurisdictionId=00000000-0000-4000-8000-000000000000`,
    );
    expect(other.status).toBe(404);
  });

  it('shows a county leader its own county only', async () => {
    const admin = await signedIn(env, 'admin');
    const orgs = (await admin.get('/api/admin/organizations')).body.items as { id: string; name: string }[];
    const created = await admin.post('/api/admin/users', {
      username: 'gsleader',
      displayName: '广水领导',
      organizationId: orgs.find((o) => o.name === '广水市一站式劳动保障维权中心')!.id,
      password: 'Initial#Pass2026',
      roles: [{ role: 'leader', jurisdictionIds: [guangshui] }],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const gs = await signedIn(env, 'gsleader', 'Initial#Pass2026');
    const t = (await gs.get(`/api/statistics/tables/arbitration${Q2}`)).body;
    expect(t.columns).toEqual([{ key: guangshui, label: '广水市' }]);
    expect(t.reportingUnit).toBe('广水市劳动人事争议仲裁委员会（一站式劳动保障维权中心）');
    expectRow(t, '02', { total: '3', guangshui: '3' });
    expectRow(t, '12', { total: '2', guangshui: '2' });
    // The city total and another county are not this user's to see.
    expect((await gs.get(`/api/statistics/tables/arbitration${Q2}&jurisdictionId=${zengdu}`)).status).toBe(
      404,
    );
    expect((await gs.get(`/api/statistics/tables/arbitration/cells/02${Q2}&column=total`)).status).toBe(404);
    const own = await gs.get(`/api/statistics/tables/arbitration/cells/02${Q2}&column=${guangshui}`);
    expect(own.body.items.map((i: any) => i.caseNumber)).toEqual([
      fx.A3!.caseNumber,
      fx.A4!.caseNumber,
      fx.A7!.caseNumber,
    ]);
  });

  it('gives the leaders’ analysis for the period', async () => {
    const a = (await director.get(`/api/statistics/analysis${Q2}`)).body;
    expect(a.periodLabel).toBe('2024年第二季度');
    expect(a.trend).toEqual([
      { month: '2024-04', received: 6, accepted: 5, closed: 3 },
      { month: '2024-05', received: 5, accepted: 2, closed: 4 },
      { month: '2024-06', received: 4, accepted: 2, closed: 5 },
    ]);
    expect(a.causes).toEqual([
      { cause: 'remuneration', label: '劳动报酬', count: 3 },
      { cause: 'social_insurance', label: '社会保险', count: 2 },
      { cause: 'contract', label: '变更、解除、终止劳动合同', count: 1 },
      { cause: 'work_injury', label: '工伤', count: 1 },
      { cause: 'other', label: '其他', count: 1 },
    ]);
    expect(a.settlement).toEqual({ disposed: 8, settled: 4, share: 50 });
  });
});
