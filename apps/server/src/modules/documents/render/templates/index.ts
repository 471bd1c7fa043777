// Over 400 lines: the registry of every document type with its required fields; one table read as a whole.
import {
  type DefaulterListingDecisionFields,
  type DefaulterNoticeFields,
  type DefaulterPublicationFields,
  type DefaulterRemovalDecisionFields,
  type DefaulterRemovalReceiptFields,
  type DefaulterStatementRecordFields,
  defaulterListingDecision,
  defaulterNotice,
  defaulterPublication,
  defaulterRemovalDecision,
  defaulterRemovalReceipt,
  defaulterStatementRecord,
  type DefaulterNotListedDecisionFields,
  defaulterNotListedDecision,
  type DefaulterRemovalRefusalFields,
  defaulterRemovalRefusal,
  type DefaulterExpiryNoticeFields,
  defaulterExpiryNotice,
} from './defaulters.js';
import { chineseDate, normalizeDocumentText } from '@onestop/domain';
import {
  type Block,
  type DocumentModel,
  type DocumentType,
  InvalidDocumentError,
  type Issuer,
  isValidIsoDate,
  MissingFieldsError,
  type Verification,
} from '../model.js';
import {
  type CollectiveNoticeFields,
  collectiveNotice,
  type ExtensionNoticeFields,
  extensionNotice,
  type ResumptionNoticeFields,
  resumptionNotice,
  type SimplifiedNoticeFields,
  simplifiedNotice,
  type SuspensionDecisionFields,
  suspensionDecision,
  type WithdrawalDecisionFields,
  withdrawalDecision,
  type DeemedWithdrawalDecisionFields,
  deemedWithdrawalDecision,
} from './arbitration-decisions.js';
import {
  type AwardFields,
  type ArbitralMediationStatementFields,
  arbitralMediationStatement,
  award,
  type HearingNoticeFields,
  hearingNotice,
  type ProofOfServiceFields,
  proofOfService,
} from './arbitration-hearing.js';
import {
  type AcceptanceNoticeFields,
  acceptanceNotice,
  type CorrectionNoticeFields,
  correctionNotice,
  type NoticeToRespondFields,
  noticeToRespond,
  type ReceiptFields,
  type RejectionNoticeFields,
  receipt,
  rejectionNotice,
} from './arbitration-intake.js';
import {
  type CaseWithdrawalFields,
  caseWithdrawal,
  type InspectionAcceptanceFields,
  type InspectionClosingApprovalFields,
  type InspectionRejectionFields,
  inspectionAcceptance,
  inspectionClosingApproval,
  type InspectionResultNoticeFields,
  inspectionRejection,
  inspectionResultNotice,
  type OrderToCorrectFields,
  orderToCorrect,
  type PenaltyDecisionFields,
  type PenaltyHearingNoticeFields,
  hearingNoticePenalty,
  type PenaltyNoticeFields,
  penaltyDecision,
  penaltyNotice,
} from './inspection.js';
import {
  type MediationAgreementFields,
  type MediationProposalFields,
  type MediationRecordFields,
  mediationAgreement,
  mediationProposal,
  mediationRecord,
} from './mediation.js';
import {
  type LegalAidReferralFields,
  legalAidReferral,
  type PetitionAcceptanceFields,
  type PetitionOpinionFields,
  petitionAcceptance,
  petitionOpinion,
  type TransferSlipFields,
  transferSlip,
} from './other.js';
import { type ExplanationRecordFields, explanationRecord } from './explanation.js';
import {
  type LegalAidGrantFields,
  type LegalAidRefusalFields,
  legalAidGrant,
  legalAidRefusal,
  type PetitionExtensionNoticeFields,
  type PetitionForwardNoticeFields,
  type PetitionRejectionNoticeFields,
  type PetitionReviewOpinionFields,
  petitionExtensionNotice,
  petitionForwardNotice,
  petitionReReviewOpinion,
  petitionRejectionNotice,
  petitionReviewOpinion,
} from './petition-legal-aid.js';
import {
  type CaseTransferLetterFields,
  type CompensationOrderFields,
  caseTransferLetter,
  compensationOrder,
  type ExtensionApprovalFields,
  extensionApproval,
  type InquiryNoticeFields,
  type InvestigationRecordFields,
  inquiryNotice,
  inquiryRecord,
  onsiteRecord,
  type PenaltyHearingRecordFields,
  penaltyHearingRecord,
  type FilingApprovalFields,
  filingApproval,
  type RevocationApprovalFields,
  revocationApproval,
} from './inspection-steps.js';
import { type JurisdictionNoticeFields, jurisdictionNotice } from './jurisdiction.js';
import { type DocumentContext, type DocumentTemplate, displayValues, findMissingFields } from './template.js';
import {
  type AdvanceExecutionAwardFields,
  type ArbitrationClosingApprovalFields,
  type ArbitrationFilingApprovalFields,
  type AwardCorrectionDecisionFields,
  type HearingRecordFields,
  type PartialAwardFields,
  type PostponementNoticeFields,
  type RecusalDecisionFields,
  type TribunalCompositionNoticeFields,
  advanceExecutionAward,
  arbitrationClosingApproval,
  arbitrationFilingApproval,
  awardCorrectionDecision,
  hearingRecord,
  partialAward,
  postponementNotice,
  recusalDecision,
  tribunalCompositionNotice,
} from './arbitration-steps.js';
import {
  type EnforcementApplicationFields,
  enforcementApplication,
  type PaymentOrderGuidanceFields,
  paymentOrderGuidance,
  type EffectivenessCertificateFields,
  effectivenessCertificate,
} from './obligations.js';

