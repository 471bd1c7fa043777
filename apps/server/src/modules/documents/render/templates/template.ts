import { chineseNumber, type PartyParticulars, partyLines } from '@onestop/domain';
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

/** A member of the arbitral tribunal as the tribunal_member table records it. */
export interface TribunalSeat {
  role: 'sole' | 'presiding' | 'member' | 'clerk';
  name: string;
}

/**
 * What a document takes from the master record besides its own fields (issue #13): the case's 案号,
 * the parties' stored particulars, the tribunal with roles, the respondent's recorded defence.
 * Loaded by the server when the document is rendered; templates print what is present.
 */
export interface DocumentContext {
  caseNumber?: string;
  parties?: PartyParticulars[];
  tribunal?: TribunalSeat[];
  /** 被申请人辩称 as recorded (arbitration_record kind 'defence'); '' when none was filed */
  defence?: string;
  /** The case's claim / violation types with their provisions (CLAIM_CATALOGUE basis) */
  violations?: { label: string; basis: string }[];
  /**
   * Due dates (YYYY-MM-DD) of the subject's open clocks computed on a provisional calendar (the year's
   * holiday notice not entered yet): printed with “（暂定）” and a note (templates/index.ts markProvisional).
   */
  provisionalDates?: { date: string; year: number }[];
}

/** One template per document type: data (title, required fields) plus a pure fields → blocks function. */
export interface DocumentTemplate<F> {
  type: DocumentType;
  title: string;
  /** Required fields, from document contents */
  required: readonly FieldSpec[];
  /** 主送 line derived from the fields (without the trailing colon) */
  addressee?: (fields: F) => string | undefined;
  build: (fields: F, context: DocumentContext) => Block[];
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

/** 1–999 in Chinese numerals as used for legal periods: 10 → 十, 15 → 十五, 60 → 六十. */
export const toChineseNumber = chineseNumber;

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
      // A multi-line text (a record's transcript, a finding) is laid out one paragraph per line.
      return String(value)
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
  }
}

// Small block builders keep the templates readable.
export const p = (text: string): Block => ({ kind: 'paragraph', text });
export const h = (text: string): Block => ({ kind: 'heading', text });
/** A list; an item repeating an earlier one (same text once spaces and final punctuation are ignored) is dropped. */
export const list = (items: string[], ordered = true): Block => {
  const key = (t: string) => t.replace(/[\s。；;，,]/g, '');
  const seen = new Set<string>();
  const unique = items.filter((t) => {
    const k = key(t);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return { kind: 'list', items: unique, ordered };
};
export const kv = (rows: [string, string][]): Block => ({ kind: 'table', rows, widths: [1, 3] });
export const sign = (...labels: string[]): Block => ({
  kind: 'signature',
  entries: labels.map((label) => ({ label })),
});
/** Signature lines, some with the drawn signature (PNG, base64) printed beside them, by index. */
export const signWith = (labels: string[], images: Record<number, string | undefined>): Block => ({
  kind: 'signature',
  entries: labels.map((label, i) => {
    const png = images[i];
    return png ? { label, imagePng: Buffer.from(png, 'base64') } : { label };
  }),
});
/** A party's drawn signature on a record (worker = 申请人 / 劳动者, employer = 被申请人 / 用人单位). */
export interface SignedBy {
  role: 'worker' | 'employer';
  png: string;
}
export interface RefusedBy {
  role: 'worker' | 'employer';
  reason: string;
}

/** A party's signature line: the label, and the refusal with its reason when the party refused. */
export function partySignLabel(label: string, role: 'worker' | 'employer', refusals?: RefusedBy[]): string {
  const r = refusals?.find((x) => x.role === role);
  return r ? `${label}拒绝签名（理由：${r.reason}）` : label;
}

export const d = formatChineseDate;
export const dt = formatChineseDateTime;
export const yuan = formatYuan;
export const cn = toChineseNumber;

/** The party particulars of the given roles as paragraphs (no indent), or the fallback lines. */
export function partyBlocks(
  context: DocumentContext,
  roles: readonly string[],
  fallback: string[],
  options: { ethnicity?: boolean } = {},
): Block[] {
  const parties = (context.parties ?? []).filter((x) => roles.includes(x.role));
  const lines = parties.length ? parties.flatMap((x) => partyLines(x, options)) : fallback;
  return lines.map((text) => ({ kind: 'paragraph', text, indent: true }));
}

const SEAT_LABEL: Record<TribunalSeat['role'], string> = {
  sole: '独任仲裁员',
  presiding: '首席仲裁员',
  member: '仲裁员',
  clerk: '书记员',
};
const SEAT_ORDER: TribunalSeat['role'][] = ['sole', 'presiding', 'member', 'clerk'];

/**
 * The tribunal as signed on awards and 调解书: the presiding (or sole) arbitrator first and labelled,
 * then the members, then the 书记员. Without a recorded tribunal: the names given, the first
 * labelled 首席仲裁员 (three) or 独任仲裁员 (one).
 */
export function tribunalEntries(context: DocumentContext, arbitrators: string[], clerk?: string): string[] {
  const seats = context.tribunal?.length
    ? [...context.tribunal]
    : [
        ...arbitrators.map(
          (name, i): TribunalSeat => ({
            role: arbitrators.length === 1 ? 'sole' : i === 0 ? 'presiding' : 'member',
            name,
          }),
        ),
        ...(clerk ? [{ role: 'clerk', name: clerk } as TribunalSeat] : []),
      ];
  if (clerk && !seats.some((s) => s.role === 'clerk')) seats.push({ role: 'clerk', name: clerk });
  seats.sort((a, b) => SEAT_ORDER.indexOf(a.role) - SEAT_ORDER.indexOf(b.role));
  return seats.map((s) => `${SEAT_LABEL[s.role]}：${s.name}`);
}
