import { describe, expect, it } from 'vitest';
import { breakLines, toUnits } from './layout.js';

const measure = (ch: string) => (ch.charCodeAt(0) < 0x2e80 ? 8 : 16);

describe('CJK line breaking', () => {
  it('keeps closing punctuation, opening brackets and Latin runs together', () => {
    expect(toUnits('你好，（世界）abc12中').map((u) => u.join(''))).toEqual([
      '你',
      '好，',
      '（世',
      '界）',
      'abc12',
      '中',
    ]);
  });

  it('keeps a grouped amount in one piece', () => {
    expect(toUnits('罚款3,000.00元').map((u) => u.join(''))).toEqual(['罚', '款', '3,000.00', '元']);
  });

  it('fills lines to the width and never starts a line with a comma', () => {
    const text = '一二三四五，六七八九十';
    const lines = breakLines(text, measure, 0, 16 * 5);
    expect(lines.map((l) => l.chars.join(''))).toEqual(['一二三四', '五，六七八', '九十']);
    expect(lines[0]?.spacing).toBeCloseTo(16 / 3);
    expect(lines[2]?.spacing).toBe(0);
  });

  it('honours a narrower first line (indent) and breaks over-long units', () => {
    const lines = breakLines('甲乙丙丁戊己庚辛', measure, 0, 64, 32);
    expect(lines.map((l) => l.chars.length)).toEqual([2, 4, 2]);
    expect(breakLines('x'.repeat(30), measure, 0, 80).map((l) => l.chars.length)).toEqual([10, 10, 10]);
  });
});
