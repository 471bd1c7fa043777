import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { chineseDate } from '@onestop/domain';
import type { TableAnswer } from './statistics.service';
import { loadPdfKit } from '../../platform/heavy-modules';

/**
 * The table printed as a PDF (A4 landscape): title, 表号, 填报单位 / 统计期, the indicators with their code
 * and unit and one column per jurisdiction, the header repeated on every page, then 单位负责人 / 填表人 /
 * 报出日期 and the consistency warnings — the same cells as the page and the Excel form.
 */
const require = createRequire(import.meta.url);
const fontFile = (weight: '400Regular' | '700Bold') =>
  join(
    dirname(require.resolve('@expo-google-fonts/noto-serif-sc/package.json')),
    weight,
    `NotoSerifSC_${weight}.ttf`,
  );

const MARGIN = 36;
const ROW_PAD = 4;
const FONT_SIZE = 9;

export async function tablePdf(t: TableAnswer, filledBy: string, reportDate: string): Promise<Buffer> {
  const PDFDocument = await loadPdfKit();
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: MARGIN,
    info: { Title: `${t.title}（${t.periodLabel}）`, Author: t.reportingUnit, Creator: 'onestop' },
  });
  doc.registerFont('body', fontFile('400Regular'));
  doc.registerFont('bold', fontFile('700Bold'));
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  const width = doc.page.width - 2 * MARGIN;
  const bottom = doc.page.height - MARGIN;
  const valueCols = t.columns.length;
  const fixed = [190, 30, 30];
  const valueWidth = (width - fixed.reduce((a, b) => a + b, 0)) / Math.max(1, valueCols);
  const widths = [...fixed, ...t.columns.map(() => valueWidth)];
  const xs = widths.map((_, i) => MARGIN + widths.slice(0, i).reduce((a, b) => a + b, 0));

  const cellHeight = (texts: string[], font: 'body' | 'bold') => {
    doc.font(font).fontSize(FONT_SIZE);
    return (
      Math.max(...texts.map((s, i) => doc.heightOfString(s, { width: (widths[i] ?? 40) - 2 * ROW_PAD }))) +
      2 * ROW_PAD
    );
  };
  const drawRow = (
    texts: string[],
    font: 'body' | 'bold',
    align: (i: number) => 'left' | 'right' | 'center',
  ) => {
    const h = cellHeight(texts, font);
    if (doc.y + h > bottom) {
      doc.addPage();
      doc.y = MARGIN;
      drawHeader();
    }
    const y = doc.y;
    texts.forEach((s, i) => {
      const x = xs[i] ?? MARGIN;
      const w = widths[i] ?? 40;
      doc.rect(x, y, w, h).lineWidth(0.5).stroke('#000000');
      doc
        .font(font)
        .fontSize(FONT_SIZE)
        .fillColor('#000000')
        .text(s, x + ROW_PAD, y + ROW_PAD, { width: w - 2 * ROW_PAD, align: align(i) });
    });
    doc.y = y + h;
  };
  const drawHeader = () =>
    drawRow(['指标名称', '代码', '单位', ...t.columns.map((c) => c.label)], 'bold', () => 'center');

  doc.font('bold').fontSize(16).text(t.title, MARGIN, MARGIN, { width, align: 'center' });
  doc.moveDown(0.3);
  doc.font('body').fontSize(FONT_SIZE).text(`表号：${t.formNumber}`, { width, align: 'right' });
  doc.text(
    `填报单位：${t.reportingUnit}　　统计期：${t.periodLabel}（${chineseDate(t.period.from)}至${chineseDate(t.period.to)}）`,
    {
      width,
    },
  );
  doc.moveDown(0.5);
  drawHeader();
  for (const r of t.rows) {
    const label = `${'　'.repeat(r.indent)}${r.label}`;
    drawRow([label, r.code, r.unit, ...r.cells.map((c) => c.text)], 'body', (i) =>
      i < 3 ? (i === 0 ? 'left' : 'center') : 'right',
    );
  }
  doc.moveDown(0.8);
  doc
    .font('body')
    .fontSize(FONT_SIZE)
    .text(
      `单位负责人：　　　　　　填表人：${filledBy}　　　　　　报出日期：${chineseDate(reportDate)}`,
      MARGIN,
      doc.y,
      {
        width,
      },
    );
  if (t.warnings.length) {
    doc.moveDown(0.5);
    doc.font('bold').text('表内校核未通过：', { width });
    doc.font('body');
    for (const w of t.warnings) doc.text(w.message, { width });
  }
  doc.moveDown(0.5);
  doc
    .font('body')
    .fillColor('#333333')
    .text(`依据：${t.basis}。“无数据来源”表示系统记录尚不能统计该指标，不以0填报。`, {
      width,
    });
  doc.end();
  return done;
}
