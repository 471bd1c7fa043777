import { describe, expect, it } from 'vitest';
import { businessDate, chineseDate, chineseDateOf, chineseDateTime } from '../time';
import {
  documentFen,
  documentYuan,
  FAMILY_NUMBER_STYLE,
  isCaseDocument,
  lintDocumentText,
  NUMBER_STYLES,
  normalizeDocumentText,
  numberStyleProblems,
  particularsFromResidentId,
  partyLines,
  REQUIRED_ELEMENTS,
  requiredElements,
  styleNumberPattern,
} from './index';

describe('document formatting layer', () => {
  it('writes dates in Chinese from the business time zone, never UTC', () => {
    expect(chineseDate('2026-12-07')).toBe('2026年12月7日');
    expect(chineseDateTime('2026-12-18T09:00')).toBe('2026年12月18日9时00分');
    // 17:30 UTC on 12-06 is already 12-07 in Beijing time (TZ_OFFSET_MINUTES 480).
    const instant = new Date('2026-12-06T17:30:00Z');
    expect(businessDate(instant, 480)).toBe('2026-12-07');
    expect(chineseDateOf(instant, 480)).toBe('2026年12月7日');
    expect(chineseDateOf(instant, 0)).toBe('2026年12月6日');
  });

  it('has one money format, with the amount in words where asked', () => {
    expect(documentYuan(15600)).toBe('15,600.00元');
    expect(documentYuan(15600, { words: true })).toBe('15,600.00元（大写：壹万伍仟陆佰元整）');
    expect(documentFen(1560050)).toBe('15,600.50元');
  });

  it('turns ISO dates and bare amounts in free text into the document formats', () => {
    expect(normalizeDocumentText('自2023-06-30终了，欠付15600.00元，另有15600元、500元')).toBe(
      '自2023年6月30日终了，欠付15,600.00元，另有15,600.00元、500.00元',
    );
    expect(normalizeDocumentText('于2026-12-18T09:00开庭')).toBe('于2026年12月18日9时00分开庭');
    // Already formatted text and non-dates stay as they are.
    expect(normalizeDocumentText('金额15,600.00元；编号SZ-2026-001532；2026-02-30')).toBe(
      '金额15,600.00元；编号SZ-2026-001532；2026-02-30',
    );
  });
});

describe('number styles per family', () => {
  it('writes a 公文 number without 第 and a case number with it, each with its reason', () => {
    expect(styleNumberPattern('随劳人仲文字〔{year}〕第{seq}号', 'gongwen')).toBe(
      '随劳人仲文字〔{year}〕{seq}号',
    );
    expect(styleNumberPattern('随劳人仲案字〔{year}〕{seq}号', 'case')).toBe(
      '随劳人仲案字〔{year}〕第{seq}号',
    );
    expect(NUMBER_STYLES.gongwen.basis).toContain('GB/T 9704-2012');
    expect(FAMILY_NUMBER_STYLE.letter.style).toBe('gongwen');
    expect(FAMILY_NUMBER_STYLE.arbitration.style).toBe('case');
  });

  it('reports numbers that break their style', () => {
    expect(numberStyleProblems('随劳人仲函〔2026〕2号', 'gongwen')).toEqual([]);
    expect(numberStyleProblems('随劳人仲函〔2026〕第2号', 'gongwen')).toEqual([
      '公文发文字号“随劳人仲函〔2026〕第2号”的顺序号不加“第”字',
    ]);
    expect(numberStyleProblems('随劳人仲案字(2026)第2号', 'case')).toEqual([
      '文号“随劳人仲案字(2026)第2号”的年份应使用六角括号“〔〕”',
    ]);
  });
});

describe('party particulars', () => {
  it('derives sex and birth date from a GB 11643 number', () => {
    expect(particularsFromResidentId('421302199003071234')).toEqual({ sex: 'male', birthDate: '1990-03-07' });
    expect(particularsFromResidentId('421302199003071224')).toEqual({
      sex: 'female',
      birthDate: '1990-03-07',
    });
    expect(particularsFromResidentId('421302199002301234')).toBeNull();
  });

  it('prints a person and an organisation as the model texts do, the ID masked', () => {
    expect(
      partyLines({
        role: '申请人',
        kind: 'person',
        name: '刘䶮',
        ethnicity: '汉',
        address: '随州市曾都区白云湖路16号',
        idNumber: '421302199003071234',
        agents: [{ name: '陈律', identity: '律师', authority: '特别授权' }],
      }),
    ).toEqual([
      '申请人：刘䶮，男，1990年3月7日出生，汉族，住随州市曾都区白云湖路16号，公民身份号码421***********1234。',
      '委托代理人：陈律，律师，代理权限：特别授权。',
    ]);
    expect(
      partyLines({
        role: '被申请人',
        kind: 'organization',
        name: '随州市恒达机械制造有限公司',
        address: '随州市曾都区交通大道88号',
        creditCode: '91421300MA49ABCD1X',
        representative: '赵建华',
        representativePost: '总经理',
      }),
    ).toEqual([
      '被申请人：随州市恒达机械制造有限公司，住所地随州市曾都区交通大道88号，统一社会信用代码91421300MA49ABCD1X。',
      '法定代表人：赵建华，职务：总经理。',
    ]);
  });
});

describe('required elements table', () => {
  it('gives every decision that can be challenged its remedy, and case documents their 案号', () => {
    for (const type of [
      'award',
      'rejection_notice',
      'penalty_decision',
      'order_to_correct',
      'case_withdrawal',
    ]) {
      expect(requiredElements(type).map((r) => r.element)).toContain('remedy');
    }
    expect(requiredElements('penalty_decision').map((r) => r.element)).toEqual(
      expect.arrayContaining(['parties', 'violated_provision', 'penalty_basis', 'case_number']),
    );
    expect(isCaseDocument('award')).toBe(true);
    expect(isCaseDocument('receipt')).toBe(false);
    for (const rules of Object.values(REQUIRED_ELEMENTS)) {
      for (const r of rules) expect(r.basis.length).toBeGreaterThan(4);
    }
  });
});

describe('document text lint', () => {
  it('passes clean text and legitimate short repeats', () => {
    expect(
      lintDocumentText(['申请人：刘䶮', '仲裁员：李红', '仲裁员：张国强', '请于2026年12月7日前提交。']),
    ).toEqual([]);
  });

  it('names each finding with its excerpt', () => {
    expect(lintDocumentText(['被申请人应支付支付工资。'])).toEqual([
      { code: 'DOUBLED_WORD', message: '“支付”连续出现两次', excerpt: '被申请人应支付支付工资。' },
    ]);
    expect(lintDocumentText(['金额NaN元，[object Object]'])).toEqual([
      { code: 'PROGRAM_VALUE', message: '文书中出现程序值“NaN”', excerpt: '金额NaN元，[objec' },
      {
        code: 'PROGRAM_VALUE',
        message: '文书中出现程序值“[object Object]”',
        excerpt: '金额NaN元，[object Object]',
      },
    ]);
  });
});
