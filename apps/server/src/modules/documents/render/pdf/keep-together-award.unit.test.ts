import { beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_FIELDS, sampleContext } from '../samples.js';
import { pdftotext, squash, writeTemp } from '../testing/poppler.js';
import { createDocument } from '../templates/index.js';
import { renderPdf } from './render-pdf.js';
import { preloadHeavyModules } from '../../../../platform/heavy-modules';

// pdfkit, docx and qrcode load on first use: pay that here, not in the first timed case.
beforeAll(preloadHeavyModules, 60_000);

// Issue #13 item 7 on real templates: an award (or a 先予执行裁决书) long enough to break over pages
// never leaves a page holding only the signature block. The whole block — tribunal (presiding
// arbitrator first), date, seal, 书记员 — stays together, and the last page holds body text too.

const ISSUED = '2026-11-29';
const DATE = '2026年11月29日';

const award = (claims: number) =>
  createDocument('award', {
    fields: {
      ...SAMPLE_FIELDS.award,
      claims: Array.from(
        { length: claims },
        (_, i) =>
          `裁决被申请人支付申请人2026年${(i % 12) + 1}月加班工资及未休年休假工资报酬${1000 + i * 37}元。`,
      ),
      items: Array.from({ length: claims }, (_, i) => ({
        text: `被申请人于本裁决生效之日起十日内支付申请人2026年${(i % 12) + 1}月加班工资`,
        finality: i % 2 === 0 ? ('final' as const) : ('non_final' as const),
        amount: 1000 + i * 37,
      })),
    },
    issuer: { name: '随州市劳动人事争议仲裁委员会' },
    number: '随劳人仲裁字〔2026〕第3号',
    issuedDate: ISSUED,
    context: sampleContext('award'),
  });

const advance = (items: number) =>
  createDocument('advance_execution_award', {
    fields: {
      ...SAMPLE_FIELDS.advance_execution_award,
      items: Array.from({ length: items }, (_, i) => ({
        text: `支付申请人2026年${(i % 12) + 1}月工资`,
        amount: 4200 + i * 11,
      })),
    },
    issuer: { name: '随州市劳动人事争议仲裁委员会' },
    number: '随劳人仲裁字〔2026〕第4号',
    issuedDate: ISSUED,
    context: sampleContext('advance_execution_award'),
  });

async function pagesOf(name: string, model: ReturnType<typeof award>) {
  const file = writeTemp(name, await renderPdf(model));
  return pdftotext(file, '-layout').split('\f').map(squash).filter(Boolean);
}

/** The page's text before the signature block, without the page header (number and 案号 lines). */
const bodyBefore = (page: string) => page.split('首席仲裁员')[0]!.replace(/^.*?案号：\S+/, '');

/** The signature block's lines (presiding arbitrator, arbitrators, date, 书记员) share one page. */
function expectBlockTogether(pages: string[], names: string[]) {
  const holder = pages.filter((p) => p.includes(names[0]!));
  expect(holder).toHaveLength(1);
  const page = holder[0]!;
  for (const n of [...names, DATE]) expect(page).toContain(n);
  return page;
}

describe('the signature block of a multi-page award stays whole, with body text on its page', () => {
  it.each([8, 12, 14, 16, 18, 20, 24])('award with %i claims', async (n) => {
    const pages = await pagesOf(`award-${n}.pdf`, award(n));
    const page = expectBlockTogether(pages, ['首席仲裁员', '周明', '李红', '张国强', '书记员', '赵丽']);
    // The signature page is the last one and holds body text (the remedy paragraph or an item) too.
    expect(pages.at(-1)).toBe(page);
    expect(bodyBefore(page)).toMatch(/[\u4e00-\u9fff]{2,}/);
    if (n >= 16) expect(pages.length).toBeGreaterThanOrEqual(2);
  });

  it.each([10, 20, 30])('先予执行裁决书 with %i items', async (n) => {
    const pages = await pagesOf(`advance-${n}.pdf`, advance(n));
    const page = expectBlockTogether(pages, ['首席仲裁员', '书记员']);
    expect(pages.at(-1)).toBe(page);
    expect(bodyBefore(page)).toMatch(/[\u4e00-\u9fff]{2,}/);
  });
});
