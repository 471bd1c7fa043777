import type { Paragraph, ParagraphChild, Table, TextRun } from 'docx';
import { loadDocx, loadQRCode } from '../../../../platform/heavy-modules';
import { assertValidModel, type Block, type DocumentModel, formatChineseDate } from '../model.js';
import { BODY_CHAR_SPACING, CHAR_PITCH, LINE_PITCH, PAGE, PT_PER_MM, SIZE } from '../pdf/page.js';

// Same page as the PDF (GB/T 9704-2012): margins in twips (1/20 pt), sizes in half-points, images in
// pixels at 96 dpi, floating offsets in EMU (12 700 per point). Fonts are the GB/T ones Chinese Word
// installations have (仿宋_GB2312, 方正小标宋简体, 黑体); the PDF substitutes Noto Serif SC.
const twip = (pt: number) => Math.round(pt * 20);
const px = (pt: number) => Math.round((pt * 96) / 72);
const BODY_FONT = { ascii: '仿宋_GB2312', eastAsia: '仿宋_GB2312', hAnsi: '仿宋_GB2312' };
const TITLE_FONT = { ascii: '方正小标宋简体', eastAsia: '方正小标宋简体', hAnsi: '方正小标宋简体' };
const HEADING_FONT = { ascii: '黑体', eastAsia: '黑体', hAnsi: '黑体' };
const LINE = { line: twip(LINE_PITCH), lineRule: 'exact', before: 0, after: 0 } as const;
const INDENT = { firstLine: twip(2 * CHAR_PITCH) };

/**
 * The docx package, loaded on first rendering (platform/heavy-modules): set by renderDocx before any
 * helper below runs, so they use it as if imported.
 */
let D: typeof import('docx');

function run(
  text: string,
  options: { size?: number; bold?: boolean; font?: typeof BODY_FONT } = {},
): TextRun {
  const size = options.size ?? SIZE.body;
  return new D.TextRun({
    text,
    size: size * 2,
    bold: options.bold ?? false,
    font: options.font ?? BODY_FONT,
    ...(size === SIZE.body ? { characterSpacing: Math.round(BODY_CHAR_SPACING * 20) } : {}),
  });
}

const para = (text: string, indent = true, alignment: 'both' | 'left' | 'right' | 'center' = 'both') =>
  new D.Paragraph({
    children: [run(text)],
    spacing: LINE,
    alignment: D.AlignmentType[alignment === 'both' ? 'JUSTIFIED' : (alignment.toUpperCase() as 'LEFT')],
    ...(indent ? { indent: INDENT } : {}),
  });

function table(block: Extract<Block, { kind: 'table' }>): Table {
  const columns = Math.max(block.header?.length ?? 0, ...block.rows.map((r) => r.length), 1);
  const weights = block.widths ?? Array.from({ length: columns }, () => 1);
  const total = weights.reduce((s, w) => s + w, 0);
  const widths = Array.from({ length: columns }, (_, i) =>
    twip(((weights[i] ?? 1) / total) * PAGE.blockWidth),
  );
  const border = { style: D.BorderStyle.SINGLE, size: 6, color: '000000' };
  const row = (cells: string[], header: boolean) =>
    new D.TableRow({
      tableHeader: header,
      cantSplit: true,
      children: widths.map(
        (w, i) =>
          new D.TableCell({
            width: { size: w, type: D.WidthType.DXA },
            borders: { top: border, bottom: border, left: border, right: border },
            children: [
              new D.Paragraph({
                alignment: header ? D.AlignmentType.CENTER : D.AlignmentType.LEFT,
                children: [run(cells[i] ?? '', { size: SIZE.table, bold: header })],
              }),
            ],
          }),
      ),
    });
  return new D.Table({
    width: { size: twip(PAGE.blockWidth), type: D.WidthType.DXA },
    columnWidths: widths,
    rows: [...(block.header ? [row(block.header, true)] : []), ...block.rows.map((r) => row(r, false))],
  });
}

function blockToDocx(block: Block): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [
        new D.Paragraph({
          children: [run(block.text, { font: HEADING_FONT })],
          spacing: LINE,
          indent: INDENT,
        }),
      ];
    case 'paragraph':
      return [para(block.text, block.indent !== false && !block.align, block.align ?? 'both')];
    case 'list':
      return block.items.map((item, i) => para(block.ordered === false ? item : `${i + 1}．${item}`));
    case 'table':
      return [table(block), para('', false)];
    case 'signature':
      return block.entries.flatMap((e) => [
        para(`${e.label}${e.value ?? ''}`, true, 'left'),
        para('', false),
      ]);
  }
}

