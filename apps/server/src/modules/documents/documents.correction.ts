import { AppError } from '../../platform/errors';
import { isDocumentType } from './documents.fields';
import { type Block, type DocumentModel, type FieldSpec, formatChineseDate, TEMPLATES } from './render/index';
import { formatYuan } from './render/model';
import { displayValues } from './render/templates/template';

/**
 * A correction (更正) is a document of its own: it names the document corrected (title, 文号, date),
 * lists what changed (field by field, old → new) and why, and states that the corrected document is
 * superseded from the day the correction is issued. The corrected text follows.
 */

export interface FieldChange {
  label: string;
  before: string;
  after: string;
}

/** A value as printed: by its spec when it has one; amounts (…amount keys) in yuan; anything else as text. */
function shown(spec: FieldSpec | undefined, key: string, value: unknown): string {
  if (value === undefined || value === null || value === '') return '（空）';
  if (spec && spec.kind !== 'items') return displayValues(spec, value).join('；') || '（空）';
  if (typeof value === 'number' && /amount$/i.test(key)) return formatYuan(value);
  return typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
}

function compare(
  specs: readonly FieldSpec[],
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  prefix: string,
  out: FieldChange[],
) {
  const keys = [...new Set([...specs.map((s) => s.key), ...Object.keys(before), ...Object.keys(after)])];
  for (const key of keys) {
    const spec = specs.find((s) => s.key === key);
    const b = before[key];
    const a = after[key];
    if (JSON.stringify(b ?? null) === JSON.stringify(a ?? null)) continue;
    const label = `${prefix}${spec?.label ?? (/amount$/i.test(key) ? '金额' : key)}`;
    const objects = (v: unknown) => Array.isArray(v) && v.every((e) => e && typeof e === 'object');
    if (objects(b) && objects(a) && (b as unknown[]).length === (a as unknown[]).length) {
      (a as Record<string, unknown>[]).forEach((entry, i) => {
        const old = (b as Record<string, unknown>[])[i] ?? {};
        compare(spec?.item ?? [], old, entry, `${label}第${i + 1}项·`, out);
      });
      continue;
    }
    out.push({ label, before: shown(spec, key, b), after: shown(spec, key, a) });
  }
}

/** The fields whose value differs, labelled as on the form (list items item by item). */
export function describeChanges(type: string, before: unknown, after: unknown): FieldChange[] {
  const specs: readonly FieldSpec[] = isDocumentType(type) ? TEMPLATES[type].required : [];
  const out: FieldChange[] = [];
  compare(
    specs,
    (before ?? {}) as Record<string, unknown>,
    (after ?? {}) as Record<string, unknown>,
    '',
    out,
  );
  return out;
}

export const correctionErrors = {
  noChange: () =>
    new AppError(
      400,
      'DOCUMENT_CORRECTION_NO_CHANGE',
      '更正文书须至少改动一项内容：请填写更正后的内容（原文书无误时无需更正）',
    ),
};

export interface CorrectedDocument {
  title: string;
  number: string;
  issuedDate: string;
  fields: unknown;
}

/** Prepends the correction statement to the corrected text and marks the title 更正. */
export function asCorrection(
  model: DocumentModel,
  corrected: CorrectedDocument,
  reason: string,
  changes: FieldChange[],
): DocumentModel {
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: `本机关于${formatChineseDate(corrected.issuedDate)}作出的《${corrected.title}》（${corrected.number}）有误，现予更正。`,
    },
    { kind: 'heading', text: '一、更正事项' },
    {
      kind: 'list',
      ordered: true,
      items: changes.map((c) => `${c.label}：原为“${c.before}”，更正为“${c.after}”。`),
    },
    { kind: 'heading', text: '二、更正理由' },
    { kind: 'paragraph', text: reason.endsWith('。') ? reason : `${reason}。` },
    { kind: 'heading', text: '三、更正后的文书内容' },
    {
      kind: 'paragraph',
      text: `原文书（${corrected.number}）自本更正文书签发之日起作废，以本更正文书为准。更正后的内容如下：`,
    },
  ];
  return { ...model, title: `${model.title}（更正）`, paragraphs: [...blocks, ...model.paragraphs] };
}
