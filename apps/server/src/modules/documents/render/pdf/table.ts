import type { TableBlock } from '../model.js';
import type { PdfCanvas } from './canvas.js';
import { breakLines } from './layout.js';
import { LINE_PITCH, PAGE, SIZE } from './page.js';

const PAD = 5;
const PITCH = SIZE.table * 1.6;
const LINE_BOX = SIZE.table * 1.437;

/** A ruled table in 4号 (14 pt); rows never split across pages, the header repeats on a new page. */
export function drawTable(canvas: PdfCanvas, block: TableBlock): void {
  const { doc } = canvas;
  const columns = Math.max(block.header?.length ?? 0, ...block.rows.map((r) => r.length), 1);
  const weights = block.widths ?? Array.from({ length: columns }, () => 1);
  const total = weights.reduce((s, w) => s + w, 0);
  const colW = Array.from({ length: columns }, (_, i) => ((weights[i] ?? 1) / total) * PAGE.blockWidth);

  const drawRow = (cells: string[], header: boolean) => {
    const weight = header ? 'bold' : 'body';
    const laid = colW.map((w, i) =>
      breakLines(cells[i] ?? '', canvas.measure(weight, SIZE.table), 0, w - 2 * PAD, w - 2 * PAD, false),
    );
    const rowH = Math.max(...laid.map((l) => l.length), 1) * PITCH + 2 * PAD;
    const before = canvas.page;
    canvas.ensure(rowH);
    if (canvas.page !== before && block.header && !header) drawRow(block.header, true);
    let x = PAGE.left;
    laid.forEach((lines, i) => {
      const w = colW[i] as number;
      lines.forEach((line, k) => {
        const lx = header ? x + (w - line.width) / 2 : x + PAD;
        canvas.drawLine(line, lx, canvas.y + PAD + k * PITCH + (PITCH - LINE_BOX) / 2, weight, SIZE.table);
      });
      if (!canvas.dry) doc.lineWidth(0.75).strokeColor('black').rect(x, canvas.y, w, rowH).stroke();
      x += w;
    });
    canvas.y += rowH;
  };

  canvas.y += PAD;
  if (block.header) drawRow(block.header, true);
  for (const row of block.rows) drawRow(row, false);
  canvas.y += LINE_PITCH / 2;
}
