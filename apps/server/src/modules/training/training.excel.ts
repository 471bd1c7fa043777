import { loadExcelJS } from '../../platform/heavy-modules';
import type { hoursReport } from './training.service';

type Row = Awaited<ReturnType<typeof hoursReport>>[number];

const thin = { style: 'thin' as const };
const border = { top: thin, left: thin, bottom: thin, right: thin };

/** Layout the tests read back: the title in row 1, headers in row 2, the first person in row 3. */
export const TRAINING_EXCEL_LAYOUT = { headerRow: 2, firstDataRow: 3 } as const;

/** 年度培训学时统计表: one row per person, the hours done against the minimum of their groups. */
export async function hoursWorkbook(year: number, rows: readonly Row[]): Promise<Buffer> {
  const wb = new (await loadExcelJS()).Workbook();
  wb.creator = 'onestop';
  const title = `${year}年度培训学时统计表`;
  const headers = [
    '序号',
    '姓名',
    '单位',
    '培训对象类别',
    '应完成学时',
    '已完成学时',
    '尚缺学时',
    '完成情况',
  ];
  const ws = wb.addWorksheet(title, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1 },
  });
  ws.columns = [6, 14, 30, 30, 12, 12, 10, 14].map((width) => ({ width }));
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
  rows.forEach((r, i) => {
    ws.addRow([
      i + 1,
      r.name,
      r.affiliation,
      r.audienceLabels.join('、'),
      r.required,
      r.done,
      r.missing,
      r.met ? '已完成' : '未完成',
    ]).eachCell((c) => {
      c.border = border;
      c.alignment = { vertical: 'middle', wrapText: true };
    });
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
