import { CLAIM_CATALOGUE, claimLabel, isClaimType } from '@onestop/domain';
import type { SameDayCategory } from './arbitration.tables';

// Preliminary review (初审) of an arbitration application as data: each check names its basis. The
// four acceptance conditions are 《劳动人事争议仲裁办案规则》第三十条; jurisdiction failures are not a
// rejection but a written explanation naming the competent commission (第三十一条, 《劳动争议调解仲裁法》第二十一条；《劳动保障监察条例》第十三条);
// limitation is only a warning (it is not an acceptance condition, T-A1).

export type CheckStatus = 'pass' | 'fail' | 'warning' | 'redirect';

export interface CheckItem {
  code: 'party_standing' | 'jurisdiction' | 'dispute_scope' | 'limitation' | 'specific_claims' | 'materials';
  label: string;
  status: CheckStatus;
  messages: string[];
  basis: string;
}

export const MATERIAL_KINDS = {
  application: '仲裁申请书',
  applicant_id: '申请人身份证明',
  respondent_info: '被申请人主体资格材料（营业执照或登记信息）',
  evidence: '证据材料',
  authorization: '授权委托书',
  representatives: '集体争议代表人推选书',
  other: '其他材料',
} as const;
export type MaterialKind = keyof typeof MATERIAL_KINDS;

export interface Material {
  kind: MaterialKind;
  title: string;
  form: '原件' | '复印件';
  pages: number;
  copies?: number | undefined;
}

export interface ReviewParty {
  role: 'worker' | 'employer';
  name: string;
  hasIdNumber: boolean;
  hasPhone: boolean;
  hasAddress: boolean;
  birthDate: string | null;
  legalRepresentative: string | null;
  creditCode: string | null;
}

export interface ReviewClaim {
  type: string;
  amountFen: number | null;
  periodFrom: string | null;
  periodTo: string | null;
  facts: string;
}

export interface ReviewInput {
  parties: ReviewParty[];
  claims: ReviewClaim[];
  facts: string;
  evidence: { title: string; source: string }[];
  materials: Material[];
  copiesSubmitted: number;
  applicantSigned: boolean;
  withinJurisdiction: boolean | null;
  performancePlace: string | null;
  employerDomicile: string | null;
  collective: boolean;
  representatives: { name: string }[];
  employmentEnd: string | null;
  knewDate: string | null;
  today: string;
  /** Names of the commission's jurisdictions (随州市, 曾都区, 广水市, 随县 …). */
  jurisdictionNames: readonly string[];
}

export interface ReviewResult {
  checklist: CheckItem[];
  /** Every missing item, for the one-time 补正通知书 (办案规则第二十九条第四款). */
  missingItems: string[];
  complete: boolean;
  /** Art. 30 (1)–(3) hold (jurisdiction is separate). */
  conditionsMet: boolean;
  withinJurisdiction: boolean;
}

const SCOPE_BASIS = '《劳动争议调解仲裁法》第二条；《劳动人事争议仲裁办案规则》第二条、第三十条第（一）项';

function partyChecks(parties: ReviewParty[], missing: string[]): CheckItem {
  const messages: string[] = [];
  const workers = parties.filter((p) => p.role === 'worker');
  const employers = parties.filter((p) => p.role === 'employer');
  if (!workers.length) messages.push('没有申请人（劳动者）');
  if (!employers.length) messages.push('没有明确的被申请人（用人单位）');
  for (const w of workers) {
    if (!w.hasIdNumber) missing.push(`申请人${w.name}的身份证件号码`);
    if (!w.birthDate) missing.push(`申请人${w.name}的出生日期`);
    if (!w.hasAddress) missing.push(`申请人${w.name}的住所及通讯地址`);
    if (!w.hasPhone) missing.push(`申请人${w.name}的联系电话`);
  }
  for (const e of employers) {
    if (!e.hasAddress) missing.push(`被申请人${e.name}的住所（注册地或经营地）`);
    if (!e.legalRepresentative) missing.push(`被申请人${e.name}的法定代表人或主要负责人姓名、职务`);
  }
  return {
    code: 'party_standing',
    label: '申请人主体资格与明确的被申请人',
    status: messages.length ? 'fail' : 'pass',
    messages,
    basis: '《劳动人事争议仲裁办案规则》第三十条第（三）项、第二十九条',
  };
}

