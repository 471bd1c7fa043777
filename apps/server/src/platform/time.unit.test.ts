import { describe, expect, it } from 'vitest';
import { businessDateCache } from './time';

describe('businessDateCache', () => {
  const cst = 480; // China Standard Time, UTC+8

  it('gives the business date of each instant across a local midnight', () => {
    const today = businessDateCache(cst);
    // 2026-12-07 15:59:59.999 UTC is 23:59:59.999 in CST; one millisecond later is the next day.
    expect(today(Date.parse('2026-12-07T15:59:59.999Z'))).toBe('2026-12-07');
    expect(today(Date.parse('2026-12-07T16:00:00.000Z'))).toBe('2026-12-08');
    expect(today(Date.parse('2026-12-08T15:59:59.999Z'))).toBe('2026-12-08');
  });

  it('follows a clock set back to an earlier day', () => {
    const today = businessDateCache(cst);
    expect(today(Date.parse('2026-12-08T01:00:00Z'))).toBe('2026-12-08');
    expect(today(Date.parse('2026-12-06T01:00:00Z'))).toBe('2026-12-06');
    expect(today(Date.parse('2026-12-05T15:59:59Z'))).toBe('2026-12-05');
  });

  it('works for offsets west of UTC', () => {
    const today = businessDateCache(-90);
    expect(today(Date.parse('2026-12-07T01:29:59Z'))).toBe('2026-12-06');
    expect(today(Date.parse('2026-12-07T01:30:00Z'))).toBe('2026-12-07');
  });
});
