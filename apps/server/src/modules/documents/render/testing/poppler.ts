import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';

// Test helpers around Debian's poppler-utils (pdftotext, pdffonts) and a minimal ZIP reader.

const dir = mkdtempSync(join(tmpdir(), 'onestop-docs-'));

export function writeTemp(name: string, data: Buffer): string {
  const file = join(dir, name);
  writeFileSync(file, data);
  return file;
}

export const pdftotext = (file: string, ...args: string[]): string =>
  execFileSync('pdftotext', [...args, file, '-'], { encoding: 'utf8' });

export interface PdfFontRow {
  name: string;
  embedded: boolean;
  subset: boolean;
}

export function pdffonts(file: string): PdfFontRow[] {
  const out = execFileSync('pdffonts', [file], { encoding: 'utf8' });
  return out
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => {
      const cols = l.trim().split(/\s+/);
      // name type… encoding emb sub uni object ID: read emb/sub from the end.
      return { name: cols[0] ?? '', embedded: cols.at(-5) === 'yes', subset: cols.at(-4) === 'yes' };
    });
}

export interface WordBox {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Word boxes in points from `pdftotext -bbox`. */
export function wordBoxes(file: string): WordBox[] {
  const html = pdftotext(file, '-bbox');
  const words: WordBox[] = [];
  let page = 0;
  const re = /<page |<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
  for (const m of html.matchAll(re)) {
    if (m[0] === '<page ') {
      page += 1;
      continue;
    }
    words.push({
      page,
      text: m[5] ?? '',
      xMin: Number(m[1]),
      yMin: Number(m[2]),
      xMax: Number(m[3]),
      yMax: Number(m[4]),
    });
  }
  return words;
}

/** Reads one entry of a ZIP archive (stored or deflated), using the central directory. */
export function readZipEntry(zip: Buffer, name: string): Buffer | undefined {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip archive');
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(p + 10);
    const size = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const extra = zip.readUInt16LE(p + 30);
    const comment = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const entry = zip.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    if (entry === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return method === 8 ? inflateRawSync(data) : Buffer.from(data);
    }
    p += 46 + nameLen + extra + comment;
  }
  return undefined;
}

/** Removes all whitespace: pdftotext -layout pads justified lines and wraps long values. */
export const squash = (text: string): string => text.replace(/\s+/g, '');

export interface PdfImageRow {
  page: number;
  type: string;
  width: number;
  height: number;
}

/** The images of a PDF as `pdfimages -list` reports them (soft masks have type 'smask'). */
export function pdfimages(file: string): PdfImageRow[] {
  const out = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' });
  return out
    .split('\n')
    .slice(2)
    .map((l) => l.trim().split(/\s+/))
    .filter((c) => c.length > 4)
    .map((c) => ({ page: Number(c[0]), type: c[2]!, width: Number(c[3]), height: Number(c[4]) }));
}
