import { EmbeddedImages } from './images.js';
import {
  cachedCoverage,
  currentFontHasGlyph,
  type FallbackFont,
  type FontKey,
  fallbackBuffer,
  fontBuffer,
} from './fonts.js';
import { breakLines, type LaidLine, type Measure } from './layout.js';
import { BLOCK_BOTTOM, BODY_CHAR_SPACING, CHAR_PITCH, LINE_PITCH, PAGE, SIZE } from './page.js';

/** Noto Serif SC ascender (units per em = 1000): baseline offset from the top of a line box. */
const ASCENDER = 1.151;

const widths = new Map<string, number>();

export interface TextOptions {
  weight?: 'body' | 'bold';
  size?: number;
  /** characters (cells) of first-line indent */
  indent?: number;
  align?: 'left' | 'right' | 'center' | 'justify';
  x?: number;
  width?: number;
  pitch?: number;
  spacing?: number;
}

/**
 * A cursor over a pdfkit document that lays out CJK text itself (see layout.ts), so the grid of
 * 28 characters × 22 lines is exact and every character can come from a different font.
 */
export class PdfCanvas {
  y: number = PAGE.top;
  /** Layout-only pass: measure and count, draw nothing (used to keep the sign-off with the text). */
  dry = false;
  /** Pages used so far (1-based) and body lines drawn so far. */
  page = 1;
  lines = 0;
  /** Start a new page before this body line (0-based count), if set. */
  breakBeforeLine: number | undefined;
  private readonly fontIds = new Map<FontKey, string>();
  private readonly registered = new Set<FontKey>();
  /** Images embedded before layout (see images.ts); `doc.image(canvas.images.source(png), …)`. */
  readonly images: EmbeddedImages;

  constructor(
    readonly doc: PDFKit.PDFDocument,
    private readonly fallbacks: readonly FallbackFont[],
  ) {
    this.images = new EmbeddedImages(doc);
    doc.registerFont('body', fontBuffer('body'));
    doc.registerFont('bold', fontBuffer('bold'));
    // pdfkit numbers fonts (F1, F2, …; the subset tag derives from it) in the order they are first
    // selected. Select both now, so the numbering never depends on which glyph widths and coverage were
    // already cached in this process (a cache miss selects a font to measure): identical input, identical bytes.
    doc.font('bold');
    doc.font('body');
    this.fontIds.set('body', 'noto-serif-sc-400');
    this.fontIds.set('bold', 'noto-serif-sc-700');
    this.registered.add('body').add('bold');
  }

  /** The font that draws `ch`: the requested weight, else the first fallback having the glyph. */
  fontFor(ch: string, weight: 'body' | 'bold'): FontKey {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x2e80 || this.has(weight, cp)) return weight;
    for (let i = 0; i < this.fallbacks.length; i++) {
      const key: FontKey = `fallback${i}`;
      if (this.register(key, i) && this.has(key, cp)) return key;
    }
    return weight;
  }

  private register(key: FontKey, index: number): boolean {
    if (this.registered.has(key)) return true;
    const font = this.fallbacks[index];
    const buffer = font && fallbackBuffer(font);
    if (!font || !buffer) return false;
    this.doc.registerFont(key, buffer, font.family as string);
    this.fontIds.set(key, `${font.path}#${font.family ?? ''}`);
    this.registered.add(key);
    return true;
  }

  private has(key: FontKey, cp: number): boolean {
    return cachedCoverage(this.fontIds.get(key) ?? key, cp, () => {
      this.doc.font(key);
      return currentFontHasGlyph(this.doc, cp);
    });
  }

  width(ch: string, weight: 'body' | 'bold', size: number): number {
    const key = this.fontFor(ch, weight);
    const id = `${this.fontIds.get(key)}|${size}|${ch}`;
    let w = widths.get(id);
    if (w === undefined) {
      w = this.doc.font(key).fontSize(size).widthOfString(ch);
      widths.set(id, w);
    }
    return w;
  }

  measure(weight: 'body' | 'bold', size: number): Measure {
    return (ch) => this.width(ch, weight, size);
  }

  textWidth(text: string, weight: 'body' | 'bold', size: number, spacing = 0): number {
    const chars = Array.from(text);
    return (
      chars.reduce((s, c) => s + this.width(c, weight, size), 0) + spacing * Math.max(chars.length - 1, 0)
    );
  }

  newPage(): void {
    if (!this.dry) this.doc.addPage();
    this.page += 1;
    this.y = PAGE.top;
  }

  /** Rewinds the cursor for a new pass over the same content. */
  reset(dry: boolean): void {
    this.dry = dry;
    this.page = 1;
    this.lines = 0;
    this.y = PAGE.top;
  }

  /** Starts a new page unless `height` more points fit in the text block. */
  ensure(height: number): void {
    if (this.y + height > BLOCK_BOTTOM + 0.01) this.newPage();
  }

  /** Draws one laid-out line with its top at `top`, switching fonts per character where needed. */
  drawLine(line: LaidLine, x: number, top: number, weight: 'body' | 'bold', size: number): void {
    if (this.dry) return;
    const baseline = top + ASCENDER * size;
    let run = '';
    let runFont: FontKey | undefined;
    let cursor = x;
    let runX = x;
    const flush = () => {
      if (!run || !runFont) return;
      this.doc.font(runFont).fontSize(size).text(run, runX, baseline, {
        lineBreak: false,
        baseline: 'alphabetic',
        characterSpacing: line.spacing,
      });
      run = '';
    };
    for (const ch of line.chars) {
      const font = this.fontFor(ch, weight);
      if (font !== runFont) {
        flush();
        runFont = font;
        runX = cursor;
      }
      run += ch;
      cursor += this.width(ch, weight, size) + line.spacing;
    }
    flush();
  }

  /** Lays out and draws a paragraph from the cursor, breaking pages as needed. */
  text(text: string, options: TextOptions = {}): void {
    const weight = options.weight ?? 'body';
    const size = options.size ?? SIZE.body;
    const pitch = options.pitch ?? LINE_PITCH;
    const spacing = options.spacing ?? (size === SIZE.body ? BODY_CHAR_SPACING : 0);
    const x = options.x ?? PAGE.left;
    const width = options.width ?? PAGE.blockWidth;
    const indent = (options.indent ?? 0) * (size === SIZE.body ? CHAR_PITCH : size);
    const align = options.align ?? 'justify';
    const lines = breakLines(
      text,
      this.measure(weight, size),
      spacing,
      width,
      width - indent,
      align === 'justify',
    );
    const lineHeight = (ASCENDER + 0.286) * size;
    lines.forEach((line, i) => {
      if (this.lines === this.breakBeforeLine && this.y > PAGE.top) this.newPage();
      this.lines += 1;
      this.ensure(lineHeight);
      let lx = x + (i === 0 ? indent : 0);
      if (align === 'right') lx = x + width - line.width;
      if (align === 'center') lx = x + (width - line.width) / 2;
      this.drawLine(line, lx, this.y, weight, size);
      this.y += pitch;
    });
  }
}
