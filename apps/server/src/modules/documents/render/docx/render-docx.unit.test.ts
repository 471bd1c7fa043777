import { beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENT_TYPES } from '../model.js';
import { SAMPLE_FIELDS, sampleSealPng } from '../samples.js';
import { createDocument, requiredDisplayValues } from '../templates/index.js';
import { readZipEntry } from '../testing/poppler.js';
import { renderDocx } from './render-docx.js';
import { preloadHeavyModules } from '../../../../platform/heavy-modules';

// pdfkit, docx and qrcode load on first use: pay that here, not in the first timed case.
beforeAll(preloadHeavyModules, 60_000);

const base = {
  issuer: { name: '随州市劳动人事争议仲裁委员会', sealPng: sampleSealPng() },
  number: '随劳人仲受字〔2026〕第15号',
  issuedDate: '2026-11-29',
  verification: { url: 'https://onestop.example.cn/v/K7QP2M9X', shortCode: 'K7QP-2M9X' },
};

const textOf = (xml: string) =>
  [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

describe('renderDocx', () => {
  it.each(DOCUMENT_TYPES)(
    '%s: is a zip with word/document.xml holding the title and fields',
    async (type) => {
      const model = createDocument(type, { ...base, fields: SAMPLE_FIELDS[type] as never, draft: true });
      const docx = await renderDocx(model);
      expect(docx.subarray(0, 2).toString()).toBe('PK');
      const xml = readZipEntry(docx, 'word/document.xml')?.toString('utf8') ?? '';
      const text = textOf(xml);
      expect(text).toContain(model.title);
      expect(text).toContain(base.number);
      for (const value of requiredDisplayValues(type, SAMPLE_FIELDS[type] as never))
        expect(text).toContain(value);
      // A4 with the GB/T 9704 margins (twips): top 37 mm, left 28 mm; title 22 pt and body 16 pt.
      expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
      expect(xml).toContain('w:top="2098"');
      expect(xml).toContain('w:left="1587"');
      expect(xml).toContain('<w:sz w:val="44"/>');
      expect(xml).toContain('<w:sz w:val="32"/>');
      const headers = [...docx.toString('latin1').matchAll(/word\/header\d+\.xml/g)].map((m) => m[0]);
      const header = readZipEntry(docx, headers[0] ?? '')?.toString('utf8') ?? '';
      expect(header).toContain('草稿');
    },
  );
});