/** The fields each document type is filled with. */
export interface DocumentFieldsMap {
  receipt: ReceiptFields;
  correction_notice: CorrectionNoticeFields;
  acceptance_notice: AcceptanceNoticeFields;
  notice_to_respond: NoticeToRespondFields;
  rejection_notice: RejectionNoticeFields;
  hearing_notice: HearingNoticeFields;
  mediation_proposal: MediationProposalFields;
  mediation_agreement: MediationAgreementFields;
  arbitral_mediation_statement: ArbitralMediationStatementFields;
  award: AwardFields;
  transfer_slip: TransferSlipFields;
  inspection_acceptance: InspectionAcceptanceFields;
  inspection_rejection: InspectionRejectionFields;
  order_to_correct: OrderToCorrectFields;
  case_withdrawal: CaseWithdrawalFields;
  penalty_notice: PenaltyNoticeFields;
  hearing_notice_penalty: PenaltyHearingNoticeFields;
  penalty_decision: PenaltyDecisionFields;
  inspection_result_notice: InspectionResultNoticeFields;
  inspection_closing_approval: InspectionClosingApprovalFields;
  petition_acceptance: PetitionAcceptanceFields;
  petition_opinion: PetitionOpinionFields;
  legal_aid_referral: LegalAidReferralFields;
  proof_of_service: ProofOfServiceFields;
  explanation_record: ExplanationRecordFields;
  suspension_decision: SuspensionDecisionFields;
  resumption_notice: ResumptionNoticeFields;
  extension_notice: ExtensionNoticeFields;
  withdrawal_decision: WithdrawalDecisionFields;
  deemed_withdrawal_decision: DeemedWithdrawalDecisionFields;
  collective_notice: CollectiveNoticeFields;
  simplified_notice: SimplifiedNoticeFields;
  petition_rejection_notice: PetitionRejectionNoticeFields;
  petition_forward_notice: PetitionForwardNoticeFields;
  petition_extension_notice: PetitionExtensionNoticeFields;
  petition_review_opinion: PetitionReviewOpinionFields;
  petition_re_review_opinion: PetitionReviewOpinionFields;
  legal_aid_grant: LegalAidGrantFields;
  legal_aid_refusal: LegalAidRefusalFields;
  // issue #13: arbitration step documents
  tribunal_composition_notice: TribunalCompositionNoticeFields;
  postponement_notice: PostponementNoticeFields;
  hearing_record: HearingRecordFields;
  advance_execution_award: AdvanceExecutionAwardFields;
  partial_award: PartialAwardFields;
  recusal_decision: RecusalDecisionFields;
  award_correction_decision: AwardCorrectionDecisionFields;
  arbitration_filing_approval: ArbitrationFilingApprovalFields;
  arbitration_closing_approval: ArbitrationClosingApprovalFields;
  // issue #13: inspection documents issued by the investigation steps (templates/inspection-steps.ts)
  inquiry_notice: InquiryNoticeFields;
  inquiry_record: InvestigationRecordFields;
  onsite_record: InvestigationRecordFields;
  inspection_extension_approval: ExtensionApprovalFields;
  inspection_revocation_approval: RevocationApprovalFields;
  inspection_filing_approval: FilingApprovalFields;
  compensation_order: CompensationOrderFields;
  case_transfer_letter: CaseTransferLetterFields;
  penalty_hearing_record: PenaltyHearingRecordFields;
  jurisdiction_notice: JurisdictionNoticeFields;
  defaulter_notice: DefaulterNoticeFields;
  defaulter_statement_record: DefaulterStatementRecordFields;
  defaulter_listing_decision: DefaulterListingDecisionFields;
  defaulter_publication: DefaulterPublicationFields;
  defaulter_removal_receipt: DefaulterRemovalReceiptFields;
  defaulter_removal_decision: DefaulterRemovalDecisionFields;
  enforcement_application: EnforcementApplicationFields;
  payment_order_guidance: PaymentOrderGuidanceFields;
  mediation_record: MediationRecordFields;
  defaulter_not_listed_decision: DefaulterNotListedDecisionFields;
  defaulter_removal_refusal: DefaulterRemovalRefusalFields;
  defaulter_expiry_notice: DefaulterExpiryNoticeFields;
  effectiveness_certificate: EffectivenessCertificateFields;
}

