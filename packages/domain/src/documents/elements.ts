/**
 * What each document must carry by law (issue #13 deliverable 2), per document type, with the
 * basis. The server's table-driven test renders every type and fails when an element is missing
 * from the PDF text. Element meanings:
 * - issuer: heading naming the issuing body (GB/T 9704-2012 7.2.1 发文机关标志)
 * - number: the document's own 文号 (GB/T 9704-2012 7.2.4)
 * - case_number: the 案号 of the case the document belongs to
 * - parties: particulars of each party (natural person / organisation, agents)
 * - tribunal: the arbitrators, the presiding one first and labelled
 * - clerk: the 书记员
 * - claims / defence: the applicant's claims and the respondent's defence
 * - remedy: how to challenge the decision, before which body and within what time
 * - violated_provision / penalty_basis: the provision broken and the one the penalty rests on
 * - date: the 成文日期 in Chinese
 */
export type DocumentElement =
  | 'issuer'
  | 'number'
  | 'case_number'
  | 'parties'
  | 'tribunal'
  | 'clerk'
  | 'claims'
  | 'defence'
  | 'remedy'
  | 'violated_provision'
  | 'penalty_basis'
  | 'date';

export interface ElementRule {
  element: DocumentElement;
  basis: string;
}

const ALWAYS: ElementRule[] = [
  { element: 'issuer', basis: 'GB/T 9704-2012 7.2.1、7.3.5' },
  { element: 'number', basis: 'GB/T 9704-2012 7.2.4' },
  { element: 'date', basis: 'GB/T 9704-2012 7.3.5' },
];
const CASE: ElementRule = {
  element: 'case_number',
  basis: '《劳动人事争议仲裁办案规则》第十三条、第十四条（案卷材料按案号归档）',
};
const INSP_CASE: ElementRule = {
  element: 'case_number',
  basis: '《关于实施〈劳动保障监察条例〉若干规定》第十八条、第二十八条（立案后按案件编号办理）',
};
const TRIBUNAL: ElementRule = { element: 'tribunal', basis: '《劳动争议调解仲裁法》第三十一条、第四十六条' };
const CLERK: ElementRule = {
  element: 'clerk',
  basis: '《劳动人事争议仲裁办案规则》第三十七条、仲裁文书示范文本',
};
const ARB_PARTIES: ElementRule = {
  element: 'parties',
  basis: '《劳动争议调解仲裁法》第二十八条、第四十二条、第四十六条；仲裁文书示范文本',
};
const AWARD_REMEDY: ElementRule = { element: 'remedy', basis: '《劳动争议调解仲裁法》第四十八条至第五十条' };
const ADMIN_REMEDY: ElementRule = {
  element: 'remedy',
  basis: '《行政复议法》第二十条；《行政诉讼法》第四十六条',
};

