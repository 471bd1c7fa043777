import { createHash, pbkdf2 } from 'node:crypto';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { type DocumentModel, DOCUMENT_TYPES, InvalidDocumentError } from '../model.js';
import { SAMPLE_FIELDS, sampleSealPng } from '../samples.js';
import { createDocument, requiredDisplayValues } from '../templates/index.js';
import { pdffonts, pdftotext, squash, wordBoxes, writeTemp } from '../testing/poppler.js';
import { DEFAULT_FALLBACK_FONTS } from './fonts.js';
import { fallbackBuffer } from './fonts.js';
import { mm } from './page.js';
import { renderPdf } from './render-pdf.js';
import { preloadHeavyModules } from '../../../../platform/heavy-modules';

// pdfkit, docx and qrcode load on first use: pay that here, not in the first timed case.
beforeAll(preloadHeavyModules, 60_000);

const issuer = { name: '随州市劳动人事争议仲裁委员会', sealPng: sampleSealPng() };
const base = { issuer, number: '随劳人仲案字〔2026〕第15号', issuedDate: '2026-11-29' };
const verification = { url: 'https://onestop.example.cn/v/K7QP2M9X', shortCode: 'K7QP-2M9X' };
const sample = (type: (typeof DOCUMENT_TYPES)[number], extra: Partial<DocumentModel> = {}) => ({
  ...createDocument(type, { ...base, fields: SAMPLE_FIELDS[type] as never, verification }),
  ...extra,
});

