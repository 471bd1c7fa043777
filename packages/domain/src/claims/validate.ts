import { CLAIM_CATALOGUE, isClaimType } from './catalogue';
import { isIsoDate } from './dates';

/** One claim as entered at intake. Amounts are integer fen. */
export interface ClaimInput {
  type: string;
  amountFen?: number;
  periodFrom?: string;
  periodTo?: string;
  facts: string;
}

export const CLAIM_ERROR_CODES = [
  'CLAIM_UNKNOWN_TYPE',
  'CLAIM_NEGATIVE_AMOUNT',
  'CLAIM_INVALID_AMOUNT',
  'CLAIM_AMOUNT_REQUIRED',
  'CLAIM_INVALID_DATE',
  'CLAIM_FUTURE_DATE',
  'CLAIM_PERIOD_ORDER',
  'CLAIM_FACTS_REQUIRED',
] as const;

export type ClaimErrorCode = (typeof CLAIM_ERROR_CODES)[number];

export interface ClaimIssue {
  code: ClaimErrorCode;
  field: keyof ClaimInput;
  message: string;
}

/**
 * Validates one claim; returns every problem at once (一次性告知), empty when valid.
 * `today` is 'YYYY-MM-DD' supplied by the caller. `sharedFacts` is a statement of facts and reasons
 * that serves every claim of the request (调解仲裁法第二十八条: 仲裁请求和所根据的事实、理由); with
 * it, a claim need not repeat them.
 */
export function validateClaim(
  input: ClaimInput,
  today: string,
  opts: { sharedFacts?: string | undefined } = {},
): ClaimIssue[] {
  const issues: ClaimIssue[] = [];
  const known = isClaimType(input.type);
  if (!known) {
    issues.push({ code: 'CLAIM_UNKNOWN_TYPE', field: 'type', message: `未知的诉求类型：${input.type}` });
  }

  const amount = input.amountFen;
  if (amount !== undefined) {
    if (typeof amount !== 'number' || !Number.isSafeInteger(amount)) {
      issues.push({
        code: 'CLAIM_INVALID_AMOUNT',
        field: 'amountFen',
        message: '金额须为以“分”为单位的整数',
      });
    } else if (amount < 0) {
      issues.push({ code: 'CLAIM_NEGATIVE_AMOUNT', field: 'amountFen', message: '金额不能为负数' });
    }
  } else if (isClaimType(input.type) && CLAIM_CATALOGUE[input.type].monetary) {
    issues.push({
      code: 'CLAIM_AMOUNT_REQUIRED',
      field: 'amountFen',
      message: `“${CLAIM_CATALOGUE[input.type].label}”须填写请求金额`,
    });
  }

  const dates: Array<['periodFrom' | 'periodTo', string | undefined, string]> = [
    ['periodFrom', input.periodFrom, '起始日期'],
    ['periodTo', input.periodTo, '截止日期'],
  ];
  let datesValid = true;
  for (const [field, value, name] of dates) {
    if (value === undefined) continue;
    if (!isIsoDate(value)) {
      datesValid = false;
      issues.push({ code: 'CLAIM_INVALID_DATE', field, message: `${name}格式应为YYYY-MM-DD` });
    } else if (value > today) {
      issues.push({ code: 'CLAIM_FUTURE_DATE', field, message: `${name}不能晚于今天（${today}）` });
    }
  }
  if (datesValid && input.periodFrom && input.periodTo && input.periodFrom > input.periodTo) {
    issues.push({ code: 'CLAIM_PERIOD_ORDER', field: 'periodTo', message: '截止日期不能早于起始日期' });
  }

  const shared = (opts.sharedFacts ?? '').trim() !== '';
  if (typeof input.facts !== 'string' || (input.facts.trim() === '' && !shared)) {
    issues.push({
      code: 'CLAIM_FACTS_REQUIRED',
      field: 'facts',
      message: '请填写事实与理由（可在案情陈述中统一填写）',
    });
  }
  return issues;
}

/** Validates a list; each issue carries the index of its claim. */
export function validateClaims(
  inputs: readonly ClaimInput[],
  today: string,
  opts: { sharedFacts?: string | undefined } = {},
): Array<ClaimIssue & { index: number }> {
  return inputs.flatMap((input, index) =>
    validateClaim(input, today, opts).map((issue) => ({ ...issue, index })),
  );
}
