import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentModel } from '../model.js';
import { pdftotext, squash, writeTemp } from '../testing/poppler.js';
import { renderPdf } from './render-pdf.js';
import { preloadHeavyModules } from '../../../../platform/heavy-modules';

// pdfkit, docx and qrcode load on first use: pay that here, not in the first timed case.
beforeAll(preloadHeavyModules, 60_000);

// GB/T 9704-2012 7.3.5.4 and issue #13: no page holds only the signatures and the sign-off.
const model = (lines: number): DocumentModel => ({
  type: 'award',
  title: '裁决书',
  issuer: { name: '随州市劳动人事争议仲裁委员会' },
  number: '随劳人仲裁字〔2026〕第3号',
  caseNumber: '随劳人仲案字〔2026〕第2号',
  issuedDate: '2026-12-07',
  draft: false,
  paragraphs: [
    ...Array.from({ length: lines }, (_, i) => ({
      kind: 'paragraph' as const,
      text: `正文第${i + 1}段：本委依法审理，现将查明的事实记录如下。`,
    })),
    {
      kind: 'signature' as const,
      entries: [
        { label: '首席仲裁员：周明' },
        { label: '仲裁员：李红' },
        { label: '仲裁员：张国强' },
        { label: '书记员：赵丽' },
      ],
    },
  ],
});

describe('signature block kept with the last paragraph', () => {
  it.each([14, 15, 16, 17, 18, 19, 20, 21, 22])('%i body lines', async (lines) => {
    const file = writeTemp(`keep-${lines}.pdf`, await renderPdf(model(lines)));
    const pages = pdftotext(file).split('\f').map(squash).filter(Boolean);
    for (const page of pages) {
      if (page.includes('仲裁员') || page.includes('2026年12月7日')) expect(page).toContain('正文第');
    }
    // The last paragraph and the signatures are on the same page.
    const last = pages.find((p) => p.includes(`正文第${lines}段`));
    expect(last).toContain('首席仲裁员：周明');
  });
});
