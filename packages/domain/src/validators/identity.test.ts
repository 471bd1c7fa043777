import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromEpochDay, toEpochDay } from '../calendar';
import { mod11_2CheckChar } from './checksum';
import {
  PROVINCE_CODES,
  validateForeignPermanentResidenceId,
  validateHmtResidencePermit,
  validateIdentity,
  validatePassport,
  validateResidentId,
} from './identity';

const TODAY = '2026-06-01';
const withCheck = (body17: string) => body17 + mod11_2CheckChar(body17);

describe('validateResidentId', () => {
  it('accepts the GB 11643-1999 examples (check characters computed by hand)', () => {
    expect(validateResidentId('11010519491231002X', TODAY)).toEqual({
      ok: true,
      normalized: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'female',
    });
    expect(validateResidentId(' 11010519491231002x ', TODAY)).toMatchObject({
      ok: true,
      normalized: '11010519491231002X',
    });
    // The standard's second example has a correct check character (sum 195, 195 mod 11 = 8 → '4')
    // but a birth year before the plausibility bound of 1900.
    expect(validateResidentId('440524188001010014', TODAY)).toMatchObject({ code: 'ID_BIRTHDATE' });
    expect(validateResidentId('440524198001010013', TODAY)).toMatchObject({
      ok: true,
      birthDate: '1980-01-01',
      sex: 'male',
    });
  });

  it('names the wrong check character', () => {
    expect(validateResidentId('110105194912310021', TODAY)).toEqual({
      ok: false,
      code: 'ID_CHECKSUM',
      message: '第18位校验码应为 X，实际为 1',
      position: 18,
    });
  });

  it.each([
    ['1101051949123100', 'ID_LENGTH', '居民身份证号码应为18位，实际为16位', undefined],
    ['1101A519491231002X', 'ID_CHARSET', '第5位应为数字，实际为“A”', 5],
    ['11010519491231002Y', 'ID_CHARSET', '第18位应为数字或X，实际为“Y”', 18],
    ['99010519491231002X', 'ID_REGION', '第1-2位省级行政区划代码“99”无效', 1],
    ['110105194902310020', 'ID_BIRTHDATE', '第7-14位出生日期“19490231”不是有效日期', 7],
    ['110105189912310020', 'ID_BIRTHDATE', '第7-14位出生日期 1899-12-31 早于1900年', 7],
  ])('%s → %s', (value, code, message, position) => {
    const result = validateResidentId(value, TODAY);
    expect(result).toEqual({ ok: false, code, message, ...(position ? { position } : {}) });
  });

  it('rejects a birth date after today and points to the right document type', () => {
    expect(validateResidentId(withCheck('11010520260602001'), TODAY)).toMatchObject({
      code: 'ID_BIRTHDATE',
      message: '第7-14位出生日期 2026-06-02 晚于今天（2026-06-01）',
    });
    expect(validateResidentId(withCheck('81000019900101001'), TODAY)).toMatchObject({
      code: 'ID_REGION',
      message: expect.stringContaining('港澳台居民居住证'),
    });
  });
});

describe('other identity documents', () => {
  it('validates 港澳台居民居住证 prefixes with the same checksum', () => {
    expect(validateHmtResidencePermit(withCheck('82000019900101002'), TODAY)).toMatchObject({
      ok: true,
      birthDate: '1990-01-01',
      sex: 'female',
    });
    expect(validateHmtResidencePermit('11010519491231002X', TODAY)).toMatchObject({
      ok: false,
      code: 'ID_REGION',
    });
  });

  it('validates both formats of 外国人永久居留身份证', () => {
    expect(validateForeignPermanentResidenceId(withCheck('93115619850315001'), TODAY)).toMatchObject({
      ok: true,
      birthDate: '1985-03-15',
    });
    expect(validateForeignPermanentResidenceId(withCheck('13115619850315001'), TODAY)).toMatchObject({
      code: 'ID_REGION',
    });
    expect(validateForeignPermanentResidenceId('usa110685050112', TODAY)).toMatchObject({
      ok: true,
      normalized: 'USA110685050112',
      birthDate: null,
    });
    expect(validateForeignPermanentResidenceId('US1110685050112', TODAY)).toMatchObject({
      code: 'ID_CHARSET',
      position: 3,
    });
    expect(validateForeignPermanentResidenceId('USA11068505011', TODAY)).toMatchObject({ code: 'ID_LENGTH' });
  });

  it('validates passports by format', () => {
    expect(validatePassport('e12345678')).toMatchObject({ ok: true, normalized: 'E12345678' });
    expect(validatePassport('EA1234567')).toMatchObject({ ok: true });
    expect(validatePassport('E123')).toMatchObject({ code: 'ID_LENGTH' });
    expect(validatePassport('E1234_678')).toMatchObject({ code: 'ID_CHARSET', position: 6 });
    expect(validatePassport('ABCDEFG')).toMatchObject({ code: 'ID_CHARSET' });
  });

  it('dispatches on the document type', () => {
    expect(validateIdentity('resident_id', '11010519491231002X', TODAY)).toMatchObject({
      ok: true,
      type: 'resident_id',
      sex: 'female',
    });
    expect(validateIdentity('passport', 'G12345678', TODAY)).toMatchObject({
      ok: true,
      type: 'passport',
      sex: null,
    });
    expect(validateIdentity('hmt_residence_permit', '11010519491231002X', TODAY).ok).toBe(false);
    expect(validateIdentity('foreign_permanent_residence', 'USA110685050112', TODAY).ok).toBe(true);
  });
});

describe('identity number properties', () => {
  const digits = (n: number) =>
    fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
  const birth = fc
    .integer({ min: toEpochDay('1900-01-01'), max: toEpochDay(TODAY) })
    .map((day) => fromEpochDay(day).replaceAll('-', ''));
  const residentId = fc
    .tuple(fc.constantFrom(...PROVINCE_CODES), digits(4), birth, digits(3))
    .map((parts) => withCheck(parts.join('')));
  const hmtPermit = fc
    .tuple(fc.constantFrom('810000', '820000', '830000'), birth, digits(3))
    .map((parts) => withCheck(parts.join('')));
  const foreignId = fc.tuple(digits(5), birth, digits(3)).map((parts) => withCheck(`9${parts.join('')}`));
  const ALPHABET = '0123456789XABZ -';

  /** Replaces one character with a different one. */
  const mutate = (value: string) =>
    fc
      .tuple(fc.nat({ max: value.length - 1 }), fc.constantFrom(...ALPHABET))
      .filter(([i, ch]) => value[i] !== ch)
      .map(([i, ch]) => value.slice(0, i) + ch + value.slice(i + 1));

  it.each([
    ['resident_id', residentId],
    ['hmt_residence_permit', hmtPermit],
    ['foreign_permanent_residence', foreignId],
  ] as const)('%s: valid numbers pass and any single-character change fails', (type, generator) => {
    fc.assert(
      fc.property(
        generator.chain((valid) => fc.tuple(fc.constant(valid), mutate(valid))),
        ([valid, changed]) => {
          expect(validateIdentity(type, valid, TODAY)).toMatchObject({ ok: true, normalized: valid });
          expect(validateIdentity(type, changed, TODAY).ok).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });
});
