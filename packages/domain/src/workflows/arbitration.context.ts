// Context and reference lists for the arbitration machine (kept apart to keep the table readable).

/** 不予受理 reason categories (S2 Arts. 30, 34, 39); courts treat them differently (S11 Arts. 5–7). */
export const ARBITRATION_REJECTION_REASONS = {
  outside_scope: '不属于劳动人事争议处理范围（办案规则第三十条第（一）项）',
  unclear_claims: '没有明确的仲裁请求和事实、理由（第三十条第（二）项）',
  no_standing: '申请人与本案无直接利害关系或没有明确的被申请人（第三十条第（三）项）',
  res_judicata: '一事不再理（第三十四条）',
  reapplication_after_deemed_withdrawal: '按撤回处理后重新申请（第三十九条）',
} as const;

/** Suspension grounds (S2 Art. 47). */
export const ARBITRATION_SUSPENSION_GROUNDS = {
  worker_died: '劳动者一方当事人死亡，需等待继承人表明是否参加仲裁',
  worker_incapacitated: '劳动者一方丧失民事行为能力，尚未确定法定代理人',
  employer_terminated: '用人单位终止，尚未确定权利义务承继者',
  force_majeure: '一方因不可抗拒的事由不能参加仲裁',
  depends_on_other_case: '本案须以另一案的审理结果为依据，而另一案尚未审结',
  awaiting_injury_or_appraisal: '等待工伤认定、伤残等级鉴定或其他鉴定结论',
  other: '其他应当中止仲裁审理的情形',
} as const;

export type ArbitrationContext = Readonly<{
  /** One-time list of everything to correct (S2 Art. 29 ¶4). */
  missingItems?: readonly string[];
  correctionDeadlinePassed?: boolean;
  suitableForMediation?: boolean;
  /** Written consent to pause acceptance for pre-arbitration mediation (《劳动人事争议仲裁办案规则》第六十八条、第六十九条 safeguard). */
  writtenConsent?: boolean;
  agreementSigned?: boolean;
  materialsComplete?: boolean;
  /** The four conditions of S2 Art. 30 hold. */
  acceptanceConditionsMet?: boolean;
  rejectionReason?: keyof typeof ARBITRATION_REJECTION_REASONS;
  competentCommission?: string;
  /** Days between service of the hearing notice and the hearing (≥5, S1 Art. 35). */
  noticeDaysBeforeHearing?: number;
  /** Days before the hearing the postponement was requested (≥3, S1 Art. 35). */
  postponementRequestDaysBefore?: number;
  /** Written hearing notice proven served — required before treating a no-show as withdrawal (K-12). */
  hearingNoticeServed?: boolean;
  partOfFactsClear?: boolean;
  rightsClear?: boolean;
  seriousHardship?: boolean;
  bothPartiesSigned?: boolean;
  mediationAttempted?: boolean;
  suspensionGround?: keyof typeof ARBITRATION_SUSPENSION_GROUNDS;
  withdrawalApplicationFiled?: boolean;
  revocationReason?: string;
  receivingCommission?: string;
  terminationGround?: string;
  extensionDays?: number;
  alreadyExtended?: boolean;
}>;

export type ArbitrationState =
  | 'received'
  | 'needs_correction'
  | 'mediation_suggested'
  | 'pre_mediation'
  | 'settled'
  | 'accepted'
  | 'not_accepted'
  | 'redirected'
  | 'answer_period'
  | 'hearing_scheduled'
  | 'hearing'
  | 'suspended'
  | 'mediated'
  | 'awarded'
  | 'award_served'
  | 'withdrawn'
  | 'deemed_withdrawn'
  | 'revoked'
  | 'transferred'
  | 'terminated'
  | 'closed';

export type ArbitrationEvent =
  | 'request_correction'
  | 'correct'
  | 'correction_lapsed'
  | 'suggest_mediation'
  | 'applicant_declines'
  | 'applicant_consents'
  | 'pre_mediation_failed'
  | 'settle'
  | 'accept'
  | 'reject'
  | 'redirect'
  | 'serve_respondent'
  | 'receive_defence'
  | 'schedule_hearing'
  | 'postpone'
  | 'hold_hearing'
  | 'order_written_hearing'
  | 'applicant_no_show'
  | 'adjourn'
  | 'partial_award'
  | 'order_advance_execution'
  | 'mediate'
  | 'award'
  | 'serve_final_award'
  | 'serve_non_final_award'
  | 'suspend'
  | 'resume'
  | 'withdraw'
  | 'revoke'
  | 'transfer'
  | 'terminate'
  | 'extend_award_period'
  | 'close';

export const ARBITRATION_STATE_LABELS: Readonly<Record<ArbitrationState, string>> = {
  received: '已收件',
  needs_correction: '待补正',
  mediation_suggested: '已建议调解',
  pre_mediation: '先行调解中',
  settled: '先行调解成功',
  accepted: '已受理',
  not_accepted: '不予受理',
  redirected: '已告知管辖机构',
  answer_period: '答辩及待开庭',
  hearing_scheduled: '已排期开庭',
  hearing: '庭审中',
  suspended: '中止审理',
  mediated: '仲裁调解结案',
  awarded: '已裁决',
  award_served: '裁决书已送达',
  withdrawn: '撤回申请',
  deemed_withdrawn: '按撤回处理',
  revoked: '撤销案件',
  transferred: '移送管辖',
  terminated: '终结审理',
  closed: '已结案归档',
};

export const ARBITRATION_EVENT_LABELS: Readonly<Record<ArbitrationEvent, string>> = {
  request_correction: '通知补正',
  correct: '补正完成',
  correction_lapsed: '逾期未补正',
  suggest_mediation: '发送调解建议书',
  applicant_declines: '申请人不同意调解',
  applicant_consents: '申请人书面同意调解',
  pre_mediation_failed: '先行调解不成',
  settle: '先行调解达成协议',
  accept: '受理立案',
  reject: '不予受理',
  redirect: '告知向有管辖权的仲裁委申请',
  serve_respondent: '向被申请人送达',
  receive_defence: '收到答辩书',
  schedule_hearing: '排期开庭',
  postpone: '延期开庭',
  hold_hearing: '开庭',
  order_written_hearing: '书面审理',
  applicant_no_show: '申请人无正当理由拒不到庭',
  adjourn: '再次开庭',
  partial_award: '先行裁决',
  order_advance_execution: '裁决先予执行',
  mediate: '调解结案',
  award: '作出裁决',
  serve_final_award: '送达终局裁决',
  serve_non_final_award: '送达非终局裁决',
  suspend: '中止审理',
  resume: '恢复审理',
  withdraw: '准予撤回',
  revoke: '撤销案件',
  transfer: '移送管辖',
  terminate: '终结审理',
  extend_award_period: '延长审理期限',
  close: '结案归档',
};
