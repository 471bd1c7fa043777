import { loadQRCode } from '../../../../platform/heavy-modules';
import type { PdfCanvas } from './canvas.js';
import {
  BLOCK_BOTTOM,
  BLOCK_RIGHT,
  CHAR_PITCH,
  LINE_PITCH,
  mm,
  PAGE,
  QR_SIZE,
  SEAL_SIZE,
  SIZE,
} from './page.js';

/**
 * Diagonal 草稿 watermark, drawn first so that the text stays on top of it, plus a small horizontal
 * 草稿 in the top margin (text extraction and search see the diagonal one only as loose characters).
 */
export function drawWatermark(canvas: PdfCanvas): void {
  const { doc } = canvas;
  const size = SIZE.watermark;
  const text = '草稿';
  const w = canvas.textWidth(text, 'bold', size);
  doc.save();
  doc.rotate(-45, { origin: [PAGE.width / 2, PAGE.height / 2] });
  // A solid light grey under the text rather than transparency: viewers composite opacity differently.
  doc.fillColor('#dcdcdc');
  doc
    .font('bold')
    .fontSize(size)
    .text(text, (PAGE.width - w) / 2, PAGE.height / 2 - size * 0.6, { lineBreak: false });
  doc.restore();
  const label = '草稿';
  const lw = canvas.textWidth(label, 'bold', SIZE.pageNumber);
  doc
    .fillColor('#999999')
    .font('bold')
    .fontSize(SIZE.pageNumber)
    .text(label, BLOCK_RIGHT - lw, PAGE.top - mm(15), { lineBreak: false });
  doc.fillColor('black');
}

/**
 * Page numbers "— 1 —" in 4号 half-width digits, 7 mm below the text block; odd pages right,
 * even pages left, one character in from the edge (GB/T 9704 §7.5).
 */
export function drawPageNumbers(canvas: PdfCanvas): void {
  const { doc } = canvas;
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const n = i + 1;
    const label = `— ${n} —`;
    const w = canvas.textWidth(label, 'body', SIZE.pageNumber);
    const x = n % 2 === 1 ? BLOCK_RIGHT - CHAR_PITCH - w : PAGE.left + CHAR_PITCH;
    doc
      .font('body')
      .fontSize(SIZE.pageNumber)
      .text(label, x, BLOCK_BOTTOM + mm(7), { lineBreak: false });
  }
}

// Name and date lines span LINE_PITCH + one 16 pt line box; the seal centre sits 4 mm above their middle.
const SIGN_TEXT_HEIGHT = LINE_PITCH + SIZE.body * 1.437;
const SEAL_OFFSET = SIGN_TEXT_HEIGHT / 2 - mm(4);

/** Blank lines between the body and the issuer name: two under a seal, one without. */
export const signOffGap = (hasSeal: boolean): number => LINE_PITCH * (hasSeal ? 2 : 1);

/** Height the sign-off needs below the body (blank lines, name, date and the seal's lower half). */
export function signOffHeight(hasSeal: boolean): number {
  return (
    signOffGap(hasSeal) +
    (hasSeal ? Math.max(SIGN_TEXT_HEIGHT, SEAL_OFFSET + SEAL_SIZE / 2) : SIGN_TEXT_HEIGHT)
  );
}

/** Whether the sign-off (and the QR code, bottom left) fit below a body ending at `bodyBottom`. */
export function signOffFits(bodyBottom: number, hasSeal: boolean, hasQr: boolean): boolean {
  const qrFits = !hasQr || bodyBottom + mm(2) <= BLOCK_BOTTOM - QR_SIZE;
  return qrFits && bodyBottom + signOffHeight(hasSeal) <= BLOCK_BOTTOM + 0.01;
}

/**
 * Issuer name and date (落款) per GB/T 9704 §7.3.5.1: the date ends four characters from the right
 * edge, the issuer name is centred over the date, and the seal is centred over both with the text
 * slightly below its centre (the seal top stays within one line of the body text).
 */
export function drawSignOff(canvas: PdfCanvas, issuer: string, date: string, seal?: Buffer): void {
  const hasSeal = seal !== undefined;
  const nameW = canvas.textWidth(issuer, 'body', SIZE.body);
  const dateW = canvas.textWidth(date, 'body', SIZE.body);
  canvas.y += signOffGap(hasSeal);
  canvas.ensure(signOffHeight(hasSeal) - signOffGap(hasSeal));
  let dateX = BLOCK_RIGHT - 4 * CHAR_PITCH - dateW;
  let centre = dateX + dateW / 2;
  const overflow = centre + nameW / 2 - BLOCK_RIGHT;
  if (overflow > 0) {
    centre -= overflow;
    dateX -= overflow;
  }
  const nameTop = canvas.y;
  canvas.text(issuer, { x: centre - nameW / 2, width: nameW + 1, align: 'left' });
  canvas.text(date, { x: dateX, width: dateW + 1, align: 'left' });
  if (seal) {
    const cy = nameTop + SEAL_OFFSET;
    canvas.doc.image(canvas.images.source(seal), centre - SEAL_SIZE / 2, cy - SEAL_SIZE / 2, {
      width: SEAL_SIZE,
      height: SEAL_SIZE,
    });
  }
}

/** The verification URL as a QR code PNG, made before layout so it is embedded with the other images. */
export async function verificationQr(url: string): Promise<Buffer> {
  return (await loadQRCode()).toBuffer(url, {
    type: 'png',
    margin: 0,
    width: 256,
    errorCorrectionLevel: 'M',
  });
}

/** The QR code (from `verificationQr`) and the printed short code, bottom left of the last page. */
export function drawVerification(
  canvas: PdfCanvas,
  png: Buffer,
  shortCode: string,
  leftColumnBottom: number,
): void {
  const { doc } = canvas;
  const range = doc.bufferedPageRange();
  doc.switchToPage(range.start + range.count - 1);
  let top = BLOCK_BOTTOM - QR_SIZE;
  if (leftColumnBottom > top - mm(2)) {
    canvas.newPage();
    top = BLOCK_BOTTOM - QR_SIZE;
  }
  doc.image(canvas.images.source(png), PAGE.left, top, { width: QR_SIZE, height: QR_SIZE });
  const x = PAGE.left + QR_SIZE + mm(3);
  canvas.y = top + QR_SIZE / 2 - 20;
  canvas.text(`验证码：${shortCode}`, { x, width: mm(60), size: SIZE.note, pitch: 18, align: 'left' });
  canvas.text('扫码或登录网站核验文书真伪', { x, width: mm(60), size: SIZE.note, pitch: 18, align: 'left' });
}
