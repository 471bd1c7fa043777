import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../../platform/heavy-modules';
import type { presentAssessments, presentOrganizations } from './prevention.service';

type Org = Awaited<ReturnType<typeof presentOrganizations>>[number];
type Assessment = Awaited<ReturnType<typeof presentAssessments>>[number];

const thin = { style: 'thin' as const };
const border = { top: thin, left: thin, bottom: thin, right: thin };

function sheet(wb: ExcelJS.Workbook, title: string, headers: string[], widths: number[], rows: string[][]) {
  const ws = wb.addWorksheet(title.slice(0, 31), {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1 },
  });
  ws.columns = widths.map((width) => ({ width }));
  ws.mergeCells(1, 1, 1, headers.length);
  const t = ws.getCell(1, 1);
  t.value = title;
  t.font = { name: '宋体', size: 16, bold: true };
  t.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 28;
  ws.addRow(headers).eachCell((c) => {
    c.font = { bold: true };
    c.border = border;
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  for (const r of rows)
    ws.addRow(r).eachCell((c) => {
      c.border = border;
      c.alignment = { vertical: 'middle', wrapText: true };
    });
  return ws;
}

/** Layout the tests read back: the title in row 1, headers in row 2, the first record in row 3. */
export const PREVENTION_EXCEL_LAYOUT = { headerRow: 2, firstDataRow: 3 } as const;

/** 调解组织名录: one row per organisation with its members and its 六有五统一 state. */
export async function registerWorkbook(orgs: readonly Org[]): Promise<Buffer> {
  const wb = new (await loadExcelJS()).Workbook();
  wb.creator = 'onestop';
  sheet(
    wb,
    '劳动争议调解组织名录',
    [
      '序号',
      '名称',
      '类型',
      '辖区',
      '成立日期',
      '状态',
      '地址',
      '统一社会信用代码',
      '成员',
      '六有五统一',
      '复评到期日',
    ],
    [6, 32, 24, 12, 16, 10, 30, 22, 30, 10, 16],
    orgs.map((o, i) => [
      String(i + 1),
      o.name,
      o.kindLabel,
      o.jurisdiction.name,
      o.foundedOnText,
      o.statusLabel,
      o.address ?? '',
      o.creditCode ?? '',
      o.members.map((m) => `${m.name}（${m.positionLabel}）`).join('、'),
      o.standard.label,
      o.standard.reassessDueText ?? '',
    ]),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** 六有五统一评估结果: one row per assessment, one column per item (符合 / 不符合). */
export async function assessmentsWorkbook(
  rows: readonly { org: Org; assessment: Assessment }[],
  itemLabels: readonly string[],
): Promise<Buffer> {
  const wb = new (await loadExcelJS()).Workbook();
  wb.creator = 'onestop';
  sheet(
    wb,
    '调解组织六有五统一评估结果',
    ['序号', '调解组织', '辖区', '评估日期', '评估人', ...itemLabels, '结论', '不符合项目', '复评到期日'],
    [6, 32, 12, 16, 10, ...itemLabels.map(() => 10), 18, 28, 16],
    rows.map(({ org, assessment: a }, i) => [
      String(i + 1),
      org.name,
      org.jurisdiction.name,
      a.assessedOnText,
      a.assessorName,
      ...itemLabels.map((label) => {
        const item = a.items.find((x) => x.label === label);
        return item ? (item.passed ? '符合' : '不符合') : '—';
      }),
      a.passed ? '达标' : '未达标',
      a.failedItems.join('、'),
      a.reassessDueText,
    ]),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
