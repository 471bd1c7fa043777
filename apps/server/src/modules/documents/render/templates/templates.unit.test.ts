import { describe, expect, it } from 'vitest';
import { DOCUMENT_TYPES, InvalidDocumentError, MissingFieldsError } from '../model.js';
import { SAMPLE_FIELDS } from '../samples.js';
import { createDocument, TEMPLATES } from './index.js';
import { toChineseNumber } from './template.js';

const issuer = { name: '随州市劳动人事争议仲裁委员会' };
const base = { issuer, number: '随劳人仲案字〔2026〕第15号', issuedDate: '2026-11-29' };

describe('templates', () => {
  it('has one template per document type, each with required fields', () => {
    expect(Object.keys(TEMPLATES).sort()).toEqual([...DOCUMENT_TYPES].sort());
    for (const type of DOCUMENT_TYPES) {
      expect(TEMPLATES[type].type).toBe(type);
      expect(TEMPLATES[type].required.length).toBeGreaterThan(0);
    }
  });

  it.each(DOCUMENT_TYPES)('%s: builds a model from the sample fields', (type) => {
    const model = createDocument(type, { ...base, fields: SAMPLE_FIELDS[type] as never });
    expect(model.title).toBe(TEMPLATES[type].title);
    expect(model.paragraphs.length).toBeGreaterThan(0);
    expect(model.draft).toBe(false);
  });

  it('reports every missing field at once, in Chinese', () => {
    const fields = { ...SAMPLE_FIELDS.acceptance_notice, applicantName: '', evidenceDeadline: undefined };
    try {
      createDocument('acceptance_notice', { ...base, fields: fields as never });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(MissingFieldsError);
      const e = error as MissingFieldsError;
      expect(e.code).toBe('DOCUMENT_MISSING_FIELDS');
      expect(e.missing.map((m) => m.key)).toEqual(['applicantName', 'evidenceDeadline']);
      expect(e.message).toBe('文书缺少必填字段：申请人、举证期限');
    }
  });

  it('checks the fields of each listed item and the document number', () => {
    const materials = [{ title: '仲裁申请书', form: '原件' }];
    const run = () =>
      createDocument('receipt', {
        ...base,
        number: '',
        fields: { ...SAMPLE_FIELDS.receipt, materials } as never,
      });
    expect(run).toThrow(MissingFieldsError);
    expect(run).toThrow('收到材料第1项·页数、文号');
  });

  it('rejects unknown choice values and malformed dates', () => {
    const fields = { ...SAMPLE_FIELDS.rejection_notice, reasonCode: 'jurisdiction' };
    expect(() => createDocument('rejection_notice', { ...base, fields: fields as never })).toThrow(
      '不予受理理由类别',
    );
    const bad = { ...base, issuedDate: '2026-02-30', fields: SAMPLE_FIELDS.receipt };
    expect(() => createDocument('receipt', bad)).toThrow(InvalidDocumentError);
  });

  it('states the remedy on rejection and the appeal rights per award item', () => {
    const rejection = createDocument('rejection_notice', { ...base, fields: SAMPLE_FIELDS.rejection_notice });
    expect(JSON.stringify(rejection.paragraphs)).toContain(
      '可自收到本通知书之日起十五日内向人民法院提起诉讼',
    );
    const award = JSON.stringify(
      createDocument('award', { ...base, fields: SAMPLE_FIELDS.award }).paragraphs,
    );
    expect(award).toContain('（终局）第1项');
    expect(award).toContain('（非终局）第2项');
    expect(award).toContain('三十日内向本委所在地的中级人民法院（随州市中级人民法院）申请撤销裁决');
  });

  it('writes legal periods in Chinese numerals', () => {
    expect([1, 10, 15, 30, 60, 105, 120].map(toChineseNumber)).toEqual([
      '一',
      '十',
      '十五',
      '三十',
      '六十',
      '一百零五',
      '一百二十',
    ]);
  });
});
