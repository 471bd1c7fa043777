import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../../platform/heavy-modules';
import {
  CONFIRMED_BY,
  chineseDate,
  formatYuanNumber,
  LEDGER_COLUMNS,
  type RawLedgerRow,
  WAGE_PAYERS,
} from '@onestop/domain';
import { AppError } from '../../platform/errors';

/** The import template: the header row and one example row, ID number column formatted as text. */
export async function templateWorkbook(): Promise<Buffer> {
  const wb = new (await loadExcelJS()).Workbook();
  wb.creator = 'onestop';
  const ws = wb.addWorksheet('欠薪台账');
  ws.columns = LEDGER_COLUMNS.map((header, i) => ({
    header,
    width: i === 1 ? 22 : 16,
    style: i === 1 || i === 2 ? { numFmt: '@' } : {},
  }));
  ws.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    // Month cells typed as dates: the date in UTC is the date shown (exceljs reads them so).
    return v.toISOString().slice(0, 10);
  }
  if (typeof v === 'number') {
    // An ID number typed as a number has lost its last digits (Excel keeps 15 significant digits):
    // the checksum then names the row.
    return String(v);
  }
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '');
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  return String(v).trim();
}

/**
 * Reads the first sheet: its first row must carry the template's columns (in order); every later row
 * that is not blank becomes a raw row, numbered as Excel numbers it.
 */
export async function readLedgerSheet(data: Buffer): Promise<RawLedgerRow[]> {
  const wb = new (await loadExcelJS()).Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new AppError(
      400,
      'WAGE_IMPORT_UNREADABLE',
      '无法读取该文件，请上传由导入模板填写的 Excel（.xlsx）文件',
    );
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError(400, 'WAGE_IMPORT_UNREADABLE', '文件中没有工作表');
  const header = LEDGER_COLUMNS.map((_, i) => cellText(ws.getRow(1).getCell(i + 1)));
  const wrong = LEDGER_COLUMNS.findIndex((name, i) => header[i] !== name);
  if (wrong >= 0) {
    throw new AppError(
      422,
      'WAGE_IMPORT_COLUMNS',
      `第1行第${wrong + 1}列应为“${LEDGER_COLUMNS[wrong]}”，请使用导入模板（列的顺序不能改动）`,
      { expected: LEDGER_COLUMNS },
    );
  }
  const rows: RawLedgerRow[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells = LEDGER_COLUMNS.map((_, i) => cellText(row.getCell(i + 1)));
    if (cells.every((c) => c === '')) continue;
    const [name, idNumber, phone, periodFrom, periodTo, claimed, confirmed, confirmedBy] = cells as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    rows.push({ row: r, name, idNumber, phone, periodFrom, periodTo, claimed, confirmed, confirmedBy });
  }
  if (rows.length === 0) throw new AppError(422, 'WAGE_IMPORT_EMPTY', '表格中没有工人数据（第2行起填写）');
  if (rows.length > 2000) throw new AppError(422, 'WAGE_IMPORT_TOO_MANY', '一次最多导入2000行，请分批导入');
  return rows;
}

export interface ExportLine {
  name: string;
  idMasked: string;
  periodFrom: string;
  periodTo: string;
  claimedFen: number;
  confirmedFen: number | null;
  confirmedBy: keyof typeof CONFIRMED_BY | null;
  paidFen: number;
  outstandingFen: number;
  positionLabel: string;
  payments: {
    paidOn: string;
    amountFen: number;
    payer: keyof typeof WAGE_PAYERS;
    payerName: string | null;
  }[];
}

/** The ledger as the staff see it (ID numbers masked), with the group's totals at the bottom. */
export async function ledgerWorkbook(
  title: string,
  lines: readonly ExportLine[],
  totals: { claimedFen: number; owedFen: number; paidFen: number; outstandingFen: number },
  exportedOn: string,
): Promise<Buffer> {
  const wb = new (await loadExcelJS()).Workbook();
  wb.creator = 'onestop';
  const ws = wb.addWorksheet('欠薪台账');
  const headers = [
    '序号',
    '姓名',
    '公民身份号码',
    '欠薪期间',
    '申报金额（元）',
    '确认金额（元）',
    '确认方式',
    '已支付（元）',
    '尚欠（元）',
    '状态',
    '支付记录',
  ];
  ws.mergeCells(1, 1, 1, headers.length);
  ws.getCell(1, 1).value = `${title}欠薪台账（导出日期：${chineseDate(exportedOn)}）`;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getRow(2).values = headers;
  ws.getRow(2).font = { bold: true };
  ws.columns = headers.map((_, i) => ({ width: [6, 10, 22, 26, 14, 14, 12, 14, 14, 10, 50][i] }));
  const yuan = (fen: number | null) => (fen === null ? '' : formatYuanNumber(fen));
  lines.forEach((l, i) => {
    ws.getRow(3 + i).values = [
      i + 1,
      l.name,
      l.idMasked,
      `${chineseDate(l.periodFrom)}至${chineseDate(l.periodTo)}`,
      yuan(l.claimedFen),
      yuan(l.confirmedFen),
      l.confirmedBy ? CONFIRMED_BY[l.confirmedBy] : '',
      yuan(l.paidFen),
      yuan(l.outstandingFen),
      l.positionLabel,
      l.payments
        .map(
          (p) =>
            `${chineseDate(p.paidOn)} ${WAGE_PAYERS[p.payer].label}${p.payerName ? `（${p.payerName}）` : ''} ${formatYuanNumber(p.amountFen)}元`,
        )
        .join('；'),
    ];
  });
  const total = ws.getRow(3 + lines.length);
  total.values = [
    '合计',
    `${lines.length}行`,
    '',
    '',
    yuan(totals.claimedFen),
    yuan(totals.owedFen),
    '',
    yuan(totals.paidFen),
    yuan(totals.outstandingFen),
    '',
    '',
  ];
  total.font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
