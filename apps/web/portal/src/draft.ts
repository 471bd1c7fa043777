/**
 * Save and return: the application form is kept on this phone while it is being filled, so a worker who
 * leaves (to fetch a contract, or because the network dropped) finds it again. The identity number is
 * never stored (personal data stays on the server, encrypted); it is asked again.
 */
const PREFIX = 'onestop.apply.draft.';

export function loadDraft<T>(kind: string): Partial<T> | null {
  try {
    const raw = window.localStorage.getItem(PREFIX + kind);
    return raw ? (JSON.parse(raw) as Partial<T>) : null;
  } catch {
    return null;
  }
}

export function saveDraft(kind: string, draft: unknown): void {
  try {
    window.localStorage.setItem(PREFIX + kind, JSON.stringify(draft));
  } catch {
    // Private mode or a full store: the form still works, only without the saved draft.
  }
}

export function clearDraft(kind: string): void {
  try {
    window.localStorage.removeItem(PREFIX + kind);
  } catch {
    // nothing to clear
  }
}

export interface DraftClaim {
  type: string;
  amount: string;
  periodFrom: string;
  periodTo: string;
  monetary: boolean;
}

/**
 * What the arbitration commission's 补正通知书 would demand (《劳动人事争议仲裁办案规则》第二十九条:
 * the applicant's address, the respondent's address, each money claim's amount and period), asked
 * before submitting so that the worker is not sent back for it.
 */
export function missingForArbitration(f: {
  address: string;
  employerAddress: string;
  employmentStart: string;
  claims: DraftClaim[];
}): string[] {
  const missing: string[] = [];
  if (!f.address.trim()) missing.push('您的住址');
  if (!f.employerAddress.trim()) missing.push('单位地址');
  if (!f.employmentStart) missing.push('入职日期');
  f.claims.forEach((c, i) => {
    if (c.monetary && !c.amount.trim()) missing.push(`第${i + 1}项请求的金额`);
    if (c.monetary && (!c.periodFrom || !c.periodTo)) missing.push(`第${i + 1}项请求的起止日期`);
  });
  return missing;
}
