import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Fonts: Noto Serif SC (OFL, from @expo-google-fonts/noto-serif-sc) stands in for 仿宋/小标宋. It covers
 * CJK Extension A (䶮 U+4DAE, 㛃 U+36C3) but not Extension B (𠮷 U+20BB7), so characters it lacks are
 * drawn with the first fallback font that has them (per character, see glyphFont).
 */
export type FontKey = 'body' | 'bold' | `fallback${number}`;

export interface FallbackFont {
  path: string;
  /** PostScript name inside a .ttc collection */
  family?: string;
}

/** Fallbacks tried in order; missing files are skipped. Debian's fonts-noto-cjk covers Ext-B. */
export const DEFAULT_FALLBACK_FONTS: FallbackFont[] = [
  { path: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', family: 'NotoSerifCJKsc-Regular' },
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
];

const require = createRequire(import.meta.url);
let fontDir: string | undefined;

function notoFile(weight: '400Regular' | '700Bold'): string {
  fontDir ??= dirname(require.resolve('@expo-google-fonts/noto-serif-sc/package.json'));
  return join(fontDir, weight, `NotoSerifSC_${weight}.ttf`);
}

const buffers = new Map<string, Buffer>();

/** The TTF files are ~15 MB each: read once per process, not once per document. */
export function fontBuffer(key: 'body' | 'bold'): Buffer {
  let buffer = buffers.get(key);
  if (!buffer) {
    buffer = readFileSync(notoFile(key === 'body' ? '400Regular' : '700Bold'));
    buffers.set(key, buffer);
  }
  return buffer;
}

export function fallbackBuffer(font: FallbackFont): Buffer | undefined {
  let buffer = buffers.get(font.path);
  if (!buffer) {
    if (!existsSync(font.path)) return undefined;
    buffer = readFileSync(font.path);
    buffers.set(font.path, buffer);
  }
  return buffer;
}

/** Minimal view of the fontkit font pdfkit keeps on the document (`doc._font.font`). */
interface GlyphSource {
  _font?: { font?: { hasGlyphForCodePoint?: (cp: number) => boolean } };
}

/** Whether the document's current font has a glyph for the code point (true when unknown). */
export function currentFontHasGlyph(doc: PDFKit.PDFDocument, codePoint: number): boolean {
  const check = (doc as unknown as GlyphSource)._font?.font?.hasGlyphForCodePoint;
  return check ? check.call((doc as unknown as GlyphSource)._font?.font, codePoint) : true;
}

/** Coverage does not change between documents: cache it per font file and code point. */
const coverage = new Map<string, boolean>();

export function cachedCoverage(fontId: string, codePoint: number, probe: () => boolean): boolean {
  const key = `${fontId}:${codePoint}`;
  let has = coverage.get(key);
  if (has === undefined) {
    has = probe();
    coverage.set(key, has);
  }
  return has;
}
