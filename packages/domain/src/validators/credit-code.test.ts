import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { USCC_CHARSET, usccCheckChar } from './checksum';
import { USCC_AUTHORITIES, validateCreditCode } from './credit-code';

describe('validateCreditCode', () => {
  it('accepts codes whose check character was computed by hand', () => {
    // 91350100M000100Y4: weighted sum 1640, 1640 mod 31 = 28, 31 − 28 = 3.
    expect(validateCreditCode('91350100M000100Y43')).toEqual({
      ok: true,
      normalized: '91350100M000100Y43',
      authority: { code: '9', label: '市场监督管理（工商）' },
      orgType: { code: '1', label: '企业' },
      regionCode: '350100',
    });
    // 91440300192203821: weighted sum 831, 831 mod 31 = 25, 31 − 25 = 6.
    expect(validateCreditCode(' 914403001922038216 ')).toMatchObject({ ok: true, regionCode: '440300' });
    expect(validateCreditCode('91350100m000100y43')).toMatchObject({
      ok: true,
      normalized: '91350100M000100Y43',
    });
  });

  it.each([
    ['91350100M000100Y4', 'USCC_LENGTH', '统一社会信用代码应为18位，实际为17位', undefined],
    [
      '91350100M0001O0Y43',
      'USCC_CHARSET',
      '第14位字符“O”不是统一社会信用代码允许的字符（代码中不使用字母I、O、S、V、Z）',
      14,
    ],
    ['B1350100M000100Y43', 'USCC_AUTHORITY', '第1位登记管理部门代码“B”无效', 1],
    [
      '94350100M000100Y43',
      'USCC_ORG_TYPE',
      '第2位机构类别代码“4”无效：登记管理部门为市场监督管理（工商）时只能是1、2、3',
      2,
    ],
    ['9135A100M000100Y43', 'USCC_REGION', '第3-8位登记管理机关行政区划码“35A100”无效，应为6位数字', 3],
    ['91350100M000100Y44', 'USCC_CHECKSUM', '第18位校验码应为 3，实际为 4', 18],
  ])('%s → %s', (value, code, message, position) => {
    expect(validateCreditCode(value)).toEqual({
      ok: false,
      code,
      message,
      ...(position ? { position } : {}),
    });
  });

  it('accepts every registration-authority / organisation-type pair of the table', () => {
    for (const [authority, { types }] of Object.entries(USCC_AUTHORITIES)) {
      for (const type of Object.keys(types)) {
        const body = `${authority}${type}110000MA0000000`;
        expect(validateCreditCode(body + usccCheckChar(body)).ok).toBe(true);
      }
    }
  });
});

describe('credit code properties', () => {
  const pairs = Object.entries(USCC_AUTHORITIES).flatMap(([authority, { types }]) =>
    Object.keys(types).map((type) => authority + type),
  );
  const chars = (n: number, set: string) =>
    fc.string({ unit: fc.constantFrom(...set), minLength: n, maxLength: n });
  const validCode = fc
    .tuple(fc.constantFrom(...pairs), chars(1, '12345678'), chars(5, '0123456789'), chars(9, USCC_CHARSET))
    .map((parts) => {
      const body = parts.join('');
      return body + usccCheckChar(body);
    });
  const ALPHABET = `${USCC_CHARSET}IOSVZ -`;

  it('valid codes pass and any single-character change fails', () => {
    fc.assert(
      fc.property(
        validCode.chain((valid) =>
          fc
            .tuple(fc.nat({ max: 17 }), fc.constantFrom(...ALPHABET))
            .filter(([i, ch]) => valid[i] !== ch)
            .map(([i, ch]) => [valid, valid.slice(0, i) + ch + valid.slice(i + 1)] as const),
        ),
        ([valid, changed]) => {
          expect(validateCreditCode(valid)).toMatchObject({ ok: true, normalized: valid });
          expect(validateCreditCode(changed).ok).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });
});
