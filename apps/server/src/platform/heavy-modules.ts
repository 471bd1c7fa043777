/**
 * Packages that only a few routes and jobs use, loaded on first use instead of at start-up: each
 * costs resident memory for as long as the process lives (measured alone in a bare Node process:
 * exceljs ≈ 28 MB, pdfkit with fontkit ≈ 29 MB, docx ≈ 11 MB, qrcode ≈ 11 MB), and most
 * instances never export a workbook or render a document. The first export or rendering pays the
 * load (a few hundred milliseconds, once); later calls get the same module.
 *
 * Import the types statically (`import type ExcelJS from 'exceljs'`) and the values only through
 * these functions: a static value import would load the package at start-up again (the compiled
 * server keeps npm packages external, so `import()` here stays a lazy import in dist/ too).
 */

let excel: Promise<typeof import('exceljs')> | undefined;
let pdfkit: Promise<typeof import('pdfkit')> | undefined;
let docx: Promise<typeof import('docx')> | undefined;
let qrcode: Promise<typeof import('qrcode')> | undefined;

/** CommonJS packages come back as `{ default: module.exports }`; ESM ones as their namespace. */
function interop<T>(m: T | { default: T }): T {
  const d = (m as { default?: T }).default;
  return d ?? (m as T);
}

/** exceljs (Excel workbooks: statistics tables, ledgers, training hours, prevention registers). */
export function loadExcelJS(): Promise<typeof import('exceljs')> {
  excel ??= import('exceljs').then(interop);
  return excel;
}

/** pdfkit's PDFDocument (issued documents, statistics tables as PDF). */
export function loadPdfKit(): Promise<typeof import('pdfkit')> {
  pdfkit ??= import('pdfkit').then(interop);
  return pdfkit;
}

/** docx (the editable Word copy of a document). */
export function loadDocx(): Promise<typeof import('docx')> {
  docx ??= import('docx');
  return docx;
}

/** qrcode (verification codes on documents). */
export function loadQRCode(): Promise<typeof import('qrcode')> {
  qrcode ??= import('qrcode').then(interop);
  return qrcode;
}

/** Which of these packages this process has loaded so far (by name); for the tests of laziness. */
export function loadedHeavyModules(): string[] {
  return [
    ...(excel ? ['exceljs'] : []),
    ...(pdfkit ? ['pdfkit'] : []),
    ...(docx ? ['docx'] : []),
    ...(qrcode ? ['qrcode'] : []),
  ];
}

/**
 * Loads all of them now: for tests that time their cases (the first case would otherwise pay the
 * load), and for a process that prefers paying at start-up.
 */
export async function preloadHeavyModules(): Promise<void> {
  await Promise.all([loadExcelJS(), loadPdfKit(), loadDocx(), loadQRCode()]);
}
