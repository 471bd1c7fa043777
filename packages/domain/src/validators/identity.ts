import { compare, formatIsoDate, type IsoDate, isValidIsoDate } from '../calendar';
import { mod11_2CheckChar } from './checksum';
import type { ValidationFailure } from './result';

/**
 * Identity documents accepted at intake. All 18-character numbers share the GB 11643-1999 layout:
 * region/prefix (1–6), birth date YYYYMMDD (7–14), sequence (15–17, the 17th odd for men),
 * ISO 7064 MOD 11-2 check character (18).
 */
export type IdentityType =
  | 'resident_id'
  | 'passport'
  | 'hmt_residence_permit'
  | 'foreign_permanent_residence';

export const IDENTITY_TYPE_LABELS: Readonly<Record<IdentityType, string>> = {
  resident_id: '居民身份证',
  passport: '护照',
  hmt_residence_permit: '港澳台居民居住证',
  foreign_permanent_residence: '外国人永久居留身份证',
};

export type Sex = 'male' | 'female';
export type IdErrorCode = 'ID_LENGTH' | 'ID_CHARSET' | 'ID_BIRTHDATE' | 'ID_CHECKSUM' | 'ID_REGION';
export type IdFailure = ValidationFailure<IdErrorCode>;

export interface ResidentIdOk {
  ok: true;
  /** Uppercase, trimmed. */
  normalized: string;
  birthDate: IsoDate;
  sex: Sex;
}

export type ResidentIdResult = ResidentIdOk | IdFailure;

export interface IdentityOk {
  ok: true;
  type: IdentityType;
  normalized: string;
  /** Null when the document number does not encode it (passport, old permanent-residence card). */
  birthDate: IsoDate | null;
  sex: Sex | null;
}

export type IdentityResult = IdentityOk | IdFailure;

/** Province-level codes (GB/T 2260) that appear as the first two digits of a resident ID. */
export const PROVINCE_CODES: ReadonlySet<string> = new Set([
  ...['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37'],
  ...['41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65'],
]);

export const HMT_PREFIXES: Readonly<Record<string, string>> = {
  '810000': '香港',
  '820000': '澳门',
  '830000': '台湾',
};

function fail(code: IdErrorCode, message: string, position?: number): IdFailure {
  return position === undefined ? { ok: false, code, message } : { ok: false, code, message, position };
}

function normalize(value: string): string {
  return value.trim().toUpperCase();
}

function firstBadChar(value: string, allowed: RegExp, from = 0, to = value.length): number {
  for (let i = from; i < to; i++) if (!allowed.test(value[i] ?? '')) return i;
  return -1;
}

type RegionCheck = (id: string) => IdFailure | null;

/** Shared GB 11643 checks for 18-character numbers: length, charset, prefix, birth date, checksum. */
function validate18(raw: string, today: IsoDate, label: string, region: RegionCheck): ResidentIdResult {
  const id = normalize(raw);
  if (id.length !== 18) return fail('ID_LENGTH', `${label}号码应为18位，实际为${id.length}位`);
  const bad = firstBadChar(id, /\d/, 0, 17);
  if (bad >= 0) return fail('ID_CHARSET', `第${bad + 1}位应为数字，实际为“${id[bad]}”`, bad + 1);
  if (!/[\dX]/.test(id[17] ?? '')) return fail('ID_CHARSET', `第18位应为数字或X，实际为“${id[17]}”`, 18);
  const regionError = region(id);
  if (regionError) return regionError;
  const digits = id.slice(6, 14);
  const birthDate = formatIsoDate(
    Number(digits.slice(0, 4)),
    Number(digits.slice(4, 6)),
    Number(digits.slice(6, 8)),
  );
  if (!isValidIsoDate(birthDate)) return fail('ID_BIRTHDATE', `第7-14位出生日期“${digits}”不是有效日期`, 7);
  if (Number(digits.slice(0, 4)) < 1900)
    return fail('ID_BIRTHDATE', `第7-14位出生日期 ${birthDate} 早于1900年`, 7);
  if (compare(birthDate, today) > 0) {
    return fail('ID_BIRTHDATE', `第7-14位出生日期 ${birthDate} 晚于今天（${today}）`, 7);
  }
  const expected = mod11_2CheckChar(id.slice(0, 17));
  if (expected !== id[17]) return fail('ID_CHECKSUM', `第18位校验码应为 ${expected}，实际为 ${id[17]}`, 18);
  return { ok: true, normalized: id, birthDate, sex: Number(id[16]) % 2 === 1 ? 'male' : 'female' };
}

