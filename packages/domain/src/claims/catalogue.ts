/**
 * The claim catalogue (诉求 / 请求事项) as data. Triage, final-award screening, legal-aid screening and
 * the calculators all read this table; nothing else hard-codes claim types.
 * Source rows: routing rules (《劳动争议调解仲裁法》第二条、第九条；《劳动保障监察条例》第十一条 dispute vs violation), final award, 《劳动争议调解仲裁法》第四十七条 (final award), 《法律援助法》第三十一条、第四十二条、第四十四条 (legal aid).
 */

export const CLAIM_TYPES = [
  'unpaid_wages',
  'overtime_pay',
  'economic_compensation',
  'double_wages_no_contract',
  'unlawful_termination_damages',
  'social_insurance',
  'work_injury_benefits',
  'injury_medical_fees',
  'labor_relation_confirmation',
  'minimum_wage',
  'dispatch',
  'working_hours',
  'leave',
  'annual_leave_pay',
  'other',
] as const;

export type ClaimType = (typeof CLAIM_TYPES)[number];

/**
 * dispute: private rights between worker and employer → mediation / arbitration (S1 Art. 2).
 * violation: the labor department corrects or punishes the employer → inspection (S3 Art. 11).
 * either: the worker may choose (S1 Art. 9; 保障农民工工资支付条例 Art. 10).
 */
export type ClaimNature = 'dispute' | 'violation' | 'either';

/** 劳动争议调解仲裁法第四十七条: category (1) is money-capped, category (2) 'standards' is final at any amount. */
export type FinalAwardCategory =
  | 'remuneration'
  | 'injury_medical'
  | 'economic_compensation'
  | 'damages'
  | 'standards'
  | null;

export interface ClaimDefinition {
  id: ClaimType;
  label: string;
  /** An amount is required at intake (the final-award and simplified-procedure tests need it). */
  monetary: boolean;
  nature: ClaimNature;
  finalAwardCategory: FinalAwardCategory;
  /** Matter listed in 法律援助法第三十一条 (《法律援助法》第三十一条、第四十二条、第四十四条). */
  legalAidSubject: boolean;
  /** 拖欠劳动报酬: priority flag, same-day acceptance, and the limitation exception of S1 Art. 27 ¶4. */
  wageArrears: boolean;
  /** 工伤: priority flag and same-day acceptance. */
  workInjury: boolean;
  /** Legal basis shown beside the claim. */
  basis: string;
}

const def = (d: ClaimDefinition): ClaimDefinition => d;

