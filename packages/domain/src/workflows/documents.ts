/**
 * Document type codes the machines issue, with the Chinese title printed on the document.
 * Templates, numbering and fields live with the documents module; this is the shared vocabulary.
 */
export const DOCUMENT_TYPES = {
  consultation_record: '咨询登记表',
  referral_notice: '告知书（去向告知）',
  transfer_slip: '转办单',
  return_note: '退回说明',
  // Mediation (S1 Arts. 12–16; S29 调解建议书)
  mediation_application_record: '调解申请登记（口头申请笔录）',
  mediation_proposal: '调解建议书',
  mediation_session_notice: '调解通知',
  mediation_agreement: '调解协议书',
  mediation_failure_record: '调解终止（不成）记录',
  mediation_refusal_notice: '不同意调解告知',
  performance_record: '调解协议履行记录',
  non_performance_guidance: '不履行调解协议救济告知（仲裁、支付令）',
  // Arbitration (S1 Ch. III; S2; S29)
  receipt: '收件回执',
  oral_application_record: '口头申请笔录',
  request_for_materials_notice: '补正通知书',
  filing_approval_form: '立案（组庭）审批表',
  acceptance_notice: '受理通知书',
  rejection_notice: '不予受理通知书',
  jurisdiction_explanation: '不属于本委管辖告知书',
  notice_to_respond: '应诉通知书',
  evidence_notice: '举证通知书',
  tribunal_composition_notice: '仲裁庭组成通知书',
  hearing_notice: '开庭通知书',
  postponement_notice: '延期开庭通知书',
  hearing_record: '庭审笔录',
  decision: '决定书',
  suspension_approval_form: '案件中止处理审批表',
  suspension_decision: '中止审理决定书',
  withdrawal_decision: '准予撤回仲裁申请决定书',
  deemed_withdrawal_decision: '按撤回仲裁申请处理决定书',
  collective_notice: '集体劳动人事争议仲裁告知书（一次性告知）',
  simplified_notice: '简易处理通知书',
  resumption_notice: '恢复审理通知书',
  extension_notice: '延期审理通知书',
  arbitral_mediation_statement: '仲裁调解书',
  award: '裁决书',
  partial_award: '先行裁决书',
  advance_execution_award: '先予执行裁决书',
  enforcement_transfer_letter: '移送执行函',
  transfer_letter: '移送函',
  proof_of_service: '送达回证',
  closing_approval_form: '结案审批表',
  // Inspection (S3; S4; S14)
  complaint_register: '投诉（举报）登记表',
  notification: '告知书',
  inquiry_notice: '询问通知书',
  inspection_record: '询问（检查）笔录',
  extension_approval: '延长办案期限审批表',
  order_to_correct: '责令改正指令书',
  penalty_notice: '行政处罚告知书',
  hearing_notice_penalty: '行政处罚听证通知书',
  penalty_decision: '行政处罚决定书',
  handling_decision: '行政处理决定书',
  case_withdrawal_approval: '撤销立案审批表',
  investigation_end_approval: '终结调查审批表',
  case_transfer_letter: '案件移送书',
  inspection_closing_approval: '结案审批表',
  inspection_result_notice: '投诉处理结果告知书',
  // Petition (S5)
  petition_register: '信访事项登记',
  petition_acceptance_notice: '信访事项受理告知书',
  explanation_record: '释法明理记录',
  petition_opinion: '信访处理意见书',
  settlement_agreement: '和解（调解）协议书',
  review_opinion: '复查意见书',
  re_review_opinion: '复核意见书',
  escalation_report: '重大紧急信访事项报告',
  // Legal aid (S16)
  legal_aid_application: '法律援助申请表',
  supplement_notice: '补充材料通知',
  legal_aid_decision: '给予法律援助决定书',
  legal_aid_refusal: '不予法律援助决定书',
  assignment_notice: '指派通知书',
  legal_aid_termination: '终止法律援助决定书',
  legal_aid_closing_report: '法律援助结案报告',
} as const;

export type DocumentType = keyof typeof DOCUMENT_TYPES;

export function isDocumentType(value: string): value is DocumentType {
  return Object.hasOwn(DOCUMENT_TYPES, value);
}
