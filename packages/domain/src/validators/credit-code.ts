import { USCC_CHARSET, usccCheckChar } from './checksum';
import type { ValidationFailure } from './result';

/**
 * 统一社会信用代码 per GB 32100-2015: registration authority (1), organisation type (2),
 * administrative division of the registration authority (3–8), organisation code (9–17),
 * check character (18). Character set: digits and capitals without I, O, S, V, Z.
 */
export type CreditCodeErrorCode =
  | 'USCC_LENGTH'
  | 'USCC_CHARSET'
  | 'USCC_AUTHORITY'
  | 'USCC_ORG_TYPE'
  | 'USCC_REGION'
  | 'USCC_CHECKSUM';

export interface CreditCodeOk {
  ok: true;
  normalized: string;
  authority: { code: string; label: string };
  orgType: { code: string; label: string };
  /** Administrative division code of the registration authority (positions 3–8). */
  regionCode: string;
}

export type CreditCodeResult = CreditCodeOk | ValidationFailure<CreditCodeErrorCode>;

interface Authority {
  label: string;
  types: Readonly<Record<string, string>>;
}

/** Registration-authority codes and the organisation types each may issue (GB 32100-2015 附录A and amendments). */
export const USCC_AUTHORITIES: Readonly<Record<string, Authority>> = {
  '1': {
    label: '机构编制',
    types: { '1': '机关', '2': '事业单位', '3': '中央编办直接管理机构编制的群众团体', '9': '其他' },
  },
  '2': { label: '外交', types: { '1': '外国常驻新闻机构', '9': '其他' } },
  '3': {
    label: '司法行政',
    types: {
      '1': '律师执业机构',
      '2': '公证处',
      '3': '基层法律服务所',
      '4': '司法鉴定机构',
      '5': '仲裁委员会',
      '9': '其他',
    },
  },
  '4': { label: '文化', types: { '1': '外国在华文化中心', '9': '其他' } },
  '5': { label: '民政', types: { '1': '社会团体', '2': '民办非企业单位', '3': '基金会', '9': '其他' } },
  '6': {
    label: '旅游',
    types: {
      '1': '外国旅游部门常驻代表机构',
      '2': '港澳台地区旅游部门常驻内地（大陆）代表机构',
      '9': '其他',
    },
  },
  '7': { label: '宗教', types: { '1': '宗教活动场所', '2': '宗教院校', '9': '其他' } },
  '8': { label: '工会', types: { '1': '基层工会', '9': '其他' } },
  '9': { label: '市场监督管理（工商）', types: { '1': '企业', '2': '个体工商户', '3': '农民专业合作社' } },
  A: { label: '中央军委改革和编制办公室', types: { '1': '军队事业单位', '9': '其他' } },
  N: {
    label: '农业农村',
    types: { '1': '组级集体经济组织', '2': '村级集体经济组织', '3': '乡镇级集体经济组织', '9': '其他' },
  },
  Y: { label: '其他', types: { '1': '其他' } },
};

function fail(
  code: CreditCodeErrorCode,
  message: string,
  position?: number,
): ValidationFailure<CreditCodeErrorCode> {
  return position === undefined ? { ok: false, code, message } : { ok: false, code, message, position };
}

export function validateCreditCode(value: string): CreditCodeResult {
  const code = value.trim().toUpperCase();
  if (code.length !== 18) return fail('USCC_LENGTH', `统一社会信用代码应为18位，实际为${code.length}位`);
  for (let i = 0; i < 18; i++) {
    const ch = code[i] ?? '';
    if (!USCC_CHARSET.includes(ch)) {
      const hint = /[IOSVZ]/.test(ch) ? '（代码中不使用字母I、O、S、V、Z）' : '';
      return fail('USCC_CHARSET', `第${i + 1}位字符“${ch}”不是统一社会信用代码允许的字符${hint}`, i + 1);
    }
  }
  const authorityCode = code[0] ?? '';
  const authority = USCC_AUTHORITIES[authorityCode];
  if (!authority) return fail('USCC_AUTHORITY', `第1位登记管理部门代码“${authorityCode}”无效`, 1);
  const typeCode = code[1] ?? '';
  const typeLabel = authority.types[typeCode];
  if (!typeLabel) {
    const allowed = Object.keys(authority.types).join('、');
    return fail(
      'USCC_ORG_TYPE',
      `第2位机构类别代码“${typeCode}”无效：登记管理部门为${authority.label}时只能是${allowed}`,
      2,
    );
  }
  const regionCode = code.slice(2, 8);
  if (!/^[1-8]\d{5}$/.test(regionCode)) {
    return fail('USCC_REGION', `第3-8位登记管理机关行政区划码“${regionCode}”无效，应为6位数字`, 3);
  }
  const expected = usccCheckChar(code.slice(0, 17));
  if (expected !== code[17])
    return fail('USCC_CHECKSUM', `第18位校验码应为 ${expected}，实际为 ${code[17]}`, 18);
  return {
    ok: true,
    normalized: code,
    authority: { code: authorityCode, label: authority.label },
    orgType: { code: typeCode, label: typeLabel },
    regionCode,
  };
}
