import { describe, expect, it } from 'vitest';
import { deemedServedAt, effectiveServiceState, serviceSummary } from './documents.delivery';
import { DEFAULT_PATTERNS, draftNumber, patternProblems } from './documents.numbering';
import { isPng } from './admin.routes';
import { sampleSealPng } from './render/index';
import { formatShortCode, generateShortCode, normalizeShortCode, SHORT_CODE_ALPHABET } from './short-code';

describe('short codes', () => {
  it('are 8 characters from the unambiguous alphabet and round-trip through what people type', () => {
    for (let i = 0; i < 200; i++) {
      const code = generateShortCode();
      expect(code).toMatch(new RegExp(`^[${SHORT_CODE_ALPHABET}]{8}$`));
      expect(normalizeShortCode(formatShortCode(code).toLowerCase())).toBe(code);
    }
    expect(normalizeShortCode('O0I1-L5SZ')).toBeNull();
    expect(normalizeShortCode('ACD')).toBeNull();
  });
});

describe('service rules', () => {
  it('deems a public notice served thirty days after publication', () => {
    expect(deemedServedAt('2026-11-01').toISOString()).toBe('2026-11-30T16:00:00.000Z');
    const row = {
      method: 'public_notice' as const,
      state: 'pending' as const,
      served_at: deemedServedAt('2026-11-01'),
    };
    expect(effectiveServiceState(row, new Date('2026-11-30T15:59:59Z'))).toBe('pending');
    expect(effectiveServiceState(row, new Date('2026-11-30T16:00:00Z'))).toBe('served');
  });

  it('summarises the service of a document', () => {
    expect(serviceSummary([])).toBe('none');
    expect(serviceSummary(['served', 'refused'])).toBe('served');
    expect(serviceSummary(['served', 'pending'])).toBe('partial');
    expect(serviceSummary(['pending', 'returned'])).toBe('pending');
    expect(serviceSummary(['returned'])).toBe('returned');
  });
});

describe('number patterns', () => {
  it('seeds only valid patterns, each with its basis', () => {
    for (const p of DEFAULT_PATTERNS) {
      expect(patternProblems(p.pattern), p.pattern).toEqual([]);
      expect(p.basis.length).toBeGreaterThan(10);
    }
  });

  it('shows drafts with the year and a blank sequence', () => {
    expect(draftNumber('随劳人仲受字〔{year}〕第{seq}号', 2026)).toBe('随劳人仲受字〔2026〕第　　号');
    expect(draftNumber(undefined, 2026)).toBe('（文号于签发时生成）');
  });
});

describe('seal sniffing', () => {
  it('accepts a PNG by its bytes only', () => {
    expect(isPng(sampleSealPng(64))).toBe(true);
    expect(isPng(Buffer.from('GIF89a................................'))).toBe(false);
  });
});
