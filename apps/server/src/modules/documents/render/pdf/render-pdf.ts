import { assertValidModel, type Block, type DocumentModel, formatChineseDate } from '../model.js';
import { PdfCanvas } from './canvas.js';
import {
  drawPageNumbers,
  drawSignOff,
  drawVerification,
  drawWatermark,
  signOffFits,
  verificationQr,
} from './decorations.js';
import { DEFAULT_FALLBACK_FONTS, type FallbackFont } from './fonts.js';
import { BLOCK_BOTTOM, BLOCK_RIGHT, LINE_PITCH, PAGE, SIZE } from './page.js';
import { drawTable } from './table.js';
import { DEFAULT_TZ_OFFSET_MINUTES, startOfBusinessDay } from '@onestop/domain';
import { loadPdfKit } from '../../../../platform/heavy-modules';

export interface PdfRenderOptions {
  /** Fonts for characters Noto Serif SC lacks (CJK Ext-B); default: Debian's Noto CJK if installed. */
  fallbackFonts?: readonly FallbackFont[];
  /** Business time zone of the issue date (config TZ_OFFSET_MINUTES); default China Standard Time. */
  tzOffsetMinutes?: number;
}

function drawBlock(canvas: PdfCanvas, block: Block): void {
  switch (block.kind) {
    case 'heading':
      canvas.text(block.text, { weight: 'bold', indent: 2 });
      return;
    case 'paragraph':
      canvas.text(block.text, {
        indent: block.indent === false || block.align === 'center' || block.align === 'right' ? 0 : 2,
        align: block.align ?? 'justify',
      });
      return;
    case 'list':
      block.items.forEach((item, i) => {
        canvas.text(block.ordered === false ? item : `${i + 1}．${item}`, { indent: 2 });
      });
      return;
    case 'table':
      drawTable(canvas, block);
      return;
    case 'signature':
      canvas.y += LINE_PITCH / 2;
      for (const entry of block.entries) {
        const label = `${entry.label}${entry.value ?? ''}`;
        if (entry.imagePng) {
          drawSignatureImage(canvas, label, entry.imagePng);
          continue;
        }
        canvas.text(label, { indent: 2, align: 'left' });
        canvas.y += LINE_PITCH / 2;
      }
      return;
  }
}

/** A handwritten signature: the label, then the drawing (two lines high) to its right. */
function drawSignatureImage(canvas: PdfCanvas, label: string, png: Buffer): void {
  const height = LINE_PITCH * 2;
  canvas.ensure(height);
  const page = canvas.page;
  const top = canvas.y;
  canvas.text(label, { indent: 2, align: 'left' });
  const y = canvas.page === page ? top : PAGE.top;
  const x = PAGE.left + canvas.textWidth(`　　${label}`, 'body', SIZE.body) + 4;
  if (!canvas.dry) {
    canvas.doc.image(canvas.images.source(png), x, y - LINE_PITCH * 0.5, {
      fit: [height * 3, height],
      valign: 'center',
    });
  }
  canvas.y = Math.max(canvas.y, y + height);
}

/**
 * Renders a document to PDF following GB/T 9704-2012 (see page.ts). Output is byte-for-byte
 * deterministic: the creation date is the issue date and pdfkit derives the file ID and font
 * subset tags from the content.
 */
export async function renderPdf(model: DocumentModel, options: PdfRenderOptions = {}): Promise<Buffer> {
  assertValidModel(model);
  const issued = startOfBusinessDay(model.issuedDate, options.tzOffsetMinutes ?? DEFAULT_TZ_OFFSET_MINUTES);
  const PDFDocument = await loadPdfKit();
  const doc = new PDFDocument({
    size: 'A4',
    margins: {
      top: PAGE.top,
      left: PAGE.left,
      right: PAGE.width - BLOCK_RIGHT,
      bottom: PAGE.height - BLOCK_BOTTOM,
    },
    bufferPages: true,
    pdfVersion: '1.7',
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Title: model.title,
      Author: model.issuer.name,
      Subject: model.number,
      Creator: 'onestop',
      Producer: 'onestop',
      CreationDate: issued,
      ModDate: issued,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const canvas = new PdfCanvas(doc, options.fallbackFonts ?? DEFAULT_FALLBACK_FONTS);
  const qrPng = model.verification ? await verificationQr(model.verification.url) : undefined;
  const signatures = model.paragraphs.flatMap((block) =>
    block.kind === 'signature' ? block.entries.map((entry) => entry.imagePng) : [],
  );
  await canvas.images.embed([model.issuer.sealPng, qrPng, ...signatures]);

  const layoutBody = () => {
    // Heading: the issuing body over the title (GB/T 9704-2012 7.2.1; arbitration model texts).
    canvas.text(model.issuer.name, {
      weight: 'bold',
      size: SIZE.title,
      align: 'center',
      pitch: LINE_PITCH * 1.5,
    });
    canvas.text(model.title, { weight: 'bold', size: SIZE.title, align: 'center', pitch: LINE_PITCH * 1.5 });
    canvas.text(model.number, { align: 'right' });
    if (model.caseNumber) canvas.text(`案号：${model.caseNumber}`, { align: 'right' });
    canvas.y += LINE_PITCH / 2;
    if (model.addressee) canvas.text(`${model.addressee}：`, { align: 'left' });
    for (const block of model.paragraphs) {
      const page = canvas.page;
      const line = canvas.lines;
      drawBlock(canvas, block);
      if (block.kind === 'signature') signatureStart = line;
      // A signature block that starts a page or splits over two is kept with the last paragraph.
      if (block.kind === 'signature' && canvas.page !== page && signatureBreak === undefined) {
        signatureBreak = Math.max(line - 2, 1);
      }
    }
  };
  let signatureBreak: number | undefined;
  /** Body lines drawn before the (last) signature block: the whole block moves as one. */
  let signatureStart: number | undefined;
  // Dry pass first: GB/T 9704 §7.3.5.4 forbids a page holding only the seal and date, so when the
  // sign-off does not fit under the text, the last two body lines move to the next page with it.
  const hasSeal = model.issuer.sealPng !== undefined;
  const hasQr = model.verification !== undefined;
  canvas.reset(true);
  signatureStart = undefined;
  layoutBody();
  if (signatureBreak !== undefined) {
    canvas.breakBeforeLine = signatureBreak;
    canvas.reset(true);
    layoutBody();
  }
  if (!signOffFits(canvas.y, hasSeal, hasQr)) {
    // The sign-off (date, seal) moves with the whole signature block (tribunal, 书记员) and the last
    // two body lines before it — never with a piece of the block (issue #13 item 7).
    const signOffBreak = Math.max((signatureStart ?? canvas.lines) - 2, 1);
    canvas.breakBeforeLine = Math.min(signOffBreak, signatureBreak ?? signOffBreak);
  }
  canvas.reset(false);
  if (model.draft) {
    drawWatermark(canvas);
    doc.on('pageAdded', () => drawWatermark(canvas));
  }
  layoutBody();

  const pagesBefore = canvas.page;
  const bodyBottom = canvas.y;
  drawSignOff(canvas, model.issuer.name, formatChineseDate(model.issuedDate), model.issuer.sealPng);
  const leftColumnBottom = canvas.page === pagesBefore ? bodyBottom : PAGE.top;
  if (model.verification && qrPng) {
    drawVerification(canvas, qrPng, model.verification.shortCode, leftColumnBottom);
  }
  drawPageNumbers(canvas);
  doc.end();
  return finished;
}