/** Rough width in points (CJK = 1 em, ASCII = ½ em) to centre the issuer name over the date. */
const roughWidth = (text: string) =>
  Array.from(text).reduce((s, c) => s + (c.charCodeAt(0) < 0x2e80 ? 0.5 : 1), 0) * CHAR_PITCH;

function signOff(model: DocumentModel): Paragraph[] {
  const date = formatChineseDate(model.issuedDate);
  const dateRight = 4 * CHAR_PITCH;
  const centreFromRight = dateRight + roughWidth(date) / 2;
  const nameRight = Math.max(centreFromRight - roughWidth(model.issuer.name) / 2, 0);
  // A DOCX is for editing: it never carries the seal image; the sealed original is the issued PDF.
  const children: ParagraphChild[] = [run(model.issuer.name)];
  return [
    para('', false),
    new D.Paragraph({
      children,
      spacing: LINE,
      alignment: D.AlignmentType.RIGHT,
      indent: { right: twip(nameRight) },
    }),
    new D.Paragraph({
      children: [run(date)],
      spacing: LINE,
      alignment: D.AlignmentType.RIGHT,
      indent: { right: twip(dateRight) },
    }),
  ];
}

const pageNumberFooter = (alignment: 'left' | 'right') =>
  new D.Footer({
    children: [
      new D.Paragraph({
        alignment: alignment === 'left' ? D.AlignmentType.LEFT : D.AlignmentType.RIGHT,
        indent: alignment === 'left' ? { left: twip(CHAR_PITCH) } : { right: twip(CHAR_PITCH) },
        children: [
          new D.TextRun({
            children: ['— ', D.PageNumber.CURRENT, ' —'],
            size: SIZE.pageNumber * 2,
            font: BODY_FONT,
          }),
        ],
      }),
    ],
  });

/** Renders the same content as renderPdf as a Word document (A4, GB/T 9704 margins and sizes). */
export async function renderDocx(model: DocumentModel): Promise<Buffer> {
  assertValidModel(model);
  D = await loadDocx();
  const QRCode = await loadQRCode();
  const body: (Paragraph | Table)[] = [
    new D.Paragraph({
      alignment: D.AlignmentType.CENTER,
      spacing: { line: twip(LINE_PITCH * 1.5), lineRule: D.LineRuleType.EXACT },
      children: [run(model.issuer.name, { size: SIZE.title, font: TITLE_FONT })],
    }),
    new D.Paragraph({
      alignment: D.AlignmentType.CENTER,
      spacing: { line: twip(LINE_PITCH * 1.5), lineRule: D.LineRuleType.EXACT },
      children: [run(model.title, { size: SIZE.title, font: TITLE_FONT })],
    }),
    para(model.number, false, 'right'),
    ...(model.caseNumber ? [para(`案号：${model.caseNumber}`, false, 'right')] : []),
    para('', false),
    ...(model.addressee ? [para(`${model.addressee}：`, false, 'left')] : []),
    ...model.paragraphs.flatMap(blockToDocx),
    ...signOff(model),
  ];
  if (model.verification) {
    const qr = await QRCode.toBuffer(model.verification.url, { type: 'png', margin: 0, width: 256 });
    body.push(
      para('', false),
      new D.Paragraph({
        children: [
          new D.ImageRun({ type: 'png', data: qr, transformation: { width: px(62), height: px(62) } }),
          run(`  验证码：${model.verification.shortCode}`, { size: SIZE.note }),
        ],
      }),
    );
  }
  // Draft mark on every page: Word has no portable watermark, so a large grey 草稿 in the header.
  const draftHeader = () =>
    new D.Header({
      children: [
        new D.Paragraph({
          alignment: D.AlignmentType.RIGHT,
          children: [new D.TextRun({ text: '草稿', size: 56, bold: true, color: 'B0B0B0', font: BODY_FONT })],
        }),
      ],
    });
  const doc = new D.Document({
    creator: 'onestop',
    title: model.title,
    subject: model.number,
    evenAndOddHeaderAndFooters: true,
    sections: [
      {
        properties: {
          page: {
            size: { width: twip(PAGE.width), height: twip(PAGE.height) },
            margin: {
              top: twip(PAGE.top),
              left: twip(PAGE.left),
              right: twip(PAGE.width - PAGE.left - PAGE.blockWidth),
              bottom: twip(PAGE.height - PAGE.top - PAGE.blockHeight),
              footer: twip(PAGE.height - PAGE.top - PAGE.blockHeight - 7 * PT_PER_MM - SIZE.pageNumber),
            },
          },
        },
        ...(model.draft ? { headers: { default: draftHeader(), even: draftHeader() } } : {}),
        footers: { default: pageNumberFooter('right'), even: pageNumberFooter('left') },
        children: body,
      },
    ],
  });
  return D.Packer.toBuffer(doc);
}
