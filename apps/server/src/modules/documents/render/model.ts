import { chineseDate, chineseDateTime, documentYuan } from '@onestop/domain';

/**
 * Document model shared by the PDF and DOCX renderers. Pure data: no database, no I/O.
 * Layout follows GB/T 9704-2012 (党政机关公文格式); see pdf/page.ts for the numbers.
 */

export const DOCUMENT_TYPES = [
  'receipt',
  'correction_notice',
  'acceptance_notice',
  'notice_to_respond',
  'rejection_notice',
  'hearing_notice',
  'mediation_proposal',
  'mediation_agreement',
  'arbitral_mediation_statement',
  'award',
  'transfer_slip',
  'inspection_acceptance',
  'inspection_rejection',
  'order_to_correct',
  'case_withdrawal',
  'penalty_notice',
  'hearing_notice_penalty',
  'penalty_decision',
  'inspection_result_notice',
  'inspection_closing_approval',
  'petition_acceptance',
  'petition_opinion',
  'legal_aid_referral',
  'proof_of_service',
  'explanation_record',
  'suspension_decision',
  'resumption_notice',
  'extension_notice',
  'withdrawal_decision',
  'deemed_withdrawal_decision',
  'collective_notice',
  'simplified_notice',
  // issue #13: petition and legal-aid documents issued by their flows (templates/petition-legal-aid.ts)
  'petition_rejection_notice',
  'petition_forward_notice',
  'petition_extension_notice',
  'petition_review_opinion',
  'petition_re_review_opinion',
  'legal_aid_grant',
  'legal_aid_refusal',
  // issue #13: arbitration documents issued by the steps of the proceedings (templates/arbitration-steps.ts)
  'tribunal_composition_notice',
  'postponement_notice',
  'hearing_record',
  'advance_execution_award',
  'partial_award',
  'recusal_decision',
  'award_correction_decision',
  'arbitration_filing_approval',
  'arbitration_closing_approval',
  // issue #13: inspection documents issued by the investigation steps (templates/inspection-steps.ts)
  'inquiry_notice',
  'inquiry_record',
  'onsite_record',
  'inspection_extension_approval',
  'inspection_revocation_approval',
  'inspection_filing_approval',
  'compensation_order',
  'case_transfer_letter',
  'penalty_hearing_record',
  // issue #14: the window's written jurisdiction notice (templates/jurisdiction.ts)
  'jurisdiction_notice',
  // issue #21: the defaulter list procedure (templates/defaulters.ts)
  'defaulter_notice',
  'defaulter_statement_record',
  'defaulter_listing_decision',
  'defaulter_publication',
  'defaulter_removal_receipt',
  'defaulter_removal_decision',
  // issue #21: next steps when an obligation is not paid (templates/obligations.ts)
  'enforcement_application',
  'payment_order_guidance',
  // issue #20: the signed record of an online (or on-site) mediation session (templates/mediation.ts)
  'mediation_record',
  // issue #21: the defaulter decisions not to list / not to remove early, the end-of-term notice, and
  // the 生效证明书 of the enforcement pack (templates/defaulters.ts, templates/obligations.ts)
  'defaulter_not_listed_decision',
  'defaulter_removal_refusal',
  'defaulter_expiry_notice',
  'effectiveness_certificate',
] as const;

export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** A first-level heading such as "一、当事人的权利" (rendered bold, indented two characters). */
export interface HeadingBlock {
  kind: 'heading';
  text: string;
}

/** Body text; `indent` (default true) indents the first line by two characters. */
export interface ParagraphBlock {
  kind: 'paragraph';
  text: string;
  indent?: boolean;
  align?: 'left' | 'right' | 'center';
}

/** Numbered or bulleted items, one paragraph each ("1. …", "2. …"). */
export interface ListBlock {
  kind: 'list';
  items: string[];
  ordered?: boolean;
}

/**
 * A ruled table. A key/value table has two columns and no header; a material list has a header.
 * `widths` are relative column weights (default: equal).
 */
