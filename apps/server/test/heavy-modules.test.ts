import { describe, expect, it } from 'vitest';
import { loadedHeavyModules } from '../src/platform/heavy-modules';
import { signedIn, useTestServer } from './harness';

/**
 * exceljs, pdfkit, docx and qrcode are loaded on first use (platform/heavy-modules.ts), not at
 * start-up: a started server has none of them, and the first Excel and PDF exports load them and
 * still answer the files. (The statistics and documents tests check the files' contents.)
 */
const env = useTestServer({ LOG_LEVEL: 'error' });

describe('heavy packages load on first use', () => {
  it('a started server has loaded none; an Excel then a PDF export load exceljs then pdfkit', async () => {
    expect(loadedHeavyModules()).toEqual([]);
    const director = await signedIn(env, 'director');
    const q = '?kind=quarter&year=2024&quarter=2';
    const xlsx = await fetch(`${env.url}/api/statistics/tables/arbitration/xlsx${q}`, {
      headers: { cookie: director.cookie! },
    });
    expect(xlsx.status).toBe(200);
    // An .xlsx file is a ZIP archive: it begins with the local file header "PK\3\4".
    expect([...new Uint8Array(await xlsx.arrayBuffer()).slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect(loadedHeavyModules()).toEqual(['exceljs']);

    const pdf = await fetch(`${env.url}/api/statistics/tables/arbitration/pdf${q}`, {
      headers: { cookie: director.cookie! },
    });
    expect(pdf.status).toBe(200);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
    expect(loadedHeavyModules()).toEqual(['exceljs', 'pdfkit']);
  });
});