export const TEMPLATES: { readonly [T in DocumentType]: DocumentTemplate<DocumentFieldsMap[T]> } = {
  receipt,
  correction_notice: correctionNotice,
  acceptance_notice: acceptanceNotice,
  notice_to_respond: noticeToRespond,
  rejection_notice: rejectionNotice,
  hearing_notice: hearingNotice,
  mediation_proposal: mediationProposal,
  mediation_agreement: mediationAgreement,
  arbitral_mediation_statement: arbitralMediationStatement,
  award,
  transfer_slip: transferSlip,
  inspection_acceptance: inspectionAcceptance,
  inspection_rejection: inspectionRejection,
  order_to_correct: orderToCorrect,
  case_withdrawal: caseWithdrawal,
  penalty_notice: penaltyNotice,
  hearing_notice_penalty: hearingNoticePenalty,
  penalty_decision: penaltyDecision,
  inspection_result_notice: inspectionResultNotice,
  inspection_closing_approval: inspectionClosingApproval,
  petition_acceptance: petitionAcceptance,
  petition_opinion: petitionOpinion,
  legal_aid_referral: legalAidReferral,
  proof_of_service: proofOfService,
  explanation_record: explanationRecord,
  suspension_decision: suspensionDecision,
  resumption_notice: resumptionNotice,
  extension_notice: extensionNotice,
  withdrawal_decision: withdrawalDecision,
  deemed_withdrawal_decision: deemedWithdrawalDecision,
  collective_notice: collectiveNotice,
  simplified_notice: simplifiedNotice,
  petition_rejection_notice: petitionRejectionNotice,
  petition_forward_notice: petitionForwardNotice,
  petition_extension_notice: petitionExtensionNotice,
  petition_review_opinion: petitionReviewOpinion,
  petition_re_review_opinion: petitionReReviewOpinion,
  legal_aid_grant: legalAidGrant,
  legal_aid_refusal: legalAidRefusal,
  // issue #13: arbitration step documents
  tribunal_composition_notice: tribunalCompositionNotice,
  postponement_notice: postponementNotice,
  hearing_record: hearingRecord,
  advance_execution_award: advanceExecutionAward,
  partial_award: partialAward,
  recusal_decision: recusalDecision,
  award_correction_decision: awardCorrectionDecision,
  arbitration_filing_approval: arbitrationFilingApproval,
  arbitration_closing_approval: arbitrationClosingApproval,
  inquiry_notice: inquiryNotice,
  inquiry_record: inquiryRecord,
  onsite_record: onsiteRecord,
  inspection_extension_approval: extensionApproval,
  inspection_revocation_approval: revocationApproval,
  inspection_filing_approval: filingApproval,
  compensation_order: compensationOrder,
  case_transfer_letter: caseTransferLetter,
  penalty_hearing_record: penaltyHearingRecord,
  jurisdiction_notice: jurisdictionNotice,
  defaulter_notice: defaulterNotice,
  defaulter_statement_record: defaulterStatementRecord,
  defaulter_listing_decision: defaulterListingDecision,
  defaulter_publication: defaulterPublication,
  defaulter_removal_receipt: defaulterRemovalReceipt,
  defaulter_removal_decision: defaulterRemovalDecision,
  enforcement_application: enforcementApplication,
  payment_order_guidance: paymentOrderGuidance,
  mediation_record: mediationRecord,
  defaulter_not_listed_decision: defaulterNotListedDecision,
  defaulter_removal_refusal: defaulterRemovalRefusal,
  defaulter_expiry_notice: defaulterExpiryNotice,
  effectiveness_certificate: effectivenessCertificate,
};

export interface DocumentInput<T extends DocumentType> {
  /** Fields as they come from a form or the database: validated before use. */
  fields: Partial<DocumentFieldsMap[T]>;
  issuer: Issuer;
  number: string;
  issuedDate: string;
  draft?: boolean;
  verification?: Verification;
  /** Overrides the template's addressee */
  addressee?: string;
  /** From the master record: 案号, party particulars, tribunal, defence */
  context?: DocumentContext;
}

