import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../workflows/errors';
import { DEFAULT_NUMBER_PATTERNS, formatNumber, parseNumber, validateNumberPattern } from './numbering';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return (e as DomainError).code;
  }
  return null;
};

describe('formatNumber', () => {
  it('formats the matter number with zero padding', () => {
    expect(formatNumber('随维〔{year}〕{seq:5}', 2026, 123)).toBe('随维〔2026〕00123');
  });

  it('formats the arbitration case number without padding', () => {
    expect(formatNumber('随劳人仲案字〔{year}〕第{seq}号', 2026, 15)).toBe('随劳人仲案字〔2026〕第15号');
  });

  it('allows patterns without a year', () => {
    expect(formatNumber('SZ-{seq:3}', 2026, 7)).toBe('SZ-007');
  });

  it.each([
    ['随维〔{year}〕{seq:2}', 2026, 123, 'NUMBERING_SEQ_OVERFLOW'],
    ['随维〔{year}〕{seq}', 26, 1, 'NUMBERING_BAD_YEAR'],
    ['随维〔{year}〕{seq}', 2026, 0, 'NUMBERING_BAD_SEQ'],
    ['随维〔{year}〕{seq}', 2026, 1.5, 'NUMBERING_BAD_SEQ'],
    ['随维〔{year}〕', 2026, 1, 'NUMBERING_SEQ_MISSING'],
  ])('%s with %d/%d → %s', (pattern, year, seq, code) => {
    expect(codeOf(() => formatNumber(pattern, year, seq))).toBe(code);
  });

  it('default patterns are valid', () => {
    for (const p of Object.values(DEFAULT_NUMBER_PATTERNS)) expect(validateNumberPattern(p)).toEqual([]);
  });
});

describe('validateNumberPattern', () => {
  it.each([
    ['', 'NUMBERING_PATTERN_EMPTY'],
    ['随维{year', 'NUMBERING_UNBALANCED_BRACE'],
    ['随维year}{seq}', 'NUMBERING_UNBALANCED_BRACE'],
    ['随维{yyyy}{seq}', 'NUMBERING_UNKNOWN_TOKEN'],
    ['随维{seq:0}', 'NUMBERING_BAD_WIDTH'],
    ['随维{seq:11}', 'NUMBERING_BAD_WIDTH'],
    ['随维{year}', 'NUMBERING_SEQ_MISSING'],
    ['{seq}-{seq}', 'NUMBERING_SEQ_DUPLICATE'],
    ['{year}{year}{seq}', 'NUMBERING_YEAR_DUPLICATE'],
  ])('%j → %s with a Chinese message', (pattern, code) => {
    const issues = validateNumberPattern(pattern);
    expect(issues.map((i) => i.code)).toContain(code);
    for (const i of issues) expect(i.message).toMatch(/[\u4e00-\u9fa5]/);
  });
});

describe('parseNumber', () => {
  it('reads year and sequence back', () => {
    expect(parseNumber(DEFAULT_NUMBER_PATTERNS.arbitration_case, '随劳人仲案字〔2026〕第15号')).toEqual({
      year: 2026,
      seq: 15,
    });
    expect(parseNumber(DEFAULT_NUMBER_PATTERNS.matter, '随维〔2026〕00123')).toEqual({
      year: 2026,
      seq: 123,
    });
    expect(parseNumber(DEFAULT_NUMBER_PATTERNS.matter, '随维〔2026〕123')).toBeNull();
    expect(parseNumber('{seq}[x]', '5[x]')).toEqual({ year: null, seq: 5 });
  });

  it('round-trips every year and sequence', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.values(DEFAULT_NUMBER_PATTERNS)),
        fc.integer({ min: 2000, max: 2099 }),
        fc.integer({ min: 1, max: 9999 }),
        (pattern, year, seq) => {
          expect(parseNumber(pattern, formatNumber(pattern, year, seq))).toEqual({ year, seq });
        },
      ),
    );
  });
});
