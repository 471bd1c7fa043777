import { chineseDate } from '@onestop/domain';
import { loadExcelJS } from '../../platform/heavy-modules';
import type { TableAnswer } from './statistics.service';

/** Layout constants the tests read back (first data row, first value column). */
export const EXCEL_LAYOUT = { headerRow: 4, numberRow: 6, firstDataRow: 7, firstValueColumn: 4 } as const;

const thin = { style: 'thin' as const };
const border = { top: thin, left: thin, bottom: thin, right: thin };

/**
 * The table in the form's layout: title, 表号, 填报单位 / 统计期 / 计量单位, a two-level merged header
 * (指标名称、代码、计量单位 over two rows; the jurisdictions under 辖区), the 甲乙丙/1 2 3 column-number
 * row, the indicators, then 单位负责人 / 填表人 / 报出日期 and the consistency warnings.
 */
export async function tableWorkbook(t: TableAnswer, filledBy: string, reportDate: string): Promise<Buffer> {
  const wb = new (await loadExcelJS()).Workbook();
  wb.creator = 'onestop';
  const ws = wb.addWorksheet(t.title.slice(0, 31), {
    pageSetup: {
      paperSize: 9,
      orientation: t.columns.length > 4 ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
    },
  });
  const lastCol = EXCEL_LAYOUT.firstValueColumn + t.columns.length - 1;
  ws.columns = [{ width: 40 }, { width: 7 }, { width: 9 }, ...t.columns.map(() => ({ width: 14 }))];

  ws.mergeCells(1, 1, 1, lastCol);
  const title = ws.getCell(1, 1);
  title.value = t.title;
  title.font = { name: '宋体', size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 28;

  ws.mergeCells(2, 1, 2, lastCol);
  const form = ws.getCell(2, 1);
  form.value = `表号：${t.formNumber}`;
  form.alignment = { horizontal: 'right' };

  ws.mergeCells(3, 1, 3, 2);
  ws.getCell(3, 1).value = `填报单位：${t.reportingUnit}`;
  ws.getCell(3, 3).value =
    `统计期：${t.periodLabel}（${chineseDate(t.period.from)}至${chineseDate(t.period.to)}）`;
  if (lastCol > 3) {
    ws.getCell(3, lastCol).value = '计量单位：件、人、户、元';
    ws.getCell(3, lastCol).alignment = { horizontal: 'right' };
  }

  const h = EXCEL_LAYOUT.headerRow;
  const headerCells: [number, string][] = [
    [1, '指标名称'],
    [2, '代码'],
    [3, '计量单位'],
  ];
  for (const [c, text] of headerCells) {
    ws.mergeCells(h, c, h + 1, c);
    ws.getCell(h, c).value = text;
  }
  ws.mergeCells(h, EXCEL_LAYOUT.firstValueColumn, h, lastCol);
  ws.getCell(h, EXCEL_LAYOUT.firstValueColumn).value = '辖区';
  t.columns.forEach((col, i) => {
    ws.getCell(h + 1, EXCEL_LAYOUT.firstValueColumn + i).value = col.label;
  });
  const numbers = ['甲', '乙', '丙', ...t.columns.map((_, i) => String(i + 1))];
  numbers.forEach((n, i) => {
    ws.getCell(EXCEL_LAYOUT.numberRow, i + 1).value = n;
  });
  for (let r = h; r <= EXCEL_LAYOUT.numberRow; r++) {
    for (let c = 1; c <= lastCol; c++) {
      const cell = ws.getCell(r, c);
      cell.font = { bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = border;
    }
  }

  t.rows.forEach((row, i) => {
    const r = EXCEL_LAYOUT.firstDataRow + i;
    ws.getCell(r, 1).value = row.label;
    ws.getCell(r, 1).alignment = { indent: row.indent * 2 };
    ws.getCell(r, 2).value = row.code;
    ws.getCell(r, 3).value = row.unit;
    row.cells.forEach((cell, c) => {
      const x = ws.getCell(r, EXCEL_LAYOUT.firstValueColumn + c);
      if (cell.value === null) {
        x.value = cell.text;
        x.alignment = { horizontal: 'center' };
      } else if (row.unit === '元') {
        x.value = cell.value / 100;
        x.numFmt = '#,##0.00';
      } else if (row.unit === '%') {
        x.value = cell.value;
        x.numFmt = '0.0';
      } else {
        x.value = cell.value;
        x.numFmt = '0';
      }
    });
    for (let c = 1; c <= lastCol; c++) ws.getCell(r, c).border = border;
    if (row.unavailable) ws.getCell(r, 1).note = `无数据来源：${row.unavailable}`;
  });

  let r = EXCEL_LAYOUT.firstDataRow + t.rows.length + 1;
  ws.getCell(r, 1).value = '单位负责人：';
  ws.getCell(r, 3).value = `填表人：${filledBy}`;
  ws.getCell(r, Math.max(4, lastCol)).value = `报出日期：${chineseDate(reportDate)}`;
  r += 1;
  ws.mergeCells(r, 1, r, lastCol);
  ws.getCell(r, 1).value = `说明：依据${t.basis}。“无数据来源”表示系统记录尚不能统计该指标，不以0填报。`;
  ws.getCell(r, 1).alignment = { wrapText: true };
  ws.getRow(r).height = 45;
  for (const w of t.warnings) {
    r += 1;
    ws.mergeCells(r, 1, r, lastCol);
    ws.getCell(r, 1).value = `校核提示：${w.message}`;
    ws.getCell(r, 1).font = { color: { argb: 'FFC00000' } };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