function jurisdictionCheck(input: ReviewInput): CheckItem {
  const places = [input.performancePlace, input.employerDomicile].filter((x): x is string => !!x?.trim());
  const inside =
    input.withinJurisdiction ??
    (places.length === 0 || places.some((p) => input.jurisdictionNames.some((n) => p.includes(n))));
  return {
    code: 'jurisdiction',
    label: '本委管辖（劳动合同履行地或用人单位所在地）',
    status: inside ? 'pass' : 'redirect',
    messages: inside
      ? []
      : [
          `劳动合同履行地（${input.performancePlace ?? '未填'}）和用人单位所在地（${input.employerDomicile ?? '未填'}）均不在本委辖区：应在五日内书面告知申请人向有管辖权的仲裁委员会申请，不出具不予受理通知书`,
        ],
    basis: '《劳动争议调解仲裁法》第二十一条；《劳动人事争议仲裁办案规则》第八条、第三十一条',
  };
}

function scopeCheck(claims: ReviewClaim[]): CheckItem {
  const violationsOnly =
    claims.length > 0 &&
    claims.every((c) => isClaimType(c.type) && CLAIM_CATALOGUE[c.type].nature === 'violation');
  const inspection = claims.filter(
    (c) => isClaimType(c.type) && CLAIM_CATALOGUE[c.type].nature === 'violation',
  );
  return {
    code: 'dispute_scope',
    label: '属于劳动人事争议处理范围',
    status: violationsOnly ? 'fail' : inspection.length ? 'warning' : 'pass',
    messages: inspection.map(
      (c) =>
        `“${isClaimType(c.type) ? CLAIM_CATALOGUE[c.type].label : c.type}”属于劳动保障监察事项，应告知向劳动保障监察机构投诉（《劳动保障监察条例》第十一条）`,
    ),
    basis: SCOPE_BASIS,
  };
}

function limitationCheck(input: ReviewInput): CheckItem {
  const messages: string[] = [];
  const start = input.employmentEnd ?? input.knewDate;
  if (start) {
    const y = Number(start.slice(0, 4)) + 1;
    const deadline = `${y}${start.slice(4)}`;
    if (deadline < input.today) {
      messages.push(
        `按${input.employmentEnd ? '劳动关系终止之日' : '知道或应当知道权利被侵害之日'}（${start}）计算，一年仲裁时效已于${deadline}届满；是否中断、中止由仲裁庭审理时认定，不作为不予受理的理由`,
      );
    }
  }
  return {
    code: 'limitation',
    label: '仲裁时效（仅提示）',
    status: messages.length ? 'warning' : 'pass',
    messages,
    basis: '《劳动争议调解仲裁法》第二十七条（劳动关系存续期间拖欠劳动报酬的不受一年限制）',
  };
}

function claimsCheck(claims: ReviewClaim[], facts: string, missing: string[]): CheckItem {
  const messages: string[] = [];
  if (!claims.length) messages.push('没有仲裁请求');
  claims.forEach((c, i) => {
    const def = isClaimType(c.type) ? CLAIM_CATALOGUE[c.type] : null;
    const name = `第${i + 1}项请求“${claimLabel(c)}”`;
    if (def?.monetary && (c.amountFen === null || c.amountFen <= 0)) missing.push(`${name}的具体金额`);
    if (def?.monetary && (!c.periodFrom || !c.periodTo)) missing.push(`${name}的起止期间`);
    // One statement of facts and reasons may serve every claim (调解仲裁法第二十八条第二项); a claim
    // needs its own only when the application has none.
    if (!c.facts.trim() && facts.trim().length < 10) missing.push(`${name}所依据的事实`);
  });
  if (facts.trim().length < 10) missing.push('事实和理由（不少于十个字）');
  return {
    code: 'specific_claims',
    label: '有明确的仲裁请求和事实、理由',
    status: messages.length ? 'fail' : 'pass',
    messages,
    basis: '《劳动人事争议仲裁办案规则》第三十条第（二）项；《劳动争议调解仲裁法》第二十八条',
  };
}

