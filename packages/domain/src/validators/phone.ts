import type { ValidationFailure } from './result';

export type PhoneKind = 'mobile' | 'landline';
export type PhoneErrorCode = 'PHONE_FORMAT';

export interface PhoneOk {
  ok: true;
  kind: PhoneKind;
  /** Mobile: 11 digits. Landline: 'area-number' or 'area-number-extension'. */
  normalized: string;
}

export type PhoneResult = PhoneOk | ValidationFailure<PhoneErrorCode>;

const MOBILE = /^1[3-9]\d{9}$/;
// Area code: 010 / 02X (3 digits) or 0 + 3 digits; subscriber number 7–8 digits; optional extension.
const LANDLINE = /^(0(?:10|2\d|[3-9]\d{2}))-?([1-9]\d{6,7})(?:-(\d{1,6}))?$/;

/** Removes spaces and an international prefix (+86 / 0086 / 86 before an 11-digit mobile number). */
function clean(value: string): string {
  const compact = value.trim().replace(/[\s()（）]/g, '');
  return compact.replace(/^(?:\+86|0086)-?/, '').replace(/^86(?=1[3-9]\d{9}$)/, '');
}

export function isMobilePhone(value: string): boolean {
  return MOBILE.test(clean(value).replace(/-/g, ''));
}

/** Mainland mobile (1[3-9] + 9 digits) or landline with area code (e.g. 010-12345678, 0722-3456789-801). */
export function validatePhone(value: string): PhoneResult {
  const cleaned = clean(value);
  const digitsOnly = cleaned.replace(/-/g, '');
  if (MOBILE.test(digitsOnly) && /^[\d-]+$/.test(cleaned))
    return { ok: true, kind: 'mobile', normalized: digitsOnly };
  const match = LANDLINE.exec(cleaned);
  if (match) {
    const [, area, number, extension] = match;
    return { ok: true, kind: 'landline', normalized: `${area}-${number}${extension ? `-${extension}` : ''}` };
  }
  if (/^1\d*$/.test(digitsOnly)) {
    return { ok: false, code: 'PHONE_FORMAT', message: '手机号码应为11位数字，以13-19开头' };
  }
  if (/^[2-9]\d{6,7}$/.test(digitsOnly)) {
    return { ok: false, code: 'PHONE_FORMAT', message: '固定电话请填写区号，如 010-12345678' };
  }
  return {
    ok: false,
    code: 'PHONE_FORMAT',
    message: '电话号码格式不正确：请填写11位手机号码或带区号的固定电话',
  };
}
