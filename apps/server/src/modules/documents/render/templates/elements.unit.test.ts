import { type DocumentElement, lintDocumentText, REMEDY_BODIES, requiredElements } from '@onestop/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Block, DOCUMENT_TYPES, type DocumentModel, type DocumentType } from '../model.js';
import { renderPdf } from '../pdf/render-pdf.js';
import { INSPECTION_TYPES, SAMPLE_CASE_NUMBERS, SAMPLE_FIELDS, sampleContext } from '../samples.js';
import { pdftotext, squash, writeTemp } from '../testing/poppler.js';
import { createDocument } from './index.js';
import { preloadHeavyModules } from '../../../../platform/heavy-modules';

// pdfkit, docx and qrcode load on first use: pay that here, not in the first timed case.
beforeAll(preloadHeavyModules, 60_000);

// Issue #13: every document type, rendered from realistic data, carries its legally required
// elements (REQUIRED_ELEMENTS in the domain package) and passes the document text lint.

const ISSUED = '2026-11-29';
const issuerOf = (type: DocumentType) =>
  INSPECTION_TYPES.has(type) ? '随州市人力资源和社会保障局' : '随州市劳动人事争议仲裁委员会';
const numberOf = (type: DocumentType) =>
  INSPECTION_TYPES.has(type) ? '随人社监文字〔2026〕第31号' : '随劳人仲文字〔2026〕第31号';

function build(type: DocumentType): DocumentModel {
  return createDocument(type, {
    fields: SAMPLE_FIELDS[type] as never,
    issuer: { name: issuerOf(type) },
    number: numberOf(type),
    issuedDate: ISSUED,
    context: sampleContext(type),
  });
}

function blockTexts(block: Block): string[] {
  switch (block.kind) {
    case 'heading':
    case 'paragraph':
      return [block.text];
    case 'list':
      return block.items;
    case 'table':
      return [...(block.header ? [block.header.join('')] : []), ...block.rows.map((r) => r.join(''))];
    case 'signature':
      return block.entries.map((e) => `${e.label}${e.value ?? ''}`);
  }
}

/** The strings that prove an element is on the page, from the sample's master record and fields. */
function evidenceOf(type: DocumentType, element: DocumentElement): string[] {
  const f = SAMPLE_FIELDS[type] as unknown as Record<string, unknown>;
  const ctx = sampleContext(type);
  switch (element) {
    case 'issuer':
      return [issuerOf(type)];
    case 'number':
      return [numberOf(type)];
    case 'date':
      return ['2026年11月29日'];
    case 'case_number':
      return [
        `案号：${INSPECTION_TYPES.has(type) ? SAMPLE_CASE_NUMBERS.inspection : SAMPLE_CASE_NUMBERS.arbitration}`,
      ];
    case 'parties': {
      const employer = [
        '随州市恒达机械制造有限公司',
        '住所地随州市曾都区交通大道88号',
        '统一社会信用代码91421300MA49ABCD1X',
        '法定代表人：赵建华，职务：总经理',
      ];
      if (INSPECTION_TYPES.has(type)) return employer;
      return [
        '申请人：刘䶮，男，1990年3月7日出生，汉族，住湖北省随州市曾都区白云湖路16号3栋2单元501室，公民身份号码421***********1234',
        '委托代理人：陈律，湖北随州某律师事务所律师，代理权限：特别授权',
        ...employer,
        '委托代理人：孙明，该公司人力资源部经理，代理权限：一般授权',
      ];
    }
    case 'tribunal':
      return ctx.tribunal && type !== 'hearing_notice' && type !== 'collective_notice'
        ? ['首席仲裁员：周明', '仲裁员：李红', '仲裁员：张国强']
        : ['首席仲裁员', String(f.presidingArbitrator)];
    case 'clerk':
      return ['书记员', String(f.clerk ?? '赵丽')];
    case 'claims':
      return (f.claims as string[]).map((c) => c.replace(/。$/, ''));
    case 'defence':
      return ['被申请人辩称', String(ctx.defence)];
    case 'remedy':
      if (type === 'tribunal_composition_notice') return ['有权以口头或者书面方式提出回避申请', '三日内'];
      if (type === 'advance_execution_award') return ['移送人民法院执行', '申请强制执行', '人民法院不予受理'];
      if (type === 'award' || type === 'partial_award') {
        return [
          '十五日内',
          REMEDY_BODIES.basicCourt,
          '三十日内',
          REMEDY_BODIES.intermediateCourt,
          '申请撤销裁决',
        ];
      }
      if (type === 'rejection_notice') return ['十五日内向人民法院提起诉讼'];
      if (type === 'petition_opinion') return ['三十日内', '复查'];
      if (type === 'petition_review_opinion') return ['三十日内', '请求复核'];
      if (type === 'legal_aid_refusal') return ['司法行政部门提出', '行政复议', '行政诉讼'];
      return [
        '六十日内',
        `向${REMEDY_BODIES.administrativeReview}申请行政复议`,
        '六个月内',
        REMEDY_BODIES.basicCourt,
      ];
    case 'violated_provision':
      return ['违反了', '《劳动法》第四十一条'];
    case 'penalty_basis':
      return [String(f.legalBasis)];
  }
}

