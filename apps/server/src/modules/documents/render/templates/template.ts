import {
  type Block,
  type DocumentType,
  formatChineseDate,
  formatChineseDateTime,
  formatYuan,
  type MissingField,
} from '../model.js';

/**
 * How a field is displayed: text as is, dates in Chinese, amounts in yuan, day counts in Chinese
 * numerals, choices by their label, lists item by item.
 */
export type FieldKind = 'text' | 'date' | 'datetime' | 'amount' | 'days' | 'choice' | 'texts' | 'items';

export interface FieldSpec {
  key: string;
  /** Chinese label used in error messages */
  label: string;
  kind?: FieldKind;
  /** kind 'choice': value → Chinese label */
  choices?: Readonly<Record<string, string>>;
  /** kind 'items': the required fields of each item */
  item?: readonly FieldSpec[];
}

/** One template per document type: data (title, required fields) plus a pure fields → blocks function. */
export interface DocumentTemplate<F> {
  type: DocumentType;
  title: string;
  /** Required fields, from RULES.md §5 */
  required: readonly FieldSpec[];
  /** 主送 line derived from the fields (without the trailing colon) */
  addressee?: (fields: F) => string | undefined;
  build: (fields: F) => Block[];
}

export function defineTemplate<F>(template: DocumentTemplate<F>): DocumentTemplate<F> {
  return template;
}

function isBlank(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (typeof value === 'number') return !Number.isFinite(value);
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

/** Lists every missing required field at once (items are checked one by one: "材料第2项·页数"). */
export function findMissingFields(specs: readonly FieldSpec[], fields: unknown, prefix = ''): MissingField[] {
  const record = (fields ?? {}) as Record<string, unknown>;
  const missing: MissingField[] = [];
  for (const spec of specs) {
    const value = record[spec.key];
    const key = prefix ? `${prefix}.${spec.key}` : spec.key;
    if (isBlank(value) || (spec.kind === 'choice' && spec.choices && !(String(value) in spec.choices))) {
      missing.push({ key, label: spec.label });
      continue;
    }
    if (spec.kind === 'items' && spec.item && Array.isArray(value)) {
      value.forEach((entry, i) => {
        for (const m of findMissingFields(spec.item ?? [], entry, `${key}[${i}]`)) {
          const sub = m.label;
          missing.push({ key: m.key, label: `${spec.label}第${i + 1}项·${sub}` });
        }
      });
    }
  }
  return missing;
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1–999 in Chinese numerals as used for legal periods: 10 → 十, 15 → 十五, 60 → 六十. */
export function toChineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999) return String(n);
  if (n < 10) return DIGITS[n] as string;
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  const rest = n % 100;
  const tail =
    rest === 0
      ? ''
      : rest < 10
        ? `零${DIGITS[rest]}`
        : rest < 20
          ? `一${toChineseNumber(rest)}`
          : toChineseNumber(rest);
  return `${DIGITS[Math.floor(n / 100)]}百${tail}`;
}

/** The strings a rendered document must contain for this field (used by tests and previews). */
export function displayValues(spec: FieldSpec, value: unknown): string[] {
  if (isBlank(value)) return [];
  switch (spec.kind ?? 'text') {
    case 'date':
      return [formatChineseDate(String(value))];
    case 'datetime':
      return [formatChineseDateTime(String(value))];
    case 'amount':
      return [formatYuan(Number(value))];
    case 'days':
      return [toChineseNumber(Number(value))];
    case 'choice':
      return [spec.choices?.[String(value)] ?? String(value)];
    case 'texts':
      return (value as unknown[]).map(String);
    case 'items':
      return (value as Record<string, unknown>[]).flatMap((entry) =>
        (spec.item ?? []).flatMap((sub) => displayValues(sub, entry[sub.key])),
      );
    default:
      return [String(value)];
  }
}

// Small block builders keep the templates readable.
export const p = (text: string): Block => ({ kind: 'paragraph', text });
export const h = (text: string): Block => ({ kind: 'heading', text });
export const list = (items: string[], ordered = true): Block => ({ kind: 'list', items, ordered });
export const kv = (rows: [string, string][]): Block => ({ kind: 'table', rows, widths: [1, 3] });
export const sign = (...labels: string[]): Block => ({
  kind: 'signature',
  entries: labels.map((label) => ({ label })),
});
export const d = formatChineseDate;
export const dt = formatChineseDateTime;
export const yuan = formatYuan;
export const cn = toChineseNumber;