export const CLAIM_CATALOGUE: Readonly<Record<ClaimType, ClaimDefinition>> = {
  unpaid_wages: def({
    id: 'unpaid_wages',
    label: '支付拖欠工资',
    monetary: true,
    nature: 'either',
    finalAwardCategory: 'remuneration',
    legalAidSubject: true,
    wageArrears: true,
    workInjury: false,
    basis:
      '《劳动法》第五十条；《劳动争议调解仲裁法》第九条；《保障农民工工资支付条例》第十条；《劳动保障监察条例》第二十六条',
  }),
  overtime_pay: def({
    id: 'overtime_pay',
    label: '支付加班费',
    monetary: true,
    nature: 'either',
    finalAwardCategory: 'remuneration',
    legalAidSubject: true,
    wageArrears: true,
    workInjury: false,
    basis: '《劳动法》第四十四条；《劳动合同法》第三十一条、第八十五条第（三）项',
  }),
  economic_compensation: def({
    id: 'economic_compensation',
    label: '支付解除（终止）劳动合同经济补偿',
    monetary: true,
    nature: 'either',
    finalAwardCategory: 'economic_compensation',
    legalAidSubject: false,
    wageArrears: false,
    workInjury: false,
    basis: '《劳动合同法》第四十六条、第四十七条、第八十五条第（四）项；《劳动争议调解仲裁法》第九条',
  }),
  double_wages_no_contract: def({
    id: 'double_wages_no_contract',
    label: '未签订书面劳动合同二倍工资差额',
    monetary: true,
    nature: 'dispute',
    // Treated as damages-type (惩罚性) rather than remuneration; local rules may re-map it.
    finalAwardCategory: 'damages',
    legalAidSubject: false,
    wageArrears: false,
    workInjury: false,
    basis: '《劳动合同法》第八十二条；《劳动合同法实施条例》第六条、第七条',
  }),
  unlawful_termination_damages: def({
    id: 'unlawful_termination_damages',
    label: '违法解除（终止）劳动合同赔偿金',
    monetary: true,
    nature: 'dispute',
    finalAwardCategory: 'damages',
    legalAidSubject: false,
    wageArrears: false,
    workInjury: false,
    basis: '《劳动合同法》第四十八条、第八十七条',
  }),
  social_insurance: def({
    id: 'social_insurance',
    label: '社会保险（参保缴费、待遇损失）',
    monetary: false,
    nature: 'either',
    finalAwardCategory: 'standards',
    legalAidSubject: true,
    wageArrears: false,
    workInjury: false,
    basis:
      '《劳动法》第七十二条；《劳动保障监察条例》第十一条第（七）项；《劳动争议调解仲裁法》第二条第（四）项、第四十七条第（二）项；《法律援助法》第三十一条第（二）项',
  }),
  work_injury_benefits: def({
    id: 'work_injury_benefits',
    label: '工伤保险待遇',
    monetary: true,
    nature: 'dispute',
    // Not listed in S1 Art. 47(1) (only medical fees are): not final.
    finalAwardCategory: null,
    legalAidSubject: true,
    wageArrears: false,
    workInjury: true,
    basis:
      '《工伤保险条例》第三十条至第四十二条；《劳动争议调解仲裁法》第二条第（四）项；《法律援助法》第三十一条第（二）项、第（七）项',
  }),
  injury_medical_fees: def({
    id: 'injury_medical_fees',
    label: '工伤医疗费',
    monetary: true,
    nature: 'either',
    finalAwardCategory: 'injury_medical',
    legalAidSubject: true,
    wageArrears: false,
    workInjury: true,
    basis: '《工伤保险条例》第三十条；《劳动争议调解仲裁法》第九条、第四十四条、第四十七条第（一）项',
  }),
  labor_relation_confirmation: def({
    id: 'labor_relation_confirmation',
    label: '确认劳动关系',
    monetary: false,
    nature: 'dispute',
    finalAwardCategory: null,
    legalAidSubject: true,
    wageArrears: false,
    workInjury: false,
    basis: '《劳动争议调解仲裁法》第二条第（一）项；《法律援助法》第三十一条第（五）项',
  }),
  minimum_wage: def({
    id: 'minimum_wage',
    label: '补足低于最低工资标准的差额',
    monetary: true,
    nature: 'either',
    finalAwardCategory: 'remuneration',
    legalAidSubject: true,
    wageArrears: true,
    workInjury: false,
    basis:
      '《劳动法》第四十八条、第四十九条；《劳动保障监察条例》第二十六条第（二）项；《劳动合同法》第八十五条第（二）项',
  }),
  dispatch: def({
    id: 'dispatch',
    label: '劳务派遣违法用工',
    monetary: false,
    nature: 'violation',
    finalAwardCategory: null,
    legalAidSubject: false,
    wageArrears: false,
    workInjury: false,
    basis: '《劳动合同法》第六十六条、第九十二条；《劳务派遣暂行规定》第四条',
  }),
  working_hours: def({
    id: 'working_hours',
    label: '超时加班（违反工作时间规定）',
    monetary: false,
    nature: 'violation',
    finalAwardCategory: 'standards',
    legalAidSubject: false,
    wageArrears: false,
    workInjury: false,
    basis: '《劳动法》第四十一条；《国务院关于职工工作时间的规定》第三条；《劳动保障监察条例》第二十五条',
  }),
  leave: def({
    id: 'leave',
    label: '休息休假',
    monetary: false,
    nature: 'either',
    finalAwardCategory: 'standards',
    legalAidSubject: false,
    wageArrears: false,
    workInjury: false,
    basis: '《劳动法》第三十八条、第四十条、第四十五条；《劳动争议调解仲裁法》第四十七条第（二）项',
  }),
  annual_leave_pay: def({
    id: 'annual_leave_pay',
    label: '未休年休假工资报酬',
    monetary: true,
    nature: 'dispute',
    finalAwardCategory: 'remuneration',
    legalAidSubject: true,
    // Courts usually run the ordinary 1-year limitation for it, so no wage-arrears exception.
    wageArrears: false,
    workInjury: false,
    basis: '《职工带薪年休假条例》第五条；《企业职工带薪年休假实施办法》第十条',
  }),
  other: def({
    id: 'other',
    label: '其他诉求',
    monetary: false,
    nature: 'dispute',
    finalAwardCategory: null,
    legalAidSubject: false,
    wageArrears: false,
    workInjury: false,
    basis: '《劳动争议调解仲裁法》第二条',
  }),
};

export function isClaimType(value: string): value is ClaimType {
  return (CLAIM_TYPES as readonly string[]).includes(value);
}

export function claimDefinition(type: ClaimType): ClaimDefinition {
  return CLAIM_CATALOGUE[type];
}

export const FINAL_AWARD_CATEGORY_LABELS: Readonly<Record<NonNullable<FinalAwardCategory>, string>> = {
  remuneration: '劳动报酬',
  injury_medical: '工伤医疗费',
  economic_compensation: '经济补偿',
  damages: '赔偿金',
  standards: '执行国家劳动标准（工作时间、休息休假、社会保险等）',
};

/**
 * "Likely final" at intake (final award, 《劳动争议调解仲裁法》第四十七条): the money categories are final when the item does not exceed
 * 12 × the local monthly minimum wage (per item, 最高法解释（一）第十九条); 'standards' items always are.
 * At intake only the claimed amount is known, so this is a hint, not the award's label.
 */
export function isLikelyFinalAward(
  type: ClaimType,
  amountFen: number | undefined,
  monthlyMinimumWageFen: number,
): boolean {
  const category = CLAIM_CATALOGUE[type].finalAwardCategory;
  if (category === null) return false;
  if (category === 'standards') return true;
  if (amountFen === undefined) return false;
  return amountFen <= 12 * monthlyMinimumWageFen;
}
