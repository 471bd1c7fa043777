/**
 * Document text lint (issue #13 deliverable 5): catches what a careless template or a value pasted
 * into it leaves in a document a party will read. Runs over every template's rendered text in the
 * test suite; each finding names the offending excerpt.
 */
export type LintCode =
  | 'DOUBLED_WORD'
  | 'REPEATED_PARAGRAPH'
  | 'ISO_DATE'
  | 'ASCII_BRACKETS_IN_NUMBER'
  | 'PROGRAM_VALUE';

export interface LintFinding {
  code: LintCode;
  message: string;
  excerpt: string;
}

const CJK = '[\\u3400-\\u4dbf\\u4e00-\\u9fff]';
/** Two to six CJK characters written twice in a row: 提交提交, 支付支付. */
const DOUBLED = new RegExp(`(${CJK}{2,6})\\1`, 'gu');
/**
 * Legitimate reduplications (AABB/ABAB words of Chinese) that must not be flagged.
 * Kept short on purpose: documents of this system use hardly any.
 */
const ALLOWED_DOUBLES = new Set(['研究', '讨论', '商量', '考虑']);
const ISO = /\b\d{4}-\d{1,2}-\d{1,2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?Z?)?\b/g;
const ASCII_NUMBER = /[\u4e00-\u9fff]+[([]\s*\d{4}\s*[)\]]\s*第?\d+号/g;
const PROGRAM = /undefined|\bnull\b|\bNaN\b|\[object [A-Za-z]+\]|\$\{/g;

function excerptAround(text: string, index: number, length: number): string {
  return text.slice(Math.max(0, index - 8), Math.min(text.length, index + length + 8));
}

/**
 * Lints document text given as paragraphs (one string each). Whitespace inside a paragraph is
 * ignored so PDF line breaks do not hide a doubled word.
 */
export function lintDocumentText(paragraphs: readonly string[]): LintFinding[] {
  const findings: LintFinding[] = [];
  const seen = new Map<string, number>();
  paragraphs.forEach((raw, i) => {
    const text = raw.replace(/\s+/g, '');
    if (!text) return;
    for (const m of text.matchAll(DOUBLED)) {
      const word = m[1] as string;
      if (ALLOWED_DOUBLES.has(word)) continue;
      findings.push({
        code: 'DOUBLED_WORD',
        message: `“${word}”连续出现两次`,
        excerpt: excerptAround(text, m.index ?? 0, m[0].length),
      });
    }
    for (const m of raw.matchAll(ISO)) {
      findings.push({
        code: 'ISO_DATE',
        message: `日期“${m[0]}”应写作“××××年×月×日”`,
        excerpt: excerptAround(raw, m.index ?? 0, m[0].length),
      });
    }
    for (const m of text.matchAll(ASCII_NUMBER)) {
      findings.push({
        code: 'ASCII_BRACKETS_IN_NUMBER',
        message: `文号“${m[0]}”的年份应使用六角括号“〔〕”`,
        excerpt: m[0],
      });
    }
    for (const m of raw.matchAll(PROGRAM)) {
      findings.push({
        code: 'PROGRAM_VALUE',
        message: `文书中出现程序值“${m[0]}”`,
        excerpt: excerptAround(raw, m.index ?? 0, m[0].length),
      });
    }
    // Short lines (labels, table cells, signatures) legitimately repeat; paragraphs must not.
    if (text.length >= 16) {
      const first = seen.get(text);
      if (first !== undefined) {
        findings.push({
          code: 'REPEATED_PARAGRAPH',
          message: `第${i + 1}段与第${first + 1}段内容相同`,
          excerpt: text.slice(0, 24),
        });
      } else {
        seen.set(text, i);
      }
    }
  });
  return findings;
}
