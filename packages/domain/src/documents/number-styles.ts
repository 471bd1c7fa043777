/**
 * How each family of documents numbers itself (issue #13 deliverable 5). Configured data with the
 * reason beside it: GB/T 9704-2012 7.2.4 writes a 公文's 发文字号 without "第" (随劳人仲函〔2026〕2号);
 * the arbitration and inspection model texts number case documents in the 案号 style the body sets,
 * with "第" (随劳人仲案字〔2026〕第2号). Brackets are always the 六角括号 〔〕, never ASCII ones.
 */
export type NumberStyle = 'gongwen' | 'case';

export interface NumberStyleRule {
  style: NumberStyle;
  /** Whether the sequence is written "第N号" */
  ordinal: boolean;
  example: string;
  basis: string;
}

export const NUMBER_STYLES: Readonly<Record<NumberStyle, NumberStyleRule>> = {
  gongwen: {
    style: 'gongwen',
    ordinal: false,
    example: '随劳人仲函〔2026〕2号',
    basis:
      'GB/T 9704-2012《党政机关公文格式》7.2.4：发文字号由发文机关代字、年份、发文顺序号组成；年份用六角括号“〔〕”括入；发文顺序号不加“第”字，不编虚位',
  },
  case: {
    style: 'case',
    ordinal: true,
    example: '随劳人仲案字〔2026〕第2号',
    basis:
      '《劳动人事争议仲裁办案规则》及人力资源社会保障部劳动人事争议仲裁文书示范文本、劳动保障监察文书式样：案号及案件文书编号由机关简称、文书代字、年份和“第×号”组成，格式由仲裁委员会（劳动保障行政部门）确定',
  },
};

/** Document families and the style each follows. */
export type DocumentFamily = 'arbitration' | 'inspection' | 'petition' | 'letter';

export const FAMILY_NUMBER_STYLE: Readonly<Record<DocumentFamily, { style: NumberStyle; reason: string }>> = {
  arbitration: {
    style: 'case',
    reason: '仲裁文书按示范文本编写案号，文书编号与案号同式，带“第”字',
  },
  inspection: {
    style: 'case',
    reason: '劳动保障监察执法文书按监察文书式样编号，带“第”字',
  },
  petition: {
    style: 'case',
    reason: '信访事项按件编号存档（《信访工作条例》第三十一条），与案件编号同式，带“第”字',
  },
  letter: {
    style: 'gongwen',
    reason: '函、转办单、转介函等公文按GB/T 9704-2012 7.2.4编发文字号，不加“第”字',
  },
};

/** Rewrites a numbering pattern to a style: removes or adds "第…号" around {seq}. */
export function styleNumberPattern(pattern: string, style: NumberStyle): string {
  const bare = pattern.replace(/第(\{seq(?::\d+)?\})号/, '$1号');
  return NUMBER_STYLES[style].ordinal ? bare.replace(/(\{seq(?::\d+)?\})号/, '第$1号') : bare;
}

/** Problems of a number against its style, in Chinese (empty when it conforms). */
export function numberStyleProblems(number: string, style: NumberStyle): string[] {
  const problems: string[] = [];
  if (/[([]\s*\d{4}\s*[)\]]|（\d{4}）|【\d{4}】/.test(number)) {
    problems.push(`文号“${number}”的年份应使用六角括号“〔〕”`);
  }
  const ordinal = /第\d+号$/.test(number);
  if (style === 'gongwen' && ordinal) problems.push(`公文发文字号“${number}”的顺序号不加“第”字`);
  if (style === 'case' && !ordinal && /\d+号$/.test(number)) {
    problems.push(`案件文书编号“${number}”应写作“第×号”`);
  }
  return problems;
}
