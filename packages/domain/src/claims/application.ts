import { CLAIM_CATALOGUE, isClaimType } from './catalogue';

/**
 * What an online arbitration application must carry so that the commission's preliminary review does
 * not send a 补正通知书 for it: the applicant's address, the respondent's address and its legal
 * representative (or principal), the start of employment, each money claim's amount and period, and a
 * statement of facts and reasons (《劳动争议调解仲裁法》第二十八条；《劳动人事争议仲裁办案规则》第二十九条).
 * The portal asks for these before submitting and the server refuses an online arbitration application
 * without them, with the same list. (Materials — signature, copies, evidence — are handed in at the
 * window and are not asked here.)
 */
export interface ApplicationCompletenessInput {
  workerAddress: string;
  employerAddress: string;
  /** The respondent's legal representative or principal; true when the employer on file already has one. */
  employerPrincipal: string | true;
  employmentStart: string;
  narrative: string;
  claims: {
    type: string;
    /** Present (any non-empty value) when the worker gave an amount. */
    amount?: string | number | null | undefined;
    periodFrom?: string | null | undefined;
    periodTo?: string | null | undefined;
    facts: string;
  }[];
}

/** The field a missing item belongs to (the portal's input ids). */
export type ApplicationField =
  | 'address'
  | 'employerAddress'
  | 'legalRepresentative'
  | 'employmentStart'
  | 'facts'
  | `claim-${number}-amount`
  | `claim-${number}-period`;

export interface MissingApplicationItem {
  field: ApplicationField;
  label: string;
}

/** Shortest statement of facts and reasons the review accepts (arbitration review: 不少于十个字). */
export const MIN_FACTS_CHARS = 10;

export function missingForArbitrationApplication(f: ApplicationCompletenessInput): MissingApplicationItem[] {
  const missing: MissingApplicationItem[] = [];
  const blank = (v: string | number | null | undefined) =>
    v === null || v === undefined || `${v}`.trim() === '';
  if (blank(f.workerAddress)) missing.push({ field: 'address', label: '您的住址' });
  if (blank(f.employerAddress)) missing.push({ field: 'employerAddress', label: '单位地址' });
  if (f.employerPrincipal !== true && blank(f.employerPrincipal))
    missing.push({ field: 'legalRepresentative', label: '单位法定代表人或主要负责人姓名' });
  if (blank(f.employmentStart)) missing.push({ field: 'employmentStart', label: '入职日期' });
  f.claims.forEach((c, i) => {
    const monetary = isClaimType(c.type) && CLAIM_CATALOGUE[c.type].monetary;
    if (monetary && blank(c.amount))
      missing.push({ field: `claim-${i}-amount`, label: `第${i + 1}项请求的金额` });
    if (monetary && (blank(c.periodFrom) || blank(c.periodTo)))
      missing.push({ field: `claim-${i}-period`, label: `第${i + 1}项请求的起止日期` });
  });
  // The review reads the narrative, or else the claims' own facts, as the application's 事实和理由.
  const stated =
    f.narrative.trim() ||
    f.claims
      .map((c) => c.facts.trim())
      .filter(Boolean)
      .join('；');
  if (Array.from(stated).length < MIN_FACTS_CHARS)
    missing.push({ field: 'facts', label: `事实和理由（至少${MIN_FACTS_CHARS}个字）` });
  return missing;
}
