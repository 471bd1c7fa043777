import { describe, expect, it } from 'vitest';
import {
  businessDate,
  businessDateTime,
  chineseDate,
  chineseDateClockOf,
  chineseDateOrDash,
  DEFAULT_TZ_OFFSET_MINUTES,
  endOfBusinessDay,
  offsetSuffix,
  startOfBusinessDay,
  withOffset,
} from './time';

describe('the one time module', () => {
  it('takes the business date of an instant in the configured zone', () => {
    const instant = new Date('2026-12-06T17:00:00Z');
    expect(businessDate(instant, DEFAULT_TZ_OFFSET_MINUTES)).toBe('2026-12-07');
    expect(businessDate(instant, 0)).toBe('2026-12-06');
    expect(businessDateTime('2026-12-06T17:05:00Z', 480)).toBe('2026-12-07T01:05');
  });

  it('bounds a business day by its local midnights', () => {
    expect(startOfBusinessDay('2026-12-07', 480).toISOString()).toBe('2026-12-06T16:00:00.000Z');
    expect(endOfBusinessDay('2026-12-07', 480).toISOString()).toBe('2026-12-07T16:00:00.000Z');
    expect(startOfBusinessDay('2026-12-07', -90).toISOString()).toBe('2026-12-07T01:30:00.000Z');
    expect(() => startOfBusinessDay('2026-12-7', 480)).toThrow(RangeError);
  });

  it('writes the offset as ISO 8601 does', () => {
    expect(offsetSuffix(480)).toBe('+08:00');
    expect(offsetSuffix(-90)).toBe('-01:30');
    expect(withOffset('2026-12-07T09:30', 480)).toBe('2026-12-07T09:30:00+08:00');
    expect(new Date(withOffset('2026-12-07T09:30', 480)).toISOString()).toBe('2026-12-07T01:30:00.000Z');
  });

  it('prints Chinese dates without leading zeros', () => {
    expect(chineseDate('2026-01-07')).toBe('2026年1月7日');
    expect(chineseDateClockOf('2026-12-06T17:05:00Z', 480)).toBe('2026年12月7日 01:05');
    expect(chineseDateOrDash(null)).toBe('—');
    expect(chineseDateOrDash('2026-12-07T10:00:00Z')).toBe('2026年12月7日');
  });
});
