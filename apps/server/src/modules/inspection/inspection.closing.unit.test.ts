import { describe, expect, it } from 'vitest';
import { SAMPLE_FIELDS } from '../documents/render/samples';
import { createDocument, requiredDisplayValues } from '../documents/render/templates/index';

const base = {
  issuer: { name: '随州市劳动保障监察支队' },
  number: '随人社监结字〔2026〕第1号',
  issuedDate: '2026-11-29',
};

describe('结案审批表 (inspection_closing_approval)', () => {
  it('prints every required field: case, cause, parties, facts, handling, amounts, opinion, approver', () => {
    const fields = SAMPLE_FIELDS.inspection_closing_approval;
    const model = createDocument('inspection_closing_approval', { ...base, fields });
    expect(model.title).toBe('结案审批表');
    expect(model.addressee).toBeUndefined();
    const text = JSON.stringify(model.paragraphs);
    for (const v of requiredDisplayValues('inspection_closing_approval', fields)) expect(text).toContain(v);
    expect(text).toContain('5,400.00元');
    expect(text).toContain('0.00元');
    expect(text).toContain('2026年11月29日');
    expect(text).toContain('不向当事人送达');
  });

  it('refuses a form without the facts or the approver, in Chinese', () => {
    const fields = { ...SAMPLE_FIELDS.inspection_closing_approval, facts: ' ', approver: '' };
    expect(() => createDocument('inspection_closing_approval', { ...base, fields })).toThrow(
      '文书缺少必填字段：查明的事实、审批人',
    );
  });
});
