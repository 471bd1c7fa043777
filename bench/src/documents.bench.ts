/**
 * Document rendering benchmark: a two-page 受理通知书 rendered N times by the library, against the same
 * text drawn with bare pdfkit (same font, same A4 page, pdfkit's own line wrapping). Prints the median
 * time of each, their ratio (goal ≤ 3×) and the library's PDF size (goal ≤ 200 KB).
 *
 *   npx tsx bench/src/documents.bench.ts [iterations]
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import PDFDocument from 'pdfkit';
import {
  type Block,
  createDocument,
  type DocumentModel,
  mm,
  renderPdf,
  SAMPLE_FIELDS,
  sampleSealPng,
} from '../../apps/server/src/modules/documents/render/index.js';

const require = createRequire(join(process.cwd(), 'apps/server/package.json'));
const fontDir = dirname(require.resolve('@expo-google-fonts/noto-serif-sc/package.json'));
const REGULAR = readFileSync(join(fontDir, '400Regular/NotoSerifSC_400Regular.ttf'));
const BOLD = readFileSync(join(fontDir, '700Bold/NotoSerifSC_700Bold.ttf'));

function twoPageModel(): DocumentModel {
  return createDocument('acceptance_notice', {
    fields: SAMPLE_FIELDS.acceptance_notice,
    issuer: { name: '随州市劳动人事争议仲裁委员会', sealPng: sampleSealPng() },
    number: '随劳人仲受字〔2026〕第15号',
    issuedDate: '2026-11-29',
    verification: { url: 'https://onestop.example.cn/v/K7QP2M9X', shortCode: 'K7QP-2M9X' },
  });
}

function blockText(block: Block): string[] {
  switch (block.kind) {
    case 'heading':
    case 'paragraph':
      return [block.text];
    case 'list':
      return block.items;
    case 'table':
      return [...(block.header ? [block.header.join(' ')] : []), ...block.rows.map((r) => r.join(' '))];
    case 'signature':
      return block.entries.map((e) => `${e.label}${e.value ?? ''}`);
  }
}

/** The baseline: the same strings with bare pdfkit on the same page and font. */
function renderBare(model: DocumentModel): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: mm(37), left: mm(28), right: mm(26), bottom: mm(35) },
    info: { CreationDate: new Date(`${model.issuedDate}T00:00:00+08:00`) },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.registerFont('body', REGULAR).registerFont('bold', BOLD);
  doc.font('bold').fontSize(22).text(model.title, { align: 'center' });
  doc.font('body').fontSize(16).text(model.number, { align: 'right' });
  if (model.addressee) doc.text(`${model.addressee}：`);
  for (const text of model.paragraphs.flatMap(blockText)) {
    doc.text(text, { indent: 32, lineGap: 6, characterSpacing: -0.2 });
  }
  doc.text(model.issuer.name, { align: 'right' }).text('2026年11月29日', { align: 'right' });
  doc.end();
  return done;
}

async function median(label: string, n: number, fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 3; i++) await fn(); // warm-up: font files, JIT
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const m = times[Math.floor(n / 2)] ?? Number.NaN;
  console.log(`${label.padEnd(10)} median ${m.toFixed(1)} ms over ${n} runs`);
  return m;
}

export async function runDocumentsBench(iterations = 20): Promise<{ ratio: number; sizeKb: number }> {
  const model = twoPageModel();
  const pdf = await renderPdf(model);
  const library = await median('library', iterations, () => renderPdf(model));
  const bare = await median('pdfkit', iterations, () => renderBare(model));
  const ratio = library / bare;
  const sizeKb = pdf.length / 1024;
  const pages = (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
  console.log(`ratio      ${ratio.toFixed(2)}x (goal ≤ 3x)`);
  console.log(`size       ${sizeKb.toFixed(1)} KB, ${pages} pages (goal ≤ 200 KB)`);
  return { ratio, sizeKb };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runDocumentsBench(Number(process.argv[2] ?? 20));
}