/** Every line through the formatting layer: Chinese dates, one money format. */
/**
 * A date the clock engine computed while its year's holiday notice (国务院办公厅节假日安排) was not yet
 * entered is the earliest the period can end, not the final date. A bureau must not hold back a notice
 * the law wants issued now (a 补正通知书 at once, a 受理通知书 the same day) until the State Council
 * publishes next year's holidays, nor print a date as final that may still move: the date is printed
 * with “（暂定）” and a closing note says how it is settled. The provisional date is never later than the
 * final one, so a party that acts by it is never late.
 */
function markProvisional(blocks: Block[], context: DocumentContext): Block[] {
  const dates = context.provisionalDates ?? [];
  if (!dates.length) return blocks;
  const marks = dates.map((d) => chineseDate(d.date));
  let marked = false;
  const mark = (text: string) => {
    let out = text;
    for (const m of marks) {
      if (!out.includes(m)) continue;
      out = out.split(`${m}（暂定）`).join(m).split(m).join(`${m}（暂定）`);
      marked = true;
    }
    return out;
  };
  const out = blocks.map((block): Block => {
    switch (block.kind) {
      case 'heading':
      case 'paragraph':
        return { ...block, text: mark(block.text) };
      case 'list':
        return { ...block, items: block.items.map(mark) };
      case 'table':
        return { ...block, rows: block.rows.map((r) => r.map(mark)) };
      default:
        return block;
    }
  });
  if (!marked) return out;
  const years = [...new Set(dates.map((d) => d.year))].sort().join('、');
  return [
    ...out,
    {
      kind: 'paragraph',
      text: `注：标注“暂定”的日期涉及${years}年，该年度国务院节假日安排尚未公布，系按最严格口径计算（每日均计入、不顺延）；安排公布后依法重新计算，期限届满日以重新计算的日期为准，本机关将另行告知。按暂定日期办理的，不影响当事人的权利。`,
    },
  ];
}

function normalizeBlock(block: Block): Block {
  const n = normalizeDocumentText;
  switch (block.kind) {
    case 'heading':
    case 'paragraph':
      return { ...block, text: n(block.text) };
    case 'list':
      return { ...block, items: block.items.map(n) };
    case 'table':
      return {
        ...block,
        rows: block.rows.map((r) => r.map(n)),
        ...(block.header ? { header: block.header.map(n) } : {}),
      };
    case 'signature':
      return { ...block, entries: block.entries.map((e) => ({ ...e, label: n(e.label) })) };
  }
}

/**
 * Fills a template: checks every required field (all missing ones reported at once, in Chinese)
 * and returns the renderer-neutral model.
 */
export function createDocument<T extends DocumentType>(type: T, input: DocumentInput<T>): DocumentModel {
  const template = TEMPLATES[type] as DocumentTemplate<DocumentFieldsMap[T]>;
  const missing = findMissingFields(template.required, input.fields);
  if (!input.number?.trim()) missing.push({ key: 'number', label: '文号' });
  if (!input.issuer?.name?.trim()) missing.push({ key: 'issuer', label: '发文机关' });
  if (!input.issuedDate) missing.push({ key: 'issuedDate', label: '成文日期' });
  if (missing.length > 0) throw new MissingFieldsError(type, missing);
  if (!isValidIsoDate(input.issuedDate)) {
    throw new InvalidDocumentError([`成文日期格式应为YYYY-MM-DD：${input.issuedDate}`]);
  }
  const fields = input.fields as DocumentFieldsMap[T];
  const addressee = input.addressee ?? template.addressee?.(fields);
  const context = input.context ?? {};
  const caseNumber = context.caseNumber?.trim();
  return {
    type,
    title: template.title,
    issuer: input.issuer,
    number: input.number,
    ...(caseNumber && caseNumber !== input.number ? { caseNumber } : {}),
    ...(addressee ? { addressee } : {}),
    paragraphs: markProvisional(template.build(fields, context).map(normalizeBlock), context),
    issuedDate: input.issuedDate,
    draft: input.draft ?? false,
    ...(input.verification ? { verification: input.verification } : {}),
  };
}

/** Every string the rendered document must show for the required fields (for tests and checks). */
export function requiredDisplayValues<T extends DocumentType>(
  type: T,
  fields: Partial<DocumentFieldsMap[T]>,
): string[] {
  const record = fields as Record<string, unknown>;
  return TEMPLATES[type].required.flatMap((spec) => displayValues(spec, record[spec.key]));
}
