import { AppError } from '../../platform/errors';
import { isValidIsoDate } from './render/model';
import {
  createDocument,
  DOCUMENT_TYPES,
  type DocumentContext,
  type DocumentModel,
  type DocumentType,
  type FieldSpec,
  InvalidDocumentError,
  type Issuer,
  MissingFieldsError,
  TEMPLATES,
  type Verification,
} from './render/index';

export function isDocumentType(value: string): value is DocumentType {
  return (DOCUMENT_TYPES as readonly string[]).includes(value);
}

export function titleOf(type: string): string {
  return isDocumentType(type) ? TEMPLATES[type].title : type;
}

const DATETIME = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2})?)?/;

/** Type problems of the values that are present (missing ones are reported by createDocument). */
function typeProblems(specs: readonly FieldSpec[], fields: unknown, prefix = ''): string[] {
  const record = (fields ?? {}) as Record<string, unknown>;
  const problems: string[] = [];
  for (const spec of specs) {
    const v = record[spec.key];
    if (v === undefined || v === null || v === '') continue;
    const label = `${prefix}${spec.label}`;
    switch (spec.kind ?? 'text') {
      case 'text':
        if (!['string', 'number'].includes(typeof v)) problems.push(`${label}应为文字`);
        break;
      case 'choice':
        if (typeof v !== 'string') problems.push(`${label}应为选项之一`);
        break;
      case 'date':
        if (typeof v !== 'string' || !isValidIsoDate(v)) problems.push(`${label}应为日期（YYYY-MM-DD）`);
        break;
      case 'datetime':
        if (typeof v !== 'string' || !DATETIME.test(v)) problems.push(`${label}应为日期时间`);
        break;
      case 'amount':
      case 'days':
        if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) problems.push(`${label}应为非负数字`);
        break;
      case 'texts':
        if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) problems.push(`${label}应为文字列表`);
        break;
      case 'items':
        if (!Array.isArray(v) || v.some((x) => typeof x !== 'object' || x === null || Array.isArray(x))) {
          problems.push(`${label}应为列表`);
        } else {
          v.forEach((item, i) => {
            problems.push(...typeProblems(spec.item ?? [], item, `${label}第${i + 1}项·`));
          });
        }
        break;
    }
  }
  return problems;
}

export interface ModelInput {
  type: string;
  fields: unknown;
  issuer: Issuer;
  number: string;
  issuedDate: string;
  draft: boolean;
  verification?: Verification;
  /** From the master record (documents.context.ts): 案号, particulars, tribunal, defence */
  context?: DocumentContext;
}

/**
 * Fills the template, turning the renderer's errors into user-facing 400s: every missing field at
 * once (DOCUMENT_MISSING_FIELDS, Chinese labels in the message and details) or malformed values
 * (DOCUMENT_INVALID).
 */
export function buildModel(input: ModelInput): DocumentModel {
  if (!isDocumentType(input.type)) {
    throw new AppError(400, 'DOCUMENT_TYPE_UNKNOWN', `不支持的文书类型：${input.type}`);
  }
  const template = TEMPLATES[input.type];
  try {
    const model = createDocument(input.type, {
      fields: (input.fields ?? {}) as never,
      issuer: input.issuer,
      number: input.number,
      issuedDate: input.issuedDate,
      draft: input.draft,
      ...(input.verification ? { verification: input.verification } : {}),
      ...(input.context ? { context: input.context } : {}),
    });
    return model;
  } catch (err) {
    if (err instanceof MissingFieldsError) {
      throw new AppError(400, 'DOCUMENT_MISSING_FIELDS', err.message, { missing: err.missing });
    }
    if (err instanceof InvalidDocumentError) {
      throw new AppError(400, 'DOCUMENT_INVALID', err.message, { problems: err.problems });
    }
    const problems = typeProblems(template.required, input.fields);
    throw new AppError(
      400,
      'DOCUMENT_INVALID',
      problems.length ? `文书内容不合法：${problems.join('；')}` : '文书字段格式不正确',
      { problems },
    );
  }
}

/** Validates fields for a draft (placeholders for number, issuer and date). */
export function validateFields(type: string, fields: unknown, issuerName: string, today: string): void {
  if (isDocumentType(type)) {
    const problems = typeProblems(TEMPLATES[type].required, fields);
    // Missing fields are reported first and all at once; type problems only when nothing is missing.
    try {
      buildModel({ type, fields, issuer: { name: issuerName }, number: '—', issuedDate: today, draft: true });
    } catch (err) {
      if (err instanceof AppError && err.code === 'DOCUMENT_MISSING_FIELDS') throw err;
      if (!problems.length) throw err;
    }
    if (problems.length) {
      throw new AppError(400, 'DOCUMENT_INVALID', `文书内容不合法：${problems.join('；')}`, { problems });
    }
    return;
  }
  buildModel({ type, fields, issuer: { name: issuerName }, number: '—', issuedDate: today, draft: true });
}

/** The types with their required fields, for forms (GET /api/documents/types). */
export function describeTypes() {
  const describe = (s: FieldSpec): Record<string, unknown> => ({
    key: s.key,
    label: s.label,
    kind: s.kind ?? 'text',
    ...(s.choices ? { choices: Object.entries(s.choices).map(([value, label]) => ({ value, label })) } : {}),
    ...(s.item ? { item: s.item.map(describe) } : {}),
  });
  return DOCUMENT_TYPES.map((type) => ({
    type,
    title: TEMPLATES[type].title,
    required: TEMPLATES[type].required.map(describe),
  }));
}