describe('renderPdf', () => {
  it.each(DOCUMENT_TYPES)(
    '%s: shows every required field, the number and an embedded CJK subset',
    async (type) => {
      const file = writeTemp(`${type}.pdf`, await renderPdf(sample(type)));
      const text = squash(pdftotext(file, '-layout'));
      const values = [
        ...requiredDisplayValues(type, SAMPLE_FIELDS[type] as never),
        base.number,
        '2026年11月29日',
      ];
      for (const value of values) expect(text, value).toContain(squash(value));
      expect(text).toContain('验证码：K7QP-2M9X');
      const fonts = pdffonts(file);
      expect(fonts.length).toBeGreaterThan(0);
      for (const font of fonts) {
        expect(font).toMatchObject({ embedded: true, subset: true });
        expect(font.name).toMatch(/^[A-Z]{6}\+NotoSerif/);
      }
    },
  );

  it('lays body text on the GB/T 9704 block: 28 mm left, 37 mm top, 156 × 225 mm, 22 lines of 28', async () => {
    const long =
      '劳动者依法享有取得劳动报酬的权利，用人单位应当按照劳动合同约定和国家规定向劳动者及时足额支付劳动报酬。';
    const model: DocumentModel = {
      ...sample('acceptance_notice'),
      verification: undefined,
      paragraphs: Array.from({ length: 12 }, () => ({ kind: 'paragraph' as const, text: long.repeat(3) })),
    };
    const file = writeTemp('block.pdf', await renderPdf(model));
    const words = wordBoxes(file);
    const isPageNumber = (w: { text: string }) => /^(—|\d+)$/.test(w.text);
    for (const page of [1, 2]) {
      const body = words.filter((w) => w.page === page && !isPageNumber(w));
      const left = Math.min(...body.map((w) => w.xMin));
      const right = Math.max(...body.map((w) => w.xMax));
      const top = Math.min(...body.map((w) => w.yMin));
      const bottom = Math.max(...body.map((w) => w.yMax));
      expect(Math.abs(left - mm(28)), `page ${page} left`).toBeLessThan(mm(1));
      expect(Math.abs(top - mm(37)), `page ${page} top`).toBeLessThan(mm(1));
      expect(right - left, `page ${page} width`).toBeLessThanOrEqual(mm(156) + mm(1));
      expect(right - left, `page ${page} width`).toBeGreaterThan(mm(155));
      expect(bottom, `page ${page} bottom`).toBeLessThanOrEqual(mm(37 + 225) + mm(1));
      if (page === 2) {
        const lines = new Map<number, string>();
        for (const w of body) lines.set(Math.round(w.yMin), (lines.get(Math.round(w.yMin)) ?? '') + w.text);
        expect(lines.size).toBe(22);
        const lengths = [...lines.values()].map((l) => Array.from(l).length);
        expect(Math.max(...lengths)).toBe(28);
        // Each 150-character paragraph has an indented first line and a short last one.
        expect(lengths.filter((n) => n === 28).length).toBeGreaterThanOrEqual(14);
      }
      const numbers = words.filter((w) => w.page === page && isPageNumber(w));
      expect(numbers.map((w) => w.text).join('')).toBe(`—${page}—`);
      expect(Math.min(...numbers.map((w) => w.yMin))).toBeGreaterThan(mm(37 + 225 + 6));
    }
  });

  it('marks drafts with 草稿 on every page', async () => {
    const file = writeTemp('draft.pdf', await renderPdf(sample('award', { draft: true })));
    const pages = pdftotext(file)
      .split('\f')
      .filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(squash(page)).toContain('草稿');
    const final = writeTemp('final.pdf', await renderPdf(sample('award')));
    expect(pdftotext(final)).not.toContain('草稿');
  });

  it('renders CJK Extension A names (䶮, 㛃) with Noto Serif SC itself', async () => {
    const model = sample('correction_notice', { addressee: '刘䶮、王㛃' });
    const file = writeTemp('ext-a.pdf', await renderPdf(model, { fallbackFonts: [] }));
    expect(pdftotext(file)).toContain('刘䶮、王㛃');
  });

  it.skipIf(!DEFAULT_FALLBACK_FONTS.some((f) => fallbackBuffer(f)))(
    'draws characters Noto Serif SC lacks (Ext-B 𠮷) with a fallback font',
    async () => {
      const file = writeTemp(
        'ext-b.pdf',
        await renderPdf(sample('correction_notice', { addressee: '𠮷野家' })),
      );
      expect(pdftotext(file)).toContain('𠮷野家');
      expect(pdffonts(file).some((f) => f.name.includes('CJK'))).toBe(true);
    },
  );

  it('is deterministic for identical input', async () => {
    const a = await renderPdf(sample('hearing_notice'));
    const b = await renderPdf(sample('hearing_notice'));
    const hash = (buf: Buffer) => createHash('sha256').update(buf).digest('hex');
    expect(hash(a)).toBe(hash(b));
  });

  it('gives identical bytes when renders with a seal, a QR code and signatures interleave', async () => {
    // pdfkit inflates PNGs with an alpha channel on the thread pool; renders running side by side (as on a
    // loaded server) once wrote those image objects at different places in the file.
    const signed = sample('hearing_notice', {
      paragraphs: [
        ...sample('hearing_notice').paragraphs,
        {
          kind: 'signature',
          entries: [
            { label: '申请人：', imagePng: sampleSealPng(120) },
            { label: '被申请人：', imagePng: sampleSealPng(96) },
          ],
        },
      ],
    });
    const hash = (buf: Buffer) => createHash('sha256').update(buf).digest('hex');
    // Keep libuv's thread pool busy with work of varying length, as other requests would.
    const busy = Array.from({ length: 8 }, (_, i) =>
      promisify(pbkdf2)('load', 'salt', 1_000 * ((i * 7) % 11) + 1, 32, 'sha256'),
    );
    const renders = Array.from({ length: 6 }, () => renderPdf(signed));
    await Promise.all(busy);
    const hashes = new Set((await Promise.all(renders)).map(hash));
    expect(hashes.size).toBe(1);
  });

  it('rejects a malformed model with a typed error', async () => {
    await expect(renderPdf(sample('receipt', { issuedDate: '29/11/2026' }))).rejects.toBeInstanceOf(
      InvalidDocumentError,
    );
  });
});