/**
 * 居民身份证号码 per GB 11643-1999. `today` bounds the birth date (no clock inside the domain).
 */
export function validateResidentId(value: string, today: IsoDate): ResidentIdResult {
  return validate18(value, today, '居民身份证', (id) => {
    const province = id.slice(0, 2);
    if (PROVINCE_CODES.has(province)) return null;
    if (id.slice(0, 6) in HMT_PREFIXES) {
      return fail(
        'ID_REGION',
        `以${id.slice(0, 6)}开头的是港澳台居民居住证号码，请选择“港澳台居民居住证”`,
        1,
      );
    }
    return fail('ID_REGION', `第1-2位省级行政区划代码“${province}”无效`, 1);
  });
}

/** 港澳台居民居住证: prefix 810000 / 820000 / 830000, otherwise as a resident ID. */
export function validateHmtResidencePermit(value: string, today: IsoDate): ResidentIdResult {
  return validate18(value, today, '港澳台居民居住证', (id) =>
    id.slice(0, 6) in HMT_PREFIXES
      ? null
      : fail(
          'ID_REGION',
          `第1-6位应为810000（香港）、820000（澳门）或830000（台湾），实际为“${id.slice(0, 6)}”`,
          1,
        ),
  );
}

/**
 * 外国人永久居留身份证. 2023 format: 18 digits starting with 9 (issuing province, nationality code,
 * birth date at 7–14, sequence, MOD 11-2 check). Old format: 15 characters, 3 letters of nationality
 * code and 12 digits (format check only).
 */
export function validateForeignPermanentResidenceId(value: string, today: IsoDate): IdentityResult {
  const id = normalize(value);
  if (id.length === 15) {
    const badLetter = firstBadChar(id, /[A-Z]/, 0, 3);
    if (badLetter >= 0) {
      return fail(
        'ID_CHARSET',
        `旧版永居证第${badLetter + 1}位应为字母，实际为“${id[badLetter]}”`,
        badLetter + 1,
      );
    }
    const badDigit = firstBadChar(id, /\d/, 3, 15);
    if (badDigit >= 0) {
      return fail(
        'ID_CHARSET',
        `旧版永居证第${badDigit + 1}位应为数字，实际为“${id[badDigit]}”`,
        badDigit + 1,
      );
    }
    return { ok: true, type: 'foreign_permanent_residence', normalized: id, birthDate: null, sex: null };
  }
  if (id.length !== 18) {
    return fail(
      'ID_LENGTH',
      `外国人永久居留身份证号码应为18位（2023年版）或15位（旧版），实际为${id.length}位`,
    );
  }
  const result = validate18(id, today, '外国人永久居留身份证', (candidate) =>
    candidate[0] === '9'
      ? null
      : fail('ID_REGION', `2023年版永居证号码第1位应为9，实际为“${candidate[0]}”`, 1),
  );
  if (!result.ok) return result;
  // The sequence digits of permanent-residence numbers are not documented to encode sex.
  return {
    ok: true,
    type: 'foreign_permanent_residence',
    normalized: id,
    birthDate: result.birthDate,
    sex: null,
  };
}

/** Passport number: 5–17 letters or digits (any issuing state; Chinese passports e.g. E12345678). */
export function validatePassport(value: string): IdentityResult {
  const id = normalize(value);
  if (id.length < 5 || id.length > 17)
    return fail('ID_LENGTH', `护照号码应为5至17位字母或数字，实际为${id.length}位`);
  const bad = firstBadChar(id, /[A-Z0-9]/);
  if (bad >= 0)
    return fail('ID_CHARSET', `护照号码第${bad + 1}位应为字母或数字，实际为“${id[bad]}”`, bad + 1);
  if (!/\d/.test(id)) return fail('ID_CHARSET', '护照号码应包含数字');
  return { ok: true, type: 'passport', normalized: id, birthDate: null, sex: null };
}

/** One entry point for every identity document type. `today` bounds birth dates. */
export function validateIdentity(type: IdentityType, value: string, today: IsoDate): IdentityResult {
  switch (type) {
    case 'resident_id':
    case 'hmt_residence_permit': {
      const result =
        type === 'resident_id' ? validateResidentId(value, today) : validateHmtResidencePermit(value, today);
      return result.ok ? { ...result, type } : result;
    }
    case 'foreign_permanent_residence':
      return validateForeignPermanentResidenceId(value, today);
    case 'passport':
      return validatePassport(value);
  }
}