function materialsCheck(input: ReviewInput, missing: string[]): CheckItem {
  const has = (k: MaterialKind) => input.materials.some((m) => m.kind === k);
  const respondents = input.parties.filter((p) => p.role === 'employer').length;
  if (!has('application')) missing.push('仲裁申请书');
  if (!input.applicantSigned) missing.push('申请人在仲裁申请书上签名（盖章或按指印）');
  if (input.copiesSubmitted < Math.max(1, respondents)) {
    missing.push(
      `仲裁申请书副本（按被申请人人数，应交${Math.max(1, respondents)}份，已交${input.copiesSubmitted}份）`,
    );
  }
  if (!has('applicant_id')) missing.push('申请人身份证明复印件');
  if (!has('respondent_info')) missing.push('被申请人主体资格材料（营业执照复印件或登记信息）');
  if (!input.evidence.length || !has('evidence')) missing.push('证据目录及证据材料（注明证据来源）');
  input.evidence.forEach((e, i) => {
    if (!e.source.trim()) missing.push(`证据第${i + 1}项“${e.title}”的来源`);
  });
  if (input.collective) {
    const n = input.representatives.length;
    if (n < 3 || n > 5) missing.push(`集体争议代表人（应推选三至五名，现有${n}名）`);
    if (!has('representatives')) missing.push('集体争议代表人推选书及全体申请人名单');
  }
  return {
    code: 'materials',
    label: '申请材料齐全',
    status: missing.length ? 'fail' : 'pass',
    messages: [...missing],
    basis: '《劳动争议调解仲裁法》第二十八条；《劳动人事争议仲裁办案规则》第二十九条',
  };
}

/** Runs the preliminary review; every missing item is collected at once. */
export function reviewApplication(input: ReviewInput): ReviewResult {
  const missing: string[] = [];
  const party = partyChecks(input.parties, missing);
  const jurisdiction = jurisdictionCheck(input);
  const scope = scopeCheck(input.claims);
  const limitation = limitationCheck(input);
  const claims = claimsCheck(input.claims, input.facts, missing);
  const materials = materialsCheck(input, [...missing]);
  const allMissing = materials.messages;
  if (allMissing.length) materials.status = 'fail';
  const checklist = [party, jurisdiction, scope, limitation, claims, materials];
  return {
    checklist,
    missingItems: allMissing,
    complete: allMissing.length === 0,
    conditionsMet: party.status !== 'fail' && scope.status !== 'fail' && claims.status !== 'fail',
    withinJurisdiction: jurisdiction.status === 'pass',
  };
}

/** 欠薪、工伤、重大集体争议: same-day acceptance (center policy, seed 随人社函〔2023〕36号). */
export function sameDayCategory(
  claims: { type: string }[],
  collective: { collective: boolean; workerCount: number; majorMin: number },
): SameDayCategory | null {
  if (collective.collective && collective.workerCount >= collective.majorMin) return 'major_collective';
  if (claims.some((c) => isClaimType(c.type) && CLAIM_CATALOGUE[c.type].wageArrears)) return 'wage_arrears';
  if (claims.some((c) => isClaimType(c.type) && CLAIM_CATALOGUE[c.type].workInjury)) return 'work_injury';
  return null;
}

export const SAME_DAY_LABELS: Record<SameDayCategory, string> = {
  wage_arrears: '拖欠工资争议',
  work_injury: '工伤争议',
  major_collective: '重大集体争议',
};

/** 简易处理 (办案规则第五十六条、第五十七条; §7.2) as data. */
export const SIMPLIFIED_GROUNDS = {
  clear_facts: '事实清楚、权利义务关系明确、争议不大',
  amount_within_cap: '标的额不超过本省上年度职工年平均工资',
  parties_agree: '双方当事人同意简易处理',
} as const;
export const SIMPLIFIED_EXCLUSIONS = {
  public_interest: '涉及国家利益、社会公共利益',
  major_social_impact: '有重大社会影响',
  respondent_missing: '被申请人下落不明',
  unsuitable: '仲裁委员会认为不宜简易处理',
} as const;
export type SimplifiedGround = keyof typeof SIMPLIFIED_GROUNDS;
export type SimplifiedExclusion = keyof typeof SIMPLIFIED_EXCLUSIONS;

export function simplifiedEligibility(input: {
  declared: SimplifiedGround[];
  exclusions: SimplifiedExclusion[];
  totalFen: number;
  capFen: number;
}): { eligible: boolean; grounds: SimplifiedGround[]; reason: string | null } {
  const grounds = new Set<SimplifiedGround>(input.declared.filter((g) => g !== 'amount_within_cap'));
  if (input.totalFen > 0 && input.totalFen <= input.capFen) grounds.add('amount_within_cap');
  if (input.exclusions.length) {
    return {
      eligible: false,
      grounds: [...grounds],
      reason: `不适用简易处理：${input.exclusions.map((e) => SIMPLIFIED_EXCLUSIONS[e]).join('、')}（办案规则第五十七条）`,
    };
  }
  if (!grounds.size)
    return { eligible: false, grounds: [], reason: '不符合办案规则第五十六条规定的任一简易处理情形' };
  return { eligible: true, grounds: [...grounds], reason: null };
}
