import { beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_FIELDS, sampleSealPng } from '../samples.js';
import { createDocument } from '../templates/index.js';
import { pdftotext, squash, writeTemp } from '../testing/poppler.js';
import { renderPdf } from './render-pdf.js';
import { preloadHeavyModules } from '../../../../platform/heavy-modules';

// pdfkit, docx and qrcode load on first use: pay that here, not in the first timed case.
beforeAll(preloadHeavyModules, 60_000);

// A 1x1 PNG (the drawn signature stands in for a phone's canvas drawing).
const DOT =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const base = {
  issuer: { name: '随州市劳动人事争议一站式多元联调联处中心' },
  number: '随联调字〔2026〕第1号',
  issuedDate: '2026-12-07',
};
const count = (pdf: Buffer, token: string) => pdf.toString('latin1').split(token).length - 1;
// Each drawn PNG has transparency: an image plus its soft mask (itself an image object).
const images = (pdf: Buffer) => count(pdf, '/Subtype /Image') - count(pdf, '/SMask ');

/** Issue #20: the handwritten signatures drawn on the phones are printed beside the parties' lines. */
describe('signed record: drawn signatures on the PDF', () => {
  it('prints one image per party that signed by hand, beside the signature lines', async () => {
    const fields = SAMPLE_FIELDS.mediation_record;
    const plain = await renderPdf(createDocument('mediation_record', { ...base, fields }));
    const signed = await renderPdf(
      createDocument('mediation_record', {
        ...base,
        fields: {
          ...fields,
          signatureImages: [
            { role: 'worker', png: DOT },
            { role: 'employer', png: sampleSealPng().toString('base64') },
          ],
        },
      }),
    );
    expect(images(plain)).toBe(0);
    expect(images(signed)).toBe(2);
    const text = squash(pdftotext(writeTemp('mediation_record-signed.pdf', signed), '-layout'));
    expect(text).toContain(squash('劳动者（签名）：'));
    expect(text).toContain(squash('用人单位（签名或者盖章）：'));
  });
});