export interface TableBlock {
  kind: 'table';
  header?: string[];
  rows: string[][];
  widths?: number[];
}

/** Lines for handwritten signatures ("申请人（签名）：" followed by a blank or a printed value). */
export interface SignatureBlock {
  kind: 'signature';
  /** `imagePng`: a handwritten signature (drawn on a phone, issue #20) printed beside the label (PDF). */
  entries: { label: string; value?: string; imagePng?: Buffer }[];
}

export type Block = HeadingBlock | ParagraphBlock | ListBlock | TableBlock | SignatureBlock;

export interface Issuer {
  /** e.g. 随州市劳动人事争议仲裁委员会 */
  name: string;
  /** Round seal image (PNG, transparent background), placed over the issuer name and date. */
  sealPng?: Buffer;
}

export interface Verification {
  url: string;
  /** Printed as 验证码：XXXX-XXXX */
  shortCode: string;
}

export interface DocumentModel {
  type: DocumentType;
  /** e.g. 受理通知书 */
  title: string;
  issuer: Issuer;
  /** 文号, e.g. 随劳人仲受字〔2026〕第15号 */
  number: string;
  /** 案号 of the case the document belongs to, printed beside the 文号 (issue #13) */
  caseNumber?: string;
  /** 主送: the line before the body, e.g. 张三： */
  addressee?: string;
  paragraphs: Block[];
  /** YYYY-MM-DD, rendered as 2026年11月29日 */
  issuedDate: string;
  draft: boolean;
  verification?: Verification;
}

export interface MissingField {
  key: string;
  label: string;
}

/** Thrown when a template is filled without its required fields. The message is Chinese. */
export class MissingFieldsError extends Error {
  readonly code = 'DOCUMENT_MISSING_FIELDS' as const;
  constructor(
    readonly documentType: DocumentType,
    readonly missing: MissingField[],
  ) {
    super(`文书缺少必填字段：${missing.map((m) => m.label).join('、')}`);
    this.name = 'MissingFieldsError';
  }
}

/** Thrown when the model itself is malformed (bad date, empty title …). */
export class InvalidDocumentError extends Error {
  readonly code = 'DOCUMENT_INVALID' as const;
  constructor(readonly problems: string[]) {
    super(`文书内容不合法：${problems.join('；')}`);
    this.name = 'InvalidDocumentError';
  }
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** '2026-11-29' → '2026年11月29日' (GB/T 9704 7.3.5: Arabic numerals, no leading zeros). */
export function formatChineseDate(iso: string): string {
  if (!ISO_DATE.test(iso)) throw new InvalidDocumentError([`日期格式应为YYYY-MM-DD：${iso}`]);
  return chineseDate(iso);
}

/** '2026-11-29T14:05' or '2026-11-29 14:05' → '2026年11月29日14时05分' */
export function formatChineseDateTime(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(value)) return formatChineseDate(value);
  return chineseDateTime(value);
}

/** 12345.5 → '12,345.50元'; with words: '12,345.50元（大写：壹万贰仟叁佰肆拾伍元伍角）' (domain documentYuan). */
export function formatYuan(amount: number, options: { words?: boolean } = {}): string {
  return documentYuan(amount, options);
}

export function isValidIsoDate(iso: string): boolean {
  const m = ISO_DATE.exec(iso);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** Checks the parts every renderer relies on; throws InvalidDocumentError listing all problems. */
export function assertValidModel(model: DocumentModel): void {
  const problems: string[] = [];
  if (!model.title.trim()) problems.push('标题为空');
  if (!model.issuer.name.trim()) problems.push('发文机关为空');
  if (!model.number.trim()) problems.push('文号为空');
  if (!isValidIsoDate(model.issuedDate)) problems.push(`成文日期格式应为YYYY-MM-DD：${model.issuedDate}`);
  if (model.verification && !model.verification.url) problems.push('验证网址为空');
  if (problems.length > 0) throw new InvalidDocumentError(problems);
}