describe('required elements of every document type (pdftotext)', () => {
  it.each(DOCUMENT_TYPES)('%s', async (type) => {
    const model = build(type);
    const file = writeTemp(`${type}-elements.pdf`, await renderPdf(model));
    // Page numbers (—1—) sit between a page's last line and the next page's first: drop them.
    const text = squash(pdftotext(file)).replace(/—\d+—/g, '');
    const missing = requiredElements(type).flatMap(({ element }) =>
      evidenceOf(type, element)
        .filter((s) => !text.includes(squash(s)))
        .map((s) => `${element}: ${s}`),
    );
    expect(missing).toEqual([]);
    // No ISO date anywhere on the page; the presiding arbitrator is listed before the members.
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    if (requiredElements(type).some((r) => r.element === 'tribunal') && sampleContext(type).tribunal) {
      if (type === 'award' || type === 'arbitral_mediation_statement') {
        expect(text.indexOf('首席仲裁员：周明')).toBeLessThan(text.indexOf('仲裁员：李红'));
        expect(text.indexOf('仲裁员：张国强')).toBeLessThan(text.indexOf('书记员：赵丽'));
      }
    }
  });
});

describe('document text lint over every template', () => {
  it.each(DOCUMENT_TYPES)('%s: no doubled word, repeated paragraph, ISO date or program value', (type) => {
    const model = build(type);
    const lines = [model.title, model.number, ...(model.addressee ? [model.addressee] : [])];
    expect(lintDocumentText([...lines, ...model.paragraphs.flatMap(blockTexts)])).toEqual([]);
  });

  it('finds what the issue reported', () => {
    const codes = lintDocumentText([
      '请于2026年12月10日前提交提交证据材料。',
      '责令你单位支付支付拖欠工资。',
      '自2023-06-30终了，文号随劳人仲函(2026)2号，金额undefined元。',
      '本案距仲裁时效届满不足七日，属于需要先行提供法律援助的情形。',
      '本案距仲裁时效届满不足七日，属于需要先行提供法律援助的情形。',
    ]).map((x) => x.code);
    expect(codes).toEqual([
      'DOUBLED_WORD',
      'DOUBLED_WORD',
      'ISO_DATE',
      'ASCII_BRACKETS_IN_NUMBER',
      'PROGRAM_VALUE',
      'REPEATED_PARAGRAPH',
    ]);
  });
});

describe('text glitches reported in issue #13', () => {
  const texts = (model: DocumentModel) => model.paragraphs.flatMap(blockTexts);

  it('an order to correct lists a payment once and calls itself 指令书', () => {
    const model = createDocument('order_to_correct', {
      fields: {
        ...SAMPLE_FIELDS.order_to_correct,
        corrections: [
          '足额支付刘䶮等五名劳动者拖欠工资共计78,000.00元。',
          '依法签订书面劳动合同。',
          '支付拖欠的劳动报酬78000元',
        ],
      },
      issuer: { name: '随州市人力资源和社会保障局' },
      number: '随人社监令字〔2026〕第3号',
      issuedDate: ISSUED,
    });
    const list = model.paragraphs.find((b) => b.kind === 'list');
    expect(list).toEqual({
      kind: 'list',
      items: ['足额支付刘䶮等五名劳动者拖欠工资共计78,000.00元。', '依法签订书面劳动合同。'],
      ordered: true,
    });
    expect(texts(model).join('')).not.toContain('本决定书');
    expect(texts(model).join('')).toContain('如不服本指令书');
  });

  it('a legal-aid referral states the urgency once', () => {
    const model = createDocument('legal_aid_referral', {
      fields: {
        ...SAMPLE_FIELDS.legal_aid_referral,
        reason: '距仲裁时效届满不足七日，可以先行提供法律援助（《中华人民共和国法律援助法》第四十四条）',
        urgent: true,
      },
      issuer: { name: '随州市人力资源和社会保障局' },
      number: '随人社维字〔2026〕5号',
      issuedDate: ISSUED,
    });
    expect(
      texts(model)
        .join('')
        .match(/第四十四条/g),
    ).toHaveLength(1);
  });

  it('amounts and dates a caller typed take the document formats', () => {
    const model = createDocument('award', {
      fields: {
        ...SAMPLE_FIELDS.award,
        claims: ['支付工资15600.00元', '支付加班费3200元'],
        facts: '申请人于2024-09-01入职，自2026-08-01起未领取工资。',
      },
      issuer: { name: '随州市劳动人事争议仲裁委员会' },
      number: '随劳人仲裁字〔2026〕第3号',
      issuedDate: ISSUED,
    });
    const all = texts(model).join('\n');
    expect(all).toContain('支付工资15,600.00元');
    expect(all).toContain('支付加班费3,200.00元');
    expect(all).toContain('申请人于2024年9月1日入职，自2026年8月1日起未领取工资。');
    expect(lintDocumentText(texts(model))).toEqual([]);
  });
});