export const REQUIRED_ELEMENTS: Readonly<Record<string, readonly ElementRule[]>> = {
  receipt: [...ALWAYS],
  correction_notice: [...ALWAYS],
  acceptance_notice: [...ALWAYS, CASE],
  notice_to_respond: [...ALWAYS, CASE],
  rejection_notice: [...ALWAYS, { element: 'remedy', basis: '《劳动争议调解仲裁法》第二十九条' }],
  hearing_notice: [...ALWAYS, CASE, TRIBUNAL, CLERK],
  mediation_proposal: [...ALWAYS],
  mediation_agreement: [...ALWAYS],
  arbitral_mediation_statement: [
    ...ALWAYS,
    CASE,
    ARB_PARTIES,
    { element: 'claims', basis: '《劳动争议调解仲裁法》第四十二条第二款' },
    TRIBUNAL,
    CLERK,
  ],
  award: [
    ...ALWAYS,
    CASE,
    ARB_PARTIES,
    { element: 'claims', basis: '《劳动争议调解仲裁法》第四十六条' },
    {
      element: 'defence',
      basis: '《劳动争议调解仲裁法》第四十六条（争议事实）；仲裁文书示范文本“被申请人辩称”',
    },
    TRIBUNAL,
    CLERK,
    AWARD_REMEDY,
  ],
  transfer_slip: [...ALWAYS],
  inspection_acceptance: [...ALWAYS, INSP_CASE],
  inspection_rejection: [...ALWAYS],
  order_to_correct: [
    ...ALWAYS,
    INSP_CASE,
    { element: 'violated_provision', basis: '《劳动保障监察条例》第十八条第一款第（二）项' },
    ADMIN_REMEDY,
  ],
  case_withdrawal: [...ALWAYS, INSP_CASE, ADMIN_REMEDY],
  penalty_notice: [
    ...ALWAYS,
    INSP_CASE,
    { element: 'violated_provision', basis: '《行政处罚法》第四十四条' },
    { element: 'penalty_basis', basis: '《行政处罚法》第四十四条' },
  ],
  hearing_notice_penalty: [...ALWAYS, INSP_CASE],
  penalty_decision: [
    ...ALWAYS,
    INSP_CASE,
    { element: 'parties', basis: '《行政处罚法》第五十九条第一款第（一）项' },
    { element: 'violated_provision', basis: '《行政处罚法》第五十九条第一款第（二）项' },
    { element: 'penalty_basis', basis: '《行政处罚法》第五十九条第一款第（三）项' },
    { element: 'remedy', basis: '《行政处罚法》第五十九条第一款第（五）项' },
  ],
  inspection_result_notice: [...ALWAYS, INSP_CASE],
  inspection_closing_approval: [...ALWAYS, INSP_CASE],
  petition_acceptance: [...ALWAYS],
  petition_opinion: [...ALWAYS, { element: 'remedy', basis: '《信访工作条例》第三十五条' }],
  legal_aid_referral: [...ALWAYS],
  // Petition steps and legal-aid decisions (issued by their flows): each decision that can be
  // challenged names the remedy.
  petition_rejection_notice: [...ALWAYS],
  petition_forward_notice: [...ALWAYS],
  petition_extension_notice: [...ALWAYS],
  petition_review_opinion: [
    ...ALWAYS,
    { element: 'remedy', basis: '《信访工作条例》第三十五条、第三十六条' },
  ],
  petition_re_review_opinion: [...ALWAYS],
  legal_aid_grant: [...ALWAYS],
  legal_aid_refusal: [...ALWAYS, { element: 'remedy', basis: '《中华人民共和国法律援助法》第四十九条' }],
  // issue #21: the defaulter list procedure; the listing decision is an administrative act (remedy).
  defaulter_notice: [...ALWAYS],
  defaulter_statement_record: [...ALWAYS],
  defaulter_listing_decision: [
    ...ALWAYS,
    {
      element: 'remedy',
      basis: '《中华人民共和国行政复议法》第二十条；《中华人民共和国行政诉讼法》第四十六条',
    },
  ],
  defaulter_publication: [...ALWAYS],
  defaulter_removal_receipt: [...ALWAYS],
  defaulter_removal_decision: [...ALWAYS],
  defaulter_not_listed_decision: [...ALWAYS],
  defaulter_removal_refusal: [
    ...ALWAYS,
    {
      element: 'remedy',
      basis: '《中华人民共和国行政复议法》第二十条；《中华人民共和国行政诉讼法》第四十六条',
    },
  ],
  defaulter_expiry_notice: [...ALWAYS],
  proof_of_service: [...ALWAYS],
  explanation_record: [...ALWAYS],
  suspension_decision: [...ALWAYS, CASE],
  resumption_notice: [...ALWAYS, CASE],
  extension_notice: [...ALWAYS, CASE],
  withdrawal_decision: [...ALWAYS, CASE],
  deemed_withdrawal_decision: [...ALWAYS, CASE],
  collective_notice: [...ALWAYS, CASE, TRIBUNAL, CLERK],
  simplified_notice: [...ALWAYS, CASE],
  // issue #13 item 3: arbitration documents issued by the steps of the proceedings.
  tribunal_composition_notice: [
    ...ALWAYS,
    CASE,
    { element: 'tribunal', basis: '《劳动争议调解仲裁法》第三十二条（组庭情况书面通知当事人）' },
    {
      element: 'remedy',
      basis: '《劳动争议调解仲裁法》第三十三条；《劳动人事争议仲裁办案规则》第十一条（回避申请）',
    },
  ],
  postponement_notice: [...ALWAYS, CASE],
  hearing_record: [
    ...ALWAYS,
    CASE,
    { element: 'tribunal', basis: '《劳动争议调解仲裁法》第四十条（笔录由仲裁员、记录人员签名）' },
    { element: 'clerk', basis: '《劳动争议调解仲裁法》第四十条；《劳动人事争议仲裁办案规则》第四十二条' },
  ],
  advance_execution_award: [
    ...ALWAYS,
    CASE,
    ARB_PARTIES,
    TRIBUNAL,
    CLERK,
    {
      element: 'remedy',
      basis:
        '《劳动争议调解仲裁法》第四十四条（移送人民法院执行）；最高人民法院《关于审理劳动争议案件适用法律问题的解释（一）》第十条',
    },
  ],
  partial_award: [
    ...ALWAYS,
    CASE,
    ARB_PARTIES,
    { element: 'claims', basis: '《劳动争议调解仲裁法》第四十三条第二款、第四十六条' },
    { element: 'defence', basis: '《劳动争议调解仲裁法》第四十六条（争议事实）' },
    TRIBUNAL,
    CLERK,
    AWARD_REMEDY,
  ],
  recusal_decision: [...ALWAYS, CASE],
  award_correction_decision: [...ALWAYS, CASE, TRIBUNAL, CLERK],
  // Internal forms (not publicly verifiable): the approver's name and date come from the approval action.
  arbitration_filing_approval: [...ALWAYS, CASE],
  arbitration_closing_approval: [...ALWAYS, CASE],
  // issue #13: inspection documents of the investigation steps (templates/inspection-steps.ts)
  inquiry_notice: [...ALWAYS, INSP_CASE],
  inquiry_record: [...ALWAYS, INSP_CASE],
  onsite_record: [...ALWAYS, INSP_CASE],
  inspection_extension_approval: [...ALWAYS, INSP_CASE],
  inspection_revocation_approval: [...ALWAYS, INSP_CASE],
  inspection_filing_approval: [...ALWAYS, INSP_CASE],
  compensation_order: [
    ...ALWAYS,
    INSP_CASE,
    { element: 'parties', basis: '《行政处罚法》第五十九条第一款第（一）项（参照）' },
    { element: 'violated_provision', basis: '《劳动保障监察条例》第二十六条' },
    { element: 'penalty_basis', basis: '《劳动合同法》第八十五条；《劳动保障监察条例》第二十六条' },
    ADMIN_REMEDY,
  ],
  case_transfer_letter: [
    ...ALWAYS,
    INSP_CASE,
    { element: 'parties', basis: '《劳动保障监察条例》第十八条第二款（移送的当事人）' },
  ],
  penalty_hearing_record: [...ALWAYS, INSP_CASE],
  mediation_record: [...ALWAYS],
};

/** The elements of a type (issuer, number and date when the type is not listed). */
export function requiredElements(type: string): readonly ElementRule[] {
  return REQUIRED_ELEMENTS[type] ?? ALWAYS;
}

/** Whether documents of this type belong to a case and so print its 案号. */
export function isCaseDocument(type: string): boolean {
  return requiredElements(type).some((r) => r.element === 'case_number');
}
