import { DomainError } from '../workflows/errors';

/**
 * Human-readable numbers (文号 / 案号) from a pattern, e.g.
 *   '随维〔{year}〕{seq:5}'           → 随维〔2026〕00123   (matter number)
 *   '随劳人仲案字〔{year}〕第{seq}号' → 随劳人仲案字〔2026〕第15号 (arbitration case number)
 * Tokens: {year} (four digits), {seq} (no padding) or {seq:N} (zero-padded to N digits, 1–10).
 * Allocation of the next sequence number is the server's job (one counter per pattern and year).
 */

export type NumberingErrorCode =
  | 'NUMBERING_PATTERN_EMPTY'
  | 'NUMBERING_UNBALANCED_BRACE'
  | 'NUMBERING_UNKNOWN_TOKEN'
  | 'NUMBERING_BAD_WIDTH'
  | 'NUMBERING_SEQ_MISSING'
  | 'NUMBERING_SEQ_DUPLICATE'
  | 'NUMBERING_YEAR_DUPLICATE'
  | 'NUMBERING_BAD_YEAR'
  | 'NUMBERING_BAD_SEQ'
  | 'NUMBERING_SEQ_OVERFLOW';

export interface NumberingIssue {
  code: NumberingErrorCode;
  message: string;
}

type Part = { kind: 'text'; text: string } | { kind: 'year' } | { kind: 'seq'; width: number | null };

interface Parsed {
  parts: Part[];
  issues: NumberingIssue[];
}

const MAX_WIDTH = 10;

function parse(pattern: string): Parsed {
  const parts: Part[] = [];
  const issues: NumberingIssue[] = [];
  if (pattern.trim() === '') {
    issues.push({ code: 'NUMBERING_PATTERN_EMPTY', message: '编号格式不能为空' });
    return { parts, issues };
  }
  let text = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '}') {
      issues.push({ code: 'NUMBERING_UNBALANCED_BRACE', message: `第${i + 1}个字符“}”没有对应的“{”` });
      continue;
    }
    if (ch !== '{') {
      text += ch;
      continue;
    }
    const close = pattern.indexOf('}', i);
    if (close < 0) {
      issues.push({ code: 'NUMBERING_UNBALANCED_BRACE', message: `第${i + 1}个字符“{”没有对应的“}”` });
      break;
    }
    if (text) parts.push({ kind: 'text', text });
    text = '';
    const token = pattern.slice(i + 1, close);
    i = close;
    if (token === 'year') {
      parts.push({ kind: 'year' });
    } else if (token === 'seq') {
      parts.push({ kind: 'seq', width: null });
    } else if (/^seq:\d+$/.test(token)) {
      const width = Number(token.slice(4));
      if (width < 1 || width > MAX_WIDTH) {
        issues.push({ code: 'NUMBERING_BAD_WIDTH', message: `序号位数须在1至${MAX_WIDTH}之间：{${token}}` });
      }
      parts.push({ kind: 'seq', width });
    } else {
      issues.push({
        code: 'NUMBERING_UNKNOWN_TOKEN',
        message: `无法识别的占位符：{${token}}（可用：{year}、{seq}、{seq:位数}）`,
      });
    }
  }
  if (text) parts.push({ kind: 'text', text });
  const seqCount = parts.filter((p) => p.kind === 'seq').length;
  const yearCount = parts.filter((p) => p.kind === 'year').length;
  if (seqCount === 0 && !issues.some((x) => x.code === 'NUMBERING_PATTERN_EMPTY')) {
    issues.push({ code: 'NUMBERING_SEQ_MISSING', message: '编号格式须包含序号占位符{seq}或{seq:位数}' });
  }
  if (seqCount > 1) issues.push({ code: 'NUMBERING_SEQ_DUPLICATE', message: '序号占位符只能出现一次' });
  if (yearCount > 1) issues.push({ code: 'NUMBERING_YEAR_DUPLICATE', message: '年份占位符只能出现一次' });
  return { parts, issues };
}

/** Checks a pattern; an empty list means it is usable. */
export function validateNumberPattern(pattern: string): NumberingIssue[] {
  return parse(pattern).issues;
}

function fail(code: NumberingErrorCode, message: string, details: Record<string, unknown>): never {
  throw new DomainError(code, message, details);
}

/** Formats a number; throws DomainError (NUMBERING_*) on a bad pattern, year or sequence. */
export function formatNumber(pattern: string, year: number, seq: number): string {
  const { parts, issues } = parse(pattern);
  const first = issues[0];
  if (first) fail(first.code, first.message, { pattern });
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    fail('NUMBERING_BAD_YEAR', `年份须为四位数：${year}`, { year });
  }
  if (!Number.isSafeInteger(seq) || seq < 1) fail('NUMBERING_BAD_SEQ', `序号须为正整数：${seq}`, { seq });
  return parts
    .map((p) => {
      if (p.kind === 'text') return p.text;
      if (p.kind === 'year') return String(year);
      const digits = String(seq);
      if (p.width !== null && digits.length > p.width) {
        fail('NUMBERING_SEQ_OVERFLOW', `序号${seq}超过${p.width}位，请调整编号格式`, { seq, width: p.width });
      }
      return p.width === null ? digits : digits.padStart(p.width, '0');
    })
    .join('');
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Reads year and sequence back from a formatted number; null if it does not match the pattern. */
export function parseNumber(pattern: string, value: string): { year: number | null; seq: number } | null {
  const { parts, issues } = parse(pattern);
  if (issues.length) return null;
  const groups: Array<'year' | 'seq'> = [];
  const source = parts
    .map((p) => {
      if (p.kind === 'text') return escapeRegExp(p.text);
      groups.push(p.kind);
      if (p.kind === 'year') return '(\\d{4})';
      return p.width === null ? '([1-9]\\d*)' : `(\\d{${p.width}})`;
    })
    .join('');
  const m = new RegExp(`^${source}$`).exec(value);
  if (!m) return null;
  let year: number | null = null;
  let seq = 0;
  groups.forEach((g, i) => {
    const n = Number(m[i + 1]);
    if (g === 'year') year = n;
    else seq = n;
  });
  return seq >= 1 ? { year, seq } : null;
}

/**
 * The center's default patterns (administrators edit them; other tracks' patterns are configured
 * from the local document rules rather than guessed here).
 */
export const DEFAULT_NUMBER_PATTERNS = {
  matter: '随维〔{year}〕{seq:5}',
  arbitration_case: '随劳人仲案字〔{year}〕第{seq}号',
} as const;
